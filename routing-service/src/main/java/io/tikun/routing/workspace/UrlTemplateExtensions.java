package io.tikun.routing.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Template helpers for building addresses. */
@TemplateExtension
public class UrlTemplateExtensions {

    private UrlTemplateExtensions() {
    }

    /** {@code value.urlEncode}: the value as a query parameter's value. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
