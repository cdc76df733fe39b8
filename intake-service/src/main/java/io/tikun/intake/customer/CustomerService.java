package io.tikun.intake.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.problem.NotFoundProblem;
import io.tikun.intake.store.GroupedCalls;

/** Ties what a channel knows about a person to one customer record, and lets managers set its value tier. */
@ApplicationScoped
public class CustomerService {

    private static final int MOST_REMEMBERED_PER_WRITE = 256;

    private final CustomerRepository customers;
    private final PhoneNumberNormalizer phones;
    private final Clock clock;
    private final int rememberedComplaints;
    /** Complaints remembered together when they arrive together: one bulk of updates per round trip. */
    private final GroupedCalls<CustomerRepository.ComplaintOf, Void> remembering;

    public CustomerService(CustomerRepository customers, PhoneNumberNormalizer phones, Clock clock,
            IntakeConfig config) {
        this.customers = customers;
        this.phones = phones;
        this.clock = clock;
        this.rememberedComplaints = config.severity().repeat().remembered();
        this.remembering = new GroupedCalls<>(MOST_REMEMBERED_PER_WRITE, complaints -> customers
                .rememberComplaints(complaints, rememberedComplaints)
                .map(written -> Collections.nCopies(complaints.size(), null)));
    }

    /** Records a complaint of the customer, for the repeat-complaint count of the next one. */
    public Uni<Void> rememberComplaint(String customerId, Instant receivedAt) {
        return remembering.call(new CustomerRepository.ComplaintOf(customerId, receivedAt));
    }

    /**
     * The customer of this identity. A phone number in any notation ("054-1234567", "+972 54 123 4567",
     * WhatsApp's "972541234567") becomes the identifier {@code phone:+972541234567}, so the same
     * person on the web form and on WhatsApp is one customer; a number that is not valid is kept as
     * written but identifies nobody.
     */
    public Uni<CustomerProfile> resolve(CustomerIdentity identity, Instant now) {
        List<String> keys = new ArrayList<>(List.of(identity.key()));
        CustomerIdentity normalized = identity;
        var e164 = phones.e164(identity.phone());
        if (e164.isPresent()) {
            String phoneKey = CustomerIdentity.phoneKey(e164.get());
            if (!phoneKey.equals(identity.key())) {
                keys.add(phoneKey);
            }
            normalized = identity.withPhone(e164.get());
        }
        return customers.resolve(keys, normalized, now);
    }

    /** A provisional customer for contact details typed into the anonymous form (see CustomerRepository). */
    public Uni<CustomerProfile> provisional(CustomerIdentity identity, Instant now) {
        return customers.createProvisional(phones.e164(identity.phone()).map(identity::withPhone).orElse(identity), now);
    }

    public Uni<CustomerProfile> profile(String id) {
        return customers.findProfile(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No customer with id " + id));
    }

    public Uni<CustomerProfile> setTier(String id, CustomerTier tier) {
        return customers.setTier(id, tier, clock.instant())
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No customer with id " + id));
    }
}
