package io.tikun.intake.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.customer.CustomerRepository;
import io.tikun.intake.events.ComplaintReceived;
import io.tikun.intake.events.EventPublisher;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.problem.IdempotencyKeyReusedProblem;
import io.tikun.intake.problem.NotFoundProblem;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityAssessment;
import io.tikun.intake.severity.SeverityJudge;

/** Receives complaints: resolves the customer, judges severity, stores and announces them. */
@ApplicationScoped
public class ComplaintService {

    static final String REFERENCE_SEQUENCE = "complaint-reference";
    private static final String REFERENCE_FORMAT = "%s-%06d";

    private final ComplaintRepository complaints;
    private final CustomerRepository customers;
    private final SeverityJudge judge;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;
    private final IntakeConfig config;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, CustomerRepository customers, SeverityJudge judge,
            EventPublisher publisher, ObjectMapper mapper, IntakeConfig config, Clock clock) {
        this.complaints = complaints;
        this.customers = customers;
        this.judge = judge;
        this.publisher = publisher;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** The outcome of a submission: a new complaint, or the one this delivery repeats. */
    public record Submission(Complaint complaint, boolean created) {
    }

    /**
     * Accepts a web complaint. The same {@code idempotencyKey} delivered again yields the
     * complaint it created the first time, never a second one.
     */
    public Uni<Submission> submit(NewComplaintRequest request, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : "web:" + idempotencyKey.strip();
        return complaints.findByIdempotencyKey(key)
                .onItem().ifNotNull().transform(existing -> repeated(existing, request))
                .onItem().ifNull().switchTo(() -> create(request, key));
    }

    private Uni<Submission> create(NewComplaintRequest request, String key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NewComplaintRequest.CustomerDetails who = request.customer();
        SeverityAssessment assessment = judge.judge(request.subject(), request.body());
        return customers.resolveByEmail(who.name(), who.email(), who.phone(), now)
                .chain(customer -> complaints.nextSequence(REFERENCE_SEQUENCE)
                        .map(sequence -> new Complaint(UUID.randomUUID().toString(),
                                REFERENCE_FORMAT.formatted(config.referencePrefix(), sequence), "web", customer,
                                request.subject().strip(), request.body().strip(), assessment, now,
                                now.plus(firstResponseTarget(assessment.severity())), key, request.fingerprint())))
                .chain(complaint -> store(complaint, request, now));
    }

    private static Submission repeated(Complaint existing, NewComplaintRequest request) {
        if (!request.fingerprint().equals(existing.requestFingerprint())) {
            throw new IdempotencyKeyReusedProblem(
                    "This Idempotency-Key was already used for a different complaint (" + existing.reference() + ").");
        }
        return new Submission(existing, false);
    }

    private Uni<Submission> store(Complaint complaint, NewComplaintRequest request, Instant now) {
        OutboxEvent event = receivedEvent(complaint, now);
        return complaints.insert(complaint, List.of(event))
                .chain(() -> publishInline(complaint.id(), event))
                .replaceWith(new Submission(complaint, true))
                // A concurrent delivery with the same idempotency key won the insert: answer with its complaint.
                .onFailure(ComplaintRepository::isDuplicateKey)
                .recoverWithUni(() -> complaints.findByIdempotencyKey(complaint.idempotencyKey())
                        .map(existing -> repeated(existing, request)));
    }

    /**
     * Publishes right away so the complaint is routed within milliseconds; if the broker does
     * not acknowledge, the event stays pending in the document and the outbox relay retries it.
     */
    private Uni<Void> publishInline(String complaintId, OutboxEvent event) {
        return publisher.publish(event)
                .ifNoItem().after(config.outbox().inlineTimeout()).fail()
                .chain(() -> complaints.markPublished(complaintId, event.id()))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Event %s for complaint %s not published yet (%s); the outbox relay will retry",
                            event.id(), complaintId, failure.getMessage());
                    return null;
                });
    }

    public Uni<Complaint> get(String id) {
        return complaints.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No complaint with id " + id));
    }

    Duration firstResponseTarget(Severity severity) {
        IntakeConfig.FirstResponse targets = config.firstResponse();
        return switch (severity) {
            case CRITICAL -> targets.critical();
            case HIGH -> targets.high();
            case MEDIUM -> targets.medium();
            case LOW -> targets.low();
        };
    }

    private OutboxEvent receivedEvent(Complaint c, Instant now) {
        Customer customer = c.customer();
        ComplaintReceived event = new ComplaintReceived(c.id(), c.reference(), c.channel(),
                new ComplaintReceived.CustomerRef(customer.id(), customer.name(), customer.email(), customer.phone()),
                c.subject(), c.body(), c.assessment().severity(), c.assessment().reasons(), c.receivedAt(),
                c.expectedResponseBy());
        try {
            return new OutboxEvent(UUID.randomUUID().toString(), ComplaintReceived.TYPE, ComplaintReceived.TOPIC,
                    customer.id(), mapper.writeValueAsString(event), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + ComplaintReceived.TYPE, e);
        }
    }
}
