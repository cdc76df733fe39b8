package io.tikun.intake.email;

/** A mailbox from a header: the display name (decoded, may be null) and the address. */
public record EmailAddress(String name, String address) {
}
