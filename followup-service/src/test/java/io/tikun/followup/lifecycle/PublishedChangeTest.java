package io.tikun.followup.lifecycle;

import static io.tikun.followup.commitment.CommitmentStatus.CLAIMED_DONE;
import static io.tikun.followup.commitment.CommitmentStatus.DISPUTED;
import static io.tikun.followup.commitment.CommitmentStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.tikun.followup.commitment.CommitmentStatus;

class PublishedChangeTest {

    @Test
    void announcesOnTheCommitmentsUpdatedTopic() {
        assertThat(PublishedChange.TOPIC).isEqualTo("commitments.updated");
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | DUE_SOON     | due-soon
            DUE_SOON     | OVERDUE      | overdue
            OVERDUE      | CLAIMED_DONE | claimed-done
            CLAIMED_DONE | VERIFIED     | verified
            CLAIMED_DONE | DISPUTED     | disputed
            CLAIMED_DONE | BROKEN       | broken
            OVERDUE      | BROKEN       | broken
            DISPUTED     | OPEN         | reopened
            CLAIMED_DONE | UNCONFIRMED  | unconfirmed
            """)
    void namesEachStatusChangeAsTheEventContractDoes(CommitmentStatus from, CommitmentStatus to, String change) {
        assertThat(PublishedChange.forTransition(from, to)).map(PublishedChange::wireName).contains(change);
    }

    @ParameterizedTest
    @EnumSource(CommitmentStatus.class)
    void doesNotAnnounceTheCreationOfACommitment(CommitmentStatus to) {
        assertThat(PublishedChange.forTransition(null, to)).isEmpty();
    }

    @Test
    void doesNotAnnounceAStatusThatDidNotChange() {
        assertThat(PublishedChange.forTransition(CLAIMED_DONE, CLAIMED_DONE)).isEmpty();
    }

    @Test
    void callsAReturnToOpenAReopening() {
        assertThat(PublishedChange.forTransition(DISPUTED, OPEN)).contains(PublishedChange.REOPENED);
    }

    @Test
    void givesEveryChangeADistinctKebabCaseName() {
        assertThat(Stream.of(PublishedChange.values()).map(PublishedChange::wireName))
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"))
                .containsExactlyInAnyOrder("due-soon", "overdue", "claimed-done", "verified", "disputed", "broken",
                        "reopened", "unconfirmed");
    }
}
