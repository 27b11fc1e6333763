"""`lsp-router cache stats|clear`.

Works on the result cache in `lsp_router.paths.cache_dir() / "results"`
(`LSP_ROUTER_CACHE_DIR` overrides the cache directory), and on the team's shared level in
Redis when `--settings FILE` sets `storage.cache` to a Redis URL: `stats` shows it too (the
namespace of `--workspace`, the current folder by default), `clear --shared` empties that
namespace only. The cache is opened with the
limits stored in it, so running the CLI never changes the size limit a server set.
`clear` also repairs a corrupt cache by deleting its damaged database files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from lsp_router import paths


def results_dir() -> Path:
    return paths.cache_dir() / "results"


def register(subparsers: Any) -> None:
    """Add `cache` (sub-commands `stats [--json]` and `clear`) to a subparsers object."""
    cache = subparsers.add_parser(
        "cache",
        help="show or clear the result cache",
        description="Show or clear lsp-router's persistent result cache.",
    )
    commands = cache.add_subparsers(dest="cache_command", metavar="{stats,clear}")
    commands.required = True
    stats = commands.add_parser("stats", help="entries, size, hits and misses")
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    clear = commands.add_parser("clear", help="remove every cached result")
    clear.add_argument("--shared", action="store_true",
                       help="clear this team's and repository's namespace of the shared cache (Redis) instead")
    for command in (stats, clear):
        command.add_argument("--settings", metavar="FILE", help="a JSON settings file (storage.cache, cache.shared, team.name)")
        command.add_argument("--workspace", metavar="DIR", help="the repository whose shared namespace to use (default: .)")
    cache.set_defaults(func=run_cache)


def run_cache(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    command = getattr(args, "cache_command", None)
    if command == "stats":
        shared = _shared_level(args, err)
        if shared is False:
            return 2
        return _stats(bool(getattr(args, "json", False)), out, err, shared)
    if command == "clear":
        if getattr(args, "shared", False):
            return _clear_shared(args, out, err)
        return _clear(out, err)
    print("usage: lsp-router cache {stats,clear}", file=err)
    return 2


def _open(directory: Path):
    from lsp_router.cache.store import DiskResultCache

    return DiskResultCache(directory, settings=None)


def _shared_level(args: argparse.Namespace, err: TextIO):
    """The shared level (a RedisResultCache) the settings name, None when they name none,
    False when the settings cannot be read."""
    path = getattr(args, "settings", None)
    if not path:
        return None
    from lsp_router.settings import parse_settings

    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"lsp-router: cannot read {path}: {exc}", file=err)
        return False
    settings, errors = parse_settings(raw)
    for error in errors:
        print(f"lsp-router: {error}", file=err)
    url = settings.storage.cache_url
    if url is None:
        return None
    from lsp_router.cache.redis_store import RedisResultCache, cache_namespace, team_name
    from lsp_router.redis_client import RedisLink

    workspace = getattr(args, "workspace", None) or "."
    namespace = cache_namespace(team_name(settings), str(Path(workspace).resolve()))
    level = RedisResultCache(RedisLink(url, password=settings.storage.cache_password), namespace, settings.cache)
    level.active = settings.cache.shared and settings.cache.enabled  # type: ignore[attr-defined]
    return level


def _clear_shared(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    shared = _shared_level(args, err)
    if shared is False:
        return 2
    if shared is None:
        print("lsp-router: no shared cache: give --settings FILE with storage.cache set to a redis:// URL", file=err)
        return 2
    try:
        removed = shared.clear()
    except ConnectionError as error:
        print(f"lsp-router: cannot clear the shared cache: {error}", file=err)
        return 1
    finally:
        shared.close()
    plural = "s" if removed != 1 else ""
    print(f"Removed {removed} shared cached result{plural} from {shared.link.shown}, namespace {shared.namespace}.",
          file=out)
    return 0


def _stats(as_json: bool, out: TextIO, err: TextIO, shared=None) -> int:
    from lsp_router.cache.store import CacheSettings, describe_error

    directory = results_dir()
    defaults = CacheSettings()
    figures: dict[str, Any] = {
        "enabled": True,
        "directory": str(directory),
        "entries": 0,
        "sizeBytes": 0,
        "maxSizeBytes": defaults.max_size_bytes,
        "hits": 0,
        "misses": 0,
        "ttlDays": None,  # stored per entry by each server; not known here
    }
    code = 0
    if (directory / "cache.db").is_file():
        try:
            cache = _open(directory)
        except Exception as error:
            cause, fix = describe_error(error, directory)
            figures.update(enabled=False, error=cause, fix=fix)
            code = 1
        else:
            try:
                cache.expire()
                stats = cache.stats()
            finally:
                cache.close()
            stats.pop("processHits", None)
            stats.pop("processMisses", None)
            figures.update(stats)
            figures["ttlDays"] = None
            if stats.get("error"):
                code = 1
    elif directory.exists() and not directory.is_dir():
        figures.update(enabled=False, error=f"{directory} is a file, not a folder")
        code = 1

    if shared is not None:
        try:
            level = shared.stats()
        finally:
            shared.close()
        level.pop("processHits", None)
        level.pop("processMisses", None)
        level["shared"] = shared.active
        figures["shared"] = level
    if as_json:
        print(json.dumps(figures, indent=2, sort_keys=True), file=out)
        return code
    lookups = figures["hits"] + figures["misses"]
    rate = f" ({100 * figures['hits'] / lookups:.0f}% hits)" if lookups else ""
    print(f"Result cache: {figures['directory']}", file=out)
    if figures.get("error"):
        print(f"  error:    {figures['error']}", file=out)
        if figures.get("fix"):
            print(f"  fix:      {figures['fix']}", file=out)
    print(f"  entries:  {figures['entries']}", file=out)
    print(
        f"  size:     {_size(figures['sizeBytes'])} of {_size(figures['maxSizeBytes'])}", file=out
    )
    print(f"  hits:     {figures['hits']}, misses: {figures['misses']}{rate}", file=out)
    level = figures.get("shared")
    if level is not None:
        state = "reachable" if level["reachable"] else "unreachable"
        used = "" if level["shared"] else " (not used: cache.shared is false)"
        print(f"Shared cache: {level['url']} ({state}){used}", file=out)
        print(f"  namespace: {level['namespace']}", file=out)
        if level.get("error"):
            print(f"  error:     {level['error']}", file=out)
        else:
            print(f"  entries:   {level['entries']}", file=out)
            print(f"  size:      {_size(level['sizeBytes'])} of {_size(level['maxSizeBytes'])} (this namespace)", file=out)
    return code


def _clear(out: TextIO, err: TextIO) -> int:
    from lsp_router.cache.store import describe_error, is_corruption, reset_cache_files

    directory = results_dir()
    if not (directory / "cache.db").is_file():
        print(f"Result cache at {directory} is empty: nothing to clear.", file=out)
        return 0
    try:
        cache = _open(directory)
    except Exception as error:
        if not is_corruption(error):
            cause, fix = describe_error(error, directory)
            print(
                f"lsp-router: cannot clear the result cache at {directory}: {cause}. "
                f"To fix it, {fix}.",
                file=err,
            )
            return 1
        removed = reset_cache_files(directory)
        names = ", ".join(p.name for p in removed) or "nothing"
        print(f"The result cache at {directory} was corrupt; deleted {names}.", file=out)
        return 0
    try:
        removed_entries = cache.clear()
        error = cache.stats().get("error")
    finally:
        cache.close()
    if error:
        print(f"lsp-router: cannot clear the result cache at {directory}: {error}.", file=err)
        return 1
    plural = "s" if removed_entries != 1 else ""
    print(f"Removed {removed_entries} cached result{plural} from {directory}.", file=out)
    return 0


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def main(argv: list[str] | None = None) -> int:
    """`lsp-router cache ...` on its own (tests, or before the top-level CLI exists)."""
    parser = argparse.ArgumentParser(prog="lsp-router")
    subparsers = parser.add_subparsers(dest="command", metavar="{cache}")
    subparsers.required = True
    register(subparsers)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
