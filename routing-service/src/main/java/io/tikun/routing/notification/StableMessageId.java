package io.tikun.routing.notification;

import java.util.UUID;

/**
 * The Message-ID an alert e-mail keeps on every attempt. Sending and recording "sent" cannot be
 * one atomic step: an instance that dies between them leaves the alert to be sent again by
 * another. With the same Message-ID, the second copy is the same message to the manager's mail
 * client, which shows it once.
 */
final class StableMessageId {

    private static final String FALLBACK_DOMAIN = "tikun.local";

    private StableMessageId() {
    }

    /** {@code <notification.<id>@<domain of the sender address>>}. */
    static String of(UUID notificationId, String fromAddress) {
        return "<notification." + notificationId + "@" + domainOf(fromAddress) + ">";
    }

    static String domainOf(String address) {
        if (address == null) {
            return FALLBACK_DOMAIN;
        }
        String bare = address.strip();
        if (bare.endsWith(">") && bare.lastIndexOf('<') >= 0) {
            bare = bare.substring(bare.lastIndexOf('<') + 1, bare.length() - 1);
        }
        int at = bare.lastIndexOf('@');
        String domain = at < 0 ? "" : bare.substring(at + 1).strip();
        return domain.isEmpty() ? FALLBACK_DOMAIN : domain;
    }
}
