package rgwmon.collect;

import org.apache.camel.spi.Registry;

import rgwmon.processors.BucketInstanceMetadataParser;
import rgwmon.processors.BucketStatsParser;
import rgwmon.processors.BucketSyncStatusParser;
import rgwmon.processors.DataSyncShardStatusParser;
import rgwmon.processors.DataSyncStatusParser;
import rgwmon.processors.DatalogStatusParser;
import rgwmon.processors.PeriodParser;
import rgwmon.processors.SyncErrorListParser;
import rgwmon.processors.SyncStatusParser;

/** The real parsers under the bean names the routes use (the application registers the same). */
public final class ParserBeans {

    private ParserBeans() {
    }

    public static void bindAll(Registry registry) {
        registry.bind("periodParser", new PeriodParser());
        registry.bind("syncStatusParser", new SyncStatusParser());
        registry.bind("bucketSyncStatusParser", new BucketSyncStatusParser());
        registry.bind("syncErrorListParser", new SyncErrorListParser());
        registry.bind("bucketStatsParser", new BucketStatsParser());
        registry.bind("dataSyncStatusParser", new DataSyncStatusParser());
        registry.bind("dataSyncShardStatusParser", new DataSyncShardStatusParser());
        registry.bind("datalogStatusParser", new DatalogStatusParser());
        registry.bind("bucketInstanceMetadataParser", new BucketInstanceMetadataParser());
    }
}
