package rgwmon.collect;

import java.time.Clock;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * Beans of the primary's collectors (routes/collect-*.camel.yaml). Inert where those routes are
 * not loaded: the agent role loads only agent-routes/, and the start-up gate acts only when the
 * topology route exists.
 */
public class CollectionConfiguration implements CamelConfiguration {

    private final Clock clock = Clock.systemUTC();
    private final CollectionFailures failures = new CollectionFailures(clock);

    @BindToRegistry
    public CollectionPlan collectionPlan(
            @PropertyInject(value = "rgw.admin.zone", defaultValue = "") String configuredZone,
            @PropertyInject(value = "rgw.collect.rest.enabled", defaultValue = "false") boolean restEnabled,
            @PropertyInject(value = "rgw.collect.bucket-stats.other-zones", defaultValue = "true") boolean otherZones) {
        return new CollectionPlan(configuredZone, restEnabled || otherZones);
    }

    @BindToRegistry
    public CollectionFailures collectionFailures() {
        return failures;
    }

    @BindToRegistry
    public BucketInstanceCandidates bucketInstanceCandidates(
            @PropertyInject(value = "rgw.collect.bucket-instances.max-per-cycle", defaultValue = "20") int maxPerCycle) {
        return new BucketInstanceCandidates(maxPerCycle, clock);
    }

    @BindToRegistry
    public RgwAdminRestClient rgwAdminRest(
            @PropertyInject(value = "rgw.collect.rest.enabled", defaultValue = "false") boolean enabled,
            @PropertyInject(value = "rgw.collect.rest.access-key", defaultValue = "") String accessKey,
            @PropertyInject(value = "rgw.collect.rest.secret-key", defaultValue = "") String secretKey,
            @PropertyInject(value = "rgw.collect.rest.verify-tls", defaultValue = "true") boolean verifyTls,
            @PropertyInject(value = "rgw.collect.rest.region", defaultValue = "") String region,
            @PropertyInject(value = "rgw.collect.rest.timeout-seconds", defaultValue = "30") int timeoutSeconds) {
        return new RgwAdminRestClient(
                new RgwAdminRestClient.Settings(enabled, accessKey, secretKey, verifyTls, region, timeoutSeconds), clock);
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        boolean preflight = Boolean.parseBoolean(
                camelContext.getPropertiesComponent().resolveProperty("rgw.collect.preflight.enabled").orElse("true"));
        PrimaryStartupGate gate = new PrimaryStartupGate(preflight, failures);
        camelContext.getRegistry().bind("primaryStartupGate", gate);
        camelContext.addStartupListener(gate);
    }
}
