"""The dry run: every request routed, priced for three columns and checked on the commit's own text; no model called."""

from __future__ import annotations

import re
from decimal import Decimal

from lsp_router.core import ModelRef, Usage
from lsp_router.replay.git import Commit, Git
from lsp_router.replay.result import (
    _SELF_CHECK_EXAMPLES, COLUMNS, Alternative, Progress, ReplayOptions, ReplayResult, SelfCheck, _failed,
)
from lsp_router.replay.synth import Synth, build_request, iter_requests, prompt_text
from lsp_router.settings import Settings

__all__ = []


class _KeySet:
    """The dry run's in-memory result cache: which keys an answer would already be stored under."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.keys: set[str] = set()

    def hit(self, key: str) -> bool:
        if not self.enabled:
            return False
        if key in self.keys:
            return True
        self.keys.add(key)
        return False


class _Budget:
    """Budget caps simulated over the replay's own routed spend (the ledger is not read)."""

    def __init__(self, settings: Settings):
        self.budget = settings.budget
        self.used = Decimal(0)

    def state(self) -> str:
        from lsp_router.spend.budget import budget_state

        states = [budget_state(self.used, cap, self.budget.hard_stop) for cap in (self.budget.session_usd, self.budget.daily_usd)]
        for state in ("stopped", "over", "near"):
            if state in states:
                return state
        return "ok"


def _dry_run(git: Git, commits: list[Commit], options: ReplayOptions, result: ReplayResult, progress: Progress) -> None:
    from lsp_router.engine import open_engine
    from lsp_router.tokens import count_tokens

    settings = options.settings
    # routed and keyed by the engine itself; its ledger is in memory and left empty, and
    # the columns' caches are the sets below
    engine = open_engine(settings, session="dry-run", ledger=":memory:", with_cache=False)
    pricer = engine.tracker.pricer
    prices: dict[tuple[ModelRef, int, int], Decimal | None] = {}
    tokens: dict[str, int] = {}

    def price(model: ModelRef, usage: Usage) -> Decimal | None:
        # genai-prices takes ~1 ms a call: the routed column reuses the frontier or mini price
        key = (model, usage.input_tokens, usage.output_tokens)
        if key not in prices:
            prices[key] = pricer.price(model, usage).cost_usd
        return prices[key]

    def count(text: str) -> int:
        if text not in tokens:
            if len(tokens) > 512:
                tokens.clear()
            tokens[text] = count_tokens(text)
        return tokens[text]

    caches = {c: _KeySet(settings.cache.enabled) for c in COLUMNS}
    budget = _Budget(settings)
    other = _OtherRouting(settings)
    result.alternative = other.result
    models = {"frontier": settings.frontier, "mini": settings.mini}
    may_escalate = settings.frontier != settings.mini
    for requests in iter_requests(git, commits, result, progress.update):
        for synth in requests:
            try:
                features, job = build_request(synth, settings)
            except Exception as exc:  # noqa: BLE001 - one odd file must not stop the replay
                _failed(result, synth, exc)
                continue
            if job is None:
                continue
            state = budget.state()
            plan = engine.plan(job, budget=state)
            other.route(job, synth, count, price)
            decision = plan.decision
            tally = result.row(synth.task, decision.tier)
            tally.requests += 1
            # a static answer (a rename by scope analysis) costs the routed column nothing, and
            # the other columns what their model would have been paid for it
            static = decision.tier == "static"
            column_models = {"routed": plan.model, **models}
            keys = {"routed": plan.key, **{c: engine.cache_key(job, m) for c, m in models.items()}}
            hits = {c: caches[c].hit(keys[c]) for c in column_models}
            if static:
                hits["routed"] = True
            elif hits["routed"]:
                tally.cache_hits += 1
            elif state == "stopped":
                # hard stop: no paid call, only cache hits are served; a refused request is
                # left out of every column so that the three compare the same served requests
                tally.refused += 1
                continue
            misses = [c for c in COLUMNS if not hits[c]]
            if not misses:
                continue
            output_tokens = synth.output_tokens if synth.output_tokens is not None else count_tokens(synth.output or "")
            # a model stops at the request's max_tokens (the answer is then cut off)
            usage = Usage(input_tokens=count(prompt_text(job)), output_tokens=min(output_tokens, job.request.max_tokens))
            if not hits["routed"]:
                tally.input_tokens += usage.input_tokens
                tally.output_tokens += usage.output_tokens
            for column in misses:
                cost = price(column_models[column], usage)
                if cost is None:
                    tally.unpriced[column] += 1
                else:
                    tally.cost[column] += cost
                    if column == "routed":
                        budget.used += cost
            if synth.output is not None and not hits["routed"]:
                _self_check(result.self_check, job, synth, decision, may_escalate)
    engine.tracker.ledger.close()
    other.close()


class _OtherRouting:
    """The same requests routed with models.nano toggled (a default nano model when it is unset), with
    their own cache and budget: the replay's figure with and without the nano tier from one run."""

    def __init__(self, settings: Settings):
        from dataclasses import replace

        from lsp_router.engine import open_engine
        from lsp_router.settings import DEFAULT_NANO

        nano = None if settings.nano is not None else ModelRef.parse(DEFAULT_NANO)
        self.settings = replace(settings, nano=nano, routing={
            task: "auto" if mode == "nano" and nano is None else mode for task, mode in settings.routing.items()})
        self.engine = open_engine(self.settings, session="dry-run-other", ledger=":memory:", with_cache=False)
        self.cache = _KeySet(settings.cache.enabled)
        self.budget = _Budget(settings)
        self.result = Alternative(None if nano is None else str(nano))

    def route(self, job, synth: Synth, count, price) -> None:
        from lsp_router.tokens import count_tokens

        state = self.budget.state()
        plan = self.engine.plan(job, budget=state)
        tiers = self.result.tiers
        tiers[plan.decision.tier] = tiers.get(plan.decision.tier, 0) + 1
        if plan.decision.tier == "static" or self.cache.hit(plan.key) or state == "stopped":
            return
        output_tokens = synth.output_tokens if synth.output_tokens is not None else count_tokens(synth.output or "")
        usage = Usage(input_tokens=count(prompt_text(job)), output_tokens=min(output_tokens, job.request.max_tokens))
        cost = price(plan.model, usage)
        if cost is None:
            self.result.unpriced += 1
        else:
            self.result.cost += cost
            self.budget.used += cost

    def close(self) -> None:
        self.engine.tracker.ledger.close()


def _self_check(record: SelfCheck, job, synth: Synth, decision, may_escalate: bool) -> None:
    from lsp_router.core import CheckResult

    if not synth.checkable:
        return
    try:
        _answer, check = job.accept(synth.output, "stop")
    except Exception as exc:  # noqa: BLE001 - a check that crashes is a finding, not a stop
        check = CheckResult(False, f"the check raised {type(exc).__name__}: {exc}")
    record.checked += 1
    if not check.ok:
        record.failed += 1
        reason = f"{synth.task}: " + re.sub(r"\d+(?::\d+)?", "N", check.reason)
        record.reasons[reason] = record.reasons.get(reason, 0) + 1
        if decision.tier in ("nano", "mini") and not decision.pinned and may_escalate:
            record.failed_mini += 1
        if len(record.examples) < _SELF_CHECK_EXAMPLES:
            record.examples.append({"commit": synth.commit[:10], "path": synth.path, "line": synth.start[0] + 1,
                                    "task": synth.task, "reason": check.reason})
