#!/usr/bin/env bash
# The main job: install, build, and start the example app (it prints its URL; Ctrl-C stops it).
# Says what it is doing at each step; a second start reuses the install and turbo's build cache.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "[1/3] Dependencies"
bash scripts/setup.sh
source scripts/pnpm-env.sh
echo "[2/3] Building the example app and the packages it uses (turbo; unchanged packages come from its cache)…"
pnpm exec turbo run build --filter=@visitor-context/example... --output-logs=hash-only
echo "[3/3] Starting the example app…"
exec node apps/example/dist/main.js
