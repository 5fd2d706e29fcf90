#!/usr/bin/env bash
# Authoring benchmark (issue 3): list/search latency with a large bank in one tenant, and publish → event latency.
#   deploy/bench/authoring.sh [items, default 100000] [concurrency, default 4] [seconds per scenario, default 10]
# Needs deploy/local/infra.sh up and the services built (./mvnw install -DskipTests). Seeds tenant "bench-authoring-2" in the
# development database qbank_authoring (deterministic ids: a second run adds nothing), starts authoring-service alone on
# port 18181, runs the scenarios with deploy/bench/HttpBench.java and deploy/bench/PublishLatency.java, and stops it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
ITEMS="${1:-100000}"
CONCURRENCY="${2:-4}"
SECONDS_PER_SCENARIO="${3:-10}"
PUBLISHES="${QBANK_BENCH_PUBLISHES:-200}"
# the seed's second shape (words drawn by hash, lengths varied): a database seeded by the first keeps it under the old name
TENANT=bench-authoring-2
PORT=18181
BASE="http://127.0.0.1:$PORT"
psql_db() { psql_on qbank_authoring "$@"; }

# published items go to a topic of the benchmark's own: the services' pools never take in benchmark items
bench_topic bench.qbank.items.v1
start_service authoring-service $PORT QBANK_OUTBOX_TOPIC_PREFIX=bench.

have=$(psql_db -Atc "SELECT count(*) FROM item WHERE tenant_id = '$TENANT'")
if [ "$have" -lt "$ITEMS" ]; then
  echo "[bench] seeding $ITEMS items into tenant $TENANT (has $have)"
  start=$(date +%s)
  psql_db -v tenant="$TENANT" -v items="$ITEMS" -f "$HERE/seed-authoring.sql"
  echo "[bench] seeded in $(( $(date +%s) - start )) s"
fi
# Every run, as autovacuum would (this machine's is off): the seed's listing refresh leaves a dead row behind each item,
# and a migration may rewrite every row (V11 numbered the items); until vacuumed, the covering indexes' scans read the
# table too (tag+author: 91 lists/s instead of 680), and tables without statistics are planned blind (relevance took
# 700-1,200 ms instead of 40 when item_term had none). As the superuser, who may also analyze the catalogs.
start=$(date +%s)
as_postgres psql -X -q -d qbank_authoring -c "VACUUM ANALYZE"
echo "[bench] vacuumed and analyzed in $(( $(date +%s) - start )) s"
echo "[bench] tenant $TENANT: $(psql_db -Atc "SELECT count(*) FROM item WHERE tenant_id = '$TENANT'") items"

token() { java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --tenant "$TENANT" --ttl 7200 "$@"; }
AUTHOR=$(token --role author --sub 11111111-1111-1111-1111-111111111111)
PUBLISHER=$(token --role publisher --sub 22222222-2222-2222-2222-222222222222)
CARDIO=$(psql_db -Atc "SELECT md5('$TENANT' || 'root' || 1)::uuid")
SUBTOPIC=$(psql_db -Atc "SELECT md5('$TENANT' || 'child' || 3 || '-' || 4)::uuid")
WRITER=$(psql_db -Atc "SELECT md5('$TENANT' || 'author' || 7)::uuid")

# relevance: one word (35,000 matches) reads the head of its list; two words of one system (16,000 matches) meet at the
# heads of their lists, and the bounds taken there leave a few thousand entries to merge; two words of different systems
# (12,000 matches) rarely do, and most of both lists is merged; with a state or a topic subtree, the merge's matches are
# tested against it, best first
calibrate qbank_authoring before
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
  "search:relevance-one-word=/api/v1/authoring/items?q=dissection&sort=relevance" \
  "search:relevance-related=/api/v1/authoring/items?q=tachycardia%20murmur&sort=relevance" \
  "search:relevance-unrelated=/api/v1/authoring/items?q=stenosis%20murmur&sort=relevance" \
  "search:relevance-unrelated+state=/api/v1/authoring/items?q=stenosis%20murmur&state=published&sort=relevance" \
  "search:relevance-unrelated+subtree=/api/v1/authoring/items?q=stenosis%20murmur&topicId=$CARDIO&sort=relevance" \
  "search:+subtree+state=/api/v1/authoring/items?q=troponin&topicId=$CARDIO&state=published" \
  "search:rare=/api/v1/authoring/items?q=eclampsia%20opioid%20gout"
calibrate qbank_authoring after

# the published items go to a tenant of their own: added to the searched tenant, they would pile up at the head of its
# order run after run, and the list scenarios would measure different data each time
PUBLISH_TENANT=bench-authoring-publish
publish_token() { java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --tenant "$PUBLISH_TENANT" --ttl 7200 "$@"; }
PUBLISH_AUTHOR=$(publish_token --role author --sub 11111111-1111-1111-1111-111111111111)
PUBLISH_PUBLISHER=$(publish_token --role publisher --sub 22222222-2222-2222-2222-222222222222)
# a topic per run: topic names and blueprint codes are unique in a tenant
PUBLISH_TOPIC=$(curl -fsS -H "Authorization: Bearer $PUBLISH_PUBLISHER" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Publish latency $(date +%s)\",\"blueprintCode\":\"BENCH-PUBLISH-$(date +%s)\"}" "$BASE/api/v1/authoring/topics" | sed 's/.*"id":"\([^"]*\)".*/\1/')
echo "[bench] publish -> ItemPublished on Kafka, $PUBLISHES items one after another (tenant $PUBLISH_TENANT)"
java -cp "$KAFKA_LIBS/*" "$HERE/PublishLatency.java" "$BASE" "$PUBLISH_AUTHOR" "$PUBLISH_PUBLISHER" "$PUBLISH_TOPIC" "$PUBLISHES" bench.qbank.items.v1 2>/dev/null
