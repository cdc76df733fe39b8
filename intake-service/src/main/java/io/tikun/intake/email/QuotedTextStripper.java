package io.tikun.intake.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Separates what the sender wrote now from quoted history, signatures and forwarded content, for the
 * reply styles of Gmail, Outlook and Apple Mail in English and Hebrew.
 */
@ApplicationScoped
public class QuotedTextStripper {

    /** Bidi and zero-width marks: invisible, inserted by Hebrew clients around names and dates, break matching. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");
    private static final Pattern EXCESS_BLANK_LINES = Pattern.compile("\\n{3,}");

    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*>");
    private static final Pattern ENGLISH_ATTRIBUTION = Pattern.compile("^On\\s.{1,300}\\s(wrote|writes)\\s*:$",
            Pattern.CASE_INSENSITIVE);
    /** Gmail in Hebrew, old and new: "ב-10 בנוב׳ 2026, בשעה 14:02, דנה כתב/ה:" and "... מאת דנה <d@x>:". */
    private static final Pattern HEBREW_DATED_WROTE = Pattern.compile("^ב-?.{1,300}\\sכתב(ה|/ה|\\(ה\\))?\\s*:$");
    private static final Pattern HEBREW_DATED_FROM = Pattern.compile("^(בתאריך|ב-)(?=.*\\d).{1,300}\\sמאת\\s.{1,300}:$");
    /** Short "<name> כתב:" with no colon inside the name, so a sentence with a colon does not match. */
    private static final Pattern HEBREW_NAME_WROTE = Pattern.compile("^[^:]{1,60}\\sכתב(ה|/ה|\\(ה\\))?\\s*:$");
    private static final Pattern ATTRIBUTION_FIRST_HALF = Pattern.compile("^(On\\s|ב-|בתאריך\\s).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(Original Message|הודעה מקורית)\\s*-{2,}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "^(-{2,}\\s*(Forwarded message|הודעה שהועברה|הודעה מועברת)\\s*-{2,}|Begin forwarded message:|התחלת הודעה שהועברה:)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORE_SEPARATOR = Pattern.compile("^_{10,}$");
    private static final Pattern HEADER_FROM = Pattern.compile("^(From|מאת)\\s*:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_DATE = Pattern.compile("^(Sent|Date|נשלח|תאריך)\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_TO_OR_SUBJECT = Pattern.compile("^(To|Cc|Subject|אל|עותק|נושא)\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_QUOTED_HEADER = Pattern.compile(
            "^(From|Sent|Date|To|Cc|Subject|Reply-To|מאת|נשלח|תאריך|אל|עותק|נושא)\\s*:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_SUBJECT = Pattern.compile("^(Subject|נושא)\\s*:\\s*(FW|Fwd|הועבר|העבר)\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^(Sent from my .{1,40}|Sent from (Mail|Outlook|Yahoo Mail)\\b.{0,40}|Get Outlook for (iOS|Android)"
                    + "|נשלח מ.{0,20}(iPhone|iPad|Android|אנדרואיד|אייפון|Samsung|סמסונג|Galaxy|גלקסי).{0,20})$",
            Pattern.CASE_INSENSITIVE);

    /** An Outlook header block is From: then, within this many lines, Sent:/Date: and To:/Subject:. */
    private static final int HEADER_BLOCK_LOOKAHEAD = 6;
    /** Forwards inside forwards are followed this deep; beyond that the text is kept as it is. */
    private static final int MAX_FORWARD_DEPTH = 5;

    public StrippedText strip(String text) {
        return strip(text, 0);
    }

    private StrippedText strip(String text, int depth) {
        if (text == null || text.isBlank()) {
            return new StrippedText("", "");
        }
        List<String> lines = toLines(text);
        HistoryMarker marker = findHistoryMarker(lines);
        int ownEnd = marker == null ? lines.size() : marker.line();
        String own = ownText(lines.subList(0, ownEnd));
        String forwarded = "";
        if (marker != null && marker.forward()) {
            String forwardedBody = String.join("\n", lines.subList(skipHeaderBlock(lines, marker.line() + 1), lines.size()));
            if (depth < MAX_FORWARD_DEPTH) {
                StrippedText inner = strip(forwardedBody, depth + 1);
                // a forward of a forward with nothing written in between: the innermost message is the content
                forwarded = inner.ownText().isEmpty() ? inner.forwardedText() : inner.ownText();
            } else {
                forwarded = normaliseWhitespace(forwardedBody);
            }
        }
        return new StrippedText(own, forwarded);
    }

    /** Collapses runs of spaces, trims every line and keeps at most one blank line in a row. */
    static String normaliseWhitespace(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            out.append(HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return EXCESS_BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
    }

    static String removeInvisibleMarks(String text) {
        return INVISIBLE.matcher(text).replaceAll("");
    }

    private static List<String> toLines(String text) {
        String unified = removeInvisibleMarks(text.replace("\r\n", "\n").replace('\r', '\n'));
        return List.of(unified.split("\n", -1));
    }

    private static String ownText(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (SIGNATURE_DELIMITER.matcher(line).matches() || SIGNATURE_DELIMITER.matcher(trimmed).matches()
                    || MOBILE_SIGNATURE.matcher(trimmed).matches()) {
                break;
            }
            if (!QUOTED_LINE.matcher(line).find()) {
                kept.add(line);
            }
        }
        return normaliseWhitespace(String.join("\n", kept));
    }

    private static HistoryMarker findHistoryMarker(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || QUOTED_LINE.matcher(line).find()) {
                continue;
            }
            if (FORWARD_MARKER.matcher(trimmed).matches()) {
                return new HistoryMarker(i, true);
            }
            if (ORIGINAL_MESSAGE.matcher(trimmed).matches() || UNDERSCORE_SEPARATOR.matcher(trimmed).matches()) {
                return new HistoryMarker(i, headerBlockIsForward(lines, i + 1));
            }
            if (isAttribution(lines, i)) {
                return new HistoryMarker(i, false);
            }
            if (HEADER_FROM.matcher(trimmed).matches() && isHeaderBlock(lines, i)) {
                return new HistoryMarker(i, headerBlockIsForward(lines, i));
            }
        }
        return null;
    }

    private static boolean isAttribution(List<String> lines, int i) {
        String trimmed = lines.get(i).strip();
        if (matchesAttribution(trimmed)) {
            return true;
        }
        // Gmail wraps long attributions: "On Tue, ... Dana Levi <" / "dana@example.com> wrote:"
        if (ATTRIBUTION_FIRST_HALF.matcher(trimmed).matches() && i + 1 < lines.size()) {
            String next = lines.get(i + 1).strip();
            return !next.isEmpty() && matchesAttribution(trimmed + " " + next);
        }
        return false;
    }

    private static boolean matchesAttribution(String line) {
        return ENGLISH_ATTRIBUTION.matcher(line).matches() || HEBREW_DATED_WROTE.matcher(line).matches()
                || HEBREW_DATED_FROM.matcher(line).matches() || HEBREW_NAME_WROTE.matcher(line).matches();
    }

    private static boolean isHeaderBlock(List<String> lines, int fromLine) {
        boolean date = false;
        boolean toOrSubject = false;
        int end = Math.min(lines.size(), fromLine + 1 + HEADER_BLOCK_LOOKAHEAD);
        for (int i = fromLine + 1; i < end; i++) {
            String trimmed = lines.get(i).strip();
            date |= HEADER_DATE.matcher(trimmed).matches();
            toOrSubject |= HEADER_TO_OR_SUBJECT.matcher(trimmed).matches();
        }
        return date && toOrSubject;
    }

    private static boolean headerBlockIsForward(List<String> lines, int start) {
        int end = Math.min(lines.size(), start + 1 + HEADER_BLOCK_LOOKAHEAD);
        for (int i = start; i < end; i++) {
            if (FORWARD_SUBJECT.matcher(lines.get(i).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first line after the From:/Date:/Subject: block that opens forwarded content. */
    private static int skipHeaderBlock(List<String> lines, int start) {
        int i = start;
        while (i < lines.size()) {
            String trimmed = lines.get(i).strip();
            if (!trimmed.isEmpty() && !ANY_QUOTED_HEADER.matcher(trimmed).matches()) {
                break;
            }
            i++;
        }
        return i;
    }

    private record HistoryMarker(int line, boolean forward) {
    }
}
