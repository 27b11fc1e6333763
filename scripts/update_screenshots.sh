#!/usr/bin/env bash
# Refresh the README's screenshots from the VS Code end-to-end test (a real VS Code, the loopback
# provider): the status bar with its tooltip, and the spend view in a half-width panel.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${E2E_OUTPUT:-$ROOT/vscode-client/test-output}"
E2E_OUTPUT="$OUT" "$ROOT/scripts/vscode_e2e.sh"
mkdir -p "$ROOT/docs/screenshots"
cp "$OUT/readme-status-bar.png" "$ROOT/docs/screenshots/status-bar.png"
cp "$OUT/readme-spend-view.png" "$ROOT/docs/screenshots/spend-view.png"
echo "update_screenshots: docs/screenshots/status-bar.png, docs/screenshots/spend-view.png"
