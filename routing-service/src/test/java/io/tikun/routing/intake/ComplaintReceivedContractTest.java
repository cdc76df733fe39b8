package io.tikun.routing.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.routing.escalation.Severity;
import io.tikun.stack.testing.Contracts;

class ComplaintReceivedContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheExampleIntakePublishes() throws Exception {
        ComplaintReceived event = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.example.json"), ComplaintReceived.class);

        event.requireComplete();
        assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.customer().name()).isEqualTo("דנה לוי");
        assertThat(event.reasons()).extracting(ComplaintReceived.Reason::signal).contains("LEGAL_THREAT");
        assertThat(event.expectedResponseBy()).isEqualTo(Instant.parse("2026-11-23T09:15:30.123Z"));
    }

    @Test
    void readsTheExampleIntakePublishesOnTheUrgentLane() throws Exception {
        ComplaintReceived event = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.urgent.example.json"), ComplaintReceived.class);

        event.requireComplete();
        assertThat(event.severity()).isEqualTo(Severity.HIGH);
        assertThat(event.reasons()).extracting(ComplaintReceived.Reason::signal).contains("WIDE_REACH");
    }

    @Test
    void readsIntakesProbeExampleAsAProbeWithItsSendTime() throws Exception {
        ComplaintReceived event = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.probe.example.json"), ComplaintReceived.class);

        event.requireComplete();
        assertThat(event.isProbe()).isTrue();
        assertThat(event.probeSentAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00.120Z"));
    }

    @Test
    void aCustomersComplaintIsNoProbe() throws Exception {
        ComplaintReceived event = mapper.readValue(
                Contracts.read("intake-service", "complaints.received.example.json"), ComplaintReceived.class);

        assertThat(event.isProbe()).isFalse();
        assertThat(event.probeSentAt()).isNull();
    }

    @Test
    void refusesAnEventWithoutItsCustomer() throws Exception {
        ComplaintReceived event = mapper.readValue("{\"complaintId\":\"c1\",\"reference\":\"TK-000001\"}",
                ComplaintReceived.class);

        assertThatThrownBy(event::requireComplete).isInstanceOf(IllegalArgumentException.class);
    }
}
