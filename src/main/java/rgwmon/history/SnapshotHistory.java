package rgwmon.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rgwmon.store.BucketView;
import rgwmon.store.BucketZoneView;
import rgwmon.store.Health;
import rgwmon.store.MonitorStore;
import rgwmon.store.Priority;
import rgwmon.store.Snapshot;
import rgwmon.store.SourceSyncView;
import rgwmon.store.ZoneBucketSummary;
import rgwmon.store.ZoneView;

/**
 * History of snapshots in an embedded H2 file (bean {@code snapshotHistory}), so a restart keeps it.
 *
 * <p>Every sample stores one row per zone (the numbers the charts need). Bucket rows are written only
 * when a bucket's numbers on a zone changed, or when its last row is older than the refresh interval,
 * at most {@code maxBucketRowsPerSample} per sample (worst priority first; the rest follow in later
 * samples). Rows older than the retention are pruned. Only the last written fingerprint per bucket and
 * zone is kept in memory; queries are bounded by their limit. Opened on first use, so a role that
 * never samples never creates the file.
 */
public class SnapshotHistory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHistory.class);

    private final MonitorStore store;
    private final Path path;
    private final Duration retention;
    private final int maxBucketRowsPerSample;
    private final Duration bucketRefresh;
    private final Clock clock;

    /** bucket + zone → what was last written for it; bounded by the buckets the store tracks. */
    private final Map<String, Written> lastWritten = new HashMap<>();
    private Connection connection;

    private record Written(int fingerprint, Instant at) {
    }

    public SnapshotHistory(MonitorStore store, Path path, Duration retention, int maxBucketRowsPerSample,
                           Duration bucketRefresh, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.path = path.toAbsolutePath().normalize();
        this.retention = retention;
        this.maxBucketRowsPerSample = maxBucketRowsPerSample;
        this.bucketRefresh = bucketRefresh;
        this.clock = clock;
    }

    public Path path() {
        return path;
    }

    public Duration retention() {
        return retention;
    }

    // ------------------------------------------------------------------ writing

    /** Samples the store's latest snapshot (the history timer calls this). */
    public void recordLatest() {
        record(store.snapshot(), store.health());
    }

    public synchronized void record(Snapshot snapshot, Health health) {
        Instant at = clock.instant();
        try {
            Connection db = connection();
            db.setAutoCommit(false);
            try {
                long sampleId = insertSample(db, at, snapshot.sequence(), health.status().name());
                insertZones(db, sampleId, snapshot);
                int buckets = insertBuckets(db, at, snapshot);
                db.commit();
                LOG.debug("history sample {} of snapshot {}: {} bucket rows", sampleId, snapshot.sequence(), buckets);
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write history to " + path + ": " + e.getMessage(), e);
        }
    }

    private static long insertSample(Connection db, Instant at, long sequence, String health) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO history_sample (sampled_at, snapshot_seq, health) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, utc(at));
            insert.setLong(2, sequence);
            insert.setString(3, health);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertZones(Connection db, long sampleId, Snapshot snapshot) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO zone_sample (sample_id, zone, master, buckets, "
                + "objects, bytes, pending_objects, pending_bytes, avg_sync_percent, buckets_behind, buckets_high, "
                + "buckets_medium, buckets_low, buckets_synced, buckets_disabled, errors, lag_seconds, behind_shards, "
                + "recovering_shards, sync_behind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ZoneView zone : snapshot.zones()) {
                ZoneSample sample = sample(zone);
                int i = 1;
                insert.setLong(i++, sampleId);
                insert.setString(i++, sample.zone());
                insert.setBoolean(i++, sample.master());
                insert.setInt(i++, sample.buckets());
                insert.setLong(i++, sample.objects());
                insert.setLong(i++, sample.bytes());
                insert.setLong(i++, sample.pendingObjects());
                insert.setLong(i++, sample.pendingBytes());
                setNullable(insert, i++, sample.avgSyncPercent(), Types.DOUBLE);
                insert.setInt(i++, sample.bucketsBehind());
                insert.setInt(i++, sample.bucketsHigh());
                insert.setInt(i++, sample.bucketsMedium());
                insert.setInt(i++, sample.bucketsLow());
                insert.setInt(i++, sample.bucketsSynced());
                insert.setInt(i++, sample.bucketsDisabled());
                insert.setInt(i++, sample.errors());
                setNullable(insert, i++, sample.lagSeconds(), Types.BIGINT);
                insert.setInt(i++, sample.behindShards());
                insert.setInt(i++, sample.recoveringShards());
                insert.setBoolean(i, sample.syncBehind());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The chart numbers of one zone of a snapshot. */
    static ZoneSample sample(ZoneView zone) {
        ZoneBucketSummary buckets = zone.buckets();
        Map<Priority, Integer> byPriority = buckets == null ? Map.of() : buckets.byPriority();
        int behindShards = 0;
        int recoveringShards = 0;
        if (zone.sync() != null) {
            for (SourceSyncView source : zone.sync().sources()) {
                behindShards += source.behindShardCount();
                recoveringShards += source.recoveringShardCount();
            }
        }
        return new ZoneSample(zone.name(), zone.master(),
                zone.totals() == null ? 0 : zone.totals().buckets(),
                zone.totals() == null ? 0 : zone.totals().objects(),
                zone.totals() == null ? 0 : zone.totals().bytes(),
                buckets == null ? 0 : buckets.pendingObjects(), buckets == null ? 0 : buckets.pendingBytes(),
                buckets == null ? null : buckets.avgSyncPercent(), buckets == null ? 0 : buckets.behind(),
                byPriority.getOrDefault(Priority.HIGH, 0), byPriority.getOrDefault(Priority.MEDIUM, 0),
                byPriority.getOrDefault(Priority.LOW, 0), byPriority.getOrDefault(Priority.SYNCED, 0),
                byPriority.getOrDefault(Priority.DISABLED, 0), zone.errorCount(),
                zone.sync() == null ? null : zone.sync().lagSeconds(), behindShards, recoveringShards,
                zone.sync() != null && zone.sync().behind());
    }

    private int insertBuckets(Connection db, Instant at, Snapshot snapshot) throws SQLException {
        record Candidate(String key, BucketView bucket, BucketZoneView zone, int fingerprint, boolean changed) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Boolean> present = new HashMap<>();
        for (BucketView bucket : snapshot.buckets().values()) {
            for (BucketZoneView zone : bucket.zones()) {
                String key = bucket.name() + '\n' + zone.zone();
                present.put(key, Boolean.TRUE);
                int fingerprint = fingerprint(bucket, zone);
                Written written = lastWritten.get(key);
                boolean changed = written == null || written.fingerprint() != fingerprint;
                if (changed || Duration.between(written.at(), at).compareTo(bucketRefresh) >= 0) {
                    candidates.add(new Candidate(key, bucket, zone, fingerprint, changed));
                }
            }
        }
        lastWritten.keySet().retainAll(present.keySet());
        candidates.sort(Comparator.comparing(Candidate::changed).reversed()
                .thenComparing(candidate -> candidate.zone().priority())
                .thenComparing(candidate -> candidate.bucket().name()));
        List<Candidate> chosen = candidates.subList(0, Math.min(candidates.size(), maxBucketRowsPerSample));
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bucket_sample (sampled_at, bucket, zone, "
                + "master_objects, master_bytes, objects, bytes, object_delta, sync_percent, state, priority, "
                + "behind_shards, recovering_shards) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Candidate candidate : chosen) {
                BucketView bucket = candidate.bucket();
                BucketZoneView zone = candidate.zone();
                int i = 1;
                insert.setObject(i++, utc(at));
                insert.setString(i++, bucket.name());
                insert.setString(i++, zone.zone());
                setNullable(insert, i++, bucket.master() == null ? null : bucket.master().objects(), Types.BIGINT);
                setNullable(insert, i++, bucket.master() == null ? null : bucket.master().bytes(), Types.BIGINT);
                setNullable(insert, i++, zone.counts() == null ? null : zone.counts().objects(), Types.BIGINT);
                setNullable(insert, i++, zone.counts() == null ? null : zone.counts().bytes(), Types.BIGINT);
                setNullable(insert, i++, zone.objectDelta(), Types.BIGINT);
                setNullable(insert, i++, zone.syncPercent(), Types.DOUBLE);
                insert.setString(i++, zone.state().name());
                insert.setString(i++, zone.priority().name());
                insert.setInt(i++, zone.behindShards().size());
                insert.setInt(i, zone.recoveringShards().size());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (Candidate candidate : chosen) {
            lastWritten.put(candidate.key(), new Written(candidate.fingerprint(), at));
        }
        return chosen.size();
    }

    private static int fingerprint(BucketView bucket, BucketZoneView zone) {
        return Objects.hash(bucket.master() == null ? null : bucket.master().objects(),
                bucket.master() == null ? null : bucket.master().bytes(),
                zone.counts() == null ? null : zone.counts().objects(),
                zone.counts() == null ? null : zone.counts().bytes(),
                zone.state(), zone.priority(), zone.behindShards().size(), zone.recoveringShards().size());
    }

    /** Deletes samples older than the retention; returns how many sample rows went. */
    public synchronized int prune() {
        OffsetDateTime cutoff = utc(clock.instant().minus(retention));
        try (PreparedStatement buckets = connection().prepareStatement("DELETE FROM bucket_sample WHERE sampled_at < ?");
             PreparedStatement samples = connection().prepareStatement("DELETE FROM history_sample WHERE sampled_at < ?")) {
            buckets.setObject(1, cutoff);
            int bucketRows = buckets.executeUpdate();
            samples.setObject(1, cutoff);
            int sampleRows = samples.executeUpdate();
            if (sampleRows > 0 || bucketRows > 0) {
                LOG.info("history pruned: {} samples and {} bucket rows older than {}", sampleRows, bucketRows, cutoff);
            }
            return sampleRows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune history in " + path + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ reading

    /** The newest {@code lastN} samples, oldest first. */
    public List<HistorySample> recent(int lastN) {
        return samples("SELECT id, sampled_at, snapshot_seq, health FROM history_sample "
                + "ORDER BY sampled_at DESC, id DESC LIMIT ?", statement -> statement.setInt(1, lastN));
    }

    /** Samples taken at or after {@code from}, at most {@code limit} of the newest, oldest first. */
    public List<HistorySample> since(Instant from, int limit) {
        return samples("SELECT id, sampled_at, snapshot_seq, health FROM history_sample WHERE sampled_at >= ? "
                + "ORDER BY sampled_at DESC, id DESC LIMIT ?", statement -> {
                    statement.setObject(1, utc(from));
                    statement.setInt(2, limit);
                });
    }

    /** The newest {@code limit} points of one bucket (every zone), oldest first. */
    public synchronized List<BucketPoint> bucket(String name, int limit) {
        List<BucketPoint> points = new ArrayList<>();
        try (PreparedStatement query = connection().prepareStatement("SELECT sampled_at, zone, master_objects, "
                + "master_bytes, objects, bytes, object_delta, sync_percent, state, priority, behind_shards, "
                + "recovering_shards FROM bucket_sample WHERE bucket = ? ORDER BY sampled_at DESC LIMIT ?")) {
            query.setString(1, name);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    points.add(new BucketPoint(instant(rows, 1), rows.getString(2), nullableLong(rows, 3),
                            nullableLong(rows, 4), nullableLong(rows, 5), nullableLong(rows, 6), nullableLong(rows, 7),
                            nullableDouble(rows, 8), rows.getString(9), rows.getString(10), rows.getInt(11),
                            rows.getInt(12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read history from " + path + ": " + e.getMessage(), e);
        }
        Collections.reverse(points);
        return points;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private synchronized List<HistorySample> samples(String sampleQuery, Binder binder) {
        Map<Long, HistorySample> samples = new LinkedHashMap<>();
        Map<Long, List<ZoneSample>> zones = new HashMap<>();
        try (PreparedStatement query = connection().prepareStatement(sampleQuery)) {
            binder.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    List<ZoneSample> zoneList = new ArrayList<>();
                    zones.put(id, zoneList);
                    samples.put(id, new HistorySample(instant(rows, 2), rows.getLong(3), rows.getString(4), zoneList));
                }
            }
            if (!samples.isEmpty()) {
                readZones(samples.keySet(), zones);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read history from " + path + ": " + e.getMessage(), e);
        }
        List<HistorySample> ordered = new ArrayList<>();
        samples.values().forEach(sample -> ordered.add(
                new HistorySample(sample.at(), sample.snapshot(), sample.health(), List.copyOf(sample.zones()))));
        Collections.reverse(ordered);
        return ordered;
    }

    private void readZones(Set<Long> ids, Map<Long, List<ZoneSample>> zones) throws SQLException {
        long min = Collections.min(ids);
        long max = Collections.max(ids);
        try (PreparedStatement query = connection().prepareStatement("SELECT sample_id, zone, master, buckets, objects, "
                + "bytes, pending_objects, pending_bytes, avg_sync_percent, buckets_behind, buckets_high, buckets_medium, "
                + "buckets_low, buckets_synced, buckets_disabled, errors, lag_seconds, behind_shards, recovering_shards, "
                + "sync_behind FROM zone_sample WHERE sample_id BETWEEN ? AND ? ORDER BY sample_id, zone")) {
            query.setLong(1, min);
            query.setLong(2, max);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<ZoneSample> list = zones.get(rows.getLong(1));
                    if (list == null) {
                        continue;
                    }
                    list.add(new ZoneSample(rows.getString(2), rows.getBoolean(3), rows.getInt(4), rows.getLong(5),
                            rows.getLong(6), rows.getLong(7), rows.getLong(8), nullableDouble(rows, 9), rows.getInt(10),
                            rows.getInt(11), rows.getInt(12), rows.getInt(13), rows.getInt(14), rows.getInt(15),
                            rows.getInt(16), nullableLong(rows, 17), rows.getInt(18), rows.getInt(19),
                            rows.getBoolean(20)));
                }
            }
        }
    }

    /** Samples currently stored (for tests and the startup log). */
    public synchronized long sampleCount() {
        try (Statement statement = connection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM history_sample")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read history from " + path + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ database

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = open();
        }
        return connection;
    }

    private Connection open() throws SQLException {
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new SQLException("cannot create the directory of " + path + ": " + e.getMessage(), e);
        }
        // one embedded connection; the file is locked against a second process using it
        Connection db = DriverManager.getConnection("jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE", "rgwmon", "");
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS history_sample (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                    + "sampled_at TIMESTAMP WITH TIME ZONE NOT NULL, snapshot_seq BIGINT NOT NULL, health VARCHAR(16) NOT NULL)");
            ddl.execute("CREATE INDEX IF NOT EXISTS history_sample_at ON history_sample(sampled_at)");
            ddl.execute("CREATE TABLE IF NOT EXISTS zone_sample (sample_id BIGINT NOT NULL REFERENCES history_sample(id) "
                    + "ON DELETE CASCADE, zone VARCHAR(255) NOT NULL, master BOOLEAN NOT NULL, buckets INT NOT NULL, "
                    + "objects BIGINT NOT NULL, bytes BIGINT NOT NULL, pending_objects BIGINT NOT NULL, "
                    + "pending_bytes BIGINT NOT NULL, avg_sync_percent DOUBLE PRECISION, buckets_behind INT NOT NULL, "
                    + "buckets_high INT NOT NULL, buckets_medium INT NOT NULL, buckets_low INT NOT NULL, "
                    + "buckets_synced INT NOT NULL, buckets_disabled INT NOT NULL, errors INT NOT NULL, lag_seconds BIGINT, "
                    + "behind_shards INT NOT NULL, recovering_shards INT NOT NULL, sync_behind BOOLEAN NOT NULL, "
                    + "PRIMARY KEY (sample_id, zone))");
            ddl.execute("CREATE TABLE IF NOT EXISTS bucket_sample (sampled_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "bucket VARCHAR(1024) NOT NULL, zone VARCHAR(255) NOT NULL, master_objects BIGINT, master_bytes BIGINT, "
                    + "objects BIGINT, bytes BIGINT, object_delta BIGINT, sync_percent DOUBLE PRECISION, state VARCHAR(16), "
                    + "priority VARCHAR(16), behind_shards INT NOT NULL, recovering_shards INT NOT NULL)");
            ddl.execute("CREATE INDEX IF NOT EXISTS bucket_sample_bucket ON bucket_sample(bucket, sampled_at)");
            ddl.execute("CREATE INDEX IF NOT EXISTS bucket_sample_at ON bucket_sample(sampled_at)");
        }
        LOG.info("history database {}.mv.db opened (retention {} h)", path, retention.toHours());
        return db;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing history database {}: {}", path, e.getMessage());
            }
            connection = null;
        }
    }

    // ------------------------------------------------------------------ JDBC helpers

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}
