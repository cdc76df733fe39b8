package io.tikun.followup.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.BadRequestException;

import org.junit.jupiter.api.Test;

/** The listing's query parameters, read once the patterns have let them through. */
class CommitmentListParametersTest {

    @Test
    void theStatusPatternNamesEveryStatus() {
        for (CommitmentStatus status : CommitmentStatus.values()) {
            assertThat(status.name()).matches(CommitmentListParameters.STATUSES);
        }
        assertThat("OPEN,OVERDUE").matches(CommitmentListParameters.STATUSES);
        assertThat("OPEN,").doesNotMatch(CommitmentListParameters.STATUSES);
    }

    @Test
    void theSizePatternAllowsOneToTheMaximum() {
        assertThat("1").matches(CommitmentListParameters.SIZE);
        assertThat(String.valueOf(CommitmentListParameters.MAX_PAGE_SIZE)).matches(CommitmentListParameters.SIZE);
        assertThat("0").doesNotMatch(CommitmentListParameters.SIZE);
        assertThat(String.valueOf(CommitmentListParameters.MAX_PAGE_SIZE + 1))
                .doesNotMatch(CommitmentListParameters.SIZE);
    }

    @Test
    void defaultsToTheFirstPageByDueDate() {
        CommitmentQuery query = new CommitmentListParameters().toQuery();

        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(CommitmentListParameters.DEFAULT_PAGE_SIZE);
        assertThat(query.sortBy()).isEqualTo(CommitmentQuery.SortField.DUE_AT);
        assertThat(query.descending()).isFalse();
    }

    @Test
    void readsEveryFilter() {
        CommitmentListParameters parameters = new CommitmentListParameters();
        parameters.owner = "yossi";
        parameters.status = "OVERDUE,BROKEN";
        parameters.dueAfter = "2026-11-01T00:00:00+02:00";
        parameters.dueBefore = "2026-12-01T00:00:00Z";
        parameters.page = "2";
        parameters.size = "5";
        parameters.sort = "-madeAt";

        CommitmentQuery query = parameters.toQuery();

        assertThat(query.owner()).isEqualTo("yossi");
        assertThat(query.statuses()).isEqualTo(List.of(CommitmentStatus.OVERDUE, CommitmentStatus.BROKEN));
        assertThat(query.dueAfter()).isEqualTo(Instant.parse("2026-10-31T22:00:00Z"));
        assertThat(query.dueBefore()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(5);
        assertThat(query.sortBy()).isEqualTo(CommitmentQuery.SortField.MADE_AT);
        assertThat(query.descending()).isTrue();
    }

    @Test
    void namesAnImpossibleDateItsPatternLetThrough() {
        CommitmentListParameters parameters = new CommitmentListParameters();
        parameters.dueBefore = "2026-13-01T00:00:00Z";

        assertThatThrownBy(parameters::toQuery).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'dueBefore'");
    }
}
