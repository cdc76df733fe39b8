package io.tikun.intake.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class CustomerResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String META_APP_SECRET = "test-meta-app-secret";

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    /** A web complaint; returns its customer's id. */
    private static String webComplaint(String email, String phone, String subject, String body) {
        String id = given().auth().oauth2(token("web-channel", "channel")).contentType(ContentType.JSON)
                .body("""
                        {"channel":"web","customer":{"name":"Dana Levi","email":"%s"%s},"subject":"%s","body":"%s"}"""
                        .formatted(email, phone == null ? "" : ",\"phone\":\"" + phone + "\"", subject, body))
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
        return complaint(id).getString("customer.id");
    }

    private static JsonPath complaint(String id) {
        return given().auth().oauth2(token("alice", "agent")).get("/api/v1/complaints/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath customer(String id) {
        return given().auth().oauth2(token("alice", "agent")).get("/api/v1/customers/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String uniqueEmail() {
        return "customer+" + UUID.randomUUID() + "@example.com";
    }

    /** An Israeli mobile number nobody else in this test run has: "05X-XXXXXXX" and its E.164 digits. */
    private static String[] uniqueMobile() {
        String subscriber = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return new String[] { "054-" + subscriber, "97254" + subscriber };
    }

    private static String whatsAppMessage(String waId, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                "contacts":[{"profile":{"name":"Dana Levi"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"wamid.%s","timestamp":"1763866800","text":{"body":"%s"},"type":"text"}]},
                "field":"messages"}]}]}"""
                .formatted(waId, waId, UUID.randomUUID(), text);
    }

    private static String metaSignature(byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(META_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void linksTheSameCustomerWritingOnTheWebAndOnWhatsAppByTheirPhoneNumber() throws GeneralSecurityException {
        String[] mobile = uniqueMobile();
        String webCustomer = webComplaint(uniqueEmail(), mobile[0], "Invoice", "I was charged twice");

        byte[] body = whatsAppMessage(mobile[1], "Still waiting for my refund").getBytes(StandardCharsets.UTF_8);
        String whatsAppComplaint = given().header("X-Hub-Signature-256", metaSignature(body)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/channels/meta").then().statusCode(200).extract().path("complaints[0].complaintId");

        assertThat(complaint(whatsAppComplaint).getString("customer.id")).isEqualTo(webCustomer);
        JsonPath profile = customer(webCustomer);
        assertThat(profile.getString("phone")).isEqualTo("+" + mobile[1]);
        assertThat(profile.getList("identities", String.class))
                .contains("phone:+" + mobile[1], "wa:" + mobile[1]).anyMatch(key -> key.startsWith("email:"));
    }

    @Test
    void linksAnyNotationOfOnePhoneNumberOnTheWeb() {
        String[] mobile = uniqueMobile();
        String first = webComplaint(uniqueEmail(), mobile[0], "Late", "Parcel late");
        String second = webComplaint(uniqueEmail(), "+972 " + mobile[0].substring(1), "Late again", "Still late");

        assertThat(second).isEqualTo(first);
        assertThat(customer(first).getList("identities", String.class)).filteredOn(k -> k.startsWith("email:")).hasSize(2);
    }

    @Test
    void showsACustomerOnlyToAgentsManagersAndAdmins() {
        String id = webComplaint(uniqueEmail(), null, "Late", "Parcel late");

        for (String role : new String[] { "agent", "manager", "admin" }) {
            given().auth().oauth2(token("someone", role)).get("/api/v1/customers/" + id).then().statusCode(200)
                    .body("id", equalTo(id)).body("tier", equalTo("STANDARD"));
        }
        given().auth().oauth2(token("web-channel", "channel")).get("/api/v1/customers/" + id).then().statusCode(403)
                .contentType(PROBLEM);
        given().get("/api/v1/customers/" + id).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token("alice", "agent")).get("/api/v1/customers/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void managersSetAValueTierThatRaisesTheCustomersNextComplaint() {
        String email = uniqueEmail();
        String id = webComplaint(email, null, "Late", "My parcel is late");

        given().auth().oauth2(token("alice", "agent")).contentType(ContentType.JSON).body("{\"tier\":\"VIP\"}")
                .put("/api/v1/customers/" + id + "/tier").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("mira", "manager")).contentType(ContentType.JSON).body("{\"tier\":\"PLATINUM\"}")
                .put("/api/v1/customers/" + id + "/tier").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("mira", "manager")).contentType(ContentType.JSON).body("{\"tier\":\"VIP\"}")
                .put("/api/v1/customers/" + id + "/tier").then().statusCode(200).body("tier", equalTo("VIP"));

        given().auth().oauth2(token("web-channel", "channel")).contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"" + email
                        + "\"},\"subject\":\"Late again\",\"body\":\"Still no parcel\"}")
                .post("/api/v1/complaints").then().statusCode(202)
                .body("severity", equalTo("HIGH"))
                .body("reasons.signal", hasItems("CUSTOMER_VALUE"))
                .body("reasons.evidence", hasItems("VIP customer"));
    }

    @Test
    void mergesADuplicateSoThatItsIdentitiesComplaintsAndTimelineBelongToTheSurvivor() {
        String survivorEmail = uniqueEmail();
        String duplicateEmail = uniqueEmail();
        String survivor = webComplaint(survivorEmail, null, "Heater", "The heater is broken");
        String duplicate = webComplaint(duplicateEmail, null, "Heater again", "Still broken");
        assertThat(duplicate).isNotEqualTo(survivor);

        JsonPath merged = merge(survivor, duplicate).then().statusCode(200).extract().jsonPath();

        assertThat(merged.getList("identities", String.class))
                .contains("email:" + survivorEmail, "email:" + duplicateEmail);
        assertThat(merged.getString("merges[0].duplicateCustomerId")).isEqualTo(duplicate);
        assertThat(merged.getString("merges[0].mergedBy")).isEqualTo("mira");
        assertThat(merged.getString("merges[0].mergedAt")).isNotBlank();
        assertThat(customer(duplicate).getString("mergedInto")).isEqualTo(survivor);

        JsonPath timeline = given().auth().oauth2(token("alice", "agent"))
                .get("/api/v1/customers/" + survivor + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("subject", String.class)).containsExactly("Heater again", "Heater");

        // The duplicate's address now leads to the survivor, whose repeat count includes the duplicate's complaint.
        String third = given().auth().oauth2(token("web-channel", "channel")).contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + duplicateEmail
                        + "\"},\"subject\":\"Heater, third time\",\"body\":\"Nobody came\"}")
                .post("/api/v1/complaints").then().statusCode(202)
                .body("reasons.evidence", hasItem("2 earlier complaints within 30 days")).extract().path("id");
        assertThat(complaint(third).getString("customer.id")).isEqualTo(survivor);
    }

    @Test
    void refusesToMergeACustomerIntoItselfAnUnknownOneOrOneMergedElsewhere() {
        String a = webComplaint(uniqueEmail(), null, "A", "Complaint A");
        String b = webComplaint(uniqueEmail(), null, "B", "Complaint B");
        String c = webComplaint(uniqueEmail(), null, "C", "Complaint C");

        merge(a, a).then().statusCode(400).contentType(PROBLEM);
        merge(a, UUID.randomUUID().toString()).then().statusCode(404).contentType(PROBLEM);
        merge(UUID.randomUUID().toString(), a).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("mira", "manager")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers/" + a + "/merge").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("web-channel", "channel")).contentType(ContentType.JSON)
                .body("{\"duplicateCustomerId\":\"" + b + "\"}").post("/api/v1/customers/" + a + "/merge").then()
                .statusCode(403).contentType(PROBLEM);

        merge(a, b).then().statusCode(200);
        merge(a, b).then().statusCode(200).body("merges.size()", equalTo(1));
        merge(c, b).then().statusCode(409).contentType(PROBLEM);
        merge(b, c).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void onlyManagersAndAdminsMergeCustomersBecauseAMergeCannotBeUndone() {
        String a = webComplaint(uniqueEmail(), null, "A", "Complaint A");
        String b = webComplaint(uniqueEmail(), null, "B", "Complaint B");
        String c = webComplaint(uniqueEmail(), null, "C", "Complaint C");

        given().auth().oauth2(token("alice", "agent")).contentType(ContentType.JSON)
                .body("{\"duplicateCustomerId\":\"" + b + "\"}").post("/api/v1/customers/" + a + "/merge").then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        given().contentType(ContentType.JSON).body("{\"duplicateCustomerId\":\"" + b + "\"}")
                .post("/api/v1/customers/" + a + "/merge").then().statusCode(401).contentType(PROBLEM);
        assertThat(customer(b).getString("mergedInto")).isNull();

        given().auth().oauth2(token("ada", "admin")).contentType(ContentType.JSON)
                .body("{\"duplicateCustomerId\":\"" + c + "\"}").post("/api/v1/customers/" + a + "/merge").then()
                .statusCode(200);
        assertThat(customer(c).getString("mergedInto")).isEqualTo(a);
    }

    private static io.restassured.response.Response merge(String survivor, String duplicate) {
        return given().auth().oauth2(token("mira", "manager")).contentType(ContentType.JSON)
                .body("{\"duplicateCustomerId\":\"" + duplicate + "\"}").post("/api/v1/customers/" + survivor + "/merge");
    }
}
