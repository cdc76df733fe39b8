package io.tikun.intake.complaint;

import java.util.List;

import org.bson.Document;

/** A file the customer attached, as intake keeps it: its name, type, size and SHA-256 (never the content). */
public record Attachment(String name, String type, long size, String sha256) {

    static List<Document> toDocuments(List<Attachment> attachments) {
        return attachments.stream().map(a -> new Document("name", a.name()).append("type", a.type())
                .append("size", a.size()).append("sha256", a.sha256())).toList();
    }

    static List<Attachment> fromDocuments(List<Document> documents) {
        return documents.stream().map(d -> new Attachment(d.getString("name"), d.getString("type"),
                ((Number) d.get("size")).longValue(), d.getString("sha256"))).toList();
    }
}
