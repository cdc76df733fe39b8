package io.tikun.intake.social;

import java.util.List;

/** What a webhook delivery became: one entry per customer message it carried. */
public record SocialDelivery(int received, List<Item> complaints) {

    /**
     * A message and the complaint it is (new, or the one an earlier delivery created) or continues ({@code threaded}:
     * added to that complaint as a further message).
     */
    public record Item(String providerMessageId, String complaintId, String reference, boolean created,
            boolean threaded) {
    }
}
