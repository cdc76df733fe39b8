package io.tikun.followup.complaint;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** The complaints follow-up knows of, per customer. */
@ApplicationScoped
@WithSession
public class CustomerComplaintRepository implements PanacheRepositoryBase<CustomerComplaint, String> {

    /**
     * The language intake detected in this complaint, or else in the customer's latest complaint whose language it
     * could tell; null when follow-up knows none (e.g. the promise arrived before its complaint, or every complaint
     * came before intake sent languages). Joins the caller's session.
     */
    public Uni<String> knownLanguage(String complaintId, String customerId) {
        if (complaintId == null && customerId == null) {
            return Uni.createFrom().nullItem();
        }
        // The complaint itself first, then the customer's others, newest first.
        return find("""
                (complaintId = :complaint or customerId = :customer)
                and language is not null and language <> :undetermined
                order by case when complaintId = :complaint then 0 else 1 end, receivedAt desc""",
                Parameters.with("complaint", complaintId == null ? "" : complaintId)
                        .and("customer", customerId == null ? "" : customerId)
                        .and("undetermined", ComplaintReceived.UNDETERMINED_LANGUAGE))
                .firstResult()
                .map(complaint -> complaint == null ? null : complaint.language);
    }

    public Uni<List<CustomerComplaint>> forCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("customerId in ?1 order by receivedAt", customerIds);
    }

    /** The complaint a case was opened for (the latest, should a case ever carry several). Joins the caller's session. */
    public Uni<CustomerComplaint> forCase(UUID caseId) {
        return find("caseId = ?1 order by receivedAt desc", caseId).firstResult();
    }
}
