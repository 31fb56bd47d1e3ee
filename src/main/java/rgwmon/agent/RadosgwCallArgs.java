package rgwmon.agent;

import java.util.List;

import org.apache.camel.Body;

/**
 * The untrusted arguments of the agent's radosgw-admin calls (bucket names, zone names), one list
 * element each: header {@code RgwArgs} of the exec route, never split, never through a shell.
 */
public class RadosgwCallArgs {

    public List<String> bucket(@Body String bucket) {
        return List.of("--bucket=" + bucket);
    }

    public List<String> sourceZone(@Body String zone) {
        return List.of("--source-zone=" + zone);
    }

    public List<String> shard(@Body ShardDrillDown.Target target) {
        return List.of("--source-zone=" + target.sourceZone(), "--shard-id=" + target.shardId());
    }
}
