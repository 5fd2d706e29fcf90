#!/usr/bin/env bash
# Review benchmark (issue 5): due-queue latency with 5 million attempts over 50,000 learners, and sustained
# consumption of AnswerSubmitted.
#   deploy/bench/review.sh [users, default 50000] [schedules per user, default 50] [events, default 60000] [clients, default 4] [seconds, default 10]
# users × schedules × 2 attempts are seeded (50,000 × 50 × 2 = 5,000,000) into tenant "bench-review" of the development
# database qbank_review (deterministic ids: a second run adds nothing). Needs deploy/local/infra.sh up and the services built.
# Starts review-service alone on :18184 reading answers from a topic of the benchmark's own (bench.review.answers, so that
# the other services' consumer groups never have to wade through benchmark events on qbank.delivery.v1), measures
# GET /due with deploy/bench/HttpBench.java, then sends the events with deploy/bench/AnswerLoad.java and times how long
# the service takes to apply them all (attempts counted in the database).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
USERS="${1:-50000}"
PER_USER="${2:-50}"
EVENTS="${3:-60000}"
CONCURRENCY="${4:-4}"
SECONDS_PER_SCENARIO="${5:-10}"
ITEMS=2000
TENANT=bench-review
PORT=18184
BASE="http://127.0.0.1:$PORT"
ANSWERS_TOPIC=bench.review.answers
psql_db() { psql_on qbank_review "$@"; }

bench_topic "$ANSWERS_TOPIC"
bench_topic bench.qbank.reviews.v1  # ReviewRecorded: analytics' consumer groups never see benchmark reviews
start_service review-service $PORT QBANK_OUTBOX_TOPIC_PREFIX=bench. MP_MESSAGING_INCOMING_ANSWERS_TOPIC="$ANSWERS_TOPIC" \
  MP_MESSAGING_INCOMING_ANSWERS_GROUP_ID="review-bench-$(date +%s)" MP_MESSAGING_INCOMING_ANSWERS_AUTO_OFFSET_RESET=latest \
  QBANK_OUTBOX_RELAY_ENABLED="${QBANK_OUTBOX_RELAY_ENABLED:-true}"

want=$((USERS * PER_USER * 2))
have=$(psql_db -Atc "SELECT count(*) FROM review_attempt WHERE tenant_id = '$TENANT'")
if [ "$have" -lt "$want" ]; then
  echo "[bench] seeding $USERS learners × $PER_USER schedules × 2 attempts = $want attempts (has $have)"
  start=$(date +%s)
  psql_db -v tenant="$TENANT" -v users="$USERS" -v per_user="$PER_USER" -v items="$ITEMS" -f "$HERE/seed-review.sql"
  echo "[bench] seeded in $(( $(date +%s) - start )) s"
fi
echo "[bench] tenant $TENANT: $(psql_db -Atc "SELECT count(*) FROM review_attempt WHERE tenant_id = '$TENANT'") attempts," \
  "$(psql_db -Atc "SELECT count(*) FROM review_schedule WHERE tenant_id = '$TENANT'") schedules," \
  "$(psql_db -Atc "SELECT count(DISTINCT user_id) FROM review_schedule WHERE tenant_id = '$TENANT'") learners"

learner() { psql_db -Atc "SELECT md5('$TENANT' || 'user' || $1)::uuid"; }
token() { java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --tenant "$TENANT" --ttl 7200 --role student --sub "$1"; }
TOPIC=$(psql_db -Atc "SELECT md5('$TENANT' || 'root' || 1)::uuid")
echo "[bench] warming up (JIT, connection pool, statement caches) for 10 s on another learner"
java "$HERE/HttpBench.java" --base "$BASE" --token "$(token "$(learner 2)")" --concurrency "$CONCURRENCY" --seconds 7 \
  "warm:due=/api/v1/reviews/due" "warm:due+topic=/api/v1/reviews/due?topicId=$TOPIC" "warm:forecast=/api/v1/reviews/forecast" >/dev/null
for u in 17 25000 49999; do
  [ "$u" -le "$USERS" ] || continue
  echo "[bench] learner $u: $(psql_db -Atc "SELECT count(*) FROM review_schedule WHERE tenant_id = '$TENANT' AND user_id = '$(learner $u)' AND due_at <= now()") due now"
  java "$HERE/HttpBench.java" --base "$BASE" --token "$(token "$(learner $u)")" --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_SCENARIO" \
    "ceiling:/q/health/live=/q/health/live" \
    "due:learner-$u=/api/v1/reviews/due" \
    "due:learner-$u+topic=/api/v1/reviews/due?topicId=$TOPIC&limit=50" \
    "forecast:learner-$u=/api/v1/reviews/forecast"
done

# progress from the service's own counter: counting 5 million attempts in the database would load it more than the consumer
recorded() { curl -fsS "$BASE/q/metrics" | awk '/^qbank_reviews_recorded_total/ { n = $2 } END { printf "%d", n }'; }  # 0 until the first answer
before=$(recorded)
echo "[bench] consumption: $EVENTS AnswerSubmitted for $USERS learners on $ANSWERS_TOPIC"
java -cp "$KAFKA_LIBS/*" "$HERE/AnswerLoad.java" "$TENANT" "$EVENTS" "$USERS" "$ITEMS" "$ANSWERS_TOPIC" 2>/dev/null &
loader=$!
t0=""
while :; do
  now=$(recorded)
  [ -z "$t0" ] && [ "$now" -gt "$before" ] && t0=$(date +%s.%N)   # the first answer applied: the loader's JVM is up
  [ $((now - before)) -ge "$EVENTS" ] && break
  kill -0 $SERVICE_PID 2>/dev/null || { tail -50 "$SERVICE_LOG" >&2; exit 1; }
  sleep 0.2
done
t1=$(date +%s.%N)
wait $loader
awk -v n="$EVENTS" -v a="$t0" -v b="$t1" 'BEGIN { printf "[bench] applied %d answers in %.1f s from the first one applied: %.0f events/s sustained\n", n, b - a, n / (b - a) }'
echo "[bench] outbox rows waiting to be relayed: $(psql_db -Atc "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")"
curl -fsS "$BASE/q/metrics" | grep -E '^qbank_events_batch_(seconds|size)_(sum|count|max)\{consumer="schedules"' | sed 's/^/[bench] /'
