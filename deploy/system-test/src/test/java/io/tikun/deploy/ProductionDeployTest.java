package io.tikun.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.tikun.stack.StackHome;

/**
 * The production deploy files have no working default secret: compose refuses to start without each
 * one, Keycloak runs in production mode on a database of its own, and the production realm has no
 * demo users and no secret written in it. Health and metrics are probed on the management ports.
 */
class ProductionDeployTest {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} and their forms without the colon. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|TOKEN).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");
    private static final Map<String, String> MANAGEMENT_PORTS = Map.of("intake-service", "9001", "routing-service",
            "9002", "followup-service", "9003");

    private static Path deploy() {
        return StackHome.root().resolve("deploy");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void composeRefusesToStartWithoutEverySecret() throws IOException {
        List<String> defaulted = new ArrayList<>();
        Matcher reference = INTERPOLATION.matcher(read(deploy().resolve("docker-compose.yml")));
        while (reference.find()) {
            String name = reference.group(1);
            String operator = reference.group(2);
            String fallback = reference.group(3);
            boolean required = ":?".equals(operator);
            // An empty default only leaves an optional integration (a social network) switched off.
            boolean offWhenUnset = ":-".equals(operator) && fallback.isEmpty();
            if (SECRET_NAME.matcher(name).matches() && !required && !offWhenUnset) {
                defaulted.add(reference.group());
            }
        }
        assertThat(defaulted).as("secrets that compose would start with a default or an empty value").isEmpty();
    }

    @Test
    void composeRunsKeycloakInProductionModeOnItsOwnDatabaseWithTheProductionRealm() throws IOException {
        JsonNode services = new YAMLMapper().readTree(deploy().resolve("docker-compose.yml").toFile()).path("services");
        JsonNode keycloak = services.path("keycloak");

        assertThat(keycloak.path("command").get(0).asText()).isEqualTo("start");
        assertThat(keycloak.path("environment").path("KC_DB").asText()).isEqualTo("postgres");
        String databaseUrl = keycloak.path("environment").path("KC_DB_URL").asText();
        String databaseHost = databaseUrl.replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
        assertThat(services.has(databaseHost)).as("compose service %s behind %s", databaseHost, databaseUrl).isTrue();
        assertThat(databaseHost).as("Keycloak's database is not the services' one").isNotEqualTo("postgres");
        assertThat(keycloak.path("volumes")).hasSize(1);
        assertThat(keycloak.path("volumes").get(0).asText()).startsWith("./keycloak/tikun-realm.prod.json:");
    }

    @Test
    void productionRealmHasNoPeopleNoPublicClientAndNoWrittenSecret() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(deploy().resolve("keycloak/tikun-realm.prod.json").toFile());

        assertThat(realm.path("users")).allSatisfy(
                user -> assertThat(user.path("serviceAccountClientId").isTextual()).as(user.toString()).isTrue());
        assertThat(realm.path("clients")).isNotEmpty().allSatisfy(client -> {
            assertThat(client.path("publicClient").asBoolean()).as(client.path("clientId").asText()).isFalse();
            assertThat(client.path("secret").asText()).as(client.path("clientId").asText()).matches(PLACEHOLDER);
        });
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");

        JsonNode keycloakEnvironment = new YAMLMapper().readTree(deploy().resolve("docker-compose.yml").toFile())
                .path("services").path("keycloak").path("environment");
        Set<String> placeholders = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(read(deploy().resolve("keycloak/tikun-realm.prod.json")));
        while (placeholder.find()) {
            placeholders.add(placeholder.group().substring(2, placeholder.group().length() - 1));
        }
        assertThat(placeholders).isNotEmpty().allSatisfy(
                name -> assertThat(keycloakEnvironment.has(name)).as("compose gives Keycloak %s", name).isTrue());
    }

    @Test
    void channelClientsGetTokensForIntakeOnlyInBothRealms() throws IOException {
        for (String file : List.of("tikun-realm.json", "tikun-realm.prod.json")) {
            JsonNode realm = new ObjectMapper().readTree(deploy().resolve("keycloak").resolve(file).toFile());
            for (JsonNode client : realm.path("clients")) {
                Set<String> audiences = new TreeSet<>();
                client.path("protocolMappers").forEach(mapper -> {
                    if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())) {
                        audiences.add(mapper.path("config").path("included.custom.audience").asText());
                    }
                });
                String id = client.path("clientId").asText();
                assertThat(audiences).as("%s in %s", id, file).isNotEmpty();
                if (id.endsWith("-channel")) {
                    assertThat(audiences).as("%s in %s", id, file).containsExactly("tikun-intake");
                }
            }
        }
    }

    @Test
    void probesAndScrapingUseTheManagementPortsOnly() throws IOException {
        JsonNode services = new YAMLMapper().readTree(deploy().resolve("docker-compose.yml").toFile()).path("services");
        MANAGEMENT_PORTS.forEach((service, port) -> {
            assertThat(services.path(service).path("healthcheck").path("test").toString()).as(service)
                    .contains("/dev/tcp/127.0.0.1/" + port + " ");
            assertThat(services.path(service).path("ports").toString()).as(service).doesNotContain(port);
        });
        for (String service : MANAGEMENT_PORTS.keySet()) {
            String manifest = read(deploy().resolve("k8s").resolve(service + ".yaml"));
            assertThat(manifest).as(service).contains("prometheus.io/port: \"" + MANAGEMENT_PORTS.get(service) + "\"")
                    .doesNotContain("port: http\n").contains("containerPort: " + MANAGEMENT_PORTS.get(service));
        }
    }
}
