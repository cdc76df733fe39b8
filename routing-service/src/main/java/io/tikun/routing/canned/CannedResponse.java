package io.tikun.routing.canned;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A template an agent starts a reply from: a title and a body per language, with placeholders. */
@Entity
@Table(name = "canned_response")
public class CannedResponse {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "body_he")
    public String bodyHe;

    @Column(name = "body_en")
    public String bodyEn;

    @Column(name = "body_ar")
    public String bodyAr;

    @Column(name = "body_ru")
    public String bodyRu;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The bodies that exist, in the order he, en, ar, ru. */
    public Map<CannedLanguage, String> bodies() {
        Map<CannedLanguage, String> bodies = new EnumMap<>(CannedLanguage.class);
        put(bodies, CannedLanguage.HE, bodyHe);
        put(bodies, CannedLanguage.EN, bodyEn);
        put(bodies, CannedLanguage.AR, bodyAr);
        put(bodies, CannedLanguage.RU, bodyRu);
        return bodies;
    }

    /** Replaces every body: a language missing from {@code bodies} has none afterwards. */
    public void setBodies(Map<CannedLanguage, String> bodies) {
        bodyHe = bodies.get(CannedLanguage.HE);
        bodyEn = bodies.get(CannedLanguage.EN);
        bodyAr = bodies.get(CannedLanguage.AR);
        bodyRu = bodies.get(CannedLanguage.RU);
    }

    private static void put(Map<CannedLanguage, String> bodies, CannedLanguage language, String body) {
        if (body != null) {
            bodies.put(language, body);
        }
    }
}
