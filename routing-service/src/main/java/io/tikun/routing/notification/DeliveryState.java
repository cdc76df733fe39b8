package io.tikun.routing.notification;

/** Delivery progress of a notification. */
public enum DeliveryState {
    PENDING,
    SENT,
    FAILED
}
