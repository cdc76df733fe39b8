package io.tikun.intake.email;

/**
 * Metadata of one attached file; the content itself is never kept.
 *
 * @param inline true for parts shown inside the message (e.g. a signature logo in multipart/related)
 * @param overCap true when the decoded size is above {@link EmailLimits#maxAttachmentBytes()}
 */
public record AttachmentInfo(String fileName, String contentType, long sizeBytes, String sha256Hex, boolean inline,
        boolean overCap) {
}
