package io.tikun.intake.severity;

/** How visible a complaint is: a public post, and how many people follow its author. */
public record Exposure(boolean publicPost, Long reach) {

    public static final Exposure PRIVATE = new Exposure(false, null);
}
