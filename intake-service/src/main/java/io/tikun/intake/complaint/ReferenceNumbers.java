package io.tikun.intake.complaint;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.GroupedCalls;

/**
 * Hands out complaint reference numbers from the stored sequence, the numbers of complaints that arrive together taken
 * in one round trip ({@link GroupedCalls}): one {@code $inc} by as many as wait, each complaint given its own number in
 * the order it asked. The numbers stay consecutive and are never handed out twice, by this instance or another.
 */
@ApplicationScoped
public class ReferenceNumbers {

    /** The most complaints one round trip numbers; the rest wait for the next. */
    static final int MOST_PER_CALL = 256;

    private final GroupedCalls<Integer, Long> numbers;

    public ReferenceNumbers(ComplaintRepository complaints) {
        this.numbers = new GroupedCalls<>(MOST_PER_CALL, wanted -> {
            long total = wanted.stream().mapToLong(Integer::longValue).sum();
            return complaints.advanceSequence(ComplaintService.REFERENCE_SEQUENCE, total).map(last -> {
                List<Long> firsts = new ArrayList<>(wanted.size());
                long next = last - total + 1;
                for (int count : wanted) {
                    firsts.add(next);
                    next += count;
                }
                return firsts;
            });
        });
    }

    /** A reference number no complaint had or will have. */
    public Uni<Long> next() {
        return numbers.call(1);
    }
}
