package io.tikun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

class CollapsedProfileTest {

    private static final CollapsedProfile PROFILE = CollapsedProfile.parse(List.of(
            "[vert.x-eventloop-thread-0 tid=101];io/vertx/core/impl/ContextImpl.run;"
                    + "io/tikun/routing/cases/CaseService_ClientProxy.opening;io/tikun/routing/cases/CaseService.opening;"
                    + "com/fasterxml/jackson/core/json/UTF8StreamJsonParser.nextToken_[j] 30",
            "[vert.x-eventloop-thread-1 tid=102];io/vertx/core/impl/ContextImpl.run;"
                    + "io/tikun/routing/cases/CaseService.opening;io/tikun/routing/cases/CaseService.opening;"
                    + "io/tikun/routing/cases/CaseService$$Lambda$2578.0x00007eff68efb6d0.run 20",
            "[C2 CompilerThread0 tid=9];thread_native_entry;CompileBroker::compiler_thread_loop 45",
            "[GC Thread#1 tid=12];/usr/lib/x86_64-linux-gnu/libc.so.6 5"));

    @Test
    void threadsOfOnePoolAreOneGroupAndEverySampleIsCounted() {
        assertThat(PROFILE.samples()).isEqualTo(100);
        assertThat(PROFILE.byThread()).containsOnly(entry("vert.x-eventloop-thread", 50L),
                entry("C2 CompilerThread", 45L), entry("GC Thread", 5L));
    }

    @Test
    void theSampledFrameIsFiledUnderItsJavaPackageOrAsNativeCode() {
        assertThat(PROFILE.byLeafPackage()).containsOnly(entry("com.fasterxml.jackson.core.json", 30L),
                entry("io.tikun.routing.cases", 20L), entry("native and JVM", 50L));
    }

    @Test
    void aMethodCountsEachStackOnceAndGeneratedProxiesAreLeftOut() {
        assertThat(PROFILE.inclusive("io.tikun.")).containsOnly(entry("io.tikun.routing.cases.CaseService.opening", 50L));
    }

    @Test
    void theTableShowsTheLargestFirstWithTheirShareOfAllSamples() {
        assertThat(PROFILE.table("thread group", PROFILE.byThread(), 2)).isEqualTo("""
                | thread group | samples | share |
                |---|---|---|
                | `vert.x-eventloop-thread` | 50 | 50.0% |
                | `C2 CompilerThread` | 45 | 45.0% |
                """);
    }
}
