package io.tikun.intake.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SocialMessageTest {

    private static final SocialAuthor AUTHOR = new SocialAuthor("1", null, null, null, null);
    private static final Instant SENT = Instant.parse("2025-11-23T03:00:00Z");

    @Test
    void requiresGenericNetworkNameExactlyForGenericMessages() {
        assertThatThrownBy(() -> message(Network.GENERIC, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message(Network.X, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesBuiltInNetworkByItsConstantAndGenericByItsOwnName() {
        assertThat(message(Network.META_WHATSAPP, null).networkName()).isEqualTo("META_WHATSAPP");
        assertThat(message(Network.GENERIC, "tiktok").networkName()).isEqualTo("tiktok");
    }

    private static SocialMessage message(Network network, String genericNetwork) {
        return new SocialMessage(network, genericNetwork, "p:1", "p:c", null, AUTHOR, "t", false, null, SENT, null, "");
    }
}
