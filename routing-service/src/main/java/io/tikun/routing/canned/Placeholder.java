package io.tikun.routing.canned;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The values a canned response may name in braces, such as {@code {customerName}}. */
public enum Placeholder {
    CUSTOMER_NAME("customerName"),
    REFERENCE("reference"),
    DUE_AT("dueAt"),
    AGENT_NAME("agentName"),
    CASE_ID("caseId");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    /** The name written between the braces. */
    public String token() {
        return token;
    }

    /** The placeholder written as {@code name} (exact case), if there is one. */
    public static Optional<Placeholder> named(String name) {
        return Arrays.stream(values()).filter(p -> p.token.equals(name)).findFirst();
    }

    /** {@code {customerName}, {reference}, ...}: for messages that say what is allowed. */
    public static String known() {
        return Arrays.stream(values()).map(p -> "{" + p.token + "}").collect(Collectors.joining(", "));
    }
}
