#!/usr/bin/env bash
# Measures, for each service in turn: JVM start to /q/health/ready (wall clock, from process launch) and the resident set
# size once ready (and again after 20 warm-up requests). Runs each service alone on a spare port (18081…) the way
# ./qbank run does (jvm.sh: the same JVM, options and class cache), against the running local infrastructure. A service
# whose class cache is missing or older than its jar gets a training run first (started until ready, then stopped).
#   deploy/local/measure-startup.sh [runs per service, default 3]
#   QBANK_SERVICES="authoring-service review-service" deploy/local/measure-startup.sh   some services only
#   QBANK_CLASS_CACHE=0 deploy/local/measure-startup.sh                                 without the class cache
#   QBANK_JAVA=java deploy/local/measure-startup.sh                                     on the default JDK (17 here)
# Needs: ./qbank run or ./mvnw install -DskipTests first (the runner jars), deploy/local/infra.sh up.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-3}"
. "$HERE/jvm.sh"
JAVA="$(qbank_java)"
OPTS="${QBANK_JAVA_OPTS:-$QBANK_JAVA_DEFAULT_OPTS}"
LOG="$(mktemp -d)"
java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --init >/dev/null

launch() { # launch <jar> <port> <log> <extra JVM options...>; sets pid
  local jar=$1 port=$2 log=$3; shift 3
  QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_PASSWORD="${QBANK_DB_PASSWORD:-qbank}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.keys/jwt-public.pem" \
    "$JAVA" $OPTS "$@" -jar "$jar" > "$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$jar died; see $log" >&2; exit 1; }
    sleep 0.05
  done
}

# This machine's speed varies over time (see deploy/bench/lib.sh): the same fixed work, timed before and after.
calibrate() {
  local ms; ms=$(PGPASSWORD="${QBANK_DB_PASSWORD:-qbank}" psql -h 127.0.0.1 -U qbank -d qbank_authoring -X -q -c '\timing on' \
    -c 'SELECT count(*) FROM generate_series(1, 3000000)' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  echo "calibration ($1): generate_series(1, 3000000) counted in $ms ms"
}

echo "java: $("$JAVA" -version 2>&1 | head -1), class cache: ${QBANK_CLASS_CACHE:-1}, options: $OPTS"
calibrate before
printf '%-20s %8s %12s %14s %14s\n' service run ready_ms rss_ready_MB rss_warm_MB
for name in ${QBANK_SERVICES:-authoring-service delivery-service generation-service review-service analytics-service}; do
  port=$((10000 + $(grep -o 'quarkus.http.port=[0-9]*' "$ROOT/$name/src/main/resources/application.properties" | cut -d= -f2)))
  jar="$(service_jar "$ROOT" "$name")"
  [ -n "$jar" ] || { echo "$name is not built: ./mvnw install -DskipTests" >&2; exit 1; }
  cache=$(class_cache_options "$JAVA" "$jar")
  if [ -z "$cache" ] && [ "${QBANK_CLASS_CACHE:-1}" = 1 ]; then
    launch "$jar" "$port" "$LOG/$name.training.log" $(class_cache_training_options "$JAVA" "$jar")
    kill $pid; wait $pid 2>/dev/null || true  # the cache is written at exit
    cache=$(class_cache_options "$JAVA" "$jar")
  fi
  for run in $(seq 1 "$RUNS"); do
    start=$(date +%s%N)
    launch "$jar" "$port" "$LOG/$name.$run.log" $cache
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss_ready=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    for _ in $(seq 1 20); do curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready"; curl -fsS -o /dev/null "http://127.0.0.1:$port/q/metrics"; done
    rss_warm=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    printf '%-20s %8s %12s %14s %14s\n' "$name" "$run" "$ready_ms" "$rss_ready" "$rss_warm"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
calibrate after
echo "(Quarkus' own 'started in' lines: grep -h 'started in' $LOG/*.log)"
