package io.tikun.routing.workspace;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.canned.CannedResponseView;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.CaseView;
import io.tikun.routing.cases.DeliveryStatus;
import io.tikun.routing.cases.MessageAuthor;
import io.tikun.routing.cases.MessageDirection;
import io.tikun.routing.cases.MessageKind;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;

/** Lets the workspace's templates read the types of other packages they show. */
@TemplateData(target = CaseView.class)
@TemplateData(target = CaseView.Customer.class)
@TemplateData(target = CaseView.Step.class)
@TemplateData(target = CaseView.Message.class)
@TemplateData(target = CannedResponseView.class)
@TemplateData(target = CaseStatus.class)
@TemplateData(target = Severity.class)
@TemplateData(target = EscalationLevel.class)
@TemplateData(target = MessageKind.class)
@TemplateData(target = MessageAuthor.class)
@TemplateData(target = MessageDirection.class)
@TemplateData(target = DeliveryStatus.class)
@TemplateData(target = SlaCountdown.Tone.class)
final class WorkspaceTemplateData {

    private WorkspaceTemplateData() {
    }
}
