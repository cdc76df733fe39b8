package io.tikun.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyCapsTest {

    private final BodyCaps caps = new BodyCaps(65_536, 10_485_760, 2_097_152);

    @Test
    void onlyTheEmailChannelGetsMegabytesAndEveryOtherPathTheWebCap() {
        assertThat(caps.of("/api/v1/channels/email")).isEqualTo(10_485_760);
        assertThat(caps.of("/api/v1/channels/x")).isEqualTo(2_097_152);
        assertThat(caps.of("/api/v1/channels/webhook/trustpilot")).isEqualTo(2_097_152);
        assertThat(caps.of("/api/v1/channels/emailx")).isEqualTo(2_097_152);
        assertThat(caps.of("/complain")).isEqualTo(65_536);
        assertThat(caps.of("/api/v1/complaints")).isEqualTo(65_536);
        assertThat(caps.of("/api/v1/quarantine/1/replay")).isEqualTo(65_536);
        assertThat(caps.of(null)).isEqualTo(65_536);
    }
}
