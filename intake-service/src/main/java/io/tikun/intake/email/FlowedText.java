package io.tikun.intake.email;

/** Undoes RFC 3676 format=flowed soft line breaks, as Apple Mail and Thunderbird send them. */
final class FlowedText {

    private static final char QUOTE = '>';
    private static final String SIGNATURE_SEPARATOR = "-- ";

    private FlowedText() {
    }

    static String unflow(String text, boolean delSp) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == QUOTE) {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                // space-stuffing (RFC 3676 4.4), or the space after the quote marks
                content = content.substring(1);
            }
            if (paragraph != null && depth != paragraphDepth) {
                appendLine(out, paragraphDepth, paragraph);
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            boolean soft = content.endsWith(" ") && !content.equals(SIGNATURE_SEPARATOR);
            if (soft) {
                paragraph.append(delSp ? content.substring(0, content.length() - 1) : content);
            } else {
                paragraph.append(content);
                appendLine(out, depth, paragraph);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            appendLine(out, paragraphDepth, paragraph);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, int depth, CharSequence content) {
        if (depth > 0) {
            out.append(String.valueOf(QUOTE).repeat(depth)).append(' ');
        }
        out.append(content).append('\n');
    }
}
