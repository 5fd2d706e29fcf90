#!/usr/bin/env bash
# Generation benchmark (issue 6), part 1: embedding 1 MB of source text with the in-process model.
#   deploy/bench/generation.sh [characters, default 1000000]
# Uploads a material of that many characters (varied medical prose, so the chunks differ) to generation-service started
# alone on :18183, and times upload → every chunk embedded (embeddingState ready). Needs deploy/local/infra.sh up.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
CHARS="${1:-1000000}"
PORT=18183
BASE="http://127.0.0.1:$PORT/api/v1/generation/materials"
TENANT=bench-generation

start_service generation-service $PORT QBANK_OUTBOX_TOPIC_PREFIX=bench.
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
