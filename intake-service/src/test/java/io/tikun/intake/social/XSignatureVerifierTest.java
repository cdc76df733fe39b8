package io.tikun.intake.social;

import static io.tikun.intake.social.SocialFixtures.fixture;
import static io.tikun.intake.social.SocialFixtures.hex;
import static io.tikun.intake.social.SocialFixtures.hmacSha256;
import static io.tikun.intake.social.SocialFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class XSignatureVerifierTest {

    private static final String CONSUMER_SECRET = "xQ8pL2mN4vB6cX9zA1sD3fG5hJ7kL0qW2eR4tY6uI8oP";

    private final XSignatureVerifier verifier = new XSignatureVerifier();
    private final byte[] body = fixture("x-mention.json");
    private final String validHeader = "sha256=" + base64(hmacSha256(CONSUMER_SECRET, body));

    @Test
    void answersCrcChallengeWithBase64HmacOfTheToken() {
        String crcToken = "9b4507a7-7e7f-4b2c-9a7e-6a0b1f1c2d3e";

        assertThat(verifier.crcResponseToken(crcToken, CONSUMER_SECRET))
                .isEqualTo("sha256=" + base64(hmacSha256(CONSUMER_SECRET, utf8(crcToken))));
    }

    @Test
    void refusesCrcWithoutToken() {
        assertThatThrownBy(() -> verifier.crcResponseToken("", CONSUMER_SECRET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToSignACrcTokenThatCouldBeAWebhookBody() {
        String tweetAsToken = new String(body, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(verifier.isCrcToken(tweetAsToken)).isFalse();
        assertThatThrownBy(() -> verifier.crcResponseToken(tweetAsToken, CONSUMER_SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(verifier.isCrcToken("a".repeat(XSignatureVerifier.MAX_CRC_TOKEN_LENGTH))).isTrue();
        assertThat(verifier.isCrcToken("a".repeat(XSignatureVerifier.MAX_CRC_TOKEN_LENGTH + 1))).isFalse();
    }

    @Test
    void acceptsXWebhookSignedWithConsumerSecret() {
        assertThat(verifier.isAuthentic(body, validHeader, CONSUMER_SECRET)).isTrue();
    }

    @Test
    void rejectsXWebhookWithForgedSignature() {
        String forged = "sha256=" + base64(hmacSha256("someone-else", body));

        assertThat(verifier.isAuthentic(body, forged, CONSUMER_SECRET)).isFalse();
    }

    @Test
    void rejectsXWebhookWithoutSignature() {
        assertThat(verifier.isAuthentic(body, null, CONSUMER_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "", CONSUMER_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha256=", CONSUMER_SECRET)).isFalse();
    }

    @Test
    void rejectsTruncatedSignature() {
        // dropping the "=" padding and four more characters removes three whole bytes of the MAC
        assertThat(verifier.isAuthentic(body, validHeader.substring(0, validHeader.length() - 5), CONSUMER_SECRET))
                .isFalse();
        assertThat(verifier.isAuthentic(body, validHeader.substring(0, validHeader.length() - 1), CONSUMER_SECRET))
                .isFalse();
    }

    @Test
    void rejectsSignatureWithWrongPrefixOrEncoding() {
        byte[] mac = hmacSha256(CONSUMER_SECRET, body);

        assertThat(verifier.isAuthentic(body, base64(mac), CONSUMER_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha1=" + base64(mac), CONSUMER_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha256=" + hex(mac), CONSUMER_SECRET)).isFalse();
        assertThat(verifier.isAuthentic(body, "sha256=***not-base64***", CONSUMER_SECRET)).isFalse();
    }

    @Test
    void rejectsBodyModifiedAfterSigning() {
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length - 3] ^= 1;

        assertThat(verifier.isAuthentic(tampered, validHeader, CONSUMER_SECRET)).isFalse();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
