package io.tikun.intake.social;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application on a {@link MovableClock}: its own application instance, so no other test sees time move. */
public class MovableClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }
}
