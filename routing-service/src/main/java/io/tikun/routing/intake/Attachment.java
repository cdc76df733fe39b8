package io.tikun.routing.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file the customer attached to an e-mail, as intake announced it: the name the mail gave (null when none), the
 * declared MIME type, the decoded size in bytes and the SHA-256 of the content (null for a container part). Neither
 * intake nor routing keeps the content; the original stays in the support mailbox.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attachment(String name, String type, long size, String sha256) {
}
