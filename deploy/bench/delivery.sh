#!/usr/bin/env bash
# Delivery benchmark (issue 4): a pool of 10,000 calibrated items and 200 students taking adaptive 30-item quizzes at once.
#   deploy/bench/delivery.sh [selections per second, default 1500] [students, default 200] [seconds, default 20] [items, default 10000]
# Seeds tenant "bench-delivery", exam BENCH in a database of its own, qbank_delivery_bench, dropped and made again by each
# run (as the PostgreSQL superuser: root, or sudo). Needs deploy/local/infra.sh up and the services built. Starts delivery-service alone on :18182 and drives it with
# deploy/bench/QuizLoad.java:
#   0. a warm-up of 40 s, not measured (the JIT needs it: the first seconds run at half the later rate);
#   1. open loop at the target rate (next and answer alternating, a new quiz after each 30th answer; the students' first
#      quizzes are 1 to 30 items long, so that quizzes end and start evenly over time), after a warm-up at that
#      rate of QBANK_BENCH_WARMUP seconds (60; the JIT compiles 500-800 methods in the 20 s after a warm-up of 10 s, and
#      65-140 after one of 60: the figures are those of a service that has been serving a while, which is what a
#      replica is for all but its first minutes): latencies, the rate achieved, and the CPU each process used (the service,
#      PostgreSQL, the load generator, Redis, Kafka, the rest) while it ran, and how many 100-ms slices held a request over
#      25 ms (QBANK_BENCH_TIMELINE=FILE keeps the slices), and how many methods the service's JIT compiled and how long
#      its GC paused meanwhile;
#   2. the ceiling: the same students and request rate on /q/health/live, and the CPU it takes;
#   3. closed loop (no pacing): the most selections per second the service sustains here.
# The exposure counters of the benchmark's items are cleared first, so the daily cap starts from zero.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
RATE="${1:-1500}"
STUDENTS="${2:-200}"
SECONDS_PER_PHASE="${3:-20}"
ITEMS="${4:-10000}"
TENANT=bench-delivery
EXAM=BENCH
PORT=18182
BASE="http://127.0.0.1:$PORT"
DB=qbank_delivery_bench
psql_db() { psql_on "$DB" "$@"; }

# A database of the benchmark's own, made new for every run: each run starts from the same state (the seeded pool, no
# quizzes), however many ran before. Reusing one let every run add 400,000 outbox rows and 200,000 served items and
# responses (8 GB after a day of runs, with this machine's autovacuum off), and the figures drifted with it.
echo "[bench] a new database $DB"
as_postgres psql -X -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER qbank"

# the service's events go to topics of the benchmark's own (bench.<topic>): consumer groups of the contract's topics never
# have to wade through them
bench_topic bench.qbank.delivery.v1
bench_topic bench.qbank.item-flags.v1
tokens="$(temp_file)"
start_service delivery-service $PORT QBANK_DB_NAME="$DB" QBANK_OUTBOX_TOPIC_PREFIX=bench. \
  MP_MESSAGING_INCOMING_ITEMS_GROUP_ID=delivery-bench MP_MESSAGING_INCOMING_CALIBRATIONS_GROUP_ID=delivery-bench-calibrations

have=$(psql_db -Atc "SELECT count(*) FROM pool_entry WHERE tenant_id = '$TENANT' AND exam_code = '$EXAM'")
if [ "$have" -lt "$ITEMS" ]; then
  echo "[bench] seeding $ITEMS calibrated items (has $have)"
  psql_db -v tenant="$TENANT" -v exam="$EXAM" -v items="$ITEMS" -f "$HERE/seed-delivery.sql"
fi
echo "[bench] pool: $(psql_db -Atc "SELECT count(*) FROM pool_entry WHERE tenant_id = '$TENANT' AND exam_code = '$EXAM'") live items;" \
  "clearing today's exposure counters of the benchmark's items"
redis-cli -h 127.0.0.1 --scan --pattern "exp:*" | grep -F -f <(psql_db -Atc "SELECT item_id FROM pool_entry WHERE tenant_id = '$TENANT'") \
  | xargs -r -n 500 redis-cli -h 127.0.0.1 DEL >/dev/null || true
java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --tenant "$TENANT" --ttl 7200 --role student --count "$STUDENTS" >"$tokens"

load() { java -Xmx512m "$HERE/QuizLoad.java" --base "$BASE" --tokens "$tokens" --exam "$EXAM" "$@"; }
calibrate qbank_delivery before
echo "[bench] warming up (JIT, pools, caches): 40 s of quizzes back to back, not measured"
load --rate 0 --seconds 10 --warmup 30 >/dev/null
# Statistics of the tables as the warm-up left them (tens of thousands of quizzes' rows, where the new database had none):
# autovacuum would take them by itself, but this machine's PostgreSQL runs with autovacuum off, and the plans the service
# keeps prepared would otherwise be those of empty tables.
as_postgres psql -X -q -d "$DB" -c "ANALYZE" # as the superuser: the service's role may not analyze the catalogs
WARMUP="${QBANK_BENCH_WARMUP:-60}"
echo "[bench] $STUDENTS students, adaptive 30-item tutor quizzes, target $RATE selections/s (warm-up $WARMUP s, then $SECONDS_PER_PHASE s measured)"
cpu="$(temp_file)"
cpu_by_process $((WARMUP + 2)) $((SECONDS_PER_PHASE - 4)) >"$cpu" &
sampler=$!
timeline="${QBANK_BENCH_TIMELINE:-$(temp_file)}"
load --rate "$RATE" --seconds "$SECONDS_PER_PHASE" --warmup "$WARMUP" --timeline "$timeline"
wait "$sampler" # (not a bare wait: the service runs in the background too)
cat "$cpu"
awk 'NR > 1 { n++; if ($3 > 0) slow++ } END { printf "[bench] 100-ms slices of the open loop with a request over 25 ms: %d of %d%s\n", slow, n,
     ENVIRON["QBANK_BENCH_TIMELINE"] == "" ? " (QBANK_BENCH_TIMELINE=FILE keeps them)" : " (in " ENVIRON["QBANK_BENCH_TIMELINE"] ")" }' "$timeline"
jvm_activity "$(sed -n '1s/.*second 0 is \([^)]*\)).*/\1/p' "$timeline")" "$SECONDS_PER_PHASE"
echo "[bench] ceiling: the same request rate on the trivial endpoint"
cpu_by_process 12 $((SECONDS_PER_PHASE - 4)) >"$cpu" & # after its default warm-up of 10 s
sampler=$!
load --rate "$RATE" --seconds "$SECONDS_PER_PHASE" --ceiling | tail -n +2
wait "$sampler"
cat "$cpu"
echo "[bench] closed loop: the students back to back (the most the service sustains here)"
load --rate 0 --seconds "$SECONDS_PER_PHASE" --warmup 5 | tail -n +2
calibrate qbank_delivery after
echo "[bench] outbox rows waiting to be relayed: $(psql_db -Atc "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")"
