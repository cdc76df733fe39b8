package io.tikun.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tikun.routing.escalation.Severity;

class CaseQueryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private static CaseQuery teamOverdueQueue() {
        return new CaseQuery(null, Severity.HIGH, null, null, null, false, true, CaseQuery.CaseOrder.NEXT_DUE, "WEB",
                true, List.of("bob", "dana"), null);
    }

    @Test
    void theSqlConditionNamesTheTablesColumnsBindsEnumsByTheirStoredNameAndWritesUnresolvedAsALiteral() {
        Map<String, Object> parameters = new HashMap<>();

        String where = teamOverdueQueue().where(NOW, parameters, CaseQuery.Naming.SQL);

        assertThat(where).isEqualTo("severity = :severity and channel = :channel and assignee in (:assignees)"
                + " and status <> 'RESOLVED' and first_responded_at is null and first_response_due_at < :now"
                + " and case when first_responded_at is null then first_response_due_at"
                + " else coalesce(resolution_due_at, first_response_due_at) end < :now");
        assertThat(parameters).doesNotContainKey("resolved").containsEntry("severity", "HIGH")
                .containsEntry("channel", "WEB").containsEntry("now", NOW)
                .containsEntry("assignees", List.of("bob", "dana"));
    }

    @Test
    void theHqlConditionNamesTheEntitysFieldsBindsEnumsAsThemselvesAndWritesUnresolvedAsALiteral() {
        Map<String, Object> parameters = new HashMap<>();

        String where = teamOverdueQueue().where(NOW, parameters);

        assertThat(where).startsWith("severity = :severity and channel = :channel and assignee in (:assignees)")
                .contains("status <> io.tikun.routing.cases.CaseStatus.RESOLVED")
                .contains("firstRespondedAt is null and firstResponseDueAt < :now");
        assertThat(parameters).containsEntry("severity", Severity.HIGH).doesNotContainKey("resolved");
    }

    @Test
    void aTeamWithoutMembersHoldsNoCaseAndNoFilterMatchesEveryCase() {
        CaseQuery emptyTeam = new CaseQuery(null, null, null, null, null, false, false, CaseQuery.CaseOrder.DUE, null,
                false, List.of(), null);
        CaseQuery everything = new CaseQuery(null, null, null, null, null, false, false, CaseQuery.CaseOrder.DUE);

        assertThat(emptyTeam.where(NOW, new HashMap<>(), CaseQuery.Naming.SQL)).isEqualTo("1 = 0");
        assertThat(everything.where(NOW, new HashMap<>(), CaseQuery.Naming.SQL)).isEqualTo("1 = 1");
    }
}
