#!/usr/bin/env bash
# Measures, for each service in turn: JVM start to /q/health/ready (wall clock, from process launch) and the
# resident set size once ready (and again after 20 warm-up requests). Runs each service alone on a spare port
# (18081…) with the same JVM options as ./qbank run, against the running local infrastructure.
#   deploy/local/measure-startup.sh [runs per service, default 3]
#   QBANK_AOT=1 deploy/local/measure-startup.sh
#     with a class archive from one training run per service (started until ready, then stopped):
#     on JDK 17, a dynamic AppCDS archive (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile);
#     on JDK 25+ (QBANK_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), an AOT cache (JEP 483/514: -XX:AOTCacheOutput,
#     then -XX:AOTCache). The archive is written to target/quarkus-app/app.aot at the training run's exit.
# Needs: ./qbank run or ./mvnw install -DskipTests first (fast-jars), deploy/local/infra.sh up.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-3}"
OPTS="${QBANK_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=160m}"
JAVA="${QBANK_JAVA:-java}"
AOT="${QBANK_AOT:-0}"
LOG="$(mktemp -d)"
java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --init >/dev/null

launch() { # launch <name> <port> <log> <extra JVM options...>; sets pid
  local name=$1 port=$2 log=$3; shift 3
  QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_PASSWORD="${QBANK_DB_PASSWORD:-qbank}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.keys/jwt-public.pem" \
    "$JAVA" $OPTS "$@" -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$name died; see $log" >&2; exit 1; }
    sleep 0.05
  done
}

FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
echo "java: $("$JAVA" -version 2>&1 | head -1), class archive from a training run: $AOT, options: $OPTS"
printf '%-20s %8s %12s %14s %14s\n' service run ready_ms rss_ready_MB rss_warm_MB
for name in authoring-service delivery-service generation-service review-service analytics-service; do
  port=$((10000 + $(grep -o 'quarkus.http.port=[0-9]*' "$ROOT/$name/src/main/resources/application.properties" | cut -d= -f2)))
  extra=()
  if [ "$AOT" = 1 ]; then
    cache="$ROOT/$name/target/quarkus-app/app.aot"
    rm -f "$cache"
    if [ "$FEATURE" -ge 25 ]; then write=-XX:AOTCacheOutput="$cache"; extra=(-XX:AOTCache="$cache")
    else write=-XX:ArchiveClassesAtExit="$cache"; extra=(-XX:SharedArchiveFile="$cache"); fi
    launch "$name" "$port" "$LOG/$name.training.log" "$write"  # the archive is written at exit
    kill $pid; wait $pid 2>/dev/null || true
  fi
  for run in $(seq 1 "$RUNS"); do
    start=$(date +%s%N)
    launch "$name" "$port" "$LOG/$name.$run.log" "${extra[@]}"
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss_ready=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    for _ in $(seq 1 20); do curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready"; curl -fsS -o /dev/null "http://127.0.0.1:$port/q/metrics"; done
    rss_warm=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    printf '%-20s %8s %12s %14s %14s\n' "$name" "$run" "$ready_ms" "$rss_ready" "$rss_warm"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
echo "(Quarkus' own 'started in' lines: grep -h 'started in' $LOG/*.log)"
