package io.tikun.routing.hotspot;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationRepository;
import io.tikun.routing.problem.NotFoundProblem;

/**
 * Keeps the hotspots intake reports: stores each once (by its id) with the notifications that tell the service
 * managers, in one transaction, so a redelivered event neither duplicates the hotspot nor notifies again; reads them
 * as current or past; records a manager's acknowledgment.
 */
@ApplicationScoped
public class HotspotService {

    private static final TypeReference<List<HotspotDetected.Sample>> SAMPLES = new TypeReference<>() {
    };

    private final HotspotRepository hotspots;
    private final NotificationRepository notifications;
    private final HotspotAlertComposer composer;
    private final HotspotConfig config;
    private final ObjectMapper mapper;
    private final String caseLinkPrefix;
    private final Clock clock;

    public HotspotService(HotspotRepository hotspots, NotificationRepository notifications,
            HotspotAlertComposer composer, HotspotConfig config, ObjectMapper mapper, RoutingConfig routing,
            Clock clock) {
        this.hotspots = hotspots;
        this.notifications = notifications;
        this.composer = composer;
        this.config = config;
        this.mapper = mapper;
        this.caseLinkPrefix = routing.notifications().caseLinkPrefix();
        this.clock = clock;
    }

    /**
     * Stores a newly reported hotspot and its notifications; gives the notifications' ids to deliver after the commit,
     * none when the hotspot was stored before (a redelivery).
     */
    @WithTransaction
    public Uni<List<UUID>> record(HotspotDetected event, Instant now) {
        return hotspots.findById(event.hotspotId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(List.<UUID> of());
            }
            Hotspot hotspot = toEntity(event, now);
            return hotspots.persist(hotspot)
                    .chain(() -> hotspots.casesOf(event.samples().stream().map(HotspotDetected.Sample::complaintId).toList()))
                    .chain(cases -> persistAll(composer.detected(hotspot, event.samples(), cases, now)));
        });
    }

    /** A page of the hotspots in {@code state} now, newest window first, with the total count. */
    @WithSession
    public Uni<HotspotPage> page(HotspotState state, int page) {
        Instant now = clock.instant();
        return hotspots.countInState(state, now)
                .chain(total -> hotspots.inState(state, now, page, config.pageSize())
                        .chain(found -> views(found, now))
                        .map(views -> new HotspotPage(views, total)));
    }

    /** The current hotspots for the console, at most {@code consoleLimit}. */
    @WithSession
    public Uni<List<HotspotView>> current() {
        Instant now = clock.instant();
        return hotspots.inState(HotspotState.CURRENT, now, 0, config.consoleLimit()).chain(found -> views(found, now));
    }

    @WithSession
    public Uni<HotspotView> find(UUID id) {
        return hotspots.findById(id).chain(h -> {
            if (h == null) {
                return Uni.createFrom().failure(new NotFoundProblem("No hotspot " + id + "."));
            }
            return views(List.of(h), clock.instant()).map(views -> views.get(0));
        });
    }

    /** Marks the hotspot past on a manager's word; acknowledging it again keeps the first acknowledgment. */
    @WithTransaction
    public Uni<HotspotView> acknowledge(UUID id, String by) {
        // The update does not load the row, so the read after it sees the acknowledgment (or a 404 for no such id).
        return hotspots.acknowledge(id, by, clock.instant()).chain(() -> find(id));
    }

    /** A page of hotspots and how many there are in all. */
    public record HotspotPage(List<HotspotView> items, long total) {
    }

    /** Stores each channel and recipient once (a recipient configured twice must not break the unique key). */
    private Uni<List<UUID>> persistAll(List<Notification> composed) {
        Map<String, Notification> once = new LinkedHashMap<>();
        composed.forEach(n -> once.putIfAbsent(n.channel + " " + n.recipient, n));
        List<Notification> rows = List.copyOf(once.values());
        return notifications.persist(rows).replaceWith(rows.stream().map(n -> n.id).toList());
    }

    private Uni<List<HotspotView>> views(List<Hotspot> found, Instant now) {
        List<String> complaintIds = found.stream().flatMap(h -> samples(h).stream())
                .map(HotspotDetected.Sample::complaintId).distinct().toList();
        return hotspots.casesOf(complaintIds).map(cases -> found.stream().map(h -> view(h, cases, now)).toList());
    }

    private HotspotView view(Hotspot h, Map<String, UUID> cases, Instant now) {
        List<HotspotView.SampleView> samples = samples(h).stream().map(s -> {
            UUID caseId = cases.get(s.complaintId());
            return new HotspotView.SampleView(s.complaintId(), s.reference(), s.receivedAt(), caseId,
                    caseId == null ? null : caseLinkPrefix + caseId);
        }).toList();
        return new HotspotView(h.id, h.subjectKind, h.subjectValue, h.stateAt(now), h.windowStart, h.windowEnd,
                h.complaints, h.customers, h.expected, h.pValue, h.falseAlarmRate, h.baselineWeeks, samples,
                h.detectedAt, h.receivedAt, h.pastFrom, h.acknowledgedAt, h.acknowledgedBy);
    }

    private Hotspot toEntity(HotspotDetected event, Instant now) {
        Hotspot h = new Hotspot();
        h.id = event.hotspotId();
        h.subjectKind = event.subject().kind();
        h.subjectValue = event.subject().value();
        h.windowStart = event.windowStart();
        h.windowEnd = event.windowEnd();
        h.complaints = event.complaints();
        h.customers = event.customers();
        h.expected = event.expected();
        h.pValue = event.pValue();
        h.falseAlarmRate = event.falseAlarmRate();
        h.baselineWeeks = event.baselineWeeks();
        h.samples = write(event.samples());
        h.detectedAt = event.detectedAt();
        h.receivedAt = now;
        h.pastFrom = HotspotLifecycle.pastFrom(event.windowEnd(), config.coolDown());
        return h;
    }

    private String write(List<HotspotDetected.Sample> samples) {
        try {
            return mapper.writeValueAsString(samples);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("samples not writable", e);
        }
    }

    private List<HotspotDetected.Sample> samples(Hotspot h) {
        try {
            return mapper.readValue(h.samples, SAMPLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable samples of hotspot " + h.id, e);
        }
    }
}
