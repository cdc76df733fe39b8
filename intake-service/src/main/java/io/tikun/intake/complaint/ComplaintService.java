package io.tikun.intake.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.acknowledgement.AcknowledgementComposer;
import io.tikun.intake.acknowledgement.AcknowledgementMail;
import io.tikun.intake.classification.ComplaintClassifier;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.customer.CustomerIdentity;
import io.tikun.intake.customer.CustomerProfile;
import io.tikun.intake.customer.CustomerService;
import io.tikun.intake.deadline.FirstResponseDeadline;
import io.tikun.intake.events.ComplaintMessageAdded;
import io.tikun.intake.events.ComplaintReceived;
import io.tikun.intake.events.OutboundSender;
import io.tikun.intake.events.OutboxEvent;
import io.tikun.intake.events.SocialReplyRequested;
import io.tikun.intake.events.UrgentLane;
import io.tikun.intake.language.LanguageDetector;
import io.tikun.intake.probe.ProbeMark;
import io.tikun.intake.probe.ProbeMarker;
import io.tikun.intake.problem.IdempotencyKeyReusedProblem;
import io.tikun.intake.problem.NotFoundProblem;
import io.tikun.intake.severity.Exposure;
import io.tikun.intake.severity.SeverityAssessment;
import io.tikun.intake.severity.SeverityContext;
import io.tikun.intake.severity.SeverityJudge;

/** Receives complaints: resolves the customer, judges severity, classifies, stores and announces them. */
@ApplicationScoped
public class ComplaintService {

    static final String REFERENCE_SEQUENCE = "complaint-reference";
    static final String WEB = ComplaintChannel.WEB.wire();
    static final String EMAIL = ComplaintChannel.EMAIL.wire();
    private static final String REFERENCE_FORMAT = "%s-%06d";
    /** Numbers a new complaint tries before it fails for want of a free reference. */
    private static final int REFERENCE_ATTEMPTS = 3;

    private final ComplaintRepository complaints;
    private final ReferenceNumbers referenceNumbers;
    private final CustomerService customers;
    private final LanguageDetector languages;
    private final FirstResponseDeadline deadlines;
    private final SeverityJudge judge;
    private final ComplaintClassifier classifier;
    private final OutboundSender publisher;
    private final InlineOutbound outbox;
    private final AcknowledgementComposer acknowledgements;
    private final ObjectMapper mapper;
    private final UrgentLane lanes;
    private final IntakeConfig config;
    private final ProbeMarker probes;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, ReferenceNumbers referenceNumbers, CustomerService customers,
            LanguageDetector languages, FirstResponseDeadline deadlines, SeverityJudge judge,
            ComplaintClassifier classifier, OutboundSender publisher, InlineOutbound outbox,
            AcknowledgementComposer acknowledgements,
            ObjectMapper mapper, UrgentLane lanes, IntakeConfig config, ProbeMarker probes, Clock clock) {
        this.complaints = complaints;
        this.referenceNumbers = referenceNumbers;
        this.customers = customers;
        this.languages = languages;
        this.deadlines = deadlines;
        this.judge = judge;
        this.classifier = classifier;
        this.publisher = publisher;
        this.outbox = outbox;
        this.acknowledgements = acknowledgements;
        this.mapper = mapper;
        this.lanes = lanes;
        this.config = config;
        this.probes = probes;
        this.clock = clock;
    }

    /** The outcome of a submission: a new complaint, or the one this delivery repeats or continues. */
    public record Submission(Complaint complaint, boolean created, boolean followUp) {

        Submission(Complaint complaint, boolean created) {
            this(complaint, created, false);
        }
    }

    /**
     * Adds the incoming message to {@code existing} as the customer's further message in its
     * thread, announced as {@code tikun.complaint.message-added}; a re-delivery adds nothing.
     */
    public Uni<Submission> continueThread(Complaint existing, IncomingComplaint incoming, List<String> threadKeys) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FollowUpMessage message = new FollowUpMessage(UUID.randomUUID().toString(), incoming.dedupKey(),
                incoming.channel(), incoming.body(), now, incoming.attachments());
        OutboxEvent event = outboxEvent(ComplaintMessageAdded.TYPE,
                lanes.topicFor(existing.assessment().severity()),
                existing.customer().id(), new ComplaintMessageAdded(existing.id(), existing.reference(),
                        existing.customer().id(), message.id(), message.channel(), message.body(), now,
                        message.attachments()),
                now);
        return complaints.appendMessage(existing.id(), message, threadKeys, event)
                .invoke(added -> {
                    if (added) {
                        outbox.sendSoon(existing.id(), List.of(event));
                    }
                })
                .map(added -> new Submission(existing, false, true));
    }

    /**
     * Accepts a web complaint. The same {@code idempotencyKey} delivered again yields the
     * complaint it created the first time, never a second one.
     */
    public Uni<Submission> submit(NewComplaintRequest request, String idempotencyKey) {
        return submit(request, idempotencyKey, null);
    }

    /** Like {@link #submit(NewComplaintRequest, String)}, filed by the authenticated channel client {@code filedBy}. */
    public Uni<Submission> submit(NewComplaintRequest request, String idempotencyKey, String filedBy) {
        return receive(webComplaint(request, idempotencyKey, filedBy));
    }

    /**
     * Accepts a complaint typed into the anonymous form, where anyone may type anyone's address: it gets a
     * provisional customer of its own (not the history, tier or repeat count of whoever owns the address), and the
     * acknowledgement to that address quotes nothing the submitter wrote; it carries {@code confirmationLink}, by which
     * the address owner adds the complaint to their own history.
     */
    public Uni<Submission> submitAnonymously(NewComplaintRequest request, String idempotencyKey,
            Function<Complaint, String> confirmationLink) {
        return receive(webComplaint(request, idempotencyKey, null), new Handling(List.of(), null, confirmationLink));
    }

    private static IncomingComplaint webComplaint(NewComplaintRequest request, String idempotencyKey, String filedBy) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : "web:" + idempotencyKey.strip();
        NewComplaintRequest.CustomerDetails who = request.customer();
        return new IncomingComplaint(WEB, key, request.fingerprint(),
                CustomerIdentity.byEmail(who.name(), who.email(), who.phone()), request.subject().strip(),
                request.body().strip(), false, null, null, null).filedBy(filedBy);
    }

    /**
     * How a new complaint is taken: the thread keys it is found by later, and how it is acknowledged (on the social
     * network by {@code socialReply}; by an e-mail without the submitter's words and with {@code confirmationLink}
     * when its customer is unproven, i.e. provisional; else by the usual e-mail).
     */
    private record Handling(List<String> threadKeys, Function<Complaint, SocialReplyRequested> socialReply,
            Function<Complaint, String> confirmationLink) {

        boolean provisional() {
            return confirmationLink != null;
        }
    }

    /**
     * Accepts a complaint from any channel, once per {@code dedupKey}: a re-delivery of the same
     * provider message or idempotency key yields the complaint the first delivery created.
     */
    public Uni<Submission> receive(IncomingComplaint incoming) {
        return receive(incoming, incoming.threadKeys(), null);
    }

    /**
     * Like {@link #receive(IncomingComplaint)} for a social message: its thread is found later by
     * {@code threadKeys}, and a new complaint is acknowledged on the customer's own network by the
     * reply {@code socialReply} composes (instead of by e-mail).
     */
    public Uni<Submission> receive(IncomingComplaint incoming, List<String> threadKeys,
            Function<Complaint, SocialReplyRequested> socialReply) {
        return receive(incoming, new Handling(threadKeys, socialReply, null));
    }

    private Uni<Submission> receive(IncomingComplaint incoming, Handling handling) {
        if (insertsFirst(incoming, handling)) {
            // The unique index on the key catches a repeat at the insert, which then answers as below (see store).
            return create(incoming, handling);
        }
        return complaints.findByIdempotencyKey(incoming.dedupKey()).chain(existing -> existing == null
                ? create(incoming, handling)
                : again(existing, incoming, handling));
    }

    /**
     * Whether a delivery is stored without first looking its key up: a complaint from a channel client over the API,
     * whose key is repeated only when a client retries, so looking every key up would cost each complaint a round
     * trip to spare the rare retry its work (a retry costs a reference number then: references may have gaps). A
     * provider's message (mail, social) is redelivered routinely, and the anonymous form creates a customer of its own
     * before the insert, so those look first.
     */
    private static boolean insertsFirst(IncomingComplaint incoming, Handling handling) {
        return WEB.equals(incoming.channel()) && !handling.provisional();
    }

    /**
     * A delivery under a key already taken. The same content is a re-delivery: the first complaint. Other content
     * under a key the client chose itself (web Idempotency-Key, form id) is the client's mistake and refused (422, as
     * the IETF Idempotency-Key draft says); under a provider's message id it is another message from the customer
     * (mailers and list software reuse Message-IDs) and becomes its own complaint, keyed by its content.
     */
    private Uni<Submission> again(Complaint existing, IncomingComplaint incoming, Handling handling) {
        if (incoming.fingerprint().equals(existing.requestFingerprint()) || WEB.equals(incoming.channel())) {
            return Uni.createFrom().item(() -> repeated(existing, incoming.fingerprint()));
        }
        Log.infof("%s delivery %s reuses the id of complaint %s with other content: a complaint of its own",
                incoming.channel(), incoming.dedupKey(), existing.reference());
        return receive(incoming.underContentKey(), handling);
    }

    private Uni<Submission> create(IncomingComplaint incoming, Handling handling) {
        return probes.markOf(incoming).chain(probe -> create(incoming, handling, probe));
    }

    /**
     * A new complaint; a probe ({@code probe} not null) gets a provisional customer of its own, so it joins no
     * customer's history, repeat count or tier, and no later message is taken for a customer's.
     */
    private Uni<Submission> create(IncomingComplaint incoming, Handling handling, ProbeMark probe) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Uni<CustomerProfile> who = handling.provisional() || probe != null
                ? customers.provisional(incoming.customer(), now)
                : customers.resolve(incoming.customer(), now);
        // Independent work at once: who the customer is, the language, the next reference number, and what the
        // complaint is about (a long text on a worker thread).
        return Uni.combine().all().unis(who,
                languages.detect(incoming.subject() + "\n" + incoming.body()),
                referenceNumbers.next(),
                classifier.classifyOffLoop(incoming.subject(), incoming.body())).asTuple()
                .map(found -> {
                    CustomerProfile customer = found.getItem1();
                    long earlier = customer.complaintsSince(now.minus(config.severity().repeat().window()));
                    SeverityAssessment assessment = judge.judge(incoming.subject(), incoming.body(), new SeverityContext(
                            new Exposure(incoming.publicPost(), incoming.reach()), earlier, customer.tier(),
                            incoming.recipients()));
                    return new Complaint(UUID.randomUUID().toString(),
                            REFERENCE_FORMAT.formatted(config.referencePrefix(), found.getItem3()),
                            incoming.channel(), customer.summary(), incoming.subject(), incoming.body(), assessment,
                            now, deadlines.due(assessment.severity(), now), incoming.dedupKey(),
                            incoming.fingerprint(), incoming.publicPost(), incoming.reach(),
                            incoming.conversationId(), found.getItem2(), incoming.damage(), incoming.filedBy(),
                            incoming.attachments(), found.getItem4(), probe);
                })
                .chain(complaint -> store(complaint, incoming, handling, now, 1));
    }

    private static Submission repeated(Complaint existing, String fingerprint) {
        if (!fingerprint.equals(existing.requestFingerprint())) {
            throw new IdempotencyKeyReusedProblem(
                    "This Idempotency-Key was already used for a different complaint (" + existing.reference() + ").");
        }
        return new Submission(existing, false);
    }

    private Uni<Submission> store(Complaint complaint, IncomingComplaint incoming, Handling handling, Instant now,
            int attempt) {
        List<String> threadKeys = new ArrayList<>(handling.threadKeys());
        List<OutboxEvent> outbound = new ArrayList<>(List.of(receivedEvent(complaint, now)));
        if (config.acknowledgement().enabled() && handling.socialReply() != null) {
            // Acknowledged on the network the customer wrote on; the reply waits in the outbox like any event.
            outbound.add(outboxEvent(SocialReplyRequested.TYPE, SocialReplyRequested.TOPIC, complaint.customer().id(),
                    handling.socialReply().apply(complaint), now));
        } else if (config.acknowledgement().enabled() && complaint.customer().email() != null && !complaint.publicPost()) {
            String inReplyTo = EMAIL.equals(complaint.channel()) ? complaint.conversationId() : null;
            AcknowledgementMail mail = handling.provisional()
                    ? acknowledgements.composeUnverified(complaint, handling.confirmationLink().apply(complaint))
                    : acknowledgements.compose(complaint, inReplyTo);
            OutboxEvent acknowledgement = outboxEvent(OutboxEvent.ACKNOWLEDGEMENT_TYPE, OutboxEvent.MAIL_TOPIC,
                    complaint.customer().id(), mail, now);
            outbound.add(acknowledgement);
            // A reply to the acknowledgement names it in In-Reply-To: that threads it, whatever its subject says.
            threadKeys.add(publisher.acknowledgementMessageId(acknowledgement.id()));
        }
        return complaints.insert(complaint, outbound, threadKeys)
                .call(() -> customers.rememberComplaint(complaint.customer().id(), complaint.receivedAt()))
                // The complaint is stored with its reference and its acknowledgement queued: the probe's answer time.
                .call(() -> complaint.isProbe() ? probes.acknowledged(incoming, complaint.id(), complaint.reference(),
                        complaint.receivedAt()) : Uni.createFrom().voidItem())
                // Stored with its outbox: the channel gets its answer now; broker and mail server are not waited for.
                .invoke(() -> outbox.sendSoon(complaint.id(), outbound))
                .replaceWith(new Submission(complaint, true))
                // A concurrent delivery with the same idempotency key won the insert: answer with its complaint.
                .onFailure(ComplaintRepository::isDuplicateKey)
                .recoverWithUni(duplicate -> complaints.findByIdempotencyKey(complaint.idempotencyKey())
                        .chain(existing -> existing != null ? again(existing, incoming, handling)
                                : renumbered(complaint, incoming, handling, now, attempt, duplicate)));
    }

    /**
     * The complaint's reference turned out to be taken: the counter handed one number out twice (MongoDB's
     * findOneAndUpdate never does; the embedded wire-protocol server did under load). The unique index caught
     * it; the complaint is stored again under the next number rather than refused.
     */
    private Uni<Submission> renumbered(Complaint complaint, IncomingComplaint incoming, Handling handling,
            Instant now, int attempt, Throwable duplicate) {
        return complaints.findByReference(complaint.reference()).chain(holder -> {
            if (holder == null || holder.id().equals(complaint.id()) || attempt >= REFERENCE_ATTEMPTS) {
                return Uni.createFrom().failure(new IllegalStateException("complaint " + complaint.id()
                        + " could not be stored: " + duplicate.getMessage(), duplicate));
            }
            Log.warnf("Reference %s was already taken; storing complaint %s under the next one", complaint.reference(),
                    complaint.id());
            return referenceNumbers.next().chain(sequence -> store(
                    complaint.withReference(REFERENCE_FORMAT.formatted(config.referencePrefix(), sequence)), incoming,
                    handling, now, attempt + 1));
        });
    }

    public Uni<Complaint> get(String id) {
        return complaints.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("No complaint with id " + id));
    }

    private OutboxEvent receivedEvent(Complaint c, Instant now) {
        Customer customer = c.customer();
        ComplaintReceived event = new ComplaintReceived(c.id(), c.reference(), c.channel(),
                new ComplaintReceived.CustomerRef(customer.id(), customer.name(), customer.email(), customer.phone()),
                c.subject(), c.body(), c.assessment().severity(), c.assessment().reasons(), c.receivedAt(),
                c.expectedResponseBy(), c.publicPost(), c.reach(), c.language(), c.classification(),
                c.isProbe() ? Boolean.TRUE : null, c.isProbe() ? c.probe().sentAt() : null, c.attachments());
        return outboxEvent(ComplaintReceived.TYPE, lanes.topicFor(c.assessment().severity()), customer.id(), event,
                now);
    }

    private OutboxEvent outboxEvent(String type, String topic, String key, Object event, Instant now) {
        try {
            return new OutboxEvent(UUID.randomUUID().toString(), type, topic, key, mapper.writeValueAsString(event), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type, e);
        }
    }
}
