"""One pipeline for every task: route, cache, call, check, escalate, record, notify.

Task modules describe a request as a `Job` (the prompt, the exact inputs for the cache key
and how to read and check an answer); this module does the rest, the same way for all.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
import time
import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Awaitable, Callable

from lsp_router.core import STATIC_MODEL, CheckResult, ModelRef
from lsp_router.providers import ProviderPool
from lsp_router.providers.base import MissingKey, ModelRequest, OnText, ProviderError, StreamState
from lsp_router.settings import Settings

log = logging.getLogger(__name__)

# Bump when a prompt changes: cached answers from older prompts must not be served.
PROMPT_VERSION = "2"  # 2: explain/refactor show the workspace-relative path


@dataclass
class Job:
    """One request as a task module describes it (see `lsp_router.tasks`)."""

    task: str
    uri: str
    features: Any  # routing.features.RequestFeatures
    request: ModelRequest
    cache_inputs: dict
    # The task's `accept(job, text, finish_reason)`: reads the model's text into the task's
    # answer (a JSON-able dict) and checks it, from what the task kept in `reading`.
    reader: Callable[["Job", str, str | None], tuple[dict | None, CheckResult]]
    reading: Any = None
    on_text: OnText | None = None
    # The task's answer without a model, for the static tier (`solve(job)` -> (answer, check));
    # None when the task has no such answer.
    solve: Callable[["Job"], tuple[dict | None, CheckResult]] | None = None

    def accept(self, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
        return self.reader(self, text, finish_reason)


@dataclass(frozen=True)
class Plan:
    """What the engine will do with a job: the routing decision, its model, its cache key."""

    decision: Any  # routing.policy.Decision
    model: ModelRef
    key: str


@dataclass
class JobResult:
    answer: dict | None
    model: ModelRef
    tier: str
    reason: str
    cost_usd: Decimal | None
    cached: bool = False
    escalated: bool = False
    check: CheckResult = field(default_factory=lambda: CheckResult(True))
    request_id: str = ""  # the ledger row of the call (the last, when escalated) or of the cache hit

    def summary(self) -> dict:
        return {
            "model": str(self.model),
            "tier": self.tier,
            "reason": self.reason,
            "costUsd": None if self.cost_usd is None else float(self.cost_usd),
            "cached": self.cached,
        }


class BudgetStopped(Exception):
    """The hard budget cap is reached and the answer is not in the cache."""


class Engine:
    def __init__(
        self,
        settings: Settings,
        tracker,
        cache,
        *,
        notify_spend: Callable[[], None] = lambda: None,
        on_budget_warning: Callable[[str], None] = log.warning,
        on_ledger_error: Callable[[str], None] = log.error,
        on_advice: Callable[[str, str], None] = lambda key, message: log.warning("%s", message),
        on_cache_warning: Callable[[str], None] = log.warning,
    ):
        self._on_ledger_error = on_ledger_error
        # (key, message): something the user can fix in their settings, shown once per key
        self._on_advice = on_advice
        self._on_cache_warning = on_cache_warning
        self.settings = settings
        self.tracker = tracker
        self.cache = cache
        self._cache_settings = _cache_identity(settings) if cache is not None else None
        self.workspace = ""  # the workspace root (URI or path): the shared cache's namespace
        self.providers = ProviderPool()
        self._notify_spend = notify_spend
        self._on_budget_warning = on_budget_warning
        # Runs bookkeeping the answer does not depend on (the ledger write, the cache
        # store, the spend notification). The server runs it right after the reply goes
        # out, so the user's wait does not include it; elsewhere it runs at once.
        self.after_reply: Callable[[Callable[[], None]], None] = lambda work: work()
        from lsp_router.cache.inflight import Inflight

        self.inflight = Inflight()
        # the team ledger (storage.ledger): the workspace its user is read from, and who hears
        # that it went offline or came back (from its writer thread)
        self.team_workspace: str | None = None
        self.on_team_change: Callable[[], None] | None = None
        self.on_team_problem: Callable[[str], None] | None = None
        # What routing learned (learning.LearnedRouting), set by whoever collects outcomes
        # (the server). Exploration sends a few requests to the other tier; its tally:
        self.learning = None
        self.explore = False
        self._requests = 0
        self._explored = 0
        self._explored_cost = Decimal(0)

    # -- settings -----------------------------------------------------------------------

    def configure(self, settings: Settings) -> None:
        """Take new settings: prices, budgets and models at once; the cache is reopened
        only when its own settings changed."""
        from lsp_router.spend.pricing import make_pricer

        self.settings = settings
        self.tracker.configure(pricer=make_pricer(settings), budget=settings.budget, frontier_model=settings.frontier)
        if self.team_workspace is not None:
            from lsp_router.spend.team import attach

            self.tracker.ledger = attach(self.tracker.ledger, settings, workspace=self.team_workspace,
                                         on_change=self.on_team_change, on_problem=self.on_team_problem)
        if self.cache is None or self._cache_settings != _cache_identity(settings):
            self.reopen_cache()

    def reopen_cache(self) -> None:
        from lsp_router.cache.store import open_cache

        if self.cache is not None:
            self.cache.close()
        self._cache_settings = _cache_identity(self.settings)
        self.cache = open_cache(self.settings.cache, warn=self._on_cache_warning)
        if self.settings.cache.shared and self.settings.storage.cache_url is not None:
            # The team's shared level (Redis) behind the local one; redis is imported only here.
            from lsp_router.cache.redis_store import open_shared_cache

            if self.cache.enabled:
                self.cache = open_shared_cache(self.cache, self.settings, self.workspace)

    # -- routing ------------------------------------------------------------------------

    def decide(self, task: str, features, budget: str | None = None) -> Any:
        """The routing decision; `budget` overrides the tracker's budget state (a simulation)."""
        from lsp_router.routing.policy import classify

        budget = self.tracker.budget_status().state if budget is None else budget
        return classify(
            task,
            features,
            mode=self.settings.routing.get(task, "auto"),
            thresholds=self.settings.thresholds,
            budget="over" if budget == "stopped" else budget,
            learned=self.learned_table(),
            nano=self.settings.nano is not None,
        )

    def learned_table(self):
        if self.learning is None or not self.settings.learn:
            return None
        return self.learning.table

    def _explored_plan(self, job: Job, decision) -> Any:
        """`decision`, or the other tier when this request may gather evidence there."""
        from lsp_router.routing.learn import Exploration, other_tier
        from lsp_router.routing.policy import explore

        other = other_tier(decision.tier)
        if not self.explore or self.learned_table() is None or other is None:
            return decision
        status = self.tracker.budget_status()
        request = job.request
        # Input ~4 characters a token and the full output allowance: on the high side.
        estimate = self.tracker.pricer.estimate(
            self.settings.model_for(other),
            (len(request.system) + len(request.context) + len(request.prompt) + 3) // 4,
            request.max_tokens,
        )
        used = Exploration(
            requests=self._requests, explored=self._explored, cost=self.tracker.session_cost(),
            explored_cost=self._explored_cost,
            budget_room=None if status.cap_usd is None else status.cap_usd - status.used_usd,
        )
        return explore(decision, self.learned_table(), estimate, used)

    def cache_key(self, job: Job, model: ModelRef) -> str:
        from lsp_router.cache.store import make_key

        return make_key(job.task, str(model), job.cache_inputs, prompt_version=PROMPT_VERSION)

    def plan(self, job: Job, budget: str | None = None) -> Plan:
        """The decision for `job`, the model it picks and the answer's cache key: what the
        server, the live replay and the dry run all route by."""
        decision = self.decide(job.task, job.features, budget)
        if budget is None:
            decision = self._explored_plan(job, decision)
        model = self.settings.model_for(decision.tier)
        return Plan(decision, model, self.cache_key(job, model))

    # -- the pipeline -------------------------------------------------------------------

    async def run(self, job: Job, before_call: Callable[[], Awaitable[bool]] | None = None) -> JobResult | None:
        """The answer to `job`; None when `before_call` says the request is no longer wanted."""
        plan = self.plan(job)
        decision, model, key = plan.decision, plan.model, plan.key
        log.info("%s %s -> %s", job.task, job.uri, decision.reason)
        self._requests += 1
        if decision.explored:
            self._explored += 1

        if decision.tier == "static":
            served = self._serve_static(job, decision)
            if served is not None:
                return served
            # the analysis could not answer after all: the rules without the static tier decide
            decision = self.decide(job.task, replace(job.features, scope_certain=False))
            model = self.settings.model_for(decision.tier)
            key = self.cache_key(job, model)

        hit = self.cache.get(key)
        if hit is not None:
            return self._serve_hit(job, decision, hit)
        if before_call is not None and not await before_call():
            return None

        if self.tracker.budget_status().state == "stopped":
            raise BudgetStopped(self._budget_stop_message())

        # Identical requests in flight share one upstream call (and its ledger rows); with a
        # shared cache, identical requests on other machines too (cache/shared_flight.py).
        call = lambda: self._call_and_check(job, decision, model, key)  # noqa: E731
        flight = getattr(self.cache, "flight", None)
        if flight is not None:
            cache = self.cache
            local_call = call
            call = lambda: flight.run(  # noqa: E731
                key, local_call, lambda entry: self._serve_hit(job, decision, entry),
                get_shared=cache.get_shared, release_later=self.after_reply)
        result = await self.inflight.run(key, call)
        if decision.explored and result is not None and result.cost_usd is not None:
            self._explored_cost += result.cost_usd
        if self.learning is not None:
            self.after_reply(self.learning.refresh)  # another window's outcomes, a reset from the CLI
        return result

    async def run_on(self, job: Job, tier: str, reason: str | None = None) -> JobResult:
        """`job` answered by `tier`'s model whatever the routing says (`lsp-router replay
        --compare` answers each request on both tiers): the cache is neither read nor
        written and a failed check does not escalate; the call is checked, priced and
        recorded in the ledger as any other. Honours a hard budget stop."""
        if self.tracker.budget_status().state == "stopped":
            raise BudgetStopped(self._budget_stop_message())
        model = self.settings.model_for(tier)
        reason = reason or f"{tier} (asked for this tier)"
        answer, check, cost, request_id = await self._call(job, tier, model, reason, escalate_on_fail=False)
        return JobResult(answer, model, tier, reason, cost, check=check, request_id=request_id)

    def _serve_static(self, job: Job, decision) -> JobResult | None:
        """The answer computed without a model: $0, recorded as tier static; it saves what the
        frontier model would have cost for the same request. None when the job has no static
        answer (the rules without the static tier decide then)."""
        if job.solve is None:
            return None
        answer, check = job.solve(job)
        if answer is None or not check.ok:
            # The scope analysis is the very check a model's answer would have to pass (a
            # clash, a name that does not parse): no model can do better, so no call is made.
            return JobResult(None, STATIC_MODEL, "static", decision.reason, Decimal(0), check=check)
        request_id = uuid.uuid4().hex
        self.record_static(job.task, decision.reason, request_id=request_id,
                           frontier_usd=self.frontier_estimate(job, answer.get("modelText", "")))
        return JobResult(answer, STATIC_MODEL, "static", decision.reason, Decimal(0), check=check,
                         request_id=request_id)

    def frontier_estimate(self, job: Job, output: str) -> Decimal | None:
        """What the frontier model would have been billed for `job` with `output` as its answer."""
        from lsp_router.tokens import count_tokens

        request = job.request
        return self.tracker.pricer.estimate(
            self.settings.frontier, count_tokens(request.system + request.context + request.prompt),
            count_tokens(output))

    def record_static(self, task: str, reason: str, *, request_id: str | None = None,
                      frontier_usd: Decimal | None = None) -> None:
        """A request served without a model (a static rename, typed-ahead ghost text): a $0 ledger
        row of tier static; the write and the spend notification come after the reply."""
        self._record(
            self.tracker.record_static,
            request_id=request_id or uuid.uuid4().hex, task=task, reason=reason,
            frontier_usd=frontier_usd, write=False,
        )
        self.after_reply(self._write_and_notify)

    def _serve_hit(self, job: Job, decision, hit) -> JobResult:
        original = Decimal(hit.cost_usd) if hit.cost_usd is not None else None
        model = ModelRef.parse(hit.model)
        request_id = uuid.uuid4().hex
        self._record(
            self.tracker.record_cache_hit,
            request_id=request_id, task=job.task, tier=hit.tier, model=model,
            original_cost=original, reason=f"{decision.reason} (cache hit)", write=False,
        )
        self.after_reply(self._write_and_notify)
        if job.on_text and hit.payload.get("markdown"):
            job.on_text(hit.payload["markdown"])
        return JobResult(hit.payload, model, hit.tier, f"{decision.reason} (cache hit)", Decimal(0), cached=True,
                         request_id=request_id)

    async def _call_and_check(self, job: Job, decision, model: ModelRef, key: str) -> JobResult:
        tier, reason = decision.tier, decision.reason
        answer, check, cost, request_id = await self._call(
            job, tier, model, reason, escalate_on_fail=self._may_escalate(decision, tier))
        escalated = False
        # The verified cascade climbs one rung at a time: nano, then mini, then frontier.
        while not check.ok and self._may_escalate(decision, tier):
            escalated = True
            tier = self._next_tier(tier)
            model = self.settings.model_for(tier)
            reason = f"{tier} (escalated): {check.reason}"
            log.info("%s %s escalated to %s: %s", job.task, job.uri, tier, check.reason)
            answer, check, more, request_id = await self._call(
                job, tier, model, reason, escalate_on_fail=self._may_escalate(decision, tier))
            cost = None if cost is None or more is None else cost + more
        if answer is not None and check.ok:
            from lsp_router.cache.store import CachedResult

            entry = CachedResult(answer, str(model), tier, None if cost is None else str(cost), time.time())
            self.after_reply(lambda: self.cache.put(key, entry))
        return JobResult(answer, model, tier, reason, cost, escalated=escalated, check=check, request_id=request_id)

    def _next_tier(self, tier: str) -> str | None:
        ladder = self.settings.tiers()
        at = ladder.index(tier) if tier in ladder else len(ladder)
        return ladder[at + 1] if at + 1 < len(ladder) else None

    def _may_escalate(self, decision, tier: str | None = None) -> bool:
        """Whether a failed check on `tier` (the decision's by default) calls the next rung."""
        tier = decision.tier if tier is None else tier
        if decision.pinned:
            return False
        upper = self._next_tier(tier)
        if upper is None or self.settings.model_for(upper) == self.settings.model_for(tier):
            return False
        return self.tracker.budget_status().state not in ("over", "stopped")

    async def _call(self, job: Job, tier: str, model: ModelRef, reason: str, *, escalate_on_fail: bool):
        from lsp_router.providers.reasoning import effort_for

        provider = self.providers.get(model.provider, self.settings.providers)
        config = self.settings.providers[model.provider]
        request = replace(
            job.request,
            timeout_s=min(job.request.timeout_s, self.settings.request_timeout_s),
            max_retries=min(job.request.max_retries, self.settings.max_retries),
            reasoning_effort=effort_for(job.task, model, config.api, self.settings.reasoning_effort.get(job.task, "auto")),
        )
        window = context_window(model, self.settings.providers[model.provider].context_window)
        if window is not None:
            request = fit_to_window(request, window, model)
        state = StreamState()
        request_id = uuid.uuid4().hex
        try:
            # Partial text streams even from a mini call that may yet be escalated: the
            # final result replaces the preview, and the user never waits on silence.
            completion = await provider.complete(model, request, state, job.on_text)
        except asyncio.CancelledError:
            self._record_unfinished(job, tier, model, reason, state, request_id, "cancelled", "")
            raise
        except ProviderError as exc:
            if not isinstance(exc, MissingKey):
                self._record_unfinished(job, tier, model, reason, state, request_id, "error", exc.message)
            raise
        answer, check = job.accept(completion.text, completion.finish_reason)
        if not check.ok:
            check = self._reasoning_check(job, model, request, completion) or check
        failed_mini = not check.ok and escalate_on_fail
        row = self._record(
            self.tracker.record_call,
            request_id=request_id, task=job.task, tier=tier, model=model, usage=completion.usage,
            latency_ms=completion.latency_ms, outcome="escalated" if failed_mini else "ok",
            reason=reason if check.ok else f"{reason}; check failed: {check.reason}", provider_api=completion.api,
            write=False,
        )
        self.after_reply(self._write_and_notify)
        return answer, check, row.cost_usd, request_id

    def _reasoning_check(self, job: Job, model: ModelRef, request: ModelRequest, completion) -> CheckResult | None:
        """A failed check whose cause is the model's reasoning, said so, with the setting that fixes it."""
        from lsp_router.providers.reasoning import spent_on_reasoning

        reasoning = completion.usage.reasoning_tokens if completion.usage else 0
        if not spent_on_reasoning(completion.text, completion.finish_reason, reasoning):
            return None
        effort = request.reasoning_effort or "its default"
        reason = (f"{model} spent its {request.max_tokens}-token output limit on reasoning ({reasoning} tokens) "
                  f"at effort {effort}")
        self._on_advice(
            f"reasoning:{job.task}:{model}",
            f"lsp-router: {reason}, so its {job.task} answers come back empty and escalate. Set "
            f"lspRouter.reasoningEffort.{job.task} to the least effort {model.name} accepts (none, minimal or low).",
        )
        return CheckResult(False, reason)

    def _record_unfinished(self, job, tier, model, reason, state: StreamState, request_id, outcome, error):
        """A cancelled or failed call is still billed for what the provider already did."""
        if not state.sent:
            return
        from lsp_router.core import Usage
        from lsp_router.providers.sdk import estimate_usage
        from lsp_router.tokens import count_tokens

        usage = state.usage
        if usage is None or (usage.output_tokens == 0 and state.text):
            estimate = estimate_usage(job.request, state.text, count_tokens)
            usage = Usage(
                input_tokens=usage.input_tokens if usage else estimate.input_tokens,
                output_tokens=estimate.output_tokens,
                cache_read_tokens=usage.cache_read_tokens if usage else 0,
                cache_write_tokens=usage.cache_write_tokens if usage else 0,
                estimated=True,
            )
        elif not usage.estimated and outcome == "cancelled":
            usage.estimated = True
        if outcome == "error" and not state.text and state.usage is None:
            # Refused before any work (401, 429, 5xx, unreachable): nothing is billed.
            usage = Usage()
        latency = (time.monotonic() - state.started_at) * 1000 if state.started_at else 0.0
        self._record(
            self.tracker.record_call,
            request_id=request_id, task=job.task, tier=tier, model=model, usage=usage,
            latency_ms=latency, outcome=outcome, reason=reason, error=error, provider_api=state.api or "openai-chat",
        )
        self._after_record()

    def _record(self, record, **row):
        """A ledger that cannot be written never fails the request the user is waiting for.

        The tracker has already counted the row in memory; the failure is shown once and
        the next write retries (the tracker keeps unsaved rows)."""
        from lsp_router.spend.ledger import LedgerError

        try:
            return record(**row)
        except LedgerError as exc:
            self._on_ledger_error(str(exc))
            return self.tracker.last_row

    def _write_and_notify(self) -> None:
        """Write the rows counted so far, then tell the client. A ledger that cannot be
        written is shown, and its rows stay queued for the next write."""
        from lsp_router.spend.ledger import LedgerError

        try:
            self.tracker.flush()
        except LedgerError as exc:
            self._on_ledger_error(str(exc))
        self._after_record()

    def _after_record(self) -> None:
        self._notify_spend()
        warning = self.tracker.budget_warning()
        if warning:
            self._on_budget_warning(warning)

    def _budget_stop_message(self) -> str:
        return self.tracker.budget_status().message()

    def estimate(self, task: str, features, input_tokens: int, output_tokens: int):
        decision = self.decide(task, features)
        model = self.settings.model_for(decision.tier)
        return decision, self.tracker.pricer.estimate(model, input_tokens, output_tokens)

    async def aclose(self) -> None:
        for _, provider in list(self.providers._providers.values()):
            try:
                await provider.aclose()
            except Exception:  # closing on shutdown must not mask anything else
                pass


def _cache_identity(settings: Settings) -> tuple:
    """What the result cache is opened from: a change reopens it."""
    team = getattr(getattr(settings, "team", None), "name", None)
    return (settings.cache, settings.storage, team)


def open_engine(
    settings: Settings,
    *,
    session: str,
    workspace: str = "",
    ledger: Any = None,
    with_cache: bool = True,
    on_ledger_unavailable: Callable[[str], None] | None = None,
    on_team_change: Callable[[], None] | None = None,
    on_team_problem: Callable[[str], None] | None = None,
    **events,
) -> Engine:
    """The engine, its spend tracker and ledger, and its result cache, built one way for the
    server and the replay.

    `ledger`: a ledger, or a path for one; the default ledger when None. When it cannot be
    opened, `on_ledger_unavailable` hears why and the rows are kept in memory; without that
    callback the LedgerError is raised. `with_cache=False` leaves the engine without a cache
    (the dry run keeps its own). `events`: the Engine's callbacks.
    """
    from pathlib import Path

    from lsp_router.spend.ledger import LedgerError, open_ledger
    from lsp_router.spend.pricing import make_pricer
    from lsp_router.spend.tracker import SpendTracker

    # the team ledger takes the rows of the user's own ledger (the server, a live replay), never
    # those of a ledger handed in (a dry run's in-memory one)
    team_eligible = ledger is None or (isinstance(ledger, (str, Path)) and str(ledger) != ":memory:")
    if ledger is None or isinstance(ledger, (str, Path)):
        try:
            ledger = open_ledger(ledger)
        except LedgerError as exc:
            if on_ledger_unavailable is None:
                raise
            # Spend is never silently unrecorded: say so, and keep the rows in memory.
            on_ledger_unavailable(str(exc))
            ledger = open_ledger(":memory:")
    if settings.storage.team_ledger and team_eligible:
        from lsp_router.spend.team import attach  # psycopg loads only now, and only in its thread

        ledger = attach(ledger, settings, workspace=workspace, on_change=on_team_change, on_problem=on_team_problem)
    tracker = SpendTracker(
        ledger, session=session, workspace=workspace, pricer=make_pricer(settings),
        budget=settings.budget, frontier_model=settings.frontier,
    )
    engine = Engine(settings, tracker, None, **events)
    engine.workspace = workspace
    engine.team_workspace = workspace if team_eligible else None
    engine.on_team_change = on_team_change
    engine.on_team_problem = on_team_problem
    if with_cache:
        engine.reopen_cache()
    return engine


def close_engine(engine: Engine) -> None:
    """Close what `open_engine` opened (after `await engine.aclose()` for the providers)."""
    engine.tracker.ledger.close()
    if engine.cache is not None:
        engine.cache.close()


# Characters per token, on the safe side for code: trimming a little early beats a 400.
_CHARS_PER_TOKEN = 3.0


def context_window(model: ModelRef, configured: int | None) -> int | None:
    if configured is not None:
        return configured
    return _known_window(model.provider, model.name)


@lru_cache(maxsize=64)
def _known_window(provider: str, name: str) -> int | None:
    from genai_prices import data_snapshot

    try:
        _, found = data_snapshot.get_snapshot().find_provider_model(name, None, provider, None)
    except LookupError:
        return None
    return getattr(found, "context_window", None)


def fit_to_window(request: ModelRequest, window: int, model: ModelRef) -> ModelRequest:
    """Trim the file context (then the prompt's middle) so the request fits the model's window."""
    budget_chars = int((window - request.max_tokens) * _CHARS_PER_TOKEN) - len(request.system) - 200
    size = len(request.context) + len(request.prompt)
    if size <= budget_chars:
        return request
    context, prompt = request.context, request.prompt
    room_for_context = max(0, budget_chars - len(prompt))
    context = _cut_middle(context, room_for_context)
    if len(context) + len(prompt) > budget_chars:
        prompt = _cut_middle(prompt, max(200, budget_chars - len(context)))
    log.warning(
        "trimmed the prompt for %s from %d to %d characters to fit its %d-token context window",
        model, size, len(context) + len(prompt), window,
    )
    return replace(request, context=context, prompt=prompt)


def _cut_middle(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    if limit < 40:
        return ""
    half = (limit - 20) // 2
    return text[:half] + "\n… (trimmed) …\n" + text[-half:]
