package io.tikun.intake.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Reads new messages from a configured IMAP mailbox and hands each one, raw, to the e-mail
 * channel. A message is recorded as imported (by UIDVALIDITY and UID) and flagged \Seen once
 * processed, so no message is imported twice, even if someone marks it unread again.
 */
@ApplicationScoped
public class ImapMailboxPoller {

    private static final String RFC822 = "message/rfc822";

    private final ImapConfig config;
    private final EmailIntake intake;
    private final ImportedMailRepository imported;
    private final Clock clock;

    public ImapMailboxPoller(ImapConfig config, EmailIntake intake, ImportedMailRepository imported, Clock clock) {
        this.config = config;
        this.intake = intake;
        this.imported = imported;
        this.clock = clock;
    }

    /** One import pass per period; JavaMail blocks, so this runs on a worker thread, never on the event loop. */
    @Scheduled(every = "${tikun.intake.imap.poll-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (!config.enabled()) {
            return;
        }
        try {
            pollOnce();
        } catch (MessagingException e) {
            Log.warnf("IMAP poll of %s@%s failed: %s", config.username().orElse("?"), config.host(), e.getMessage());
        }
    }

    /** Imports what is new; returns what each imported message became. */
    public List<EmailDelivery.Outcome> pollOnce() throws MessagingException {
        String protocol = config.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(new Properties());
        List<EmailDelivery.Outcome> outcomes = new ArrayList<>();
        try (Store store = session.getStore(protocol)) {
            store.connect(config.host(), config.port(), config.username().orElse(null), config.password().orElse(null));
            Folder folder = store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            try {
                UIDFolder uids = (UIDFolder) folder;
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < unseen.length && i < config.batchSize(); i++) {
                    Message message = unseen[i];
                    String key = config.folder() + ":" + uids.getUIDValidity() + ":" + uids.getUID(message);
                    if (!imported.isImported(key).await().atMost(config.processTimeout())) {
                        EmailDelivery.Outcome outcome = importOne(message);
                        imported.markImported(key, outcome == null ? "QUARANTINED" : outcome.name(), clock.instant())
                                .await().atMost(config.processTimeout());
                        if (outcome != null) {
                            outcomes.add(outcome);
                        }
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        }
        return outcomes;
    }

    /** The outcome, or null when the message was unreadable (it is then in quarantine, not lost). */
    private EmailDelivery.Outcome importOne(Message message) throws MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("cannot read message from the mailbox", e);
        }
        try {
            return intake.accept(raw.toByteArray(), RFC822).await().atMost(config.processTimeout()).outcome();
        } catch (RejectedPayload rejected) {
            Log.warnf("Mailbox message quarantined as %s: %s", rejected.quarantineId(), rejected.getMessage());
            return null;
        }
    }
}
