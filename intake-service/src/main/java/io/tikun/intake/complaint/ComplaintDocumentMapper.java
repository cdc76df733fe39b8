package io.tikun.intake.complaint;

import java.util.Date;
import java.util.List;

import org.bson.Document;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.language.LanguageDetector;
import io.tikun.intake.probe.ProbeMark;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;
import io.tikun.intake.severity.SeverityReason;

/** Maps complaints to and from their MongoDB documents, field by field. */
final class ComplaintDocumentMapper {

    private ComplaintDocumentMapper() {
    }

    static Document toDocument(Complaint c) {
        Customer customer = c.customer();
        Document doc = new Document("_id", c.id())
                .append("reference", c.reference())
                .append("channel", c.channel())
                .append("customerId", customer.id())
                .append("customer", new Document("name", customer.name())
                        .append("email", customer.email())
                        .append("phone", customer.phone()))
                .append("subject", c.subject())
                .append("body", c.body())
                .append("severity", c.assessment().severity().name())
                .append("reasons", c.assessment().reasons().stream()
                        .map(r -> new Document("signal", r.signal()).append("implies", r.implies().name())
                                .append("evidence", r.evidence()))
                        .toList())
                .append("receivedAt", Date.from(c.receivedAt()))
                .append("expectedResponseBy", Date.from(c.expectedResponseBy()))
                .append("idempotencyKey", c.idempotencyKey())
                .append("requestFingerprint", c.requestFingerprint())
                .append("publicPost", c.publicPost())
                .append("reach", c.reach())
                .append("conversationId", c.conversationId())
                .append("language", c.language())
                .append("damage", c.damage())
                .append("filedBy", c.filedBy())
                .append("attachments", Attachment.toDocuments(c.attachments()))
                .append("classification", toDocument(c.classification()));
        if (c.isProbe()) {
            doc.append("probe", true).append("probeChannel", c.probe().channel())
                    .append("probeSentAt", Date.from(c.probe().sentAt()));
        }
        return doc;
    }

    static Complaint fromDocument(Document doc) {
        Document customer = doc.get("customer", Document.class);
        List<SeverityReason> reasons = doc.getList("reasons", Document.class).stream()
                .map(r -> new SeverityReason(r.getString("signal"), Severity.valueOf(r.getString("implies")),
                        r.getString("evidence")))
                .toList();
        return new Complaint(
                doc.getString("_id"),
                doc.getString("reference"),
                doc.getString("channel"),
                new Customer(doc.getString("customerId"), customer.getString("name"), customer.getString("email"),
                        customer.getString("phone")),
                doc.getString("subject"),
                doc.getString("body"),
                new SeverityAssessment(Severity.valueOf(doc.getString("severity")), reasons),
                doc.getDate("receivedAt").toInstant(),
                doc.getDate("expectedResponseBy").toInstant(),
                doc.getString("idempotencyKey"),
                doc.getString("requestFingerprint"),
                doc.getBoolean("publicPost", false),
                doc.get("reach") == null ? null : ((Number) doc.get("reach")).longValue(),
                doc.getString("conversationId"),
                // complaints stored before language detection have none
                doc.get("language") == null ? LanguageDetector.UNDETERMINED : doc.getString("language"),
                doc.getString("damage"),
                doc.getString("filedBy"),
                Attachment.fromDocuments(doc.getList("attachments", Document.class, List.of())),
                // complaints stored before classification have none
                classification(doc.get("classification", Document.class)),
                doc.getBoolean("probe", false)
                        ? new ProbeMark(doc.getString("probeChannel"), doc.getDate("probeSentAt").toInstant())
                        : null);
    }

    private static Document toDocument(Classification c) {
        Classification.ProductMatch product = c.product();
        return new Document("product", product == null ? null
                : new Document("id", product.id()).append("name", product.name()).append("evidence", product.evidence()))
                .append("category", c.category())
                .append("categoryEvidence", c.categoryEvidence())
                .append("orderNumbers", c.orderNumbers());
    }

    private static Classification classification(Document doc) {
        if (doc == null) {
            return Classification.UNCLASSIFIED;
        }
        Document product = doc.get("product", Document.class);
        return new Classification(product == null ? null
                : new Classification.ProductMatch(product.getString("id"), product.getString("name"),
                        product.getList("evidence", String.class, List.of())),
                doc.getString("category"), doc.getList("categoryEvidence", String.class, List.of()),
                doc.getList("orderNumbers", String.class, List.of()));
    }
}
