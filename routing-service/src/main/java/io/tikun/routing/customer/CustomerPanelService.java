package io.tikun.routing.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.promise.CasePromiseRepository;
import io.tikun.routing.promise.PromiseRow;

/** Reads the customer panel and a case's promises from routing's own tables only (no call to another service). */
@ApplicationScoped
public class CustomerPanelService {

    static final int PAST_CASES = 10;
    static final int PROMISES = 20;
    static final int FEEDBACK = 50;

    private final CaseRepository cases;
    private final CasePromiseRepository promises;
    private final CustomerFeedbackRepository feedback;
    private final Clock clock;

    public CustomerPanelService(CaseRepository cases, CasePromiseRepository promises,
            CustomerFeedbackRepository feedback, Clock clock) {
        this.cases = cases;
        this.promises = promises;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The promises made on a case, soonest due first. */
    @WithSession
    public Uni<List<PromiseRow>> promisesOf(UUID caseId) {
        Instant now = clock.instant();
        return promises.ofCase(caseId).map(rows -> rows.stream().map(p -> PromiseRow.of(p, now)).toList());
    }

    /** The panel for the customer of case {@code current} (that case is not among the earlier ones). */
    @WithSession
    public Uni<CustomerPanel> panel(String customerId, UUID current) {
        Instant now = clock.instant();
        return cases.find("customerId = ?1 and id <> ?2", Sort.by("openedAt", Sort.Direction.Descending), customerId,
                current).page(Page.ofSize(PAST_CASES)).list()
                .chain(past -> promises.ofCustomer(customerId, PROMISES)
                        .chain(made -> feedback.ofCustomer(customerId, FEEDBACK)
                                .map(said -> CustomerPanel.of(past.stream().map(PastCase::of).toList(),
                                        made.stream().map(p -> PromiseRow.of(p, now)).toList(), said))));
    }
}
