package io.tikun.stack;

import java.util.Arrays;
import java.util.List;

/**
 * Extra options for the JVMs a stack starts (services and Keycloak), from the system property
 * {@code tikun.stack.child-jvm-options} (space-separated; none when unset). The build's tests set it to C1-only
 * compilation, which on two cores starts and runs a short-lived server sooner; benchmarks leave it unset and measure
 * the servers as shipped.
 */
public final class ChildJvmOptions {

    public static final String PROPERTY = "tikun.stack.child-jvm-options";

    private ChildJvmOptions() {
    }

    public static List<String> fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "").strip();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }
}
