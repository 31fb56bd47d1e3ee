package rgwmon.collect;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects every log event while open (log4j2 is the logging backend of the application). */
final class LogCapture implements AutoCloseable {

    final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    LogCapture() {
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.add(event.toImmutable());
            }
        };
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    List<String> messagesFrom(Class<?> source) {
        return events.stream().filter(e -> source.getName().equals(e.getLoggerName()))
                .map(e -> e.getMessage().getFormattedMessage()).toList();
    }

    List<LogEvent> withThrowable() {
        return events.stream().filter(e -> e.getThrown() != null).toList();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
