#!/usr/bin/env bash
# Installs what the repository needs on a machine that has only Node >= 20.19: the pinned pnpm and the
# locked dependencies. Safe to run again.
set -euo pipefail
export npm_config_loglevel=error TURBO_TELEMETRY_DISABLED=1
pnpm_version=10.34.9
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node >= 20.19 is required, found "+process.version); process.exit(1) }'
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  echo "Installing pnpm $pnpm_version…"
  npm install --global "pnpm@$pnpm_version"
fi
pnpm install --frozen-lockfile
