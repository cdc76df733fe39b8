package io.tikun.followup.commitment;

import static io.tikun.followup.problem.QueryParameters.instant;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import org.jboss.resteasy.reactive.RestQuery;

import io.tikun.followup.problem.QueryParameters;

/**
 * The query parameters of the commitment listing, taken as text and checked by pattern, so that a bad value is
 * answered with a 400 problem naming the parameter (see {@link QueryParameters}).
 */
public class CommitmentListParameters {

    static final int DEFAULT_PAGE_SIZE = 20;
    /** The largest page; also spelled out in {@link #SIZE}. */
    static final int MAX_PAGE_SIZE = 100;

    static final String STATUS_NAME = "OPEN|DUE_SOON|OVERDUE|CLAIMED_DONE|VERIFIED|DISPUTED|BROKEN|UNCONFIRMED";
    static final String STATUSES = "(" + STATUS_NAME + ")(,(" + STATUS_NAME + "))*";
    static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String SIZE = "[1-9]\\d?|100";
    static final String SORT = "-?(dueAt|madeAt|updatedAt|status|owner)";

    @RestQuery
    String owner;

    @RestQuery
    @Pattern(regexp = STATUSES, message = "must be one or more of " + STATUS_NAME + ", separated by commas")
    String status;

    @RestQuery
    @Pattern(regexp = QueryParameters.INSTANT, message = QueryParameters.INSTANT_MESSAGE)
    String dueBefore;

    @RestQuery
    @Pattern(regexp = QueryParameters.INSTANT, message = QueryParameters.INSTANT_MESSAGE)
    String dueAfter;

    @RestQuery
    @Pattern(regexp = UUID_TEXT, message = "must be a UUID")
    String caseId;

    @RestQuery
    @Pattern(regexp = QueryParameters.PAGE, message = QueryParameters.PAGE_MESSAGE)
    String page;

    @RestQuery
    @Pattern(regexp = SIZE, message = "must be a whole number from 1 to " + MAX_PAGE_SIZE)
    String size;

    @RestQuery
    @Pattern(regexp = SORT, message = "must be dueAt, madeAt, updatedAt, status or owner, with '-' in front for "
            + "descending order")
    String sort;

    /** The query these (already pattern-checked) parameters describe. */
    CommitmentQuery toQuery() {
        List<CommitmentStatus> statuses = status == null || status.isBlank() ? List.of()
                : Arrays.stream(status.split(",")).map(CommitmentStatus::valueOf).toList();
        boolean descending = sort != null && sort.startsWith("-");
        CommitmentQuery.SortField sortBy = sort == null ? CommitmentQuery.SortField.DUE_AT
                : CommitmentQuery.SortField.ofApiName(descending ? sort.substring(1) : sort);
        return new CommitmentQuery(owner == null || owner.isBlank() ? null : owner.strip(), statuses,
                instant("dueAfter", dueAfter), instant("dueBefore", dueBefore),
                caseId == null ? null : UUID.fromString(caseId), page == null ? 0 : Integer.parseInt(page),
                size == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(size), sortBy, descending);
    }
}
