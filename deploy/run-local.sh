#!/usr/bin/env bash
# Starts the whole of Tikun on this machine: Kafka, PostgreSQL, a MongoDB wire-protocol server,
# Keycloak, a mail sandbox and the three services. Builds first when the build is missing or
# older than the sources. Ctrl-C stops everything. Needs only a JDK 17+; all else comes from
# Maven Central. Pass --fresh to start from empty data (kept in ~/.tikun/local by default).
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=deploy/local-stack/target/local-stack.jar
build_needed() {
  [ -f "$launcher" ] || return 0
  [ -d deploy/servers/target/kafka/libs ] || return 0
  for service in intake-service routing-service followup-service; do
    [ -f "$service/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  # Any source, resource or build file changed since the last build?
  [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o -type f \
        \( -name '*.java' -o -name '*.properties' -o -name '*.sql' -o -name '*.json' -o -name 'pom.xml' \) \
        -newer "$launcher" -print -quit)" ]
}

if build_needed; then
  echo "Building Tikun (first time: a few minutes, mostly downloads) ..."
  ./mvnw -B -q install -DskipTests
  touch "$launcher"
fi
exec java -cp "$launcher:deploy/local-stack/target/lib/*" io.tikun.stack.LocalStackLauncher "$@"
