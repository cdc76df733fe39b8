package io.tikun.followup.commitment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Which commitments to list, already validated: every filter is optional (null or empty means any).
 *
 * @param dueAfter due at or after this instant
 * @param dueBefore due strictly before this instant, so consecutive windows do not overlap
 * @param page zero-based
 */
public record CommitmentQuery(String owner, List<CommitmentStatus> statuses, Instant dueAfter, Instant dueBefore,
        UUID caseId, int page, int size, SortField sortBy, boolean descending) {

    /** The fields a listing can be sorted by, named as in the API. */
    public enum SortField {
        DUE_AT("dueAt"),
        MADE_AT("madeAt"),
        UPDATED_AT("updatedAt"),
        STATUS("status"),
        OWNER("owner");

        private final String apiName;

        SortField(String apiName) {
            this.apiName = apiName;
        }

        /** The name in {@code sort=} and the entity's field name. */
        public String apiName() {
            return apiName;
        }

        public static SortField ofApiName(String name) {
            for (SortField field : values()) {
                if (field.apiName.equals(name)) {
                    return field;
                }
            }
            throw new IllegalArgumentException("no sort field " + name);
        }
    }

    public CommitmentQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        Objects.requireNonNull(sortBy, "sortBy");
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, not " + page + " and " + size);
        }
    }
}
