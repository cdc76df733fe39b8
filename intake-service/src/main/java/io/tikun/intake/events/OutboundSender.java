package io.tikun.intake.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    /** The sender's domain, under which acknowledgements' Message-IDs are named. */
    private final String messageIdDomain;

    public OutboundSender(EventPublisher kafka, ReactiveMailer mailer, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.kafka = kafka;
        this.mailer = mailer;
        this.mapper = mapper;
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    /**
     * The Message-ID (without angle brackets) of the acknowledgement waiting in this outbox entry. It is
     * the same on every attempt, so a copy re-sent after a crash is the same message to the customer's
     * mail client; and a customer's reply names it in In-Reply-To, which threads the reply.
     */
    public String acknowledgementMessageId(String outboxEventId) {
        return "ack." + outboxEventId + "@" + messageIdDomain;
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
                .addHeader("Auto-Submitted", "auto-replied")
                .addHeader("Message-ID", "<" + acknowledgementMessageId(message.id()) + ">");
        if (ack.inReplyTo() != null) {
            mail.addHeader("In-Reply-To", "<" + ack.inReplyTo() + ">").addHeader("References", "<" + ack.inReplyTo() + ">");
        }
        return mailer.send(mail);
    }
}
