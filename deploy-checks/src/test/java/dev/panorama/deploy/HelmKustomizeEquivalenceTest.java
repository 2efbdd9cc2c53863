package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart with its production values and the prod overlay deploy the same applications the same way. */
class HelmKustomizeEquivalenceTest {

    private final Renders.Manifests helm = Renders.helmProduction();
    private final Renders.Manifests kustomize = Renders.kustomizeProduction();

    @Test
    void sameImagesPortsProbesResourcesAndEnvironmentNames() {
        for (Application application : Checkout.applications()) {
            Deployment fromHelm = PolicyTest.deploymentOf(helm, application.name());
            Deployment fromKustomize = PolicyTest.deploymentOf(kustomize, application.name());
            Container h = fromHelm.getSpec().getTemplate().getSpec().getContainers().get(0);
            Container k = fromKustomize.getSpec().getTemplate().getSpec().getContainers().get(0);
            String what = application.name() + ": helm vs kustomize ";
            assertThat(h.getImage()).as(what + "image").isEqualTo(k.getImage());
            assertThat(h.getPorts()).as(what + "ports").isEqualTo(k.getPorts());
            assertThat(h.getStartupProbe()).as(what + "startup probe").isEqualTo(k.getStartupProbe());
            assertThat(h.getLivenessProbe()).as(what + "liveness probe").isEqualTo(k.getLivenessProbe());
            assertThat(h.getReadinessProbe()).as(what + "readiness probe").isEqualTo(k.getReadinessProbe());
            assertThat(h.getResources()).as(what + "resources").isEqualTo(k.getResources());
            assertThat(h.getSecurityContext()).as(what + "container security").isEqualTo(k.getSecurityContext());
            assertThat(fromHelm.getSpec().getTemplate().getSpec().getSecurityContext()).as(what + "pod security")
                    .isEqualTo(fromKustomize.getSpec().getTemplate().getSpec().getSecurityContext());
            assertThat(fromHelm.getSpec().getReplicas()).as(what + "replicas").isEqualTo(fromKustomize.getSpec().getReplicas());
            assertThat(environmentNames(helm, h)).as(what + "environment variable names").isEqualTo(environmentNames(kustomize, k));
            assertThat(secretReferences(h)).as(what + "secret references").isEqualTo(secretReferences(k));
        }
    }

    @Test
    void sameKindsOfObjectsPerApplication() {
        assertThat(kindsPerApplication(helm)).isEqualTo(kindsPerApplication(kustomize));
    }

    @Test
    void sameTopicsWithTheSamePartitions() {
        assertThat(topics(helm)).isNotEmpty().isEqualTo(topics(kustomize));
    }

    private static Set<String> environmentNames(Renders.Manifests render, Container container) {
        return new TreeSet<>(PolicyTest.effectiveEnvironment(render, container).keySet());
    }

    private static Map<String, String> secretReferences(Container container) {
        return container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .collect(Collectors.toMap(EnvVar::getName,
                        e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey(),
                        (a, b) -> a, TreeMap::new));
    }

    /** kind -> application names, for the per-application objects (labelled app.kubernetes.io/name). */
    private static Map<String, Set<String>> kindsPerApplication(Renders.Manifests render) {
        Set<String> applications = Checkout.applications().stream().map(Application::name).collect(Collectors.toSet());
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (HasMetadata object : render.objects()) {
            String application = object.getMetadata().getLabels() == null ? null : object.getMetadata().getLabels().get("app.kubernetes.io/name");
            if (applications.contains(application) && !object.getKind().equals("ConfigMap") && !object.getKind().equals("Ingress")) {
                kinds.computeIfAbsent(object.getKind(), kind -> new TreeSet<>()).add(application);
            }
        }
        return kinds;
    }

    private static Map<String, Object> topics(Renders.Manifests render) {
        return render.ofKind("KafkaTopic").stream().collect(Collectors.toMap(t -> (String) PolicyTest.spec(t).get("topicName"),
                t -> List.of(PolicyTest.spec(t).get("partitions"), PolicyTest.spec(t).get("replicas")), (a, b) -> a, TreeMap::new));
    }
}
