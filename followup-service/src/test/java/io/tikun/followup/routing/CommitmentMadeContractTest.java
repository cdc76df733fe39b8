package io.tikun.followup.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tikun.stack.testing.Contracts;

class CommitmentMadeContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheExampleRoutingPublishes() throws Exception {
        CommitmentMade made = mapper.readValue(Contracts.read("routing-service", "commitments.made.example.json"),
                CommitmentMade.class);

        made.requireComplete();
        assertThat(made.what()).startsWith("טכנאי");
        assertThat(made.dueAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(made.customer().phone()).isEqualTo("+972 52 123 4567");
    }

    @Test
    void refusesAnEventWithoutADueDate() throws Exception {
        CommitmentMade made = mapper.readValue("""
                {"commitmentId":"c3a1e2b4-5d6f-4a7b-8c9d-0e1f2a3b4c5d","caseId":"0b6f7c1e-2d4a-4f8b-9c3e-5a1d2e3f4b5c",
                 "what":"fix it","owner":"yossi"}""", CommitmentMade.class);

        assertThatThrownBy(made::requireComplete).isInstanceOf(IllegalArgumentException.class);
    }
}
