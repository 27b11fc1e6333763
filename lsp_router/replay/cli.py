"""`lsp-router replay REPO [--commits N] [--since DATE] [--dry-run | --live [--compare [--yes]]] [--settings FILE] [--json] [--max-requests N]`.

Walks a repository's recent history, turns each commit into the editor requests its
developer would have made, routes them with the real classifier and prints what routing,
always-frontier and always-mini would cost. See the `lsp_router.replay` package for the heuristics.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["register", "run_replay", "main"]

_DESCRIPTION = (
    "Replay a git repository's recent commits as the editor requests a developer would have made "
    "while writing them (inline completions, renames, explains, refactors), route each with the real "
    "classifier and the real cache keys, and print requests per task and tier, cache hits, tokens, and "
    "the cost with routing versus always-frontier versus always-mini. Without API keys (or with "
    "--dry-run) no model is called. With --live --compare, a sample of the requests is answered on both "
    "tiers and each answer scored against what the commit really wrote: quality per tier, the routed "
    "policy's quality as a share of always-frontier's, and the cost ratio."
)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("repo", metavar="REPO", help="path of a git repository (or a folder inside one)")
    parser.add_argument("--commits", type=_positive, default=20, metavar="N",
                        help="replay the last N non-merge commits (default: 20)")
    parser.add_argument("--since", metavar="DATE",
                        help="only commits after DATE (anything git log --since takes: 2025-01-31, '2 weeks ago')")
    parser.add_argument("--dry-run", action="store_true",
                        help="call no model (the default without API keys): tokens from the tokenizer, output sizes from the commits")
    parser.add_argument("--settings", metavar="FILE",
                        help="a JSON file with lspRouter settings (the same shape as initializationOptions)")
    parser.add_argument("--nano", metavar="MODEL",
                        help="route with this models.nano (provider:model, e.g. openai:gpt-5.4-nano) over the "
                             "settings' own; a dry run also prints the figure without it")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--live", action="store_true",
                        help="replay against the providers (the default with API keys); an error without them")
    parser.add_argument("--compare", action="store_true",
                        help="with --live: answer a sample of the requests on both tiers, score each answer against "
                             "what the commit really wrote, and print quality per tier, the routed policy's quality "
                             "as a share of always-frontier's, and the cost ratio")
    parser.add_argument("--yes", action="store_true",
                        help="with --compare: do not ask before spending when the estimate is over $1")
    parser.add_argument("--max-requests", type=_positive, default=50, metavar="N",
                        help="with API keys: send at most N requests to the providers (default: 50). With --compare, "
                             "at most N model calls: each sampled request is answered on both tiers (2 calls), an "
                             "explain is also graded by the frontier model (2 more, 4 in all)")


def register(subparsers) -> None:
    """Add the `replay` command to the main `lsp-router` parser."""
    parser = subparsers.add_parser(
        "replay", help="replay a repository's history as editor requests and compare the costs",
        description=_DESCRIPTION,
    )
    _add_arguments(parser)
    parser.set_defaults(func=run_replay)


def _load_settings(path: str | None):
    from lsp_router.replay.errors import ReplayError
    from lsp_router.settings import Settings, parse_settings

    if not path:
        return Settings(), []
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReplayError(f"cannot read settings file {path}: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise ReplayError(f"settings file {path} is not JSON: {exc}") from None
    return parse_settings(raw)


def _confirm(message: str) -> bool | None:
    """Ask on the terminal (stderr, so that --json output stays JSON); None without one."""
    try:
        terminal = sys.stdin.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:
        return None
    sys.stderr.write(f"{message} Go ahead? [y/N] ")
    sys.stderr.flush()
    reply = sys.stdin.readline()
    return reply.strip().lower() in ("y", "yes")


def run_replay(args: argparse.Namespace) -> int:
    from lsp_router.replay.errors import ReplayError
    from lsp_router.replay.render import render_json, render_text
    from lsp_router.replay.result import ReplayOptions
    from lsp_router.replay.run import replay
    from lsp_router.settings import parse_settings

    try:
        settings, errors = _load_settings(getattr(args, "settings", None))
        if getattr(args, "nano", None):
            settings, nano_errors = parse_settings({"models": {"nano": args.nano}}, settings)
            if nano_errors:
                raise ReplayError(f"--nano: {nano_errors[0]}")
        for error in errors:
            print(f"lsp-router replay: {error}; using the default for it", file=sys.stderr)
        result = replay(ReplayOptions(
            repo=args.repo,
            commits=args.commits,
            since=args.since,
            dry_run=bool(args.dry_run),
            settings=settings,
            max_requests=args.max_requests,
            live=bool(getattr(args, "live", False)),
            compare=bool(getattr(args, "compare", False)),
            yes=bool(getattr(args, "yes", False)),
            confirm=_confirm,
        ))
    except ReplayError as exc:
        print(f"lsp-router replay: {exc}", file=sys.stderr)
        return exc.exit_code
    print(render_json(result) if args.json else render_text(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run `replay` alone (tests, `python -m lsp_router.replay.cli`); a leading "replay" is allowed."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["replay"]:
        argv = argv[1:]
    parser = argparse.ArgumentParser(prog="lsp-router replay", description=_DESCRIPTION)
    _add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return run_replay(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
