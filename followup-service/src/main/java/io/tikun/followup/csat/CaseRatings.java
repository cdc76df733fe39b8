package io.tikun.followup.csat;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The satisfaction ratings of resolved cases ({@code case_csat_response}), one per case. Joins the caller's session. */
@ApplicationScoped
public class CaseRatings {

    // The primary key decides atomically which of two concurrent ratings of one case counts.
    private static final String RECORD = """
            insert into {h-schema}case_csat_response (case_id, complaint_id, score, comment, responded_at)
            values (:caseId, :complaintId, :score, :comment, :at)
            on conflict (case_id) do nothing""";

    private static final String RATED = "select count(*) from {h-schema}case_csat_response where case_id = :caseId";

    public Uni<Boolean> rated(UUID caseId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RATED, Long.class)
                .setParameter("caseId", caseId).getSingleResult())
                .map(count -> count > 0);
    }

    /** Returns false if the case was already rated. */
    public Uni<Boolean> record(UUID caseId, String complaintId, int score, String comment, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("caseId", caseId)
                .setParameter("complaintId", complaintId)
                .setParameter("score", (short) score)
                .setParameter("comment", comment)
                .setParameter("at", at)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
