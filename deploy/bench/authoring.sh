#!/usr/bin/env bash
# Authoring benchmark (issue 3): list/search latency with a large bank in one tenant, and publish → event latency.
#   deploy/bench/authoring.sh [items, default 100000] [concurrency, default 4] [seconds per scenario, default 10]
# Needs deploy/local/infra.sh up and the fast-jars (./mvnw install -DskipTests). Seeds tenant "bench-authoring" in the
# development database qbank_authoring (deterministic ids: a second run adds nothing), starts authoring-service alone on
# port 18181, runs the scenarios with deploy/bench/HttpBench.java and deploy/bench/PublishLatency.java, and stops it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ITEMS="${1:-100000}"
CONCURRENCY="${2:-4}"
SECONDS_PER_SCENARIO="${3:-10}"
PUBLISHES="${QBANK_BENCH_PUBLISHES:-200}"
TENANT=bench-authoring
PORT=18181
BASE="http://127.0.0.1:$PORT"
DB_PASSWORD="${QBANK_DB_PASSWORD:-qbank}"
JAR="$ROOT/authoring-service/target/quarkus-app/quarkus-run.jar"
KAFKA_LIBS="$ROOT/deploy/local/.infra/kafka-4.1.1/lib"
psql_db() { PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U qbank -d qbank_authoring -X -q "$@"; }

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl authoring-service -am)
[ -d "$KAFKA_LIBS" ] || { echo "run deploy/local/infra.sh up first" >&2; exit 1; }

log="$(mktemp)"
echo "[bench] starting authoring-service on :$PORT (log $log)"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.keys/jwt-public.pem" \
  java ${QBANK_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m} -jar "$JAR" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --init >/dev/null
until curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done

have=$(psql_db -Atc "SELECT count(*) FROM item WHERE tenant_id = '$TENANT'")
if [ "$have" -lt "$ITEMS" ]; then
  echo "[bench] seeding $ITEMS items into tenant $TENANT (has $have)"
  start=$(date +%s)
  psql_db -v tenant="$TENANT" -v items="$ITEMS" -f "$HERE/seed-authoring.sql"
  psql_db -c "VACUUM ANALYZE item"  # the listing refresh left a dead row behind each item
  echo "[bench] seeded in $(( $(date +%s) - start )) s"
fi
echo "[bench] tenant $TENANT: $(psql_db -Atc "SELECT count(*) FROM item WHERE tenant_id = '$TENANT'") items"

token() { java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --tenant "$TENANT" --ttl 7200 "$@"; }
AUTHOR=$(token --role author --sub 11111111-1111-1111-1111-111111111111)
PUBLISHER=$(token --role publisher --sub 22222222-2222-2222-2222-222222222222)
CARDIO=$(psql_db -Atc "SELECT md5('$TENANT' || 'root' || 1)::uuid")
SUBTOPIC=$(psql_db -Atc "SELECT md5('$TENANT' || 'child' || 3 || '-' || 4)::uuid")
WRITER=$(psql_db -Atc "SELECT md5('$TENANT' || 'author' || 7)::uuid")

echo "[bench] list and search, $CONCURRENCY clients, ${SECONDS_PER_SCENARIO} s each (after a 3 s warm-up)"
java "$HERE/HttpBench.java" --base "$BASE" --token "$AUTHOR" --concurrency "$CONCURRENCY" --seconds "$SECONDS_PER_SCENARIO" \
  "ceiling:/q/health/live=/q/health/live" \
  "list:first-page=/api/v1/authoring/items" \
  "list:page-50=/api/v1/authoring/items?page=50" \
  "list:state+difficulty=/api/v1/authoring/items?state=in_review&difficulty=hard" \
  "list:topic-subtree=/api/v1/authoring/items?topicId=$CARDIO" \
  "list:subtopic+exam=/api/v1/authoring/items?topicId=$SUBTOPIC&examCode=STEP2" \
  "list:tag+author=/api/v1/authoring/items?tag=cardiology&author=$WRITER" \
  "list:flagged=/api/v1/authoring/items?flagged=true" \
  "list:generated=/api/v1/authoring/items?provenance=generated" \
  "review-queue=/api/v1/authoring/review-queue" \
  "search:one-word=/api/v1/authoring/items?q=dissection" \
  "search:two-words=/api/v1/authoring/items?q=chest%20pain" \
  "search:relevance=/api/v1/authoring/items?q=stenosis%20murmur&sort=relevance" \
  "search:+subtree+state=/api/v1/authoring/items?q=troponin&topicId=$CARDIO&state=published" \
  "search:rare=/api/v1/authoring/items?q=eclampsia%20opioid%20gout"

echo "[bench] publish -> ItemPublished on Kafka, $PUBLISHES items one after another"
java -cp "$KAFKA_LIBS/*" "$HERE/PublishLatency.java" "$BASE" "$AUTHOR" "$PUBLISHER" "$SUBTOPIC" "$PUBLISHES" 2>/dev/null
