"""scripts/bench_checks.py on a small real history (textwrap.py and its edits, tests.test_replay)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.test_replay import history  # noqa: F401 - the fixture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import bench_checks  # noqa: E402


def test_correct_completions_pass_and_broken_ones_are_caught(history, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "checks.json"
    assert bench_checks.main([str(history), "--commits", "10", "--json", str(out), "--no-long"]) == 0
    figures = json.loads(out.read_text())["overall"]
    assert figures["correct"] >= 10 and figures["accepted"] == figures["correct"]
    # read the whole way the server reads an answer, each is shown exactly as the commit wrote it
    assert figures["as_written"] == figures["correct"]
    for kind in ("extra-paren", "unclosed-call"):
        assert figures["detectable"][kind] > 0
        # every one that breaks the file's parse is caught here (and some more: the window's)
        assert figures["missed"].get(kind, 0) == 0
        assert figures["caught"][kind] >= figures["detectable"][kind]
    printed = capsys.readouterr().out
    assert "ghost-text check: accepts" in printed and "needless escalations" in printed


def test_the_ways_a_completion_is_broken():
    kinds = dict(bench_checks.broken('    width = max(len(x), "a")'))
    assert kinds == {
        "extra-paren": '    width = max(len(x), "a"))',
        "drop-closer": '    width = max(len(x), "a"',
        "cut-in-string": '    width = max(len(x), "a',
        "unclosed-call": "    width = max(a, b",
    }
    assert dict(bench_checks.broken("pass")) == {"extra-paren": "pass)"}


def test_long_answers_are_shown_whole_or_trimmed_to_whole_statements():
    """Function bodies answered whole, over 12 lines, or cut by the output limit (difflib's
    docstrings run past both): every one is shown, none escalated."""
    counts = bench_checks.long_answers(("difflib.py", "json/decoder.py"))
    for kind in ("cut", "over-12-lines", "whole"):
        answers, shown = counts[kind]
        assert answers >= 5 and shown == answers, (kind, counts)
    lines = []
    summary = bench_checks.report_long(counts, lines.append)
    assert summary.startswith("long ghost text shown without escalating:") and any("cut" in l for l in lines)


def test_answers_that_run_into_the_lines_below_are_shown_as_the_line_alone():
    counts = bench_checks.answers_past_the_line(("textwrap.py", "shlex.py"), per_module=20)
    assert counts["answers"] == 40
    assert counts["alone"] >= 38 and counts["twice"] == 0, counts


def test_answers_that_first_write_the_lines_above_again_are_shown_as_the_line_alone():
    counts = bench_checks.answers_past_the_line(("textwrap.py", "shlex.py"), extra=2, per_module=20, above=True)
    assert counts["answers"] == 40
    assert counts["alone"] >= 38 and counts["twice"] == 0, counts


def test_refactors_answered_with_the_lines_around_the_selection_are_applied_without_them():
    counts = bench_checks.refactors_with_context(("textwrap.py", "shlex.py"), per_module=10)
    assert counts["answers"] == 20 and counts["applied"] >= 19 and counts["escalated"] == 0, counts


def test_lines_written_twice_are_accepted_and_echoes_of_lines_nobody_writes_twice_rejected(history):  # noqa: F811
    counts = bench_checks.lines_twice([history], echoes_per_repo=60)
    assert counts["echoes"][0] == 60 and counts["never-twice echoes"][0] >= 10
    assert counts["never-twice echoes"][1] == counts["never-twice echoes"][0]
    assert counts["repeats"][1] == counts["repeats"][0]
    assert bench_checks.report_twice(counts, lambda line: None).startswith("lines written twice in a row:")


def test_long_javascript_answers_are_shown_whole_or_trimmed(tmp_path):
    """The functions and methods of commander's lib/command.js (vendored), answered whole."""
    import shutil
    import subprocess

    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "routing_src" / "commander_command.js", repo / "command.js")
    for args in (["init", "-q"], ["add", "command.js"],
                 ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "command.js"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    counts = bench_checks.long_answers_braced([repo])
    for kind in ("cut", "over-12-lines", "whole"):
        answers, shown = counts[kind]
        assert answers >= 5 and shown == answers, (kind, counts)
