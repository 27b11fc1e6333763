"""`lsp-router spend [--today|--session ID|--since DATE] [--by task|model|tier|day] [--json]`,
`lsp-router spend --team [--by user|day|model|tier|task] [--json]` (the team ledger) and
`lsp-router storage check|migrate` (check: the team ledger and the shared cache). The URLs come
from the settings: `--settings FILE` (the same shape as initializationOptions), and `--workspace
DIR` for `team.user`'s git email and the shared cache's namespace."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date, datetime
from typing import Any

from lsp_router import paths
from lsp_router.spend.ledger import AnswerOutcome, LedgerError, LedgerRow, SqliteLedger
from lsp_router.spend.report import GROUP_BY, TEAM_GROUP_BY, aggregate, local_midnight, render_table

__all__ = ["register", "register_storage", "run_spend", "run_storage", "main"]

DEFAULT_BY = "day"


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use YYYY-MM-DD, e.g. 2025-01-31") from None


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--today", action="store_true", help="only today's calls (local time)")
    which.add_argument("--session", metavar="ID", help="only the calls of one editor session")
    which.add_argument("--since", metavar="DATE", type=_iso_date, help="calls from DATE (YYYY-MM-DD, local) on")
    parser.add_argument(
        "--by", choices=TEAM_GROUP_BY, default=None,
        help=f"group rows by {'|'.join(GROUP_BY)} (default: {DEFAULT_BY}); with --team also user",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--team", action="store_true",
                        help="the team ledger (storage.ledger, a PostgreSQL URL): every machine's spend")
    _settings_arguments(parser)


def _settings_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--settings", metavar="FILE",
                        help="a JSON file with lspRouter settings (the same shape as initializationOptions)")
    parser.add_argument("--workspace", metavar="DIR",
                        help="the workspace folder (team.user defaults to its git user.email; its repository "
                             "names the shared cache's namespace; default: the current folder)")


def load_settings(args: argparse.Namespace):
    """(settings, errors) from --settings FILE; the defaults without it."""
    from pathlib import Path

    from lsp_router.settings import Settings, parse_settings

    path = getattr(args, "settings", None)
    if not path:
        return parse_settings({})
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        return Settings(), [f"cannot read settings file {path}: {exc.strerror or exc}"]
    except json.JSONDecodeError as exc:
        return Settings(), [f"settings file {path} is not JSON: {exc}"]
    return parse_settings(raw)


_DESCRIPTION = (
    "Show what lsp-router spent, from the ledger of every call it made: requests, cache hits, "
    "tokens, cost and savings (what the frontier model would have cost). All time by default."
)


def register(subparsers: Any) -> None:
    """Add the `spend` command to the main `lsp-router` parser."""
    parser = subparsers.add_parser("spend", help="show spending and savings", description=_DESCRIPTION)
    _add_arguments(parser)
    parser.set_defaults(func=run_spend)


def _selection(args: argparse.Namespace, zone=None) -> tuple[dict, dict]:
    """(query keyword arguments, a description of the selection for JSON); days are `zone`'s
    (team.timeZone, for --team) or this machine's."""
    def midnight(day: date) -> float:
        return local_midnight(day) if zone is None else datetime(day.year, day.month, day.day, tzinfo=zone).timestamp()

    if getattr(args, "today", False):
        today = date.today() if zone is None else datetime.now(zone).date()
        return {"since": midnight(today)}, {"today": today.isoformat()}
    if getattr(args, "session", None):
        return {"session": args.session}, {"session": args.session}
    since = getattr(args, "since", None)
    if since is not None:
        return {"since": midnight(since)}, {"since": since.isoformat()}
    return {}, {"all": True}


def _load(query: dict) -> tuple[list[LedgerRow], list[AnswerOutcome]]:
    path = paths.ledger_path()
    if not path.exists():  # nothing spent yet: an empty report, and no file created by a read
        return [], []
    ledger = SqliteLedger(path)
    try:
        return ledger.rows(**query), ledger.answers(**query)
    finally:
        ledger.close()


def run_spend(args: argparse.Namespace) -> int:
    by = getattr(args, "by", None) or DEFAULT_BY
    if getattr(args, "team", False):
        return _run_team_spend(args, by)
    if by not in GROUP_BY:
        print(f"lsp-router spend: --by {by} needs --team (the local ledger has one user)", file=sys.stderr)
        return 2
    query, selection = _selection(args)
    try:
        rows, answers = _load(query)
    except LedgerError as exc:
        print(f"lsp-router spend: {exc}", file=sys.stderr)
        return 1
    report = aggregate(rows, by, selection, answers)
    if getattr(args, "json", False):
        payload = {"ledger": str(paths.ledger_path()), **report.as_json()}
        print(json.dumps(payload, indent=2))
    else:
        if "today" in selection:
            title = f"lsp-router spend today ({selection['today']}), by {by}"
        elif "session" in selection:
            title = f"lsp-router spend in session {selection['session']}, by {by}"
        elif "since" in selection:
            title = f"lsp-router spend since {selection['since']}, by {by}"
        else:
            title = f"lsp-router spend, all time, by {by}"
        print(render_table(report, title=title))
    return 0


def _team_url(args: argparse.Namespace, command: str):
    """(settings, url or None); settings errors printed."""
    settings, errors = load_settings(args)
    for error in errors:
        print(f"{command}: {error}", file=sys.stderr)
    return settings, settings.storage.team_ledger


def _run_team_spend(args: argparse.Namespace, by: str) -> int:
    from lsp_router.settings import redact_url
    from lsp_router.spend.pg import PgLedger

    settings, url = _team_url(args, "lsp-router spend")
    if url is None:
        print("lsp-router spend --team: no team ledger configured: set storage.ledger to a postgresql:// URL "
              "in the settings (--settings FILE)", file=sys.stderr)
        return 2
    zone = settings.team.zone()
    query, selection = _selection(args, zone)
    if "session" in query:
        print("lsp-router spend --team: --session is for the local ledger", file=sys.stderr)
        return 2
    from lsp_router.spend.report import from_groups

    ledger = PgLedger(url, password=settings.storage.ledger_password)
    try:
        groups = ledger.grouped(by, team=settings.team.name, since=query.get("since"), zone=zone)
    except LedgerError as exc:
        print(f"lsp-router spend: {exc}", file=sys.stderr)
        return 1
    finally:
        ledger.close()
    report = from_groups(by, groups, {**selection, "team": settings.team.name})
    if getattr(args, "json", False):
        print(json.dumps({"ledger": redact_url(url), "team": settings.team.name, **report.as_json()}, indent=2))
    else:
        name = f" {settings.team.name!r}" if settings.team.name else ""
        when = f"today ({selection['today']})" if "today" in selection else (
            f"since {selection['since']}" if "since" in selection else "all time")
        print(render_table(report, title=f"lsp-router team{name} spend, {when}, by {by} ({redact_url(url)})"))
    return 0


# -- storage ----------------------------------------------------------------------------


def register_storage(subparsers: Any) -> None:
    """`lsp-router storage check|migrate`."""
    parser = subparsers.add_parser(
        "storage", help="check the team ledger and shared cache, or migrate the team ledger",
        description="What is configured for storage (the team ledger, the shared cache), whether it is reachable "
                    "and migrated; migrate the team ledger by hand. Passwords: in the URL, or "
                    "LSP_ROUTER_PG_PASSWORD / PGPASSWORD and LSP_ROUTER_REDIS_PASSWORD.")
    actions = parser.add_subparsers(dest="storage_action", metavar="ACTION")
    actions.required = True
    for name, text in (("check", "say what is configured, reachable and migrated (non-zero when unreachable)"),
                       ("migrate", "create or upgrade the team ledger's schema (the server also does it)")):
        action = actions.add_parser(name, help=text, description=text)
        _settings_arguments(action)
        action.add_argument("--json", action="store_true")
        action.set_defaults(func=run_storage, storage_action=name)


def run_storage(args: argparse.Namespace) -> int:
    action = getattr(args, "storage_action", "check")
    settings, url = _team_url(args, f"lsp-router storage {action}")
    if url is None and action == "migrate":
        print("lsp-router storage migrate: no team ledger configured (storage.ledger is sqlite); "
              "the local ledger migrates itself", file=sys.stderr)
        return 2
    ledger, lines, ok = _ledger_report(args, settings, url, action)
    report: dict[str, Any] = {"ledger": ledger}
    if action == "check":  # the shared cache has no schema: only `check` looks at it
        report["cache"], cache_lines, cache_ok = _cache_report(args, settings)
        lines, ok = lines + cache_lines, ok and cache_ok
    _print_storage(args, report, lines, error=not ok)
    return 0 if ok else 1


def storage_check(args: argparse.Namespace, settings) -> tuple[dict, list[str], bool]:
    """`storage check`'s report of the team backends in `settings` (for `lsp-router doctor`):
    (the report, its lines, whether every configured backend is reachable)."""
    ledger, lines, ok = _ledger_report(args, settings, settings.storage.team_ledger, "check")
    cache, cache_lines, cache_ok = _cache_report(args, settings)
    return {"ledger": ledger, "cache": cache}, lines + cache_lines, ok and cache_ok


def _ledger_report(args: argparse.Namespace, settings, url: str | None, action: str) -> tuple[dict, list[str], bool]:
    """(the `ledger` object, its lines, reachable or not configured); `migrate` migrates first."""
    from lsp_router.settings import redact_url
    from lsp_router.spend.pg import PG_SCHEMA_VERSION, PgLedger

    ledger: dict[str, Any] = {"local": str(paths.ledger_path()), "team": None}
    if url is None:
        return ledger, ["ledger: sqlite (local): " + str(paths.ledger_path()),
                        "team ledger: not configured (set storage.ledger to a postgresql:// URL)"], True
    from lsp_router.spend.team import resolve_user

    team: dict[str, Any] = {"url": redact_url(url), "reachable": False, "schemaVersion": None,
                            "expectedVersion": PG_SCHEMA_VERSION, "migrated": False,
                            "user": resolve_user(settings.team.user, getattr(args, "workspace", None)),
                            "team": settings.team.name}
    ledger["team"] = team
    pg = PgLedger(url, connect_timeout_s=5, password=settings.storage.ledger_password)
    lines = [f"ledger: sqlite (local, the spool): {paths.ledger_path()}{_spooled(team)}",
             f"team ledger: {redact_url(url)}", f"user: {team['user']}, team: {team['team'] or '(none)'}"]
    try:
        if action == "migrate":
            before, after = pg.migrate()
            lines.append(f"migrated: schema {before} -> {after}" if after != before else f"schema {after}: up to date")
        version = pg.schema_version()
        team.update(reachable=True, schemaVersion=version, migrated=version == PG_SCHEMA_VERSION)
        lines.append("reachable: yes")
        if version == PG_SCHEMA_VERSION:
            lines.append(f"migrated: yes (schema {version}); {pg.count()} rows")
        else:
            lines.append(f"migrated: no (schema {version}, this lsp-router uses {PG_SCHEMA_VERSION}): "
                         "run lsp-router storage migrate, or start the server (it migrates)")
    except LedgerError as exc:
        team["error"] = str(exc)
        lines.append(f"reachable: no: {exc}")
        return ledger, lines, False
    finally:
        pg.close()
    return ledger, lines, True


def _cache_report(args: argparse.Namespace, settings) -> tuple[dict, list[str], bool]:
    """(the `cache` object, its lines, reachable or not configured): storage.cache, whether
    cache.shared uses it, PING, this workspace's namespace and its entries."""
    from lsp_router.settings import redact_url

    url = settings.storage.cache_url
    cache: dict[str, Any] = {"storage": redact_url(settings.storage.cache), "url": None,
                             "shared": settings.cache.shared, "enabled": settings.cache.enabled,
                             "used": False, "counters": False, "reachable": None, "namespace": None}
    if url is None:
        lines = ["shared cache: not configured (storage.cache is disk: the local cache only; "
                 "set it to a redis:// URL and cache.shared to true)"]
        if settings.cache.shared:
            cache["note"] = "cache.shared is true but storage.cache is disk: nothing is shared"
            lines.append(f"  {cache['note']}")
        return cache, lines, True
    from pathlib import Path

    from lsp_router.cache.redis_store import cache_namespace, team_name

    namespace = cache_namespace(team_name(settings), str(Path(getattr(args, "workspace", None) or ".").resolve()))
    # with a team ledger the budget counters live in this Redis too, cache.shared or not (spend/team.py attach)
    counters = settings.storage.team_ledger is not None
    cache.update(url=redact_url(url), namespace=namespace, used=settings.cache.shared and settings.cache.enabled,
                 counters=counters)
    lines = [f"shared cache: {redact_url(url)}", f"  namespace: {namespace} (team.name|this repository)"]
    also = "; the team ledger's budget counters still use this Redis" if counters else ""
    if not settings.cache.shared:
        cache["note"] = f"cache.shared is false: nothing is shared (set cache.shared to true to share answers){also}"
    elif not settings.cache.enabled:
        cache["note"] = f"cache.enabled is false: no result cache, so nothing is shared{also}"
    lines.append(f"  {cache['note']}" if "note" in cache else "  cache.shared: true (answers are shared)")
    if counters and "note" not in cache:
        lines.append("  team budget counters: in this Redis too (storage.ledger is a team ledger)")
    ok = _ping_redis(url, namespace, settings, cache, lines)
    return cache, lines, ok


def _ping_redis(url: str, namespace: str, settings, cache: dict, lines: list[str]) -> bool:
    """PING, then this namespace's entries and Redis' memory (both cheap: ZCARD, GET, INFO)."""
    from lsp_router.cache.cli import _size
    from lsp_router.cache.redis_store import RedisResultCache
    from lsp_router.redis_client import RedisLink

    link = RedisLink(url, connect_timeout=3, socket_timeout=3, password=settings.storage.cache_password)
    level = RedisResultCache(link, namespace, settings.cache)
    quiet = logging.getLogger("lsp_router.redis_client")
    was, quiet.disabled = quiet.disabled, True  # the report says why; the server's log line would say it twice
    try:
        link.try_call(lambda client: client.ping())
        figures = level.stats()
        if figures.get("error"):  # gone between the PING and the read
            raise ConnectionError(figures["error"])
        memory = link.call(lambda client: client.info("memory"), None) or {}  # an ACL may forbid INFO
    except ConnectionError as error:
        cache.update(reachable=False, error=str(error), fix=link.last_hint)
        lines.append(f"  reachable: no: {error} ({link.last_hint})")
        return False
    finally:
        link.close()
        quiet.disabled = was
    cache.update(reachable=True, entries=figures["entries"], sizeBytes=figures["sizeBytes"],
                 maxSizeBytes=figures["maxSizeBytes"], usedMemoryBytes=memory.get("used_memory"),
                 maxMemoryBytes=memory.get("maxmemory") or None)
    lines.append("  reachable: yes (PING)")
    used = ""
    if cache["usedMemoryBytes"] is not None:
        of = f" of {_size(cache['maxMemoryBytes'])}" if cache["maxMemoryBytes"] else " (no maxmemory)"
        used = f"; Redis uses {_size(cache['usedMemoryBytes'])}{of}"
    lines.append(f"  entries: {cache['entries']}, {_size(cache['sizeBytes'])} of {_size(cache['maxSizeBytes'])} "
                 f"in this namespace{used}")
    return True


def _spooled(team: dict) -> str:
    """", N rows not yet sent" from the local spool (read only: no file is created)."""
    path = paths.ledger_path()
    if not path.exists():
        return ""
    try:
        ledger = SqliteLedger(path)
        try:
            team["unsent"] = ledger.unsent_count()
        finally:
            ledger.close()
    except LedgerError:
        return ""
    return f", {team['unsent']} rows not yet sent" if team["unsent"] else ""


def _print_storage(args: argparse.Namespace, report: dict, lines: list[str], error: bool = False) -> None:
    if getattr(args, "json", False):
        print(json.dumps(report, indent=2))
    else:
        print("\n".join(lines), file=sys.stderr if error else sys.stdout)


def main(argv: list[str] | None = None) -> int:
    """Run `spend` alone (tests, `python -m lsp_router.spend.cli`); a leading "spend" is allowed."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["spend"]:
        argv = argv[1:]
    parser = argparse.ArgumentParser(prog="lsp-router spend", description=_DESCRIPTION)
    _add_arguments(parser)
    args = parser.parse_args(argv)
    return run_spend(args)


if __name__ == "__main__":
    raise SystemExit(main())
