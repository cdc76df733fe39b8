package io.tikun.followup.verification;

import java.net.URI;
import java.time.Instant;

/** A link ready to send to a customer, and when it stops working. */
public record IssuedLink(String token, URI url, Instant expiresAt) {
}
