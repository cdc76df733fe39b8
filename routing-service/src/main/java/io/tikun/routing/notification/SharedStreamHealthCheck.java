package io.tikun.routing.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this instance LISTENs on the shared stream's channel: an instance that cannot hear what
 * the others deliver would give its SSE clients an incomplete stream.
 */
@Readiness
@ApplicationScoped
public class SharedStreamHealthCheck implements HealthCheck {

    private final SharedStreamListener listener;

    public SharedStreamHealthCheck(SharedStreamListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("notification-stream-listener").status(listener.listening())
                .withData("channel", listener.channel()).build();
    }
}
