package io.tikun.intake.email;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application with {@link ThreadRecordingMimeParser}: its own application instance, no other test sees it. */
public class ParseThreadProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ThreadRecordingMimeParser.class);
    }
}
