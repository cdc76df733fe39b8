package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.CustomerMessageRepository;
import io.tikun.intake.store.IntakeStore;

/**
 * A complaint's conversation: what the customer wrote (the complaint and the further messages on its thread) and what
 * Tikun sent back ({@code customer_messages}), in time order; and the thread an answer must join.
 */
@ApplicationScoped
public class ConversationRepository {

    private static final String THREAD_KEYS = "threadKeys";
    private static final String MESSAGES = "messages";

    private final ReactiveMongoCollection<Document> complaints;
    private final ReactiveMongoCollection<Document> outbound;

    public ConversationRepository(IntakeStore store) {
        this.complaints = store.collection(ComplaintRepository.COLLECTION);
        this.outbound = store.collection(CustomerMessageRepository.COLLECTION);
    }

    /** A complaint, the customer's further messages on it (oldest first) and its thread keys in the order added. */
    public record Thread(Complaint complaint, List<FollowUpMessage> messages, List<String> threadKeys) {
    }

    /** The complaint's thread, or null when there is no such complaint. */
    public Uni<Thread> thread(String complaintId) {
        return complaints.find(Filters.eq("_id", complaintId)).collect().first()
                .map(doc -> doc == null ? null
                        : new Thread(ComplaintDocumentMapper.fromDocument(doc),
                                doc.getList(MESSAGES, Document.class, List.of()).stream()
                                        .map(FollowUpMessage::fromDocument).toList(),
                                doc.getList(THREAD_KEYS, String.class, List.of())));
    }

    /** Every message of the complaint's conversation, in time order. */
    public Uni<List<ConversationEntry>> conversation(Complaint complaint) {
        return thread(complaint.id()).chain(thread -> outbound
                .find(Filters.eq("complaintId", complaint.id()), new FindOptions().sort(Sorts.ascending("receivedAt")))
                .collect().asList()
                .map(sent -> {
                    List<ConversationEntry> entries = new ArrayList<>();
                    Complaint c = thread == null ? complaint : thread.complaint();
                    entries.add(new ConversationEntry(ConversationEntry.Direction.INBOUND, "COMPLAINT",
                            c.customer().name(), c.channel(), c.body(), null, null, c.receivedAt(), null,
                            c.attachments()));
                    if (thread != null) {
                        thread.messages().forEach(m -> entries.add(new ConversationEntry(
                                ConversationEntry.Direction.INBOUND, "MESSAGE", c.customer().name(), m.channel(),
                                m.body(), null, null, m.receivedAt(), m.id(), m.attachments())));
                    }
                    sent.forEach(doc -> entries.add(outboundEntry(doc)));
                    entries.sort(Comparator.comparing(ConversationEntry::at));
                    return entries;
                }));
    }

    private static ConversationEntry outboundEntry(Document doc) {
        Document author = doc.get("author", Document.class);
        Date updated = doc.getDate("updatedAt");
        Date received = doc.getDate("receivedAt");
        // Sent messages stand where they went out; pending and failed ones where they were asked for.
        Instant at = "SENT".equals(doc.getString("status")) && updated != null ? updated.toInstant()
                : received.toInstant();
        return new ConversationEntry(ConversationEntry.Direction.OUTBOUND, doc.getString("kind"),
                author == null ? null : author.getString("name"), doc.getString("channel"), doc.getString("text"),
                doc.getString("status"), doc.getString("reason"), at, doc.getString("_id"), List.of());
    }
}
