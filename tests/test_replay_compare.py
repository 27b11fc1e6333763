"""`lsp-router replay REPO --live --compare`: a real history, both tiers on the loopback.

The loopback's tiers answer differently well, by construction: frontier always writes what
the commit wrote; mini writes the commit's own line on one-line completions and a wrong
one (`pass`) on longer blocks, renames only the first occurrence (its check fails, so the
routed policy escalates), rewrites the refactor to a stub, and writes explanations the judge
grades 4 (frontier's: 9). The expected figures are worked out here from those answers, the
router's own choice per request and the tokens the loopback billed.
"""

from __future__ import annotations

import difflib
import json
import os
import pty
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lsp_router.core import ModelRef, Usage
from lsp_router.engine import open_engine
from lsp_router.replay.git import Git
from lsp_router.replay.result import ReplayResult
from lsp_router.replay.synth import build_request, iter_requests
from lsp_router.settings import parse_settings
from lsp_router.spend.pricing import make_pricer
from tests.conftest import ANTHROPIC_TEST_KEY, FRONTIER, MINI, OPENAI_TEST_KEY, stdlib_file
from tests.loopback import Loopback
from tests.test_replay import HELPER, NEW_DEDENT, ROOT, clean_env, commit_all, git

# A method added to TextWrapper (a class of many methods): its block completions route to frontier.
METHOD = '''
    def wrap_paragraphs(self, text):
        """Wrap each paragraph of `text` (separated by blank lines) on its own."""
        paragraphs = text.split("\\n\\n")
        wrapped = []
        for paragraph in paragraphs:
            wrapped.append(self.fill(paragraph))
        return "\\n\\n".join(wrapped)
'''

MINI_WRONG_BLOCK = "pass"
MINI_REFACTOR = "def dedent(text):\n    return text\n"
MINI_EXPLANATION = "MINI-EXPLANATION: this code goes over some lines."
FRONTIER_EXPLANATION = ("FRONTIER-EXPLANATION: it walks the lines, keeps the longest common prefix of "
                        "their leading whitespace, and strips it from every line.")
GRADES = {"mini": 4, "frontier": 9}
COMMITS = 4  # all but the first commit (the stdlib file itself)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """textwrap.py from the stdlib, then: a helper function, a rename of a local in
    `_wrap_chunks`, a method of TextWrapper, `dedent` rewritten."""
    repo = tmp_path_factory.mktemp("compare") / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    source = stdlib_file("textwrap.py").read_text(encoding="utf-8")
    path = repo / "textwrap.py"
    path.write_text(source, encoding="utf-8")
    commit_all(repo, "Add textwrap", "2024-01-10T10:00:00")

    path.write_text(source + HELPER, encoding="utf-8")
    commit_all(repo, "Add shorten_lines helper", "2024-06-01T10:00:00")

    text = path.read_text(encoding="utf-8")
    start, end = text.index("    def _wrap_chunks("), text.index("    def _split_chunks(")
    path.write_text(text[:start] + re.sub(r"\bcur_len\b", "current_width", text[start:end]) + text[end:], encoding="utf-8")
    commit_all(repo, "Rename cur_len to current_width in _wrap_chunks", "2024-06-02T10:00:00")

    text = path.read_text(encoding="utf-8")
    at = text.index("\n\n# -- Convenience interface")
    path.write_text(text[:at] + "\n" + METHOD + text[at:], encoding="utf-8")
    commit_all(repo, "Add TextWrapper.wrap_paragraphs", "2024-06-03T10:00:00")

    text = path.read_text(encoding="utf-8")
    start, end = text.index("def dedent(text):"), text.index("def indent(")
    path.write_text(text[:start] + NEW_DEDENT + text[end:], encoding="utf-8")
    commit_all(repo, "Rewrite dedent without regular expressions", "2024-06-05T10:00:00")
    return repo


def settings_json(lb: Loopback, **extra) -> dict:
    return {
        "models": {"mini": MINI, "frontier": FRONTIER},
        "openai": {"baseUrl": lb.openai_base_url},
        "anthropic": {"baseUrl": lb.anthropic_base_url},
        "maxRetries": 0,
        **extra,
    }


def run_cli(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run([sys.executable, "-m", "lsp_router", "replay", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kwargs)


def keyed_env(tmp_path: Path) -> dict[str, str]:
    return clean_env(tmp_path, OPENAI_API_KEY=OPENAI_TEST_KEY, ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY)


class Case:
    """One distinct request of the history, what each tier answers and what routing picks."""

    def __init__(self, synth, job, tier: str):
        self.synth, self.job, self.routed = synth, job, tier
        self.task = synth.task
        self.prompt = job.request.prompt
        output = synth.output or ""
        if self.task == "autocomplete":
            self.answers = {"frontier": output, "mini": output if "\n" not in output else MINI_WRONG_BLOCK}
        elif self.task == "rename":
            first = json.loads(output)["occurrences"][:1]
            self.answers = {"frontier": output, "mini": json.dumps({"occurrences": first})}
        elif self.task == "refactor":
            self.answers = {"frontier": f"```python\n{output.rstrip()}\n```", "mini": f"```python\n{MINI_REFACTOR}```"}
        else:
            self.answers = {"frontier": FRONTIER_EXPLANATION, "mini": MINI_EXPLANATION}
        # only mini's rename fails its check: routed to mini, it is escalated
        self.escalated = self.task == "rename" and tier == "mini"

    def score(self, tier: str) -> float:
        """What the answer deserves, by the measures of the issue."""
        expected = (self.synth.output or "").rstrip()
        if self.task == "autocomplete":
            answer = self.answers[tier].rstrip()
            exact = float(answer.split("\n")[0] == expected.split("\n")[0])
            return (exact + ratio(answer, expected)) / 2
        if self.task == "rename":
            # mini's misses occurrences; a static rename (scope analysis) is the commit's own
            return float(tier in ("frontier", "static"))
        if self.task == "refactor":
            return ratio(expected if tier == "frontier" else MINI_REFACTOR.rstrip(), expected)
        return GRADES[tier] / 10

    @property
    def served(self) -> str:
        return "frontier" if self.escalated else self.routed


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def cases_of(repo: Path, settings: dict) -> list[Case]:
    """The history's distinct requests, built and routed as the replay builds and routes them."""
    parsed, errors = parse_settings(settings)
    assert not errors
    engine = open_engine(parsed, session="test", ledger=":memory:", with_cache=False)
    git_repo = Git(repo)
    try:
        result = ReplayResult(str(repo), "dry-run", "", "", "")
        cases, prompts = [], set()
        for requests in iter_requests(git_repo, git_repo.commits(COMMITS), result, lambda i: None):
            for synth in requests:
                _, job = build_request(synth, parsed)
                if job is None or (synth.task, job.request.prompt) in prompts:
                    continue
                prompts.add((synth.task, job.request.prompt))
                cases.append(Case(synth, job, engine.plan(job).decision.tier))
    finally:
        git_repo.close()
        engine.tracker.ledger.close()
    return cases


def script(lb: Loopback, cases: list[Case]) -> list:
    """The loopback's answers: the judge's grades first (its prompt holds the explanation); returns the judge's rules."""
    judge = [
        lb.reply(f"{GRADES['mini']}\nVague.", match=MINI_EXPLANATION.split(":")[0], model=ModelRef.parse(FRONTIER).name),
        lb.reply(f"{GRADES['frontier']} - correct and complete.", match=FRONTIER_EXPLANATION.split(":")[0],
                 model=ModelRef.parse(FRONTIER).name),
    ]
    for case in cases:
        for tier, model in (("mini", MINI), ("frontier", FRONTIER)):
            lb.reply(case.answers[tier], match=case.prompt, model=ModelRef.parse(model).name)
    return judge


def tokens(rec) -> tuple[int, int]:
    """(input, output) tokens the loopback billed, from its wire usage."""
    u = rec.usage
    if rec.api == "anthropic":
        return u["input_tokens"] + u["cache_creation_input_tokens"] + u["cache_read_input_tokens"], u["output_tokens"]
    if "prompt_tokens" in u:
        return u["prompt_tokens"], u["completion_tokens"]
    return u["input_tokens"], u["output_tokens"]


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values)


def compare_json(history: Path, tmp_path: Path, settings: dict) -> dict:
    """`replay --live --compare --json` over the whole history with `settings`: the report."""
    (tmp_path / "settings.json").write_text(json.dumps(settings))
    done = run_cli([str(history), "--commits", str(COMMITS), "--live", "--compare", "--max-requests", "1000",
                    "--settings", str(tmp_path / "settings.json"), "--json"], keyed_env(tmp_path))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_compare_scores_each_tier_against_the_commits(history, tmp_path):
    with Loopback() as lb:
        settings = settings_json(lb)
        cases = cases_of(history, settings)
        judge_rules = script(lb, cases)
        report = compare_json(history, tmp_path, settings)
        assert lb.wait_finished()
        recorded = list(lb.requests)

    by_task = {t: [c for c in cases if c.task == t] for t in ("autocomplete", "rename", "explain", "refactor")}
    # the material has what the figures need: every task, long blocks on both sides of the router
    assert all(by_task.values()), {t: len(v) for t, v in by_task.items()}
    blocks = [c for c in by_task["autocomplete"] if "\n" in (c.synth.output or "")]
    assert {c.routed for c in blocks} == {"mini", "frontier"}
    assert any("\n" not in (c.synth.output or "") for c in by_task["autocomplete"])

    # every call answered by a scripted answer: 2 per request, 2 more (the judge) per explain
    assert all(rec.rule is not None for rec in recorded), [r.prompt_text[-200:] for r in recorded if r.rule is None]
    assert len(recorded) == 2 * len(cases) + 2 * len(by_task["explain"])

    quality = report["quality"]
    assert quality["compared"] == quality["sampled"] == quality["available"] == len(cases)
    assert quality["calls"] == len(recorded)
    per_request = {(r["task"], r["path"], r["line"], r["commit"]) for r in quality["requests"]}
    assert len(per_request) == len(cases)
    routed_json = sorted((r["task"], r["line"], r["routedTier"], r["escalated"]) for r in quality["requests"])
    assert routed_json == sorted((c.task, c.synth.start[0] + 1, c.routed, c.escalated) for c in cases)

    expected = {tier: mean(c.score(tier) for c in cases) for tier in ("mini", "frontier")}
    routed = mean(c.score(c.served) for c in cases)
    assert quality["byTier"]["mini"]["score"] == pytest.approx(expected["mini"], abs=1e-9)
    assert quality["byTier"]["frontier"]["score"] == pytest.approx(expected["frontier"], abs=1e-9)
    assert quality["routed"]["score"] == pytest.approx(routed, abs=1e-9)
    assert quality["routedShareOfFrontier"] == pytest.approx(routed / expected["frontier"], abs=1e-9)
    for task, items in by_task.items():
        for tier in ("mini", "frontier"):
            got = quality["byTier"][tier]["byTask"][task]
            assert got["n"] == len(items)
            assert got["score"] == pytest.approx(mean(c.score(tier) for c in items), abs=1e-9), (task, tier)
        assert quality["routed"]["byTask"][task]["score"] == pytest.approx(mean(c.score(c.served) for c in items), abs=1e-9)
    ghost = quality["byTier"]["mini"]["byTask"]["autocomplete"]
    assert ghost["firstLineExact"] == pytest.approx(1 - len(blocks) / len(by_task["autocomplete"]))
    assert quality["byTier"]["frontier"]["byTask"]["autocomplete"]["similarity"] == pytest.approx(1.0)
    assert quality["byTier"]["mini"]["byTask"]["explain"]["judge"] == "frontier"
    assert quality["byTier"]["mini"]["byTask"]["refactor"]["checkPassed"] == 1.0
    # the routed policy is better than mini alone and short of frontier: it sends mini the long
    # blocks of the small helper, where mini is wrong
    assert expected["mini"] < routed < expected["frontier"]

    # costs from what the loopback billed, priced by genai-prices
    pricer = make_pricer(parse_settings(settings)[0])
    model_of = {ModelRef.parse(MINI).name: "mini", ModelRef.parse(FRONTIER).name: "frontier"}
    cost: dict[tuple[str, str], Decimal] = {}
    judge = Decimal(0)
    for rec in recorded:
        tier = model_of[rec.model]
        price = pricer.price(ModelRef.parse(MINI if tier == "mini" else FRONTIER), Usage(*tokens(rec))).cost_usd
        assert price is not None and price > 0
        if rec.rule in judge_rules:
            assert tier == "frontier"
            judge += price
        else:
            case = next(c for c in cases if c.prompt in rec.prompt_text)
            cost[(case.prompt, tier)] = price
    always_frontier = sum(cost[(c.prompt, "frontier")] for c in cases)
    always_mini = sum(cost[(c.prompt, "mini")] for c in cases)
    # a static rename is served at $0 (its mini and frontier calls are there only to be compared)
    routed_cost = sum((0 if c.routed == "static" else cost[(c.prompt, c.routed)])
                      + (cost[(c.prompt, "frontier")] if c.escalated else 0) for c in cases)
    assert any(c.routed == "static" for c in cases)
    assert quality["byTier"]["frontier"]["costUsd"] == pytest.approx(float(always_frontier), rel=1e-9)
    assert quality["byTier"]["mini"]["costUsd"] == pytest.approx(float(always_mini), rel=1e-9)
    assert quality["routed"]["costUsd"] == pytest.approx(float(routed_cost), rel=1e-9)
    assert report["costRatio"] == pytest.approx(float(always_frontier / routed_cost), rel=1e-9)
    assert quality["judge"]["costUsd"] == pytest.approx(float(judge), rel=1e-9)
    assert quality["judge"]["calls"] == 2 * len(by_task["explain"])
    # the replay's own cost table agrees: it counts the same requests
    assert report["ratio"] == pytest.approx(report["costRatio"], rel=1e-9)
    assert report["escalations"] == sum(c.escalated for c in cases)
    assert report["billed"]["requests"] == len(recorded)

    print(f"\ncompare on the loopback: {len(cases)} requests; mini {expected['mini']:.3f}, frontier "
          f"{expected['frontier']:.3f}, routed {routed:.3f} ({routed / expected['frontier']:.1%} of frontier); "
          f"costRatio {float(always_frontier / routed_cost):.2f}")


def test_compare_caps_the_calls_spreads_the_sample_and_prints_the_table(history, tmp_path):
    with Loopback() as lb:
        settings = settings_json(lb)
        cases = cases_of(history, settings)
        script(lb, cases)
        (tmp_path / "settings.json").write_text(json.dumps(settings))
        # 11 calls: one request of each task (2 + 2 + 4 + 2), and no room for a second
        done = run_cli([str(history), "--commits", str(COMMITS), "--live", "--compare", "--max-requests", "11",
                        "--settings", str(tmp_path / "settings.json")], keyed_env(tmp_path))
        assert done.returncode == 0, done.stderr
        assert lb.wait_finished()
        calls = len(lb.requests)
    assert calls == 10
    out = done.stdout
    print("\n" + out)
    for task in ("autocomplete", "rename", "explain", "refactor"):
        assert re.search(rf"^{task}\s+\S.*\s1\s+\d\.\d\d\s+\d\.\d\d\s+\d\.\d\d$", out, re.M), task
    assert re.search(r"^all\s+score, mean over the requests\s+4\s", out, re.M)
    assert "4 requests answered on both tiers (10 model calls, at most 11 by --max-requests" in out
    assert re.search(r"routed: \d+% of always-frontier's quality", out)
    assert re.search(r"routed costs 1/\d+\.\d of always-frontier \(costRatio \d+\.\d\d = always-frontier / routed\)", out)
    assert "frontier-judged" in out
    assert re.search(r"judge: 2 frontier calls, \$[\d.]+, in no policy's cost", out)
    assert "estimated $" in done.stderr and "10 model calls" in done.stderr


def expensive(lb: Loopback) -> dict:
    """A private price for frontier: the estimate goes well over $1."""
    return settings_json(lb, prices={FRONTIER: {"inputPerMTok": 200_000, "outputPerMTok": 200_000}})


def test_compare_over_a_dollar_needs_a_yes(history, tmp_path):
    with Loopback() as lb:
        (tmp_path / "settings.json").write_text(json.dumps(expensive(lb)))
        args = [str(history), "--commits", "1", "--live", "--compare", "--max-requests", "4",
                "--settings", str(tmp_path / "settings.json")]
        refused = run_cli(args, keyed_env(tmp_path))
        assert refused.returncode == 2, refused.stderr
        assert "no terminal to confirm it: pass --yes" in refused.stderr
        assert "no model was called" in refused.stderr
        assert re.search(r"--compare would cost about \$[\d,]+\.\d\d \(over \$1\.00\)", refused.stderr)
        assert refused.stdout == ""
        assert lb.requests == []

        done = run_cli([*args, "--yes", "--json"], keyed_env(tmp_path))
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["quality"]["estimateUsd"] > 1
        assert report["quality"]["calls"] == len(lb.requests) == 4


@pytest.mark.parametrize("reply, status", [("y\n", 0), ("n\n", 1)])
def test_compare_over_a_dollar_asks_on_a_terminal(history, tmp_path, reply, status):
    with Loopback() as lb:
        (tmp_path / "settings.json").write_text(json.dumps(expensive(lb)))
        leader, follower = pty.openpty()
        try:
            os.write(leader, reply.encode())
            done = run_cli([str(history), "--commits", "1", "--live", "--compare", "--max-requests", "2",
                            "--settings", str(tmp_path / "settings.json"), "--json"], keyed_env(tmp_path), stdin=follower)
        finally:
            os.close(follower)
            os.close(leader)
        assert done.returncode == status, done.stderr
        assert re.search(r"This compare should cost about \$[\d,]+\.\d\d\. Go ahead\? \[y/N\]", done.stderr)
        if status == 0:
            assert json.loads(done.stdout)["quality"]["calls"] == len(lb.requests) == 2
        else:
            assert "cancelled: no model was called" in done.stderr and lb.requests == []


def test_compare_needs_live_and_live_needs_the_keys(history, tmp_path):
    done = run_cli([str(history), "--compare"], keyed_env(tmp_path))
    assert done.returncode == 2
    assert "--compare needs --live" in done.stderr

    done = run_cli([str(history), "--live", "--compare"], clean_env(tmp_path))
    assert done.returncode == 2
    assert "--live needs an API key for openai (set OPENAI_API_KEY), anthropic (set ANTHROPIC_API_KEY)" in done.stderr

    done = run_cli(["--help"], clean_env(tmp_path))
    assert "at most N model calls" in " ".join(done.stdout.split())


@pytest.mark.parametrize("reply, grade", [
    ("7", 7.0), ("Grade: 8/10. Clear.", 8.0), ("10 - complete", 10.0), ("8.5, nearly complete", 8.5),
    ("0: wrong", 0.0), ("12 out of 10", None), ("I cannot grade this.", None), ("", None),
])
def test_the_judges_grade_is_the_first_number_0_to_10(reply, grade):
    from lsp_router.replay.compare import parse_grade

    assert parse_grade(reply) == grade


def test_a_provider_error_leaves_that_request_out_and_says_so(history, tmp_path):
    with Loopback() as lb:
        settings = settings_json(lb)
        cases = cases_of(history, settings)
        for case in cases:
            if case.task == "autocomplete":
                lb.reply(status=500, error_message="overloaded", match=case.prompt, model=ModelRef.parse(MINI).name)
        script(lb, cases)
        (tmp_path / "settings.json").write_text(json.dumps(settings))
        done = run_cli([str(history), "--commits", str(COMMITS), "--live", "--compare", "--max-requests", "10",
                        "--settings", str(tmp_path / "settings.json"), "--json"], keyed_env(tmp_path))
        assert done.returncode == 0, done.stderr
    quality = json.loads(done.stdout)["quality"]
    assert quality["sampled"] == 4 and quality["compared"] == 3
    assert quality["leftOut"] == {"a provider error": 1}
    assert "autocomplete" not in quality["byTier"]["mini"]["byTask"]


NANO = "openai:gpt-5.4-nano"


def test_compare_with_models_nano_answers_the_nano_requests_there_and_climbs_its_failed_checks(history, tmp_path):
    """With models.nano the router sends short completions and small explanations to nano: the
    compare answers those on nano too (besides mini and frontier, for the table), and a nano
    answer that fails its check climbs to mini, as the server's cascade does: served by mini,
    paid nano + mini."""
    with Loopback() as lb:
        settings = settings_json(lb, models={"nano": NANO, "mini": MINI, "frontier": FRONTIER})
        cases = cases_of(history, settings)
        on_nano = [c for c in cases if c.routed == "nano"]
        assert {c.task for c in on_nano} >= {"autocomplete"}, [c.routed for c in cases]
        script(lb, cases)
        for case in on_nano:
            # a completion one bracket too many: the check fails it; explanations pass as mini's do
            broken = (case.synth.output or "x") + ")))" if case.task == "autocomplete" else MINI_EXPLANATION
            lb.reply(broken, match=case.prompt, model=ModelRef.parse(NANO).name)
        report = compare_json(history, tmp_path, settings)
        assert lb.wait_finished()
        recorded = list(lb.requests)
        table = run_cli([str(history), "--commits", "1", "--live", "--compare", "--max-requests", "20",
                         "--settings", str(tmp_path / "settings.json")], keyed_env(tmp_path))
        assert table.returncode == 0, table.stderr
        assert "routed: " in table.stdout

    assert all(rec.rule is not None for rec in recorded)
    nano_calls = [rec for rec in recorded if rec.model == ModelRef.parse(NANO).name]
    assert len(nano_calls) == len(on_nano)
    quality = report["quality"]
    assert quality["routed"]["tiers"].get("nano") == len(on_nano)
    rows = [r for r in quality["requests"] if r["routedTier"] == "nano"]
    assert len(rows) == len(on_nano)
    for row in rows:
        assert set(row["scores"]) == {"nano", "mini", "frontier"}
        cost = row["costUsd"]
        if row["task"] == "autocomplete":
            assert row["escalated"] and row["served"] == "mini", row
            assert cost["routed"] == pytest.approx(cost["nano"] + cost["mini"], rel=1e-9)
            assert row["routedScore"] == row["scores"]["mini"]["score"]
        else:
            assert not row["escalated"] and cost["routed"] == pytest.approx(cost["nano"], rel=1e-9)
    assert "nano" in quality["estimateUsdByPart"]
