package io.tikun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProposedIndexesTest {

    /** The repository's root: the benchmark module's tests run in deploy/benchmark. */
    private static final Path REPOSITORY = Path.of("../..");

    @Test
    void measuresTheMillionCaseMigrationsIndexesAndLeavesTheOtherMigrationsAlone() throws IOException {
        List<ProposedIndexes.Migration> migrations = ProposedIndexes.read(REPOSITORY).migrations();

        assertThat(migrations).extracting(ProposedIndexes.Migration::file).containsExactly(
                "V34__million_case_indexes.sql", "V35__million_case_active_filters.sql",
                "V39__report_covering_indexes.sql", "V40__unanswered_unresolved_indexes.sql",
                "V41__case_change_feed_index.sql");
        ProposedIndexes.Migration reports = migrations.get(2);
        assertThat(reports.schema()).isEqualTo("routing");
        assertThat(reports.indexes()).containsExactly("support_case_opened_report_idx", "escalation_step_report_idx",
                "support_case_first_responded_report_idx", "support_case_resolved_report_idx");
        assertThat(reports.statements()).hasSize(4).allSatisfy(statement -> assertThat(statement).startsWith("create index"));
    }
}
