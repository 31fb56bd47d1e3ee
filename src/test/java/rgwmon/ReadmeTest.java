package rgwmon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The README stays true to the code: every configuration key documented, every link of its contents resolving. */
class ReadmeTest {

    static final Path README = Path.of("README.md");
    static final Path PROPERTIES = Path.of("application.properties");

    @Test
    void every_key_of_application_properties_is_documented_in_the_readme() throws IOException {
        String readme = Files.readString(README);
        List<String> keys = Files.readAllLines(PROPERTIES).stream()
                .filter(line -> line.matches("^(rgw|camel)\\.[a-z0-9.-]+\\s*=.*"))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .toList();

        assertThat(keys).hasSizeGreaterThan(50);
        assertThat(keys).allSatisfy(key -> assertThat(readme).as("README documents %s", key).contains("`" + key));
    }

    @Test
    void every_link_to_a_section_of_the_readme_names_an_existing_heading() throws IOException {
        String readme = Files.readString(README);
        Set<String> anchors = readme.lines()
                .filter(line -> line.matches("^#{1,6} .*"))
                .map(ReadmeTest::anchor)
                .collect(Collectors.toSet());
        Matcher links = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(readme);
        int checked = 0;
        while (links.find()) {
            assertThat(anchors).as("README link #%s", links.group(1)).contains(links.group(1));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void the_two_commands_are_the_ones_ci_and_a_newcomer_run() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).contains("mvn -B package -DskipTests && java -jar target/rgw-multisite-monitor.jar demo");
        assertThat(readme).contains("```bash\nmvn verify\n```");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("mvn -B verify");
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
    static String anchor(String heading) {
        return heading.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
