#!/usr/bin/env bash
# Runs Tikun's benchmarks (not tests) on this machine and appends their results to
# deploy/benchmark/RESULTS.md. Each benchmark starts the real servers it needs on free ports,
# from Maven Central, and the packaged services. Run it on an otherwise idle machine.
#   deploy/benchmark/run.sh intake   [--concurrency=64] [--warm-up=PT60S] [--measure=PT30S] [--phases=raw,health,read,web,email] [--profile=web,...] [--hotspots=true] [--intake-jvm-options=...]
#   deploy/benchmark/run.sh routing  [--complaints=100] [--warm-up-complaints=20] [--pace=PT0.3S] [--first-response=PT20S]
#   deploy/benchmark/run.sh storm    [--storm=20000] [--concurrency=16] [--warm-up=300] [--urgent-every=PT0.5S] [--drain-wait=PT20M] [--hotspots=true] [--lane-off=true] [--routing-batch=500]
#   deploy/benchmark/run.sh sustained [--duration=PT5M] [--concurrency=16] [--warm-up=300] [--sample-every=PT10S] [--catch-up-wait=PT20M] [--mail-wait=PT5M] [--hotspots=false]
#   deploy/benchmark/run.sh relay    [--backlog=3000] [--concurrency=16] [--relay-concurrency=1,8] [--wait=PT10M]
#   deploy/benchmark/run.sh drain    [--events=20000] [--events-off=3000] [--severe-percent=20] [--seed=20261206] [--wait=PT20M] [--warm-events=<events>] [--profile=false] [--manager-stream=true] [--two-instances=true] [--routing-jvm-options=...]
#   deploy/benchmark/run.sh hotspots [--weeks=8] [--per-workday=150] [--spikes=12] [--spike-size=6] [--spike-spread=PT4H] [--seed=20261205]
#   deploy/benchmark/run.sh million  [--cases=1000000] [--customers=300000] [--promises=200000] [--hotspots=3000] [--complaints=100000] [--warm-up=20] [--requests=200] [--cap=PT40S]
#   deploy/benchmark/run.sh all      (all but million, which needs ~3 GB of disk and ~10 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -f deploy/benchmark/target/benchmark.jar ] || [ ! -f intake-service/target/quarkus-app/quarkus-run.jar ] \
    || [ ! -f routing-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q install -DskipTests
fi

# TIKUN_BENCHMARK_CLASSES=1 runs the classes compiled in this tree (`./mvnw -o -pl deploy/benchmark -am compile`)
# ahead of the packaged jars, so a change to intake's topology is measured without installing it.
classpath="deploy/benchmark/target/benchmark.jar:deploy/benchmark/target/lib/*"
if [ "${TIKUN_BENCHMARK_CLASSES:-0}" = 1 ]; then
  classpath="deploy/benchmark/target/classes:intake-service/target/classes:$classpath"
fi

run() {
  java -Xmx4g -cp "$classpath" "$@"
}

what=${1:-all}
shift || true
case "$what" in
  intake) run io.tikun.benchmark.IntakeLoadBenchmark "$@" ;;
  routing) run io.tikun.benchmark.EscalationLatencyBenchmark "$@" ;;
  storm) run io.tikun.benchmark.StormLatencyBenchmark "$@" ;;
  hotspots) run io.tikun.benchmark.HotspotReplayBenchmark "$@" ;;
  drain) run io.tikun.benchmark.DrainBenchmark "$@" ;;
  sustained) run io.tikun.benchmark.SustainedLoadBenchmark "$@" ;;
  relay) run io.tikun.benchmark.RelayDrainBenchmark "$@" ;;
  million) run io.tikun.benchmark.MillionCasesBenchmark "$@" ;;
  all)
    run io.tikun.benchmark.IntakeLoadBenchmark
    run io.tikun.benchmark.EscalationLatencyBenchmark
    run io.tikun.benchmark.StormLatencyBenchmark
    run io.tikun.benchmark.HotspotReplayBenchmark
    run io.tikun.benchmark.DrainBenchmark
    run io.tikun.benchmark.SustainedLoadBenchmark
    run io.tikun.benchmark.RelayDrainBenchmark
    ;;
  *) echo "usage: $0 intake|routing|storm|sustained|relay|hotspots|drain|million|all [--name=value ...]" >&2; exit 2 ;;
esac
