package rgwmon;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

import rgwmon.exec.RadosgwCommandLine;
import rgwmon.processors.BucketInstanceMetadataParser;
import rgwmon.processors.BucketStatsParser;
import rgwmon.processors.BucketSyncStatusParser;
import rgwmon.processors.DataSyncShardStatusParser;
import rgwmon.processors.DataSyncStatusParser;
import rgwmon.processors.DatalogStatusParser;
import rgwmon.processors.PeriodParser;
import rgwmon.processors.SyncErrorListParser;
import rgwmon.processors.SyncStatusParser;
import rgwmon.exec.RadosgwOutcome;
import rgwmon.exec.RadosgwSettings;

/**
 * The beans every role uses, registered by name: how radosgw-admin is run, and one parser per
 * command. Routes refer to these names ({@code process: {ref: syncStatusParser}}); tunables come
 * from application.properties. Role-specific beans live in their own configuration classes.
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

    // --- one parser per radosgw-admin command (pure; safe to share between routes) ---

    @BindToRegistry
    public SyncStatusParser syncStatusParser() {
        return new SyncStatusParser();
    }

    @BindToRegistry
    public BucketSyncStatusParser bucketSyncStatusParser() {
        return new BucketSyncStatusParser();
    }

    @BindToRegistry
    public SyncErrorListParser syncErrorListParser() {
        return new SyncErrorListParser();
    }

    @BindToRegistry
    public BucketStatsParser bucketStatsParser() {
        return new BucketStatsParser();
    }

    @BindToRegistry
    public PeriodParser periodParser() {
        return new PeriodParser();
    }

    @BindToRegistry
    public DataSyncStatusParser dataSyncStatusParser() {
        return new DataSyncStatusParser();
    }

    @BindToRegistry
    public DataSyncShardStatusParser dataSyncShardStatusParser() {
        return new DataSyncShardStatusParser();
    }

    @BindToRegistry
    public DatalogStatusParser datalogStatusParser() {
        return new DatalogStatusParser();
    }

    @BindToRegistry
    public BucketInstanceMetadataParser bucketInstanceMetadataParser() {
        return new BucketInstanceMetadataParser();
    }
}
