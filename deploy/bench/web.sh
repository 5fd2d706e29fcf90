#!/usr/bin/env bash
# The web app's figures against the running suite (./qbank run first): script shipped (gzip) for the first screen and
# loaded on demand, the dashboard's first render on loopback (cold and warm), and the API calls per screen.
#   deploy/bench/web.sh          (QBANK_USER / QBANK_PASSWORD: another user than the demo student)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$ROOT/deploy/local/web.sh" build >/dev/null
cd "$ROOT/web" && node scripts/measure.mjs
