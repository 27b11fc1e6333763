#!/usr/bin/env python3
"""The closing summary of scripts/test.sh: one line per suite, then `N passed, N failed`.

    test_summary.py --junit PYTEST_XML [--vscode-log LOG] [--vscode-status N | --vscode-skipped]

Suites: pytest (the Python suite), Neovim and Emacs (their tests run inside pytest:
tests/test_neovim.py, tests/test_emacs.py), VS Code unit (node --test's `ℹ pass N` / `ℹ fail N`)
and VS Code e2e (the scenario's closing `N passed, N failed`), both read from the log of
scripts/vscode_e2e.sh. A suite whose script failed before it counted anything is one failure.
Exit status: 1 when anything failed, else 0.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass

SUITE_OF_FILE = {"test_neovim": "Neovim", "test_emacs": "Emacs"}
ORDER = ("pytest", "Neovim", "Emacs", "VS Code unit", "VS Code e2e")


@dataclass
class Count:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    note: str = ""

    def line(self, name: str) -> str:
        if self.note:
            return f"{name:<13} {self.note}"
        text = f"{name:<13} {self.passed} passed, {self.failed} failed"
        return text + (f", {self.skipped} skipped" if self.skipped else "")


def from_junit(path: str, counts: dict[str, Count]) -> None:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        counts["pytest"] = Count(failed=1, note=f"no results ({exc}): 0 passed, 1 failed")
        return
    for case in root.iter("testcase"):
        module = (case.get("classname") or "").split(".")
        suite = next((SUITE_OF_FILE[m] for m in module if m in SUITE_OF_FILE), "pytest")
        count = counts.setdefault(suite, Count())
        if case.find("failure") is not None or case.find("error") is not None:
            count.failed += 1
        elif case.find("skipped") is not None:
            count.skipped += 1
        else:
            count.passed += 1
    # a collection error has no testcase of its own
    for suite_node in root.iter("testsuite"):
        errors = int(suite_node.get("errors") or 0)
        counted = sum(1 for case in suite_node.iter("testcase") if case.find("error") is not None)
        if errors > counted:
            counts.setdefault("pytest", Count()).failed += errors - counted


def from_vscode_log(path: str, status: int, counts: dict[str, Count]) -> None:
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        text = ""
    unit_pass = re.findall(r"^ℹ pass (\d+)$", text, re.M)
    unit_fail = re.findall(r"^ℹ fail (\d+)$", text, re.M)
    if unit_pass:
        counts["VS Code unit"] = Count(int(unit_pass[-1]), int(unit_fail[-1]) if unit_fail else 0)
    scenario = text.split("[vscode-e2e] running the scenario", 1)
    totals = re.findall(r"^(\d+) passed, (\d+) failed$", scenario[1], re.M) if len(scenario) == 2 else []
    if totals:
        counts["VS Code e2e"] = Count(int(totals[-1][0]), int(totals[-1][1]))
    if status and not unit_pass:
        counts["VS Code unit"] = Count(failed=1, note="did not run to the end: 0 passed, 1 failed")
    elif status and not totals:
        counts["VS Code e2e"] = Count(failed=1, note="did not run to the end: 0 passed, 1 failed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--junit", required=True)
    parser.add_argument("--vscode-log")
    parser.add_argument("--vscode-status", type=int, default=0)
    parser.add_argument("--vscode-skipped", action="store_true")
    args = parser.parse_args(argv)

    counts: dict[str, Count] = {}
    from_junit(args.junit, counts)
    if args.vscode_skipped:
        for suite in ("VS Code unit", "VS Code e2e"):
            counts[suite] = Count(note="skipped (LSP_ROUTER_SKIP_VSCODE)")
    elif args.vscode_log:
        from_vscode_log(args.vscode_log, args.vscode_status, counts)
    for suite in ORDER:
        count = counts.get(suite, Count(note="not run"))
        if not count.note and count.passed == count.failed == 0 and count.skipped:
            count.note = f"skipped ({count.skipped}: not installed)"
        print(count.line(suite))
    passed = sum(c.passed for c in counts.values())
    failed = sum(c.failed for c in counts.values())
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
