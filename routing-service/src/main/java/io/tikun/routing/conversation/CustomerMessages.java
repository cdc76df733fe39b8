package io.tikun.routing.conversation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseMessage;
import io.tikun.routing.cases.CaseMessageRepository;
import io.tikun.routing.cases.MessageKind;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.outbox.EventJson;
import io.tikun.routing.outbox.OutboxMessage;
import io.tikun.routing.outbox.OutboxRepository;

/**
 * Asks intake to deliver a message to a case's customer: the message joins the case's conversation as
 * {@code REQUESTED} and {@code customer.messages.requested} goes into the outbox, both in the caller's transaction.
 * Also writes the automatic messages (expectation summary, callback summary, thank-you) in the case's language.
 */
@ApplicationScoped
public class CustomerMessages {

    private final CaseMessageRepository messages;
    private final OutboxRepository outbox;
    private final EventJson json;
    private final CustomerTexts texts;
    private final ConversationConfig config;

    public CustomerMessages(CaseMessageRepository messages, OutboxRepository outbox, EventJson json, CustomerTexts texts,
            ConversationConfig config) {
        this.messages = messages;
        this.outbox = outbox;
        this.json = json;
        this.texts = texts;
        this.config = config;
    }

    /** A message stored and requested: its id on the case and the outbox row to publish after the commit. */
    public record Requested(CaseMessage message, UUID outboxId) {
    }

    /** An agent's or manager's reply, in their words; its messageId is {@code routing:reply:<message id>}. */
    public Uni<Requested> reply(SupportCase c, String by, String byName, String text, Instant now) {
        UUID id = UUID.randomUUID();
        return request(c, MessageKind.AGENT_REPLY, id, "routing:reply:" + id, by, byName, text, now);
    }

    /**
     * The text of a message whose delivery failed, asked of intake again as a new message (a new id, so intake sends
     * it rather than taking it for the old request) that points back at the failed one. Sent again by a person, it is
     * theirs: intake marks it as a person's mail, not an automatic one.
     */
    public Uni<Requested> resend(SupportCase c, CaseMessage failed, String by, String byName, Instant now) {
        UUID id = UUID.randomUUID();
        return request(c, failed.kind, id, "routing:resend:" + id, by, byName, failed.body, now, failed.id);
    }

    /** What was promised, who is responsible and by when (the due time in the customer's zone and language). */
    public Uni<Requested> expectationSummary(SupportCase c, UUID commitmentId, String what, String owner, Instant dueAt,
            Instant now) {
        Map<String, String> values = common(c);
        values.put("what", what);
        values.put("owner", owner);
        values.put("due", formatDue(dueAt, c.language));
        UUID id = UUID.randomUUID();
        return request(c, MessageKind.EXPECTATION_SUMMARY, id, "routing:expectation-summary:" + commitmentId, null, null,
                texts.render(c.language, "expectation-summary", values), now);
    }

    /** What the manager's call discussed and agreed; one per recorded call ({@code attemptId}). */
    public Uni<Requested> callbackSummary(SupportCase c, UUID attemptId, String note, Instant now) {
        Map<String, String> values = common(c);
        values.put("note", note);
        UUID id = UUID.randomUUID();
        return request(c, MessageKind.CALLBACK_SUMMARY, id, "routing:callback-summary:" + attemptId, null, null,
                texts.render(c.language, "callback-summary", values), now);
    }

    /** The thanks of the case's {@code c.resolutions}-th resolution, once per resolution. */
    public Uni<Requested> thankYou(SupportCase c, String text, Instant now) {
        UUID id = UUID.randomUUID();
        return request(c, MessageKind.THANK_YOU, id, "routing:thank-you:" + c.id + ":" + c.resolutions, null, null, text,
                now);
    }

    String formatDue(Instant dueAt, String lang) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(CustomerTexts.languageOf(lang)))
                .withZone(config.customerTimeZone())
                .format(dueAt);
    }

    private static Map<String, String> common(SupportCase c) {
        Map<String, String> values = new HashMap<>();
        values.put("customer", c.customerName);
        values.put("reference", c.reference);
        return values;
    }

    private Uni<Requested> request(SupportCase c, MessageKind kind, UUID id, String messageId, String by, String byName,
            String text, Instant now) {
        return request(c, kind, id, messageId, by, byName, text, now, null);
    }

    private Uni<Requested> request(SupportCase c, MessageKind kind, UUID id, String messageId, String by, String byName,
            String text, Instant now, UUID resentFrom) {
        CaseMessage message = CaseMessage.toCustomer(c, kind, messageId, by, text, now);
        message.id = id;
        message.resentFrom = resentFrom;
        CustomerMessageRequested event = CustomerMessageRequested.of(c, kind, messageId, by, byName, text, now);
        OutboxMessage row = OutboxMessage.of(CustomerMessageRequested.TOPIC, c.customerId, CustomerMessageRequested.TYPE,
                json.write(event), now);
        return messages.persist(message).chain(() -> outbox.persist(row)).replaceWith(() -> new Requested(message, row.id));
    }
}
