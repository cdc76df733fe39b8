package io.tikun.benchmark;

import java.time.Duration;

/** The CPU time a process has used so far, user and system, as the kernel counts it (/proc/&lt;pid&gt;/stat). */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static Duration of(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }
}
