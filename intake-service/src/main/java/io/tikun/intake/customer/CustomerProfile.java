package io.tikun.intake.customer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A customer record as agents see it: contact details, value tier, every identifier that leads to
 * it, and the merges it went through ({@code mergedInto} is set on a duplicate merged away). A
 * {@code provisional} customer stands for an address typed into the anonymous form whose owner has not
 * confirmed the complaint yet: it owns no identifiers, so it is nobody's history.
 */
public record CustomerProfile(String id, String name, String email, String phone, CustomerTier tier,
        List<String> identities, List<String> handles, String mergedInto, List<Merge> merges, Instant createdAt,
        Instant updatedAt, @JsonIgnore List<Instant> recentComplaints, boolean provisional) {

    /** One duplicate merged into this customer: by whom and when. */
    public record Merge(String duplicateCustomerId, String mergedBy, Instant mergedAt) {
    }

    /**
     * How many of the customer's latest complaints (the newest ones the record remembers, see
     * CustomerRepository#rememberComplaints) were received at or after {@code since}.
     */
    public long complaintsSince(Instant since) {
        return recentComplaints.stream().filter(at -> !at.isBefore(since)).count();
    }

    /** The customer as a complaint carries it. */
    public Customer summary() {
        return new Customer(id, name, email, phone);
    }
}
