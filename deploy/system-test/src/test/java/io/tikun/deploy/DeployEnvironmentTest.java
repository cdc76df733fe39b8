package io.tikun.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deploy files (docker-compose.yml, deploy/k8s) may set on a service only environment variables
 * that the service actually reads: the environment form of a key its application.properties
 * defines. A misspelt or stale variable would otherwise be ignored silently in production.
 */
class DeployEnvironmentTest {

    private static final List<String> SERVICES = List.of("intake-service", "routing-service", "followup-service");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** A profile prefix such as {@code %prod.} or {@code %dev,test.} in front of a property key. */
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");

    private static Path root;

    @BeforeAll
    static void findRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("deploy/servers/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no folder containing deploy/servers/pom.xml above " + Path.of("").toAbsolutePath());
        }
        root = dir;
    }

    @Test
    void environmentFormFollowsTheMicroProfileConfigRule() {
        assertThat(environmentForm("quarkus.datasource.reactive.url")).isEqualTo("QUARKUS_DATASOURCE_REACTIVE_URL");
        assertThat(environmentForm("tikun.routing.notifications.service-manager-email"))
                .isEqualTo("TIKUN_ROUTING_NOTIFICATIONS_SERVICE_MANAGER_EMAIL");
        assertThat(environmentForm("quarkus.log.category.\"io.tikun\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__IO_TIKUN__LEVEL");
        assertThat(stripProfile("%prod.kafka.bootstrap.servers")).isEqualTo("kafka.bootstrap.servers");
        assertThat(stripProfile("%dev,test.quarkus.mailer.mock")).isEqualTo("quarkus.mailer.mock");
        assertThat(stripProfile("quarkus.http.port")).isEqualTo("quarkus.http.port");
    }

    @Test
    void composeSetsOnlyVariablesTheServicesRead() {
        Path compose = root.resolve("deploy/docker-compose.yml");
        Map<String, Set<Setting>> settings = composeSettings(compose);

        assertEveryServiceIsConfigured(settings, relative(compose));
        assertOnlyReadVariables(settings);
    }

    @Test
    void kubernetesConfigSetsOnlyVariablesTheServicesRead() {
        KubernetesFiles k8s = KubernetesFiles.read(root.resolve("deploy/k8s"));
        Map<String, Set<Setting>> settings = kubernetesSettings(k8s);

        assertEveryServiceIsConfigured(settings, relative(root.resolve("deploy/k8s")) + "/");
        assertOnlyReadVariables(settings);
    }

    @Test
    void kubernetesConfigMapHoldsOnlyVariablesSomeServiceReads() {
        KubernetesFiles k8s = KubernetesFiles.read(root.resolve("deploy/k8s"));
        assertThat(k8s.configMaps).as("ConfigMaps under deploy/k8s").isNotEmpty();

        Set<String> readByAny = new TreeSet<>();
        SERVICES.forEach(service -> readByAny.addAll(variablesReadBy(service)));
        List<String> unread = new ArrayList<>();
        k8s.configMaps.forEach((name, entries) -> entries.forEach((key, file) -> {
            if (!readByAny.contains(key)) {
                unread.add(relative(file) + ": ConfigMap " + name + " holds " + key
                        + ", which no service reads (no application.properties key has that environment form)");
            }
        }));
        assertThat(unread).as("ConfigMap keys no service reads").isEmpty();
    }

    @Test
    void kubernetesEnvironmentReferencesExistingConfigKeys() {
        KubernetesFiles k8s = KubernetesFiles.read(root.resolve("deploy/k8s"));
        List<String> dangling = new ArrayList<>();
        for (Workload workload : k8s.workloads) {
            for (JsonNode container : workload.containers()) {
                for (JsonNode env : container.path("env")) {
                    JsonNode from = env.path("valueFrom");
                    checkReference(from.path("configMapKeyRef"), k8s.configMaps, "ConfigMap", workload, env, dangling);
                    checkReference(from.path("secretKeyRef"), k8s.secrets, "Secret", workload, env, dangling);
                }
            }
        }
        assertThat(dangling).as("references to keys not defined under deploy/k8s").isEmpty();
    }

    private static void checkReference(JsonNode ref, Map<String, Map<String, Path>> maps, String kind,
            Workload workload, JsonNode env, List<String> dangling) {
        if (ref.isMissingNode() || ref.path("optional").asBoolean(false)) {
            return;
        }
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        if (!maps.getOrDefault(name, Map.of()).containsKey(key)) {
            dangling.add(relative(workload.file()) + ": " + env.path("name").asText() + " of " + workload.name()
                    + " refers to key " + key + " of " + kind + " " + name + ", which no file under deploy/k8s defines");
        }
    }

    // ---- the services' side ------------------------------------------------------------------

    private static void assertEveryServiceIsConfigured(Map<String, Set<Setting>> settings, String where) {
        for (String service : SERVICES) {
            assertThat(settings.getOrDefault(service, Set.of()))
                    .as("environment variables that %s sets on %s", where, service)
                    .isNotEmpty();
        }
    }

    private static void assertOnlyReadVariables(Map<String, Set<Setting>> settings) {
        List<String> unread = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> read = variablesReadBy(service);
            for (Setting setting : settings.getOrDefault(service, Set.of())) {
                if (!read.contains(setting.variable())) {
                    unread.add(setting.source() + " sets " + setting.variable() + " on " + service
                            + ", but " + relative(propertiesOf(service))
                            + " defines no key whose environment form that is");
                }
            }
        }
        assertThat(unread).as("environment variables the services do not read").isEmpty();
    }

    private static Path propertiesOf(String service) {
        return root.resolve(service).resolve("src/main/resources/application.properties");
    }

    /** Environment forms of every key the service's application.properties defines, in any profile. */
    private static Set<String> variablesReadBy(String service) {
        Path file = propertiesOf(service);
        assertThat(file).as("configuration of %s", service).isRegularFile();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> variables = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            variables.add(environmentForm(stripProfile(key)));
        }
        assertThat(variables).as("keys in %s", relative(file)).isNotEmpty();
        return variables;
    }

    static String stripProfile(String key) {
        return PROFILE_PREFIX.matcher(key).replaceFirst("");
    }

    /** MicroProfile Config: every character that is not a letter or digit becomes '_', then upper case. */
    static String environmentForm(String key) {
        StringBuilder form = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            form.append((c < 128 && Character.isLetterOrDigit(c)) ? c : '_');
        }
        return form.toString().toUpperCase(Locale.ROOT);
    }

    // ---- docker-compose.yml -------------------------------------------------------------------

    private static Map<String, Set<Setting>> composeSettings(Path compose) {
        List<JsonNode> documents = readYaml(compose);
        assertThat(documents).as("documents in %s", relative(compose)).hasSize(1);
        JsonNode services = documents.get(0).path("services");
        Map<String, Set<Setting>> settings = new LinkedHashMap<>();
        for (String service : SERVICES) {
            JsonNode definition = services.path(service);
            if (definition.isMissingNode()) {
                continue;
            }
            assertThat(definition.has("env_file"))
                    .as("%s: %s uses env_file, whose variables this test cannot check; list them under environment",
                            relative(compose), service)
                    .isFalse();
            Set<Setting> variables = new LinkedHashSet<>();
            JsonNode environment = definition.path("environment");
            if (environment.isObject()) {
                environment.fieldNames().forEachRemaining(name -> variables.add(new Setting(name, relative(compose))));
            } else if (environment.isArray()) {
                // List form: "NAME=value" or just "NAME" (passed through from the host).
                environment.forEach(entry -> variables.add(
                        new Setting(entry.asText().split("=", 2)[0], relative(compose))));
            }
            settings.put(service, variables);
        }
        return settings;
    }

    // ---- deploy/k8s ---------------------------------------------------------------------------

    private static Map<String, Set<Setting>> kubernetesSettings(KubernetesFiles k8s) {
        Map<String, Set<Setting>> settings = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (Workload workload : k8s.workloads) {
            if (!SERVICES.contains(workload.name())) {
                continue;
            }
            Set<Setting> variables = settings.computeIfAbsent(workload.name(), name -> new LinkedHashSet<>());
            for (JsonNode container : workload.containers()) {
                for (JsonNode env : container.path("env")) {
                    variables.add(new Setting(env.path("name").asText(), relative(workload.file())));
                }
                // envFrom sets every key of the referenced ConfigMap or Secret, with an optional prefix.
                for (JsonNode source : container.path("envFrom")) {
                    String prefix = source.path("prefix").asText("");
                    for (String kind : List.of("configMapRef", "secretRef")) {
                        JsonNode ref = source.path(kind);
                        if (ref.isMissingNode()) {
                            continue;
                        }
                        String name = ref.path("name").asText();
                        Map<String, Path> keys = (kind.equals("configMapRef") ? k8s.configMaps : k8s.secrets).get(name);
                        if (keys == null) {
                            unresolved.add(relative(workload.file()) + ": " + workload.name() + " takes its environment from "
                                    + kind + " " + name + ", which no file under deploy/k8s defines");
                            continue;
                        }
                        keys.forEach((key, file) -> variables.add(new Setting(prefix + key,
                                relative(workload.file()) + " (envFrom " + kind + " " + name + " in " + relative(file) + ")")));
                    }
                }
            }
        }
        assertThat(unresolved).as("envFrom sources that cannot be checked").isEmpty();
        return settings;
    }

    /** A workload (Deployment, StatefulSet, ...) with its pod template's containers. */
    private record Workload(String name, Path file, List<JsonNode> containers) {
    }

    /** An environment variable and where it is set (file, and for envFrom the ConfigMap or Secret). */
    private record Setting(String variable, String source) {
    }

    /** Every YAML document under a folder, sorted into ConfigMaps, Secrets and workloads. */
    private static final class KubernetesFiles {
        /** ConfigMap name → key → file defining it. */
        final Map<String, Map<String, Path>> configMaps = new LinkedHashMap<>();
        /** Secret name → key → file defining it (data and stringData). */
        final Map<String, Map<String, Path>> secrets = new LinkedHashMap<>();
        final List<Workload> workloads = new ArrayList<>();

        static KubernetesFiles read(Path folder) {
            KubernetesFiles files = new KubernetesFiles();
            List<Path> yamlFiles;
            try (Stream<Path> walk = Files.walk(folder)) {
                yamlFiles = walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
            assertThat(yamlFiles).as("YAML files under %s", relative(folder)).isNotEmpty();
            for (Path file : yamlFiles) {
                for (JsonNode document : readYaml(file)) {
                    files.add(document, file);
                }
            }
            return files;
        }

        private void add(JsonNode document, Path file) {
            String kind = document.path("kind").asText();
            String name = document.path("metadata").path("name").asText();
            switch (kind) {
                case "ConfigMap" -> {
                    Map<String, Path> keys = configMaps.computeIfAbsent(name, n -> new LinkedHashMap<>());
                    document.path("data").fieldNames().forEachRemaining(key -> keys.put(key, file));
                    document.path("binaryData").fieldNames().forEachRemaining(key -> keys.put(key, file));
                }
                case "Secret" -> {
                    Map<String, Path> keys = secrets.computeIfAbsent(name, n -> new LinkedHashMap<>());
                    document.path("data").fieldNames().forEachRemaining(key -> keys.put(key, file));
                    document.path("stringData").fieldNames().forEachRemaining(key -> keys.put(key, file));
                }
                default -> {
                    JsonNode pod = kind.equals("CronJob")
                            ? document.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                            : document.path("spec").path("template").path("spec");
                    List<JsonNode> containers = new ArrayList<>();
                    pod.path("initContainers").forEach(containers::add);
                    pod.path("containers").forEach(containers::add);
                    if (!containers.isEmpty()) {
                        workloads.add(new Workload(name, file, containers));
                    }
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static List<JsonNode> readYaml(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNextValue()) {
                JsonNode document = iterator.nextValue();
                if (document != null && document.isObject()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }

    private static String relative(Path path) {
        return root.relativize(path).toString();
    }
}
