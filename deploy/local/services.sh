#!/usr/bin/env bash
# Starts and stops the five QBank services as local processes (runner jar with its class cache, prod profile, loopback
# infrastructure, development JWT key; the JVM and its options: jvm.sh). Logs and pids under deploy/local/.infra/run/.
#
#   services.sh start    start every service that is not running, wait until each is ready
#   services.sh stop     stop the services this script started
#   services.sh status   which services answer /q/health/ready
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN="${QBANK_INFRA_DIR:-$HERE/.infra}/run"
SERVICES=(authoring-service:8081 delivery-service:8082 generation-service:8083 review-service:8084 analytics-service:8085)
mkdir -p "$RUN"
. "$HERE/jvm.sh"
JAVA="$(qbank_java)"

log() { printf '[services] %s\n' "$*"; }
ready() { curl -fsS -o /dev/null "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }

start() {
  java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --init >/dev/null
  local entry name port pid started=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; port=${entry##*:}
    if ready "$port"; then log "$name already answers on $port"; continue; fi
    local jar cache
    jar="$(service_jar "$ROOT" "$name")"
    [ -n "$jar" ] || { echo "[services] $name/target/*-runner.jar is missing: build first (./mvnw install -DskipTests)" >&2; exit 1; }
    cache="$(class_cache_options "$JAVA" "$jar")"
    # Every setting comes from the environment, as in Kubernetes; these are the loopback development values.
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_PASSWORD="${QBANK_DB_PASSWORD:-qbank}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.keys/jwt-public.pem" \
    MP_JWT_VERIFY_ISSUER="${QBANK_JWT_ISSUER:-https://qbank.dev/issuer}" \
    nohup "$JAVA" ${QBANK_JAVA_OPTS:-$QBANK_JAVA_DEFAULT_OPTS} $cache -jar "$jar" > "$RUN/$name.log" 2>&1 &
    pid=$!
    echo "$pid" > "$RUN/$name.pid"
    started+=("$name:$port:$pid")
    log "starting $name on $port (pid $pid, log $RUN/$name.log)${cache:+, $cache}"
  done
  for entry in "${started[@]}"; do
    IFS=: read -r name port pid <<<"$entry"
    local deadline=$((SECONDS + 90))
    until ready "$port"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "[services] $name exited; last lines of its log:" >&2; tail -30 "$RUN/$name.log" >&2; exit 1
      fi
      [ $SECONDS -lt $deadline ] || { echo "[services] $name not ready after 90 s" >&2; tail -30 "$RUN/$name.log" >&2; exit 1; }
      sleep 0.2
    done
    log "$name ready"
  done
}

stop() {
  local entry name pid stopping=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [ -f "$RUN/$name.pid" ] || continue
    pid=$(cat "$RUN/$name.pid")
    if kill "$pid" 2>/dev/null; then log "stopping $name (pid $pid)"; stopping+=("$name:$pid"); fi
    rm -f "$RUN/$name.pid"
  done
  # A training run writes its class cache after the service has stopped: up to a minute with five at once on two cores.
  local deadline=$((SECONDS + 120))
  for entry in "${stopping[@]}"; do
    IFS=: read -r name pid <<<"$entry"
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null && log "$name killed: it had not stopped after 120 s" || true
  done
}

status() {
  local entry
  for entry in "${SERVICES[@]}"; do
    if ready "${entry##*:}"; then echo "${entry%%:*}: ready on http://127.0.0.1:${entry##*:}"; else echo "${entry%%:*}: down"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
