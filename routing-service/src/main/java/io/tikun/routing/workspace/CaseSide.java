package io.tikun.routing.workspace;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.agents.AgentDirectory;
import io.tikun.routing.customer.CustomerPanel;
import io.tikun.routing.promise.PromiseRow;

/**
 * What the case page shows besides the case: its promises, the customer panel and, for managers, whom the case can be
 * assigned to. All of it is read from routing's own tables, so the page opens while intake and follow-up are down.
 */
@TemplateData
public record CaseSide(List<PromiseRow> promises, CustomerPanel customer, List<AgentDirectory.Agent> agents) {

    /** The assign form's choices: the known agents, and the current assignee even when not (yet) among them. */
    public List<AgentDirectory.Agent> assignees(String current) {
        if (current == null || agents.stream().anyMatch(a -> a.username().equals(current))) {
            return agents;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(new AgentDirectory.Agent(current, current)),
                agents.stream()).toList();
    }
}
