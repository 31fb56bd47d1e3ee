package rgwmon.model;

/** "n/m shards" as radosgw-admin prints it: n shards in that state out of m. */
public record ShardProgress(int shards, int total) {
}
