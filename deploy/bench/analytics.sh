#!/usr/bin/env bash
# Analytics benchmark (issue 7): sustained ingest of delivery events from Kafka into the facts and rollups, next to
# Kafka's own consumer (kafka-consumer-perf-test, ConsumerPerformance) reading the same records as the ceiling; and the
# calibration of the simulated 2PL bank of the issue (200 items, 20,000 examinees × 40 items).
#   deploy/bench/analytics.sh [quizzes, default 5000] [items per quiz, default 20]
# Each run writes QUIZZES × (2 + 2 × LENGTH) new events (5000 × 42 = 210,000) to a topic of the benchmark's own,
# bench.analytics.delivery, and has analytics-service (alone on :18185, a fresh consumer group) read them from the start.
# Needs deploy/local/infra.sh up and the services built.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
QUIZZES="${1:-5000}"
LENGTH="${2:-20}"
TENANT=bench-analytics
PORT=18185
TOPIC=bench.analytics.delivery
EVENTS=$((QUIZZES * (2 + 2 * LENGTH)))

# only this run's records: the topic is made anew, and the service and the ceiling both read it from its start
java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --delete --if-exists --topic "$TOPIC" >/dev/null 2>&1
until java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --create --if-not-exists \
    --topic "$TOPIC" --partitions 6 --replication-factor 1 >/dev/null 2>&1; do sleep 0.5; done  # the deletion completes asynchronously
java -cp "$KAFKA_LIBS/*" "$HERE/QuizEventLoad.java" "$TENANT" "$QUIZZES" "$LENGTH" 20000 4000 "$TOPIC" 2>/dev/null

echo "[bench] ceiling: Kafka's consumer reading the last $EVENTS records of $TOPIC"
java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server localhost:9092 --topic "$TOPIC" \
  --messages "$EVENTS" --group "analytics-ceiling-$(date +%s%N)" 2>/dev/null | sed 's/^/[bench]   /'

GROUP="analytics-bench-$(date +%s%N)"
start_service analytics-service $PORT QBANK_OUTBOX_TOPIC_PREFIX=bench. MP_MESSAGING_INCOMING_DELIVERY_TOPIC="$TOPIC" \
  MP_MESSAGING_INCOMING_DELIVERY_GROUP_ID="$GROUP" QBANK_ANALYTICS_CALIBRATION_CRON=off
applied() { curl -fsS "http://127.0.0.1:$PORT/q/metrics" \
  | awk '/^qbank_events_consumed_total\{.*consumer="delivery".*outcome="applied"/ { n = $2 } END { printf "%d", n }'; }
t0=$(date +%s.%N)
first=""
while :; do
  now=$(applied)
  [ -z "$first" ] && [ "$now" -gt 0 ] && first=$(date +%s.%N)
  [ "$now" -ge "$EVENTS" ] && break
  kill -0 $SERVICE_PID 2>/dev/null || { tail -50 "$SERVICE_LOG" >&2; exit 1; }
  sleep 0.2
done
t1=$(date +%s.%N)
awk -v n="$EVENTS" -v a="$first" -v b="$t1" 'BEGIN { printf "[bench] analytics applied %d events in %.1f s from the first one applied: %.0f events/s sustained\n", n, b - a, n / (b - a) }'
curl -fsS "http://127.0.0.1:$PORT/q/metrics" | grep -E '^qbank_events_batch_(seconds|size)_(sum|count|max)\{consumer="delivery"' | sed 's/^/[bench] /'
echo "[bench] rollup check (one snapshot): $(psql_on qbank_analytics -Atc "SELECT (SELECT sum(attempts) FROM cohort_daily WHERE tenant_id = '$TENANT') || ' attempts in cohort_daily, ' || (SELECT count(*) FROM response_fact WHERE tenant_id = '$TENANT') || ' facts'")"

echo "[bench] calibration of the simulated 2PL bank (200 items, 20,000 examinees × 40 items)"
(cd "$ROOT" && ./mvnw -B -ntp -q -o test -pl analytics-service -Dtest=MmlCalibrationTest#recoversASimulatedTwoParameterBankFromSparseResponses \
  -Dsurefire.failIfNoSpecifiedTests=false -Dqbank.calibration.report=true) | grep '\[calibration\]' | sed 's/^/[bench] /'
