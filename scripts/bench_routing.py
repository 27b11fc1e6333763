#!/usr/bin/env python3
"""Benchmark routing: extract_features + classify on thousands of real requests.

Requests are built from Python standard-library files (big ones included:
argparse, tarfile, inspect, typing, ...) and the vendored JavaScript in
tests/data/routing_src/, with positions spread over each file:

* autocomplete: a random cursor; each request is a *new* document text (one
  character typed just before the cursor), as on every keystroke, so nothing
  is cached between requests;
* rename: a random identifier;
* explain / refactor: a random function/class definition, or a random range
  of lines; refactor with a random instruction.

For rename/explain/refactor the first request on a file parses the whole file
(reported separately as "cold"); later requests on the same text reuse the
cached tree, as the server does for one document version.

Prints p50/p99/max in microseconds of extract_features, classify and both
together, per task, and the tier split. Never asserts timings.

    python scripts/bench_routing.py [--requests 6000] [--seed 1]
"""

from __future__ import annotations

import argparse
import gc
import keyword
import os
import random
import re
import sys
import sysconfig
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsp_router.routing import parsing  # noqa: E402
from lsp_router.routing.features import extract_features  # noqa: E402
from lsp_router.routing.policy import classify  # noqa: E402

STDLIB = Path(sysconfig.get_paths()["stdlib"])
FILES = [
    "argparse.py", "tarfile.py", "inspect.py", "typing.py", "email/_header_value_parser.py",
    "difflib.py", "configparser.py", "shutil.py", "textwrap.py", "csv.py", "json/decoder.py",
    "json/encoder.py", "fnmatch.py", "shlex.py", "bisect.py", "colorsys.py", "getopt.py",
    "netrc.py", "dataclasses.py", "functools.py", "statistics.py", "subprocess.py",
]
JS_FILES = [ROOT / "tests" / "data" / "routing_src" / n for n in ("jsonparse.js", "semver_range.js")]
INSTRUCTIONS = [
    "Add a docstring.", "Add type hints.", "Simplify this function.", "Rename the variable i to index.",
    "Convert this to async.", "Extract the loop body into a helper function.",
    "Restructure this into a class.", "Use f-strings.",
    "Add input validation: raise ValueError with a clear message for negative sizes, empty names and "
    "unknown modes; keep the current behaviour otherwise and add a test-friendly hook for the clock.",
]
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_JS_KEYWORDS = {"var", "let", "const", "function", "return", "if", "else", "for", "while", "this", "new",
                "true", "false", "null", "undefined", "typeof", "class", "throw", "break", "continue"}


def pct(xs: list[int], q: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    i = min(len(xs) - 1, int(round(q * (len(xs) - 1))))
    return xs[i] / 1000.0


def definitions(text: str, language: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    tree = parsing.parse(text, language)
    doc = parsing.doc_for(text)
    out = []
    _, class_types, _, _ = parsing.node_kinds(language)
    stack = [tree.root_node]
    while stack:
        n = stack.pop()
        if parsing.is_function(n, language) or (n.type in class_types and n.is_named):
            out.append(((doc.pos_of_point(n.start_point)[0], 0), doc.pos_of_point(n.end_point)))
        stack.extend(n.children)
    return out


def build(n_requests: int, seed: int):
    rnd = random.Random(seed)
    sources = []
    for rel in FILES:
        p = STDLIB / rel
        if p.is_file():
            sources.append((f"stdlib:{rel}", p.read_text(encoding="utf-8"), "python"))
    for p in JS_FILES:
        sources.append((f"src:{p.name}", p.read_text(encoding="utf-8"), "javascript"))
    share = {"autocomplete": 0.55, "rename": 0.15, "explain": 0.15, "refactor": 0.15}
    requests = []
    defs_cache = {}
    for task, frac in share.items():
        for i in range(max(1, int(n_requests * frac))):
            name, text, lang = sources[i % len(sources)]
            lines = text.split("\n")
            if task == "autocomplete":
                line = rnd.randrange(len(lines))
                col = rnd.randint(0, len(lines[line]))
                requests.append((task, name, lang, text, (line, col), None, None))
            elif task == "rename":
                for _ in range(50):
                    line = rnd.randrange(len(lines))
                    words = [m for m in _IDENT.finditer(lines[line])
                             if not keyword.iskeyword(m.group()) and m.group() not in _JS_KEYWORDS]
                    if words:
                        m = rnd.choice(words)
                        requests.append((task, name, lang, text, (line, m.start()), None, None))
                        break
            else:
                if rnd.random() < 0.7:
                    defs = defs_cache.get(name)
                    if defs is None:
                        defs = defs_cache[name] = definitions(text, lang)
                    start, end = rnd.choice(defs)
                else:
                    a = rnd.randrange(len(lines))
                    b = min(len(lines) - 1, a + rnd.randint(1, 200))
                    start, end = (a, 0), (b, len(lines[b]))
                instr = rnd.choice(INSTRUCTIONS) if task == "refactor" else None
                requests.append((task, name, lang, text, start, end, instr))
    rnd.shuffle(requests)
    return requests


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    requests = build(args.requests, args.seed)
    # warm up: grammars, regexes
    for lang, text in (("python", "def f(x):\n    return x\n"), ("javascript", "function f (x) { return x }\n")):
        extract_features("autocomplete", text, language=lang, start=(1, 4))
    parsing._tree_cache.clear()
    parsing._doc_cache.clear()

    feat: dict[str, list[int]] = defaultdict(list)
    cls: dict[str, list[int]] = defaultdict(list)
    total: dict[str, list[int]] = defaultdict(list)
    cold: dict[str, list[int]] = defaultdict(list)
    cpu: dict[str, list[int]] = defaultdict(list)
    tiers: dict[str, Counter] = defaultdict(Counter)
    lines_of = {}
    gc.collect()
    for task, name, lang, text, start, end, instr in requests:
        if task == "autocomplete":
            # a new document version: one character typed just before the cursor
            line, col = start
            ls = lines_of.get(name)
            if ls is None:
                ls = lines_of[name] = [0]
                for ln in text.split("\n"):
                    ls.append(ls[-1] + len(ln) + 1)
            off = ls[line] + col
            text = text[:off] + "x" + text[off:]
            start = (line, col + 1)
        is_cold = task != "autocomplete" and (lang, text) not in parsing._tree_cache
        c0 = time.thread_time_ns()
        t0 = time.perf_counter_ns()
        f = extract_features(task, text, language=lang, start=start, end=end, instruction=instr)
        t1 = time.perf_counter_ns()
        d = classify(task, f)
        t2 = time.perf_counter_ns()
        c2 = time.thread_time_ns()
        if is_cold:
            cold[task].append(t1 - t0)
        else:
            feat[task].append(t1 - t0)
            cls[task].append(t2 - t1)
            total[task].append(t2 - t0)
            cpu[task].append(c2 - c0)
        tiers[task][d.tier] += 1

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"routing benchmark: {len(requests)} requests on {len({r[1] for r in requests})} real files "
          f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.2f})")
    print()
    header = (f"{'task':<13}{'n':>6}   {'features p50/p99/max':>24}   {'classify p50/p99/max':>22}   "
              f"{'total p50/p99/max':>24}   {'total CPU p50/p99':>17}   mini%")
    print(header)
    print("-" * len(header))
    for task in ("autocomplete", "rename", "explain", "refactor"):
        fx, cx, tx = feat[task], cls[task], total[task]
        n = sum(tiers[task].values())
        mini = 100.0 * tiers[task]["mini"] / n if n else 0.0
        print(f"{task:<13}{len(tx):>6}   "
              f"{pct(fx, .5):>7.0f} {pct(fx, .99):>7.0f} {pct(fx, 1):>8.0f}   "
              f"{pct(cx, .5):>6.1f} {pct(cx, .99):>6.1f} {pct(cx, 1):>7.1f}   "
              f"{pct(tx, .5):>7.0f} {pct(tx, .99):>7.0f} {pct(tx, 1):>8.0f}   "
              f"{pct(cpu[task], .5):>8.0f} {pct(cpu[task], .99):>8.0f}   {mini:5.1f}")
    print("(microseconds of wall-clock time, time.perf_counter_ns; 'total CPU' is this thread's CPU time for the")
    print(" same work, time.thread_time_ns, which leaves out time the OS gave to other processes.")
    print(" rename/explain/refactor exclude requests that had to parse the whole file first:)")
    for task in ("rename", "explain", "refactor"):
        if cold[task]:
            print(f"  cold {task:<10} n={len(cold[task]):<3} p50 {pct(cold[task], .5):8.0f}  max {pct(cold[task], 1):8.0f}")
    allt = sum(sum(c.values()) for c in tiers.values())
    allmini = sum(c["mini"] for c in tiers.values())
    print(f"tier split over all requests: {100.0 * allmini / allt:.1f}% mini, {100.0 * (allt - allmini) / allt:.1f}% frontier")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
