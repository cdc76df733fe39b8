package io.tikun.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * Who may call what, for every operation of intake's own OpenAPI document: an operation added without a row fails
 * the build, as does a row whose operation is gone. Bearer tokens open only the JSON APIs; the social webhooks, the
 * form and its signed links take none of them in place of a signature, a CSRF token or a signed link. Every 401 and
 * 403 of an API is problem+json; the form's refusals are pages for a person.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class AuthorizationMatrixTest {

    /** The callers of each row, in this order. Intake has no case ownership; a channel reads only what it filed. */
    enum Who {
        ANONYMOUS(null, null),
        FILING_CHANNEL("web-front", "channel"),
        OTHER_CHANNEL("partner-front", "channel"),
        AGENT("omer", "agent"),
        MANAGER("rina", "manager"),
        ADMIN("root", "admin");

        final String user;
        final String role;

        Who(String user, String role) {
            this.user = user;
            this.role = role;
        }

        RequestSpecification request() {
            RequestSpecification request = given().redirects().follow(false);
            return user == null ? request
                    : request.auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(role)));
        }
    }

    /** Let through: any status but 401 or 403, and no server error. */
    private static final int OK = 0;
    private static final String PROBLEM = "application/problem+json";
    private static final String HTML = "text/html";

    private static final Map<String, int[]> MATRIX = new LinkedHashMap<>();

    static {
        // anonymous, channel that filed it, another channel, agent, manager, admin
        row("POST /api/v1/complaints", 401, 202, 202, 403, 403, 403);
        row("GET /api/v1/complaints/{id}", 401, 200, 403, 200, 200, 200);
        row("POST /api/v1/channels/email", 401, 202, 202, 403, 403, 403);
        // Webhooks authenticate by the provider's secret: no bearer token stands in for it.
        everyone("GET /api/v1/channels/meta", 403);
        everyone("POST /api/v1/channels/meta", 401);
        everyone("GET /api/v1/channels/x", 400);
        everyone("POST /api/v1/channels/x", 401);
        everyone("POST /api/v1/channels/webhook/{network}", 401);
        row("GET /api/v1/customers/{id}", 401, 403, 403, 200, 200, 200);
        row("PUT /api/v1/customers/{id}/tier", 401, 403, 403, 403, 200, 200);
        row("POST /api/v1/customers/{id}/merge", 401, 403, 403, 403, 400, 400);
        row("GET /api/v1/customers/{id}/timeline", 401, 403, 403, 200, 200, 200);
        row("GET /api/v1/quarantine", 401, 403, 403, 403, 403, 200);
        row("GET /api/v1/quarantine/{id}", 401, 403, 403, 403, 403, 200);
        row("GET /api/v1/quarantine/{id}/raw", 401, 403, 403, 403, 403, 200);
        row("POST /api/v1/quarantine/{id}/replay", 401, 403, 403, 403, 403, OK);
        row("GET /api/v1/outbox/undeliverable", 401, 403, 403, 403, 403, 200);
        // The form is public; sending it needs its CSRF pair, its result and confirmation pages their signed link.
        everyone("GET /complain", 200);
        everyone("POST /complain", 403);
        everyone("GET /complain/received/{id}", 404);
        everyone("GET /complain/confirm/{id}", 404);
        everyone("POST /complain/confirm/{id}", 404);
    }

    private static void row(String operation, int... expected) {
        assertThat(expected).as(operation).hasSize(Who.values().length);
        MATRIX.put(operation, expected);
    }

    private static void everyone(String operation, int expected) {
        int[] all = new int[Who.values().length];
        Arrays.fill(all, expected);
        MATRIX.put(operation, all);
    }

    /** The OpenAPI document, on the management interface. */
    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    /** Every operation of /q/openapi, as "METHOD path". */
    private Set<String> documentedOperations() {
        JsonPath openapi = given().queryParam("format", "json").get(openApi).then().statusCode(200).extract()
                .jsonPath();
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    @Test
    void everyDocumentedOperationHasARowAndEveryRowADocumentedOperation() {
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(documentedOperations());
    }

    @Test
    void everyCallerGetsWhatTheMatrixSaysAndApiRefusalsAreProblems() {
        Fixture fixture = Fixture.create();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, int[]> row : MATRIX.entrySet()) {
            for (Who caller : Who.values()) {
                Response response = MatrixCalls.call(row.getKey(), caller.request(), fixture);
                check(wrong, row.getKey(), caller, response, row.getValue()[caller.ordinal()]);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, String operation, Who caller, Response response, int expected) {
        int status = response.statusCode();
        boolean right = expected == OK ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!right) {
            wrong.add("%s as %s: %d, expected %s".formatted(operation, caller, status,
                    expected == OK ? "let through" : expected));
        }
        // The form's pages answer a person's browser, so their refusals are pages too (never a stack trace).
        String refusalType = MatrixCalls.isFormPage(operation) ? HTML : PROBLEM;
        if ((status == 401 || status == 403) && !String.valueOf(response.contentType()).startsWith(refusalType)) {
            wrong.add("%s as %s: %d as %s, not %s".formatted(operation, caller, status, response.contentType(),
                    refusalType));
        }
    }

    /** A complaint filed by {@link Who#FILING_CHANNEL}, its customer, and a payload kept in quarantine. */
    record Fixture(String complaintId, String customerId, String quarantineId) {

        static Fixture create() {
            String email = "matrix+" + UUID.randomUUID() + "@example.com";
            String complaintId = Who.FILING_CHANNEL.request().contentType(ContentType.JSON)
                    .body(MatrixCalls.complaintJson(email)).post("/api/v1/complaints")
                    .then().statusCode(202).extract().path("id");
            String customerId = Who.AGENT.request().get("/api/v1/complaints/" + complaintId)
                    .then().statusCode(200).extract().path("customer.id");
            String quarantineId = Who.FILING_CHANNEL.request().contentType(ContentType.JSON)
                    .body("{\"customer\":".getBytes(StandardCharsets.UTF_8)).post("/api/v1/complaints")
                    .then().statusCode(400).contentType(PROBLEM).extract().path("quarantineId");
            assertThat(quarantineId).isNotBlank();
            return new Fixture(complaintId, customerId, quarantineId);
        }
    }
}
