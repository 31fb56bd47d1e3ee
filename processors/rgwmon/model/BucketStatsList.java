package rgwmon.model;

import java.util.List;

/** {@code radosgw-admin bucket stats}: one entry per bucket (one entry for {@code --bucket B}). */
public record BucketStatsList(List<BucketStats> buckets) {
}
