#!/usr/bin/env bash
# The main job: install, build, and start the example app (it prints its URL; Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export TURBO_TELEMETRY_DISABLED=1
pnpm exec turbo run build --output-logs=errors-only
exec node apps/example/dist/main.js
