package io.tikun.routing.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Template helpers for building addresses and showing sizes. */
@TemplateExtension
public class UrlTemplateExtensions {

    private UrlTemplateExtensions() {
    }

    /** {@code value.urlEncode}: the value as a query parameter's value. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code size.fileSize}: a byte count as people read it (binary units, one decimal from a megabyte on). */
    static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
