#!/usr/bin/env python3
"""How well the ghost-text check judges answers: correct ones it lets through, broken ones it catches.

The check (`routing.checks.check_completion`) decides whether a mini model's completion is
shown or escalated to frontier. Rejecting a correct one costs a needless frontier call;
letting a broken one through shows it to the user. Both are measured on real histories:

* correct completions are the ones `lsp-router replay` makes from each commit (the text
  the commit added, typed where its author typed it, in Python, JavaScript or TypeScript);
* each is then broken four ways a model's answer goes wrong: one closing bracket too many
  (`extra-paren`), its last closing bracket dropped (`drop-closer`), cut two characters
  into its first string (`cut-in-string`), a call left open after its first `(`
  (`unclosed-call`).

A completion that ends with an open bracket (`items = [`, `foo(`) counts as partial, the
user typing on, so a dropped last closer often passes by design.

Not every broken completion breaks the file: a `)` appended to a comment, a string cut
where a later quote closes it. "Detectable" counts those that make tree-sitter find more
errors in the whole file than the correct completion does; "missed" is detectable and
let through. The check parses only a window around the cursor, so it can also catch ones
the whole-file count cannot see. Timings are printed, never asserted.

    python scripts/bench_checks.py [REPO ...] [--commits N] [--json FILE]

Default histories: this repository's last 60 commits and, once scripts/bench_replay.py has
built it, click's pinned releases.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lsp_router import replay  # noqa: E402
from lsp_router.routing import parsing  # noqa: E402
from lsp_router.routing.checks import check_completion  # noqa: E402

LANGUAGES = ("python", "javascript", "typescript")
KINDS = ("extra-paren", "drop-closer", "cut-in-string", "unclosed-call")
CLICK = Path(os.environ.get("LSP_ROUTER_BENCH_HOME", Path.home() / ".cache" / "lsp-router-bench")) / "history" / "click"


def broken(text: str) -> Iterator[tuple[str, str]]:
    """(kind, the completion broken that way), for the kinds that apply to `text`."""
    yield "extra-paren", text.rstrip("\n") + ")"
    last = max(text.rfind(")"), text.rfind("]"), text.rfind("}"))
    if last >= 0:
        yield "drop-closer", text[:last] + text[last + 1:]
    quotes = [i for i, ch in enumerate(text) if ch in "\"'"]
    if quotes:
        yield "cut-in-string", text[: quotes[0] + 2]
    if "(" in text:
        yield "unclosed-call", text[: text.index("(") + 1] + "a, b"


def completions(repo: Path, commits: int) -> Iterator[tuple[str, int, int, int, str, str]]:
    """(document text, line, character, offset, completion, language) from `repo`'s history."""
    git = replay.Git(repo)
    try:
        chosen = git.commits(commits)
        result = replay.ReplayResult(str(repo), "dry-run", "", "", "")
        for requests in replay.iter_requests(git, chosen, result, lambda i: None):
            for synth in requests:
                if synth.task == "autocomplete" and synth.output and synth.view.language in LANGUAGES:
                    line, character = synth.start
                    yield (synth.view.text, line, character, synth.view.offset(line, character),
                           synth.output, synth.view.language)
    finally:
        git.close()


def errors_with(text: str, offset: int, insert: str, language: str) -> int:
    tree = parsing.parse(text[:offset] + insert + text[offset:], language)
    return parsing.count_errors(tree.root_node) if tree is not None else 0


def measure(repo: Path, commits: int, progress: Callable[[str], None] = lambda line: None) -> dict:
    correct = accepted = 0
    total, detectable, caught, missed = Counter(), Counter(), Counter(), Counter()
    timings: list[float] = []
    rejected: Counter = Counter()
    for text, line, character, offset, output, language in completions(repo, commits):
        correct += 1
        started = time.perf_counter()
        verdict = check_completion(text, line, character, output, language)
        timings.append(time.perf_counter() - started)
        if verdict.ok:
            accepted += 1
        else:
            rejected[verdict.reason] += 1
        baseline = errors_with(text, offset, output, language)
        for kind, bad in broken(output):
            total[kind] += 1
            breaks_file = errors_with(text, offset, bad, language) > baseline
            rejects = not check_completion(text, line, character, bad, language).ok
            detectable[kind] += breaks_file
            caught[kind] += rejects
            missed[kind] += breaks_file and not rejects
        if correct % 500 == 0:
            progress(f"  {repo.name}: {correct} completions")
    timings.sort()
    return {
        "repo": str(repo), "commits": commits, "correct": correct, "accepted": accepted,
        "rejected": dict(rejected.most_common()),
        "total": dict(total), "detectable": dict(detectable), "caught": dict(caught), "missed": dict(missed),
        "check_p50_ms": timings[len(timings) // 2] * 1000 if timings else None,
        "check_p99_ms": timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000 if timings else None,
    }


def _name(repo: str) -> str:
    return "this repository" if Path(repo).resolve() == ROOT else Path(repo).name


def report(results: list[dict], out: Callable[[str], None] = print) -> dict:
    header = f"{'history':<34}{'correct accepted':>18}" + "".join(f"{k:>22}" for k in KINDS)
    out(header)
    out("-" * len(header))
    overall: dict = {"correct": 0, "accepted": 0, **{key: Counter() for key in ("total", "detectable", "caught", "missed")}}
    for r in results:
        name = f"{_name(r['repo'])} ({r['commits']} commits)"
        cells = "".join(f"{r['caught'].get(k, 0):>8}/{r['total'].get(k, 0):<5} miss {r['missed'].get(k, 0):<4}" for k in KINDS)
        out(f"{name:<34}{r['accepted']:>9}/{r['correct']:<8}{cells}")
        overall["correct"] += r["correct"]
        overall["accepted"] += r["accepted"]
        for key in ("total", "detectable", "caught", "missed"):
            overall[key].update(r[key])
    out("(caught/broken completions of each kind; miss: broke the whole file's parse and was let through)")
    for r in results:
        if r["rejected"]:
            out(f"correct completions rejected in {_name(r['repo'])}: "
                + "; ".join(f"{reason} ({n})" for reason, n in r["rejected"].items()))
        if r["check_p50_ms"] is not None:
            out(f"check time in {_name(r['repo'])}: p50 {r['check_p50_ms']:.2f} ms, p99 {r['check_p99_ms']:.2f} ms")
    out("")
    out("## Summary")
    det = overall["detectable"]
    rates = ", ".join(
        f"{k} {det[k] - overall['missed'][k]}/{det[k]}" + (f" ({100 * (det[k] - overall['missed'][k]) / det[k]:.0f}%)" if det[k] else "")
        for k in KINDS)
    false = overall["correct"] - overall["accepted"]
    out(f"ghost-text check: accepts {overall['accepted']} of {overall['correct']} correct completions "
        f"({false} needless escalation{'s' if false != 1 else ''}); catches, of the broken ones that break the "
        f"file's parse: {rates}")
    return {"correct": overall["correct"], "accepted": overall["accepted"],
            **{key: dict(overall[key]) for key in ("total", "detectable", "caught", "missed")}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repos", nargs="*", type=Path, help="git repositories (default: this one, and click's pinned history)")
    parser.add_argument("--commits", type=int, default=60, help="latest commits of each repository")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    repos = args.repos or [ROOT] + ([CLICK] if (CLICK / ".git").exists() else [])
    print(f"# bench_checks: {time.strftime('%Y-%m-%d %H:%M')}; histories: {', '.join(str(r) for r in repos)}", flush=True)
    results = []
    for repo in repos:
        if not (repo / ".git").exists():
            print(f"bench_checks: {repo} is not a git repository", file=sys.stderr)
            return 2
        results.append(measure(repo, args.commits, lambda line: print(line, flush=True)))
    summary = report(results)
    if args.json:
        args.json.write_text(json.dumps({"histories": results, "overall": summary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
