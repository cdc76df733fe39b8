package io.tikun.routing;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * Who may call what, for every operation routing's OpenAPI document lists: a row per operation with the answer each
 * kind of caller gets. An operation without a row (a new endpoint) or a row without an operation fails the test, and
 * every 401 and 403 is problem+json. Changing requests carry a stale If-Match where they take one, so an allowed
 * caller is answered (412) without changing the case the next rows use.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuthorizationMatrixTest {

    /** Any answer but 401 and 403: the caller got past authorization (to 200, 400, 404, 409, 412...). */
    private static final int ALLOWED = -1;
    private static final String PROBLEM = "application/problem+json";
    private static final String STALE = "\"999999\"";

    enum Caller {
        ANONYMOUS(null, null),
        CHANNEL("web", "channel"),
        AGENT_OWNER("bob", "agent"),
        AGENT_NOT_OWNER("carol", "agent"),
        MANAGER("mira", "manager"),
        ADMIN("adam", "admin");

        final String user;
        final String role;

        Caller(String user, String role) {
            this.user = user;
            this.role = role;
        }

        String token() {
            return user == null ? null : OidcWiremockTestResource.getAccessToken(user, Set.of(role));
        }
    }

    /** Expected answers in the order of {@link Caller}. */
    private static Map<Caller, Integer> row(int anonymous, int channel, int owner, int notOwner, int manager, int admin) {
        Map<Caller, Integer> row = new EnumMap<>(Caller.class);
        int[] all = { anonymous, channel, owner, notOwner, manager, admin };
        for (Caller c : Caller.values()) {
            row.put(c, all[c.ordinal()]);
        }
        return row;
    }

    private static final Map<Caller, Integer> CASE_WORKERS = row(401, 403, ALLOWED, ALLOWED, ALLOWED, ALLOWED);
    private static final Map<Caller, Integer> HOLDER_OR_MANAGER = row(401, 403, ALLOWED, 403, ALLOWED, ALLOWED);
    private static final Map<Caller, Integer> MANAGERS = row(401, 403, 403, 403, ALLOWED, ALLOWED);
    /** The console's pages log in through the browser tenant: a bearer token counts for nothing there. */
    private static final Map<Caller, Integer> BROWSER_LOGIN = row(302, 302, 302, 302, 302, 302);

    private static final Map<String, Map<Caller, Integer>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /api/v1/cases", CASE_WORKERS);
        MATRIX.put("GET /api/v1/cases/{id}", CASE_WORKERS);
        MATRIX.put("POST /api/v1/cases/{id}/claim", CASE_WORKERS);
        MATRIX.put("PUT /api/v1/cases/{id}/assignee", MANAGERS);
        MATRIX.put("POST /api/v1/cases/{id}/first-response", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/resolve", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/reopen", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/wait-on-customer", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/resume", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/replies", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/notes", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{id}/messages/{messageId}/resend", HOLDER_OR_MANAGER);
        MATRIX.put("POST /api/v1/cases/{caseId}/commitments", HOLDER_OR_MANAGER);
        MATRIX.put("GET /api/v1/callbacks", MANAGERS);
        MATRIX.put("GET /api/v1/callbacks/{id}", MANAGERS);
        MATRIX.put("POST /api/v1/callbacks/{id}/outcome", MANAGERS);
        MATRIX.put("GET /api/v1/reports/routing", MANAGERS);
        MATRIX.put("GET /api/v1/reports/response-times", MANAGERS);
        MATRIX.put("GET /api/v1/reports/classification-accuracy", MANAGERS);
        MATRIX.put("GET /api/v1/reports/trends", MANAGERS);
        MATRIX.put("GET /api/v1/reports/probes", MANAGERS);
        MATRIX.put("GET /api/v1/canned-responses", CASE_WORKERS);
        MATRIX.put("GET /api/v1/canned-responses/{id}", CASE_WORKERS);
        MATRIX.put("POST /api/v1/canned-responses", MANAGERS);
        MATRIX.put("PUT /api/v1/canned-responses/{id}", MANAGERS);
        MATRIX.put("DELETE /api/v1/canned-responses/{id}", MANAGERS);
        MATRIX.put("POST /api/v1/cases/{id}/replies/preview", CASE_WORKERS);
        MATRIX.put("GET /api/v1/console/overview", MANAGERS);
        MATRIX.put("GET /api/v1/hotspots", MANAGERS);
        MATRIX.put("GET /api/v1/hotspots/{id}", MANAGERS);
        MATRIX.put("POST /api/v1/hotspots/{id}/acknowledge", MANAGERS);
        MATRIX.put("GET /api/v1/notifications/stream", MANAGERS);
        MATRIX.put("GET /console", BROWSER_LOGIN);
        MATRIX.put("GET /console/stream", BROWSER_LOGIN);
        MATRIX.put("GET /console/overview", BROWSER_LOGIN);
        MATRIX.put("GET /console/reports", BROWSER_LOGIN);
        MATRIX.put("POST /console/callbacks/{id}/outcome", BROWSER_LOGIN);
        MATRIX.put("GET /workspace", BROWSER_LOGIN);
        MATRIX.put("GET /workspace/language", BROWSER_LOGIN);
        MATRIX.put("GET /workspace/stream", BROWSER_LOGIN);
        MATRIX.put("GET /workspace/cases/{id}", BROWSER_LOGIN);
        MATRIX.put("POST /workspace/cases/{id}/{action}", BROWSER_LOGIN);
        MATRIX.put("POST /workspace/cases/{id}/promises", BROWSER_LOGIN);
        MATRIX.put("POST /workspace/cases/{id}/assign", BROWSER_LOGIN);
    }

    /** A valid body per operation that takes one, so an allowed caller is judged on more than its JSON. */
    private static final Map<String, String> BODIES = Map.of(
            "PUT /api/v1/cases/{id}/assignee", "{\"assignee\":\"dana\"}",
            "POST /api/v1/cases/{id}/first-response", "{\"summary\":\"Called her back\"}",
            "POST /api/v1/cases/{id}/resolve",
            "{\"resolution\":\"Heater replaced\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}",
            "POST /api/v1/cases/{id}/reopen", "{\"reason\":\"Still smells of gas\"}",
            "POST /api/v1/cases/{id}/replies", "{\"text\":\"We are on it\"}",
            "POST /api/v1/cases/{id}/notes", "{\"text\":\"Customer prefers calls after 17:00\"}",
            "POST /api/v1/cases/{caseId}/commitments",
            "{\"what\":\"A technician comes\",\"owner\":\"yossi\",\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(2))
                    + "\"}",
            "POST /api/v1/callbacks/{id}/outcome", "{\"outcome\":\"NOT_REACHED\",\"note\":\"Voicemail\"}");

    /** Bodies of the canned-response operations; the create is refused for its unknown placeholder, creating nothing. */
    private static final Map<String, String> CANNED_BODIES = Map.of(
            "POST /api/v1/canned-responses", "{\"title\":\"Hello\",\"bodies\":{\"en\":\"Hello {nobody}\"}}",
            "PUT /api/v1/canned-responses/{id}", "{\"title\":\"Hello\",\"bodies\":{\"en\":\"Hello {customerName}\"}}",
            "POST /api/v1/cases/{id}/replies/preview", "{\"text\":\"Hello {customerName}\"}");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private String caseHeldByTheOwner() {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, randomReference(), "MEDIUM"));
        }
        String id = awaitCase(complaintId).getString("id");
        given().auth().oauth2(Caller.AGENT_OWNER.token()).post("/api/v1/cases/" + id + "/claim").then().statusCode(200);
        return id;
    }

    /** The OpenAPI document, on the management interface. */
    @TestHTTPResource(value = "/openapi", management = true)
    java.net.URL openApi;

    /** Every operation of the OpenAPI document as {@code "METHOD /path"}. */
    private Set<String> operations() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get(openApi)
                .then().statusCode(200).extract().asString()).get("paths");
        Set<String> found = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    found.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return found;
    }

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() throws Exception {
        assertThat(operations()).as("operations of /q/openapi").containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
    }

    @Test
    void everyCallerGetsTheAnswerItsRowSaysAndRefusalsAreProblems() throws Exception {
        String caseId = caseHeldByTheOwner();
        List<String> wrong = new ArrayList<>();
        for (String operation : operations()) {
            Map<Caller, Integer> expected = MATRIX.get(operation);
            if (expected == null) {
                wrong.add(operation + ": no row");
                continue;
            }
            for (Caller caller : Caller.values()) {
                Answer answer = call(operation, caseId, caller);
                int want = expected.get(caller);
                boolean ok = want == ALLOWED ? answer.status != 401 && answer.status != 403 : answer.status == want;
                if (!ok) {
                    wrong.add(operation + " as " + caller + ": " + answer.status + ", expected "
                            + (want == ALLOWED ? "allowed" : want));
                }
                if ((answer.status == 401 || answer.status == 403)
                        && (answer.contentType == null || !answer.contentType.startsWith(PROBLEM))) {
                    wrong.add(operation + " as " + caller + ": " + answer.status + " as " + answer.contentType);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private record Answer(int status, String contentType) {
    }

    private Answer call(String operation, String caseId, Caller caller) throws Exception {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{caseId}", caseId)
                .replace("{messageId}", UUID.randomUUID().toString())
                .replace("{action}", "note")
                .replace("{id}", path(operation).startsWith("/api/v1/cases") ? caseId : UUID.randomUUID().toString());
        String body = BODIES.containsKey(operation) ? BODIES.get(operation) : CANNED_BODIES.get(operation);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!"GET".equals(method) && path.startsWith("/api/v1/cases/") && !path.endsWith("/commitments")) {
            request.header("If-Match", STALE);
        }
        String token = caller.token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // The response is taken as soon as its head arrives: an allowed live stream would never end.
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = response.body()) {
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null));
        }
    }

    private static String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }
}
