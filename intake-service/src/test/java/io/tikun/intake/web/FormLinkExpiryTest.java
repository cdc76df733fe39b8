package io.tikun.intake.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.intake.social.MovableClock;
import io.tikun.intake.social.MovableClockProfile;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** The form's links stop working when their time is up, measured on the application's clock. */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class FormLinkExpiryTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s]+(/complain/confirm/[^\\s]+)");

    @Inject
    MovableClock clock;

    @InjectMailSandbox
    MailSandbox mail;

    @ConfigProperty(name = "tikun.intake.form.receipt-validity", defaultValue = "P30D")
    Duration receiptValidity;

    @ConfigProperty(name = "tikun.intake.form.confirmation-validity", defaultValue = "P7D")
    Duration confirmationValidity;

    private static String send(String email) {
        FormBrowser.RenderedForm form = FormBrowser.open();
        return form.send(form.fields("Dana Levi", email, "Heater", "The heater broke.")).then().statusCode(303)
                .extract().header("Location");
    }

    @Test
    void theReceiptLinkExpiresAfterItsValidity() {
        String receipt = send("expiry+" + UUID.randomUUID() + "@example.com");
        given().get(receipt).then().statusCode(200);

        clock.advance(receiptValidity.minusMinutes(1));
        given().get(receipt).then().statusCode(200);

        clock.advance(Duration.ofMinutes(2));
        String html = given().get(receipt).then().statusCode(410).extract().asString();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("This link has expired");
        assertThat(html).doesNotContain("TK-");
    }

    @Test
    void theConfirmationLinkExpiresAfterItsValidity() {
        String email = "confirm-expiry+" + UUID.randomUUID() + "@example.com";
        send(email);
        Matcher link = CONFIRM_LINK.matcher(mail.await(m -> m.isTo(email), Duration.ofSeconds(20)).text());
        assertThat(link.find()).isTrue();
        String confirm = link.group(1);
        given().get(confirm).then().statusCode(200);

        clock.advance(confirmationValidity.plusMinutes(1));

        String html = given().get(confirm).then().statusCode(410).extract().asString();
        assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("This link has expired");
    }
}
