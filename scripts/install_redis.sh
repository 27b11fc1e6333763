#!/usr/bin/env bash
# Install redis-server (Debian's package) for the shared cache tests (tests/redis_server.py).
# Idempotent: does nothing when `redis-server` is already on PATH. Needs root or sudo for apt-get.
# The tests start their own redis-server on a free loopback port; this does not start one.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
    echo "redis-server already installed: $(redis-server --version)"
    exit 0
fi

"$(dirname "$0")/apt_install.sh" redis-server
echo "installed: $(redis-server --version)"
