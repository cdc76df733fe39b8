package io.tikun.intake.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's IP as the connection shows it. X-Forwarded-For is honoured only where Quarkus is told a proxy sets it
 * ({@code quarkus.http.proxy.proxy-address-forwarding}); Quarkus then rewrites the remote address itself, so a client
 * that sends the header directly cannot pick the IP it is counted under.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
