package io.tikun.intake.social;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Lets through only X deliveries for an account Tikun subscribed ({@code for_user_id} on
 * {@code tikun.channels.x.subscribed-user-ids}): a body signed by our consumer secret is not enough on its own, since
 * the secret signs whatever the app is sent for any account subscribed to it.
 */
@ApplicationScoped
public class XSubscribedAccounts {

    private static final int FORBIDDEN = 403;

    private final Set<String> subscribed;

    public XSubscribedAccounts(ChannelsConfig config) {
        this.subscribed = Set.copyOf(config.x().subscribedUserIds().orElse(List.of()));
    }

    /** @throws RejectedPayload 403 when the delivery is for an account not on the list (or names none) */
    public ParsedWebhook requireSubscribed(ParsedWebhook parsed) {
        if (parsed.account() == null || !subscribed.contains(parsed.account())) {
            throw new RejectedPayload(FORBIDDEN, "Account not subscribed",
                    "The delivery is for an X account this service is not subscribed to.", List.of());
        }
        return parsed;
    }
}
