package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tikun.routing.cases.CaseQuery;

class InboxFilterTest {

    private static InboxFilter agent(String queue, String customer, boolean inTeam) {
        return InboxFilter.of(queue, null, null, "any", null, false, false, 0, customer, false, inTeam);
    }

    @Test
    void theTeamQueueAsksForTheCasesAnyTeammateHolds() {
        InboxFilter team = agent("team", null, true);
        assertThat(team.queue()).isEqualTo(InboxFilter.Queue.TEAM);
        CaseQuery query = team.toQuery("noa", Set.of("noa", "tal"));
        assertThat(query.assignees()).containsExactlyInAnyOrder("noa", "tal");
        assertThat(query.assignee()).isNull();
    }

    @Test
    void someoneInNoTeamAskingForTheTeamQueueGetsTheirOwn() {
        assertThat(agent("team", null, false).queue()).isEqualTo(InboxFilter.Queue.MINE);
        assertThat(agent("mine", null, true).toQuery("noa", Set.of("noa", "tal")).assignees()).isNull();
    }

    @Test
    void anAgentMaySeeEveryCaseOfOneCustomerButNotEveryCase() {
        InboxFilter customer = agent("all", "cust-42", false);
        assertThat(customer.queue()).isEqualTo(InboxFilter.Queue.ALL);
        assertThat(customer.toQuery("noa", Set.of()).customerId()).isEqualTo("cust-42");
        assertThat(customer.onPage(2)).isEqualTo("?queue=all&status=any&customer=cust-42&page=2");
        assertThat(agent("all", null, false).queue()).isEqualTo(InboxFilter.Queue.MINE);
    }

    @Test
    void aBlankOrOverlongCustomerIsIgnored() {
        assertThat(agent("all", "  ", false).customer()).isNull();
        assertThat(agent("all", "c".repeat(InboxFilter.MAX_CUSTOMER + 1), false).customer()).isNull();
        assertThat(agent("all", " cust-7 ", false).customer()).isEqualTo("cust-7");
    }
}
