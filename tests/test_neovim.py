"""End to end with a real editor: headless Neovim (Debian's `neovim`, 0.7+) as the LSP client.

Neovim starts `python -m lsp_router serve` itself, opens a copy of textwrap.py and, through
its own LSP client (tests/nvim/e2e.lua): lists code actions on a selection, explains a
function with `workspace/executeCommand`, renames a local variable with prepareRename +
rename and applies the edit to the buffer, and records the `lspRouter/spendChanged`
notifications. The providers are the in-process loopback. `scripts/install_neovim.sh`
installs Neovim.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from tests.conftest import ANTHROPIC_TEST_KEY, OPENAI_TEST_KEY, settings_for, stdlib_file

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).parent / "nvim" / "e2e.lua"
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not on PATH (install it with scripts/install_neovim.sh)")

EXPLANATION = (
    "`dedent` removes the whitespace that every non-blank line starts with.\n\n"
    "- It finds the longest common `margin` by comparing each line's indent.\n"
    "- Lines made only of whitespace are normalised to a bare newline."
)
OLD_NAME = "indent"  # a local of `dedent`; the same name is also a function and another local
NEW_NAME = "line_indent"


def _function_lines(lines: list[str], header: str) -> tuple[int, int]:
    """0-based first and last line of a top-level function."""
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "\t"))):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return start, end - 1


def _rename_plan(text: str) -> tuple[dict, list[int], str, int]:
    """Where to rename, the occurrence numbers the model must answer, and the expected text."""
    lines = text.split("\n")
    first, last = _function_lines(lines, "def dedent(text):")
    # Every identifier token with the name, in file order: the server lists them the same way.
    tokens = [
        t for t in tokenize.generate_tokens(io.StringIO(text).readline)
        if t.type == tokenize.NAME and t.string == OLD_NAME
    ]
    chosen = [i for i, t in enumerate(tokens) if first <= t.start[0] - 1 <= last]
    outside = len(tokens) - len(chosen)
    assert chosen and outside > 0, "the test wants a name that also means something else in the file"
    row, column = tokens[chosen[0]].start
    position = {"line": row - 1, "character": column}
    edited = [list(line) for line in lines]
    for i in reversed(chosen):  # right to left keeps the columns valid
        row, column = tokens[i].start
        edited[row - 1][column : column + len(OLD_NAME)] = list(NEW_NAME)
    expected = "\n".join("".join(chars) for chars in edited)
    return position, chosen, expected, len(tokens)


def _scenario(source: str, loopback) -> tuple[dict, list[int], int]:
    """What both editor tests ask of textwrap.py, and the loopback's answers to it: (the
    config fields the editor script reads, the rename's chosen places, how many the server lists)."""
    lines = source.split("\n")
    position, chosen, expected_text, listed = _rename_plan(source)
    indent_first, indent_last = _function_lines(lines, "def indent(text, prefix, predicate=None):")
    dedent_first, dedent_last = _function_lines(lines, "def dedent(text):")
    loopback.reply(EXPLANATION, match="Explain lines")
    # no reply for the rename: a local of dedent, the scope analysis renames it with no model (static)
    fields = {
        "action_range": {
            "start": {"line": indent_first, "character": 0},
            "end": {"line": indent_last, "character": len(lines[indent_last])},
        },
        "explain_range": {
            "start": {"line": dedent_first, "character": 0},
            "end": {"line": dedent_last, "character": len(lines[dedent_last])},
        },
        "expected_markdown": EXPLANATION,
        "rename_position": position,
        "new_name": NEW_NAME,
        "expected_text": expected_text,
    }
    return fields, chosen, listed


def test_neovim_rename_code_actions_explain_and_spend(tmp_path, loopback):
    work = tmp_path / "work"
    work.mkdir()
    (work / ".git").mkdir()  # a project root, as editors look for one
    source = stdlib_file("textwrap.py").read_text(encoding="utf-8")
    file = work / "textwrap.py"
    file.write_text(source, encoding="utf-8")
    scenario, chosen, listed = _scenario(source, loopback)
    results_path = tmp_path / "results.json"
    config = {
        "cmd": [sys.executable, "-m", "lsp_router", "serve"],
        "root": str(work),
        "file": str(file),
        "results": str(results_path),
        "init_options": settings_for(loopback),
        "expected_placeholder": OLD_NAME,
        **scenario,
    }
    config_path = tmp_path / "config.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and not k.endswith("_BASE_URL")}
    env.update(
        LSP_ROUTER_NVIM_CONFIG=str(config_path),
        LSP_ROUTER_DATA_DIR=str(tmp_path / "data"),
        LSP_ROUTER_CACHE_DIR=str(tmp_path / "cache"),
        OPENAI_API_KEY=OPENAI_TEST_KEY,
        ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY,
        # Neovim's own files (lsp.log, shada, swap) stay in the test's directory.
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_STATE_HOME=str(tmp_path / "xdg-state"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    done = subprocess.run(
        # The script quits by itself; the second -c only runs when it could not be loaded.
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}", "-c", "cquit! 2"],
        cwd=work, env=env, capture_output=True, text=True, timeout=120,
    )
    lsp_log = tmp_path / "xdg-cache" / "nvim" / "lsp.log"
    diagnostics = (
        f"nvim exited {done.returncode}\n--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}\n"
        f"--- lsp.log (tail)\n{lsp_log.read_text(errors='replace')[-4000:] if lsp_log.exists() else '(none)'}\n"
        f"--- loopback requests: {[(r.path, r.prompt_text[:80]) for r in loopback.requests]}"
    )
    assert results_path.exists(), f"the Lua scenario wrote no results\n{diagnostics}"
    results = json.loads(results_path.read_text(encoding="utf-8"))
    assert not results["failures"], f"{results['failures']}\n{diagnostics}"
    assert done.returncode == 0, diagnostics

    # code actions: tier and price in every title, and listing them called no model
    titles = results["steps"]["code_action"]["titles"]
    assert [t.split(" (")[0] for t in titles] == ["Simplify", "Add type hints", "Add docstring"], titles
    assert any(t.startswith("Simplify (mini, ") for t in titles), titles
    for title in titles:
        assert re.search(r"\((mini|frontier), ~\$(\d+\.\d\d|0\.00[1-9]\d?|0\.000\d+)\)$", title), title
    # the explain call came first: nothing was called before it, and it is the only call (the
    # rename of a local is static: no model)
    assert len(loopback.requests) == 1, diagnostics
    (explain_call,) = loopback.requests
    assert "Explain lines" in explain_call.prompt_text
    assert "def dedent(text):" in explain_call.prompt_text

    # explain
    explained = results["steps"]["explain"]
    assert explained["markdown"] == EXPLANATION
    assert explained["tier"] in ("mini", "frontier") and explained["cached"] is False
    assert explained["costUsd"] > 0

    # rename: exactly dedent's occurrences of the name, none of the function of that name
    assert listed > len(chosen)
    assert results["steps"]["prepare_rename"]["placeholder"] == OLD_NAME
    edits = results["steps"]["rename"]["changes"][results["uri"]]
    assert len(edits) == len(chosen)
    assert all(e["newText"] == NEW_NAME for e in edits)
    assert results["steps"]["buffer_after_rename"] == scenario["expected_text"]
    assert NEW_NAME in results["steps"]["buffer_after_rename"]
    assert f"def {OLD_NAME}(text, prefix" in results["steps"]["buffer_after_rename"]  # the function kept its name

    # spend: the notification arrived with what the call cost, and the rename as tier static at $0
    last = results["spend"][-1]
    assert last["session"]["costUsd"] > 0
    assert last["session"]["requests"] >= 2
    assert {"explain", "rename"} <= set(last["session"]["byTask"])
    assert last["session"]["byTier"]["static"] == {"costUsd": 0.0, "requests": 1}
    assert last["session"]["byTask"]["rename"]["costUsd"] == 0 and last["session"]["byTask"]["rename"]["savedUsd"] > 0
