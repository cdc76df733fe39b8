package io.tikun.intake.outbound.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.intake.outbound.CustomerMessageKind;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.tikun.intake.outbound.Destination;
import io.tikun.intake.outbound.OutboundMessage;
import io.vertx.mutiny.core.Vertx;

/**
 * A Vert.x instance, a provider stub and the senders' configuration read through the real {@link OutboundChannelsConfig}
 * mapping from properties pointing at the stub, for plain JUnit tests.
 */
final class SenderHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(10);

    final Vertx vertx = Vertx.vertx();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ProviderStub provider;
    final InMemoryDeliveredParts delivered = new InMemoryDeliveredParts();
    final OutboundChannelsConfig config;
    final SocialHttp http;

    /**
     * @param urlKey the key that takes the stub's URL (tikun.channels.meta.graph-url, …)
     * @param properties further {@code tikun.channels.*} properties
     */
    SenderHarness(String urlKey, Map<String, String> properties, Function<ProviderStub.Request, ProviderStub.Answer> answers)
            throws Exception {
        provider = ProviderStub.start(vertx.getDelegate(), answers);
        Map<String, String> all = new HashMap<>(properties);
        all.put(urlKey, provider.url());
        all.putIfAbsent("tikun.channels.outbound.request-timeout", "PT2S");
        config = configFrom(all);
        http = new SocialHttp(vertx, config, clock);
    }

    static OutboundChannelsConfig configFrom(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OutboundChannelsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(OutboundChannelsConfig.class);
    }

    PartedDelivery parted() {
        return new PartedDelivery(delivered);
    }

    static OutboundMessage message(String id, Destination.Social to, String text, String publicNotice) {
        return new OutboundMessage(id, "complaint-1", "case-1", "customer-1", "TK-000042", CustomerMessageKind.AGENT_REPLY,
                false, "Dana", "en", null, text, List.of(), publicNotice, to, 1);
    }

    static OutboundMessage inLanguage(OutboundMessage m, String language) {
        return new OutboundMessage(m.messageId(), m.complaintId(), m.caseId(), m.customerId(), m.reference(), m.kind(),
                m.automatic(), m.authorName(), language, m.subject(), m.text(), m.links(), m.publicNotice(),
                m.destination(), m.attempt());
    }

    static DeliveryOutcome await(io.smallrye.mutiny.Uni<DeliveryOutcome> outcome) {
        return outcome.await().atMost(WAIT);
    }

    /** Words of the given count, so splitting has spaces to choose from. */
    static String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append("word").append(i);
        }
        return text.toString();
    }

    @Override
    public void close() throws Exception {
        provider.close();
        vertx.closeAndAwait();
    }
}
