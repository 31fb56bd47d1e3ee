package rgwmon.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.exec.RadosgwCommandException;
import rgwmon.exec.RadosgwCommandLine;
import rgwmon.exec.RadosgwSettings;
import rgwmon.model.SyncStatus;
import rgwmon.processors.RadosgwParseException;
import rgwmon.processors.RadosgwParser;

/**
 * Checks before the first cycle, in order: the token and the spool directory creatable and
 * writable (unless --dry-run), radosgw-admin and the timeout wrapper runnable, cluster access
 * ({@code realm get}), the primary reachable ({@code GET /api/health}, skipped with --dry-run), and
 * the zone detected from {@code sync status} (and equal to --zone when given). The first failure ends
 * the run with its own exit code and a one-line reason. An unreachable primary ends only a --once
 * run: the daemon warns and starts cycling, its reports wait in the spool until the primary is back.
 */
public final class AgentPreflight {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPreflight.class);

    /** Why the agent cannot start. */
    public record Failure(AgentExit exit, String reason) {
    }

    private final CamelContext context;
    private final boolean dryRun;
    private final boolean once;

    public AgentPreflight(CamelContext context, boolean dryRun, boolean once) {
        this.context = context;
        this.dryRun = dryRun;
        this.once = once;
    }

    public Optional<Failure> run() {
        try (ProducerTemplate template = context.createProducerTemplate()) {
            return firstFailure(template);
        } catch (IOException e) {
            return Optional.of(new Failure(AgentExit.FAILURE, e.getMessage()));
        }
    }

    private Optional<Failure> firstFailure(ProducerTemplate template) {
        if (!dryRun) {
            AgentToken token = bean("agentToken", AgentToken.class);
            try {
                token.value();
                warnIfReadableByOthers(token);
            } catch (IOException e) {
                return fail(AgentExit.CONFIG, e.getMessage());
            }
            try {
                bean("reportSpool", ReportSpool.class).checkWritable();
            } catch (IOException e) {
                return fail(AgentExit.CONFIG, e.getMessage());
            }
        }
        RadosgwSettings settings = bean("radosgwSettings", RadosgwSettings.class);
        String timeoutCommand = context.resolvePropertyPlaceholders("{{rgw.admin.timeout-command}}");
        if (!runnable(timeoutCommand)) {
            return fail(AgentExit.BINARY, "the timeout wrapper '" + timeoutCommand
                    + "' (coreutils) is not runnable or not on PATH");
        }
        if (!runnable(settings.binary())) {
            return fail(AgentExit.BINARY, "radosgw-admin '" + settings.binary() + "' is not runnable or not on PATH"
                    + " (set rgw.admin.binary / radosgw_admin.binary)");
        }
        try {
            call(template, "realm get");
        } catch (RadosgwCommandException e) {
            return fail(e.kind() == RadosgwCommandException.Kind.NOT_FOUND ? AgentExit.BINARY : AgentExit.CLUSTER,
                    "no cluster access: " + e.getMessage());
        }
        if (!dryRun) {
            Optional<Failure> primary = checkPrimary(template);
            if (primary.isPresent()) {
                return primary;
            }
        }
        return checkZone(template);
    }

    private Optional<Failure> checkPrimary(ProducerTemplate template) {
        String url = context.resolvePropertyPlaceholders("{{rgw.agent.primary-url}}");
        Exchange answer = template.send("direct:agent-primary-health", e -> { });
        String error = answer.getException() != null ? answer.getException().getMessage()
                : answer.getProperty(ReportDelivery.PUSH_ERROR, String.class);
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (error != null || (status != null && status / 100 == 5)) {
            String reason = "primary " + url + " unreachable: " + (error != null ? error : "/api/health answered " + status);
            if (once) {
                return fail(AgentExit.PRIMARY, reason);
            }
            // the daemon starts anyway: its reports are spooled and delivered once the primary is back
            LOG.warn("{}; starting anyway, reports wait in the spool until it answers", reason);
            return Optional.empty();
        }
        if (status == null || status / 100 != 2) {
            return fail(AgentExit.PRIMARY, "primary " + url + "/api/health answered " + status
                    + ": is this the rgw-multisite-monitor primary?");
        }
        return Optional.empty();
    }

    private Optional<Failure> checkZone(ProducerTemplate template) {
        String configured = context.resolvePropertyPlaceholders("{{rgw.agent.zone}}").trim();
        SyncStatus status;
        try {
            @SuppressWarnings("unchecked")
            RadosgwParser<SyncStatus> parser = bean("syncStatusParser", RadosgwParser.class);
            status = parser.parse(call(template, "sync status"));
        } catch (RadosgwCommandException | RadosgwParseException e) {
            return fail(AgentExit.ZONE, "zone not detected: " + e.getMessage());
        }
        String detected = status.zoneName();
        if (detected == null || detected.isBlank()) {
            return fail(AgentExit.ZONE, "zone not detected: sync status names no zone (give --zone)");
        }
        if (!configured.isEmpty() && !configured.equals(detected)) {
            return fail(AgentExit.ZONE, "sync status reports zone '" + detected + "', not '" + configured
                    + "' as configured (--zone / zone_name)");
        }
        bean("agentCollector", AgentCollector.class).zoneDetected(status);
        if (ShardDrillDown.pulledSources(status).isEmpty()) {
            LOG.warn("Zone {} pulls data from no other zone: its reports will show no data sync", detected);
        }
        LOG.info("Pre-flight passed: zone {} ({}), {}", detected, status.zoneId(),
                dryRun ? "dry run: nothing is pushed" : "pushing to " + context.resolvePropertyPlaceholders(
                        "{{rgw.agent.primary-url}}"));
        return Optional.empty();
    }

    private static String call(ProducerTemplate template, String command) throws RadosgwCommandException {
        try {
            return template.requestBodyAndHeader("direct:radosgw-admin", null, RadosgwCommandLine.COMMAND, command,
                    String.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RadosgwCommandException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** A path must be an executable file; a bare name must be one in a PATH directory. */
    static boolean runnable(String command) {
        if (command == null || command.isBlank()) {
            return false;
        }
        if (command.contains(File.separator)) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static void warnIfReadableByOthers(AgentToken token) {
        if (!token.source().startsWith("token file ")) {
            return;
        }
        Path file = Path.of(token.source().substring("token file ".length()));
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("Token file {} is readable by every user: chmod 600 (or 640 with a dedicated group)", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to say
        }
    }

    private <T> T bean(String name, Class<T> type) {
        T bean = context.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("bean " + name + " is not registered");
        }
        return bean;
    }

    private static Optional<Failure> fail(AgentExit exit, String reason) {
        return Optional.of(new Failure(exit, reason));
    }
}
