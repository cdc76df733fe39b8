package io.tikun.intake.hotspot;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The hotspot topology on, with a floor and false-alarm rate three customers can pass (see HotspotWiringTest). */
public class HotspotWiringProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tikun.intake.hotspots.enabled", "true",
                "tikun.intake.hotspots.window", "PT1H",
                "tikun.intake.hotspots.floor.complaints", "3",
                "tikun.intake.hotspots.floor.customers", "3",
                // P(at least 3 | 0.05) = 2e-5: three customers on a product without history are a hotspot, below the
                // product budget's rate of 0.2 / (products x 168 one-hour windows) for up to 59 products
                "tikun.intake.hotspots.false-alarm-rate", "0.05",
                "tikun.intake.hotspots.minimum-expected", "0.05",
                // complaints of other tests about the same product may have raised it already
                "tikun.intake.hotspots.cool-down", "PT1S",
                "tikun.intake.hotspots.sweep-every", "PT5S",
                "kafka-streams.state.dir", "target/kafka-streams-wiring");
    }
}
