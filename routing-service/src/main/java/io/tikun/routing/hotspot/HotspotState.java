package io.tikun.routing.hotspot;

/** Whether a hotspot still needs the managers' attention. */
public enum HotspotState {
    /** Its window plus the cool-down has not ended and no manager acknowledged it. */
    CURRENT,
    /** Over: its window plus the cool-down ended, or a manager acknowledged it. */
    PAST
}
