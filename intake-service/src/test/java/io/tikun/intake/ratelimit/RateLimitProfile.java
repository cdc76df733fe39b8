package io.tikun.intake.ratelimit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Small budgets, and a proxy in front that sets X-Forwarded-For, so tests can play several clients from one machine.
 * Windows of a day: a test never straddles the start of a new one in practice.
 */
public class RateLimitProfile implements QuarkusTestProfile {

    static final int PER_IP = 3;
    static final int PER_TARGET = 2;
    static final int PER_CREDENTIAL = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tikun.intake.rate-limit.client-ip.requests", Integer.toString(PER_IP),
                "tikun.intake.rate-limit.client-ip.window", "P1D",
                "tikun.intake.rate-limit.target.requests", Integer.toString(PER_TARGET),
                "tikun.intake.rate-limit.target.window", "P1D",
                "tikun.intake.rate-limit.credential.requests", Integer.toString(PER_CREDENTIAL),
                "tikun.intake.rate-limit.credential.window", "P1D",
                // Every request counted in the store at once: these tests count exactly; batching has tests of its own.
                "tikun.intake.rate-limit.credential.batched-below", "0",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }
}
