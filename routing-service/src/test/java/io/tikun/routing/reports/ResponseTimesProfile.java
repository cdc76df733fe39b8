package io.tikun.routing.reports;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tikun.routing.time.MovableClock;

/** An application of its own on a {@link MovableClock}: a fresh database holding only the test's cases. */
public class ResponseTimesProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }
}
