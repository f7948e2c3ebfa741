# Sourced by the other scripts: puts the pnpm this repository pins (package.json "packageManager") first on PATH,
# from a project-local folder (.tools/bin), so a global pnpm is never installed, replaced or upgraded.
# Corepack (shipped with Node 20 and 22) provides it where it works; otherwise npm installs it into .tools/.
repository_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pnpm_version="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$repository_root/package.json")"
tools_bin="$repository_root/.tools/bin"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 npm_config_loglevel=error TURBO_TELEMETRY_DISABLED=1

pinned_pnpm_runs() {
  [ -x "$tools_bin/pnpm" ] && [ "$(cd "$repository_root" && "$tools_bin/pnpm" --version 2>/dev/null)" = "$pnpm_version" ]
}

if ! pinned_pnpm_runs; then
  mkdir -p "$tools_bin"
  rm -f "$tools_bin/pnpm" "$tools_bin/pnpx"
  echo "Setting up pnpm $pnpm_version in .tools/ (your global pnpm, if any, is left alone)…"
  if command -v corepack >/dev/null 2>&1 && corepack enable --install-directory "$tools_bin" pnpm >/dev/null 2>&1; then
    # Some registries (mirrors included) serve metadata without the signatures corepack checks; the package's
    # integrity hash is still checked. Only the first download needs this.
    pinned_pnpm_runs || COREPACK_INTEGRITY_KEYS=0 "$tools_bin/pnpm" --version >/dev/null 2>&1 || true
  fi
  if ! pinned_pnpm_runs; then
    rm -f "$tools_bin/pnpm" "$tools_bin/pnpx"
    npm install --silent --no-audit --no-fund --prefix "$repository_root/.tools/pnpm-$pnpm_version" "pnpm@$pnpm_version" >/dev/null
    ln -s "../pnpm-$pnpm_version/node_modules/.bin/pnpm" "$tools_bin/pnpm"
  fi
  if ! pinned_pnpm_runs; then
    echo "Could not set up pnpm $pnpm_version in .tools/. Install it yourself (npm install -g pnpm@$pnpm_version) and run this again." >&2
    exit 1
  fi
fi
export PATH="$tools_bin:$PATH"
