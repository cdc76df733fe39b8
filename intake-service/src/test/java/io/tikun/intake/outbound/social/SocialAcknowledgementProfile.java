package io.tikun.intake.outbound.social;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Turns on the {@code social.replies} consumer (off in other tests) with short waits between attempts. */
public class SocialAcknowledgementProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.social-replies.enabled", "true",
                "tikun.channels.outbound.first-retry-wait", "PT0.1S", "tikun.channels.outbound.acknowledgement-attempts",
                "3");
    }
}
