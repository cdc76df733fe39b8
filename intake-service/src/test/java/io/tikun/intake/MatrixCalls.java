package io.tikun.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The request {@link AuthorizationMatrixTest} sends for each operation: a valid one where a bearer token is what
 * decides, so an allowed caller is judged on more than its body; without the signature, CSRF pair or signed link
 * where those decide, so a bearer token is all the caller brings.
 */
final class MatrixCalls {

    private static final String JSON = "application/json";
    /** A whole tweet as crc_token: the handshake must not sign it for anyone, whatever token they carry. */
    private static final String TWEET_AS_CRC = "{\"for_user_id\":\"1460000000000000001\",\"tweet_create_events\":[]}";
    /** Valid until 2100, so the signature, not the expiry, is what refuses it. */
    private static final String FORGED_LINK = "4102444800.forged-signature";

    private MatrixCalls() {
    }

    static boolean isFormPage(String operation) {
        return path(operation).startsWith("/complain");
    }

    static Response call(String operation, RequestSpecification request,
            AuthorizationMatrixTest.Fixture fixture) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = path(operation);
        String path = template
                .replace("/complaints/{id}", "/complaints/" + fixture.complaintId())
                .replace("/customers/{id}", "/customers/" + fixture.customerId())
                .replace("/quarantine/{id}", "/quarantine/" + fixture.quarantineId())
                .replace("/complain/received/{id}", "/complain/received/" + fixture.complaintId())
                .replace("/complain/confirm/{id}", "/complain/confirm/" + fixture.complaintId())
                // The one network the test profile has a secret for, so the signature is what is judged.
                .replace("{network}", "trustpilot");
        return prepare(method + " " + template, request, fixture).request(method, path);
    }

    private static RequestSpecification prepare(String operation, RequestSpecification request,
            AuthorizationMatrixTest.Fixture fixture) {
        return switch (operation) {
            case "POST /api/v1/complaints" -> request.contentType(ContentType.JSON)
                    .body(complaintJson("matrix+" + UUID.randomUUID() + "@example.com"));
            case "POST /api/v1/channels/email" -> request.contentType("message/rfc822").body(mail());
            case "GET /api/v1/channels/meta" -> request.queryParam("hub.mode", "subscribe")
                    .queryParam("hub.challenge", "1158201444").queryParam("hub.verify_token", "not-the-token");
            case "GET /api/v1/channels/x" -> request.queryParam("crc_token", TWEET_AS_CRC);
            case "POST /api/v1/channels/meta" -> request.contentType(JSON).body(
                    "{\"object\":\"page\",\"entry\":[{\"id\":\"104938475610293\",\"time\":1700000000000,\"messaging\":[]}]}");
            case "POST /api/v1/channels/x" -> request.contentType(JSON).body(TWEET_AS_CRC);
            case "POST /api/v1/channels/webhook/{network}" -> request.contentType(JSON)
                    .header("X-Tikun-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                    .body("{\"messageId\":\"m-" + UUID.randomUUID() + "\",\"text\":\"Still no refund\"}");
            case "PUT /api/v1/customers/{id}/tier" -> request.contentType(ContentType.JSON).body("{\"tier\":\"STANDARD\"}");
            // Into itself: a manager is answered 400 and no customer is changed.
            case "POST /api/v1/customers/{id}/merge" -> request.contentType(ContentType.JSON)
                    .body("{\"duplicateCustomerId\":\"" + fixture.customerId() + "\"}");
            // A complete, valid form, but with neither the CSRF cookie nor its token.
            case "POST /complain" -> request.contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                    .formParam("form-id", UUID.randomUUID().toString()).formParam("name", "Dana Levi")
                    .formParam("email", "matrix-form@example.com").formParam("subject", "Late delivery")
                    .formParam("text", "The parcel is two weeks late.");
            case "GET /complain/received/{id}", "GET /complain/confirm/{id}" -> request.queryParam("t", FORGED_LINK);
            case "POST /complain/confirm/{id}" -> request.contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                    .formParam("t", FORGED_LINK);
            default -> request;
        };
    }

    static String complaintJson(String email) {
        return """
                {"channel":"web","customer":{"name":"Dana Levi","email":"%s"},
                 "subject":"Charged twice","body":"I was charged twice for one order."}""".formatted(email);
    }

    private static byte[] mail() {
        return ("From: Dana Levi <matrix-mail+" + UUID.randomUUID() + "@example.com>\r\n"
                + "To: support@tikun.io\r\n"
                + "Subject: Charged twice\r\n"
                + "Date: Mon, 23 Nov 2026 09:00:00 +0200\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\nI was charged twice for one order.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }
}
