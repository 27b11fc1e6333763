"""Where lsp-router keeps its files: the user's data and cache directories (platformdirs).

`LSP_ROUTER_DATA_DIR` and `LSP_ROUTER_CACHE_DIR` override them (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("LSP_ROUTER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("lsp-router", appauthor=False))


def cache_dir() -> Path:
    override = os.environ.get("LSP_ROUTER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lsp-router", appauthor=False))


def ledger_path() -> Path:
    return data_dir() / "ledger.sqlite3"


def private_dir(path: Path) -> Path:
    """Create `path` readable by the user only (ledger and cache hold code)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        path.chmod(0o700)
    except OSError:
        pass
    return path
