package io.tikun.routing.hotspot;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;

/**
 * The console's hotspot section ({@code templates/console/hotspots.html}, included by the console page) reads the
 * current hotspots from here as {@code inject:hotspotConsole.current}, so the page needs no data of its own for it.
 */
@ApplicationScoped
@Named("hotspotConsole")
public class HotspotConsole {

    private static final String WHEN_PATTERN = "d MMM HH:mm";

    private final HotspotService hotspots;
    private final DateTimeFormatter when;

    public HotspotConsole(HotspotService hotspots, RoutingConfig routing) {
        this.hotspots = hotspots;
        this.when = DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.ROOT).withZone(routing.notifications().timeZone());
    }

    /** A current hotspot as the console lists it. */
    @TemplateData
    public record Row(UUID id, String kind, String value, String window, int customers, int complaints,
            String expected, String pValue, List<Sample> samples) {
    }

    /** A sample complaint: its reference (else its id) and its case's page when there is a case. */
    @TemplateData
    public record Sample(String label, String caseLink) {
    }

    /** The current hotspots, newest window first. */
    public Uni<List<Row>> current() {
        return hotspots.current().map(views -> views.stream().map(this::row).toList());
    }

    private Row row(HotspotView h) {
        return new Row(h.id(), h.subjectKind().name(), h.subjectValue(),
                when.format(h.windowStart()) + " – " + when.format(h.windowEnd()), h.customers(), h.complaints(),
                String.format(Locale.ROOT, "%.1f", h.expected()), HotspotAlertComposer.pValue(h.pValue()),
                h.samples().stream().map(s -> new Sample(
                        s.reference() == null || s.reference().isBlank() ? s.complaintId() : s.reference(), s.caseLink()))
                        .toList());
    }
}
