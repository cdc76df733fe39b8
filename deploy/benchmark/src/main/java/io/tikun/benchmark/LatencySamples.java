package io.tikun.benchmark;

import java.util.Arrays;

/** Latencies of one load loop, in microseconds; loops are merged once the run is over. */
final class LatencySamples {

    private static final int INITIAL_CAPACITY = 4096;

    private long[] micros = new long[INITIAL_CAPACITY];
    private int size;

    void add(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    int size() {
        return size;
    }

    static LatencySamples merge(Iterable<LatencySamples> parts) {
        LatencySamples all = new LatencySamples();
        for (LatencySamples part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.micros[i] * 1_000);
            }
        }
        return all;
    }

    /** The latency below which {@code percent} of the samples lie (nearest rank), in milliseconds. */
    double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000.0;
    }
}
