package io.tikun.intake.probe;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.IncomingComplaint;

/**
 * Tells probes from customers' complaints: a delivery is a probe only when it claims a configured probe identity
 * and this service registered a probe run under its dedup key. Anyone can type the probe's address into the form;
 * nobody else can register a run, so a look-alike stays an ordinary complaint. Real traffic costs no store read.
 */
@ApplicationScoped
public class ProbeMarker {

    private final Set<String> identities;
    private final ProbeRunRepository runs;

    public ProbeMarker(ProbesConfig config, ProbeRunRepository runs) {
        this.runs = runs;
        Set<String> keys = new HashSet<>();
        keys.add(webIdentity(config));
        config.webhook().network().ifPresent(network -> keys.add(webhookIdentity(network, config)));
        keys.add(metaIdentity(config));
        keys.add(xIdentity(config));
        this.identities = Set.copyOf(keys);
    }

    static String webIdentity(ProbesConfig config) {
        return "email:" + config.web().email().strip().toLowerCase(Locale.ROOT);
    }

    static String webhookIdentity(String network, ProbesConfig config) {
        return network + ":" + config.webhook().authorId();
    }

    static String metaIdentity(ProbesConfig config) {
        return "messenger:" + config.meta().senderId();
    }

    static String xIdentity(ProbesConfig config) {
        return "x:" + config.x().senderId();
    }

    /** The probe this delivery is, or null for a customer's complaint. */
    public Uni<ProbeMark> markOf(IncomingComplaint incoming) {
        if (!identities.contains(incoming.customer().key())) {
            return Uni.createFrom().nullItem();
        }
        return runs.find(incoming.dedupKey());
    }

    public Uni<Void> acknowledged(IncomingComplaint incoming, String complaintId, String reference,
            java.time.Instant at) {
        return runs.acknowledged(incoming.dedupKey(), complaintId, reference, at);
    }
}
