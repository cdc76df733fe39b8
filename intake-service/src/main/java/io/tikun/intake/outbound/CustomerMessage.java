package io.tikun.intake.outbound;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * A requested customer message as the gateway keeps it ({@code customer_messages}, {@code _id} = messageId).
 *
 * @param state PENDING until it is SENT or FAILED
 * @param attempts attempts started so far (a claim starts one)
 * @param channel the channel it goes out on once known (email, meta, x, webhook), else null
 * @param sentTo the address a SENT e-mail went to (a bounce must name it), else null
 */
public record CustomerMessage(CustomerMessageRequest request, State state, int attempts, String channel, String reason,
        String providerMessageId, String sentTo, Instant updatedAt) {

    /** Where a message stands in the gateway. */
    public enum State {
        PENDING,
        SENT,
        DELIVERED,
        FAILED
    }

    public String messageId() {
        return request.messageId();
    }

    static Document requestDocument(CustomerMessageRequest r) {
        CustomerMessageRequest.Author author = r.author();
        return new Document("_id", r.messageId())
                .append("complaintId", r.complaintId())
                .append("caseId", r.caseId())
                .append("customerId", r.customerId())
                .append("reference", r.reference())
                .append("kind", r.kind().name())
                .append("automatic", r.automatic())
                .append("author", author == null ? null : new Document("id", author.id()).append("name", author.name()))
                .append("language", r.language())
                .append("subject", r.subject())
                .append("text", r.text())
                .append("links", r.links().stream().map(l -> new Document("label", l.label()).append("url", l.url()))
                        .toList())
                .append("requestedBy", r.requestedBy())
                .append("requestedAt", Date.from(r.requestedAt()));
    }

    static CustomerMessage fromDocument(Document doc) {
        Document author = doc.get("author", Document.class);
        List<OutboundMessage.Link> links = doc.getList("links", Document.class, List.of()).stream()
                .map(l -> new OutboundMessage.Link(l.getString("label"), l.getString("url"))).toList();
        CustomerMessageRequest request = new CustomerMessageRequest(doc.getString("_id"), doc.getString("complaintId"),
                doc.getString("caseId"), doc.getString("customerId"), doc.getString("reference"),
                CustomerMessageKind.valueOf(doc.getString("kind")), doc.getBoolean("automatic"),
                author == null ? null : new CustomerMessageRequest.Author(author.getString("id"), author.getString("name")),
                doc.getString("language"), doc.getString("subject"), doc.getString("text"), links,
                doc.getString("requestedBy"), doc.getDate("requestedAt").toInstant());
        Date updated = doc.getDate("updatedAt");
        return new CustomerMessage(request, State.valueOf(doc.getString("status")), doc.getInteger("attempts", 0),
                doc.getString("channel"), doc.getString("reason"), doc.getString("providerMessageId"),
                doc.getString("sentTo"), updated == null ? null : updated.toInstant());
    }
}
