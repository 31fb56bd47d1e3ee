package rgwmon.agent;

import java.util.List;

/**
 * The untrusted arguments of the agent's radosgw-admin calls, one list element each (header
 * {@code RgwArgs} of the exec route: never split, never through a shell).
 */
public class RadosgwCallArgs {

    public List<String> bucket(String bucket) {
        return List.of("--bucket=" + bucket);
    }

    public List<String> sourceZone(String zone) {
        return List.of("--source-zone=" + zone);
    }

    public List<String> shard(ShardDrillDown.Target target) {
        return List.of("--source-zone=" + target.sourceZone(), "--shard-id=" + target.shardId());
    }
}
