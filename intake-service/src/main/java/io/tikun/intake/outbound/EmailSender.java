package io.tikun.intake.outbound;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/**
 * Delivers customer messages by e-mail through the SMTP server the acknowledgements use. A permanent refusal (5xx) is a
 * failure with the server's words; a temporary one (4xx) or no answer at all is tried again later.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final CustomerMailComposer composer;

    public EmailSender(ReactiveMailer mailer, CustomerMailComposer composer) {
        this.mailer = mailer;
        this.composer = composer;
    }

    @Override
    public boolean handles(Destination destination) {
        return destination instanceof Destination.Email;
    }

    @Override
    public Uni<DeliveryOutcome> send(OutboundMessage message) {
        Destination.Email to = (Destination.Email) message.destination();
        String messageId = composer.mailMessageId(message.messageId());
        return Uni.createFrom().deferred(() -> mailer.send(composer.compose(message, to)))
                .<DeliveryOutcome> map(sent -> new DeliveryOutcome.Sent(messageId))
                .onFailure().recoverWithItem(EmailSender::outcomeOf);
    }

    static DeliveryOutcome outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                String reason = "smtp " + smtp.getReplyCode() + ": " + String.join(" ", smtp.getReplyMessages()).strip();
                return smtp.isPermanent() ? new DeliveryOutcome.Failed(reason)
                        : new DeliveryOutcome.RetryLater(null, reason);
            }
        }
        return new DeliveryOutcome.RetryLater(null, "smtp: " + failure.getMessage());
    }
}
