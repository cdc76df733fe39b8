package io.tikun.routing.canned;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * What to preview: a canned response, or the agent's own {@code text} (which wins when both are given);
 * {@code language} is the customer's when the agent knows it better than the case does.
 */
public record ReplyPreviewRequest(UUID cannedResponseId, @Size(max = 5000) String text, @Size(max = 20) String language) {
}
