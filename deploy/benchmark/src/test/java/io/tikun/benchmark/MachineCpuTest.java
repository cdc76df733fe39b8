package io.tikun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void threadsOfOnePoolOrOneServerAreOneGroup() {
        assertThat(MachineCpu.group("mongo-server-worker3")).isEqualTo("mongo-server-worker");
        assertThat(MachineCpu.group("smtp:127.0.0.1:46779<-/127.0.0.1:45384")).isEqualTo("smtp");
        assertThat(MachineCpu.group("kafka-producer-network-thread | producer-1"))
                .isEqualTo("kafka-producer-network-thread | producer");
        assertThat(MachineCpu.group("main")).isEqualTo("main");
    }

    @Test
    void aWindowCountsTheCpuThisProcessSpentInItAndTheKernelsBusyShare() {
        MachineCpu.Snapshot opened = MachineCpu.take();
        long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
        long spins = 0;
        while (System.nanoTime() < until) {
            spins++;
        }
        MachineCpu.Snapshot closed = MachineCpu.take();

        String report = MachineCpu.report(opened, closed, Map.of(ProcessHandle.current().pid(), "the test"));

        assertThat(spins).isPositive();
        // Busy for 0.3 s of wall time: the process's own line shows at least a tenth of a second of CPU.
        assertThat(report).containsPattern("\\| the test \\| (0\\.[1-9]|[1-9][0-9]*\\.[0-9]) s \\|")
                .containsPattern("\\*\\*the machine busy, by the kernel\\*\\*.*\\| \\*\\*[0-9]+\\.[0-9]%\\*\\* \\|")
                .contains("| `main` |");
    }
}
