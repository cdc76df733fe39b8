package io.tikun.routing.agents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who the agents are and how to reach them, learnt from their tokens: each time someone acts on a case their user
 * name, display name and e-mail (the token's {@code name} and {@code email} claims) are remembered, so a failed
 * delivery of their reply reaches them without an address list in configuration.
 */
@ApplicationScoped
public class AgentDirectory {

    private static final String REMEMBER = """
            insert into %s.agent_contact (username, name, email, seen_at) values ($1, $2, $3, $4)
            on conflict (username) do update set name = excluded.name, email = coalesce(excluded.email, agent_contact.email),
                seen_at = excluded.seen_at
            where agent_contact.name is distinct from excluded.name
               or (excluded.email is not null and agent_contact.email is distinct from excluded.email)
               or agent_contact.seen_at < excluded.seen_at - interval '1 day'""";

    private static final String EMAIL_OF = "select email from %s.agent_contact where username = $1";

    private static final String KNOWN = "select username, name from %s.agent_contact order by name, username limit $1";

    private final Pool client;
    private final String remember;
    private final String emailOf;
    private final String known;
    private final Clock clock;
    private final Map<String, Known> recent = new ConcurrentHashMap<>();

    public AgentDirectory(Pool client, Clock clock,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.clock = clock;
        this.remember = REMEMBER.formatted(schema);
        this.emailOf = EMAIL_OF.formatted(schema);
        this.known = KNOWN.formatted(schema);
    }

    /**
     * Remembers the agent as their token describes them now. The statement writes only when something changed (or once
     * a day, to keep {@code seen_at} meaningful), and is not even sent when this instance wrote the same today, so
     * acting on cases costs no extra round trip on the hot path.
     */
    public Uni<Void> remember(String username, String name, String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        String shown = name == null || name.isBlank() ? username : name;
        Instant now = clock.instant();
        Known known = new Known(shown, address, now);
        Known before = recent.get(username);
        if (before != null && before.sameAs(known) && before.at().isAfter(now.minus(Duration.ofDays(1)))) {
            // Written by this instance today with the same name and address: the statement would change nothing.
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(remember).execute(Tuple.of(username, shown, address, now.atOffset(ZoneOffset.UTC)))
                .invoke(() -> recent.put(username, known))
                .replaceWithVoid();
    }

    /** What this instance last wrote for an agent, so an unchanged agent costs no round trip per action. */
    private record Known(String name, String email, Instant at) {
        boolean sameAs(Known other) {
            return name.equals(other.name) && java.util.Objects.equals(email, other.email);
        }
    }

    /** The e-mail address the agent's token last carried; empty when unknown. */
    public Uni<Optional<String>> emailOf(String username) {
        if (username == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.preparedQuery(emailOf).execute(Tuple.of(username)).map(rows -> {
            var found = rows.iterator();
            return found.hasNext() ? Optional.ofNullable(found.next().getString(0)) : Optional.<String> empty();
        });
    }

    /** Someone who has worked cases: user name and display name. */
    public record Agent(String username, String name) {
    }

    /** Everyone who has worked cases here (up to {@code limit}), by name: the choices of a manager's assign form. */
    public Uni<java.util.List<Agent>> known(int limit) {
        return client.preparedQuery(known).execute(Tuple.of(limit)).map(rows -> {
            java.util.List<Agent> agents = new java.util.ArrayList<>();
            rows.forEach(row -> agents.add(new Agent(row.getString(0), row.getString(1))));
            return agents;
        });
    }
}
