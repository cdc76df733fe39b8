package io.tikun.routing.notification;

import java.util.List;
import java.util.Optional;

import io.vertx.pgclient.PgConnectOptions;

/**
 * The connection the shared stream listens on, built from the application's datasource settings
 * ({@code quarkus.datasource.reactive.url}, {@code .username}, {@code .password}), so it reaches the same
 * database as Hibernate Reactive. TLS follows the URL's {@code sslmode} parameter.
 */
final class ListenConnectOptions {

    /** The prefix Quarkus accepts in front of a reactive datasource URL. */
    private static final String REACTIVE_PREFIX = "vertx-reactive:";

    private ListenConnectOptions() {
    }

    /**
     * Options for the first of the datasource's URLs (a LISTEN lives on one server), with the configured user
     * and password where set, and TCP keep-alive so a silently vanished server is noticed and reconnected.
     */
    static PgConnectOptions of(List<String> urls, Optional<String> username, Optional<String> password) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("quarkus.datasource.reactive.url is not set");
        }
        String url = urls.get(0).strip();
        PgConnectOptions options = PgConnectOptions.fromUri(
                url.startsWith(REACTIVE_PREFIX) ? url.substring(REACTIVE_PREFIX.length()) : url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options.setTcpKeepAlive(true);
    }
}
