package io.tikun.followup.message;

import java.util.List;

/**
 * A message to a customer as a composer wrote it: the subject (intake adds the {@code [TK-…]} token), the plain text
 * (which also spells out every link) and the links the customer acts on.
 */
public record CustomerMessageDraft(String subject, String text, List<Link> links) {

    /** A link the customer acts on, shown as a button where the channel has them. */
    public record Link(String label, String url) {
    }

    public CustomerMessageDraft {
        links = List.copyOf(links);
    }
}
