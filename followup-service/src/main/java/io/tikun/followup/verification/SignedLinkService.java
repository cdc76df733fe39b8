package io.tikun.followup.verification;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;

/**
 * Issues and checks the signed, expiring, single-use links that let a customer answer without logging in.
 * A token is {@code base64url(payload) + "." + base64url(HMAC-SHA256(secret, base64url(payload)))}; see
 * {@link LinkPayload} for the payload.
 */
@ApplicationScoped
public class SignedLinkService {

    private static final char SEPARATOR = '.';
    private static final int PAYLOAD_LENGTH = LinkPayload.encodedLength(LinkPayload.BYTES);
    private static final int SIGNATURE_LENGTH = LinkPayload.encodedLength(LinkSigningKeys.SIGNATURE_BYTES);

    /**
     * The only length a token can have (100 characters). Checked first, it also caps the work spent on hostile
     * input: a huge string is refused without being scanned.
     */
    static final int TOKEN_LENGTH = PAYLOAD_LENGTH + 1 + SIGNATURE_LENGTH;

    private final LinkSigningKeys keys;
    private final Duration ttl;
    private final String baseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SignedLinkService(FollowupConfig config, Clock clock) {
        this(config.links().secrets().orElseThrow(() -> new IllegalStateException(
                "tikun.followup.links.secrets is not set: set TIKUN_FOLLOWUP_LINKS_SECRETS to one or more "
                        + "comma-separated secrets of at least " + LinkSigningKeys.MIN_SECRET_BYTES + " bytes")),
                config.links().ttl(), config.links().baseUrl(), clock);
    }

    /**
     * @param secrets newest first: the first signs, all verify
     */
    public SignedLinkService(List<String> secrets, Duration ttl, String baseUrl, Clock clock) {
        this.keys = new LinkSigningKeys(secrets);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("tikun.followup.links.ttl must be positive: " + ttl);
        }
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A link for the configured time to live, with its URL under the configured base URL. */
    public IssuedLink issueLink(UUID commitmentId, LinkAction action) {
        return issueLink(commitmentId, action, baseUrl);
    }

    /** A link for the configured time to live to another page ({@code pageUrl}), e.g. the satisfaction survey. */
    public IssuedLink issueLink(UUID commitmentId, LinkAction action, String pageUrl) {
        // Tokens carry whole seconds; truncating here makes the reported expiry the one the token enforces.
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String token = issue(commitmentId, action, expiresAt);
        String separator = pageUrl.indexOf('?') >= 0 ? "&" : "?";
        return new IssuedLink(token, URI.create(pageUrl + separator + "token=" + token), expiresAt);
    }

    /**
     * A token that works until {@code expiresAt}, truncated to the second. Every call draws a new nonce, so two
     * tokens for the same commitment and action differ and are used up separately.
     */
    public String issue(UUID commitmentId, LinkAction action, Instant expiresAt) {
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(action, "action");
        long expiry = expiresAt.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expiry))) {
            throw new IllegalArgumentException("a link must expire in the future, not at " + expiresAt);
        }
        byte[] nonce = new byte[LinkPayload.NONCE_BYTES];
        random.nextBytes(nonce);
        String payload = LinkPayload.encode(commitmentId, action, expiry, nonce);
        return payload + SEPARATOR + keys.sign(payload);
    }

    /** {@link #verify(String, UUID, Instant)} at the clock's current time. */
    public LinkVerification verify(String token, UUID expectedCommitmentId) {
        return verify(token, expectedCommitmentId, clock.instant());
    }

    /**
     * Checks a token from anyone, without throwing on any input. Does not mark it used: see {@link #redeem}.
     * The signature is checked before the payload is read, so nothing an attacker wrote is parsed.
     *
     * @param expectedCommitmentId the commitment the page is about, or null to accept a link for any commitment
     * @param now links are valid strictly before their expiry second
     */
    public LinkVerification verify(String token, UUID expectedCommitmentId, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!wellFormed(token)) {
            return LinkVerification.rejected(LinkOutcome.MALFORMED);
        }
        int dot = token.indexOf(SEPARATOR);
        String payload = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        if (!keys.verifies(payload, signature)) {
            return LinkVerification.rejected(LinkOutcome.TAMPERED);
        }
        Optional<LinkClaims> decoded = LinkPayload.decode(payload);
        if (decoded.isEmpty()) {
            // Signed by us but unreadable: a layout from a newer version of this service.
            return LinkVerification.rejected(LinkOutcome.MALFORMED);
        }
        LinkClaims claims = decoded.get();
        // A link for another commitment is unusable whatever its age, so that is the more telling answer.
        if (expectedCommitmentId != null && !expectedCommitmentId.equals(claims.commitmentId())) {
            return LinkVerification.authentic(LinkOutcome.WRONG_COMMITMENT, claims);
        }
        if (!now.isBefore(claims.expiresAt())) {
            return LinkVerification.authentic(LinkOutcome.EXPIRED, claims);
        }
        return LinkVerification.authentic(LinkOutcome.VALID, claims);
    }

    /**
     * Verifies the token and, only if it is valid, uses it up: the first redemption is VALID, every later one
     * ALREADY_USED. A failure of the registry fails the returned Uni rather than letting the link through.
     */
    public Uni<LinkVerification> redeem(String token, UUID expectedCommitmentId, Instant now,
            UsedLinkRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        LinkVerification verification = verify(token, expectedCommitmentId, now);
        if (!verification.isValid()) {
            return Uni.createFrom().item(verification);
        }
        LinkClaims claims = verification.validClaims();
        return registry.markUsed(claims.nonce(), claims.expiresAt())
                .map(first -> Boolean.TRUE.equals(first) ? verification
                        : LinkVerification.authentic(LinkOutcome.ALREADY_USED, claims));
    }

    /** Exactly two base64url parts of the version-1 lengths, split by one dot. */
    private static boolean wellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        int dot = token.indexOf(SEPARATOR);
        if (dot != PAYLOAD_LENGTH || token.lastIndexOf(SEPARATOR) != dot) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (i != dot && !isBase64UrlChar(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64UrlChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
