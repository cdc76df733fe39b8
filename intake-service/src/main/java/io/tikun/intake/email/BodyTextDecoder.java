package io.tikun.intake.email;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Decodes body and header bytes with the declared charset, falling back to UTF-8 then windows-1252. */
final class BodyTextDecoder {

    /** What mail without a declared charset most often is when it is not UTF-8 (a superset of ISO-8859-1). */
    static final Charset LAST_RESORT = Charset.forName("windows-1252");
    private static final int HIGHEST_ASCII = 0x7F;

    private BodyTextDecoder() {
    }

    record DecodedText(String text, String charset) {
    }

    static DecodedText decode(byte[] bytes, String declaredCharset) {
        Charset declared = lookup(declaredCharset);
        boolean asciiOnlyLabel = declared != null && declared.equals(StandardCharsets.US_ASCII);
        if (declared != null && !(asciiOnlyLabel && hasEightBit(bytes))) {
            return new DecodedText(new String(bytes, declared), declared.name());
        }
        // no label, an unknown one, or "us-ascii" on 8-bit text (a common client lie)
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new DecodedText(utf8, StandardCharsets.UTF_8.name());
        }
        return new DecodedText(new String(bytes, LAST_RESORT), LAST_RESORT.name());
    }

    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String label = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        // ISO-8859-8-i/-e (logical/explicit Hebrew) and ISO-8859-6-i/-e are byte-identical to the base charsets
        if (label.matches("iso-8859-[68]-[ie]")) {
            label = label.substring(0, label.length() - 2);
        }
        try {
            return Charset.isSupported(label) ? Charset.forName(label) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static boolean hasEightBit(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0xFF) > HIGHEST_ASCII) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
