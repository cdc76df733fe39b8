package io.tikun.followup.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The reports' CSV: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** A text cell: quoted when it holds a comma, quote or line break; a leading = + - @ is defused with a quote. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** A number cell; empty for null. */
    public static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * Whether the caller asked for CSV before JSON ({@code Accept: text/csv}); JSON for a wildcard or no Accept.
     */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    /** The report as the caller asked: JSON, or CSV made by {@code csv}. */
    public static <T> Response respond(HttpHeaders headers, T report, Function<T, List<String>> csv) {
        if (wanted(headers)) {
            return Response.ok(document(csv.apply(report)), MEDIA_TYPE + "; charset=UTF-8").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Lines joined with CRLF, as RFC 4180 has it. */
    public static String document(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
