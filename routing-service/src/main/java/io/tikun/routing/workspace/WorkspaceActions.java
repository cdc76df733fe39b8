package io.tikun.routing.workspace;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.agents.AgentDirectory;
import io.tikun.routing.cases.Actor;
import io.tikun.routing.cases.CaseWorkflowService;
import io.tikun.routing.commitment.CommitmentService;
import io.tikun.routing.commitment.NewCommitmentRequest;
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
    private final CommitmentService commitments;

    public WorkspaceActions(CaseWorkflowService workflow, OutboxRelay relay, AgentDirectory agents,
            CommitmentService commitments) {
        this.commitments = commitments;
        this.workflow = workflow;
        this.relay = relay;
        this.agents = agents;
    }

    /** Runs the action; {@code draft} holds what the form sent (the text, and for a resolution the two choices). */
    public Uni<UUID> run(WorkspaceAction action, UUID id, long version, Actor actor, CasePage.Draft draft) {
        return committed(Uni.createFrom().deferred(() -> start(action, id, version, actor, draft)), actor);
    }

    /** A manager gives the case to {@code assignee} (the REST API's {@code PUT .../assignee}). */
    public Uni<UUID> assign(UUID id, long version, Actor actor, String assignee) {
        return committed(Uni.createFrom().deferred(() -> workflow.assign(id, version, assignee)), actor);
    }

    /** A promise made on the case, as the REST API makes it, refused when the case changed since the page showed it. */
    public Uni<UUID> promise(UUID id, long version, Actor actor, NewCommitmentRequest request) {
        return Uni.createFrom().deferred(() -> commitments.make(id, request, actor, version))
                .call(() -> remember(actor))
                .call(made -> relay.publishNow(made.outboxIds()))
                .map(made -> made.commitment().caseId());
    }

    private Uni<Void> remember(Actor actor) {
        return agents.remember(actor.user(), actor.name(), actor.email()).onFailure()
                .invoke(e -> Log.warnf("Could not remember agent %s: %s", actor.user(), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<UUID> committed(Uni<CaseWorkflowService.Changed> change, Actor actor) {
        return change
                .invoke(changed -> changed.onCommitted().run())
                .call(() -> remember(actor))
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
