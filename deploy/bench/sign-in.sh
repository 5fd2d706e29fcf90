#!/usr/bin/env bash
# Sign-in round trips on loopback through the front door (8080) against the local Keycloak, as ./qbank run starts them:
#   password grant   one POST to the token endpoint (the scripts' client, qbank-cli)
#   code flow        what a browser does for the web app (qbank-web): the authorization request (Keycloak's login page),
#                    the credentials posted to it (a redirect with the code), the code exchanged for tokens with PKCE
# Each N times (default 20) one after the other, sequential, for a demo user; prints median and p90 in ms.
# Usage: deploy/bench/sign-in.sh [N]
set -euo pipefail
N=${1:-20}
DOOR="${QBANK_FRONT_DOOR:-http://127.0.0.1:8080}"
REALM="$DOOR/realms/qbank/protocol/openid-connect"
USER=student PASSWORD=demo-student-2026
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

now_ms() { date +%s%3N; }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, p90 %d ms, max %d ms (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.9+0.5)], a[NR], NR}'; }

password_grant() {
  curl -fsS -o /dev/null -d grant_type=password -d client_id=qbank-cli -d "username=$USER" -d "password=$PASSWORD" "$REALM/token"
}

code_flow() {
  local verifier challenge page action location code jar="$TMP/cookies"
  rm -f "$jar"
  verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
  page=$(curl -fsS -c "$jar" -b "$jar" "$REALM/auth?client_id=qbank-web&response_type=code&scope=openid&state=bench&redirect_uri=$DOOR/auth/callback&code_challenge=$challenge&code_challenge_method=S256")
  action=$(printf '%s' "$page" | grep -o 'action="[^"]*"' | head -1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$USER" \
    --data-urlencode "password=$PASSWORD" -d credentialId= "$action")
  code=$(printf '%s' "$location" | grep -o 'code=[^&]*' | cut -d= -f2)
  [ -n "$code" ] || { echo "no code in the redirect: $location" >&2; exit 1; }
  curl -fsS -o /dev/null -d grant_type=authorization_code -d client_id=qbank-web -d "code=$code" \
    -d "redirect_uri=$DOOR/auth/callback" -d "code_verifier=$verifier" "$REALM/token"
}

for flow in password_grant code_flow; do
  $flow # warm-up
  for _ in $(seq "$N"); do
    t0=$(now_ms); $flow; echo $(( $(now_ms) - t0 ))
    sleep 0.25 # under the gateway's sign-in rate (5 a second per client)
  done | stats | sed "s/^/[sign-in] $flow: /"
done
