#!/usr/bin/env bash
# The whole test suite, as CI runs it: build, typecheck, unit and browser tests, package lint, API reports,
# generated docs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-chromium.sh
export TURBO_TELEMETRY_DISABLED=1
pnpm exec turbo run build typecheck test test:browser lint api --concurrency=2 --continue --output-logs=new-only
node scripts/summarize-tests.mjs
