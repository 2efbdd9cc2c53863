package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The realm both deployments import is devstack's realm, field for field. */
class RealmImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theKustomizeComponentImportsDevstacksRealm() throws IOException {
        assertImportsDevstackRealm(Renders.kustomize(Checkout.OVERLAYS.resolve("dev")));
    }

    @Test
    void theChartImportsDevstacksRealmWhenAsked() throws IOException {
        assertImportsDevstackRealm(Renders.helm("helm with the realm import", List.of(), Map.of("keycloak.realmImport.enabled", true)));
    }

    @Test
    void productionImportsNoDemoRealm() {
        assertThat(Renders.kustomizeProduction().ofKind("KeycloakRealmImport")).isEmpty();
        assertThat(Renders.helmProduction().ofKind("KeycloakRealmImport")).isEmpty();
    }

    private static void assertImportsDevstackRealm(Renders.Manifests render) throws IOException {
        List<HasMetadata> imports = render.ofKind("KeycloakRealmImport");
        assertThat(imports).as(render.source()).hasSize(1);
        Object realm = ((GenericKubernetesResource) imports.get(0)).getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
                ? spec.get("realm") : null;
        JsonNode expected = JSON.readTree(Checkout.DEVSTACK_REALM.toFile());
        assertThat((JsonNode) JSON.valueToTree(realm)).as(render.source() + ": realm differs from " + Checkout.ROOT.relativize(Checkout.DEVSTACK_REALM)
                + " (regenerate k8s/components/keycloak-realm/realm-import.yaml from it)").isEqualTo(expected);
    }
}
