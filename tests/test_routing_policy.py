"""Routing policy: agreement with a hand-labelled data set of real requests, pins, budget, settings, CLI.

The data set (`tests/data/routing_cases.jsonl`) holds requests on real code:
Python standard-library files, read at test time from
`sysconfig.get_paths()["stdlib"]` and named by stdlib-relative path
(`"file": "stdlib:json/decoder.py"`), and vendored JavaScript files in
`tests/data/routing_src/` (`"file": "src:jsonparse.js"`, see the README there).
Each case has the tier a senior engineer expects and a short "why"; those
labels were written before the classifier's thresholds were chosen.

Case format (one JSON object per line):

* common: `id`, `task`, `file`, `expected` ("static" | "mini" | "frontier"), `why`.
* a *find spec* locates a position by text, so cases survive small changes in
  the files: `{"find": "<text>", "nth": 0, "at": <int> | "end"}` is the
  `nth` occurrence of `<text>`, plus `at` characters (or its end).
* autocomplete: `cursor` (find spec) and `edit`, which turns the real file into
  the document the user is typing in:
    - `cut_rest`: delete the rest of the cursor's line, then insert `keep`
      (e.g. the `)` an editor auto-closed) after the cursor;
    - `new_line_after`: open a new line after the cursor's line, indented like
      the code that follows; the cursor is at its end;
    - `blank_body`: the cursor spec finds a function/method header; its body
      is removed (a docstring is kept) and replaced by one empty, indented
      line where the cursor goes.
* rename: `symbol` (find spec) is a position on the symbol.
* explain / refactor: `select: {"node_at": <find spec>}` selects the whole
  definition or statement that starts on that line; refactor has `instruction`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from collections import Counter
from pathlib import Path

import pytest

from lsp_router.routing import parsing
from lsp_router.routing.features import RequestFeatures, extract_features
from lsp_router.routing.policy import Decision, RoutingThresholds, classify

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CASES_PATH = DATA / "routing_cases.jsonl"
SRC = DATA / "routing_src"
STDLIB = Path(sysconfig.get_paths()["stdlib"])
AGREEMENT_TARGET = 0.90


# --------------------------------------------------------------------------
# Data set loading
# --------------------------------------------------------------------------


def load_cases() -> list[dict]:
    with open(CASES_PATH, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def resolve_file(ref: str) -> Path:
    kind, _, rel = ref.partition(":")
    if kind == "stdlib":
        return STDLIB / rel
    if kind == "src":
        return SRC / rel
    raise ValueError(f"bad file reference {ref!r}")


def _find(text: str, spec: dict) -> int:
    """Character offset of a find spec."""
    needle = spec["find"]
    pos = -1
    for _ in range(spec.get("nth", 0) + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise LookupError(f"{needle!r} not found (nth={spec.get('nth', 0)})")
    at = spec.get("at", 0)
    return pos + (len(needle) if at == "end" else int(at))


def _pos(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _definition_at_line(tree, text: str, line: int):
    """The outermost named node that starts on `line` at its first non-blank character."""
    lines = text.split("\n")
    col = len(_indent(lines[line]))
    b = len("\n".join(lines[:line]).encode()) + (1 if line else 0) + len(lines[line][:col].encode())
    node = tree.root_node.descendant_for_byte_range(b, b)
    best = None
    while node is not None and node.parent is not None:
        if node.start_byte == b and node.is_named:
            best = node
        elif node.start_byte < b:
            break
        node = node.parent
    return best


def _body_of(node):
    """The body block of a function-like node (or of the function inside a statement)."""
    stack = [node]
    while stack:
        n = stack.pop(0)
        if n.type in ("function_definition", "function_declaration", "function_expression", "function",
                      "method_definition", "arrow_function"):
            return n.child_by_field_name("body")
        stack.extend(n.named_children)
    raise LookupError("no function body")


def build_request(case: dict) -> dict:
    """Turn a case into the arguments of extract_features (text, language, start, end, instruction)."""
    path = resolve_file(case["file"])
    text = path.read_text(encoding="utf-8")
    language = parsing.language_for(None, str(path))
    task = case["task"]
    req = {"task": task, "language": language, "end": None, "instruction": case.get("instruction")}
    if task == "autocomplete":
        off = _find(text, case["cursor"])
        edit = case.get("edit", "none")
        if edit == "cut_rest":
            eol = text.find("\n", off)
            eol = len(text) if eol < 0 else eol
            text = text[:off] + case.get("keep", "") + text[eol:]
        elif edit == "new_line_after":
            eol = text.find("\n", off)
            nxt = text[eol + 1:].split("\n")
            follow = next((ln for ln in nxt if ln.strip()), "")
            cur_line = text[text.rfind("\n", 0, off) + 1:eol]
            ind = _indent(follow) if len(_indent(follow)) >= len(_indent(cur_line)) else _indent(cur_line)
            text = text[:eol] + "\n" + ind + text[eol:]
            off = eol + 1 + len(ind)
        elif edit == "blank_body":
            tree = parsing.parse(text, language)
            line, _ = _pos(text, off)
            node = _definition_at_line(tree, text, line)
            body = _body_of(node)
            data = text.encode()
            header_line = text.split("\n")[line]
            if language == "python":
                keep_end = body.start_byte
                first = body.named_children[0] if body.named_child_count else None
                if first is not None and first.type == "expression_statement" and first.named_child_count \
                        and first.named_children[0].type == "string" and body.named_child_count > 1:
                    keep_end = first.end_byte
                    prefix = data[:keep_end].decode()
                    ind = _indent(prefix[prefix.rfind("\n") + 1:]) or _indent(header_line) + "    "
                    head = prefix + "\n" + ind
                else:
                    ind = _indent(header_line) + "    "
                    prefix = data[:body.start_byte].decode().rstrip(" \t")
                    head = prefix + ind if prefix.endswith("\n") else prefix + "\n" + ind
                rest = data[body.end_byte:].decode()
                text = head + "\n" + rest.lstrip(" \t") if not rest.startswith("\n") else head + rest
                off = len(head)
            else:
                ind = _indent(header_line) + "  "
                head = data[:body.start_byte + 1].decode() + "\n" + ind
                tail = "\n" + _indent(header_line) + data[body.end_byte - 1:].decode()
                text = head + tail
                off = len(head)
        elif edit != "none":
            raise ValueError(f"unknown edit {edit!r}")
        req["start"] = _pos(text, off)
    elif task == "rename":
        req["start"] = _pos(text, _find(text, case["symbol"]))
    else:
        spec = case["select"]["node_at"]
        line, _ = _pos(text, _find(text, spec))
        tree = parsing.parse(text, language)
        node = _definition_at_line(tree, text, line)
        doc = parsing.doc_for(text)
        req["start"] = (doc.pos_of_point(node.start_point)[0], 0)
        req["end"] = doc.pos_of_point(node.end_point)
    req["text"] = text
    return req


def case_features(case: dict) -> RequestFeatures:
    req = build_request(case)
    return extract_features(
        req["task"], req["text"], language=req["language"], start=req["start"], end=req["end"],
        instruction=req["instruction"], path=case["file"].partition(":")[2],
    )


def run_case(case: dict, *, nano: bool = False) -> Decision:
    return classify(case["task"], case_features(case), nano=nano)


def confusion_report(results: list[tuple[dict, Decision]]) -> str:
    tiers = ("static", "mini", "frontier")
    out = []
    total = Counter()
    per_task: dict[str, Counter] = {}
    for case, decision in results:
        key = (case["expected"], decision.tier)
        total[key] += 1
        per_task.setdefault(case["task"], Counter())[key] += 1

    def table(title: str, counts: Counter) -> None:
        n = sum(counts.values())
        agree = sum(counts[(t, t)] for t in tiers)
        out.append(f"{title}: {agree}/{n} agree ({100.0 * agree / n:.1f}%)")
        label = "expected \\ routed"
        out.append(f"  {label:<20}{'static':>8}{'mini':>8}{'frontier':>10}")
        for e in tiers:
            out.append(f"  {e:<20}{counts[(e, 'static')]:>8}{counts[(e, 'mini')]:>8}{counts[(e, 'frontier')]:>10}")

    table("all tasks", total)
    for task in ("autocomplete", "rename", "explain", "refactor"):
        if task in per_task:
            table(task, per_task[task])
    misses = [(c, d) for c, d in results if c["expected"] != d.tier]
    if misses:
        out.append("disagreements:")
        for c, d in misses:
            out.append(f"  {c['id']} {c['file']}: expected {c['expected']} ({c['why']}); routed {d.reason}")
    return "\n".join(out)


# --------------------------------------------------------------------------
# Data set agreement
# --------------------------------------------------------------------------


def test_data_set_shape():
    cases = load_cases()
    assert len(cases) >= 80
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    by_task = Counter(c["task"] for c in cases)
    assert set(by_task) == {"autocomplete", "rename", "explain", "refactor"}
    assert all(n >= 15 for n in by_task.values()), by_task
    assert {c["expected"] for c in cases} == {"static", "mini", "frontier"}
    assert {c["task"] for c in cases if c["expected"] == "static"} == {"rename"}
    assert all(c.get("why") for c in cases)
    langs = {parsing.language_for(None, c["file"].partition(":")[2]) for c in cases}
    assert {"python", "javascript"} <= langs
    for c in cases:
        assert resolve_file(c["file"]).is_file(), c["file"]


def test_data_set_agreement(request):
    cases = load_cases()
    results = [(case, run_case(case)) for case in cases]
    report = confusion_report(results)
    if request.config.getoption("capture") == "no":  # `pytest -s`: the whole report; a plain run stays quiet
        print("\n" + report)
    agree = sum(1 for c, d in results if c["expected"] == d.tier)
    assert agree / len(results) >= AGREEMENT_TARGET, report
    for _, d in results:
        assert d.reason.startswith(d.tier), d.reason
        assert len(d.reason) < 120, d.reason


def test_cases_build_the_intended_cursor_kinds():
    """The autocomplete edits really produce the cursor situations they describe."""
    expected = {"cut_rest": {"mid_line", "end_of_line"}, "new_line_after": {"empty_line"}, "blank_body": {"empty_body"}}
    for case in load_cases():
        if case["task"] != "autocomplete":
            continue
        req = build_request(case)
        f = extract_features("autocomplete", req["text"], language=req["language"], start=req["start"])
        want = expected[case["edit"]]
        if case["edit"] == "cut_rest":
            want = {"mid_line"} if case.get("keep") else {"end_of_line"}
        assert f.cursor in want, (case["id"], f.cursor)


# --------------------------------------------------------------------------
# Pins, budget, thresholds
# --------------------------------------------------------------------------

SMALL = RequestFeatures(task="explain", language="python", selected_lines=10, context_tokens=80,
                        nesting_depth=2, branches=1, functions=1)
BIG = RequestFeatures(task="refactor", language="python", selected_lines=240, context_tokens=2400,
                      nesting_depth=4, branches=30, functions=12, classes=3, instruction_chars=30,
                      instruction_kind="async")


def test_auto_decisions_have_short_reasons():
    d = classify("explain", SMALL)
    assert d.tier == "mini" and not d.pinned and d.reason.startswith("mini: ")
    d = classify("refactor", BIG)
    assert d.tier == "frontier" and d.reason.startswith("frontier: ")
    assert "240 lines" in d.reason and "3 classes" in d.reason


@pytest.mark.parametrize("task", ["autocomplete", "rename", "explain", "refactor"])
def test_pinning(task):
    f = RequestFeatures(task=task, language="python")
    d = classify(task, f, mode="frontier")
    assert (d.tier, d.pinned) == ("frontier", True)
    assert d.reason == f"frontier (pinned): routing.{task} = frontier"
    d = classify(task, BIG if task == "refactor" else f, mode="mini")
    assert (d.tier, d.pinned) == ("mini", True)
    assert d.reason == f"mini (pinned): routing.{task} = mini"


def test_budget_near_leans_to_mini_but_keeps_clearly_hard_work():
    medium = RequestFeatures(task="explain", language="python", selected_lines=120, context_tokens=1200,
                             nesting_depth=3, branches=14, functions=3, classes=0)
    assert classify("explain", medium).tier == "frontier"
    d = classify("explain", medium, budget="near")
    assert d.tier == "mini" and d.reason.startswith("mini (budget): ") and "near" in d.reason
    huge = RequestFeatures(task="explain", language="python", selected_lines=900, context_tokens=9000,
                           nesting_depth=9, branches=160, functions=1)
    d = classify("explain", huge, budget="near")
    assert d.tier == "frontier" and d.reason.startswith("frontier: ")
    assert classify("explain", SMALL, budget="near").tier == "mini"
    # a pin wins over "near"
    d = classify("explain", SMALL, mode="frontier", budget="near")
    assert (d.tier, d.pinned) == ("frontier", True)


def test_budget_over_sends_everything_to_mini():
    d = classify("refactor", BIG, budget="over")
    assert d.tier == "mini" and d.reason.startswith("mini (budget): ") and not d.pinned
    d = classify("refactor", BIG, mode="frontier", budget="over")
    assert d.tier == "mini" and d.reason.startswith("mini (budget): ") and not d.pinned
    assert classify("explain", SMALL, budget="over").tier == "mini"


def test_bad_mode_and_budget_are_errors():
    with pytest.raises(ValueError, match="routing.explain"):
        classify("explain", SMALL, mode="cheap")
    with pytest.raises(ValueError, match="budget"):
        classify("explain", SMALL, budget="low")
    with pytest.raises(ValueError, match="unknown task"):
        classify("summarize", SMALL)


def test_thresholds_change_decisions():
    t = RoutingThresholds.from_dict({"explainMaxLines": 5})
    assert classify("explain", SMALL, thresholds=t).tier == "frontier"


def test_thresholds_from_dict():
    t = RoutingThresholds.from_dict({"explainMaxLines": 120, "budgetNearFactor": 3})
    assert t.explain_max_lines == 120 and t.budget_near_factor == 3.0
    assert RoutingThresholds.from_dict({}) == RoutingThresholds()
    assert RoutingThresholds.from_dict(RoutingThresholds().to_dict()) == RoutingThresholds()
    # every field is documented and has a camelCase key
    docs = RoutingThresholds.describe()
    assert len(docs) == len(RoutingThresholds.keys())
    for key, doc in docs.items():
        assert doc.startswith(key + ": ") and len(doc) > len(key) + 20, key


@pytest.mark.parametrize(
    "bad, key",
    [
        ({"explainMaxLinez": 3}, "explainMaxLinez"),
        ({"explainMaxLines": -1}, "explainMaxLines"),
        ({"renameMaxOccurrences": "ten"}, "renameMaxOccurrences"),
        ({"refactorMaxLines": None}, "refactorMaxLines"),
        ({"refactorMaxLines": True}, "refactorMaxLines"),
        ({"refactorMaxLines": 2.5}, "refactorMaxLines"),
        ({"budgetNearFactor": 0.5}, "budgetNearFactor"),
        ({"budgetNearFactor": float("nan")}, "budgetNearFactor"),
    ],
)
def test_thresholds_from_dict_errors(bad, key):
    with pytest.raises(ValueError, match=key):
        RoutingThresholds.from_dict(bad)


def test_features_as_dict_is_plain():
    d = BIG.as_dict()
    assert d["selected_lines"] == 240 and d["instruction_kind"] == "async"
    assert json.loads(json.dumps(d)) == d


def test_unsupported_language_features_degrade():
    text = "fn main() {\n    let x = 1;\n    println!(\"{}\", x);\n}\n"
    for task, start, end in (("autocomplete", (1, 8), None), ("rename", (1, 8), None),
                             ("explain", (0, 0), (3, 1)), ("refactor", (0, 0), (3, 1))):
        f = extract_features(task, text, language="rust", start=start, end=end, instruction="Simplify.")
        assert f.language is None and f.nesting_depth >= 0 and f.parse_errors == 0
        assert classify(task, f).tier in ("mini", "frontier")
    f = extract_features("rename", text, language=None, start=(1, 8))
    assert f.occurrences == 2
    f = extract_features("autocomplete", text, language=None, start=(1, 10))
    assert f.cursor == "mid_line"


# --------------------------------------------------------------------------
# `route` CLI
# --------------------------------------------------------------------------


def _route(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-c", "from lsp_router.routing.cli import main; raise SystemExit(main())", "route", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )


def test_route_cli_json_on_a_stdlib_file():
    path = STDLIB / "json" / "decoder.py"
    text = path.read_text()
    line = text[: text.index("def raw_decode")].count("\n") + 1
    proc = _route(f"{path}:{line}:9", "--task", "explain", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["task"] == "explain" and out["tier"] in ("mini", "frontier")
    assert out["reason"].startswith(out["tier"])
    assert out["features"]["selected_lines"] == 14 and out["features"]["language"] == "python"
    assert out["features"]["functions"] == 1


def test_route_cli_human_output_and_options():
    path = STDLIB / "argparse.py"
    text = path.read_text()
    line = text[: text.index("    def _parse_known_args")].count("\n") + 1
    proc = _route(f"{path}:{line}:5", "--task", "refactor", "--instruction", "Simplify.", "--end", f"{line + 249}:1")
    assert proc.returncode == 0, proc.stderr
    assert "frontier" in proc.stdout and "reason:" in proc.stdout and "selected_lines" in proc.stdout
    proc = _route(f"{path}:{line}:5", "--task", "refactor", "--instruction", "Simplify.", "--end",
                  f"{line + 249}:1", "--budget", "over", "--json")
    assert json.loads(proc.stdout)["tier"] == "mini"
    proc = _route(f"{path}:{line}:5", "--task", "explain", "--mode", "frontier", "--json")
    out = json.loads(proc.stdout)
    assert out["tier"] == "frontier" and out["pinned"] is True


@pytest.mark.parametrize(
    "args, message",
    [
        (["/nonexistent/file.py:1:1", "--task", "explain"], "no such file"),
        (["{decoder}", "--task", "explain"], "FILE:LINE:COL"),
        (["{decoder}:x:1", "--task", "explain"], "FILE:LINE:COL"),
        (["{decoder}:0:1", "--task", "explain"], "FILE:LINE:COL"),
        (["{decoder}:99999:1", "--task", "explain"], "past the end"),
        (["{decoder}:1:999", "--task", "explain"], "past the end"),
        (["{decoder}:1:1", "--task", "explain", "--end", "99999:1"], "past the end"),
        (["{decoder}:1:1", "--task", "explain", "--end", "nope"], "LINE:COL"),
    ],
)
def test_route_cli_errors(args, message):
    decoder = str(STDLIB / "json" / "decoder.py")
    proc = _route(*[a.replace("{decoder}", decoder) for a in args])
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert proc.stdout == ""


def test_route_cli_rename_needs_a_symbol_and_reports_only_its_features():
    decoder = STDLIB / "json" / "decoder.py"
    blank = decoder.read_text().split("\n").index("") + 1
    proc = _route(f"{decoder}:{blank}:1", "--task", "rename")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        f"lsp-router route: error: no symbol at {blank}:1 of {decoder}: put the position on the name to rename"]
    text = decoder.read_text()
    line = text[: text.index("def raw_decode")].count("\n") + 1
    rename = json.loads(_route(f"{decoder}:{line}:9", "--task", "rename", "--json").stdout)["features"]
    assert rename["occurrences"] >= 1 and "cursor" not in rename and "instruction_kind" not in rename
    ghost = json.loads(_route(f"{decoder}:{line + 1}:9", "--task", "autocomplete", "--json").stdout)["features"]
    assert ghost["cursor"] and "selected_lines" not in ghost and "occurrences" not in ghost


# --------------------------------------------------------------------------
# Features on small, exact inputs
# --------------------------------------------------------------------------

PY = '''import os


class Store:
    """Keeps things."""

    def __init__(self, root):
        self.root = root

    def load(self, name):
        """Load one thing."""

    def save(self, name, data):
        path = os.path.join(self.root, name)
        with open(path, "w") as fh:
            fh.write(data)
        
'''


@pytest.mark.parametrize(
    "line, col, cursor",
    [
        (13, 34, "mid_line"),      # inside os.path.join(...)
        (15, 26, "end_of_line"),   # after fh.write(data)
        (16, 8, "empty_line"),     # a new statement after the with block
        (11, 8, "empty_body"),     # load() has only its docstring
    ],
)
def test_cursor_kinds(line, col, cursor):
    text = PY if (line, col) != (11, 8) else PY.replace('        """Load one thing."""\n', '        """Load one thing."""\n        \n')
    f = extract_features("autocomplete", text, language="python", start=(line, col))
    assert f.cursor == cursor
    assert f.classes == 1 and f.functions == 3
    assert f.nesting_depth == (3 if (line, col) == (15, 26) else 2)


def test_cursor_kinds_javascript():
    js = "class A {\n  m () {\n    \n  }\n  n () { return 1 }\n}\n"
    f = extract_features("autocomplete", js, language="javascript", start=(2, 4))
    assert (f.cursor, f.classes, f.functions, f.nesting_depth) == ("empty_body", 1, 2, 2)
    f = extract_features("autocomplete", js, language="javascript", start=(4, 16))
    assert f.cursor == "mid_line"


def test_explain_without_selection_uses_the_enclosing_definition():
    f = extract_features("explain", PY, language="python", start=(14, 10))
    assert f.selected_lines == 4 and f.functions == 1 and f.nesting_depth == 2  # save(): def + with
    f = extract_features("explain", PY, language="python", start=(3, 0), end=(16, 0))
    assert f.classes == 1 and f.functions == 3 and f.selected_lines == 13


@pytest.mark.parametrize(
    "instruction, kind",
    [
        ("Add a docstring.", "docstring"),
        ("add JSDoc comments", "docstring"),
        ("Add type hints to the signature", "type_hints"),
        ("Rename x to count", "rename"),
        ("Convert this class to async", "async"),
        ("Make it use asyncio", "async"),
        ("Extract the loop into a helper", "extract"),
        ("Split this into smaller functions", "extract"),
        ("Rewrite the if/else chain as a switch statement", "restructure"),
        ("Convert this class to a dataclass", "restructure"),
        ("Simplify.", "simplify"),
        ("Use f-strings", "simplify"),
        ("Support a strict flag that raises on short rows", "other"),
        ("", "other"),
    ],
)
def test_instruction_kinds(instruction, kind):
    f = extract_features("refactor", PY, language="python", start=(12, 4), end=(16, 0), instruction=instruction)
    assert f.instruction_kind == kind and f.instruction_chars == len(instruction.strip())


def test_rename_features():
    f = extract_features("rename", PY, language="python", start=(13, 8))  # local `path`
    assert (f.symbol_scope, f.occurrences, f.functions, f.classes) == ("local", 2, 1, 1)
    f = extract_features("rename", PY, language="python", start=(7, 13))  # self.root attribute
    assert (f.symbol_scope, f.occurrences) == ("attribute", 2)
    f = extract_features("rename", PY, language="python", start=(3, 7))  # exported class
    assert (f.symbol_scope, f.occurrences) == ("exported", 1)
    f = extract_features("rename", PY, language="python", start=(0, 8))  # import
    assert (f.symbol_scope, f.occurrences) == ("module", 2)


def test_agreement_report_prints_only_under_s():
    # the report is for `pytest -s`; a plain run keeps pytest's progress clean
    def run(*flags: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *flags,
             f"{Path(__file__)}::test_data_set_agreement"],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
        ).stdout
    assert "disagreements:" not in run()
    assert "disagreements:" in run("-s")


def test_a_demanding_ask_goes_frontier_whatever_the_size():
    """Issue 15 §3: concurrency, a port, a proof, security, speed on huge inputs, on short code."""
    demanding = [c for c in load_cases() if c["id"] in ("rf40", "rf41", "rf42", "rf43", "rf44")]
    assert len(demanding) == 5
    for case in demanding:
        decision = run_case(case)
        assert decision.features.instruction_kind == "demanding", case["instruction"]
        assert decision.tier == "frontier" and "hard whatever its size" in decision.reason, decision.reason
        assert decision.features.selected_lines < 40
    easy = dict(demanding[0], instruction="Add a docstring.")
    assert run_case(easy).tier == "mini"


def test_long_flat_code_explained_is_mini_work():
    """Issue 15 §3: tables, constant dicts, linear setup code: long but shallow."""
    flat = [c for c in load_cases() if c["id"] in ("ex40", "ex41", "ex42", "ex43")]
    assert len(flat) == 4
    for case in flat:
        decision = run_case(case)
        assert decision.features.selected_lines > RoutingThresholds().explain_max_lines
        assert decision.tier == "mini" and "flat code" in decision.reason, (case["id"], decision.reason)


def test_a_module_nothing_imports_is_not_an_api():
    """Issue 15 §3: a public name of a test, a script or a config file is renamed as a module
    name, not as an export (the same file elsewhere is an API)."""
    from lsp_router.routing.features import not_an_api

    for case in (c for c in load_cases() if c["id"] in ("rn40", "rn41")):
        decision = run_case(case)
        assert decision.tier == "mini" and decision.features.symbol_scope == "module", decision.reason
        req = build_request(case)
        as_library = extract_features("rename", req["text"], language="python", start=req["start"], path="pkg/lib.py")
        assert as_library.symbol_scope == "exported"
    assert not_an_api("docs/conf.py", "") and not_an_api("webpack.config.js", "") and not_an_api("x.py", "#!/usr/bin/env python\n")
    assert not not_an_api("lsp_router/settings.py", "") and not not_an_api(None, "import os\n")


# --------------------------------------------------------------------------
# The nano tier (models.nano set)
# --------------------------------------------------------------------------


def test_with_nano_the_most_trivial_mini_work_goes_one_rung_lower():
    """On the hand-labelled cases: nothing labelled frontier goes nano; what goes nano is a completion
    that finishes the current line or an explanation of a few shallow lines; the rest is unchanged."""
    moved = Counter()
    for case in load_cases():
        f = case_features(case)
        without, with_nano = classify(case["task"], f), classify(case["task"], f, nano=True)
        if with_nano.tier == without.tier:
            assert with_nano.reason == without.reason
            continue
        assert (without.tier, with_nano.tier) == ("mini", "nano"), (case["id"], with_nano.reason)
        assert case["expected"] == "mini", case["id"]
        assert with_nano.reason == "nano" + without.reason[len("mini"):]
        if case["task"] == "autocomplete":
            assert f.cursor in ("mid_line", "end_of_line"), case["id"]
        else:
            assert case["task"] == "explain" and f.selected_lines <= 12 and f.nesting_depth <= 2, case["id"]
        moved[case["task"]] += 1
    assert moved["autocomplete"] >= 5 and moved["explain"] >= 1, moved
    assert set(moved) <= {"autocomplete", "explain"}


def test_nano_pins_budget_and_learning():
    mid_line = RequestFeatures(task="autocomplete", language="python", cursor="mid_line", nesting_depth=2)
    block = RequestFeatures(task="autocomplete", language="python", cursor="empty_body", functions=2)
    assert classify("autocomplete", mid_line).tier == "mini"  # unset: nothing changes
    assert classify("autocomplete", mid_line, nano=True).tier == "nano"
    assert classify("autocomplete", block, nano=True).tier == "mini"
    d = classify("autocomplete", block, mode="nano", nano=True)
    assert (d.tier, d.pinned, d.reason) == ("nano", True, "nano (pinned): routing.autocomplete = nano")
    d = classify("autocomplete", mid_line, mode="mini", nano=True)
    assert (d.tier, d.pinned) == ("mini", True)  # a mini pin is not moved lower
    # past a cap: trivial work on nano, the rest on mini; a nano pin holds
    d = classify("refactor", BIG, budget="over", nano=True)
    assert d.tier == "mini" and d.reason.startswith("mini (budget): ")
    d = classify("autocomplete", mid_line, mode="frontier", budget="over", nano=True)
    assert d.tier == "nano" and d.reason.startswith("nano (budget): ")
    assert classify("autocomplete", block, mode="nano", budget="over", nano=True).tier == "nano"
    # a bucket where learning found mini clearly worse goes frontier, not nano
    from lsp_router.routing.learn import TierCounts, features_bucket

    table = {features_bucket(mid_line): {"mini": TierCounts(60, 6), "frontier": TierCounts(60, 30)}}
    d = classify("autocomplete", mid_line, learned=table, nano=True)
    assert d.tier == "frontier" and d.learned
    with pytest.raises(ValueError, match="nano needs models.nano"):
        classify("autocomplete", mid_line, mode="nano")
