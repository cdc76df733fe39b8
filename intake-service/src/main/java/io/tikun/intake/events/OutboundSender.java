package io.tikun.intake.events;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.acknowledgement.AcknowledgementMail;

/**
 * Sends what the outbox holds: events to Kafka, acknowledgements by SMTP. Both wait in the same
 * outbox, so a customer's acknowledgement survives a crash exactly like the event does.
 */
@ApplicationScoped
public class OutboundSender {

    private final EventPublisher kafka;
    private final ReactiveMailer mailer;
    private final ObjectMapper mapper;

    public OutboundSender(EventPublisher kafka, ReactiveMailer mailer, ObjectMapper mapper) {
        this.kafka = kafka;
        this.mailer = mailer;
        this.mapper = mapper;
    }

    public Uni<Void> send(OutboxEvent message) {
        if (!OutboxEvent.MAIL_TOPIC.equals(message.topic())) {
            return kafka.publish(message);
        }
        AcknowledgementMail ack;
        try {
            ack = mapper.readValue(message.payload(), AcknowledgementMail.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Mail mail = Mail.withText(ack.to(), ack.subject(), ack.body())
                // RFC 3834: marks the mail as automatic, so auto-responders do not answer it (no mail loops).
                .addHeader("Auto-Submitted", "auto-replied");
        if (ack.inReplyTo() != null) {
            mail.addHeader("In-Reply-To", "<" + ack.inReplyTo() + ">").addHeader("References", "<" + ack.inReplyTo() + ">");
        }
        return mailer.send(mail);
    }
}
