#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server + headless Chromium)
# against the test suite's loopback provider. Run scripts/setup_vscode_e2e.sh first (once).
#
#   LSP_ROUTER_PYTHON  Python with lsp-router installed (default: .venv/bin/python, else python3)
#   LSP_ROUTER_BIN     lsp-router executable (default: next to that Python, else on PATH)
#   VSCODE_E2E_HOME    where setup_vscode_e2e.sh installed things (default ~/.cache/lsp-router-e2e)
#   E2E_OUTPUT         screenshots and logs (default vscode-client/test-output)
#   E2E_KEEP=1         keep the temporary user-data/workspace dirs
#
# Prints a closing "N passed, N failed" line; exits non-zero on failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_HOME="${VSCODE_E2E_HOME:-$HOME/.cache/lsp-router-e2e}"
t0=$(date +%s)

if [ ! -f "$E2E_HOME/env.sh" ]; then
  echo "vscode_e2e: $E2E_HOME/env.sh is missing: run scripts/setup_vscode_e2e.sh first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
# shellcheck disable=SC1091
. "$E2E_HOME/env.sh"

PY="${LSP_ROUTER_PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY="$(command -v python3)"; fi
fi
BIN="${LSP_ROUTER_BIN:-}"
if [ -z "$BIN" ]; then
  if [ -x "$(dirname "$PY")/lsp-router" ]; then BIN="$(dirname "$PY")/lsp-router"; else BIN="$(command -v lsp-router || true)"; fi
fi
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
  echo "vscode_e2e: no lsp-router executable (pip install -e . into $PY's environment, or set LSP_ROUTER_BIN)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

cd "$ROOT/vscode-client"
# Build and package with the same Node that runs code-server (vsce wants Node 20+).
export PATH="$E2E_NODE24_BIN:$PATH"
echo "[vscode-e2e] unit tests"
if ! npm test --silent; then echo "vscode_e2e: unit tests failed"; echo "0 passed, 1 failed"; exit 1; fi
echo "[vscode-e2e] packaging the extension"
rm -f lsp-router.vsix
if ! npm run --silent package >package.log 2>&1 || [ ! -f lsp-router.vsix ]; then
  cat package.log; rm -f package.log
  echo "vscode_e2e: packaging failed"; echo "0 passed, 1 failed"; exit 1
fi
rm -f package.log

echo "[vscode-e2e] running the scenario (server: $BIN)"
status=0
E2E_CODE_SERVER="$E2E_CODE_SERVER" E2E_NODE24_BIN="$E2E_NODE24_BIN" \
LSP_ROUTER_BIN="$BIN" LSP_ROUTER_PYTHON="$PY" REPO_ROOT="$ROOT" VSIX="$ROOT/vscode-client/lsp-router.vsix" \
  node test/e2e.mjs || status=$?
echo "[vscode-e2e] took $(( $(date +%s) - t0 ))s"
exit $status
