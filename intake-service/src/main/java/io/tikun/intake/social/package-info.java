/**
 * Social-network webhooks: proving a delivery came from the network, and reading the customer messages out of it.
 * <p>
 * Each network has a verifier and a parser. The verifier works on the exact bytes received, before any parsing:
 * {@link io.tikun.intake.social.MetaSignatureVerifier} (Facebook, Messenger, Instagram, WhatsApp; also the
 * subscription handshake), {@link io.tikun.intake.social.XSignatureVerifier} (X Account Activity API; also the CRC
 * challenge) and {@link io.tikun.intake.social.GenericSignatureVerifier} (Tikun's own format, timestamped against
 * replays). Secrets are passed in by the caller from configuration ({@code tikun.channels.meta.app-secret},
 * {@code tikun.channels.meta.verify-token}, {@code tikun.channels.x.consumer-secret},
 * {@code tikun.channels.webhook.secrets.<network>}); a blank secret is a configuration error and throws.
 * <p>
 * The parsers ({@link io.tikun.intake.social.MetaWebhookParser}, {@link io.tikun.intake.social.XWebhookParser},
 * {@link io.tikun.intake.social.GenericWebhookParser}) turn a verified body into
 * {@link io.tikun.intake.social.SocialMessage}s, skipping everything that is not a customer's words: receipts,
 * statuses, edits, removals, likes, follows and the account's own posts and replies. A body that is not JSON or not in
 * the documented shape raises {@link io.tikun.intake.social.SocialWebhookException}, naming the offending field by
 * JSON Pointer; the whole body is refused, not just the bad part, so a provider retry brings everything back.
 * <p>
 * Generic webhook contract (for networks without a dedicated adapter), detailed in
 * {@link io.tikun.intake.social.GenericWebhookParser}:
 *
 * <pre>
 * X-Tikun-Timestamp: &lt;unix seconds&gt;                 must be within 5 minutes of Tikun's clock
 * X-Tikun-Signature: sha256=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;
 * {"messageId", "conversationId", "inReplyTo"?, "author": {"id", "handle"?, "name"?, "followers"?},
 *  "text", "public", "url"?, "sentAt" (ISO-8601 with offset)}
 * </pre>
 *
 * Nothing here stores anything or serves HTTP; the REST resources and the complaint pipeline use these beans.
 */
package io.tikun.intake.social;
