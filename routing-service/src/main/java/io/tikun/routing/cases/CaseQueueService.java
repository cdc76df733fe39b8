package io.tikun.routing.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The API's queue of cases: one page in the asked order and the matches counted up to
 * {@code tikun.routing.cases.count-up-to}, so that neither the count nor the deepest page offered grows with the table.
 */
@ApplicationScoped
public class CaseQueueService {

    private final CaseRepository cases;
    private final Clock clock;
    private final int countUpTo;

    public CaseQueueService(CaseRepository cases, Clock clock, CaseListConfig config) {
        this.cases = cases;
        this.clock = clock;
        this.countUpTo = config.countUpTo();
    }

    /** A page of the queue; a page that starts past the counted matches is the client's mistake (400). */
    @WithTransaction
    public Uni<Queue> queue(CaseQuery query, int page, int size) {
        if ((long) page * size >= countUpTo) {
            return Uni.createFrom().failure(new BadRequestException("Page " + page + " of " + size
                    + " cases starts past the first " + countUpTo + " matches, the deepest this queue pages;"
                    + " narrow it (severity, level, status, assignee, unassigned, overdue) or reverse the order."));
        }
        Instant now = clock.instant();
        return cases.countUpTo(query, countUpTo, now).chain(counted -> cases.page(query, page, size, now)
                .map(found -> new Queue(found.stream().map(c -> CaseSummary.of(c, now)).toList(),
                        Math.min(counted, countUpTo), counted > countUpTo)));
    }

    /** The page's cases, the matches counted up to the cap, and whether there are more than that. */
    public record Queue(List<CaseSummary> items, long total, boolean capped) {
    }
}
