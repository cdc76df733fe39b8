package io.tikun.intake.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BodyFactory;

/**
 * Creates mime4j bodies while the parser streams them: every part passes once through SHA-256 and a byte counter,
 * and only the first {@code retainBytes} are kept, so an oversized attachment is never held in memory.
 */
final class DigestingBodyFactory implements BodyFactory {

    private static final String SHA_256 = "SHA-256";
    private static final int BUFFER_BYTES = 8192;
    private static final byte[] NOTHING = new byte[0];

    private final long retainBytes;

    DigestingBodyFactory(long retainBytes) {
        this.retainBytes = retainBytes;
    }

    /** Size and SHA-256 of the whole decoded part, whether or not its content was kept. */
    interface Digested {
        long fullSize();

        String sha256Hex();
    }

    @Override
    public BinaryBody binaryBody(InputStream in) throws IOException {
        Streamed streamed = stream(in);
        // a partial binary is useless, so an oversized one keeps nothing
        byte[] kept = streamed.size > retainBytes ? NOTHING : streamed.kept;
        return new DigestedBinaryBody(kept, streamed.size, streamed.sha256Hex);
    }

    @Override
    public TextBody textBody(InputStream in, String mimeCharset) throws IOException {
        // an oversized text keeps its beginning: the body text is cut to maxTextChars later anyway
        Streamed streamed = stream(in);
        return new DigestedTextBody(streamed.kept, streamed.size, streamed.sha256Hex, mimeCharset);
    }

    private Streamed stream(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
            long room = retainBytes - size;
            if (room > 0) {
                kept.write(buffer, 0, (int) Math.min(room, read));
            }
            size += read;
        }
        return new Streamed(kept.toByteArray(), size, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(SHA_256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Streamed(byte[] kept, long size, String sha256Hex) {
    }

    private static final class DigestedBinaryBody extends BinaryBody implements Digested {

        private final byte[] kept;
        private final long fullSize;
        private final String sha256Hex;

        DigestedBinaryBody(byte[] kept, long fullSize, String sha256Hex) {
            this.kept = kept;
            this.fullSize = fullSize;
            this.sha256Hex = sha256Hex;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(kept);
        }

        @Override
        public long fullSize() {
            return fullSize;
        }

        @Override
        public String sha256Hex() {
            return sha256Hex;
        }
    }

    private static final class DigestedTextBody extends TextBody implements Digested {

        private final byte[] kept;
        private final long fullSize;
        private final String sha256Hex;
        private final String mimeCharset;

        DigestedTextBody(byte[] kept, long fullSize, String sha256Hex, String mimeCharset) {
            this.kept = kept;
            this.fullSize = fullSize;
            this.sha256Hex = sha256Hex;
            this.mimeCharset = mimeCharset;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(kept);
        }

        @Override
        public String getMimeCharset() {
            return mimeCharset;
        }

        @Override
        public Charset getCharset() {
            Charset charset = BodyTextDecoder.lookup(mimeCharset);
            return charset == null ? BodyTextDecoder.LAST_RESORT : charset;
        }

        @Override
        public Reader getReader() {
            return new InputStreamReader(getInputStream(), getCharset());
        }

        @Override
        public long fullSize() {
            return fullSize;
        }

        @Override
        public String sha256Hex() {
            return sha256Hex;
        }
    }
}
