package rgwmon;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

import rgwmon.exec.RadosgwCommandLine;
import rgwmon.exec.RadosgwOutcome;
import rgwmon.exec.RadosgwSettings;

/**
 * Every bean the routes use, registered by name. Routes refer to these names
 * ({@code process: {ref: radosgwCommandLine}}); tunables come from application.properties.
 */
public class RgwMonitorConfiguration implements CamelConfiguration {

    @BindToRegistry
    public RadosgwSettings radosgwSettings(
            @PropertyInject("rgw.admin.binary") String binary,
            @PropertyInject(value = "rgw.admin.cluster", defaultValue = "") String cluster,
            @PropertyInject(value = "rgw.admin.conf", defaultValue = "") String conf,
            @PropertyInject(value = "rgw.admin.id", defaultValue = "") String clientId,
            @PropertyInject(value = "rgw.admin.zone", defaultValue = "") String zone,
            @PropertyInject(value = "rgw.admin.extra-args", defaultValue = "") String extraArgs,
            @PropertyInject("rgw.admin.timeout-seconds") int timeoutSeconds,
            @PropertyInject("rgw.admin.kill-after-seconds") int killAfterSeconds) {
        return new RadosgwSettings(binary, cluster, conf, clientId, zone, extraArgs, timeoutSeconds, killAfterSeconds);
    }

    @BindToRegistry
    public RadosgwCommandLine radosgwCommandLine(RadosgwSettings radosgwSettings) {
        return new RadosgwCommandLine(radosgwSettings);
    }

    @BindToRegistry
    public RadosgwOutcome radosgwOutcome(RadosgwSettings radosgwSettings) {
        return new RadosgwOutcome(radosgwSettings);
    }
}
