#!/usr/bin/env bash
# PostgreSQL for the team-ledger tests (tests/pg_server.py runs its own cluster in a temp dir;
# nothing is started here). Does nothing when initdb is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi
scripts/apt_install.sh postgresql
