package io.tikun.intake.social;

import java.util.Objects;

/**
 * Who wrote a social message, as far as the network tells us.
 *
 * @param id the network's own id for the author (page-scoped or app-scoped on Meta, so not comparable across networks)
 * @param handle the public handle without "@", or null when the network gives none (Facebook, Messenger)
 * @param displayName the display name, or null when the payload does not carry it
 * @param followers the follower count when the payload gives it, else null
 * @param phone the phone number in E.164 form ("+972501234567"), only for WhatsApp, else null
 */
public record SocialAuthor(String id, String handle, String displayName, Long followers, String phone) {

    public SocialAuthor {
        Objects.requireNonNull(id, "id");
    }
}
