#!/usr/bin/env bash
# The web app (web/): its build, which the gateway serves, and its browser tests against the running suite.
#
#   web.sh build     npm ci when package-lock.json changed, then the typed API client generated from the services' OpenAPI
#                    documents (<service>/target/openapi, made by their build), the type check and the build into web/dist
#   web.sh lint      the services' OpenAPI documents against Redocly's recommended rules
#   web.sh test      the component tests (Vitest), then the browser tests (Playwright driving Debian's Chromium, installed
#                    when missing) against the front door; screenshots of every screen in web/test-results/screenshots
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WEB="$(cd "$HERE/../../web" && pwd)"
log() { printf '[web] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install() {
  command -v npm >/dev/null || { echo "[web] npm is missing: Node 20.19 or newer is needed" >&2; exit 1; }
  local stamp="$WEB/node_modules/.package-lock.sha256"
  if ! (cd "$WEB" && sha256sum --status -c "$stamp" 2>/dev/null); then
    log "installing the web app's packages (npm ci)"
    (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
    (cd "$WEB" && sha256sum package-lock.json > "$stamp")
  fi
}

build() {
  install
  log "building the web app into web/dist"
  (cd "$WEB" && npm run --silent build -- --logLevel warn)
}

lint() {
  install
  log "the services' OpenAPI documents against Redocly's recommended rules"
  (cd "$WEB" && npm run --silent lint:openapi)
}

browser_tests() {
  install
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's Chromium"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q chromium >/dev/null 2>&1 || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q chromium >/dev/null; }
  fi
  log "component tests (Vitest)"
  (cd "$WEB" && npx vitest run)
  log "browser tests against ${QBANK_FRONT_DOOR:-http://127.0.0.1:8080} (screenshots: web/test-results/screenshots)"
  (cd "$WEB" && npx playwright test)
}

case "${1:-}" in
  build) build ;;
  lint) lint ;;
  test) browser_tests ;;
  *) echo "usage: $0 build|lint|test" >&2; exit 2 ;;
esac
