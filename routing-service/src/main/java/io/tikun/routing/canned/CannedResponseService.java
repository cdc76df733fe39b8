package io.tikun.routing.canned;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tikun.routing.problem.NotFoundProblem;
import io.tikun.routing.problem.StaleVersionProblem;

/**
 * Managers' canned responses: every body is parsed before it is stored, so an unknown placeholder or a stray
 * brace is refused at save and never reaches a preview. Changes check the version the caller saw (If-Match).
 */
@ApplicationScoped
public class CannedResponseService {

    private final CannedResponseRepository repository;
    private final Clock clock;

    public CannedResponseService(CannedResponseRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Uni<List<CannedResponseView>> list() {
        return repository.allByTitle().map(all -> all.stream().map(CannedResponseView::of).toList());
    }

    public Uni<CannedResponseView> get(UUID id) {
        return find(id).map(CannedResponseView::of);
    }

    /** The stored response, or 404. */
    public Uni<CannedResponse> find(UUID id) {
        return repository.findById(id).onItem().ifNull()
                .failWith(() -> new NotFoundProblem("No canned response with id " + id));
    }

    @WithTransaction
    public Uni<CannedResponseView> create(CannedResponseRequest request, String by) {
        Map<CannedLanguage, String> bodies = validBodies(request.bodies());
        Instant now = clock.instant();
        CannedResponse r = new CannedResponse();
        r.id = UUID.randomUUID();
        r.title = request.title().strip();
        r.setBodies(bodies);
        r.createdBy = by;
        r.createdAt = now;
        r.updatedBy = by;
        r.updatedAt = now;
        return repository.persistAndFlush(r).map(CannedResponseView::of);
    }

    @WithTransaction
    public Uni<CannedResponseView> update(UUID id, Long expectedVersion, CannedResponseRequest request, String by) {
        Map<CannedLanguage, String> bodies = validBodies(request.bodies());
        return find(id).invoke(r -> requireVersion(r, expectedVersion)).chain(r -> {
            r.title = request.title().strip();
            r.setBodies(bodies);
            r.updatedBy = by;
            r.updatedAt = clock.instant();
            return repository.flush().replaceWith(r);
        }).map(CannedResponseView::of);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Long expectedVersion) {
        return find(id).invoke(r -> requireVersion(r, expectedVersion)).call(repository::delete).replaceWithVoid();
    }

    /**
     * The bodies by language, each parsed; an unknown language code, or a body with an unknown placeholder or a
     * stray brace, is refused naming its field.
     */
    static Map<CannedLanguage, String> validBodies(Map<String, String> bodies) {
        Map<CannedLanguage, String> valid = new EnumMap<>(CannedLanguage.class);
        bodies.forEach((code, body) -> {
            String field = "bodies." + code;
            CannedLanguage language = CannedLanguage.of(code).filter(l -> l.code().equals(code)).orElseThrow(
                    () -> new InvalidTemplateException(field, "Unknown language '" + code + "'; one of " + languages() + "."));
            try {
                CannedTemplate.parse(body);
            } catch (InvalidTemplateException e) {
                throw e.in(field);
            }
            valid.put(language, body.strip());
        });
        return valid;
    }

    private static String languages() {
        return Arrays.stream(CannedLanguage.values()).map(CannedLanguage::code).collect(Collectors.joining(", "));
    }

    private static void requireVersion(CannedResponse r, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != r.version) {
            throw new StaleVersionProblem("The canned response changed meanwhile (now version " + r.version
                    + "); reload it and try again.");
        }
    }
}
