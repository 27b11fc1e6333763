"""`lsp-router replay REPO --live --compare`: a sample of the replayed requests answered on
both tiers and scored against what the commit really wrote (issue 14 §3).

The sample (`sample`): the requests the replayed commits make (see the package docstring),
repeats dropped, taken from the four tasks in turn and, within a task, spread evenly over the
history. `--max-requests N` caps the *model calls*: a request costs one call per tier (2),
an explain 2 more (the frontier model judges each tier's explanation). Before any call the
sample is priced from its prompts' tokens and the commits' output sizes (`estimate`); over
$1 it asks for a confirmation, unless `--yes`.

Each answer gets a score in 0..1 against the commit:

* autocomplete: the mean of two measures: the ghost text's first line is exactly the
  commit's (1 or 0, trailing whitespace aside), and the edit similarity of the whole ghost
  text to the commit's (`difflib.SequenceMatcher` ratio);
* rename: 1 when the edits are exactly the set of occurrences the commit renamed, else 0;
* refactor: the similarity of the new text to the commit's version of the function when the
  refactor check passes, 0 when it fails (the server would not apply it). When the commit
  changed code outside the function too, its own answer spans more than the request (see
  `Synth.checkable`): the check is then not held against the answer;
* explain: frontier-judged: the frontier model grades each explanation 0-10 against the
  code, without being told which tier wrote it; the grade / 10.

The routed policy serves what the engine would: the tier the router picks (`Engine.plan` at
budget state "ok", so that the compare's own spend does not steer it), or the frontier
answer when a mini answer fails its check and the engine would escalate. Its quality is the
mean score of what it serves; `routedShareOfFrontier` = routed / always-frontier quality;
`costRatio` = always-frontier cost / routed cost over the same requests (an escalation
costs both calls). The judge's calls are in neither figure and are reported on their own.
"""

from __future__ import annotations

import asyncio
import difflib
import json
import re
import sys
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lsp_router.core import TASKS, CheckResult
from lsp_router.replay.errors import ReplayCancelled, ReplayError
from lsp_router.replay.git import Commit, Git
from lsp_router.replay.result import Progress, ReplayOptions, ReplayResult, _failed
from lsp_router.replay.synth import Synth, _sample, build_request, iter_requests, prompt_text

__all__ = ["TIERS", "CALLS", "MEASURES", "CONFIRM_OVER_USD", "Compared", "CompareResult", "sample",
           "similarity", "score_answer", "parse_grade", "judge_request", "run_compare"]

TIERS = ("mini", "frontier")
# the verified cascade: a failed check climbs one rung (Engine._may_escalate)
RUNGS = ("nano", "mini", "frontier")
# model calls per sampled request: one per tier, and for an explain one judge call per tier
CALLS = {"autocomplete": 2, "rename": 2, "explain": 4, "refactor": 2}
MEASURES = {
    "autocomplete": "first line exact + edit similarity, mean",
    "rename": "exact set of edits",
    "explain": "frontier-judged grade 0-10, /10",
    "refactor": "check passes x similarity to the commit",
}
# the measures behind each task's score, as (JSON key, label, shown as a share)
SUB_MEASURES = {
    "autocomplete": (("firstLineExact", "first line exact", True), ("similarity", "edit similarity", False)),
    "refactor": (("checkPassed", "check passes", True), ("similarity", "similarity to the commit", False)),
}
CONFIRM_OVER_USD = Decimal(1)
JUDGE_MAX_TOKENS = 512
JUDGE_OUTPUT_ESTIMATE = 16  # tokens: "8" and a sentence at most

JUDGE_SYSTEM = (
    "You grade explanations of code for a developer who reads the code in their editor. You get "
    "the code and one explanation of it. Grade the explanation from 0 to 10: 10 is correct, covers "
    "what matters (what the code does, how, its edge cases and side effects) and is brief; 5 is "
    "partly right or misses the point; 0 is wrong or useless. Reply with the grade first, as a "
    "whole number, then at most one sentence."
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


# ----------------------------------------------------------------------------- scoring


def similarity(answer: str, expected: str) -> float:
    """Edit similarity in 0..1 (difflib's ratio), trailing whitespace aside."""
    a, b = (answer or "").rstrip(), (expected or "").rstrip()
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _first_line(text: str) -> str:
    return (text or "").split("\n", 1)[0].rstrip()


def score_answer(synth: Synth, job, answer: dict | None, check: CheckResult) -> dict:
    """The measures of one answer against the commit (not explain: see `parse_grade`)."""
    if synth.task == "autocomplete":
        text = (answer or {}).get("text") or ""
        exact = 1.0 if text.strip() and _first_line(text) == _first_line(synth.output or "") else 0.0
        sim = similarity(text, synth.output or "")
        return {"score": (exact + sim) / 2, "firstLineExact": exact, "similarity": sim}
    if synth.task == "rename":
        places = job.reading.places
        expected = {tuple(places[i]) for i in json.loads(synth.output or "{}").get("occurrences", [])}
        got = {tuple(edit) for edit in (answer or {}).get("edits", [])} if answer else None
        exact = 1.0 if got == expected else 0.0
        return {"score": exact, "exact": exact}
    if synth.task == "refactor":
        new_text = (answer or {}).get("newText")
        sim = similarity(new_text, synth.output or "") if new_text is not None else 0.0
        passed = 1.0 if check.ok and new_text is not None else 0.0
        counted = passed if synth.checkable else float(new_text is not None)
        return {"score": sim * counted, "checkPassed": passed, "similarity": sim}
    raise ValueError(f"no score for {synth.task} here")


def parse_grade(text: str) -> float | None:
    """The judge's grade 0-10 (the first number of its reply), or None (none, or over 10)."""
    match = _NUMBER.search(text or "")
    if match is None:
        return None
    grade = float(match.group(0))
    return grade if grade <= 10 else None


def _selection(job) -> tuple[str, int, int]:
    """(code, first line, last line) of an explain job (1-based lines)."""
    cache = job.cache_inputs
    return cache["selection"], cache["start"][0] + 1, cache["end"][0] + 1


def judge_request(synth: Synth, job, markdown: str):
    """The judge's prompt for one explanation (`ModelRequest`)."""
    from lsp_router.providers.base import ModelRequest

    code, first, last = _selection(job)
    language = synth.view.language_id
    prompt = (
        f"Code (lines {first}-{last} of {synth.path}):\n```{language or ''}\n{code}\n```\n\n"
        f"Explanation to grade:\n<explanation>\n{markdown}\n</explanation>\n\n"
        "Grade (0-10), then at most one sentence:"
    )
    return ModelRequest(system=JUDGE_SYSTEM, prompt=prompt, max_tokens=JUDGE_MAX_TOKENS, stream=False,
                        timeout_s=120.0, max_retries=2)


def _judge_reader(job, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
    grade = parse_grade(text)
    return {"text": text, "grade": grade}, CheckResult(grade is not None, "ok" if grade is not None else "no grade")


def _judge_job(synth: Synth, job, markdown: str):
    from lsp_router.engine import Job

    return Job(task="explain", uri=job.uri, features=job.features, request=judge_request(synth, job, markdown),
               cache_inputs={}, reader=_judge_reader)


# ----------------------------------------------------------------------------- the result


@dataclass
class Item:
    """A sampled request, built."""

    synth: Synth
    job: Any
    input_tokens: int
    output_tokens: int  # the commit's answer, capped by the request's max_tokens


@dataclass
class Compared:
    """One request answered on both tiers, and what the routed policy serves of it."""

    synth: Synth
    routed_tier: str  # the router's pick
    reason: str
    pinned: bool
    scores: dict[str, dict]  # tier -> {"score", measures...}
    checks: dict[str, CheckResult]
    costs: dict[str, Decimal | None]  # tier -> its answer's call
    request_ids: dict[str, str]
    # the router's nano or mini answer failed its check: the tier whose answer is served
    escalated_to: str | None = None
    judge_cost: Decimal | None = Decimal(0)
    judge_ids: list[str] = field(default_factory=list)

    @property
    def escalated(self) -> bool:
        return self.escalated_to is not None

    @property
    def served(self) -> str:
        return self.escalated_to or self.routed_tier

    def _climbed(self) -> list[str]:
        """The tiers the routed policy paid for: its pick and each rung escalated to."""
        if self.escalated_to is None:
            return [self.routed_tier]
        return list(RUNGS[RUNGS.index(self.routed_tier):RUNGS.index(self.escalated_to) + 1])

    @property
    def routed_cost(self) -> Decimal | None:
        total: Decimal | None = Decimal(0)
        for tier in self._climbed():
            cost = self.costs.get(tier)
            total = None if cost is None or total is None else total + cost
        return total

    def routed_ids(self) -> list[str]:
        # a static answer (a rename by scope analysis) made no call: no ledger row
        return [self.request_ids[tier] for tier in self._climbed() if tier in self.request_ids]

    def tiers(self) -> list[str]:
        """The tiers answered for this request, cheapest first."""
        return [t for t in ("static", *RUNGS) if t in self.scores]

    def as_json(self) -> dict:
        def money(value: Decimal | None) -> float | None:
            return None if value is None else float(value)

        return {
            "task": self.synth.task,
            "commit": self.synth.commit[:10],
            "path": self.synth.path,
            "line": self.synth.start[0] + 1,
            "routedTier": self.routed_tier,
            "reason": self.reason,
            "escalated": self.escalated,
            "served": self.served,
            "scores": {tier: {**self.scores[tier], "check": self.checks[tier].reason} for tier in self.tiers()},
            "routedScore": self.scores[self.served]["score"],
            "costUsd": {**{tier: money(self.costs[tier]) for tier in self.tiers()}, "routed": money(self.routed_cost)},
            "judgeCostUsd": money(self.judge_cost) if self.synth.task == "explain" else None,
        }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass
class CompareResult:
    max_calls: int
    available: int = 0  # distinct requests of the replayed commits
    sampled: int = 0  # requests in the sample (calls within max_calls)
    estimate: Decimal | None = None  # None: some model is unpriced
    estimate_parts: dict[str, Decimal | None] = field(default_factory=dict)
    calls: int = 0
    judge_calls: int = 0
    judge_cost: Decimal = Decimal(0)
    judge_unpriced: int = 0
    compared: list[Compared] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # why -> how many sampled requests
    stopped: str | None = None  # a hard budget stop ended the compare early

    def leave_out(self, why: str) -> None:
        self.left_out[why] = self.left_out.get(why, 0) + 1

    def of(self, task: str | None) -> list[Compared]:
        return [c for c in self.compared if task is None or c.synth.task == task]

    def mean(self, tier: str, task: str | None = None, measure: str = "score") -> float | None:
        """The mean of `measure` over the answers of `tier`, or of what the routed policy serves ("routed")."""
        values = []
        for c in self.of(task):
            scores = c.scores[c.served if tier == "routed" else tier]
            if measure in scores:
                values.append(scores[measure])
        return _mean(values)

    def cost(self, tier: str) -> tuple[Decimal, int]:
        """(cost, how many requests of it are unpriced) of always-`tier`, or of "routed"."""
        total, unpriced = Decimal(0), 0
        for c in self.compared:
            value = c.routed_cost if tier == "routed" else c.costs[tier]
            if value is None:
                unpriced += 1
            else:
                total += value
        return total, unpriced

    def share(self, tier: str = "routed") -> float | None:
        """`tier`'s quality as a share of always-frontier's."""
        mine, frontier = self.mean(tier), self.mean("frontier")
        if mine is None or not frontier:
            return None
        return mine / frontier

    def cost_ratio(self) -> float | None:
        """Always-frontier cost / routed cost (how many times cheaper routing is); None when unpriced or $0."""
        (frontier, fu), (routed, ru) = self.cost("frontier"), self.cost("routed")
        if fu or ru or routed <= 0:
            return None
        return float(frontier / routed)

    def routed_tiers(self) -> dict[str, int]:
        tiers: dict[str, int] = {}
        for c in self.compared:
            tiers[c.routed_tier] = tiers.get(c.routed_tier, 0) + 1
        return tiers

    def _task_json(self, tier: str, task: str) -> dict | None:
        items = self.of(task)
        if not items:
            return None
        out: dict[str, Any] = {"n": len(items), "score": self.mean(tier, task), "measure": MEASURES[task]}
        if task == "explain":
            out["judge"] = "frontier"
            out["grade"] = self.mean(tier, task, "grade")  # 0-10, as the judge gave it
        for key, _, _ in SUB_MEASURES.get(task, ()):
            out[key] = self.mean(tier, task, key)
        return out

    def as_json(self) -> dict:
        def money(value: Decimal | None) -> float | None:
            return None if value is None else float(value)

        by_tier = {}
        for tier in TIERS:
            cost, unpriced = self.cost(tier)
            by_tier[tier] = {
                "score": self.mean(tier), "n": len(self.compared),
                "costUsd": None if unpriced and cost == 0 else float(cost), "unpriced": unpriced,
                "checkFailed": sum(1 for c in self.compared if not c.checks[tier].ok),
                "byTask": {t: j for t in TASKS if (j := self._task_json(tier, t)) is not None},
            }
        cost, unpriced = self.cost("routed")
        return {
            "byTier": by_tier,
            "routed": {
                "score": self.mean("routed"), "n": len(self.compared),
                "costUsd": None if unpriced and cost == 0 else float(cost), "unpriced": unpriced,
                "tiers": self.routed_tiers(),
                "escalations": sum(1 for c in self.compared if c.escalated),
                "byTask": {t: j for t in TASKS if (j := self._task_json("routed", t)) is not None},
            },
            "routedShareOfFrontier": self.share("routed"),
            "miniShareOfFrontier": self.share("mini"),
            "measures": dict(MEASURES),
            "judge": {"model": "frontier", "calls": self.judge_calls, "costUsd": float(self.judge_cost),
                      "unpriced": self.judge_unpriced, "scores": "explain"},
            "estimateUsd": money(self.estimate),
            "estimateUsdByPart": {k: money(v) for k, v in self.estimate_parts.items()},
            "calls": self.calls,
            "maxCalls": self.max_calls,
            "available": self.available,
            "sampled": self.sampled,
            "compared": len(self.compared),
            "leftOut": dict(self.left_out),
            "stoppedByBudget": self.stopped,
            "requests": [c.as_json() for c in self.compared],
        }


# ----------------------------------------------------------------------------- the sample


def _identity(s: Synth) -> tuple:
    return (s.task, s.path, hash(s.view.text), s.start, s.end, s.new_name, s.instruction)


def sample(requests: list[Synth], max_calls: int) -> tuple[list[Synth], int]:
    """(the sample, how many distinct requests there were): tasks in turn while their calls fit
    in `max_calls`, each task's share spread evenly over its requests in history order."""
    seen: set[tuple] = set()
    by_task: dict[str, list[Synth]] = {t: [] for t in TASKS}
    for s in requests:
        key = _identity(s)
        if key in seen or s.task not in by_task:
            continue
        seen.add(key)
        by_task[s.task].append(s)
    counts = {t: 0 for t in TASKS}
    calls, grew = 0, True
    while grew:
        grew = False
        for t in TASKS:
            if counts[t] < len(by_task[t]) and calls + CALLS[t] <= max_calls:
                counts[t] += 1
                calls += CALLS[t]
                grew = True
    chosen = [s for t in TASKS for s in _sample(by_task[t], counts[t])]
    return chosen, len(seen)


def _estimate(items: list[Item], settings, pricer) -> tuple[Decimal | None, dict[str, Decimal | None]]:
    """What the sample should cost: (total, {"nano"?, "mini", "frontier", "judge"}); None where unpriced."""
    from lsp_router.tokens import count_tokens

    # with models.nano, the requests routed to nano are answered there too: counted for every
    # request, an upper bound (nano is the cheapest tier)
    tiers = ("nano", *TIERS) if settings.nano is not None else TIERS
    parts: dict[str, Decimal | None] = {**{tier: Decimal(0) for tier in tiers}, "judge": Decimal(0)}

    def add(part: str, value: Decimal | None) -> None:
        parts[part] = None if value is None or parts[part] is None else parts[part] + value

    for item in items:
        for tier in tiers:
            add(tier, pricer.estimate(settings.model_for(tier), item.input_tokens, item.output_tokens))
        if item.synth.task == "explain":
            request = judge_request(item.synth, item.job, "")
            judge_in = count_tokens(f"{request.system}\n{request.prompt}") + item.output_tokens
            for _ in tiers:
                add("judge", pricer.estimate(settings.frontier, judge_in, JUDGE_OUTPUT_ESTIMATE))
    total = None if any(v is None for v in parts.values()) else sum(parts.values(), Decimal(0))
    return total, parts


# ----------------------------------------------------------------------------- the run


def run_compare(git: Git, commits: list[Commit], options: ReplayOptions, result: ReplayResult, progress: Progress) -> None:
    """Sample, estimate (and confirm), answer on both tiers, score; fills `result.compare`
    and, for the cost table, `result.rows` (the routed policy's requests and the three costs)."""
    from lsp_router.spend.money import format_usd
    from lsp_router.spend.pricing import make_pricer
    from lsp_router.tokens import count_tokens

    settings = options.settings
    stream = options.stream or sys.stderr
    every: list[Synth] = []
    for requests in iter_requests(git, commits, result, progress.update):
        every.extend(requests)
    progress.close()
    chosen, available = sample(every, options.max_requests)
    compare = CompareResult(options.max_requests, available=available)
    result.compare = compare
    items: list[Item] = []
    for synth in chosen:
        try:
            _, job = build_request(synth, settings)
        except Exception as exc:  # noqa: BLE001 - one odd file must not stop the replay
            _failed(result, synth, exc)
            continue
        if job is None:
            compare.leave_out("nothing to ask at that place")
            continue
        wanted = synth.output_tokens if synth.output_tokens is not None else count_tokens(synth.output or "")
        items.append(Item(synth, job, count_tokens(prompt_text(job)), min(wanted, job.request.max_tokens)))
    compare.sampled = len(items)
    calls = sum(CALLS[item.synth.task] for item in items)
    compare.estimate, compare.estimate_parts = _estimate(items, settings, make_pricer(settings))

    def usd(value: Decimal | None) -> str:
        return "unpriced" if value is None else format_usd(value)

    parts = ", ".join(f"{name} {usd(value)}" for name, value in compare.estimate_parts.items())
    summary = (f"compare: {len(items)} of {available} requests on both tiers, {calls} model calls "
               f"(--max-requests {options.max_requests}); estimated {usd(compare.estimate)} ({parts}), "
               "from the prompts' tokens and the commits' output sizes")
    print(f"lsp-router replay: {summary}", file=stream, flush=True)
    if compare.estimate is not None and compare.estimate > CONFIRM_OVER_USD and not options.yes:
        question = f"This compare should cost about {format_usd(compare.estimate)}."
        answer = options.confirm(question) if options.confirm is not None else None
        if answer is None:
            raise ReplayError(
                f"--compare would cost about {format_usd(compare.estimate)} (over {format_usd(CONFIRM_OVER_USD)}) "
                "and there is no terminal to confirm it: pass --yes to run it, or a lower --max-requests; "
                "no model was called"
            )
        if not answer:
            raise ReplayCancelled("cancelled: no model was called")
    if items:
        asyncio.run(_answer(items, options, result, compare))


async def _answer(items: list[Item], options: ReplayOptions, result: ReplayResult, compare: CompareResult) -> None:
    from lsp_router.engine import BudgetStopped, close_engine, open_engine
    from lsp_router.providers.base import MissingKey, ProviderError
    from lsp_router.spend.ledger import LedgerError

    settings = options.settings
    stream = options.stream or sys.stderr
    session = f"replay-{uuid.uuid4().hex[:8]}"
    warnings: list[str] = []
    advice: dict[str, str] = {}
    try:
        # no result cache: every answer is asked for, and none is stored under the other tier's key
        engine = open_engine(
            settings, session=session, workspace=Path(result.repo).as_uri(), with_cache=False,
            on_budget_warning=lambda m: warnings.append(m),
            on_advice=lambda key, m: advice.setdefault(key, m),
        )
    except LedgerError as exc:
        raise ReplayError(f"cannot open the spend ledger: {exc}") from None
    result.session = session
    progress = Progress(len(items), "requests compared", stream=stream, enabled=options.progress)
    may_escalate = settings.frontier != settings.mini
    try:
        for index, item in enumerate(items):
            progress.update(index)
            synth, job = item.synth, item.job
            decision = engine.plan(job, budget="ok").decision
            # mini and frontier for the table; nano too where the router picks it (models.nano)
            asked = ("nano", *TIERS) if decision.tier == "nano" else TIERS
            answers = {}
            try:
                for tier in asked:
                    answers[tier] = await engine.run_on(job, tier, reason=f"{tier} (replay --compare)")
                    compare.calls += 1
                grades: dict[str, float | None] = {}
                judge_cost: Decimal | None = Decimal(0)
                judge_ids: list[str] = []
                if synth.task == "explain":
                    for tier in asked:
                        markdown = (answers[tier].answer or {}).get("markdown") or ""
                        if not markdown.strip():
                            grades[tier] = 0.0
                            continue
                        judged = await engine.run_on(_judge_job(synth, job, markdown), "frontier",
                                                     reason=f"frontier (replay --compare: judge of the {tier} explanation)")
                        compare.calls += 1
                        compare.judge_calls += 1
                        judge_ids.append(judged.request_id)
                        if judged.cost_usd is None:
                            compare.judge_unpriced += 1
                            judge_cost = None
                        else:
                            compare.judge_cost += judged.cost_usd
                            judge_cost = None if judge_cost is None else judge_cost + judged.cost_usd
                        grades[tier] = (judged.answer or {}).get("grade")
            except MissingKey as exc:
                raise ReplayError(exc.message) from None
            except BudgetStopped as exc:
                compare.stopped = str(exc)
                result.errors.append(str(exc))
                break
            except ProviderError as exc:
                compare.leave_out("a provider error")
                if exc.message not in result.errors:
                    result.errors.append(exc.message)
                continue
            if synth.task == "explain":
                if any(grades[tier] is None for tier in asked):
                    compare.leave_out("the judge gave no grade")
                    continue
                scores = {tier: {"score": grades[tier] / 10, "grade": grades[tier]} for tier in asked}
            else:
                scores = {tier: score_answer(synth, job, answers[tier].answer, answers[tier].check) for tier in asked}
            checks = {tier: answers[tier].check for tier in asked}
            costs = {tier: answers[tier].cost_usd for tier in asked}
            if decision.tier == "static" and job.solve is not None:
                # what the server serves: the scope analysis' own answer, at $0, scored the same way
                static_answer, static_check = job.solve(job)
                scores["static"] = score_answer(synth, job, static_answer, static_check)
                checks["static"], costs["static"] = static_check, Decimal(0)
            compare.compared.append(Compared(
                synth, decision.tier, decision.reason, bool(decision.pinned), scores, checks,
                costs,
                {tier: answers[tier].request_id for tier in asked},
                escalated_to=_escalated_to(decision, checks, may_escalate), judge_cost=judge_cost, judge_ids=judge_ids,
            ))
        progress.update(len(items))
    finally:
        progress.close()
        await engine.aclose()
        try:
            engine.tracker.flush()
            rows = {row.request_id: row for row in engine.tracker.ledger.rows(session=session)}
            _tally(compare, rows, result)
            result.billed = engine.tracker.snapshot()["session"]
        finally:
            close_engine(engine)
    result.notes.extend(dict.fromkeys(warnings))
    result.notes.extend(advice.values())


def _escalated_to(decision, checks: dict[str, CheckResult], may_escalate: bool) -> str | None:
    """As Engine._may_escalate at budget "ok": a nano or mini answer that fails its check is
    answered again one rung up, until one passes or frontier answers; never for a pin."""
    if decision.pinned or not may_escalate or decision.tier not in ("nano", "mini"):
        return None
    rung = decision.tier
    while rung != "frontier" and not checks[rung].ok:
        rung = RUNGS[RUNGS.index(rung) + 1]
    return None if rung == decision.tier else rung


def _tally(compare: CompareResult, rows: dict, result: ReplayResult) -> None:
    """The cost table's rows: each compared request on the tier that served it, with the
    routed policy's tokens and the three costs (routed, always-frontier, always-mini)."""
    for c in compare.compared:
        tally = result.row(c.synth.task, c.served)
        tally.requests += 1
        tally.escalations += int(c.escalated)
        for request_id in c.routed_ids():
            row = rows.get(request_id)
            if row is not None:
                tally.input_tokens += row.input_tokens
                tally.output_tokens += row.output_tokens
        for column, cost in (("routed", c.routed_cost), ("frontier", c.costs["frontier"]), ("mini", c.costs["mini"])):
            if cost is None:
                tally.unpriced[column] += 1
            else:
                tally.cost[column] += cost
