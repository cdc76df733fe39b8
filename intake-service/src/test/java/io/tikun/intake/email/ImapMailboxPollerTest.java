package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ImapMailboxPollerTest {

    private static final String MAILBOX = "support@tikun.test";

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    ImapMailboxPoller poller;

    @Inject
    ComplaintRepository complaints;

    private void deliver(String messageId, String body) {
        mail.deliver(MAILBOX, MAILBOX, ("From: Yossi Cohen <yossi+" + UUID.randomUUID() + "@example.com>\r\n"
                + "To: " + MAILBOX + "\r\nSubject: Water leak\r\nMessage-ID: <" + messageId + ">\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importsEachNewMailboxMessageOnceAndMarksItRead() throws Exception {
        String first = UUID.randomUUID() + "@example.com";
        String second = UUID.randomUUID() + "@example.com";
        deliver(first, "Water is leaking from the ceiling.");
        deliver(second, "And now the lights flicker.");

        List<EmailDelivery.Outcome> imported = poller.pollOnce();
        List<EmailDelivery.Outcome> again = poller.pollOnce();

        assertThat(imported).containsExactly(EmailDelivery.Outcome.CREATED, EmailDelivery.Outcome.CREATED);
        assertThat(again).isEmpty();
        assertThat(complaints.findByIdempotencyKey("email:" + first).await().indefinitely()).isNotNull();
        assertThat(complaints.findByIdempotencyKey("email:" + second).await().indefinitely().body())
                .isEqualTo("And now the lights flicker.");
    }
}
