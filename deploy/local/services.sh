#!/usr/bin/env bash
# Starts and stops the five QBank services as local processes (fast-jar, prod profile, loopback
# infrastructure, development JWT key). Logs and pids under deploy/local/.infra/run/.
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

log() { printf '[services] %s\n' "$*"; }
ready() { curl -fsS -o /dev/null "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }

start() {
  java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --init >/dev/null
  local entry name port pid started=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; port=${entry##*:}
    if ready "$port"; then log "$name already answers on $port"; continue; fi
    local jar="$ROOT/$name/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || { echo "[services] $jar is missing: build first (./mvnw package -DskipTests)" >&2; exit 1; }
    # Every setting comes from the environment, as in Kubernetes; these are the loopback development values.
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_PASSWORD="${QBANK_DB_PASSWORD:-qbank}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.keys/jwt-public.pem" \
    MP_JWT_VERIFY_ISSUER="${QBANK_JWT_ISSUER:-https://qbank.dev/issuer}" \
    nohup java ${QBANK_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=160m} \
      -jar "$jar" > "$RUN/$name.log" 2>&1 &
    pid=$!
    echo "$pid" > "$RUN/$name.pid"
    started+=("$name:$port:$pid")
    log "starting $name on $port (pid $pid, log $RUN/$name.log)"
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
  local entry name pid
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [ -f "$RUN/$name.pid" ] || continue
    pid=$(cat "$RUN/$name.pid")
    if kill "$pid" 2>/dev/null; then log "stopping $name (pid $pid)"; fi
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$RUN/$name.pid"
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
