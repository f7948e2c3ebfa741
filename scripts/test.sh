#!/usr/bin/env bash
# The whole test suite, as CI runs it: build, typecheck, unit and browser tests, package lint, API reports,
# generated docs. Every task runs to the end (--continue); the closing summary always prints, naming each failing
# test and task with its log file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-chromium.sh
source scripts/pnpm-env.sh
# Reports from an earlier run must not be counted again; turbo restores the cached ones.
rm -rf packages/*/test-results apps/*/test-results tools/*/test-results examples/*/test-results .turbo/runs
turbo_status=0
pnpm exec turbo run build typecheck test test:browser lint api docs --concurrency=2 --continue --output-logs=new-only --summarize || turbo_status=$?
node scripts/summarize-tests.mjs "$turbo_status"
