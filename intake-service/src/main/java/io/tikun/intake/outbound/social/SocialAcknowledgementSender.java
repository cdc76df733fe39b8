package io.tikun.intake.outbound.social;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.events.SocialReplyRequested;
import io.tikun.intake.outbound.ChannelSender;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;

/**
 * Posts the acknowledgement intake asks for on {@code social.replies} through the social senders: a public one under
 * the customer's comment or tweet (as the public notice, nothing private), a private one as a direct message. Its
 * message id is fixed per complaint, so a redelivered request finds its parts already posted and posts nothing again.
 * A provider asking to wait is retried a few times; a request still not sent then goes to the DLQ, a refused one is
 * logged.
 */
@ApplicationScoped
public class SocialAcknowledgementSender {

    static final String MESSAGE_ID_PREFIX = "ack:";

    private final List<ChannelSender> senders;
    private final ObjectMapper mapper;
    private final OutboundChannelsConfig.Outbound config;

    public SocialAcknowledgementSender(@Any Instance<ChannelSender> senders, ObjectMapper mapper,
            OutboundChannelsConfig config) {
        this.senders = senders.stream().toList();
        this.mapper = mapper;
        this.config = config.outbound();
    }

    @Incoming("social-replies")
    public Uni<Void> onReplyRequested(Message<String> message) {
        SocialReplyRequested request;
        try {
            request = mapper.readValue(message.getPayload(), SocialReplyRequested.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(
                    "not a " + SocialReplyRequested.TYPE + " event: " + e.getOriginalMessage())));
        }
        if (request.complaintId() == null || request.network() == null || request.visibility() == null) {
            return Uni.createFrom().completionStage(message.nack(
                    new IllegalArgumentException("reply request without complaintId, network or visibility")));
        }
        OutboundMessage outbound = toOutbound(request);
        ChannelSender sender = senders.stream().filter(s -> s.handles(outbound.destination())).findFirst().orElse(null);
        if (sender == null) {
            Log.warnf("no sender for network %s: acknowledgement of %s not sent", request.network(),
                    request.reference());
            return Uni.createFrom().completionStage(message.ack());
        }
        return attempt(sender, outbound, 1).chain(outcome -> {
            if (outcome instanceof DeliveryOutcome.Sent sent) {
                Log.infof("acknowledgement of %s posted on %s (%s)", request.reference(), request.network(),
                        sent.providerMessageId());
                return Uni.createFrom().completionStage(message.ack());
            }
            if (outcome instanceof DeliveryOutcome.Failed failed) {
                // Permanent: another attempt would be refused the same way; the complaint itself is unaffected.
                Log.warnf("acknowledgement of %s refused on %s: %s", request.reference(), request.network(),
                        failed.reason());
                return Uni.createFrom().completionStage(message.ack());
            }
            String reason = ((DeliveryOutcome.RetryLater) outcome).reason();
            return Uni.createFrom().completionStage(message.nack(new IllegalStateException(
                    "acknowledgement not posted after " + config.acknowledgementAttempts() + " attempts: " + reason)));
        });
    }

    private Uni<DeliveryOutcome> attempt(ChannelSender sender, OutboundMessage outbound, int attempt) {
        return sender.send(withAttempt(outbound, attempt)).chain(outcome -> {
            if (!(outcome instanceof DeliveryOutcome.RetryLater later) || attempt >= config.acknowledgementAttempts()) {
                return Uni.createFrom().item(outcome);
            }
            Duration wait = later.after() != null ? later.after()
                    : config.firstRetryWait().multipliedBy(1L << Math.min(attempt - 1, 20));
            if (wait.compareTo(config.maxRetryWait()) > 0) {
                wait = config.maxRetryWait();
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                    .chain(() -> attempt(sender, outbound, attempt + 1));
        });
    }

    static OutboundMessage toOutbound(SocialReplyRequested r) {
        boolean isPublic = r.visibility() == SocialReplyRequested.Visibility.PUBLIC;
        // The request is made as the customer's message arrives, so its time stands in for when they last wrote.
        var destination = new Destination.Social(r.network(), isPublic, r.accountId(), r.recipientId(),
                r.recipientHandle(), r.replyToMessageId(), r.conversationId(), r.requestedAt());
        return new OutboundMessage(MESSAGE_ID_PREFIX + r.complaintId(), r.complaintId(), null, r.customerId(),
                r.reference(), null, true, null, r.language(), null, isPublic ? null : r.text(), List.of(),
                isPublic ? r.text() : null, destination, 1);
    }

    private static OutboundMessage withAttempt(OutboundMessage m, int attempt) {
        return new OutboundMessage(m.messageId(), m.complaintId(), m.caseId(), m.customerId(), m.reference(), m.kind(),
                m.automatic(), m.authorName(), m.language(), m.subject(), m.text(), m.links(), m.publicNotice(),
                m.destination(), attempt);
    }
}
