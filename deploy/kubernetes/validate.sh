#!/usr/bin/env bash
# Validates the generated manifests offline against the Kubernetes, Gateway API, CloudNativePG and Strimzi schemas
# (kubernetes-models from npm; validate/validate.mjs).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE/validate"
stamp=node_modules/.package-lock.sha256
if ! sha256sum --status -c "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  sha256sum package-lock.json > "$stamp"
fi
node validate.mjs "${1:-$HERE/generated}"
