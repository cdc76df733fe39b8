package io.tikun.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.tikun.stack.StackHome;

/**
 * The autoscaling and topic manifests agree with the services: every topic a service configures exists in
 * kafka-topics.yaml with its dead-letter topic, no consumer scales past the partitions of what it consumes, every
 * autoscaler and disruption budget points at a Deployment of the kustomization, and intake's hotspot topology runs on
 * a Deployment of its own that takes no HTTP traffic and never outnumbers the partitions it reads.
 */
class KubernetesCapacityTest {

    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "followup-service");
    private static final String INTAKE_IMAGE = "tikun/intake-service";
    private static final String HOTSPOTS_ENABLED = "tikun.intake.hotspots.enabled";
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern ANY_TOPIC = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)");
    /** {@code ${key}} or {@code ${key:default}} in a property value. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    /**
     * Settings the hotspot Deployment may add to the API's that application.properties does not define: Quarkus's own
     * switches whose environment form maps back unambiguously (no '-' in the key), each tried on the packaged jar.
     */
    private static final Set<String> FRAMEWORK_SWITCHES = Set.of("QUARKUS_SCHEDULER_ENABLED");

    private static Path k8s() {
        return StackHome.root().resolve("deploy").resolve("k8s");
    }

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(k8s().resolve(file)
                .toFile())) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && document.isObject()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** Every document of the files kustomization.yaml lists: what {@code kubectl apply -k} applies. */
    private static List<JsonNode> kustomized() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode resource : documents("kustomization.yaml").get(0).path("resources")) {
            documents.addAll(documents(resource.asText()));
        }
        return documents;
    }

    private static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(StackHome.root().resolve(service)
                .resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Topic name → partitions, from kafka-topics.yaml. */
    private static Map<String, Integer> partitions() throws IOException {
        Map<String, Integer> partitions = new TreeMap<>();
        for (JsonNode topic : documents("kafka-topics.yaml")) {
            assertThat(topic.path("kind").asText()).isEqualTo("KafkaTopic");
            partitions.put(topic.path("spec").path("topicName").asText(), topic.path("spec").path("partitions").asInt());
        }
        return partitions;
    }

    private static Map<String, JsonNode> byName(String file, String kind) throws IOException {
        Map<String, JsonNode> found = new HashMap<>();
        ofKind(documents(file), kind).forEach(document -> found.put(name(document), document));
        return found;
    }

    // ---- intake's Deployments ------------------------------------------------------------------

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /** Whether a label selector (a Service's, or a budget's matchLabels) picks pods with these labels. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : selector.properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode intakeContainer(JsonNode deployment) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            String image = container.path("image").asText();
            if (image.equals(INTAKE_IMAGE) || image.startsWith(INTAKE_IMAGE + ":") || image.startsWith(INTAKE_IMAGE + "@")) {
                return container;
            }
        }
        return null;
    }

    /** The Deployments of the kustomization that run intake's image. */
    private static List<JsonNode> intakeDeployments(List<JsonNode> documents) {
        return ofKind(documents, "Deployment").stream().filter(d -> intakeContainer(d) != null).toList();
    }

    private static boolean selectedByAService(JsonNode deployment, List<JsonNode> documents) {
        return ofKind(documents, "Service").stream()
                .anyMatch(service -> selects(service.path("spec").path("selector"), podLabels(deployment)));
    }

    /**
     * What intake reads for a key on this Deployment's pods: the environment variable of that key as the Deployment
     * sets it (literally or from a ConfigMap of the kustomization), else application.properties (%prod, else unprofiled).
     */
    private static String setting(JsonNode deployment, String key, List<JsonNode> documents) throws IOException {
        String variable = DeployEnvironmentTest.environmentForm(key);
        for (JsonNode env : intakeContainer(deployment).path("env")) {
            if (!variable.equals(env.path("name").asText())) {
                continue;
            }
            if (env.has("value")) {
                return env.path("value").asText();
            }
            JsonNode ref = env.path("valueFrom").path("configMapKeyRef");
            assertThat(ref.isObject()).as("%s of %s is a literal or from a ConfigMap", variable, name(deployment)).isTrue();
            return ofKind(documents, "ConfigMap").stream().filter(map -> name(map).equals(ref.path("name").asText()))
                    .map(map -> map.path("data").path(ref.path("key").asText()).asText(null)).findFirst().orElseThrow();
        }
        assertThat(intakeContainer(deployment).has("envFrom")).as("%s takes no environment wholesale", name(deployment))
                .isFalse();
        Properties config = properties("intake-service");
        return resolve(config.getProperty("%prod." + key, config.getProperty(key)), config);
    }

    private static String resolve(String value, Properties config) {
        if (value == null) {
            return null;
        }
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String target = resolve(config.getProperty(reference.group(1), reference.group(2)), config);
            assertThat(target).as("${%s} in application.properties", reference.group(1)).isNotNull();
            reference.appendReplacement(resolved, Matcher.quoteReplacement(target));
        }
        return reference.appendTail(resolved).toString();
    }

    /** As SmallRye Config reads a boolean; {@code HotspotsConfig.enabled()} defaults to true. */
    private static boolean runsHotspots(JsonNode deployment, List<JsonNode> documents) throws IOException {
        String value = setting(deployment, HOTSPOTS_ENABLED, documents);
        return value == null || Set.of("true", "1", "yes", "y", "on").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static JsonNode hotspotDeployment(List<JsonNode> documents) throws IOException {
        List<JsonNode> running = new ArrayList<>();
        for (JsonNode deployment : intakeDeployments(documents)) {
            if (runsHotspots(deployment, documents)) {
                running.add(deployment);
            }
        }
        assertThat(running).as("intake Deployments running the hotspot topology").hasSize(1);
        return running.get(0);
    }

    // ---- topics --------------------------------------------------------------------------------

    @Test
    void everyTopicAServiceConfiguresIsDeclaredWithItsDeadLetterTopic() throws IOException {
        Map<String, Integer> declared = partitions();
        Set<String> configured = new TreeSet<>();
        for (String service : SERVICES) {
            properties(service).forEach((key, value) -> {
                if (ANY_TOPIC.matcher(key.toString()).matches() && !value.toString().contains("${")) {
                    configured.add(value.toString().strip());
                }
            });
        }
        assertThat(configured).as("topics in the services' application.properties").contains("complaints.received",
                "cases.updated", "customers.feedback");
        assertThat(declared.keySet()).containsAll(configured);
        configured.stream().filter(t -> !t.endsWith(".dlq"))
                .forEach(t -> assertThat(declared).as("dead-letter topic of " + t).containsKey(t + ".dlq"));
        declared.forEach((topic, count) -> assertThat(count).as(topic).isPositive());
    }

    @Test
    void noConsumerScalesPastThePartitionsOfTheComplaintsItConsumes() throws IOException {
        Map<String, Integer> declared = partitions();
        Map<String, JsonNode> autoscalers = byName("autoscaling.yaml", "HorizontalPodAutoscaler");
        for (String service : List.of("routing-service", "followup-service")) {
            Properties config = properties(service);
            List<String> consumed = new ArrayList<>();
            config.forEach((key, value) -> {
                Matcher m = INCOMING_TOPIC.matcher(key.toString());
                if (m.matches()) {
                    consumed.add(value.toString().strip());
                }
            });
            assertThat(consumed).as(service).contains("complaints.received");
            int max = autoscalers.get(service).path("spec").path("maxReplicas").asInt();
            assertThat(max).as(service + " at most as many pods as complaints.received has partitions")
                    .isLessThanOrEqualTo(declared.get("complaints.received"));
        }
    }

    // ---- autoscalers and budgets ---------------------------------------------------------------

    @Test
    void everyAutoscalerTargetsADeploymentThatLeavesItsReplicasToIt() throws IOException {
        List<String> resources = new ArrayList<>();
        documents("kustomization.yaml").get(0).path("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources).contains("autoscaling.yaml").doesNotContain("kafka-topics.yaml");
        Map<String, JsonNode> autoscalers = byName("autoscaling.yaml", "HorizontalPodAutoscaler");
        assertThat(autoscalers.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            JsonNode deployment = byName(service + ".yaml", "Deployment").get(service);
            assertThat(deployment).as(service).isNotNull();
            assertThat(deployment.path("spec").has("replicas")).as(service + " leaves replicas to the autoscaler")
                    .isFalse();
            JsonNode spec = autoscalers.get(service).path("spec");
            assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
            assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo(service);
            assertThat(spec.path("minReplicas").asInt()).as("two pods at least, for availability").isGreaterThanOrEqualTo(2);
            assertThat(spec.path("maxReplicas").asInt()).isGreaterThan(spec.path("minReplicas").asInt());
        }
    }

    @Test
    void everyDisruptionBudgetCoversOneDeploymentAndLeavesItAPodToDrain() throws IOException {
        List<JsonNode> documents = kustomized();
        Map<String, JsonNode> autoscalers = new HashMap<>();
        ofKind(documents, "HorizontalPodAutoscaler").forEach(
                a -> autoscalers.put(a.path("spec").path("scaleTargetRef").path("name").asText(), a));
        List<JsonNode> budgets = ofKind(documents, "PodDisruptionBudget");
        assertThat(budgets.stream().map(KubernetesCapacityTest::name).toList()).containsAll(SERVICES)
                .contains("intake-hotspots");
        for (JsonNode budget : budgets) {
            JsonNode selector = budget.path("spec").path("selector");
            assertThat(selector.has("matchExpressions")).as(name(budget) + " selects by labels only").isFalse();
            List<JsonNode> covered = ofKind(documents, "Deployment").stream()
                    .filter(d -> selects(selector.path("matchLabels"), podLabels(d))).toList();
            assertThat(covered).as("Deployments whose pods budget " + name(budget) + " counts").hasSize(1);
            JsonNode deployment = covered.get(0);
            int fewestPods = autoscalers.containsKey(name(deployment))
                    ? autoscalers.get(name(deployment)).path("spec").path("minReplicas").asInt()
                    : deployment.path("spec").path("replicas").asInt(1);
            assertThat(budget.path("spec").path("minAvailable").asInt()).as(name(budget) + " lets a node drain")
                    .isLessThan(fewestPods);
        }
    }

    // ---- intake's hotspot topology -------------------------------------------------------------

    @Test
    void everyIntakePodTheServiceSendsTrafficToRunsWithoutTheHotspotTopology() throws IOException {
        List<JsonNode> documents = kustomized();
        List<String> served = new ArrayList<>();
        for (JsonNode deployment : intakeDeployments(documents)) {
            if (selectedByAService(deployment, documents)) {
                served.add(name(deployment));
                assertThat(runsHotspots(deployment, documents)).as(name(deployment) + " takes HTTP traffic, so "
                        + HOTSPOTS_ENABLED + " must be false on it").isFalse();
            }
        }
        assertThat(served).as("intake Deployments a Service sends traffic to").containsExactly("intake-service");
    }

    @Test
    void exactlyOneOtherIntakeDeploymentRunsTheHotspotTopologyAndNoServiceSendsItTraffic() throws IOException {
        List<JsonNode> documents = kustomized();
        JsonNode hotspots = hotspotDeployment(documents);

        assertThat(name(hotspots)).isNotEqualTo("intake-service");
        assertThat(selectedByAService(hotspots, documents)).as("a Service selects the pods of " + name(hotspots))
                .isFalse();
    }

    @Test
    void hotspotPodsNeverOutnumberThePartitionsOfTheTopicsTheTopologyReads() throws IOException {
        List<JsonNode> documents = kustomized();
        JsonNode hotspots = hotspotDeployment(documents);
        Map<String, Integer> declared = partitions();
        List<String> read = new ArrayList<>();
        for (String key : List.of("tikun.intake.hotspots.topics.complaints", "tikun.intake.hotspots.topics.cases")) {
            String topics = setting(hotspots, key, documents);
            assertThat(topics).as(key).isNotBlank();
            for (String topic : topics.split(",")) {
                read.add(topic.strip());
            }
        }
        assertThat(read).as("topics the hotspot topology reads").contains("complaints.received",
                "complaints.received.urgent", "cases.updated");
        assertThat(declared.keySet()).as("topics in kafka-topics.yaml").containsAll(read);
        // The fewest, not the most: every pod then has a partition of each topic, however Kafka Streams makes tasks.
        int bound = read.stream().mapToInt(declared::get).min().orElseThrow();

        assertThat(hotspots.path("spec").path("replicas").asInt(1)).as("replicas of " + name(hotspots))
                .isPositive().isLessThanOrEqualTo(bound);
        for (JsonNode autoscaler : ofKind(documents, "HorizontalPodAutoscaler")) {
            if (name(hotspots).equals(autoscaler.path("spec").path("scaleTargetRef").path("name").asText())) {
                assertThat(autoscaler.path("spec").path("maxReplicas").asInt())
                        .as("maxReplicas of autoscaler " + name(autoscaler)).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void hotspotDeploymentRunsTheApiImageAndConfigurationWithProbesOfItsOwn() throws IOException {
        List<JsonNode> documents = kustomized();
        JsonNode api = intakeContainer(byName("intake-service.yaml", "Deployment").get("intake-service"));
        JsonNode hotspots = intakeContainer(hotspotDeployment(documents));
        String flag = DeployEnvironmentTest.environmentForm(HOTSPOTS_ENABLED);

        assertThat(hotspots.path("image").asText()).isEqualTo(api.path("image").asText());
        Map<String, JsonNode> apiEnv = new TreeMap<>();
        api.path("env").forEach(env -> apiEnv.put(env.path("name").asText(), env));
        Map<String, JsonNode> hotspotEnv = new TreeMap<>();
        hotspots.path("env").forEach(env -> hotspotEnv.put(env.path("name").asText(), env));
        apiEnv.remove(flag);
        hotspotEnv.remove(flag);
        // What the API pods are given, these are given alike: a secret or token added to one alone would break the other.
        apiEnv.forEach((variable, env) -> assertThat(hotspotEnv.get(variable)).as(variable).isEqualTo(env));
        Set<String> read = new TreeSet<>(FRAMEWORK_SWITCHES);
        properties("intake-service").stringPropertyNames().forEach(
                key -> read.add(DeployEnvironmentTest.environmentForm(DeployEnvironmentTest.stripProfile(key))));
        List<String> unread = hotspotEnv.keySet().stream().filter(v -> !apiEnv.containsKey(v) && !read.contains(v))
                .toList();
        assertThat(unread).as("variables only the hotspot Deployment sets that intake does not read").isEmpty();

        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            assertThat(hotspots.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
            assertThat(hotspots.path(probe).path("httpGet").path("path").asText()).as(probe).startsWith("/q/health/");
        }
    }
}
