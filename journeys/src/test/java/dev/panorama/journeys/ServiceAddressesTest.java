package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.suite.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every address one application uses to call another follows {@code panorama.services.<name>.url}, which
 * {@code ./panorama up}, the journeys (free ports) and the Kubernetes ConfigMap set; a hard-coded address would
 * send the call to the design doc's local port whatever the deployment says.
 */
class ServiceAddressesTest {

    private static final Path ROOT = Path.of(System.getProperty("panorama.suite.root", "..")).toAbsolutePath().normalize();
    private static final Pattern CALL_ADDRESS = Pattern.compile(
            "^(%\\w+\\.)?(quarkus\\.rest-client\\.[^=]+\\.(url|uri)|panorama\\.[^=]+\\.upstreams\\.[^=]+\\.url)\\s*=\\s*(.*)$");
    private static final Pattern FOLLOWS_SUITE = Pattern.compile("^\\$\\{panorama\\.services\\.([a-z-]+)\\.url:http://127\\.0\\.0\\.1:\\d+}$");

    @Test
    void every_call_to_another_application_follows_its_panorama_services_address() throws IOException {
        List<String> services = ServiceSpec.SUITE.stream().map(ServiceSpec::name).toList();
        List<String> found = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path properties : applicationProperties()) {
            for (String line : Files.readAllLines(properties)) {
                Matcher call = CALL_ADDRESS.matcher(line.strip());
                if (!call.matches() || call.group(1) != null) {
                    continue;
                }
                found.add(line);
                Matcher suite = FOLLOWS_SUITE.matcher(call.group(4).strip());
                if (!suite.matches() || !services.contains(suite.group(1))) {
                    wrong.add(ROOT.relativize(properties) + ": " + line.strip());
                }
            }
        }
        assertThat(found).as("the interaction service's identity client and the gateway's upstreams at least").hasSizeGreaterThanOrEqualTo(5);
        assertThat(wrong).as("addresses that ignore panorama.services.<name>.url").isEmpty();
    }

    private static List<Path> applicationProperties() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(module -> module.resolve("src/main/resources/application.properties")).filter(Files::exists).toList();
        }
    }
}
