package io.tikun.intake.hotspot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.streams.Topology;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.logging.Log;
import io.tikun.intake.classification.ComplaintClassifier;

/**
 * Hands the hotspot topology to Quarkus's Kafka Streams, which runs it (application id, state directory and bootstrap
 * servers from {@code quarkus.kafka-streams.*} and {@code kafka-streams.*}). With {@code tikun.intake.hotspots.enabled}
 * false there is no topology to find and Kafka Streams is not started on this instance.
 */
@ApplicationScoped
public class HotspotTopologyProducer {

    @Produces
    @Singleton
    @LookupIfProperty(name = "tikun.intake.hotspots.enabled", stringValue = "true", lookupIfMissing = true)
    Topology hotspotTopology(HotspotsConfig config, ObjectMapper mapper, ComplaintClassifier classifier) {
        HotspotsConfig.Topics topics = config.topics();
        Log.infof("hotspot analysis over %s and %s to %s, window %s", topics.complaints(), topics.cases(),
                topics.detected(), config.window());
        return new HotspotTopology(config.settings(), mapper, classifier::terms).build(topics.complaints(),
                topics.cases(), topics.detected());
    }
}
