package io.tikun.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One resolution of a case through the resolve action: the category the agent confirmed or chose instead of the
 * classifier's, and the root cause. Every resolution of a reopened case adds one, so corrections are never lost.
 */
@Entity
@Table(name = "case_resolution")
public class CaseResolution {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The case's resolution count when this one was recorded (1 for the first). */
    @Column(name = "resolution_no", nullable = false)
    public int resolutionNo;

    /** What intake's classifier said; null when the case came without a classification. */
    @Column(name = "classified_category", length = 40)
    public String classifiedCategory;

    @Column(nullable = false, length = 40)
    public String category;

    @Column(name = "root_cause", nullable = false, length = 60)
    public String rootCause;

    /** The agent chose another category than the classifier's (a case without one is not a correction). */
    @Column(nullable = false)
    public boolean corrected;

    @Column(name = "resolved_by", nullable = false, length = 200)
    public String resolvedBy;

    @Column(name = "resolved_at", nullable = false)
    public Instant resolvedAt;

    static CaseResolution of(SupportCase c, String category, String rootCause, String by, Instant at) {
        CaseResolution r = new CaseResolution();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.resolutionNo = c.resolutions;
        r.classifiedCategory = c.classifiedCategory;
        r.category = category;
        r.rootCause = rootCause;
        r.corrected = isCorrection(c.classifiedCategory, category);
        r.resolvedBy = by;
        r.resolvedAt = at;
        return r;
    }

    /** The agent's category differs from a classifier's guess. */
    public static boolean isCorrection(String classified, String chosen) {
        return classified != null && !classified.equals(chosen);
    }
}
