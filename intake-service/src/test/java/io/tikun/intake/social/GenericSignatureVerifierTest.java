package io.tikun.intake.social;

import static io.tikun.intake.social.SocialFixtures.concat;
import static io.tikun.intake.social.SocialFixtures.fixture;
import static io.tikun.intake.social.SocialFixtures.hex;
import static io.tikun.intake.social.SocialFixtures.hmacSha256;
import static io.tikun.intake.social.SocialFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class GenericSignatureVerifierTest {

    private static final String SECRET = "tiktok-bridge-secret-5b1e";
    private static final Instant NOW = Instant.parse("2025-11-23T03:00:00Z");

    private final GenericSignatureVerifier verifier = new GenericSignatureVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private final byte[] body = fixture("generic-webhook.json");

    @Test
    void acceptsGenericWebhookSignedJustNow() {
        String timestamp = seconds(NOW);

        assertThat(verifier.isAuthentic(body, timestamp, sign(timestamp, body), SECRET)).isTrue();
    }

    @Test
    void acceptsTimestampsUpToTheToleranceEitherWay() {
        for (Instant sent : new Instant[] { NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(5)),
                NOW.minusSeconds(299) }) {
            String timestamp = seconds(sent);
            assertThat(verifier.isAuthentic(body, timestamp, sign(timestamp, body), SECRET)).as(timestamp).isTrue();
        }
    }

    @Test
    void rejectsReplayedWebhookWithTimestampTooOld() {
        String timestamp = seconds(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1));

        assertThat(verifier.isAuthentic(body, timestamp, sign(timestamp, body), SECRET)).isFalse();
    }

    @Test
    void rejectsWebhookWithTimestampTooFarInTheFuture() {
        String timestamp = seconds(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThat(verifier.isAuthentic(body, timestamp, sign(timestamp, body), SECRET)).isFalse();
    }

    @Test
    void honoursAConfiguredTolerance() {
        GenericSignatureVerifier strict = new GenericSignatureVerifier(Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(30));
        String timestamp = seconds(NOW.minusSeconds(31));

        assertThat(strict.isAuthentic(body, timestamp, sign(timestamp, body), SECRET)).isFalse();
    }

    @Test
    void rejectsOldSignatureReplayedWithAFreshTimestamp() {
        String signedAt = seconds(NOW.minus(Duration.ofHours(1)));

        assertThat(verifier.isAuthentic(body, seconds(NOW), sign(signedAt, body), SECRET)).isFalse();
    }

    @Test
    void rejectsTimestampThatIsNotPlainUnixSeconds() {
        for (String timestamp : new String[] { "+" + seconds(NOW), " " + seconds(NOW), "2025-11-23T03:00:00Z",
                seconds(NOW) + "000", "", "99999999999999999999" }) {
            assertThat(verifier.isAuthentic(body, timestamp, sign(timestamp, body), SECRET)).as(timestamp).isFalse();
        }
        assertThat(verifier.isAuthentic(body, null, sign(seconds(NOW), body), SECRET)).isFalse();
    }

    @Test
    void rejectsGenericWebhookWithForgedSignature() {
        String timestamp = seconds(NOW);
        String forged = "sha256=" + hex(hmacSha256("guessed", concat(utf8(timestamp + "."), body)));

        assertThat(verifier.isAuthentic(body, timestamp, forged, SECRET)).isFalse();
    }

    @Test
    void rejectsMissingTruncatedOrWrongPrefixSignature() {
        String timestamp = seconds(NOW);
        String valid = sign(timestamp, body);

        assertThat(verifier.isAuthentic(body, timestamp, null, SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, timestamp, valid.substring(0, valid.length() - 2), SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, timestamp, valid.substring("sha256=".length()), SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, timestamp, "sha512=" + valid.substring("sha256=".length()), SECRET))
                .isFalse();
    }

    @Test
    void rejectsSignatureOverTheBodyAlone() {
        String timestamp = seconds(NOW);
        String bodyOnly = "sha256=" + hex(hmacSha256(SECRET, body));

        assertThat(verifier.isAuthentic(body, timestamp, bodyOnly, SECRET)).isFalse();
    }

    @Test
    void rejectsBodyModifiedAfterSigning() {
        String timestamp = seconds(NOW);
        String signature = sign(timestamp, body);
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[10] ^= 1;

        assertThat(verifier.isAuthentic(tampered, timestamp, signature, SECRET)).isFalse();
    }

    private static String seconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }

    private static String sign(String timestamp, byte[] body) {
        return "sha256=" + hex(hmacSha256(SECRET, concat(utf8(timestamp + "."), body)));
    }
}
