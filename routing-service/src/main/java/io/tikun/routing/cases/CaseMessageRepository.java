package io.tikun.routing.cases;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The conversation on cases after the complaint. */
@ApplicationScoped
@WithSession
public class CaseMessageRepository implements PanacheRepositoryBase<CaseMessage, UUID> {

    public Uni<List<CaseMessage>> of(UUID caseId) {
        return list("caseId = ?1 order by receivedAt, id", caseId);
    }

    public Uni<Boolean> known(String messageId) {
        return count("messageId", messageId).map(n -> n > 0);
    }

    /** The message {@code id} of case {@code caseId}, locked for a change; null when the case has no such message. */
    public Uni<CaseMessage> lockOnCase(UUID caseId, UUID id) {
        return find("id = ?1 and caseId = ?2", id, caseId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The message with this id, locked for the update of its delivery status; null when unknown. */
    public Uni<CaseMessage> lockByMessageId(String messageId) {
        return find("messageId", messageId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** How many of the case's messages failed to reach the customer. */
    public Uni<Long> failedDeliveries(UUID caseId) {
        return count("caseId = ?1 and deliveryStatus = ?2", caseId, DeliveryStatus.FAILED);
    }

    /** Which of these message ids are stored already. */
    public Uni<List<String>> knownAmong(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session
                .createSelectionQuery("select m.messageId from CaseMessage m where m.messageId in :ids", String.class)
                .setParameter("ids", messageIds).getResultList());
    }
}
