"""`lsp-router replay`: a real git history built from stdlib code, replayed dry and live."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from lsp_router.replay.cli import main
from lsp_router.replay.git import Git
from lsp_router.replay.patch import parse_patch
from lsp_router.replay.result import ReplayResult
from lsp_router.replay.synth import build_request, iter_requests
from lsp_router.settings import Settings
from tests.conftest import ANTHROPIC_TEST_KEY, OPENAI_TEST_KEY, stdlib_file
from tests.loopback import Loopback

ROOT = Path(__file__).resolve().parents[1]

HELPER = '''

def shorten_lines(lines, width, placeholder=' [...]'):
    """Shorten every line of `lines` to fit in `width` columns."""
    result = []
    for line in lines:
        if len(line) <= width:
            result.append(line)
        else:
            result.append(shorten(line, width, placeholder=placeholder))
    return result
'''

NEW_DEDENT = '''def dedent(text):
    """Remove any common leading whitespace from every line in `text`.

    Lines that hold only whitespace are normalized to a newline character.
    """
    lines = text.splitlines(keepends=True)
    margin = None
    for line in lines:
        stripped = line.lstrip(" \\t")
        if not stripped.strip():
            continue
        prefix = line[:len(line) - len(stripped)]
        if margin is None:
            margin = prefix
            continue
        size = 0
        while size < min(len(margin), len(prefix)) and margin[size] == prefix[size]:
            size += 1
        margin = margin[:size]
    result = []
    for line in lines:
        if not line.strip():
            result.append("\\n" if line.endswith("\\n") else "")
        elif margin:
            result.append(line[len(margin):])
        else:
            result.append(line)
    return "".join(result)


'''


def git(repo: Path, *args: str, date: str = "2024-06-01T12:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": "dev@example.com",
        "GIT_COMMITTER_NAME": "Dev", "GIT_COMMITTER_EMAIL": "dev@example.com",
        "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent),
    }
    done = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit_all(repo: Path, message: str, date: str) -> None:
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", message, date=date)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """textwrap.py from the stdlib, then: add a helper, revert it, re-apply it, rename a
    local in `_wrap_chunks`, rewrite `dedent`. Plus files that must be skipped."""
    repo = tmp_path_factory.mktemp("history") / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    source = stdlib_file("textwrap.py").read_text(encoding="utf-8")
    path = repo / "textwrap.py"
    path.write_text(source, encoding="utf-8")
    (repo / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0" + bytes(range(256)))
    (repo / "node_modules" / "left-pad").mkdir(parents=True)
    (repo / "node_modules" / "left-pad" / "index.js").write_text("module.exports = function (s) { return s; };\n")
    # not UTF-8: a latin-1 comment must decode with replacement characters, not crash
    (repo / "latin.py").write_bytes(b"# caf\xe9\ndef greet(name):\n    return 'bonjour ' + name\n")
    commit_all(repo, "Add textwrap", "2024-01-10T10:00:00")

    path.write_text(source + HELPER, encoding="utf-8")
    commit_all(repo, "Add shorten_lines helper", "2024-06-01T10:00:00")
    git(repo, "revert", "--no-edit", "HEAD", date="2024-06-02T10:00:00")
    path.write_text(source + HELPER, encoding="utf-8")
    commit_all(repo, "Re-apply shorten_lines helper", "2024-06-03T10:00:00")

    text = path.read_text(encoding="utf-8")
    start = text.index("    def _wrap_chunks(")
    end = text.index("    def _split_chunks(")
    assert "current_width" not in text
    body = re.sub(r"\bcur_len\b", "current_width", text[start:end])
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")
    commit_all(repo, "Rename cur_len to current_width in _wrap_chunks", "2024-06-04T10:00:00")

    text = path.read_text(encoding="utf-8")
    start = text.index("def dedent(text):")
    end = text.index("def indent(")
    path.write_text(text[:start] + NEW_DEDENT + text[end:], encoding="utf-8")
    (repo / "latin.py").write_bytes(b"# caf\xe9\ndef greet(name):\n    return 'bonjour ' + name + '!'\n")
    commit_all(repo, "Rewrite dedent without regular expressions", "2024-06-05T10:00:00")
    return repo


@pytest.fixture
def quiet_port():
    """A listening port that must never be contacted (no provider in a dry run)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def no_connection(server: socket.socket) -> bool:
    try:
        conn, _ = server.accept()
    except BlockingIOError:
        return True
    conn.close()
    return False


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    env.update(
        LSP_ROUTER_DATA_DIR=str(tmp_path / "data"), LSP_ROUTER_CACHE_DIR=str(tmp_path / "cache"),
        PYTHONPATH=str(ROOT), **extra,
    )
    return env


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lsp_router.replay.cli", *args], env=env, cwd=ROOT,
        capture_output=True, text=True, timeout=120,
    )


def test_dry_run_json_routes_all_four_tasks_and_contacts_no_provider(history, tmp_path, quiet_port):
    base = f"http://127.0.0.1:{quiet_port.getsockname()[1]}"
    env = clean_env(
        tmp_path, OPENAI_BASE_URL=base + "/v1", ANTHROPIC_BASE_URL=base,
        OPENAI_API_KEY=OPENAI_TEST_KEY, ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY,
    )
    done = run_cli([str(history), "--commits", "10", "--dry-run", "--json"], env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)

    assert report["mode"] == "dry-run"
    assert report["commits"] == 6
    assert report["escalations"] is None
    by_task = report["byTask"]
    for task in ("autocomplete", "rename", "explain", "refactor"):
        assert by_task[task]["requests"] >= 1, task
    assert sum(by_task[t]["requests"] for t in by_task) == report["requests"]
    costs = report["costUsd"]
    assert costs["frontier"] > costs["routed"] >= costs["mini"] > 0
    assert report["ratio"] == pytest.approx(costs["frontier"] / costs["routed"], rel=1e-6)
    assert report["ratio"] > 1
    assert report["tokens"]["input"] > 0 and report["tokens"]["output"] > 0
    # the helper added, reverted and added again: its completions repeat exactly
    assert report["cacheHits"] >= 5
    # the PNG, the vendored package: never replayed; the latin-1 file is
    assert report["skippedFiles"].get("vendored or generated", 0) >= 1
    assert report["skippedFiles"].get("not code", 0) >= 1
    assert report["files"] == 2

    assert no_connection(quiet_port), "a dry run contacted a provider"
    # a dry run writes neither the ledger nor the user's cache
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "cache").exists()


def test_table_shows_three_columns_the_ratio_and_the_dry_run(history, capsys, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    assert main([str(history), "--commits", "10"]) == 0
    out = capsys.readouterr().out
    assert "dry run (no API key for openai, anthropic)" in out
    for column in ("routed", "always-frontier", "always-mini", "cache hits", "tokens in"):
        assert column in out
    assert re.search(r"always-frontier / routed: \d+\.\dx", out)
    assert "escalations: n/a in dry run" in out
    assert re.search(r"^refactor\s+(mini|frontier)\s+1\b", out, re.M)
    assert re.search(r"elapsed: \d+\.\d s", out)


def test_one_dry_run_gives_the_figure_with_and_without_models_nano(history, tmp_path):
    """Issue 15 §2: the share of requests on each tier and the ratio, with and without models.nano."""
    env = clean_env(tmp_path)
    without = json.loads(run_cli([str(history), "--commits", "10", "--json"], env).stdout)
    done = run_cli([str(history), "--commits", "10", "--json", "--nano", "openai:gpt-5.4-nano"], env)
    assert done.returncode == 0, done.stderr
    with_nano = json.loads(done.stdout)

    assert "nano" not in without["models"] and with_nano["models"]["nano"] == "openai:gpt-5.4-nano"
    assert set(without["tierShares"]) <= {"static", "mini", "frontier"}
    assert with_nano["tierShares"]["nano"] > 0.3
    # issue 15 §1: the rename of a local is static, $0 in the routed column, in the shares and the ratio
    assert without["tierShares"]["static"] > 0 and with_nano["tierShares"]["static"] == without["tierShares"]["static"]
    static = without["byTier"]["static"]
    assert static["costUsd"]["routed"] == 0 and static["costUsd"]["frontier"] > 0
    assert sum(with_nano["tierShares"].values()) == pytest.approx(1)
    # nano is cheaper than mini: the same requests cost less; always-frontier is the same
    assert with_nano["costUsd"]["frontier"] == pytest.approx(without["costUsd"]["frontier"])
    assert with_nano["ratio"] > without["ratio"]
    # each run carries the other routing's figure, computed in the same pass
    assert without["alternative"]["nano"] == "openai:gpt-5.4-nano"
    assert without["alternative"]["ratio"] == pytest.approx(with_nano["ratio"], rel=1e-9)
    assert without["alternative"]["tierShares"] == pytest.approx(with_nano["tierShares"])
    assert with_nano["alternative"]["nano"] is None
    assert with_nano["alternative"]["ratio"] == pytest.approx(without["ratio"], rel=1e-9)

    table = run_cli([str(history), "--commits", "10"], env).stdout
    assert re.search(r"^requests per tier: (static \d+% · )?mini \d+%", table, re.M), table
    assert re.search(r"^with models.nano = openai:gpt-5.4-nano: \d+\.\dx \((static \d+% · )?nano \d+%", table, re.M), table
    bad = run_cli([str(history), "--nano", "gpt-nano"], env)
    assert bad.returncode == 2 and "--nano: lspRouter.models.nano:" in bad.stderr


def test_synthesized_requests_follow_the_commits(history):
    git_repo = Git(history)
    try:
        commits = git_repo.commits(10)
        result = ReplayResult(str(history), "dry-run", "", "", "")
        per_commit = {c.subject: reqs for c, reqs in zip(commits, iter_requests(git_repo, commits, result, lambda i: None))}
    finally:
        git_repo.close()
    renames = per_commit["Rename cur_len to current_width in _wrap_chunks"]
    rename = [r for r in renames if r.task == "rename"]
    assert len(rename) == 1 and rename[0].new_name == "current_width"
    line, col = rename[0].start
    assert rename[0].view.line_text(line)[col:col + 7] == "cur_len"  # code, not the comment above it
    assert not any(r.task == "autocomplete" for r in renames)  # nothing new was typed
    # the answer is every use of the local, the ones on lines that changed otherwise too
    wrap = rename[0].view.text
    code = [line.split("#")[0] for line in wrap[wrap.index("    def _wrap_chunks("):wrap.index("    def _split_chunks(")].splitlines()]
    uses = sum(len(re.findall(r"\bcur_len\b", line)) for line in code)
    assert uses > 2 and len(json.loads(rename[0].output)["occurrences"]) == uses

    rewrite = per_commit["Rewrite dedent without regular expressions"]
    refactor = [r for r in rewrite if r.task == "refactor"]
    assert len(refactor) == 1
    assert refactor[0].instruction == "Rewrite dedent without regular expressions"
    assert refactor[0].output.startswith("def dedent(text):") and "margin[:size]" in refactor[0].output
    assert any(r.task == "explain" and r.view.line_text(r.start[0]).startswith("def dedent") for r in rewrite)
    assert any(r.path == "latin.py" and "\ufffd" in r.view.text for r in rewrite)

    helper = [r for r in per_commit["Add shorten_lines helper"] if r.task == "autocomplete"]
    block = [r for r in helper if r.output.startswith('"""Shorten every line')]
    assert block and "return result" in block[0].output  # a block completion writes the body
    assert any(r.output == " = []" for r in helper)  # `result` typed, then a pause
    assert [r.output for r in helper] == [
        r.output for r in per_commit["Re-apply shorten_lines helper"] if r.task == "autocomplete"
    ]


def textwrap_repo(tmp_path: Path) -> tuple[Path, Path, str]:
    """(repo, its textwrap.py, the text): one commit of the stdlib's textwrap.py."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    path = repo / "textwrap.py"
    text = stdlib_file("textwrap.py").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    commit_all(repo, "Add textwrap", "2024-01-10T10:00:00")
    return repo, path, text


def test_a_partial_rename_is_an_edit_not_a_rename_request(tmp_path):
    """`cur_len` renamed on two lines of `_wrap_chunks` only: the other uses keep the old name,
    so no rename request would have made that commit."""
    repo, path, text = textwrap_repo(tmp_path)
    lines = text.splitlines(keepends=True)
    rows = [i for i, line in enumerate(lines) if re.search(r"\bcur_len\b", line)][:2]
    for i in rows:
        lines[i] = re.sub(r"\bcur_len\b", "current_width", lines[i])
    path.write_text("".join(lines), encoding="utf-8")
    commit_all(repo, "Use current_width in two places", "2024-06-04T10:00:00")

    git_repo = Git(repo)
    try:
        commits = git_repo.commits(1)
        result = ReplayResult(str(repo), "dry-run", "", "", "")
        (requests,) = list(iter_requests(git_repo, commits, result, lambda i: None))
    finally:
        git_repo.close()
    assert len(rows) == 2 and not any(r.task == "rename" for r in requests)
    assert any(r.task == "autocomplete" for r in requests)  # the changed lines count as typed


def test_since_keeps_only_later_commits(history, capsys):
    assert main([str(history), "--since", "2024-06-03", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["commits"] == 3
    assert report["from"].startswith("2024-06-03")
    assert main([str(history), "--since", "2030-01-01", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["commits"] == 0 and report["requests"] == 0 and report["ratio"] is None


def test_not_a_repository_exits_2(tmp_path, capsys):
    plain = tmp_path / "plain"
    plain.mkdir()
    assert main([str(plain), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "lsp-router replay:" in err and "is not a git repository" in err
    assert err.count("not a git repository") == 1, err  # said once, not again in git's words
    assert main([str(tmp_path / "missing"), "--dry-run"]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_empty_repository_and_shallow_clone(history, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    assert main([str(empty), "--dry-run"]) == 0
    assert "the repository is empty" in capsys.readouterr().out

    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", history.as_uri(), str(shallow)], check=True, capture_output=True)
    assert main([str(shallow), "--commits", "10", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["shallow"] is True and report["commits"] == 2
    assert any("shallow clone" in note for note in report["notes"])
    assert report["requests"] > 0


def test_parse_patch_reads_quoted_paths_renames_and_binaries():
    patch = (
        b'diff --git "a/caf\\303\\251.py" "b/caf\\303\\251.py"\n'
        b"index " + b"1" * 40 + b".." + b"2" * 40 + b" 100644\n"
        b'--- "a/caf\\303\\251.py"\n+++ "b/caf\\303\\251.py"\n'
        b"@@ -3 +3,2 @@ def f():\n-    return 1\n+--- a/not-a-header\n+    return 2\n"
        b"diff --git a/old.py b/new.py\nsimilarity index 80%\nrename from old.py\nrename to new.py\n"
        b"index " + b"3" * 40 + b".." + b"4" * 40 + b" 100644\n--- a/old.py\n+++ b/new.py\n@@ -1,0 +2 @@\n+x = 1\n"
        b"diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex " + b"0" * 40 + b".." + b"5" * 40 + b"\n"
        b"Binary files /dev/null and b/logo.png differ\n"
    )
    first, moved, image = parse_patch(patch)
    assert first.path == "café.py" and first.old_blob == "1" * 40 and first.new_blob == "2" * 40
    assert [(h.old_start, h.old_count, h.new_start, h.new_count) for h in first.hunks] == [(3, 1, 3, 2)]
    assert (moved.old_path, moved.new_path) == ("old.py", "new.py")
    assert [(h.old_start, h.old_count, h.new_start, h.new_count) for h in moved.hunks] == [(1, 0, 2, 1)]
    assert image.binary and image.old_blob is None


def test_live_replay_against_the_loopback_writes_the_ledger(history, tmp_path):
    with Loopback() as lb:
        settings = tmp_path / "settings.json"
        settings.write_text(json.dumps({
            "openai": {"baseUrl": lb.openai_base_url},
            "anthropic": {"baseUrl": lb.anthropic_base_url},
            "maxRetries": 0,
        }))
        env = clean_env(tmp_path, OPENAI_API_KEY=OPENAI_TEST_KEY, ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY)
        done = run_cli([str(history), "--commits", "2", "--max-requests", "4", "--settings", str(settings), "--json"], env)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["mode"] == "live"
        assert 1 <= report["requests"] <= 4
        assert lb.requests, "the live replay sent nothing to the providers"

    from lsp_router.spend.ledger import open_ledger

    ledger = open_ledger(tmp_path / "data" / "ledger.sqlite3")
    try:
        rows = ledger.rows(session=report["session"])
    finally:
        ledger.close()
    calls = [r for r in rows if not r.cache_hit and r.tier != "static"]  # a static rename calls no model
    assert len(calls) == len(lb.requests)
    assert all(r.input_tokens > 0 for r in calls)
    assert report["billed"]["requests"] == report["requests"] - report["errors"]
    assert report["costUsd"]["routed"] == pytest.approx(float(sum(r.cost_usd for r in calls if r.cost_usd is not None)))
    assert (tmp_path / "cache").exists()  # the live mode uses the real result cache


def _rewrite_init_without_tabsize(text: str) -> str:
    """TextWrapper.__init__ rewritten as a loop over its settings, `tabsize` gone."""
    start = text.index("    def __init__(self,\n")
    end = text.index("        self.placeholder = placeholder\n") + len("        self.placeholder = placeholder\n")
    names = ["width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace",
             "fix_sentence_endings", "break_long_words", "drop_whitespace", "break_on_hyphens",
             "max_lines", "placeholder"]
    rewritten = (
        "    def __init__(self, width=70, initial_indent=\"\", subsequent_indent=\"\",\n"
        "                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,\n"
        "                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,\n"
        "                 *, max_lines=None, placeholder=' [...]'):\n"
        "        given = locals()\n"
        f"        for name in {names!r}:\n"
        "            setattr(self, name, given[name])\n"
    )
    return text[:start] + rewritten + text[end:]


@pytest.mark.parametrize("rest_changed", [False, True])
def test_a_refactor_is_self_checked_only_when_the_commit_changed_nothing_else(tmp_path, rest_changed):
    """A rewrite of __init__ that drops `tabsize`, which `_munge_whitespace` reads: alone,
    the check rightly rejects it; when the same commit also stopped reading it elsewhere, the
    commit's answer is bigger than the refactor request, and is not held against the check."""
    repo, path, text = textwrap_repo(tmp_path)
    new = _rewrite_init_without_tabsize(text)
    if rest_changed:
        new = new.replace("text.expandtabs(self.tabsize)", "text.expandtabs()")
    assert new.count("tabsize") < text.count("tabsize")
    path.write_text(new, encoding="utf-8")
    commit_all(repo, "Set TextWrapper's options in a loop", "2024-06-04T10:00:00")

    done = run_cli([str(repo), "--commits", "1", "--dry-run", "--json"], clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["byTask"]["refactor"]["requests"] == 1
    reasons = report["selfCheck"]["reasons"]
    if rest_changed:
        assert reasons == {}
    else:
        assert list(reasons) == ["refactor: the refactor drops 'tabsize', which code outside the selection uses"]


def test_a_docstring_longer_than_the_ghost_text_passes_its_own_check(tmp_path):
    """A function whose docstring runs past the 12 lines ghost text shows, added in one commit:
    the block completion at its first line is what the server would show (the docstring
    closed after 12 lines), and it passes the check as the real text does."""
    repo, path, text = textwrap_repo(tmp_path)
    difflib = stdlib_file("difflib.py").read_text(encoding="utf-8")
    start = difflib.index("def get_close_matches(")
    function = difflib[start: difflib.index("\ndef ", start + 1)].rstrip() + "\n"
    assert function.count("\n", 0, function.index('"""', function.index('"""') + 3)) > 12
    path.write_text(text + "\n\n" + function, encoding="utf-8")
    commit_all(repo, "Add get_close_matches", "2024-06-04T10:00:00")

    done = run_cli([str(repo), "--commits", "1", "--dry-run", "--json"], clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    check = report["selfCheck"]
    assert check["checked"] >= 5 and report["byTask"]["autocomplete"]["requests"] >= 5
    assert (check["failed"], check["examples"]) == (0, [])


def test_the_first_failing_checks_are_shown_with_where_to_look(tmp_path):
    """A commit whose own text does not parse: the report says which commit, file and line."""
    repo, path, text = textwrap_repo(tmp_path)
    lines = text.splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith("def dedent("))
    lines.insert(row, "broken = (1,\n\n")
    path.write_text("".join(lines), encoding="utf-8")
    commit_all(repo, "Half a tuple", "2024-06-04T10:00:00")

    done = run_cli([str(repo), "--commits", "1", "--dry-run", "--json"], clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    check = json.loads(done.stdout)["selfCheck"]
    assert check["failed"] >= 1 and len(check["examples"]) == min(check["failed"], 5)
    example = check["examples"][0]
    head = git(repo, "rev-parse", "HEAD").strip()
    assert example["path"] == "textwrap.py" and head.startswith(example["commit"])
    assert example["line"] == row + 1 and example["task"] == "autocomplete"
    assert "syntax error" in example["reason"]

    table = run_cli([str(repo), "--commits", "1", "--dry-run"], clean_env(tmp_path))
    assert f"e.g. {example['commit']} textwrap.py:{row + 1} (autocomplete)" in table.stdout


def test_a_block_inside_a_class_added_with_it_is_ghost_text_up_to_its_own_closing_brace(tmp_path):
    """semver's Range class added in one commit: the block completion at the first line of
    `get formatted()`'s body is its `if` block, up to that block's own closing brace (15
    lines, past the 12 the server shows of most answers, because the block's first statement
    runs that long), not cut at its first line because the class's brace is still open. The
    server shows that answer unchanged."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    source = (Path(__file__).parent / "data" / "routing_src" / "semver_range.js").read_text(encoding="utf-8")
    (repo / "range.js").write_text(source, encoding="utf-8")
    commit_all(repo, "Add Range", "2024-06-04T10:00:00")

    git_repo = Git(repo)
    try:
        result = ReplayResult(str(repo), "dry-run", "", "", "")
        (requests,) = list(iter_requests(git_repo, git_repo.commits(1), result, lambda i: None))
    finally:
        git_repo.close()
    lines = source.split("\n")
    row = lines.index("    if (this.formatted === undefined) {")
    closing = lines.index("    }", row)
    (block,) = [r for r in requests if r.task == "autocomplete" and r.start == (row, 4)]
    assert closing - row + 1 > 12 and block.output == "\n".join(lines[row:closing + 1])[4:]
    _, job = build_request(block, Settings())
    answer, check = job.accept(block.output, "stop")
    assert check.ok and answer["text"] == block.output
