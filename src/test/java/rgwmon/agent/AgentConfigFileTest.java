package rgwmon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigFileTest {

    @TempDir
    Path dir;

    Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("agent.yaml"), yaml);
    }

    @Test
    void the_seed_keys_the_token_and_the_radosgw_admin_settings_become_properties() throws Exception {
        Map<String, String> properties = AgentConfigFile.read(write("""
                # agent.yaml
                primary_url: http://primary-node:5000
                push_interval: 60
                zone_name: us-west
                max_buckets: 500
                token_file: /etc/rgw-monitor/us-west.token
                concurrency: 8
                spool_dir: /var/lib/rgw-monitor/spool
                radosgw_admin:
                  binary: /usr/bin/radosgw-admin
                  cluster: ceph
                  conf: /etc/ceph/ceph.conf
                  id: rgw-monitor
                  extra_args: --client_mount_timeout=15
                  timeout_seconds: 90
                """));
        assertThat(properties).containsExactly(
                Map.entry("rgw.agent.primary-url", "http://primary-node:5000"),
                Map.entry("rgw.agent.interval", "60s"),
                Map.entry("rgw.agent.zone", "us-west"),
                Map.entry("rgw.admin.zone", "us-west"),
                Map.entry("rgw.agent.max-buckets", "500"),
                Map.entry("rgw.agent.token-file", "/etc/rgw-monitor/us-west.token"),
                Map.entry("rgw.agent.concurrency", "8"),
                Map.entry("rgw.agent.spool.dir", "/var/lib/rgw-monitor/spool"),
                Map.entry("rgw.admin.binary", "/usr/bin/radosgw-admin"),
                Map.entry("rgw.admin.cluster", "ceph"),
                Map.entry("rgw.admin.conf", "/etc/ceph/ceph.conf"),
                Map.entry("rgw.admin.id", "rgw-monitor"),
                Map.entry("rgw.admin.extra-args", "--client_mount_timeout=15"),
                Map.entry("rgw.admin.timeout-seconds", "90"));
    }

    @Test
    void an_empty_zone_name_means_auto_detect_and_an_empty_file_sets_nothing() throws Exception {
        assertThat(AgentConfigFile.read(write("zone_name: \"\"\n"))).containsEntry("rgw.agent.zone", "");
        assertThat(AgentConfigFile.read(write(""))).isEmpty();
        assertThat(AgentConfigFile.read(write("zone_name:\n"))).isEmpty();
    }

    @Test
    void unknown_keys_wrong_types_and_non_mappings_are_refused_by_name() throws Exception {
        assertThatThrownBy(() -> AgentConfigFile.read(write("radosgw_admin:\n  bin: x\n")))
                .hasMessageContaining("unknown key 'radosgw_admin.bin'").hasMessageContaining("known: binary");
        assertThatThrownBy(() -> AgentConfigFile.read(write("push_interval: 0\n")))
                .hasMessageContaining("push_interval must be a whole number of at least 1");
        assertThatThrownBy(() -> AgentConfigFile.read(write("primary_url: [a, b]\n")))
                .hasMessageContaining("primary_url must be a single value");
        assertThatThrownBy(() -> AgentConfigFile.read(write("- a\n- b\n")))
                .hasMessageContaining("must be a YAML mapping");
        assertThatThrownBy(() -> AgentConfigFile.read(write("radosgw_admin: x\n")))
                .hasMessageContaining("radosgw_admin must be a mapping");
    }
}
