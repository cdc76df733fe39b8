package io.tikun.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ConversationRepository;
import io.tikun.intake.complaint.FollowUpMessage;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;

class DestinationResolverTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private static Complaint complaint(String channel, String email, String subject, String idempotencyKey,
            String conversationId, boolean publicPost) {
        return new Complaint("c-1", "TK-000042", channel, new Customer("cu-1", "Dana Levi", email, null), subject,
                "The fridge is broken", new SeverityAssessment(Severity.LOW, List.of()), AT, AT.plusSeconds(3600),
                idempotencyKey, "fp", publicPost, null, conversationId, "en");
    }

    @Test
    void answersAnEmailComplaintInReplyToTheCustomersLastMailWithTheWholeThreadInReferences() {
        Complaint c = complaint("email", "dana@example.com", "Re: [TK-000042] Broken fridge", "email:first@mail.example",
                "first@mail.example", false);
        var thread = new ConversationRepository.Thread(c,
                List.of(new FollowUpMessage("m-1", "email:second@mail.example", "email", "Still broken", AT.plusSeconds(60)),
                        new FollowUpMessage("m-2", "email:sha256:abc", "email", "No id", AT.plusSeconds(90))),
                List.of("first@mail.example", "ack.1@tikun.local", "second@mail.example", "sha256:abc",
                        "msg.routing-reply-1@tikun.local"));

        DestinationResolver.Resolution resolution = DestinationResolver.resolve(thread);

        assertThat(resolution.channel()).isEqualTo("email");
        Destination.Email mail = (Destination.Email) resolution.destination();
        assertThat(mail.to()).isEqualTo("dana@example.com");
        assertThat(mail.inReplyTo()).isEqualTo("second@mail.example");
        assertThat(mail.references()).containsExactly("first@mail.example", "ack.1@tikun.local", "second@mail.example",
                "msg.routing-reply-1@tikun.local");
        assertThat(mail.threadSubject()).isEqualTo("Broken fridge");
    }

    @Test
    void answersAWebComplaintByMailWithoutThreadingHeaders() {
        var thread = new ConversationRepository.Thread(
                complaint("web", "dana@example.com", "Late delivery", "web:key", null, false), List.of(), List.of());

        Destination.Email mail = (Destination.Email) DestinationResolver.resolve(thread).destination();

        assertThat(mail.inReplyTo()).isNull();
        assertThat(mail.references()).isEmpty();
        assertThat(mail.threadSubject()).isEqualTo("Late delivery");
    }

    @Test
    void answersAWebComplaintInReplyToTheCustomersMailOnceTheyAnsweredOneOfOurs() {
        var thread = new ConversationRepository.Thread(
                complaint("web", "dana@example.com", "Late delivery", "web:key", null, false),
                List.of(new FollowUpMessage("m-1", "email:answer.7@mail.example", "email", "Nobody called",
                        AT.plusSeconds(60))),
                List.of("msg.routing-reply-1@tikun.local", "answer.7@mail.example"));

        Destination.Email mail = (Destination.Email) DestinationResolver.resolve(thread).destination();

        assertThat(mail.inReplyTo()).isEqualTo("answer.7@mail.example");
        assertThat(mail.references()).containsExactly("msg.routing-reply-1@tikun.local", "answer.7@mail.example");
    }

    @Test
    void cannotAnswerByMailWithoutAnAddress() {
        var thread = new ConversationRepository.Thread(complaint("web", null, "Late", "web:key", null, false), List.of(),
                List.of());

        assertThat(DestinationResolver.resolve(thread).problem()).contains("no e-mail address");
    }

    @Test
    void answersASocialComplaintOnItsNetworkAsTheAcknowledgementDoes() {
        Complaint c = complaint("meta", null, "My order", "messenger:m_abc", "messenger:104:2001", false);
        var thread = new ConversationRepository.Thread(c,
                List.of(new FollowUpMessage("m-1", "messenger:m_def", "meta", "Hello?", AT.plusSeconds(30))),
                List.of("social:messenger:2001>messenger:m_abc", "social:messenger:2001>messenger:104:2001"));

        DestinationResolver.Resolution resolution = DestinationResolver.resolve(thread);

        assertThat(resolution.channel()).isEqualTo("meta");
        assertThat(resolution.destination()).isEqualTo(new Destination.Social("messenger", false, "104", "2001", null,
                "m_def", "2001", AT.plusSeconds(30)));
    }

    @Test
    void stripsReplyPrefixesAndReferenceTokensFromTheThreadSubject() {
        assertThat(DestinationResolver.threadSubject("RE: Fwd: [TK-000042] Broken fridge")).isEqualTo("Broken fridge");
        assertThat(DestinationResolver.threadSubject("Broken fridge")).isEqualTo("Broken fridge");
    }
}
