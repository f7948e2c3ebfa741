#!/usr/bin/env bash
# Installs what the repository needs on a machine that has only Node >= 20.19: the pinned pnpm (project-local,
# see pnpm-env.sh) and the locked dependencies. Safe to run again; skips the install when neither the lockfile
# nor any package.json changed since the last one.
set -euo pipefail
cd "$(dirname "$0")/.."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node >= 20.19 is required, found "+process.version); process.exit(1) }'
source scripts/pnpm-env.sh
install_stamp=node_modules/.visitor-context-install
install_inputs="$(cat pnpm-lock.yaml pnpm-workspace.yaml $(git ls-files '*package.json' 2>/dev/null || find . -name package.json -not -path '*/node_modules/*') | cksum)"
if [ -z "${CI:-}" ] && [ -f "$install_stamp" ] && [ "$(cat "$install_stamp")" = "$install_inputs" ]; then
  echo "Dependencies: up to date."
else
  echo "Installing dependencies (pnpm install --frozen-lockfile)…"
  pnpm install --frozen-lockfile
  printf '%s' "$install_inputs" > "$install_stamp"
fi
