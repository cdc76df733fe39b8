package io.tikun.routing.canned;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.cases.CaseRepository;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.problem.NotFoundProblem;

/**
 * Renders a reply for a case without sending anything: a canned response (or the agent's own text) in the customer's
 * language, its placeholders filled from the case, the earliest promise still ahead and the agent.
 */
@ApplicationScoped
public class ReplyPreviewService {

    /** Tried in this order after the customer's language. */
    private static final List<CannedLanguage> FALLBACK = List.of(CannedLanguage.HE, CannedLanguage.EN, CannedLanguage.AR,
            CannedLanguage.RU);

    private final CaseRepository cases;
    private final CannedResponseService canned;
    private final PromiseDueRepository promises;
    private final DateTimeFormatter dueAtFormat;
    private final Clock clock;

    public ReplyPreviewService(CaseRepository cases, CannedResponseService canned, PromiseDueRepository promises,
            CannedConfig config, Clock clock) {
        this.cases = cases;
        this.canned = canned;
        this.promises = promises;
        this.dueAtFormat = DateTimeFormatter.ofPattern(config.dueAtPattern()).withZone(config.timeZone());
        this.clock = clock;
    }

    public Uni<ReplyPreview> preview(UUID caseId, ReplyPreviewRequest request, String agentName) {
        boolean ownText = request.text() != null && !request.text().isBlank();
        if (!ownText && request.cannedResponseId() == null) {
            throw new BadRequestException("Give 'cannedResponseId' or 'text'.");
        }
        Optional<CannedLanguage> wanted = CannedLanguage.of(request.language());
        if (request.language() != null && !request.language().isBlank() && wanted.isEmpty()) {
            throw new InvalidTemplateException("language", "Unknown language '" + request.language()
                    + "'; one of he, en, ar, ru.");
        }
        CannedTemplate own = ownText ? parseOwn(request.text()) : null;
        return cases.findById(caseId).onItem().ifNull().failWith(() -> new NotFoundProblem("No case with id " + caseId))
                .chain(c -> template(request, own, wanted.or(() -> CannedLanguage.of(c.language)))
                        .chain(chosen -> promises.earliestDue(c.id, clock.instant())
                                .map(due -> render(chosen, values(c, due, agentName)))));
    }

    private static CannedTemplate parseOwn(String text) {
        try {
            return CannedTemplate.parse(text);
        } catch (InvalidTemplateException e) {
            throw e.in("text");
        }
    }

    private record Chosen(CannedLanguage language, CannedTemplate template) {
    }

    private Uni<Chosen> template(ReplyPreviewRequest request, CannedTemplate own, Optional<CannedLanguage> wanted) {
        if (own != null) {
            return Uni.createFrom().item(new Chosen(wanted.orElse(FALLBACK.get(0)), own));
        }
        return canned.find(request.cannedResponseId()).map(r -> {
            CannedLanguage language = language(r.bodies(), wanted);
            return new Chosen(language, CannedTemplate.parse(r.bodies().get(language)));
        });
    }

    /** The customer's language if the response has it, otherwise the first of he, en, ar, ru it has. */
    static CannedLanguage language(Map<CannedLanguage, String> bodies, Optional<CannedLanguage> wanted) {
        if (wanted.isPresent() && bodies.containsKey(wanted.get())) {
            return wanted.get();
        }
        return FALLBACK.stream().filter(bodies::containsKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("A canned response without a body"));
    }

    private Map<Placeholder, String> values(SupportCase c, Optional<Instant> due, String agentName) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.CUSTOMER_NAME, c.customerName);
        values.put(Placeholder.REFERENCE, c.reference);
        values.put(Placeholder.CASE_ID, c.id.toString());
        values.put(Placeholder.AGENT_NAME, agentName);
        due.ifPresent(at -> values.put(Placeholder.DUE_AT, dueAtFormat.format(at)));
        return values;
    }

    private static ReplyPreview render(Chosen chosen, Map<Placeholder, String> values) {
        CannedTemplate.Rendered rendered = chosen.template().render(values);
        return new ReplyPreview(chosen.language().code(), rendered.text(),
                rendered.missing().stream().map(Placeholder::token).toList());
    }
}
