package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's deployment policies, held against every render (chart defaults, chart production
 * values, every overlay) and against what each application's own configuration says.
 */
class PolicyTest {

    static Stream<Renders.Manifests> renders() {
        return Stream.concat(Stream.of(Renders.helmDefaults(), Renders.helmProduction()),
                Checkout.overlays().stream().map(Renders::kustomize));
    }

    static Stream<Renders.Manifests> rendersWithTopics() {
        return renders().filter(render -> !render.ofKind("KafkaTopic").isEmpty());
    }

    static Stream<Renders.Manifests> rendersWithKeda() {
        return renders().filter(render -> !render.ofKind("ScaledObject").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerHasProbesAndResources(Renders.Manifests render) {
        forEachContainer(render, (deployment, container) -> {
            String where = render + ": " + deployment.getMetadata().getName() + "/" + container.getName();
            assertThat(container.getStartupProbe()).as(where + " startup probe").isNotNull();
            assertThat(container.getLivenessProbe()).as(where + " liveness probe").isNotNull();
            assertThat(container.getReadinessProbe()).as(where + " readiness probe").isNotNull();
            assertThat(container.getResources()).as(where + " resources").isNotNull();
            assertThat(container.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyContainerRunsUnprivilegedOnAReadOnlyRoot(Renders.Manifests render) {
        forEachContainer(render, (deployment, container) -> {
            String where = render + ": " + deployment.getMetadata().getName() + "/" + container.getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            boolean podNonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
            var security = container.getSecurityContext();
            assertThat(security).as(where + " securityContext").isNotNull();
            assertThat(podNonRoot || Boolean.TRUE.equals(security.getRunAsNonRoot())).as(where + " runAsNonRoot").isTrue();
            Long user = security.getRunAsUser() != null ? security.getRunAsUser()
                    : pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsUser();
            assertThat(user).as(where + " runAsUser").isNotEqualTo(0L);
            assertThat(security.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
            assertThat(security.getPrivileged()).as(where + " privileged").isNotEqualTo(true);
            assertThat(security.getCapabilities().getDrop()).as(where + " capabilities dropped").contains("ALL");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void imagesArePinned(Renders.Manifests render) {
        forEachContainer(render, (deployment, container) -> {
            String image = container.getImage();
            String tag = image.contains("@") ? image.substring(image.indexOf('@'))
                    : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertThat(tag).as(render + ": " + deployment.getMetadata().getName() + " image " + image + " has a pinned tag")
                    .isNotBlank().isNotEqualTo("latest");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void selectorsMatchThePodsTheyMean(Renders.Manifests render) {
        List<Deployment> deployments = render.all(Deployment.class);
        for (Deployment deployment : deployments) {
            assertThat(matches(deployment.getSpec().getSelector(), podLabels(deployment)))
                    .as(render + ": Deployment " + deployment.getMetadata().getName() + " selects its own pods").isTrue();
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .as(render + ": selector of " + deployment.getMetadata().getName() + " carries no version (it must never change)")
                    .doesNotContainKeys("app.kubernetes.io/version", "helm.sh/chart");
        }
        for (Service service : render.all(Service.class)) {
            assertThat(deployments).as(render + ": Service " + service.getMetadata().getName() + " selects a Deployment's pods")
                    .anyMatch(d -> service.getSpec().getSelector() != null && podLabels(d).entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        }
        for (PodDisruptionBudget budget : render.all(PodDisruptionBudget.class)) {
            assertThat(deployments).as(render + ": PodDisruptionBudget " + budget.getMetadata().getName() + " selects a Deployment's pods")
                    .anyMatch(d -> matches(budget.getSpec().getSelector(), podLabels(d)));
        }
        for (NetworkPolicy policy : render.all(NetworkPolicy.class)) {
            assertThat(deployments).as(render + ": NetworkPolicy " + policy.getMetadata().getName() + " selects a Deployment's pods")
                    .anyMatch(d -> matches(policy.getSpec().getPodSelector(), podLabels(d)));
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            policy.getSpec().getIngress().forEach(rule -> peers.addAll(rule.getFrom()));
            policy.getSpec().getEgress().forEach(rule -> peers.addAll(rule.getTo()));
            peers.stream().filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                    .forEach(peer -> assertThat(deployments)
                            .as(render + ": NetworkPolicy " + policy.getMetadata().getName() + " names pods that exist: " + peer.getPodSelector())
                            .anyMatch(d -> matches(peer.getPodSelector(), podLabels(d))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyApplicationIsShieldedByANetworkPolicyBothWays(Renders.Manifests render) {
        for (Deployment deployment : render.all(Deployment.class)) {
            assertThat(render.all(NetworkPolicy.class)).as(render + ": NetworkPolicy of " + deployment.getMetadata().getName())
                    .anyMatch(policy -> matches(policy.getSpec().getPodSelector(), podLabels(deployment))
                            && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void autoscalersAndDisruptionBudgetsTargetExistingDeployments(Renders.Manifests render) {
        Set<String> deployments = render.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        List<String> scaled = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : render.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getKind()).isEqualTo("Deployment");
            assertThat(deployments).as(render + ": HPA " + hpa.getMetadata().getName() + " target").contains(target.getName());
            assertThat(hpa.getSpec().getMinReplicas()).as(render + ": HPA bounds").isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            scaled.add(target.getName());
        }
        for (HasMetadata scaledObject : render.ofKind("ScaledObject")) {
            Map<String, Object> spec = spec(scaledObject);
            Map<?, ?> target = (Map<?, ?>) spec.get("scaleTargetRef");
            assertThat(deployments).as(render + ": ScaledObject " + scaledObject.getMetadata().getName() + " target").contains((String) target.get("name"));
            scaled.add((String) target.get("name"));
        }
        assertThat(scaled).as(render + ": one autoscaler per Deployment (an HPA and a ScaledObject would fight)").doesNotHaveDuplicates();
        for (PodDisruptionBudget budget : render.all(PodDisruptionBudget.class)) {
            assertThat(render.all(Deployment.class)).anyMatch(d -> matches(budget.getSpec().getSelector(), podLabels(d)));
        }
        assertThat(render.all(PodDisruptionBudget.class)).as(render + ": a PodDisruptionBudget per Deployment").hasSameSizeAs(deployments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void portsAndProbesMatchEachApplicationsConfiguration(Renders.Manifests render) {
        for (Application application : Checkout.applications()) {
            Deployment deployment = deploymentOf(render, application.name());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            String where = render + ": " + application.name();
            Map<String, String> env = effectiveEnvironment(render, container);
            int listensOn = env.containsKey("QUARKUS_HTTP_PORT") ? Integer.parseInt(env.get("QUARKUS_HTTP_PORT")) : application.configuredPort();
            assertThat(container.getPorts()).as(where + " declares the port the application listens on (" + listensOn + ")")
                    .extracting(ContainerPort::getContainerPort).contains(listensOn);
            assertThat(application.hasHealth()).as(application.name() + " has quarkus-smallrye-health, so its probes answer").isTrue();
            assertProbe(where + " startup", container, container.getStartupProbe(), application.startupPath(), listensOn);
            assertProbe(where + " liveness", container, container.getLivenessProbe(), application.livenessPath(), listensOn);
            assertProbe(where + " readiness", container, container.getReadinessProbe(), application.readinessPath(), listensOn);
            for (Service service : render.all(Service.class)) {
                if (service.getSpec().getSelector() != null && podLabels(deployment).entrySet().containsAll(service.getSpec().getSelector().entrySet())) {
                    service.getSpec().getPorts().forEach(port -> assertThat(portNumber(container, port.getTargetPort()))
                            .as(where + ": Service " + service.getMetadata().getName() + " targets the application's port").isEqualTo(listensOn));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void secretsAreReferencedNeverShipped(Renders.Manifests render) {
        assertThat(render.all(Secret.class)).as(render + ": no Secret objects (credentials are created by operators)").isEmpty();
        for (ConfigMap map : render.all(ConfigMap.class)) {
            assertThat(map.getData()).as(render + ": ConfigMap " + map.getMetadata().getName() + " holds no credentials")
                    .doesNotContainKeys("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MONGODB_CONNECTION_STRING", "QUARKUS_OIDC_CREDENTIALS_SECRET",
                            "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
        }
    }

    /**
     * A client secret in an application.properties is the local stack's demo secret: every deployment of that
     * application overrides it with the variable read from a Secret, so the demo value never reaches a cluster.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void clientSecretsComeFromSecretsNeverFromTheDemoDefaults(Renders.Manifests render) {
        Map<String, String> variables = Map.of("quarkus.oidc-client.credentials.secret", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET",
                "quarkus.oidc.credentials.secret", "QUARKUS_OIDC_CREDENTIALS_SECRET");
        for (Application application : Checkout.applications()) {
            Container container = deploymentOf(render, application.name()).getSpec().getTemplate().getSpec().getContainers().get(0);
            variables.forEach((key, variable) -> {
                if (!application.config().containsKey(key)) {
                    return;
                }
                String where = render + ": " + application.name() + " has a demo " + key + ", so its Deployment sets " + variable;
                var set = container.getEnv() == null ? null
                        : container.getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst().orElse(null);
                assertThat(set).as(where).isNotNull();
                assertThat(set.getValue()).as(where + " by reference only").isNull();
                assertThat(set.getValueFrom() == null ? null : set.getValueFrom().getSecretKeyRef()).as(where + " from a Secret").isNotNull();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void onlyTheGatewayIsReachableFromOutside(Renders.Manifests render) {
        Deployment gateway = deploymentOf(render, "gateway");
        List<Ingress> ingresses = render.all(Ingress.class);
        assertThat(ingresses).as(render + ": an Ingress").isNotEmpty();
        Set<String> backends = new TreeSet<>();
        ingresses.forEach(ingress -> ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                .forEach(path -> backends.add(path.getBackend().getService().getName()))));
        for (String backend : backends) {
            Service service = render.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(backend)).findFirst()
                    .orElseThrow(() -> new AssertionError(render + ": Ingress backend " + backend + " is no Service"));
            assertThat(podLabels(gateway).entrySet()).as(render + ": Ingress backend " + backend + " is the gateway")
                    .containsAll(service.getSpec().getSelector().entrySet());
        }
        render.all(Service.class).forEach(service -> assertThat(service.getSpec().getType())
                .as(render + ": Service " + service.getMetadata().getName() + " stays inside the cluster").isIn(null, "ClusterIP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithTopics")
    void everyTopicTheCodeUsesExistsWithPartitions(Renders.Manifests render) {
        Map<String, Integer> partitions = render.ofKind("KafkaTopic").stream().collect(Collectors.toMap(
                topic -> (String) Objects.requireNonNullElse(spec(topic).get("topicName"), topic.getMetadata().getName()),
                topic -> ((Number) spec(topic).get("partitions")).intValue()));
        Set<String> used = new TreeSet<>(catalogueTopics());
        Checkout.applications().forEach(application -> used.addAll(application.topics()));
        assertThat(partitions.keySet()).as(render + ": KafkaTopics for every topic of events.Topics and of every application.properties")
                .containsAll(used);
        assertThat(partitions.values()).as(render + ": partitions").allMatch(count -> count > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithKeda")
    void kedaScalesEveryConsumerOnTheLagOfEveryTopicItReads(Renders.Manifests render) {
        for (Application application : Checkout.applications()) {
            Map<String, String> consumed = application.consumedTopicGroups();
            if (consumed.isEmpty()) {
                continue;
            }
            String deploymentName = deploymentOf(render, application.name()).getMetadata().getName();
            HasMetadata scaledObject = render.ofKind("ScaledObject").stream()
                    .filter(so -> deploymentName.equals(((Map<?, ?>) spec(so).get("scaleTargetRef")).get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(render + ": no ScaledObject for " + application.name() + ", which consumes " + consumed.keySet()));
            Set<String> triggers = new TreeSet<>();
            for (Object trigger : (List<?>) spec(scaledObject).get("triggers")) {
                Map<?, ?> t = (Map<?, ?>) trigger;
                if ("kafka".equals(t.get("type"))) {
                    Map<?, ?> metadata = (Map<?, ?>) t.get("metadata");
                    triggers.add(metadata.get("topic") + " as " + metadata.get("consumerGroup"));
                }
            }
            consumed.forEach((topic, group) -> assertThat(triggers)
                    .as(render + ": " + application.name() + " scales on the lag of " + topic).contains(topic + " as " + group));
        }
    }

    /** The topic catalogue of the events module, each with its dead-letter topic (every topic has a consumer). */
    static Set<String> catalogueTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String topic = (String) field.get(null);
                    topics.add(topic);
                    topics.add(Topics.deadLetter(topic));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(topics).as("dev.panorama.events.Topics").isNotEmpty();
        return topics;
    }

    private static void assertProbe(String where, Container container, Probe probe, String path, int port) {
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(where + " probe is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(where + " probe path").isEqualTo(path);
        assertThat(portNumber(container, get.getPort())).as(where + " probe port").isEqualTo(port);
    }

    /** A port given by name resolves through the container's named ports. */
    static Integer portNumber(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    /** What the application sees: its ConfigMaps (envFrom) overridden by its explicit env. */
    static Map<String, String> effectiveEnvironment(Renders.Manifests render, Container container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null).forEach(source -> {
                ConfigMap map = render.all(ConfigMap.class).stream()
                        .filter(m -> m.getMetadata().getName().equals(source.getConfigMapRef().getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(render + ": ConfigMap " + source.getConfigMapRef().getName() + " is not rendered"));
                env.putAll(map.getData());
            });
        }
        if (container.getEnv() != null) {
            container.getEnv().forEach(variable -> env.put(variable.getName(), variable.getValue()));
        }
        return env;
    }

    static Deployment deploymentOf(Renders.Manifests render, String application) {
        return render.all(Deployment.class).stream()
                .filter(d -> application.equals(podLabels(d).get("app.kubernetes.io/name"))).findFirst()
                .orElseThrow(() -> new AssertionError(render + ": no Deployment of " + application));
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(HasMetadata custom) {
        return (Map<String, Object>) ((GenericKubernetesResource) custom).getAdditionalProperties().get("spec");
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty())) {
            return false; // an empty selector would select everything: never what a Panorama object means
        }
        boolean labelsMatch = selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean expressionsMatch = selector.getMatchExpressions() == null || selector.getMatchExpressions().stream().allMatch(e -> switch (e.getOperator()) {
            case "In" -> e.getValues().contains(labels.get(e.getKey()));
            case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
            case "Exists" -> labels.containsKey(e.getKey());
            case "DoesNotExist" -> !labels.containsKey(e.getKey());
            default -> false;
        });
        return labelsMatch && expressionsMatch;
    }

    private static void forEachContainer(Renders.Manifests render, java.util.function.BiConsumer<Deployment, Container> check) {
        List<Deployment> deployments = render.all(Deployment.class);
        assertThat(deployments).as(render + ": Deployments").isNotEmpty();
        for (Deployment deployment : deployments) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).forEach(c -> check.accept(deployment, c));
        }
    }
}
