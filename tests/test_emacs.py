"""End to end with a real editor: Emacs (Debian's `emacs-nox` 28.2) and eglot (`elpa-eglot` 1.9).

It tests the README's "### Emacs (eglot)" configuration itself: the test takes the ```elisp
block of that section from README.md and Emacs loads it as a user's init file would. Then, in
`emacs -Q --batch` (tests/emacs/e2e.el), eglot starts the server the README names on a copy of
textwrap.py, lists code actions on a selection, renames a local variable with `eglot-rename`,
explains a function with the README's `lsp-router-explain` and records the
`lspRouter/spendChanged` notifications. The providers are the in-process loopback.
`scripts/install_emacs.sh` installs Emacs and eglot.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ANTHROPIC_TEST_KEY, OPENAI_TEST_KEY, stdlib_file
from tests.test_neovim import EXPLANATION, NEW_NAME, OLD_NAME, _scenario

EMACS = shutil.which("emacs")
SCRIPT = Path(__file__).parent / "emacs" / "e2e.el"
ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ELPA = "/usr/share/emacs/site-lisp/elpa"  # where Debian's elpa-eglot puts eglot

pytestmark = pytest.mark.skipif(EMACS is None, reason="emacs is not on PATH (install it with scripts/install_emacs.sh)")


def readme_eglot_config() -> str:
    """The ```elisp block of README.md's "### Emacs (eglot)" section."""
    text = README.read_text(encoding="utf-8")
    section = re.search(r"^### Emacs \(eglot\)\n(.*?)(?=^#{1,3} )", text, re.MULTILINE | re.DOTALL)
    assert section, 'README.md has no "### Emacs (eglot)" section'
    block = re.search(r"^```elisp\n(.*?)^```", section.group(1), re.MULTILINE | re.DOTALL)
    assert block, 'README.md\'s "### Emacs (eglot)" section has no ```elisp block'
    return block.group(1)


@pytest.fixture(scope="module")
def eglot_loads():
    """Skip when this Emacs cannot load eglot the way the scenario does."""
    probe = (
        "(progn (setq backtrace-on-error-noninteractive nil) (require 'package) "
        f'(add-to-list \'package-directory-list "{ELPA}") (package-initialize) (require \'eglot))'
    )
    try:
        done = subprocess.run(
            [EMACS, "-Q", "--batch", "--eval", probe],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("emacs took over 30 s to load eglot")
    if done.returncode != 0:
        pytest.skip(f"eglot cannot be loaded (install it with scripts/install_emacs.sh): {done.stderr.strip()[-300:]}")


def test_emacs_eglot_readme_config(tmp_path, loopback, eglot_loads):
    work = tmp_path / "work"
    work.mkdir()
    # A project root: eglot asks project.el for one, and that finds the git repository.
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(work)], check=True, capture_output=True)
    else:
        (work / ".git").mkdir()
    source = stdlib_file("textwrap.py").read_text(encoding="utf-8")
    file = work / "textwrap.py"
    file.write_text(source, encoding="utf-8")
    scenario, chosen, listed = _scenario(source, loopback)

    readme_el = tmp_path / "readme-eglot.el"
    readme_el.write_text(readme_eglot_config(), encoding="utf-8")
    results_path = tmp_path / "results.json"
    events_path = tmp_path / "eglot-events.log"
    config = {
        "readme_el": str(readme_el),
        "file": str(file),
        "results": str(results_path),
        "events_log": str(events_path),
        "deadline_s": 45,
        **scenario,
    }
    config_path = tmp_path / "config.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")

    venv_bin = os.path.dirname(sys.executable)
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and not k.endswith("_BASE_URL")}
    env.update(
        LSP_ROUTER_EMACS_CONFIG=str(config_path),
        LSP_ROUTER_DATA_DIR=str(tmp_path / "data"),
        LSP_ROUTER_CACHE_DIR=str(tmp_path / "cache"),
        # The README's config sets only the models: the SDKs take the providers' addresses
        # and keys from the environment, as a user's would.
        OPENAI_BASE_URL=loopback.openai_base_url,
        ANTHROPIC_BASE_URL=loopback.anthropic_base_url,
        OPENAI_API_KEY=OPENAI_TEST_KEY,
        ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY,
        # The README runs `lsp-router serve` from PATH: the venv's entry point comes first, so
        # it is this checkout's server, and the README's server command is used unchanged.
        PATH=os.pathsep.join([venv_bin, os.environ.get("PATH", "")]),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        # Emacs's own files (package.el, eglot) stay in the test's directory.
        HOME=str(tmp_path / "home"),
    )
    (tmp_path / "home").mkdir()
    done = subprocess.run(
        [EMACS, "-Q", "--batch", "-l", str(SCRIPT)],
        # stdin closed: a prompt (y-or-n-p) fails at once instead of waiting
        cwd=work, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )
    events = events_path.read_text(errors="replace") if events_path.exists() else "(none)"
    diagnostics = (
        f"emacs exited {done.returncode}\n--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}\n"
        f"--- eglot events and server stderr (tail)\n{events[-4000:]}\n"
        f"--- loopback requests: {[(r.path, r.model, r.prompt_text[:80]) for r in loopback.requests]}"
    )
    assert results_path.exists(), f"the elisp scenario wrote no results\n{diagnostics}"
    results = json.loads(results_path.read_text(encoding="utf-8"))
    assert not results["failures"], f"{results['failures']}\n{diagnostics}"
    assert done.returncode == 0, diagnostics
    steps = results["steps"]

    # eglot ran the README's server command, resolved to this checkout's entry point, with
    # the README's initializationOptions
    assert steps["setup"]["lsp_router"] == os.path.join(venv_bin, "lsp-router"), steps["setup"]
    assert steps["connect"]["command"][:2] == ["lsp-router", "serve"], steps["connect"]
    assert steps["connect"]["initialization_options"] == {
        "models": {"mini": "openai:gpt-5.4-mini", "frontier": "anthropic:claude-opus-4-7"}
    }, steps["connect"]
    assert steps["connect"]["rename"] and steps["connect"]["code_action"], steps["connect"]
    assert "lspRouter.explain" in steps["connect"]["execute_command"]["commands"], steps["connect"]

    # code actions: tier and price in every title, and listing them called no model
    titles = steps["code_action"]["titles"]
    assert [t.split(" (")[0] for t in titles] == ["Simplify", "Add type hints", "Add docstring"], titles
    assert any(t.startswith("Simplify (mini, ") for t in titles), titles
    for title in titles:
        assert re.search(r"\((mini|frontier), ~\$(\d+\.\d\d|0\.00[1-9]\d?|0\.000\d+)\)$", title), title
    assert steps["code_action"]["kinds"] == ["refactor.rewrite"] * len(titles), steps["code_action"]
    # one model call in all, the explanation: the rename of a local is static (no model)
    assert len(loopback.requests) == 1, diagnostics
    (explain_call,) = loopback.requests
    assert {r.model for r in loopback.requests} <= {"gpt-5.4-mini", "claude-opus-4-7"}, diagnostics

    # rename: exactly dedent's occurrences of the name (not the function of that name), and
    # eglot applied the edit to the buffer
    assert listed > 0
    assert steps["rename"]["symbol"] == OLD_NAME
    after = steps["rename"]["buffer"]
    assert after == scenario["expected_text"]
    assert NEW_NAME in after and f"def {OLD_NAME}(text, prefix" in after  # the function kept its name

    # explain: the README's command showed the loopback's answer, for the renamed code (the
    # server followed eglot's incremental edits)
    assert steps["explain"]["buffer"].rstrip("\n") == EXPLANATION  # the help window adds a newline
    assert "Explain lines" in explain_call.prompt_text
    assert "def dedent(text):" in explain_call.prompt_text
    assert NEW_NAME in explain_call.prompt_text, explain_call.prompt_text[-2000:]

    # spend: a notification at the start, then one after each request, with what it cost
    spend = results["spend"]
    seen = [(step, (s.get("last") or {}).get("task"), s["session"]["costUsd"]) for s, step in zip(spend, results["spend_steps"])]
    assert spend and spend[0]["last"] is None and spend[0]["session"]["costUsd"] == 0, seen
    after_rename = [s for s in spend if (s.get("last") or {}).get("task") == "rename"]
    assert after_rename, seen
    renamed, last = after_rename[-1], spend[-1]
    assert renamed["session"]["costUsd"] == 0 and renamed["session"]["requests"] == 1
    assert renamed["last"]["tier"] == "static" and renamed["last"]["savedUsd"] > 0
    assert last["last"]["task"] == "explain"
    assert last["last"]["tier"] in ("mini", "frontier") and last["last"]["cached"] is False
    assert last["last"]["costUsd"] > 0
    assert last["session"]["requests"] == 2
    assert last["session"]["costUsd"] == pytest.approx(renamed["session"]["costUsd"] + last["last"]["costUsd"])
    assert {"explain", "rename"} <= set(last["session"]["byTask"])
    # and `lspRouter/spend` answers the same session totals
    snapshot = steps["spend"]["snapshot"]
    assert snapshot["session"]["id"] == last["session"]["id"], snapshot
    assert snapshot["session"]["requests"] == 2 and snapshot["session"]["costUsd"] == last["session"]["costUsd"], snapshot

    # the ledger holds the session's two requests (eglot kills the server right after `exit`)
    ledger = subprocess.run(
        [sys.executable, "-m", "lsp_router", "spend", "--session", last["session"]["id"], "--by", "task", "--json"],
        env=env, capture_output=True, text=True, timeout=30,
    )
    assert ledger.returncode == 0, ledger.stderr
    ledger = json.loads(ledger.stdout)
    assert ledger["requests"] == 2 and {row["task"] for row in ledger["rows"]} == {"explain", "rename"}, ledger
    assert ledger["costUsd"] == pytest.approx(last["session"]["costUsd"], rel=1e-3), (ledger, last["session"])
