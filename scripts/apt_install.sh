#!/usr/bin/env bash
# Install Debian packages for the editor tests: scripts/apt_install.sh PACKAGE...
# Needs root or sudo for apt-get; refreshes the package lists only when a package is unknown
# (a fresh container has none).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "apt_install.sh: need root (or sudo) to run apt-get for: $*" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show "$@" >/dev/null 2>&1; then
    $SUDO apt-get update -q
fi
$SUDO apt-get install -y -q --no-install-recommends "$@"
