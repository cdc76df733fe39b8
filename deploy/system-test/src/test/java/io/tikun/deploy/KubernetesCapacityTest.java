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
 * kafka-topics.yaml with its dead-letter topic, no consumer scales past the partitions of what it consumes, and every
 * autoscaler and disruption budget points at a Deployment of the kustomization that leaves its replica count to it.
 */
class KubernetesCapacityTest {

    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "followup-service");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern ANY_TOPIC = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)");

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
        for (JsonNode document : documents(file)) {
            if (kind.equals(document.path("kind").asText())) {
                found.put(document.path("metadata").path("name").asText(), document);
            }
        }
        return found;
    }

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

    @Test
    void everyAutoscalerAndBudgetTargetsADeploymentThatLeavesItsReplicasToIt() throws IOException {
        List<String> resources = new ArrayList<>();
        documents("kustomization.yaml").get(0).path("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources).contains("autoscaling.yaml").doesNotContain("kafka-topics.yaml");
        Map<String, JsonNode> autoscalers = byName("autoscaling.yaml", "HorizontalPodAutoscaler");
        Map<String, JsonNode> budgets = byName("autoscaling.yaml", "PodDisruptionBudget");
        assertThat(autoscalers.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(budgets.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
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
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            budgets.get(service).path("spec").path("selector").path("matchLabels").fields().forEachRemaining(
                    label -> assertThat(labels.path(label.getKey()).asText()).as(service + " " + label.getKey())
                            .isEqualTo(label.getValue().asText()));
            assertThat(budgets.get(service).path("spec").path("minAvailable").asInt()).isLessThan(
                    spec.path("minReplicas").asInt());
        }
    }
}
