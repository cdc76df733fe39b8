package io.tikun.intake.customer;

/** How much the customer is worth to the business; GOLD and VIP raise a complaint's severity. */
public enum CustomerTier {
    STANDARD,
    GOLD,
    VIP
}
