package io.tikun.intake.outbound.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class OutboundChannelsConfigTest {

    @Test
    void tokensAndUrlsAreReadFromEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OutboundChannelsConfig.class)
                .withSources(new EnvConfigSource(Map.of("TIKUN_CHANNELS_META_ACCESS_TOKENS_104000000000001", "page-token",
                        "TIKUN_CHANNELS_X_ACCESS_TOKEN", "x-token", "TIKUN_CHANNELS_WEBHOOK_OUTBOUND_URLS_TRUSTPILOT",
                        "https://bridge.example/out", "TIKUN_CHANNELS_WEBHOOK_SECRETS_TRUSTPILOT", "s3cret",
                        "TIKUN_CHANNELS_META_WHATSAPP_TEMPLATES_HE_NAME", "case_update_he",
                        "TIKUN_CHANNELS_META_WHATSAPP_TEMPLATES_HE_LANGUAGE", "he"), 300) {
                })
                .build();

        OutboundChannelsConfig channels = config.getConfigMapping(OutboundChannelsConfig.class);

        assertThat(channels.meta().accessTokens()).containsEntry("104000000000001", "page-token");
        assertThat(channels.x().accessToken()).contains("x-token");
        assertThat(channels.webhook().outboundUrls()).containsEntry("trustpilot", "https://bridge.example/out");
        assertThat(channels.webhook().secrets()).containsEntry("trustpilot", "s3cret");
        assertThat(channels.meta().whatsapp().templates().get("he").name()).isEqualTo("case_update_he");
        assertThat(channels.meta().graphUrl()).isEqualTo("https://graph.facebook.com");
        assertThat(channels.outbound().requestTimeout()).isEqualTo(Duration.ofSeconds(15));
    }
}
