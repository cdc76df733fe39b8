package io.tikun.intake.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    }
}
