package io.tikun.routing.canned;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A canned response as the API shows it, with the placeholders its bodies use; {@code version} is its ETag. */
public record CannedResponseView(
        UUID id,
        String title,
        Map<String, String> bodies,
        List<String> placeholders,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        long version) {

    public static CannedResponseView of(CannedResponse r) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Set<String> placeholders = new LinkedHashSet<>();
        r.bodies().forEach((language, body) -> {
            bodies.put(language.code(), body);
            CannedTemplate.parse(body).placeholders().forEach(p -> placeholders.add(p.token()));
        });
        return new CannedResponseView(r.id, r.title, bodies, List.copyOf(placeholders), r.createdBy, r.createdAt,
                r.updatedBy, r.updatedAt, r.version);
    }
}
