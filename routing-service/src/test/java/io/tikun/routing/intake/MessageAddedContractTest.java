package io.tikun.routing.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.stack.testing.Contracts;

class MessageAddedContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheExampleIntakePublishes() throws Exception {
        MessageAdded event = mapper.readValue(Contracts.read("intake-service", "complaints.message-added.example.json"),
                MessageAdded.class);

        event.requireComplete();
        assertThat(event.complaintId()).isEqualTo("5f1c0f9e-3a57-4c41-9d7e-2b0a8f4e6c11");
        assertThat(event.messageId()).isEqualTo("a4f0c7d2-6b1e-4c3a-9f8e-1d2c3b4a5e6f");
        assertThat(event.body()).isEqualTo("עברו יומיים ואף אחד לא חזר אליי.");
        assertThat(event.receivedAt()).isEqualTo(Instant.parse("2026-11-25T07:40:12.004Z"));
        assertThat(event.attachedFiles()).containsExactly(new Attachment("מזגן-שרוף.jpg", "image/jpeg", 284_113,
                "9f2c4b7e1a08d5c36e4f7b2a9d1c0e8f5a3b6c7d2e1f0a9b8c7d6e5f4a3b2c1d"));
    }

    @Test
    void aMessageWithoutAttachmentsHasAnEmptyListNotNull() throws Exception {
        MessageAdded event = mapper.readValue("{\"complaintId\":\"c1\",\"messageId\":\"m1\","
                + "\"receivedAt\":\"2026-11-25T07:40:12Z\"}", MessageAdded.class);

        assertThat(event.attachedFiles()).isEmpty();
    }

    @Test
    void refusesAMessageWithoutItsId() throws Exception {
        MessageAdded event = mapper.readValue("{\"complaintId\":\"c1\",\"receivedAt\":\"2026-11-25T07:40:12Z\"}",
                MessageAdded.class);

        assertThatThrownBy(event::requireComplete).isInstanceOf(IllegalArgumentException.class);
    }
}
