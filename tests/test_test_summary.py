"""scripts/test_summary.py: the closing lines of scripts/test.sh, from pytest's junit XML and the
VS Code run's log (issue 17: one line per suite, then `N passed, N failed`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "test_summary.py"

JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="6">
<testcase classname="tests.test_routing_policy" name="test_a"/>
<testcase classname="tests.test_routing_policy" name="test_b"><failure message="x"/></testcase>
<testcase classname="tests.test_cache_store" name="test_c"><skipped message="root"/></testcase>
<testcase classname="tests.test_neovim" name="test_n1"/>
<testcase classname="tests.test_neovim" name="test_n2"/>
<testcase classname="tests.test_emacs" name="test_e"><skipped message="no emacs"/></testcase>
</testsuite></testsuites>"""

VSCODE_LOG = """[vscode-e2e] unit tests
✔ formats money (1.2ms)
ℹ tests 41
ℹ pass 40
ℹ fail 1
[vscode-e2e] packaging the extension
[vscode-e2e] running the scenario (server: /x/lsp-router)
ok  - ghost text shown
36 passed, 2 failed
[vscode-e2e] took 140s
"""


def run(tmp_path, *args: str, log: str | None = VSCODE_LOG, junit: str = JUNIT):
    (tmp_path / "pytest.xml").write_text(junit, encoding="utf-8")
    extra = list(args)
    if log is not None:
        (tmp_path / "vscode.log").write_text(log, encoding="utf-8")
        extra += ["--vscode-log", str(tmp_path / "vscode.log")]
    return subprocess.run([sys.executable, str(SCRIPT), "--junit", str(tmp_path / "pytest.xml"), *extra],
                          capture_output=True, text=True)


def test_one_line_per_suite_then_the_total(tmp_path):
    done = run(tmp_path, "--vscode-status", "1")
    assert done.stdout.splitlines() == [
        "pytest        1 passed, 1 failed, 1 skipped",
        "Neovim        2 passed, 0 failed",
        "Emacs         skipped (1: not installed)",
        "VS Code unit  40 passed, 1 failed",
        "VS Code e2e   36 passed, 2 failed",
        "79 passed, 4 failed",
    ]
    assert done.returncode == 1


def test_all_green_exits_0_and_a_skipped_vscode_says_so(tmp_path):
    green = JUNIT.replace('<failure message="x"/>', "")
    done = run(tmp_path, "--vscode-skipped", log=None, junit=green)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[3] == "VS Code unit  skipped (LSP_ROUTER_SKIP_VSCODE)" and lines[-1] == "4 passed, 0 failed"


def test_a_suite_that_broke_before_counting_is_a_failure(tmp_path):
    done = run(tmp_path, "--vscode-status", "1", log="[vscode-e2e] unit tests\nnpm ERR! missing script\n",
               junit=JUNIT.replace('<failure message="x"/>', ""))
    assert "VS Code unit  did not run to the end: 0 passed, 1 failed" in done.stdout
    assert done.stdout.splitlines()[-1] == "4 passed, 1 failed" and done.returncode == 1
    broken = run(tmp_path, log=None, junit="<testsuites><oops")
    assert broken.stdout.startswith("pytest        no results") and broken.returncode == 1
