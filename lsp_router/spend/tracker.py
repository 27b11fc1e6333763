"""One per server process: prices each call, writes it to the ledger, keeps the session's
totals in memory, and answers budget questions fast enough to ask on every request.

Savings, per row (saved = what always-frontier-without-cache would have cost - cost):
- a mini call: the frontier model's price for the same usage minus this call's cost;
- a frontier call: 0;
- the mini call of a cascade that was escalated (outcome "escalated"): minus its cost,
  since always-frontier would not have made it at all (the escalation wasted it);
- a cache hit: the original call's cost (the hit itself costs 0);
- a static answer (no model: a rename by scope analysis): what the frontier model would have
  cost for the same request (typed-ahead ghost text: 0, always-frontier reuses it too);
- 0 when this call or the frontier comparison is unpriced (nothing is invented).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lsp_router.core import STATIC_MODEL, ModelRef, Usage
from lsp_router.spend.budget import BudgetSettings, BudgetStatus, budget_state, combine, level
from lsp_router.spend.ledger import ANSWER_OUTCOMES, AnswerOutcome, Ledger, LedgerError, LedgerRow, sum_usd
from lsp_router.spend.pricing import Pricer
from lsp_router.spend.report import Totals, local_midnight

log = logging.getLogger(__name__)

__all__ = ["SpendTracker"]

_ZERO = Decimal(0)
_SEEN_MAX = 10_000


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass
class _DailyCache:
    day_start: float
    total: Decimal  # today's ledger total (every process) when fetched
    fetched_at: float  # monotonic
    pending: Decimal = _ZERO  # this process's costs recorded since the fetch


class SpendTracker:
    def __init__(
        self,
        ledger: Ledger,
        *,
        session: str,
        workspace: str,
        pricer: Pricer,
        budget: BudgetSettings,
        frontier_model: ModelRef,
        daily_refresh_s: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ledger = ledger
        self.workspace = workspace
        self.pricer = pricer
        self.budget = budget
        self.frontier_model = frontier_model
        self._daily_refresh_s = daily_refresh_s
        self._clock = clock
        self._lock = threading.RLock()
        self._daily: _DailyCache | None = None
        self._own_day: tuple[float, Decimal] = (0.0, _ZERO)  # fallback when the ledger cannot be read
        self._warned: dict[str, int] = {"session": 0, "daily": 0}
        self._unsaved: dict[str, LedgerRow] = {}
        self._start_session(session)

    def _start_session(self, session: str) -> None:
        self.session = session
        self._total = Totals()
        self._by_task: dict[str, Totals] = {}
        self._by_tier: dict[str, Totals] = {}
        self._last: LedgerRow | None = None
        # answer id -> (task, tier, outcome): the session's answers and what became of them
        self._answers: dict[str, tuple[str, str, str]] = {}
        # Recent request ids, to make a repeated record_call a no-op (retries come soon after).
        self._seen: dict[str, None] = dict.fromkeys(self._unsaved)

    # -- settings -----------------------------------------------------------------------

    def configure(
        self,
        *,
        pricer: Pricer | None = None,
        budget: BudgetSettings | None = None,
        frontier_model: ModelRef | None = None,
    ) -> None:
        with self._lock:
            if pricer is not None:
                self.pricer = pricer
            if budget is not None:
                self.budget = budget
            if frontier_model is not None:
                self.frontier_model = frontier_model

    def reset_session(self, new_session: str) -> None:
        with self._lock:
            self._start_session(new_session)

    # -- recording ----------------------------------------------------------------------

    def _saved(self, tier: str, model: ModelRef, usage: Usage, cost: Decimal | None, outcome: str) -> Decimal:
        if cost is None:
            return _ZERO
        if outcome == "escalated":
            return -cost
        if tier == "frontier" or model == self.frontier_model:
            return _ZERO
        frontier = self.pricer.price(self.frontier_model, usage).cost_usd
        if frontier is None:
            return _ZERO
        return frontier - cost

    def record_call(
        self,
        *,
        request_id: str,
        task: str,
        tier: str,
        model: ModelRef,
        usage: Usage,
        latency_ms: float,
        outcome: str,
        reason: str = "",
        error: str = "",
        provider_api: str = "openai",
        write: bool = True,
    ) -> LedgerRow:
        """Price one upstream call and record it. Each upstream call needs its own request_id
        (a cascade's mini and frontier calls are two ids); recording an id again is a no-op.
        Raises LedgerError if the row cannot be stored (the in-memory totals already count
        it; recording the same id again retries the write). `write=False` counts the row
        and leaves the ledger write to the next `flush()`."""
        with self._lock:
            price = self.pricer.price(model, usage, provider_api)
            cost = price.cost_usd
            saved = self._saved(tier, model, usage, cost, outcome)
            row = self._row(
                request_id, task, tier, model, usage, cost_usd=cost, saved_usd=saved, priced=cost is not None,
                price_source=price.source, latency_ms=float(latency_ms), outcome=outcome, cache_hit=False,
                reason=reason, error=error,
            )
            return self._record(row, write)

    def record_cache_hit(
        self,
        *,
        request_id: str,
        task: str,
        tier: str,
        model: ModelRef,
        original_cost: Decimal | None,
        reason: str = "",
        write: bool = True,
    ) -> LedgerRow:
        """A request answered from the cache: free, and it saved what the original call cost."""
        with self._lock:
            saved = original_cost if original_cost is not None else _ZERO
            row = self._row(
                request_id, task, tier, model, Usage(), cost_usd=_ZERO, saved_usd=saved, priced=True,
                price_source="cache", latency_ms=0.0, outcome="ok", cache_hit=True, reason=reason,
            )
            return self._record(row, write)

    def record_static(
        self,
        *,
        request_id: str,
        task: str,
        reason: str = "",
        frontier_usd: Decimal | None = None,
        write: bool = True,
    ) -> LedgerRow:
        """A request answered without a model (tier static): free; it saved what the frontier
        model would have cost for it (`frontier_usd`, 0 when unknown or unpriced)."""
        with self._lock:
            row = self._row(
                request_id, task, "static", STATIC_MODEL, Usage(), cost_usd=_ZERO,
                saved_usd=frontier_usd if frontier_usd is not None else _ZERO, priced=True,
                price_source="static", latency_ms=0.0, outcome="ok", cache_hit=False, reason=reason,
            )
            return self._record(row, write)

    def _row(self, request_id: str, task: str, tier: str, model: ModelRef, usage: Usage, **billing) -> LedgerRow:
        """A ledger row stamped now, in this session and workspace, with `usage`'s token counts;
        `billing` gives the rest (cost, savings, price source, latency, outcome, ...)."""
        return LedgerRow(
            request_id=request_id,
            ts=self._clock(),
            session=self.session,
            workspace=self.workspace,
            task=task,
            tier=tier,
            model=str(model),
            provider=model.provider,
            input_tokens=int(usage.input_tokens),
            output_tokens=int(usage.output_tokens),
            cache_read_tokens=int(usage.cache_read_tokens),
            cache_write_tokens=int(usage.cache_write_tokens),
            reasoning_tokens=int(usage.reasoning_tokens),
            estimated=bool(usage.estimated),
            **billing,
        )

    def flush(self) -> None:
        """Write the rows counted but not yet written, oldest first. Raises LedgerError
        (the rows stay queued for the next write)."""
        with self._lock:
            for request_id, pending in list(self._unsaved.items()):
                self.ledger.append(pending)
                del self._unsaved[request_id]

    @property
    def unsaved(self) -> int:
        return len(self._unsaved)

    def _record(self, row: LedgerRow, write: bool = True) -> LedgerRow:
        unsaved = self._unsaved.get(row.request_id)
        if unsaved is not None:  # a retry of a row the ledger refused: write it, count nothing
            self.ledger.append(unsaved)
            del self._unsaved[row.request_id]
            return unsaved
        if row.request_id in self._seen:
            return row
        self._seen[row.request_id] = None
        if len(self._seen) > _SEEN_MAX:
            del self._seen[next(iter(self._seen))]
        self._count(row)
        self._unsaved[row.request_id] = row
        if write:
            # Rows the ledger refused earlier go first, so a passing fault loses nothing.
            self.flush()
        return row

    def record_answer(
        self, answer_id: str, *, request_id: str, task: str, tier: str, bucket: str, outcome: str,
        accepted_chars: int | None = None,
    ) -> bool:
        """Record what became of an answer shown to the user ("shown" first, then a verdict).
        False for an unknown outcome or a "shown" already recorded. The ledger row is written
        now; a ledger that cannot take it is logged, the session's counts keep it."""
        if outcome not in ANSWER_OUTCOMES:
            return False
        with self._lock:
            known = self._answers.get(answer_id)
            if outcome == "shown" and known is not None:
                return False
            self._answers[answer_id] = (task, tier, outcome)
            row = AnswerOutcome(answer_id, request_id, self._clock(), self.session, task, tier, bucket,
                                outcome, accepted_chars)
            write = getattr(self.ledger, "record_answer", None)
            if write is not None:
                try:
                    write(row)
                except LedgerError as exc:
                    log.warning("lsp-router: answer outcome not written: %s", exc)
        return True

    def answer(self, answer_id: str) -> tuple[str, str, str] | None:
        """(task, tier, outcome) of an answer of this session, None when unknown."""
        with self._lock:
            return self._answers.get(answer_id)

    def quality(self) -> dict:
        """Accept rates of the session's answers by tier and by task ("partial" counts as accepted)."""
        with self._lock:
            by: dict[str, dict[str, list[int]]] = {"byTier": {}, "byTask": {}}
            for task, tier, outcome in self._answers.values():
                for group, name in (("byTier", tier), ("byTask", task)):
                    counts = by[group].setdefault(name, [0, 0])
                    counts[0] += 1
                    counts[1] += outcome in ("accepted", "partial")
            costs = {"byTier": self._by_tier, "byTask": self._by_task}
            return {
                group: {
                    name: {"shown": shown, "accepted": accepted,
                           "acceptRate": accepted / shown if shown else None,
                           # all this tier's (task's) spend over what was accepted: the figure that matters
                           "costPerAcceptedUsd": _f(costs[group][name].cost / accepted)
                           if accepted and name in costs[group] else None}
                    for name, (shown, accepted) in groups.items()
                }
                for group, groups in by.items()
            }

    def session_cost(self) -> Decimal:
        """What this session has cost so far (priced rows)."""
        with self._lock:
            return self._total.cost

    @property
    def last_row(self) -> LedgerRow | None:
        return self._last

    def _count(self, row: LedgerRow) -> None:
        self._total.add(row)
        self._by_task.setdefault(row.task, Totals()).add(row)
        self._by_tier.setdefault(row.tier, Totals()).add(row)
        self._last = row
        cost = row.cost_usd or _ZERO
        day_start = local_midnight(date.fromtimestamp(row.ts))
        own_day, own_total = self._own_day
        self._own_day = (day_start, own_total + cost if own_day == day_start else cost)
        if self._daily is not None and row.ts >= self._daily.day_start:
            self._daily.pending = sum_usd((self._daily.pending, cost))

    # -- budget -------------------------------------------------------------------------

    def _daily_used(self) -> Decimal:
        now = self._clock()
        day_start = local_midnight(date.fromtimestamp(now))
        cache = self._daily
        stale = (
            cache is None
            or cache.day_start != day_start
            or time.monotonic() - cache.fetched_at >= self._daily_refresh_s
        )
        if stale:
            try:
                total = self.ledger.total_cost(since=day_start)
            except LedgerError as exc:
                log.warning("cannot read today's spend: %s", exc)
                if cache is not None and cache.day_start == day_start:
                    return sum_usd((cache.total, cache.pending))
                own_day, own_total = self._own_day
                return own_total if own_day == day_start else _ZERO
            # rows counted but not written yet are not in the ledger's total
            unsaved = sum_usd([r.cost_usd or _ZERO for r in self._unsaved.values() if r.ts >= day_start])
            cache = self._daily = _DailyCache(day_start, total, time.monotonic(), unsaved)
        assert cache is not None
        return sum_usd((cache.total, cache.pending))

    @property
    def team(self):
        """The team ledger (spend/team.py TeamLedger) when one is configured, else None."""
        return self.ledger if hasattr(type(self.ledger), "totals") else None

    def _team_totals(self, fresh: bool = False):
        """(team today, team this month, user today, by user | None); this process's own spend
        before the team ledger was first read. `fresh`: a budget decision (see spend/team.py)."""
        team = self.team
        totals = team.totals(fresh=fresh) if team is not None else None
        if totals is None:
            own_day, own_total = self._own_day
            mine = own_total if own_day == local_midnight(date.fromtimestamp(self._clock())) else _ZERO
            return mine, mine, mine, None
        return totals

    def _team_statuses(self, totals=None) -> list[BudgetStatus]:
        b = self.budget
        if self.team is None or not b.team_caps:
            return []
        team_day, team_month, user_day, _ = totals or self._team_totals(fresh=True)
        out = []
        for scope, cap, used in (("teamDaily", b.team_daily_usd, team_day), ("teamMonthly", b.team_monthly_usd, team_month),
                                 ("userDaily", b.user_daily_usd, user_day)):
            if cap is not None:
                out.append(BudgetStatus(budget_state(used, cap, b.hard_stop), cap, used, scope))
        return out

    def _scope_statuses(self) -> list[BudgetStatus]:
        b = self.budget
        used = self._total.cost
        session = BudgetStatus(budget_state(used, b.session_usd, b.hard_stop), b.session_usd, used, "session")
        if b.daily_usd is None:
            daily = BudgetStatus("ok", None, _ZERO, "daily")
        else:
            daily_used = self._daily_used()
            daily = BudgetStatus(budget_state(daily_used, b.daily_usd, b.hard_stop), b.daily_usd, daily_used, "daily")
        return [session, daily, *self._team_statuses()]

    def budget_status(self) -> BudgetStatus:
        """The tightest cap's status. Reads the ledger at most every few seconds (daily cap
        only); the team's totals come from the team ledger's writer thread (spend/team.py)."""
        with self._lock:
            statuses = self._scope_statuses()
            if all(s.cap_usd is None for s in statuses):
                return BudgetStatus("ok", None, statuses[0].used_usd, None)
            return combine(*statuses)

    def team_snapshot(self) -> dict | None:
        """The spend object's `team`: the team's spend across machines, its budget, the
        ledger's state; `byUser` only when the database lets this role see it."""
        team = self.team
        if team is None:
            return None
        totals = self._team_totals()
        team_day, team_month, user_day, by_user = totals
        statuses = self._team_statuses(totals)
        if statuses:
            budget = combine(*statuses).as_json()
        else:
            budget = BudgetStatus("ok", None, team_day, None).as_json()
        out = {"costUsd": float(team_day), "monthCostUsd": float(team_month), "userCostUsd": float(user_day),
               "budget": budget, **team.status()}
        if by_user is not None:
            # a list: user names (emails) are no identifiers for every client's JSON reader
            out["byUser"] = [{"user": user, "costUsd": float(cost)}
                             for user, cost in sorted(by_user.items(), key=lambda item: (-item[1], item[0]))]
        return out

    def budget_warning(self) -> str | None:
        """A message the first time a cap's state reaches "near", and again at "over"/"stopped";
        None otherwise. Falling back below a level (a new day, a raised cap) re-arms it."""
        with self._lock:
            crossed: list[BudgetStatus] = []
            for status in self._scope_statuses():
                scope = status.scope or ""
                now_level = level(status.state) if status.cap_usd is not None else 0
                if now_level > self._warned.get(scope, 0):
                    crossed.append(status)
                self._warned[scope] = now_level
            if not crossed:
                return None
            worst = max(crossed, key=lambda s: level(s.state))
            return worst.message()

    # -- the editor's payload -------------------------------------------------------------

    def snapshot(self) -> dict:
        with self._lock:
            t = self._total
            session = {
                "id": self.session,
                "costUsd": float(t.cost),
                "savedUsd": float(t.saved),
                "frontierCostUsd": float(t.frontier_cost),
                "requests": t.requests,
                "cacheHits": t.cache_hits,
                "escalations": t.escalations,
                "errors": t.errors,
                "unpriced": t.unpriced,
                "byTask": {
                    task: {
                        "costUsd": float(x.cost),
                        "savedUsd": float(x.saved),
                        "requests": x.requests,
                        "cacheHits": x.cache_hits,
                        "escalations": x.escalations,
                    }
                    for task, x in self._by_task.items()
                },
                "byTier": {tier: {"costUsd": float(x.cost), "requests": x.requests} for tier, x in self._by_tier.items()},
                "budget": self.budget_status().as_json(),
                "quality": self.quality(),
            }
            last = None
            if self._last is not None:
                r = self._last
                last = {
                    "task": r.task,
                    "tier": r.tier,
                    "model": r.model,
                    "reason": r.reason,
                    "costUsd": _f(r.cost_usd),
                    "savedUsd": float(r.saved_usd),
                    "cached": r.cache_hit,
                    "outcome": r.outcome,
                    "priced": r.priced,
                    "estimated": r.estimated,
                    "inputTokens": r.input_tokens,
                    "outputTokens": r.output_tokens,
                    "latencyMs": r.latency_ms,
                }
            out = {"session": session, "last": last}
            team = self.team_snapshot()
            if team is not None:
                out["team"] = team
            return out
