package io.tikun.intake.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.outbound.DeliveryReport;

class MetaDeliveryReceiptReaderTest {

    private final MetaDeliveryReceiptReader reader = new MetaDeliveryReceiptReader(new ObjectMapper());

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatsAppStatusesDeliveredAndReadButNotSentOrFailed() {
        byte[] body = utf8(
                """
                        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                         "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                         "statuses":[
                          {"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"sent","timestamp":"1750263773","recipient_id":"972521234567"},
                          {"id":"wamid.delivered-1","status":"delivered","timestamp":"1750263774","recipient_id":"972521234567"},
                          {"id":"wamid.read-2","status":"read","timestamp":"1750263775","recipient_id":"972521234567"},
                          {"id":"wamid.failed-3","status":"failed","timestamp":"1750263776","recipient_id":"972521234567",
                           "errors":[{"code":131047,"title":"Re-engagement message"}]}]}}]}]}""");

        assertThat(reader.deliveredIds(body)).containsExactly("wamid.delivered-1", "wamid.read-2");
    }

    @Test
    void readsWhatsAppFailedStatusesWithTheErrorCodeTitleAndDetails() {
        byte[] body = utf8(
                """
                        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                         "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                         "statuses":[
                          {"id":"wamid.failed-1","status":"failed","timestamp":"1750263776","recipient_id":"972521234567",
                           "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                            "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                            "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]},
                          {"id":"wamid.failed-1","status":"failed","timestamp":"1750263777","recipient_id":"972521234567",
                           "errors":[{"code":131026,"title":"Message undeliverable"}]},
                          {"id":"wamid.failed-2","status":"failed","timestamp":"1750263778","recipient_id":"972521234567"},
                          {"id":"wamid.delivered-3","status":"delivered","timestamp":"1750263779","recipient_id":"972521234567"}]}}]}]}""");

        DeliveryReport report = reader.report(body);

        assertThat(report.delivered()).containsExactly("wamid.delivered-3");
        assertThat(report.failed()).containsExactly(
                new DeliveryReport.Failure("wamid.failed-1", "WhatsApp error 131047: Re-engagement message (Message failed to "
                        + "send because more than 24 hours have passed since the customer last replied to this number.)"),
                new DeliveryReport.Failure("wamid.failed-2", "WhatsApp reported the message failed without a reason."));
    }

    @Test
    void boundsAnOverlongFailureReason() {
        String details = "x".repeat(5_000);
        byte[] body = utf8("""
                {"entry":[{"changes":[{"value":{"statuses":[{"id":"wamid.long","status":"failed",
                 "errors":[{"code":1,"title":"Long","error_data":{"details":"%s"}}]}]}}]}]}""".formatted(details));

        assertThat(reader.report(body).failed()).singleElement()
                .satisfies(f -> assertThat(f.reason()).hasSize(500).startsWith("WhatsApp error 1: Long (xxx").endsWith("…"));
    }

    @Test
    void readsMessengerDeliveryMidsOnceEach() {
        byte[] body = utf8(
                """
                        {"object":"page","entry":[{"id":"104","time":1458692752478,"messaging":[
                         {"sender":{"id":"2001"},"recipient":{"id":"104"},"timestamp":1458668856253,
                          "delivery":{"mids":["m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P",
                           "m_second"],"watermark":1458668856253}},
                         {"sender":{"id":"2001"},"recipient":{"id":"104"},"timestamp":1458668856300,
                          "delivery":{"mids":["m_second"],"watermark":1458668856300}}]}]}""");

        assertThat(reader.deliveredIds(body)).containsExactly(
                "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P", "m_second");
    }

    @Test
    void findsNoReceiptInACustomersMessageOrInSomethingUnreadable() {
        byte[] message = utf8("""
                {"object":"page","entry":[{"id":"104","time":1,"messaging":[{"sender":{"id":"2001"},"recipient":{"id":"104"},
                 "timestamp":1,"message":{"mid":"m_customer","text":"My order never came"}}]}]}""");

        assertThat(reader.deliveredIds(message)).isEmpty();
        assertThat(reader.deliveredIds(utf8("{\"entry\":[{\"messaging\":[{\"delivery\":{\"mids\":[42,null,\"\"]}}]}]}")))
                .isEmpty();
        assertThat(reader.deliveredIds(utf8("not json"))).isEmpty();
        assertThat(reader.report(utf8("not json"))).isEqualTo(DeliveryReport.NONE);
    }
}
