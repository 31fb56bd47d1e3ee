package rgwmon.processors;

import java.nio.file.Path;
import java.util.List;

/**
 * Every parser with the fixtures of its command: the list the cross-parser tests walk
 * ({@link ParserRobustnessProperties}, {@link RealFixturesTest}). Adding a parser is one line.
 */
final class ParserCatalog {

    /** A parser and the fixture files (real and synthetic) of its command. */
    record Entry(RadosgwParser<?> parser, List<Path> fixtures) {
        @Override
        public String toString() {
            return parser.getClass().getSimpleName();
        }
    }

    static final List<Entry> ALL = List.of(
            new Entry(new SyncErrorListParser(), Fixtures.of("sync-error-list")),
            new Entry(new BucketStatsParser(), Fixtures.of("bucket-stats")),
            new Entry(new PeriodParser(), Fixtures.of("period-get")),
            new Entry(new DataSyncStatusParser(), Fixtures.of("data-sync-status", name -> !name.contains("__shard-id-"))),
            new Entry(new DataSyncShardStatusParser(), Fixtures.of("data-sync-status", name -> name.contains("__shard-id-"))),
            new Entry(new DatalogStatusParser(), Fixtures.of("datalog-status")),
            new Entry(new BucketInstanceMetadataParser(), Fixtures.of("metadata-get")),
            new Entry(new SyncStatusParser(), Fixtures.of("sync-status")),
            new Entry(new BucketSyncStatusParser(), Fixtures.of("bucket-sync-status")));

    private ParserCatalog() {
    }
}
