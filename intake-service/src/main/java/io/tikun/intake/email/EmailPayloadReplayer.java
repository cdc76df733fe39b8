package io.tikun.intake.email;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.quarantine.PayloadReplayer;
import io.tikun.intake.quarantine.QuarantinedPayload;

/** Replays a quarantined e-mail through the same parser and intake as a live delivery. */
@ApplicationScoped
public class EmailPayloadReplayer implements PayloadReplayer {

    private final EmailIntake intake;

    public EmailPayloadReplayer(EmailIntake intake) {
        this.intake = intake;
    }

    @Override
    public String channel() {
        return EmailIntake.CHANNEL;
    }

    /** The complaint's reference; an automated mail becomes no complaint and is named by its ignored-mail record. */
    @Override
    public Uni<String> replay(QuarantinedPayload payload, byte[] raw) {
        return intake.replay(raw, payload.contentType())
                .map(delivery -> delivery.reference() != null ? delivery.reference() : "ignored:" + delivery.ignoredAs());
    }
}
