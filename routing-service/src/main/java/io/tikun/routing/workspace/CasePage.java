package io.tikun.routing.workspace;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.canned.CannedResponseView;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.CaseView;
import io.tikun.routing.taxonomy.Choice;
import io.tikun.routing.taxonomy.Taxonomy;

/**
 * Everything the case page shows: the case, its clocks, the canned responses in the customer's language, the next case
 * in the user's queue, and what the last action left to say (a notice, or an error with the text the user had typed).
 */
@TemplateData
public record CasePage(CaseView c, SlaCountdown firstResponse, SlaCountdown resolution, List<CannedResponseView> canned,
        UUID nextCaseId, Notice notice, Draft draft, List<Choice> categories, List<Choice> rootCauses) {

    /** A message above the case: {@code kind} is {@code done}, {@code changed} or {@code error}. */
    @TemplateData
    public record Notice(String kind, String text) {
    }

    /** What the user typed into one of the forms, shown again after a refused action. */
    @TemplateData
    public record Draft(String action, String text, String category, String rootCause, Map<String, String> fields) {

        public Draft(String action, String text, String category, String rootCause) {
            this(action, text, category, rootCause, Map.of());
        }

        public Draft(String action, String text) {
            this(action, text, null, null);
        }

        /** A form of named fields (the promise and assign forms) as the user sent it; null values are left out. */
        public static Draft fields(String action, Map<String, String> sent) {
            Map<String, String> kept = new HashMap<>();
            sent.forEach((name, value) -> {
                if (value != null) {
                    kept.put(name, value);
                }
            });
            return new Draft(action, null, null, null, Map.copyOf(kept));
        }

        public String of(String form) {
            return form.equals(action) && text != null ? text : "";
        }

        /** What the user sent in field {@code name} of {@code form}, or {@code otherwise} when it was not that form. */
        public String field(String form, String name, String otherwise) {
            return form.equals(action) && fields.containsKey(name) ? fields.get(name) : otherwise;
        }
    }

    /** The category the resolve form shows chosen: the one the agent sent back, else the case's (the classifier's). */
    public String chosenCategory() {
        return "resolve".equals(draft.action()) && draft.category() != null ? draft.category() : c.category();
    }

    /** The label of category {@code code} in {@code lang}; the code itself when the list does not have it. */
    public String categoryLabel(String code, String lang) {
        return categories.stream().filter(k -> k.code().equals(code)).findFirst().map(k -> k.label(lang)).orElse(code);
    }

    /** The label of root cause {@code code} in {@code lang}; the code itself when the list does not have it. */
    public String rootCauseLabel(String code, String lang) {
        return rootCauses.stream().filter(k -> k.code().equals(code)).findFirst().map(k -> k.label(lang)).orElse(code);
    }

    /** The root cause the resolve form shows chosen: the one the agent sent back, else none. */
    public String chosenRootCause() {
        return "resolve".equals(draft.action()) && draft.rootCause() != null ? draft.rootCause() : "";
    }

    static CasePage of(CaseView c, List<CannedResponseView> canned, UUID next, Notice notice, Draft draft, Instant now,
            double amberBelow, Taxonomy taxonomy) {
        boolean stopped = c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.WAITING_ON_CUSTOMER;
        SlaCountdown first = stopped || c.firstRespondedAt() != null ? SlaCountdown.stopped()
                : SlaCountdown.of(c.receivedAt(), c.firstResponseDueAt(), now, amberBelow);
        SlaCountdown resolution = stopped || c.resolutionDueAt() == null ? SlaCountdown.stopped()
                : SlaCountdown.of(c.receivedAt(), c.resolutionDueAt(), now, amberBelow);
        String lang = c.language();
        List<CannedResponseView> inLanguage = canned.stream().filter(r -> r.bodies().containsKey(lang)).toList();
        return new CasePage(c, first, resolution, inLanguage, next, notice, draft == null ? new Draft(null, null) : draft,
                taxonomy.categories(), taxonomy.rootCauses());
    }

    /** Right to left for the customer's Hebrew or Arabic. */
    public String caseDir() {
        return "he".equals(c.language()) || "ar".equals(c.language()) ? "rtl" : "ltr";
    }

    public boolean resolved() {
        return c.status() == CaseStatus.RESOLVED;
    }

    public boolean waiting() {
        return c.status() == CaseStatus.WAITING_ON_CUSTOMER;
    }

    /** Why the case has its severity: the reasons recorded when it was opened. */
    public String severityReasons() {
        return c.escalations().isEmpty() ? "" : c.escalations().get(0).reason();
    }

    /** The canned response's body in the customer's language. */
    public String bodyOf(CannedResponseView r) {
        return r.bodies().get(c.language());
    }
}
