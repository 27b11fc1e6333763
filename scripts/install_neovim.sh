#!/usr/bin/env bash
# Install headless Neovim (Debian's `neovim` package) for tests/test_neovim.py. Idempotent:
# does nothing when `nvim` is already on PATH. Needs root or sudo for apt-get.
set -euo pipefail

if command -v nvim >/dev/null 2>&1; then
    echo "nvim already installed: $(nvim --version | head -n 1)"
    exit 0
fi

"$(dirname "$0")/apt_install.sh" neovim
echo "installed: $(nvim --version | head -n 1)"
