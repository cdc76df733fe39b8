package io.tikun.followup.access;

import static io.restassured.RestAssured.given;
import static io.tikun.followup.commitment.CommitmentFixtures.PROBLEM;
import static io.tikun.followup.commitment.CommitmentFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentChange;
import io.tikun.followup.commitment.CommitmentChangeRepository;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.SignedLinkService;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * Who may call what, for every operation of the service's own OpenAPI document: an operation added without a row
 * here fails the build, as does a row for an operation that is gone. 401 and 403 are always problem+json. The
 * customer pages stay open to anyone but refuse a forged or an expired link.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuthorizationMatrixTest {

    /** The callers of each row, in this order. */
    enum Who {
        ANONYMOUS,
        CHANNEL,
        AGENT_NOT_OWNER,
        AGENT_OWNER,
        MANAGER,
        ADMIN
    }

    /** Let through (any status but 401 or 403, and no server error). */
    private static final int OK = 0;
    /** A customer page's refusal of a forged link (400) and of an expired one (410). */
    private static final int REFUSES_BAD_LINKS = -1;

    private static final String OWNER = "yossi";
    private static final String LINK_SECRET = "test-only-link-secret-not-for-production-0001";

    private static final Map<String, int[]> MATRIX = new LinkedHashMap<>();

    static {
        // anonymous, channel, agent (not owner), agent (owner), manager, admin
        row("GET /api/v1/commitments", 401, 403, OK, OK, OK, OK);
        row("GET /api/v1/commitments/{id}", 401, 403, OK, OK, OK, OK);
        // Reading stays open to every agent, as for the commitment itself.
        row("GET /api/v1/commitments/{id}/customer-messages", 401, 403, OK, OK, OK, OK);
        row("POST /api/v1/commitments/{id}/claim-done", 401, 403, 403, OK, OK, OK);
        row("POST /api/v1/commitments/{id}/reopen", 401, 403, 403, OK, OK, 403);
        row("POST /api/v1/customers/{id}/churned", 401, 403, OK, OK, OK, OK);
        row("GET /api/v1/exit-interviews", 401, 403, OK, OK, OK, OK);
        row("POST /api/v1/exit-interviews/{id}/complete", 401, 403, 403, OK, OK, OK);
        row("GET /api/v1/reports/promises", 401, 403, 403, 403, OK, OK);
        row("GET /api/v1/churn-watches", 401, 403, OK, OK, OK, OK);
        // Any agent may record whether a customer stayed (a watch has no owner); an unknown watch answers 404.
        row("POST /api/v1/churn-watches/{id}/outcome", 401, 403, OK, OK, OK, OK);
        row("GET /api/v1/reports/churn", 401, 403, 403, 403, OK, OK);
        row("GET /api/v1/reports/return", 401, 403, 403, 403, OK, OK);
        row("GET /verify", REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS,
                REFUSES_BAD_LINKS, REFUSES_BAD_LINKS);
        row("POST /verify", REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS,
                REFUSES_BAD_LINKS, REFUSES_BAD_LINKS);
        row("GET /csat", REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS,
                REFUSES_BAD_LINKS, REFUSES_BAD_LINKS);
        row("POST /csat", REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS, REFUSES_BAD_LINKS,
                REFUSES_BAD_LINKS, REFUSES_BAD_LINKS);
    }

    private static void row(String operation, int... expected) {
        assertThat(expected).as(operation).hasSize(Who.values().length);
        MATRIX.put(operation, expected);
    }

    @Inject
    CommitmentRepository commitments;

    @Inject
    CommitmentChangeRepository changes;

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
    void everyCallerGetsWhatTheMatrixSays() throws Throwable {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, int[]> row : MATRIX.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String template = row.getKey().substring(method.length() + 1);
            for (Who caller : Who.values()) {
                int expected = row.getValue()[caller.ordinal()];
                if (expected == REFUSES_BAD_LINKS) {
                    LinkAction action = template.startsWith("/csat") ? LinkAction.CSAT : LinkAction.CONFIRM_FIXED;
                    check(wrong, row.getKey(), caller, call(method, template, caller, forgedLink(action)), 400);
                    check(wrong, row.getKey(), caller, call(method, template, caller, expiredLink(action)), 410);
                } else {
                    check(wrong, row.getKey(), caller, call(method, template, caller, null), expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, String operation, Who caller, Response response, int expected) {
        int status = response.statusCode();
        boolean right = expected == OK ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!right) {
            wrong.add("%s as %s: %d, expected %s".formatted(operation, caller, status, expected == OK ? "OK" : expected));
        }
        if ((status == 401 || status == 403)
                && !String.valueOf(response.contentType()).startsWith(PROBLEM)) {
            wrong.add("%s as %s: %d as %s, not problem+json".formatted(operation, caller, status,
                    response.contentType()));
        }
    }

    private Response call(String method, String template, Who caller, String link) throws Throwable {
        RequestSpecification request = given().redirects().follow(false);
        switch (caller) {
            case ANONYMOUS -> {
            }
            case CHANNEL -> request = request.auth().oauth2(token("web-form", "channel"));
            case AGENT_NOT_OWNER -> request = request.auth().oauth2(token("omer", "agent"));
            case AGENT_OWNER -> request = request.auth().oauth2(token(OWNER, "agent"));
            case MANAGER -> request = request.auth().oauth2(token("rina", "manager"));
            case ADMIN -> request = request.auth().oauth2(token("root", "admin"));
        }
        String path = template;
        if (template.startsWith("/verify") || template.startsWith("/csat")) {
            request = "GET".equals(method) ? request.queryParam("token", link)
                    : request.contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                            .formParam("token", link).formParam("score", "5");
        } else if (template.contains("/commitments/{id}")) {
            path = template.replace("{id}", seedCommitment(template.endsWith("/reopen")
                    ? CommitmentStatus.DISPUTED
                    : CommitmentStatus.OPEN).toString());
        } else if (template.contains("/exit-interviews/{id}")) {
            path = template.replace("{id}", exitInterviewHeldByOwner());
        } else if (template.contains("/churn-watches/{id}")) {
            path = template.replace("{id}", UUID.randomUUID().toString());
        } else if (template.contains("/customers/{id}")) {
            path = template.replace("{id}", "cust-" + UUID.randomUUID());
        }
        if (path.endsWith("/claim-done")) {
            request = request.contentType(ContentType.JSON).body("{\"note\":\"replaced the heater\"}");
        } else if (path.endsWith("/reopen")) {
            request = request.contentType(ContentType.JSON)
                    .body("{\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(5)) + "\",\"note\":\"new part\"}");
        } else if (path.endsWith("/complete")) {
            request = request.contentType(ContentType.JSON).body("{\"notes\":\"called\",\"outcome\":\"RETAINED\"}");
        } else if (path.endsWith("/churned")) {
            request = request.contentType(ContentType.JSON).body("{}");
        } else if (path.endsWith("/outcome")) {
            request = request.contentType(ContentType.JSON).body("{\"outcome\":\"STAYED\"}");
        } else if (path.contains("/reports/")) {
            request = request.queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-02-01T00:00:00Z");
        }
        return request.request(method, path);
    }

    /** A fresh promise of {@link #OWNER} for each call, so that every caller meets the same state. */
    private UUID seedCommitment(CommitmentStatus status) throws Throwable {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.caseId = UUID.randomUUID();
        c.complaintId = "cmp-" + c.id;
        c.reference = "TK-000555";
        c.customerId = "cust-" + c.id;
        c.customerName = "Dana Levi";
        c.customerEmail = "customer-" + c.id + "@example.co.il";
        c.what = "A technician replaces the heater";
        c.owner = OWNER;
        c.dueAt = now.plus(Duration.ofDays(2));
        c.madeBy = "manager";
        c.madeAt = now.minus(Duration.ofDays(1));
        c.status = status;
        c.updatedAt = now;
        List<CommitmentChange> history = new ArrayList<>(
                List.of(CommitmentChange.of(c.id, null, CommitmentStatus.OPEN, "manager", "promised", c.madeAt)));
        if (status == CommitmentStatus.DISPUTED) {
            history.add(CommitmentChange.of(c.id, CommitmentStatus.OPEN, CommitmentStatus.CLAIMED_DONE, OWNER, "done",
                    now.minus(Duration.ofHours(2))));
            history.add(CommitmentChange.of(c.id, CommitmentStatus.CLAIMED_DONE, CommitmentStatus.DISPUTED, "customer",
                    "still cold", now.minus(Duration.ofHours(1))));
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> commitments.persist(c).chain(() -> changes.persist(history))));
        return c.id;
    }

    private static String exitInterviewHeldByOwner() {
        return given().auth().oauth2(token(OWNER, "agent")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers/cust-" + UUID.randomUUID() + "/churned").then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    /** Signed with a key the service does not know. */
    private static String forgedLink(LinkAction action) {
        return new SignedLinkService(List.of("someone-elses-link-secret-not-ours-0009"), Duration.ofDays(14),
                "http://x/verify", Clock.systemUTC()).issue(UUID.randomUUID(), action,
                        Instant.now().plus(Duration.ofDays(14)));
    }

    /** Signed with the service's key a month ago, with a fortnight to live. */
    private static String expiredLink(LinkAction action) {
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        return new SignedLinkService(List.of(LINK_SECRET), Duration.ofDays(14), "http://x/verify",
                Clock.fixed(monthAgo, ZoneOffset.UTC)).issue(UUID.randomUUID(), action,
                        monthAgo.plus(Duration.ofDays(14)));
    }
}
