package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.ComplaintRepository.PublishedEvents;
import io.tikun.intake.events.OutboundSender;
import io.tikun.intake.events.OutboxEvent;

class InlineOutboundPermitsTest {

    /** Broker events are accepted at once; mails hang, as on a mail server that stopped answering. */
    private static final class HangingMailServer extends OutboundSender {
        final Queue<String> started = new ConcurrentLinkedQueue<>();

        HangingMailServer() {
            super(null, null, null, "Tikun <support@tikun.test>");
        }

        @Override
        public Uni<Void> send(OutboxEvent message) {
            started.add(message.id());
            return OutboxEvent.MAIL_TOPIC.equals(message.topic()) ? Uni.createFrom().emitter(never -> {
            }) : Uni.createFrom().voidItem();
        }
    }

    @Test
    void aMailServerThatHangsLeavesOnlyMailsToTheRelayNeverAComplaintsEvent() {
        HangingMailServer sender = new HangingMailServer();
        Queue<PublishedEvents> marked = new ConcurrentLinkedQueue<>();
        PublishedMarks marks = new PublishedMarks(published -> {
            marked.addAll(published);
            return Uni.createFrom().voidItem();
        });
        // One complaint's events and one complaint's mails in flight at once.
        InlineOutbound inline = new InlineOutbound(sender, marks, config(1));

        inline.sendSoon("first", List.of(event("first-event"), mail("first-mail")));
        inline.sendSoon("second", List.of(event("second-event"), mail("second-mail")));
        inline.sendSoon("third", List.of(event("third-event"), mail("third-mail")));

        // Every event went out and was marked; the first mail holds the only mail permit, the others wait for the relay.
        assertThat(sender.started).containsExactly("first-event", "first-mail", "second-event", "third-event");
        assertThat(marked).extracting(PublishedEvents::eventIds).containsExactly(List.of("first-event"),
                List.of("second-event"), List.of("third-event"));
    }

    private static OutboxEvent event(String id) {
        return new OutboxEvent(id, "tikun.complaint.received", "complaints.received", "cust-1", "{}", Instant.now());
    }

    private static OutboxEvent mail(String id) {
        return new OutboxEvent(id, OutboxEvent.ACKNOWLEDGEMENT_TYPE, OutboxEvent.MAIL_TOPIC, "cust-1", "{}",
                Instant.now());
    }

    /** The configuration's outbox only, with {@code inFlight} permits for events and as many for mails. */
    private static IntakeConfig config(int inFlight) {
        IntakeConfig.Outbox outbox = (IntakeConfig.Outbox) Proxy.newProxyInstance(
                IntakeConfig.Outbox.class.getClassLoader(), new Class<?>[] { IntakeConfig.Outbox.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "inlineInFlight", "urgentInFlight" -> inFlight;
                    case "inlineTimeout" -> Duration.ofSeconds(8);
                    case "staleAfter" -> Duration.ofSeconds(10);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (IntakeConfig) Proxy.newProxyInstance(IntakeConfig.class.getClassLoader(),
                new Class<?>[] { IntakeConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("outbox")) {
                        return outbox;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
