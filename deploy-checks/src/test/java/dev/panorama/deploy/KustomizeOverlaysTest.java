package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** kubectl kustomize on every overlay; the kustomizations use current fields only. */
class KustomizeOverlaysTest {

    static List<Path> overlays() {
        return Checkout.overlays();
    }

    @Test
    void kubectlIsInstalled() {
        assertThat(Renders.kubectl("version", "--client")).as("kubectl version --client").contains("Client Version");
    }

    @Test
    void thereAreDevelopmentAndProductionOverlays() {
        assertThat(overlays()).extracting(overlay -> overlay.getFileName().toString()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersEveryApplication(Path overlay) {
        Renders.Manifests render = Renders.kustomize(overlay);
        assertThat(render.ofKind("Deployment")).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Checkout.applications().stream().map(Application::name).toList());
        assertThat(render.objects()).as("everything in one namespace")
                .allSatisfy(object -> assertThat(object.getMetadata().getNamespace()).isNotBlank());
    }

    @Test
    void kustomizationsUseCurrentFieldsOnly() throws IOException {
        try (Stream<Path> files = Files.walk(Checkout.ROOT.resolve("k8s"))) {
            List<Path> kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
            assertThat(kustomizations).isNotEmpty().allSatisfy(file -> assertThat(Checkout.read(file))
                    .as(file.toString())
                    .doesNotContainPattern("(?m)^(bases|patchesStrategicMerge|patchesJson6902|commonLabels|vars):"));
        }
    }
}
