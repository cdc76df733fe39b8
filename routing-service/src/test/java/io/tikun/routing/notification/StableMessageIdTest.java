package io.tikun.routing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class StableMessageIdTest {

    private static final UUID ID = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

    @Test
    void namesTheAlertUnderTheSendersDomain() {
        assertThat(StableMessageId.of(ID, "tikun@support.example.co.il"))
                .isEqualTo("<notification.6f1c2d3e-0000-4000-8000-000000000001@support.example.co.il>");
    }

    @Test
    void readsTheDomainOfADisplayNameAddress() {
        assertThat(StableMessageId.domainOf("Tikun Support <alerts@tikun.example>")).isEqualTo("tikun.example");
    }

    @Test
    void fallsBackToTheLocalDomainWhenTheSenderHasNone() {
        assertThat(StableMessageId.domainOf("postmaster")).isEqualTo("tikun.local");
        assertThat(StableMessageId.domainOf(null)).isEqualTo("tikun.local");
        assertThat(StableMessageId.domainOf("odd@")).isEqualTo("tikun.local");
    }
}
