#!/usr/bin/env bash
# Every test, from a clean clone: the Python suite (the real server over stdio, Neovim and
# Emacs/eglot as clients), then the VS Code extension's unit tests and its end-to-end test in a real VS Code
# (code-server in headless Chromium). Installs what it needs from the package registries.
#   LSP_ROUTER_SKIP_VSCODE=1  skip the VS Code part (it installs ~1.5 GB the first time)
# Ends with one line per suite (pytest, Neovim, Emacs, VS Code unit, VS Code e2e) and
# `N passed, N failed`; the exit status is non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
. .venv/bin/activate
pip install -q -e '.[test]'
scripts/install_neovim.sh || echo "test.sh: could not install Neovim; its test will be skipped"
scripts/install_emacs.sh || echo "test.sh: could not install Emacs; its test will be skipped"
scripts/install_redis.sh || echo "test.sh: could not install redis-server; the shared cache tests will be skipped"
scripts/install_postgres.sh || echo "test.sh: could not install PostgreSQL; the team ledger tests will be skipped"
RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/lsp-router-test.XXXXXX")
trap 'rm -rf "$RESULTS"' EXIT
# Every suite runs even when one fails; the summary at the end says which, and the exit status.
python -m pytest --junitxml="$RESULTS/pytest.xml" || true

if [ -z "${LSP_ROUTER_SKIP_VSCODE:-}" ]; then
  set +e
  { scripts/setup_vscode_e2e.sh && scripts/vscode_e2e.sh; } 2>&1 | tee "$RESULTS/vscode.log"
  vscode_status=${PIPESTATUS[0]}
  set -e
  echo
  python scripts/test_summary.py --junit "$RESULTS/pytest.xml" --vscode-log "$RESULTS/vscode.log" --vscode-status "$vscode_status"
else
  echo
  python scripts/test_summary.py --junit "$RESULTS/pytest.xml" --vscode-skipped
fi
