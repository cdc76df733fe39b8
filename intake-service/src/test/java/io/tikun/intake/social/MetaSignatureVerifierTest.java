package io.tikun.intake.social;

import static io.tikun.intake.social.SocialFixtures.fixture;
import static io.tikun.intake.social.SocialFixtures.hex;
import static io.tikun.intake.social.SocialFixtures.hmacSha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MetaSignatureVerifierTest {

    private static final String APP_SECRET = "3f1c9a77e0b24d5e8a6b1c2d3e4f5a6b";
    private static final String VERIFY_TOKEN = "tikun-meta-verify-7d2e";

    private final MetaSignatureVerifier verifier = new MetaSignatureVerifier();
    private final byte[] body = fixture("facebook-page-comment.json");
    private final String validHeader = "sha256=" + hex(hmacSha256(APP_SECRET, body));

    @Test
    void acceptsMetaWebhookSignedWithAppSecret() {
        assertThat(verifier.isAuthentic(body, validHeader, APP_SECRET)).isTrue();
    }

    @Test
    void acceptsSignatureWrittenInUppercaseHex() {
        String upper = "sha256=" + hex(hmacSha256(APP_SECRET, body)).toUpperCase(Locale.ROOT);

        assertThat(verifier.isAuthentic(body, upper, APP_SECRET)).isTrue();
    }

    @Test
    void rejectsMetaWebhookWithForgedSignature() {
        String forged = "sha256=" + hex(hmacSha256("not-the-app-secret", body));

        assertThat(verifier.isAuthentic(body, forged, APP_SECRET)).isFalse();
    }

    @Test
    void rejectsMetaWebhookWithoutSignature() {
        assertThat(verifier.isAuthentic(body, null, APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "", APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha256=", APP_SECRET)).isFalse();
    }

    @Test
    void rejectsTruncatedSignature() {
        assertThat(verifier.isAuthentic(body, validHeader.substring(0, validHeader.length() - 2), APP_SECRET))
                .isFalse();
        assertThat(verifier.isAuthentic(body, validHeader.substring(0, validHeader.length() - 1), APP_SECRET))
                .isFalse();
    }

    @Test
    void rejectsSignatureWithWrongPrefix() {
        String hex = hex(hmacSha256(APP_SECRET, body));

        assertThat(verifier.isAuthentic(body, hex, APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha1=" + hex, APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "SHA256=" + hex, APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, " sha256=" + hex, APP_SECRET)).isFalse();
    }

    @Test
    void rejectsSignatureThatIsNotHex() {
        String base64Instead = "sha256=" + java.util.Base64.getEncoder().encodeToString(hmacSha256(APP_SECRET, body));

        assertThat(verifier.isAuthentic(body, base64Instead, APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha256=" + "zz".repeat(32), APP_SECRET)).isFalse();
    }

    @Test
    void rejectsBodyModifiedAfterSigning() {
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length / 2] ^= 1;

        assertThat(verifier.isAuthentic(tampered, validHeader, APP_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(Arrays.copyOf(body, body.length + 1), validHeader, APP_SECRET)).isFalse();
    }

    @Test
    void refusesToVerifyWithoutAConfiguredAppSecret() {
        assertThatThrownBy(() -> verifier.isAuthentic(body, validHeader, "")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> verifier.isAuthentic(body, validHeader, null)).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void echoesChallengeWhenSubscribingWithOurVerifyToken() {
        assertThat(verifier.subscriptionChallenge("subscribe", VERIFY_TOKEN, "1158201444", VERIFY_TOKEN))
                .contains("1158201444");
    }

    @Test
    void refusesSubscriptionWithWrongVerifyToken() {
        assertThat(verifier.subscriptionChallenge("subscribe", "guessed-token", "1158201444", VERIFY_TOKEN)).isEmpty();
        assertThat(verifier.subscriptionChallenge("subscribe", null, "1158201444", VERIFY_TOKEN)).isEmpty();
        assertThat(verifier.subscriptionChallenge("subscribe", VERIFY_TOKEN + "x", "1158201444", VERIFY_TOKEN))
                .isEmpty();
    }

    @Test
    void refusesSubscriptionWithOtherModeOrNoChallenge() {
        assertThat(verifier.subscriptionChallenge("unsubscribe", VERIFY_TOKEN, "1158201444", VERIFY_TOKEN)).isEmpty();
        assertThat(verifier.subscriptionChallenge(null, VERIFY_TOKEN, "1158201444", VERIFY_TOKEN)).isEmpty();
        assertThat(verifier.subscriptionChallenge("subscribe", VERIFY_TOKEN, "", VERIFY_TOKEN)).isEmpty();
        assertThat(verifier.subscriptionChallenge("subscribe", VERIFY_TOKEN, null, VERIFY_TOKEN)).isEmpty();
    }

    @Test
    void refusesEverySubscriptionWhenNoVerifyTokenIsConfigured() {
        assertThatThrownBy(() -> verifier.subscriptionChallenge("subscribe", "", "1158201444", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
