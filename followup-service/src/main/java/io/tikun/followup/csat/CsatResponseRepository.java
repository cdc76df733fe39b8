package io.tikun.followup.csat;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Satisfaction ratings, one per commitment. */
@ApplicationScoped
@WithSession
public class CsatResponseRepository implements PanacheRepositoryBase<CsatResponse, UUID> {

    // The primary key decides atomically which of two concurrent ratings of one commitment counts.
    private static final String RECORD = """
            insert into {h-schema}csat_response (commitment_id, score, comment, responded_at)
            values (:commitmentId, :score, :comment, :at)
            on conflict (commitment_id) do nothing""";

    /** Joins the caller's transaction. Returns false if the commitment was already rated. */
    public Uni<Boolean> record(UUID commitmentId, int score, String comment, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("commitmentId", commitmentId)
                .setParameter("score", (short) score)
                .setParameter("comment", comment)
                .setParameter("at", at)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
