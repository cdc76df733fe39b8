package io.tikun.intake.corpus;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The fixture corpus runs in its own application instance, with its own empty store: severity signals such as repeat
 * complaints depend on what a customer sent before, so results must not depend on which other tests ran first.
 */
public class FixtureCorpusProfile implements QuarkusTestProfile {
}
