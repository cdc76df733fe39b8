package io.tikun.intake.hotspot;

import java.util.ArrayList;
import java.util.List;

/**
 * A subject's running counts in the current window, kept up to date as sightings enter and leave it, so a storm of
 * complaints about one product costs a constant amount of work per complaint.
 */
public record SubjectSummary(long complaints, long customers, List<Sighting> recent) {

    static SubjectSummary empty() {
        return new SubjectSummary(0, 0, List.of());
    }

    SubjectSummary seen(Sighting sighting, boolean newCustomer, int keep) {
        List<Sighting> kept = new ArrayList<>(recent.size() + 1);
        kept.add(sighting);
        for (Sighting earlier : recent) {
            if (kept.size() >= keep) {
                break;
            }
            kept.add(earlier);
        }
        return new SubjectSummary(complaints + 1, customers + (newCustomer ? 1 : 0), List.copyOf(kept));
    }

    SubjectSummary expired(String complaintId, boolean customerLeft) {
        List<Sighting> kept = recent.stream().filter(s -> !s.complaintId().equals(complaintId)).toList();
        return new SubjectSummary(Math.max(0, complaints - 1), Math.max(0, customers - (customerLeft ? 1 : 0)), kept);
    }

    boolean isEmpty() {
        return complaints == 0;
    }
}
