package io.tikun.routing.workspace;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.agents.AgentDirectory;
import io.tikun.routing.cases.Actor;
import io.tikun.routing.cases.CaseWorkflowService;
import io.tikun.routing.outbox.OutboxRelay;

/**
 * Runs a case page's action through the same workflow as the REST API, with the version the page showed as the
 * expected one, then does what the API does once the change is committed (metrics, the agent directory, publishing
 * the events).
 */
@ApplicationScoped
public class WorkspaceActions {

    private final CaseWorkflowService workflow;
    private final OutboxRelay relay;
    private final AgentDirectory agents;

    public WorkspaceActions(CaseWorkflowService workflow, OutboxRelay relay, AgentDirectory agents) {
        this.workflow = workflow;
        this.relay = relay;
        this.agents = agents;
    }

    /** Runs the action; {@code draft} holds what the form sent (the text, and for a resolution the two choices). */
    public Uni<UUID> run(WorkspaceAction action, UUID id, long version, Actor actor, CasePage.Draft draft) {
        return Uni.createFrom().deferred(() -> start(action, id, version, actor, draft))
                .invoke(changed -> changed.onCommitted().run())
                .call(() -> agents.remember(actor.user(), actor.name(), actor.email()).onFailure()
                        .invoke(e -> Log.warnf("Could not remember agent %s: %s", actor.user(), e.getMessage()))
                        .onFailure().recoverWithNull())
                .call(changed -> relay.publishNow(changed.outboxIds()))
                .map(CaseWorkflowService.Changed::caseId);
    }

    private Uni<CaseWorkflowService.Changed> start(WorkspaceAction action, UUID id, long version, Actor actor,
            CasePage.Draft draft) {
        String text = draft.text();
        return switch (action) {
            case CLAIM -> workflow.claim(id, version, actor.user(), actor.actsOnEveryCase());
            case REPLY -> workflow.reply(id, version, actor, text);
            case NOTE -> workflow.note(id, version, actor, text);
            case WAIT -> workflow.waitOnCustomer(id, version, actor);
            case RESUME -> workflow.resume(id, version, actor);
            case RESOLVE -> workflow.resolve(id, version, actor, text, draft.category(), draft.rootCause());
            case REOPEN -> workflow.reopen(id, version, actor, text);
        };
    }
}
