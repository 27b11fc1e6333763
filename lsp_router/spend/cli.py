"""`lsp-router spend [--today|--session ID|--since DATE] [--by task|model|tier|day] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from lsp_router import paths
from lsp_router.spend.ledger import AnswerOutcome, LedgerError, LedgerRow, SqliteLedger
from lsp_router.spend.report import GROUP_BY, aggregate, local_midnight, render_table

__all__ = ["register", "run_spend", "main"]

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
        "--by", choices=GROUP_BY, default=DEFAULT_BY, help=f"group rows by (default: {DEFAULT_BY})"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


_DESCRIPTION = (
    "Show what lsp-router spent, from the ledger of every call it made: requests, cache hits, "
    "tokens, cost and savings (what the frontier model would have cost). All time by default."
)


def register(subparsers: Any) -> None:
    """Add the `spend` command to the main `lsp-router` parser."""
    parser = subparsers.add_parser("spend", help="show spending and savings", description=_DESCRIPTION)
    _add_arguments(parser)
    parser.set_defaults(func=run_spend)


def _selection(args: argparse.Namespace) -> tuple[dict, dict]:
    """(query keyword arguments, a description of the selection for JSON)."""
    if getattr(args, "today", False):
        today = date.today()
        return {"since": local_midnight(today)}, {"today": today.isoformat()}
    if getattr(args, "session", None):
        return {"session": args.session}, {"session": args.session}
    since = getattr(args, "since", None)
    if since is not None:
        return {"since": local_midnight(since)}, {"since": since.isoformat()}
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
