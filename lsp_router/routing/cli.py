"""`lsp-router route FILE:LINE:COL --task TASK ...`: show a routing decision without calling a model.

LINE and COL are 1-based, as compilers print them. The decision uses the
default thresholds (no settings file is read); `--mode` and `--budget` stand
in for the `routing.<task>` setting and the budget state.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from . import parsing
from .features import extract_features
from .policy import BUDGET_STATES, MODES, RoutingThresholds, classify

__all__ = ["register", "register_learning", "run_route", "main"]

TASKS = ("autocomplete", "rename", "explain", "refactor")
_LOCATION = re.compile(r"^(?P<path>.+):(?P<line>[^:]*):(?P<col>[^:]*)$")


class RouteError(Exception):
    """A user error: printed as one line on stderr, exit status 2."""


def register(subparsers) -> None:
    """Add the `route` subcommand to an argparse subparsers object."""
    p = subparsers.add_parser(
        "route",
        help="show which tier a request would go to, and why (no model call)",
        description=(
            "Extract the routing features of one request and print the decision, its reason and "
            "the features. No model is called and no settings file is read."
        ),
    )
    p.add_argument("location", metavar="FILE:LINE:COL",
                   help="file and 1-based position (the cursor, the symbol, or the selection start)")
    p.add_argument("--task", required=True, choices=TASKS, help="the request's task")
    p.add_argument("--end", metavar="LINE:COL", help="1-based end of the selection (explain, refactor)")
    p.add_argument("--instruction", metavar="TEXT", help="the refactor instruction")
    p.add_argument("--mode", choices=MODES, default="auto", help="routing.<task> setting (default: auto)")
    p.add_argument("--budget", choices=BUDGET_STATES, default="ok", help="budget state (default: ok)")
    p.add_argument("--language", metavar="LANGUAGE_ID", help="LSP languageId (default: from the file extension)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run_route)


def _position(text: str, what: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+):(\d+)\s*", text)
    if m is None or int(m.group(1)) < 1 or int(m.group(2)) < 1:
        raise RouteError(f"bad {what} {text!r}: expected LINE:COL with 1-based numbers")
    return int(m.group(1)) - 1, int(m.group(2)) - 1


def _check_inside(lines: list[str], pos: tuple[int, int], path: str, shown: str) -> None:
    line, col = pos
    if line >= len(lines):
        raise RouteError(f"position {shown} is past the end of {path} ({len(lines)} lines)")
    if col > len(lines[line]):
        raise RouteError(f"position {shown} is past the end of line {line + 1} of {path} ({len(lines[line])} characters)")


def symbol_at_line(lines: list[str], start: tuple[int, int], symbol_at):
    """The identifier at `start`, as the server's rename finds it (None on a blank or a symbol-free spot)."""
    from lsp_router.tasks.common import DocView

    return symbol_at(DocView("file:///route", lines[start[0]] + "\n", None, None), 0, start[1])


def _route(args) -> dict:
    m = _LOCATION.match(args.location)
    if m is None:
        raise RouteError(f"bad location {args.location!r}: expected FILE:LINE:COL with 1-based numbers")
    path = m.group("path")
    try:
        start = _position(f"{m.group('line')}:{m.group('col')}", "position")
    except RouteError:
        raise RouteError(f"bad location {args.location!r}: expected FILE:LINE:COL with 1-based numbers") from None
    try:
        with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise RouteError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise RouteError(f"not a file: {path}") from None
    except OSError as exc:
        raise RouteError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    _check_inside(lines, start, path, f"{start[0] + 1}:{start[1] + 1}")
    end = None
    if args.end is not None:
        end = _position(args.end, "--end")
        _check_inside(lines, end, path, args.end.strip())
    if args.task == "rename":
        from lsp_router.tasks.rename import symbol_at

        if symbol_at_line(lines, start, symbol_at) is None:
            raise RouteError(f"no symbol at {start[0] + 1}:{start[1] + 1} of {path}: put the position on the name to rename")
    language = parsing.language_for(args.language, path)
    features = extract_features(args.task, text, language=language, start=start, end=end,
                                instruction=args.instruction, path=path)
    decision = classify(args.task, features, mode=args.mode, thresholds=RoutingThresholds(), budget=args.budget)
    return {
        "task": args.task,
        "tier": decision.tier,
        "reason": decision.reason,
        "pinned": decision.pinned,
        "mode": args.mode,
        "budget": args.budget,
        "file": path,
        "position": {"line": start[0] + 1, "col": start[1] + 1},
        "features": features.meaningful(),
    }


def run_route(args) -> int:
    """Handler of `route`: prints the decision; 0 on success, 2 on a user error."""
    try:
        result = _route(args)
    except RouteError as exc:
        print(f"lsp-router route: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=None, sort_keys=False))
        return 0
    print(f"tier: {result['tier']}{' (pinned)' if result['pinned'] else ''}")
    print(f"reason: {result['reason']}")
    print("features:")
    for key, value in result["features"].items():
        if value is None:
            continue
        print(f"  {key}: {value}")
    return 0


def register_learning(subparsers) -> None:
    """Add `routing stats [--json]` and `routing reset`: what routing learned from outcomes."""
    routing = subparsers.add_parser(
        "routing", help="what routing learned from the suggestions you accepted: stats, reset",
        description=("Routing learns per kind of request (a features bucket) from the answers you accept "
                     "or dismiss (routing.learn). `stats` lists the buckets, `reset` forgets them."),
    )
    commands = routing.add_subparsers(dest="routing_command", metavar="{stats,reset}")
    commands.required = True
    stats = commands.add_parser("stats", help="buckets with accept counts and rates per tier, and the current choice")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(func=run_routing_stats)
    reset = commands.add_parser("reset", help="forget what was learned (the ledger keeps its rows)")
    reset.set_defaults(func=run_routing_reset)


def _learned():
    from lsp_router.learning import LearnedRouting
    from lsp_router.spend.ledger import LedgerError, open_ledger

    try:
        ledger = open_ledger()
    except LedgerError as exc:
        raise RouteError(str(exc)) from None
    warnings: list[str] = []
    return LearnedRouting(ledger, warn=warnings.append), ledger, warnings


def _tier_cell(counts: dict | None) -> str:
    if not counts:
        return "-"
    return f"{counts['accepted']} of {counts['settled']} ({round(100 * counts['acceptRate'])}%)"


def run_routing_stats(args) -> int:
    try:
        learned, ledger, warnings = _learned()
    except RouteError as exc:
        print(f"lsp-router routing: error: {exc}", file=sys.stderr)
        return 2
    try:
        for warning in warnings:
            print(f"lsp-router routing: {warning}", file=sys.stderr)
        rows = learned.stats()
        since = learned.reset_at or None
        if args.json:
            print(json.dumps({"since": since, "ledger": str(ledger.path), "buckets": rows}))
            return 0
        if not rows:
            print("nothing learned yet: no answer with an outcome"
                  + (" since the last reset" if since else "") + f" in {ledger.path}")
            return 0
        nano = any("nano" in row["tiers"] for row in rows)
        tiers = ("nano", "mini", "frontier") if nano else ("mini", "frontier")
        table = [("bucket", *(f"{tier} accepted" for tier in tiers), "choice")]
        for row in rows:
            choice = "rules" if row["choice"] == "rules" else f"{row['choice']} (learned): {row['why']}"
            if row.get("nanoChoice", "rules") != "rules":
                choice = f"nano requests: {row['nanoChoice']} (learned): {row['nanoWhy']}; others: {choice}"
            table.append((row["bucket"], *(_tier_cell(row["tiers"].get(tier)) for tier in tiers), choice))
        widths = [max(len(r[i]) for r in table) for i in range(len(tiers) + 1)]
        for r in table:
            print("  ".join(cell.ljust(width) for cell, width in zip(r, widths)) + "  " + r[-1])
        print(f"\n{len(rows)} bucket{'s' if len(rows) != 1 else ''}; \"rules\": not enough evidence to "
              "differ from the classifier. Counts: answers with an outcome"
              + (f" since the reset at {_local(since)}" if since else "") + ".")
        return 0
    finally:
        ledger.close()


def _local(ts: float) -> str:
    import time

    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


def run_routing_reset(args) -> int:
    try:
        learned, ledger, warnings = _learned()
    except RouteError as exc:
        print(f"lsp-router routing: error: {exc}", file=sys.stderr)
        return 2
    try:
        buckets = len(learned.table)
        learned.reset()
        print(f"forgot what routing learned ({buckets} bucket{'s' if buckets != 1 else ''}); "
              f"outcomes from now on count (state: {learned.path})")
        return 0
    finally:
        ledger.close()


def main(argv: list[str] | None = None) -> int:
    """A parser with just `route` (the top-level CLI adds it through `register`)."""
    parser = argparse.ArgumentParser(prog="lsp-router")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
