package io.tikun.intake.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@TestProfile(RateLimitProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class RateLimitTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    RateLimitRepository counters;

    @Inject
    RateLimitConfig config;

    /** A client address no other test uses. */
    private static String freshIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static void assertTooManyRequests(Response response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(429);
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 86_400L);
    }

    private static Response openForm(String ip) {
        return given().header(FORWARDED_FOR, ip).get("/complain?lang=en");
    }

    /** Opens and sends a form from {@code ip}; the form's own GET counts too. */
    private static Response sendForm(String ip, String email) {
        Response page = openForm(ip);
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.asString());
        Map<String, String> fields = Map.of("csrf", html.selectFirst("input[name=csrf]").val(), "form-id",
                html.selectFirst("input[name=form-id]").val(), "name", "Dana Levi", "email", email, "phone", "",
                "subject", "Heater", "reference", "", "text", "The heater broke.", "website", "");
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return given().redirects().follow(false).header(FORWARDED_FOR, ip)
                .cookie("tikun_form_csrf", page.getCookie("tikun_form_csrf"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body).post("/complain?lang=en");
    }

    private static Response submitAsChannel(String subject) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(subject, Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"rl+" + UUID.randomUUID()
                        + "@example.com\"},\"subject\":\"Late\",\"body\":\"My parcel is late.\"}")
                .post("/api/v1/complaints");
    }

    @Test
    void answersTheFormPagesRequestOverTheBudgetOfOneAddressWith429ProblemAndRetryAfter() {
        String ip = freshIp();
        for (int i = 0; i < RateLimitProfile.PER_IP; i++) {
            openForm(ip).then().statusCode(200);
        }

        assertTooManyRequests(openForm(ip));
        openForm(freshIp()).then().statusCode(200);
    }

    @Test
    void limitsFormSubmissionsPerTypedEmailWhicheverAddressSendsThem() {
        String email = "target+" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < RateLimitProfile.PER_TARGET; i++) {
            assertThat(sendForm(freshIp(), email).statusCode()).isEqualTo(303);
        }

        assertTooManyRequests(sendForm(freshIp(), email));
        assertThat(sendForm(freshIp(), "other+" + UUID.randomUUID() + "@example.com").statusCode()).isEqualTo(303);
    }

    @Test
    void limitsTheProviderHandshakesPerClientAddress() {
        String ip = freshIp();
        for (int i = 0; i < RateLimitProfile.PER_IP; i++) {
            given().header(FORWARDED_FOR, ip).queryParam("crc_token", "abc").get("/api/v1/channels/x")
                    .then().statusCode(200);
        }
        assertTooManyRequests(given().header(FORWARDED_FOR, ip).queryParam("crc_token", "abc").get("/api/v1/channels/x"));
    }

    @Test
    void limitsAChannelCredentialAndEveryInstanceSpendsTheSameStoredBudget() {
        String subject = "gateway-" + UUID.randomUUID();
        for (int i = 0; i < RateLimitProfile.PER_CREDENTIAL - 1; i++) {
            submitAsChannel(subject).then().statusCode(202);
        }
        // A second instance: its own limiter on the same store spends the last request of the budget.
        RateLimiter otherInstance = new RateLimiter(counters, config, Clock.systemUTC());
        otherInstance.acquire(RateLimit.CREDENTIAL, "token:" + subject).await().indefinitely();
        assertThat(counters.count(otherInstance.currentCounterId(RateLimit.CREDENTIAL, "token:" + subject))
                .await().indefinitely()).isEqualTo(RateLimitProfile.PER_CREDENTIAL);

        assertTooManyRequests(submitAsChannel(subject));
        assertThatThrownBy(() -> otherInstance.acquire(RateLimit.CREDENTIAL, "token:" + subject).await().indefinitely())
                .isInstanceOf(RateLimitedProblem.class);
        submitAsChannel("gateway-" + UUID.randomUUID()).then().statusCode(202);
    }

    @Test
    void aCredentialFarFromItsBudgetIsTalliedInBatchesAndEveryRequestReachesTheStoredCount() {
        RateLimiter limiter = new RateLimiter(counters, credentialBudget(1000, 0.5), Clock.systemUTC());
        String key = "token:batched-" + UUID.randomUUID();

        Uni.join().all(IntStream.range(0, 300).mapToObj(i -> limiter.acquire(RateLimit.CREDENTIAL, key)).toList())
                .andFailFast().await().atMost(Duration.ofSeconds(20));

        String counter = limiter.currentCounterId(RateLimit.CREDENTIAL, key);
        await().atMost(Duration.ofSeconds(20)).until(() -> counters.count(counter).await().indefinitely() == 300);
    }

    @Test
    void pastTheBatchedShareEachRequestIsCountedFirstAndTheBudgetHolds() {
        RateLimiter limiter = new RateLimiter(counters, credentialBudget(10, 0.5), Clock.systemUTC());
        String key = "token:near-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            limiter.acquire(RateLimit.CREDENTIAL, key).await().atMost(Duration.ofSeconds(20));
        }
        // The first five were tallied here and are stored in the background; the other five were counted first.
        String counter = limiter.currentCounterId(RateLimit.CREDENTIAL, key);
        await().atMost(Duration.ofSeconds(20)).until(() -> counters.count(counter).await().indefinitely() == 10);

        assertThatThrownBy(() -> limiter.acquire(RateLimit.CREDENTIAL, key).await().atMost(Duration.ofSeconds(20)))
                .isInstanceOf(RateLimitedProblem.class);
        assertThat(counters.count(counter).await().indefinitely()).isEqualTo(11);
    }

    /** This profile's budgets, but for a credential's: {@code requests} a day, tallied below {@code batchedBelow}. */
    private RateLimitConfig credentialBudget(int requests, double batchedBelow) {
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public ClientIp clientIp() {
                return config.clientIp();
            }

            @Override
            public Target target() {
                return config.target();
            }

            @Override
            public Credential credential() {
                return new Credential() {
                    @Override
                    public int requests() {
                        return requests;
                    }

                    @Override
                    public Duration window() {
                        return Duration.ofDays(1);
                    }

                    @Override
                    public double batchedBelow() {
                        return batchedBelow;
                    }
                };
            }
        };
    }

    @Test
    void countsSignedSocialDeliveriesAgainstTheirNetworksCredentialAndNothingUnsigned() throws Exception {
        byte[] body = RateLimitTest.class.getResourceAsStream("/social/generic-webhook.json").readAllBytes();
        // Unsigned deliveries are refused before they count: strangers cannot spend the network's budget.
        for (int i = 0; i < RateLimitProfile.PER_CREDENTIAL; i++) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/channels/webhook/trustpilot")
                    .then().statusCode(401);
        }
        for (int i = 0; i < RateLimitProfile.PER_CREDENTIAL; i++) {
            signedGeneric(body).then().statusCode(200);
        }

        assertTooManyRequests(signedGeneric(body));
    }

    private static Response signedGeneric(byte[] body) throws Exception {
        String now = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-trustpilot-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((now + ".").getBytes(StandardCharsets.UTF_8));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return given().header("X-Tikun-Timestamp", now).header("X-Tikun-Signature", signature)
                .contentType(ContentType.JSON).body(body).post("/api/v1/channels/webhook/trustpilot");
    }
}
