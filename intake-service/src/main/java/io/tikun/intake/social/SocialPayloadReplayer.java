package io.tikun.intake.social;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tikun.intake.quarantine.PayloadReplayer;
import io.tikun.intake.quarantine.QuarantinedPayload;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Replays quarantined Meta, X and generic webhook deliveries through the same parsers and intake as a live one, after
 * checking their signature again from the headers kept with them and the channel's current secret: a payload that is
 * not proven to come from the network never becomes a complaint. One {@link PayloadReplayer} per channel is produced
 * here.
 */
@Singleton
public class SocialPayloadReplayer {

    static final String NO_MESSAGES = "ignored:no customer message";
    private static final int CONFLICT = 409;
    private static final int UNAVAILABLE = 503;

    private final ChannelsConfig config;
    private final SocialIntake intake;
    private final MetaSignatureVerifier metaSignatures;
    private final MetaWebhookParser metaParser;
    private final XSignatureVerifier xSignatures;
    private final XWebhookParser xParser;
    private final XSubscribedAccounts xAccounts;
    private final GenericWebhookParser genericParser;

    public SocialPayloadReplayer(ChannelsConfig config, SocialIntake intake, MetaSignatureVerifier metaSignatures,
            MetaWebhookParser metaParser, XSignatureVerifier xSignatures, XWebhookParser xParser,
            XSubscribedAccounts xAccounts, GenericWebhookParser genericParser) {
        this.config = config;
        this.intake = intake;
        this.metaSignatures = metaSignatures;
        this.metaParser = metaParser;
        this.xSignatures = xSignatures;
        this.xParser = xParser;
        this.xAccounts = xAccounts;
        this.genericParser = genericParser;
    }

    @Produces
    @Singleton
    PayloadReplayer metaReplayer() {
        return forChannel(SocialChannelResource.META);
    }

    @Produces
    @Singleton
    PayloadReplayer xReplayer() {
        return forChannel(SocialChannelResource.X);
    }

    @Produces
    @Singleton
    PayloadReplayer genericReplayer() {
        return forChannel(SocialChannelResource.WEBHOOK);
    }

    /**
     * The references of the complaints the delivery's messages are (new or continued), comma-separated, or
     * {@value #NO_MESSAGES} when it carried none.
     */
    public Uni<String> replay(QuarantinedPayload payload, byte[] raw) {
        // Checking the HMAC and parsing are CPU work: not on the event loop the admin request came in on.
        return Uni.createFrom().item(() -> verifiedParser(payload, raw))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(parser -> intake.replay(payload.channel(), raw, parser))
                .map(delivery -> delivery.complaints().isEmpty() ? NO_MESSAGES
                        : delivery.complaints().stream().map(SocialDelivery.Item::reference).distinct()
                                .collect(Collectors.joining(", ")));
    }

    private Supplier<ParsedWebhook> verifiedParser(QuarantinedPayload payload, byte[] raw) {
        Map<String, String> headers = payload.headers();
        return switch (payload.channel()) {
            case SocialChannelResource.META -> {
                requireVerified(metaSignatures.isAuthentic(raw, headers.get(MetaSignatureVerifier.SIGNATURE_HEADER),
                        secret(config.meta().appSecret().orElse(null), "Meta")));
                yield () -> ParsedWebhook.of(metaParser.parse(raw));
            }
            case SocialChannelResource.X -> {
                requireVerified(xSignatures.isAuthentic(raw, headers.get(XSignatureVerifier.SIGNATURE_HEADER),
                        secret(config.x().consumerSecret().orElse(null), "X")));
                yield () -> xAccounts.requireSubscribed(xParser.read(raw));
            }
            default -> {
                String network = payload.endpoint().substring(SocialChannelResource.WEBHOOK_ENDPOINT.length());
                // Signed when it was received: the timestamp must be fresh as of then, not as of the replay.
                GenericSignatureVerifier asReceived = new GenericSignatureVerifier(
                        Clock.fixed(payload.receivedAt(), ZoneOffset.UTC));
                requireVerified(asReceived.isAuthentic(raw, headers.get(GenericSignatureVerifier.TIMESTAMP_HEADER),
                        headers.get(GenericSignatureVerifier.SIGNATURE_HEADER),
                        secret(config.webhook().secrets().get(network), network)));
                yield () -> ParsedWebhook.of(genericParser.parse(network, raw));
            }
        };
    }

    private static String secret(String configured, String channel) {
        if (configured == null || configured.isBlank()) {
            throw new RejectedPayload(UNAVAILABLE, "Channel not configured",
                    "The " + channel + " channel has no secret configured, so the payload's signature cannot be checked.",
                    List.of());
        }
        return configured;
    }

    private static void requireVerified(boolean authentic) {
        if (!authentic) {
            throw new RejectedPayload(CONFLICT, "Unverified payload", "The signature kept with this payload is missing "
                    + "or does not match it under the channel's current secret; a payload not proven to come from the "
                    + "network never becomes a complaint.", List.of());
        }
    }

    private PayloadReplayer forChannel(String channel) {
        SocialPayloadReplayer social = this;
        return new PayloadReplayer() {

            @Override
            public String channel() {
                return channel;
            }

            @Override
            public Uni<String> replay(QuarantinedPayload payload, byte[] raw) {
                return social.replay(payload, raw);
            }
        };
    }
}
