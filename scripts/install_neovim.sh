#!/usr/bin/env bash
# Install headless Neovim (Debian's `neovim` package) for tests/test_neovim.py. Idempotent:
# does nothing when `nvim` is already on PATH. Needs root or sudo for apt-get.
set -euo pipefail

if command -v nvim >/dev/null 2>&1; then
    echo "nvim already installed: $(nvim --version | head -n 1)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install_neovim.sh: need root (or sudo) to run apt-get" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when they are missing (a fresh container has none).
if ! apt-cache show neovim >/dev/null 2>&1; then
    $SUDO apt-get update -q
fi
$SUDO apt-get install -y -q --no-install-recommends neovim
echo "installed: $(nvim --version | head -n 1)"
