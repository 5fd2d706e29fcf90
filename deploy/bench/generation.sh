#!/usr/bin/env bash
# Generation benchmark (issue 6).
#   deploy/bench/generation.sh [characters, default 1000000] [published items, default 10000] [runs, default 5]
# 1. Embedding: uploads a material of that many characters (varied medical prose, so the chunks differ) to
#    generation-service started alone on :18183, and times upload → every chunk embedded (embeddingState ready).
# 2. Jobs: with that many published items of the tenant to de-duplicate against (seeded with unit vectors) and
#    deploy/local/LlmStub.java answering at once with 20 valid questions, times 20-item jobs end to end (POST → finished →
#    drafts read back from Kafka, deploy/bench/GenerationLoad.java). Earlier drafts are forgotten before each run, so
#    every run drafts all 20. Needs deploy/local/infra.sh up.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
CHARS="${1:-1000000}"
PUBLISHED="${2:-10000}"
RUNS="${3:-5}"
PORT=18183
STUB_PORT=18190
BASE="http://127.0.0.1:$PORT/api/v1/generation/materials"
TENANT=bench-generation

psql_db() { psql_on qbank_generation "$@"; }
DRAFTS_TOPIC=bench.qbank.generation.drafts.v1
bench_topic "$DRAFTS_TOPIC"
java "$ROOT/deploy/local/LlmStub.java" $STUB_PORT 20 &
STUB_PID=$!
until curl -fsS -o /dev/null -X POST "http://127.0.0.1:$STUB_PORT/v1/chat/completions" 2>/dev/null; do sleep 0.2; done
start_service generation-service $PORT QBANK_OUTBOX_TOPIC_PREFIX=bench. QBANK_LLM_API_KEY=bench \
  QBANK_LLM_BASE_URL="http://127.0.0.1:$STUB_PORT/v1/" QBANK_LLM_MODEL=bench-stub QBANK_GENERATION_JOBS_PER_USER_PER_HOUR=1000 \
  MP_MESSAGING_INCOMING_ITEMS_GROUP_ID="generation-bench-$(date +%s)"
trap 'kill $SERVICE_PID $STUB_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null || true; rm -rf "$TEMP_DIR"' EXIT
TOKEN=$(java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --tenant "$TENANT" --ttl 3600 --role author --sub "$(cat /proc/sys/kernel/random/uuid)")
BODY=$(temp_file)
python3 - "$CHARS" > "$BODY" <<'PY'
import json, random, sys
random.seed(7)
organs = ["heart", "kidney", "liver", "lung", "brain", "pancreas", "thyroid", "adrenal gland", "spleen", "colon"]
findings = ["fever", "weight loss", "chest pain", "dyspnoea", "jaundice", "haematuria", "polyuria", "syncope", "rash", "tremor"]
drugs = ["metoprolol", "lisinopril", "furosemide", "metformin", "warfarin", "prednisone", "amiodarone", "levothyroxine"]
out, n = [], 0
while n < int(sys.argv[1]):
    s = (f"A {random.randint(18, 90)}-year-old patient with disease of the {random.choice(organs)} presents with "
         f"{random.choice(findings)} and {random.choice(findings)}; treatment with {random.choice(drugs)} is started and the "
         f"{random.choice(organs)} is examined again after {random.randint(2, 12)} weeks. ")
    out.append(s); n += len(s)
text = "".join(out)[: int(sys.argv[1])]
print(json.dumps({"title": "Benchmark material", "contentType": "text/plain", "text": text}))
PY
echo "[bench] uploading $(wc -c < "$BODY") bytes of JSON ($CHARS characters)"
t0=$(date +%s.%N)
id=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "@$BODY" "$BASE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
t1=$(date +%s.%N)
while :; do
  read -r state done total < <(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/$id" \
    | python3 -c 'import json,sys; m=json.load(sys.stdin); print(m["embeddingState"], m["embeddedChunks"], m["chunkCount"])')
  [ "$state" != pending ] && break
  kill -0 $SERVICE_PID 2>/dev/null || { tail -50 "$SERVICE_LOG" >&2; exit 1; }
  sleep 0.5
done
t2=$(date +%s.%N)
[ "$state" = ready ] || { echo "[bench] embedding ended $state" >&2; tail -30 "$SERVICE_LOG" >&2; exit 1; }
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$total" 'BEGIN { printf "[bench] upload answered in %.2f s; %d chunks embedded %.1f s after the upload (%.0f chunks/s)\n", b - a, n, c - a, n / (c - a) }'

have=$(psql_db -Atc "SELECT count(*) FROM published_item WHERE tenant_id = '$TENANT'")
if [ "$have" -lt "$PUBLISHED" ]; then
  echo "[bench] seeding $PUBLISHED published items with unit-length random embeddings (has $have)"
  psql_db -c "
    INSERT INTO published_item (item_id, version, tenant_id, embedding)
    SELECT md5('$TENANT' || 'item' || i)::uuid, 1, '$TENANT', ARRAY(SELECT x / norm FROM unnest(v) x)
      FROM (SELECT i, v, sqrt((SELECT sum(y * y) FROM unnest(v) y)) AS norm
              FROM (SELECT i, ARRAY(SELECT (random() - 0.5 + 0 * i)::real FROM generate_series(1, 384)) AS v
                      FROM generate_series(1, $PUBLISHED) i) raw) unit
    ON CONFLICT DO NOTHING" >/dev/null
fi
echo "[bench] $(psql_db -Atc "SELECT count(*) FROM published_item WHERE tenant_id = '$TENANT'") published items in tenant $TENANT"
java -cp "$KAFKA_LIBS/*" "$HERE/GenerationLoad.java" "http://127.0.0.1:$PORT" "$TOKEN" "$DRAFTS_TOPIC" "$RUNS" 20 \
  "PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -U qbank -d qbank_generation -X -q -c \"DELETE FROM generated_draft WHERE tenant_id = '$TENANT'\"" 2>/dev/null
echo "[bench] generation-service RSS after the runs: $(( $(ps -o rss= -p $SERVICE_PID) / 1024 )) MB (JVM options: ${QBANK_JAVA_OPTS:-lib.sh default})"
