#!/usr/bin/env bash
# Starts and stops the five QBank services as local processes (runner jar with its class cache, prod profile, loopback
# infrastructure, tokens of the local Keycloak; the JVM and its options: jvm.sh). Logs and pids under deploy/local/.infra/run/.
#
#   services.sh start    start every service that is not running, wait until each is ready
#   services.sh train    a training run of each service without a class cache of its jar (jvm.sh)
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

# launch PASS: starts the services that do not answer yet and waits until each is ready. PASS "training" starts only
# those without a class cache newer than their jar, with the options that write it when they exit.
launch() {
  local pass=$1 entry name port pid jar cache
  launched=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; port=${entry##*:}
    if ready "$port"; then [ "$pass" = training ] || log "$name already answers on $port"; continue; fi
    jar="$(service_jar "$ROOT" "$name")"
    [ -n "$jar" ] || { echo "[services] $name/target/*-runner.jar is missing: build first (./mvnw install -DskipTests)" >&2; exit 1; }
    cache="$(class_cache_options "$JAVA" "$jar")"
    if [ "$pass" = training ]; then
      [ -z "$cache" ] || continue
      cache="$(class_cache_training_options "$JAVA" "$jar")"
    fi
    # Every setting comes from the environment, as in Kubernetes; these are the loopback development values.
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_PASSWORD="${QBANK_DB_PASSWORD:-qbank}" \
    nohup "$JAVA" ${QBANK_JAVA_OPTS:-$QBANK_JAVA_DEFAULT_OPTS} $cache -jar "$jar" > "$RUN/$name.log" 2>&1 &
    pid=$!
    echo "$pid" > "$RUN/$name.pid"
    launched+=("$name:$pid:$port")
    log "starting $name on $port$([ "$pass" = service ] || echo ' to train its class cache') (pid $pid, log $RUN/$name.log)${cache:+, $cache}"
  done
  for entry in "${launched[@]}"; do
    IFS=: read -r name pid port <<<"$entry"
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

# With no LLM provider configured (QBANK_LLM_BASE_URL), generation answers from the local OpenAI-compatible stand-in
# (LlmStub.java: valid NBME-style questions after a second, so a job's progress can be watched); the drafts say so in
# their provenance (model local-stub).
llm_stub() {
  [ -z "${QBANK_LLM_BASE_URL:-}" ] || return 0
  local port="${QBANK_LLM_STUB_PORT:-8099}"
  export QBANK_LLM_BASE_URL="http://127.0.0.1:$port/v1/" QBANK_LLM_API_KEY=local-stub QBANK_LLM_MODEL=local-stub
  curl -fsS -o /dev/null -X POST "${QBANK_LLM_BASE_URL}chat/completions" 2>/dev/null && return 0
  nohup "$JAVA" "$HERE/LlmStub.java" "$port" 5 1000 > "$RUN/llm-stub.log" 2>&1 &
  echo $! > "$RUN/llm-stub.pid"
  log "no LLM provider configured (QBANK_LLM_BASE_URL): generation answers from the local stand-in on $port (log $RUN/llm-stub.log)"
  local deadline=$((SECONDS + 30))
  until curl -fsS -o /dev/null -X POST "${QBANK_LLM_BASE_URL}chat/completions" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "[services] the LLM stand-in did not start" >&2; cat "$RUN/llm-stub.log" >&2; exit 1; }
    sleep 0.2
  done
}

start() {
  llm_stub
  launch service
}

# A training run per service without a class cache of its jar: started until ready, then stopped, the cache written as it
# exits; later starts of the same build use it. Trained on a start alone, as a container image build would: JDK 25.0.3
# could not write the cache of a service trained through the end-to-end test ("Unable to allocate from 'ro' region").
train() {
  launch training
  if [ ${#launched[@]} -gt 0 ]; then terminate "${launched[@]}"; else log "every service has a class cache of its jar"; fi
}

# terminate NAME:PID...: stops them and waits until they have exited
terminate() {
  local entry name pid
  for entry in "$@"; do
    IFS=: read -r name pid _ <<<"$entry"
    if kill "$pid" 2>/dev/null; then log "stopping $name (pid $pid)"; fi
    rm -f "$RUN/$name.pid"
  done
  # A training run writes its class cache after the service has stopped: up to a minute with five at once on two cores.
  local deadline=$((SECONDS + 120))
  for entry in "$@"; do
    IFS=: read -r name pid _ <<<"$entry"
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null && log "$name killed: it had not stopped after 120 s" || true
  done
}

stop() {
  local entry name running=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [ -f "$RUN/$name.pid" ] && running+=("$name:$(cat "$RUN/$name.pid")")
  done
  if [ ${#running[@]} -gt 0 ]; then terminate "${running[@]}"; fi
  if [ -f "$RUN/llm-stub.pid" ]; then kill "$(cat "$RUN/llm-stub.pid")" 2>/dev/null && log "stopping the LLM stand-in" || true; rm -f "$RUN/llm-stub.pid"; fi
}

status() {
  local entry
  for entry in "${SERVICES[@]}"; do
    if ready "${entry##*:}"; then echo "${entry%%:*}: ready on http://127.0.0.1:${entry##*:}"; else echo "${entry%%:*}: down"; fi
  done
}

case "${1:-}" in
  start) start ;;
  train) train ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|train|stop|status" >&2; exit 2 ;;
esac
