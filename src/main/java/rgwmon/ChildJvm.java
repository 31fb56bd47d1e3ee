package rgwmon;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a child JVM of the same monitor (the demo's agent, a test's primary) needs from this one. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * This JVM's class path without empty entries: an empty entry means the working directory, and
     * run from a checkout (as under Surefire, whose class path ends with one) that puts its routes/
     * and agent-routes/ folders on the child's class path a second time: duplicate routes.
     */
    public static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
