package io.tikun.intake.hotspot;

/** The upper tail of the Poisson distribution: how likely at least {@code n} events are when {@code lambda} are expected. */
final class PoissonTail {

    private PoissonTail() {
    }

    /** P(X >= n) for X ~ Poisson(lambda), summed in log space from the mode side so large counts stay exact. */
    static double atLeast(int n, double lambda) {
        if (n <= 0) {
            return 1.0;
        }
        if (lambda <= 0) {
            return 0.0;
        }
        // Sum the tail directly from n upwards: terms shrink once k > lambda, so stop when they no longer matter.
        double logTerm = n * Math.log(lambda) - lambda - logFactorial(n);
        double sum = 0;
        double term = Math.exp(logTerm);
        for (int k = n; k < n + 10_000; k++) {
            sum += term;
            term *= lambda / (k + 1);
            if (k + 1 > lambda && term < sum * 1e-15) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
