package io.tikun.intake.social;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tikun.intake.outbound.DeliveryReceipts;
import io.tikun.intake.problem.NotFoundProblem;
import io.tikun.intake.quarantine.RejectedPayload;
import io.tikun.intake.ratelimit.ClientAddress;
import io.tikun.intake.ratelimit.RateLimit;
import io.tikun.intake.ratelimit.RateLimiter;
import io.vertx.core.http.HttpServerRequest;

/**
 * Webhooks of the social networks. They authenticate by the provider's signature over the raw
 * body, never by bearer token; a delivery with a missing or forged signature is refused and
 * nothing of it is stored. Checking the HMAC and parsing are CPU work on bodies of up to
 * {@code tikun.channels.max-body-bytes}, so deliveries are handled on worker threads.
 */
@Path("/api/v1/channels")
@PermitAll
@Tag(name = "Social channels")
public class SocialChannelResource {

    static final String META = "meta";
    static final String X = "x";
    static final String WEBHOOK = "webhook";
    static final String META_ENDPOINT = "/api/v1/channels/meta";
    static final String X_ENDPOINT = "/api/v1/channels/x";
    /** Followed by the network's name. */
    static final String WEBHOOK_ENDPOINT = "/api/v1/channels/webhook/";
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int UNAVAILABLE = 503;

    private final ChannelsConfig config;
    private final SocialIntake intake;
    private final MetaSignatureVerifier metaSignatures;
    private final MetaWebhookParser metaParser;
    private final XSignatureVerifier xSignatures;
    private final XWebhookParser xParser;
    private final XSubscribedAccounts xAccounts;
    private final GenericSignatureVerifier genericSignatures;
    private final GenericWebhookParser genericParser;
    private final RateLimiter limiter;
    private final MetaDeliveryReceiptReader receiptReader;
    private final DeliveryReceipts receipts;

    public SocialChannelResource(ChannelsConfig config, SocialIntake intake, RateLimiter limiter,
            MetaSignatureVerifier metaSignatures,
            MetaWebhookParser metaParser, XSignatureVerifier xSignatures, XWebhookParser xParser,
            XSubscribedAccounts xAccounts, GenericSignatureVerifier genericSignatures,
            GenericWebhookParser genericParser, MetaDeliveryReceiptReader receiptReader, DeliveryReceipts receipts) {
        this.config = config;
        this.receiptReader = receiptReader;
        this.receipts = receipts;
        this.limiter = limiter;
        this.intake = intake;
        this.metaSignatures = metaSignatures;
        this.metaParser = metaParser;
        this.xSignatures = xSignatures;
        this.xParser = xParser;
        this.xAccounts = xAccounts;
        this.genericSignatures = genericSignatures;
        this.genericParser = genericParser;
    }

    @GET
    @Path("/meta")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta subscription check: answers hub.challenge when hub.verify_token matches")
    public Uni<String> verifyMeta(@RestQuery("hub.mode") String mode, @RestQuery("hub.verify_token") String verifyToken,
            @RestQuery("hub.challenge") String challenge, HttpServerRequest request) {
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request)).map(ignored -> {
            String expected = secret(config.meta().verifyToken(), "Meta");
            return metaSignatures.subscriptionChallenge(mode, verifyToken, challenge, expected)
                    .orElseThrow(() -> new RejectedPayload(FORBIDDEN, "Forbidden", "The verify token does not match.",
                            List.of()));
        });
    }

    @POST
    @Path("/meta")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Meta webhook (Facebook, Messenger, Instagram, WhatsApp), signed with X-Hub-Signature-256")
    @Blocking
    public Uni<SocialDelivery> receiveMeta(byte[] body,
            @RestHeader(MetaSignatureVerifier.SIGNATURE_HEADER) String signature,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        requireAuthentic(metaSignatures.isAuthentic(body, signature, secret(config.meta().appSecret(), "Meta")));
        return spend(META)
                .chain(() -> intake.accept(META, META_ENDPOINT, contentType,
                        Map.of(MetaSignatureVerifier.SIGNATURE_HEADER, signature),
                        body, () -> ParsedWebhook.of(metaParser.parse(body))))
                .call(() -> receipts.record(receiptReader.report(body)));
    }

    @GET
    @Path("/x")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X challenge-response check (CRC)")
    public Uni<Map<String, String>> verifyX(@RestQuery("crc_token") String crcToken, HttpServerRequest request) {
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request)).map(ignored -> {
            if (!xSignatures.isCrcToken(crcToken)) {
                throw new RejectedPayload(400, "Invalid crc_token", "X sends a crc_token of at most "
                        + XSignatureVerifier.MAX_CRC_TOKEN_LENGTH + " base64 characters to check the webhook.", List.of());
            }
            return Map.of("response_token",
                    xSignatures.crcResponseToken(crcToken, secret(config.x().consumerSecret(), "X")));
        });
    }

    @POST
    @Path("/x")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "X Account Activity webhook (mentions and direct messages), signed with x-twitter-webhooks-signature")
    @Blocking
    public Uni<SocialDelivery> receiveX(byte[] body, @RestHeader(XSignatureVerifier.SIGNATURE_HEADER) String signature,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        requireAuthentic(xSignatures.isAuthentic(body, signature, secret(config.x().consumerSecret(), "X")));
        return spend(X).chain(() -> intake.accept(X, X_ENDPOINT, contentType,
                Map.of(XSignatureVerifier.SIGNATURE_HEADER, signature), body,
                () -> xAccounts.requireSubscribed(xParser.read(body))));
    }

    @POST
    @Path("/webhook/{network}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Any other network, in Tikun's generic format signed with X-Tikun-Signature and X-Tikun-Timestamp")
    @Blocking
    public Uni<SocialDelivery> receiveGeneric(@RestPath String network, byte[] body,
            @RestHeader(GenericSignatureVerifier.TIMESTAMP_HEADER) String timestamp,
            @RestHeader(GenericSignatureVerifier.SIGNATURE_HEADER) String signature,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        String secret = config.webhook().secrets().get(network);
        if (secret == null || secret.isBlank()) {
            throw new NotFoundProblem("No webhook is configured for network '" + network + "'.");
        }
        requireAuthentic(genericSignatures.isAuthentic(body, timestamp, signature, secret));
        // Counted once the signature proves the network's secret: unsigned floods cannot spend its budget.
        return spend(WEBHOOK + ":" + network).chain(() -> intake.accept(WEBHOOK,
                WEBHOOK_ENDPOINT + network, contentType,
                Map.of(GenericSignatureVerifier.TIMESTAMP_HEADER, timestamp, GenericSignatureVerifier.SIGNATURE_HEADER,
                        signature),
                body, () -> ParsedWebhook.of(genericParser.parse(network, body))));
    }

    /**
     * Spends one delivery of the credential's budget. The store answers on an event loop: parsing the delivery then
     * moves back to a worker thread, where these @Blocking methods mean it to run.
     */
    private Uni<Void> spend(String credential) {
        return limiter.acquire(RateLimit.CREDENTIAL, credential).emitOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String secret(Optional<String> configured, String channel) {
        return configured.filter(value -> !value.isBlank()).orElseThrow(() -> new RejectedPayload(UNAVAILABLE,
                "Channel not configured", "The " + channel + " channel has no secret configured.", List.of()));
    }

    private static void requireAuthentic(boolean authentic) {
        if (!authentic) {
            throw new RejectedPayload(UNAUTHORIZED, "Unauthorized",
                    "The signature is missing or does not match the body.", List.of());
        }
    }
}
