package rgwmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the primary's API says, read the way an operator's script would (JSON paths of the
 * documented answers), with each dashboard answer handed to the {@link UnreadableOutputWatch}.
 */
final class MonitorReadings {

    private final MonitorApi api;
    private final UnreadableOutputWatch watch;

    MonitorReadings(MonitorApi api, UnreadableOutputWatch watch) {
        this.api = api;
        this.watch = watch;
    }

    /** GET /api/dashboard: health, zones, agents, parts (freshness), summary. */
    JsonNode dashboard() {
        JsonNode dashboard = api.json("/api/dashboard?last_n=0");
        watch.inspectDashboard(dashboard);
        return dashboard;
    }

    JsonNode health() {
        return api.json("/api/health");
    }

    /** GET /api/buckets/{name}: the bucket across zones; fails the poll when the bucket is unknown. */
    JsonNode bucket(String name) {
        return api.json("/api/buckets/" + MonitorApi.encode(name)).path("bucket");
    }

    /** The bucket on a non-master zone, compared with the master zone. */
    JsonNode bucketOn(String bucket, String zone) {
        for (JsonNode view : bucket(bucket).path("zones")) {
            if (zone.equals(view.path("zone").asText())) {
                return view;
            }
        }
        throw new AssertionError("bucket " + bucket + " has no view for zone " + zone + ": " + bucket(bucket));
    }

    /** The zone's sync from one source zone (a "data sync source" block, from its agent or the primary). */
    JsonNode source(String zone, String sourceZone) {
        JsonNode sync = zoneSync(zone);
        for (JsonNode source : sync.path("sources")) {
            if (sourceZone.equals(source.path("sourceZone").asText())) {
                return source;
            }
        }
        throw new AssertionError(zone + " has no data sync source " + sourceZone + ": " + sync);
    }

    /** The zone's own sync status as the primary holds it (GET /api/sync-status, current). */
    JsonNode zoneSync(String zone) {
        for (JsonNode current : api.json("/api/sync-status?last_n=0").path("current")) {
            if (zone.equals(current.path("zone").asText())) {
                assertThat(current.path("sync").isObject()).as("sync status of %s known: %s", zone, current).isTrue();
                return current.path("sync");
            }
        }
        throw new AssertionError("GET /api/sync-status does not list zone " + zone);
    }

    /** GET /api/zone-agents, the zone's entry. */
    JsonNode agent(String zone) {
        JsonNode agent = api.json("/api/zone-agents").path(zone);
        assertThat(agent.isObject()).as("GET /api/zone-agents lists %s", zone).isTrue();
        return agent;
    }

    /** GET /api/errors with a query string (e.g. "zone=us-west"). */
    JsonNode errors(String query) {
        return api.json("/api/errors?" + query);
    }

    PrometheusText metrics() {
        return api.metrics();
    }

    /** A gauge of /metrics that must be there. */
    double gauge(String name, Map<String, String> labels) {
        Optional<Double> value = metrics().value(name, labels);
        assertThat(value).as("/metrics has %s%s", name, labels).isPresent();
        return value.get();
    }
}
