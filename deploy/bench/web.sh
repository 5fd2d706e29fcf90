#!/usr/bin/env bash
# The web app's figures against the running suite (./qbank run first): script shipped (gzip) for the first screen and
# loaded on demand, the dashboard's first render on loopback (cold and warm), the API calls per screen, the script of the
# author, publisher and admin screens; and the item bank's first render at the authoring benchmark's size when its tenant
# is seeded (deploy/bench/authoring.sh seeds 100,000 items into bench-authoring-2; a Keycloak author of that tenant is
# made here for the browser).
#   deploy/bench/web.sh          (QBANK_USER / QBANK_PASSWORD: another user than the demo student)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"
"$ROOT/deploy/local/web.sh" build >/dev/null

BANK_TENANT="${QBANK_BANK_TENANT:-bench-authoring-2}"
KEYCLOAK="${QBANK_IDENTITY_URL:-http://127.0.0.1:8180}"
items=$(psql_on qbank_authoring -Atc "SELECT count(*) FROM item WHERE tenant_id = '$BANK_TENANT'")
if [ "$items" -gt 0 ]; then
  admin=$(curl -fsS -d grant_type=client_credentials -d client_id=qbank-admin-api \
    -d "client_secret=${QBANK_IDENTITY_ADMIN_API_SECRET:-local-admin-api-secret}" "$KEYCLOAK/realms/qbank/protocol/openid-connect/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  export QBANK_BANK_USER=bench-bank-author QBANK_BANK_PASSWORD="bench-bank-$(date +%s)" QBANK_BANK_ITEMS="$items"
  auth=(-H "Authorization: Bearer $admin" -H 'content-type: application/json')
  id=$(curl -fsS "${auth[@]}" "$KEYCLOAK/admin/realms/qbank/users?exact=true&username=$QBANK_BANK_USER" | python3 -c 'import json,sys; u=json.load(sys.stdin); print(u[0]["id"] if u else "")')
  if [ -z "$id" ]; then
    curl -fsS "${auth[@]}" -d "{\"username\":\"$QBANK_BANK_USER\",\"enabled\":true,\"firstName\":\"Bench\",\"lastName\":\"Author\",\"attributes\":{\"tenant\":[\"$BANK_TENANT\"]}}" \
      "$KEYCLOAK/admin/realms/qbank/users"
    id=$(curl -fsS "${auth[@]}" "$KEYCLOAK/admin/realms/qbank/users?exact=true&username=$QBANK_BANK_USER" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  fi
  # the author role, unless the user has it already
  role=$(curl -fsS "${auth[@]}" "$KEYCLOAK/admin/realms/qbank/users/$id/role-mappings/realm/available" \
    | python3 -c 'import json,sys; print(json.dumps([r for r in json.load(sys.stdin) if r["name"] == "author"]))')
  curl -fsS "${auth[@]}" -d "$role" "$KEYCLOAK/admin/realms/qbank/users/$id/role-mappings/realm"
  curl -fsS -X PUT "${auth[@]}" -d "{\"type\":\"password\",\"value\":\"$QBANK_BANK_PASSWORD\",\"temporary\":false}" \
    "$KEYCLOAK/admin/realms/qbank/users/$id/reset-password"
else
  echo "[web] tenant $BANK_TENANT has no items: run deploy/bench/authoring.sh first for the item bank's figures"
fi
cd "$ROOT/web" && node scripts/measure.mjs
