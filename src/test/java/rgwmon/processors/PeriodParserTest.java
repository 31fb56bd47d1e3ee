package rgwmon.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import rgwmon.model.Period;
import rgwmon.model.Zone;
import rgwmon.model.Zonegroup;

class PeriodParserTest {

    private static final String US_EAST_ID = "a6a2da76-e960-4bc4-9fc5-e0d1e496c8a1";
    private static final String US_WEST_ID = "e6e7efc5-7d56-4b65-b67c-2b72b569e150";
    private static final String ZONEGROUP_ID = "e2e42d03-c084-46c9-9d8b-4b236397b9bd";

    private final PeriodParser parser = new PeriodParser();

    @Test
    void lab_period_is_realm_lab_with_zonegroup_us_of_us_east_master_and_us_west() throws Exception {
        Period period = parser.parse(Fixtures.real("caught-up", "us-east", "period-get.txt"));

        assertThat(period.id()).isEqualTo("106b2e11-7157-46b5-8f3a-b15a227398e9");
        assertThat(period.epoch()).isEqualTo(2);
        assertThat(period.realmId()).isEqualTo("f583dc4a-f18b-41c8-892c-c758f0ad41aa");
        assertThat(period.realmName()).isEqualTo("lab");
        assertThat(period.realmEpoch()).isEqualTo(2);
        assertThat(period.masterZonegroupId()).isEqualTo(ZONEGROUP_ID);
        assertThat(period.masterZoneId()).isEqualTo(US_EAST_ID);

        Zonegroup us = period.zonegroups().get(0);
        assertThat(period.zonegroups()).hasSize(1);
        assertThat(us.id()).isEqualTo(ZONEGROUP_ID);
        assertThat(us.name()).isEqualTo("us");
        assertThat(us.isMaster()).isTrue();
        assertThat(us.endpoints()).containsExactly("http://127.0.0.1:8000");
        assertThat(us.masterZoneId()).isEqualTo(US_EAST_ID);
        assertThat(us.zones()).containsExactly(
                new Zone(US_EAST_ID, "us-east", List.of("http://127.0.0.1:8000"), false, true, false, "", true, List.of()),
                new Zone(US_WEST_ID, "us-west", List.of("http://127.0.0.1:8001"), false, true, false, "", true, List.of()));
    }

    @Test
    void both_zones_see_the_same_period_in_every_scenario() throws Exception {
        Period reference = parser.parse(Fixtures.real("caught-up", "us-east", "period-get.txt"));
        for (String scenario : List.of("caught-up", "secondary-down-behind", "catching-up", "errors", "sync-disabled-bucket")) {
            for (String zone : List.of("us-east", "us-west")) {
                assertThat(parser.parse(Fixtures.real(scenario, zone, "period-get__format-json.txt")))
                        .as(scenario + "/" + zone).isEqualTo(reference);
            }
        }
    }

    @Test
    void reef_real_booleans_read_the_same_as_pacific_strings() throws Exception {
        Period pacific = parser.parse(Fixtures.real("caught-up", "us-east", "period-get.txt"));
        Period reef = parser.parse(Fixtures.synthetic("period-get", "reef-18.2-period-get-archive-zone.synthetic.json"));

        assertThat(Fixtures.synthetic("period-get", "reef-18.2-period-get-archive-zone.synthetic.json"))
                .contains("\"is_master\": true").doesNotContain("\"true\"");
        assertThat(reef.zonegroups().get(0).isMaster()).isEqualTo(pacific.zonegroups().get(0).isMaster());
        assertThat(reef.zonegroups().get(0).zones().subList(0, 2)).isEqualTo(pacific.zonegroups().get(0).zones());
        assertThat(reef.realmName()).as("newer builds print no realm_name").isNull();
    }

    @Test
    void archive_zone_is_an_archive_tier_that_syncs_from_us_east_only() throws Exception {
        Period reef = parser.parse(Fixtures.synthetic("period-get", "reef-18.2-period-get-archive-zone.synthetic.json"));
        Zone archive = reef.zonegroups().get(0).zones().get(2);
        assertThat(archive.name()).isEqualTo("us-archive");
        assertThat(archive.tierType()).isEqualTo("archive");
        assertThat(archive.syncFromAll()).isFalse();
        assertThat(archive.syncFrom()).containsExactly("us-east");
    }

    @Test
    void a_boolean_that_is_neither_form_is_an_error_at_its_path_and_line() {
        String text = Fixtures.real("caught-up", "us-east", "period-get.txt");
        String broken = text.replaceFirst("(?s)(\"name\": \"us-west\".*?\"read_only\": )\"false\"", "$1\"no\"");
        assertThatThrownBy(() -> parser.parse(broken))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining(".period_map.zonegroups[0].zones[1].read_only: expected true or false, found string \"no\"")
                .hasMessageContaining("(line 45: \"                        \"read_only\": \"no\",\")");
    }

    @Test
    void a_period_with_no_zonegroup_is_rejected() {
        String empty = "{\"id\": \"p\", \"epoch\": 1, \"period_map\": {\"id\": \"p\", \"zonegroups\": []},"
                + " \"master_zonegroup\": \"\", \"master_zone\": \"\", \"realm_id\": \"r\", \"realm_epoch\": 1}";
        assertThatThrownBy(() -> parser.parse(empty))
                .isInstanceOf(RadosgwParseException.class)
                .hasMessageContaining("no zonegroups in the period map");
    }
}
