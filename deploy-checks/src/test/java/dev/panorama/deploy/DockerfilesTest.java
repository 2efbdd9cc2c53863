package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every application has a JVM and a native-micro image description: pinned base, non-root, the Kubernetes port. */
class DockerfilesTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    static Stream<Path> dockerfiles() {
        return Checkout.applications().stream().flatMap(application -> Stream.of("Dockerfile.jvm", "Dockerfile.native-micro")
                .map(name -> application.module().resolve("src/main/docker").resolve(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void pinnedBaseNonRootUserAndTheClusterPort(Path dockerfile) {
        assertThat(dockerfile).exists();
        String text = Checkout.read(dockerfile);
        List<String> bases = FROM.matcher(text).results().map(m -> m.group(1)).toList();
        assertThat(bases).as(dockerfile + " FROM").isNotEmpty().allSatisfy(base -> assertThat(base)
                .as("base image pinned to a tag").matches(".+/[^/:]+(:[^:]+|@sha256:[0-9a-f]+)$").doesNotEndWith(":latest"));
        List<String> users = USER.matcher(text).results().map(m -> m.group(1)).toList();
        assertThat(users).as(dockerfile + " USER").isNotEmpty();
        assertThat(users.get(users.size() - 1)).as(dockerfile + " runs as a numeric non-root user (runAsNonRoot can check it)")
                .matches("[1-9][0-9]*");
        int clusterPort = Integer.parseInt(PolicyTest.effectiveEnvironment(Renders.kustomizeProduction(),
                PolicyTest.deploymentOf(Renders.kustomizeProduction(), applicationOf(dockerfile)).getSpec().getTemplate().getSpec()
                        .getContainers().get(0)).get("QUARKUS_HTTP_PORT"));
        assertThat(EXPOSE.matcher(text).results().map(m -> Integer.parseInt(m.group(1))).toList())
                .as(dockerfile + " EXPOSE").containsExactly(clusterPort);
        assertThat(text).as(dockerfile + " listens on every interface").contains("-Dquarkus.http.host=0.0.0.0");
    }

    private static String applicationOf(Path dockerfile) {
        return Checkout.applications().stream().filter(a -> dockerfile.startsWith(a.module())).findFirst().orElseThrow().name();
    }

}
