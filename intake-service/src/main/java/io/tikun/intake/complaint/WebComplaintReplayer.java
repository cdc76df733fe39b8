package io.tikun.intake.complaint;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.quarantine.PayloadReplayer;
import io.tikun.intake.quarantine.QuarantinedPayload;

/** Replays a quarantined web submission through the same reader and service as a live one. */
@ApplicationScoped
public class WebComplaintReplayer implements PayloadReplayer {

    static final String CHANNEL = "web";

    private final WebComplaintReader reader;
    private final ComplaintService service;

    public WebComplaintReplayer(WebComplaintReader reader, ComplaintService service) {
        this.reader = reader;
        this.service = service;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<String> replay(QuarantinedPayload payload, byte[] raw) {
        return Uni.createFrom().item(() -> reader.read(raw, payload.contentType()))
                .chain(request -> service.submit(request, payload.headers().get(ComplaintResource.IDEMPOTENCY_KEY)))
                .map(submission -> submission.complaint().reference());
    }
}
