package io.tikun.intake.ratelimit;

/** The budgets requests are counted against; the name prefixes the stored counters. */
public enum RateLimit {
    CLIENT_IP("ip"),
    TARGET("target"),
    CREDENTIAL("credential");

    private final String key;

    RateLimit(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
