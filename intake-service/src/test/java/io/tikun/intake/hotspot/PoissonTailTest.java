package io.tikun.intake.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonTailTest {

    @Test
    void givesTheClosedFormTailForSmallCounts() {
        assertThat(PoissonTail.atLeast(1, 1.0)).isCloseTo(1 - Math.exp(-1), within(1e-12));
        assertThat(PoissonTail.atLeast(3, 0.5)).isCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125), within(1e-12));
        assertThat(PoissonTail.atLeast(2, 4.0)).isCloseTo(1 - Math.exp(-4) * 5, within(1e-12));
    }

    @Test
    void isCertainForNoEventsAndImpossibleWithNothingExpected() {
        assertThat(PoissonTail.atLeast(0, 3.0)).isEqualTo(1.0);
        assertThat(PoissonTail.atLeast(1, 0.0)).isEqualTo(0.0);
    }

    @Test
    void staysFiniteAndFallsWithTheCountFarIntoTheTail() {
        double fifty = PoissonTail.atLeast(50, 10.0);
        double hundred = PoissonTail.atLeast(100, 10.0);
        assertThat(fifty).isPositive().isLessThan(1e-15);
        assertThat(hundred).isPositive().isLessThan(fifty);
        // a count near a large expectation is unremarkable
        assertThat(PoissonTail.atLeast(1000, 1000.0)).isBetween(0.45, 0.55);
    }
}
