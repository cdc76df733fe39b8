package io.tikun.intake;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The two consumers the other tests run without, on in one application: the hotspot topology (with a floor and
 * false-alarm rate three customers can pass, see HotspotWiringTest) and the {@code social.replies} consumer (with
 * short waits between attempts, see SocialAcknowledgementSenderTest). One profile rather than one each saves an
 * application build and start; neither test reads what the other consumer writes.
 */
public class OptionalConsumersProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("tikun.intake.hotspots.enabled", "true");
        config.put("tikun.intake.hotspots.window", "PT1H");
        config.put("tikun.intake.hotspots.floor.complaints", "3");
        config.put("tikun.intake.hotspots.floor.customers", "3");
        // P(at least 3 | 0.05) = 2e-5: three customers on a product without history are a hotspot, below the
        // product budget's rate of 0.2 / (products x 168 one-hour windows) for up to 59 products
        config.put("tikun.intake.hotspots.false-alarm-rate", "0.05");
        config.put("tikun.intake.hotspots.minimum-expected", "0.05");
        // complaints of other tests about the same product may have raised it already
        config.put("tikun.intake.hotspots.cool-down", "PT1S");
        config.put("tikun.intake.hotspots.sweep-every", "PT5S");
        config.put("kafka-streams.state.dir", "target/kafka-streams-wiring");

        config.put("mp.messaging.incoming.social-replies.enabled", "true");
        config.put("tikun.channels.outbound.first-retry-wait", "PT0.1S");
        config.put("tikun.channels.outbound.acknowledgement-attempts", "3");
        return config;
    }
}
