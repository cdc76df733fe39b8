package io.tikun.intake.customer;

/** A person who complains, resolved to one record across channels. */
public record Customer(String id, String name, String email, String phone) {
}
