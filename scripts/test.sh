#!/usr/bin/env bash
# Every test, from a clean clone: the Python suite (the real server over stdio, Neovim and
# Emacs/eglot as clients), then the VS Code extension's unit tests and its end-to-end test in a real VS Code
# (code-server in headless Chromium). Installs what it needs from the package registries.
#   LSP_ROUTER_SKIP_VSCODE=1  skip the VS Code part (it installs ~1.5 GB the first time)
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
. .venv/bin/activate
pip install -q -e '.[test]'
scripts/install_neovim.sh || echo "test.sh: could not install Neovim; its test will be skipped"
scripts/install_emacs.sh || echo "test.sh: could not install Emacs; its test will be skipped"
python -m pytest

if [ -z "${LSP_ROUTER_SKIP_VSCODE:-}" ]; then
  scripts/setup_vscode_e2e.sh
  scripts/vscode_e2e.sh
fi
