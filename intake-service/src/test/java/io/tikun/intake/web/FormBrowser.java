package io.tikun.intake.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.response.Response;

/** Opens and sends the complaint form as a browser does: the CSRF cookie it was given and the hidden fields. */
final class FormBrowser {

    static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private FormBrowser() {
    }

    record RenderedForm(String nonce, String csrf, String formId) {

        Map<String, String> fields(String name, String email, String subject, String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf", csrf);
            fields.put("form-id", formId);
            fields.put("name", name);
            fields.put("email", email);
            fields.put("phone", "");
            fields.put("subject", subject);
            fields.put("reference", "");
            fields.put("text", text);
            fields.put("website", "");
            return fields;
        }

        /** Sends the form in English; the answer is not followed. */
        Response send(Map<String, String> fields) {
            return given().redirects().follow(false).cookie(ComplaintFormResource.CSRF_COOKIE, nonce)
                    .contentType(FORM_TYPE).body(encode(fields)).post("/complain?lang=en");
        }
    }

    static RenderedForm open() {
        Response response = given().redirects().follow(false).get("/complain?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        return new RenderedForm(response.getCookie(ComplaintFormResource.CSRF_COOKIE),
                page.selectFirst("input[name=csrf]").val(), page.selectFirst("input[name=form-id]").val());
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
