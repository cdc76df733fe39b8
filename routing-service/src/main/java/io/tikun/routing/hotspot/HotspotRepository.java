package io.tikun.routing.hotspot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.SupportCase;

/** Stored hotspots, read as current or past at a given moment, newest window first. */
@ApplicationScoped
@WithSession
public class HotspotRepository implements PanacheRepositoryBase<Hotspot, UUID> {

    private static final String CURRENT = "acknowledgedAt is null and pastFrom > ?1";
    private static final String PAST = "acknowledgedAt is not null or pastFrom <= ?1";
    private static final String NEWEST_FIRST = " order by windowEnd desc, id";

    public Uni<List<Hotspot>> inState(HotspotState state, Instant now, int page, int size) {
        return find(where(state) + NEWEST_FIRST, now).page(Page.of(page, size)).list();
    }

    public Uni<Long> countInState(HotspotState state, Instant now) {
        return count(where(state), now);
    }

    /**
     * Marks the hotspot acknowledged unless someone already did: 1 when this call acknowledged it, 0 otherwise (the
     * first acknowledgment stands).
     */
    public Uni<Integer> acknowledge(UUID id, String by, Instant at) {
        return update("acknowledgedAt = ?2, acknowledgedBy = ?3, version = version + 1 "
                + "where id = ?1 and acknowledgedAt is null", id, at, by);
    }

    /** The ids of the cases opened for these complaints, by complaint id (complaints without a case yet are absent). */
    public Uni<Map<String, UUID>> casesOf(List<String> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session
                .createQuery("from SupportCase c where c.complaintId in (:ids)", SupportCase.class)
                .setParameter("ids", complaintIds).getResultList())
                .map(cases -> cases.stream().collect(Collectors.toMap(c -> c.complaintId, c -> c.id)));
    }

    private static String where(HotspotState state) {
        return state == HotspotState.CURRENT ? CURRENT : PAST;
    }
}
