package io.tikun.intake.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.customer.CustomerRepository;
import io.tikun.intake.problem.NotFoundProblem;

/** A customer's contact history across channels, newest first: one call away for whoever picks up the phone. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "manager", "admin" })
@Tag(name = "Customers")
public class CustomerTimelineResource {

    private final CustomerRepository customers;
    private final ComplaintRepository complaints;
    private final TimelineRepository events;

    public CustomerTimelineResource(CustomerRepository customers, ComplaintRepository complaints,
            TimelineRepository events) {
        this.customers = customers;
        this.complaints = complaints;
        this.events = events;
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Every complaint and message of the customer across channels, and what routing and "
            + "follow-up did about them, newest first; includes the customers merged into this one")
    public Uni<List<TimelineEntry>> timeline(@RestPath String id) {
        return customers.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No customer with id " + id))
                .chain(customer -> customers.mergedInto(id))
                .map(merged -> {
                    List<String> ids = new ArrayList<>(merged);
                    ids.add(id);
                    return ids;
                })
                .chain(ids -> complaints.threadsOf(ids)
                        .chain(threads -> events.ofCustomers(ids).map(enrichment -> entries(threads, enrichment))));
    }

    static List<TimelineEntry> entries(List<ComplaintRepository.ComplaintThread> threads, List<TimelineEntry> enrichment) {
        List<TimelineEntry> entries = new ArrayList<>(enrichment);
        for (ComplaintRepository.ComplaintThread thread : threads) {
            var c = thread.complaint();
            entries.add(new TimelineEntry(TimelineEntry.Kind.COMPLAINT, c.receivedAt(), c.channel(), c.id(),
                    c.reference(), c.subject(), c.body(), c.assessment().severity(), null, null, null, null,
                    c.classification()));
            thread.messages().forEach(m -> entries.add(TimelineEntry.contact(TimelineEntry.Kind.MESSAGE, m.receivedAt(),
                    m.channel(), c.id(), c.reference(), null, m.body(), null)));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }
}
