package io.tikun.intake.email;

import java.util.List;

/** The verdict on whether a message was sent by a machine, with the header lines that prove it. */
public record AutomatedSignal(AutomatedKind kind, List<String> evidence) {

    public static final AutomatedSignal HUMAN = new AutomatedSignal(AutomatedKind.NONE, List.of());

    public AutomatedSignal {
        evidence = List.copyOf(evidence);
    }

    public boolean automated() {
        return kind != AutomatedKind.NONE;
    }
}
