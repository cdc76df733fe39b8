package io.tikun.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

class CustomerMailComposerTest {

    private static final Destination.Email THREAD = new Destination.Email("dana@example.com", "Dana", "Broken fridge",
            "first@mail.example", List.of("first@mail.example"));

    private static OutboundMessage message(String subject, List<OutboundMessage.Link> links) {
        return new OutboundMessage("routing:reply:1", "c-1", "case-1", "cu-1", "TK-000042",
                CustomerMessageKind.AGENT_REPLY, false, "Noa", "en", subject, "Hello Dana,\n\nA technician comes on Tuesday.",
                links, null, THREAD, 1);
    }

    @Test
    void givesTwoMessagesWhoseIdsReadAlikeTwoMessageIdsAndOneMessageAlwaysTheSame() {
        CustomerMailComposer composer = new CustomerMailComposer(null, null, "Tikun <tikun@tikun.local>");

        assertThat(composer.mailMessageId("routing:reply:1")).isNotEqualTo(composer.mailMessageId("routing-reply-1"))
                .isEqualTo(composer.mailMessageId("routing:reply:1")).startsWith("msg.routing-reply-1.")
                .endsWith("@tikun.local");
    }

    @Test
    void answersInTheCustomersThreadWhenTheRequestHasNoSubject() {
        assertThat(CustomerMailComposer.subject(message(null, List.of()), THREAD)).isEqualTo("Re: [TK-000042] Broken fridge");
    }

    @Test
    void putsTheReferenceBeforeTheRequestsOwnSubject() {
        assertThat(CustomerMailComposer.subject(message("Your survey", List.of()), THREAD))
                .isEqualTo("[TK-000042] Your survey");
    }

    @Test
    void neverLetsASubjectStartAHeaderOfItsOwn() {
        assertThat(CustomerMailComposer.subject(message("Hi\r\nBcc: x@evil.example", List.of()), THREAD))
                .doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void writesLinksAsLabelColonUrlLinesInThePlainText() {
        String text = CustomerMailComposer.text(message(null,
                List.of(new OutboundMessage.Link("Was it fixed?", "https://tikun.example/v/abc"))));

        assertThat(text).startsWith("Hello Dana,\n\nA technician comes on Tuesday.\n")
                .contains("\nWas it fixed?: https://tikun.example/v/abc\n");
    }

    @Test
    void aPermanentSmtpRefusalFailsWithTheServersWordsAndATemporaryOneIsRetried() {
        DeliveryOutcome permanent = EmailSender.outcomeOf(
                new SMTPException("550 5.1.1 User unknown", 550, List.of("5.1.1 User unknown"), false));
        DeliveryOutcome temporary = EmailSender.outcomeOf(
                new SMTPException("451 4.3.0 Try later", 451, List.of("4.3.0 Try later"), false));
        DeliveryOutcome unreachable = EmailSender.outcomeOf(new java.net.ConnectException("Connection refused"));

        assertThat(permanent).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) permanent).reason()).contains("550").contains("User unknown");
        assertThat(temporary).isInstanceOf(DeliveryOutcome.RetryLater.class);
        assertThat(unreachable).isInstanceOf(DeliveryOutcome.RetryLater.class);
    }
}
