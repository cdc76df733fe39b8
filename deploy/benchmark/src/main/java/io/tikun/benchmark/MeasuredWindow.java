package io.tikun.benchmark;

/**
 * Told when a load generator's measured window opens (its warm-up is over) and when it closes, so that what is read
 * beside the requests (a service's CPU time, a profiler's samples) covers exactly the requests counted.
 */
interface MeasuredWindow {

    MeasuredWindow NONE = new MeasuredWindow() {
        @Override
        public void opened() {
        }

        @Override
        public void closed() {
        }
    };

    void opened();

    void closed();
}
