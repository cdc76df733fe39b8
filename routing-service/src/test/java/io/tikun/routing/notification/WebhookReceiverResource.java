package io.tikun.routing.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link WebhookReceiver} and points routing's webhook at it, with retries a fraction of a second
 * apart so a test sees several attempts quickly.
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link WebhookReceiver} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWebhookReceiver {
    }

    private WebhookReceiver receiver;

    @Override
    public Map<String, String> start() {
        receiver = WebhookReceiver.start();
        return Map.of(
                "tikun.routing.notifications.webhook.url", receiver.url(),
                "tikun.routing.notifications.webhook.secret", WebhookReceiver.SECRET,
                "tikun.routing.notifications.webhook.timeout", "PT2S",
                "tikun.routing.notifications.retry-backoff", "PT0.3S",
                "tikun.routing.notifications.delivery.every", "300ms");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(receiver,
                new TestInjector.AnnotatedAndMatchesType(InjectWebhookReceiver.class, WebhookReceiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
