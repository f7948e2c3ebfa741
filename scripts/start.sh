#!/usr/bin/env bash
# The main job: install, build, and run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export TURBO_TELEMETRY_DISABLED=1
pnpm exec turbo run build --output-logs=errors-only
pnpm --filter @visitor-context/core demo
