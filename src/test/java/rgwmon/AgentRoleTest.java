package rgwmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent role shares application.properties and the configuration classes with the primary:
 * none of the primary's server, management endpoint or history database may come with it.
 */
class AgentRoleTest {

    @TempDir
    Path dir;

    @Test
    void the_agent_role_listens_on_no_port_and_opens_no_history() throws Exception {
        Path history = dir.resolve("history");
        Main agent = RoleLauncher.agent()
                .set("camel.server.enabled", false)
                .set("camel.server.host", "127.0.0.1")
                .set("camel.server.port", 0)
                .set("rgw.history.path", history.toString())
                .build();
        agent.start();
        try {
            CamelContext context = agent.getCamelContext();
            assertThat(context.hasService(VertxPlatformHttpServer.class)).isNull();
            assertThat(context.hasService(ManagementHttpServer.class)).isNull();
            assertThat(context.getRoute("api-health")).isNull();
            assertThat(Files.exists(Path.of(history + ".mv.db"))).isFalse();
        } finally {
            agent.stop();
        }
    }
}
