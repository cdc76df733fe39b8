package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.TextBody;
import org.junit.jupiter.api.Test;

class DigestingBodyFactoryTest {

    private static final int RETAIN_BYTES = 4;
    /** sha256sum of the ASCII bytes "0123456789". */
    private static final String DIGITS_SHA256 = "84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882";
    private static final long DIGITS_BYTES = 10;

    private final DigestingBodyFactory factory = new DigestingBodyFactory(RETAIN_BYTES);

    private static InputStream digits() {
        return new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void hashesOversizedBinaryPartWithoutKeepingItsContent() throws Exception {
        BinaryBody body = factory.binaryBody(digits());

        DigestingBodyFactory.Digested digested = (DigestingBodyFactory.Digested) body;
        assertThat(digested.fullSize()).isEqualTo(DIGITS_BYTES);
        assertThat(digested.sha256Hex()).isEqualTo(DIGITS_SHA256);
        assertThat(body.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void keepsOnlyTheBeginningOfAnOversizedTextPart() throws Exception {
        TextBody body = factory.textBody(digits(), "utf-8");

        assertThat(((DigestingBodyFactory.Digested) body).sha256Hex()).isEqualTo(DIGITS_SHA256);
        assertThat(new String(body.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("0123");
        assertThat(body.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void keepsSmallBinaryPartWhole() throws Exception {
        BinaryBody body = new DigestingBodyFactory(DIGITS_BYTES).binaryBody(digits());

        assertThat(body.getInputStream().readAllBytes()).hasSize((int) DIGITS_BYTES);
    }
}
