package io.tikun.routing.metrics;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application of its own, so its test resources start a fresh database and the report sees only the test's data. */
public class FreshDatabaseProfile implements QuarkusTestProfile {
}
