"""Routing that learns from what users accept (issue 14 §2). Pure: counts in, verdicts out.

The learned table maps a features bucket (`features.features_bucket`: task, the classifier's
kind, a size band) to accept counts per tier, taken from the answers' outcomes in the ledger.
A bucket's verdict compares mini's accept rate with frontier's by a confidence bound on the
difference (Agresti-Caffo: one success and one failure added to each side, so that 0/10 and
10/10 still have a spread), never by a raw ratio:

* "frontier": mini is clearly worse here (the gap's lower bound is above zero);
* "mini": mini is as good here (the gap's upper bound is under `MATCH_TOLERANCE`);
* None: not enough evidence either way (fewer than `MIN_SAMPLES` settled answers on a tier,
  or a gap that may be zero or may be large).

With `models.nano`, a nano bucket is judged the same way against mini: nano clearly worse
moves it up to mini; exploration from nano tries mini.

The policy applies a verdict only against the rules' own choice (a mini bucket moves up, a
frontier bucket moves down) and says so in the reason. Exploration sends a small, bounded
share of requests to the other tier so that both tiers have evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

__all__ = [
    "features_bucket", "TierCounts", "LearnedTable", "Verdict", "verdict", "MIN_SAMPLES", "MATCH_TOLERANCE",
    "EXPLORE_SHARE", "EXPLORE_UNTIL", "Exploration", "may_explore", "other_tier",
]

MIN_SAMPLES = 5  # settled answers per tier before a bucket can move
Z = 1.645  # one-sided 95%
MATCH_TOLERANCE = 0.10  # "as good": frontier's lead is surely under 10 points
EXPLORE_SHARE = Decimal("0.05")  # of requests and of spend
EXPLORE_UNTIL = 20  # settled answers of the other tier in a bucket after which it is not explored


# Size bands of `context_tokens` for `features_bucket` (upper bounds, exclusive).
_SIZE_BANDS = ((200, "xs"), (800, "s"), (3000, "m"), (12000, "l"))


def _size_band(tokens: int) -> str:
    for bound, name in _SIZE_BANDS:
        if tokens < bound:
            return name
    return "xl"


def features_bucket(features) -> str:
    """A short, stable label of a request's routing features, for grouping answer outcomes.

    `task/kind/size`: kind is the cursor kind (autocomplete), the symbol scope (rename) or the
    instruction kind (refactor), "-" when none; size is a band of `context_tokens`
    (xs < 200 <= s < 800 <= m < 3000 <= l < 12000 <= xl). Pure; holds nothing of the code.
    """
    kind = features.cursor or features.symbol_scope or features.instruction_kind or "-"
    return f"{features.task}/{kind}/{_size_band(max(0, int(features.context_tokens)))}"


@dataclass(frozen=True)
class TierCounts:
    """Settled answers of one tier in one bucket: `settled` = accepted + partial + dismissed."""

    settled: int = 0
    accepted: int = 0

    @property
    def rate(self) -> float | None:
        return self.accepted / self.settled if self.settled else None

    def plus(self, settled: int, accepted: int) -> "TierCounts":
        return TierCounts(max(0, self.settled + settled), max(0, self.accepted + accepted))


# bucket -> tier -> counts
LearnedTable = Mapping[str, Mapping[str, TierCounts]]


@dataclass(frozen=True)
class Verdict:
    tier: str  # "nano" | "mini" | "frontier"
    why: str  # e.g. "mini accepted 9% vs frontier 46% here (n=57)"


def _gap_bounds(mini: TierCounts, frontier: TierCounts) -> tuple[float, float]:
    """Confidence bounds of frontier's accept rate minus mini's."""
    pm = (mini.accepted + 1) / (mini.settled + 2)
    pf = (frontier.accepted + 1) / (frontier.settled + 2)
    spread = Z * math.sqrt(pm * (1 - pm) / (mini.settled + 2) + pf * (1 - pf) / (frontier.settled + 2))
    gap = pf - pm
    return gap - spread, gap + spread


def _percent(counts: TierCounts) -> str:
    return f"{round(100 * (counts.rate or 0))}%"


def verdict(counts: Mapping[str, TierCounts] | None, lower: str = "mini", upper: str = "frontier") -> Verdict | None:
    """The bucket's learned tier between `lower` and `upper` (mini and frontier, or nano and
    mini), or None while the evidence does not decide."""
    if not counts:
        return None
    low_counts, high_counts = counts.get(lower), counts.get(upper)
    if low_counts is None or high_counts is None or min(low_counts.settled, high_counts.settled) < MIN_SAMPLES:
        return None
    low, high = _gap_bounds(low_counts, high_counts)
    why = (f"{lower} accepted {_percent(low_counts)} vs {upper} {_percent(high_counts)} here "
           f"(n={low_counts.settled + high_counts.settled})")
    if low > 0:
        return Verdict(upper, why)
    if high < MATCH_TOLERANCE:
        return Verdict(lower, why)
    return None


def other_tier(tier: str) -> str | None:
    """Where exploration gathers evidence for a request routed to `tier`: the rung above a
    nano or mini decision, mini for a frontier one."""
    return {"nano": "mini", "mini": "frontier", "frontier": "mini"}.get(tier)


@dataclass(frozen=True)
class Exploration:
    """What exploration has used so far (one server session) and what it may use."""

    requests: int = 0  # routed requests, explored ones included
    explored: int = 0
    cost: Decimal = Decimal(0)  # the session's spend
    explored_cost: Decimal = Decimal(0)
    budget_room: Decimal | None = None  # what the tightest budget cap still allows; None: no cap


def may_explore(counts: Mapping[str, TierCounts] | None, tier: str, estimate: Decimal | None,
                used: Exploration, share: Decimal = EXPLORE_SHARE) -> bool:
    """Whether this request, routed to `tier`, may try the other tier instead.

    Only while the other tier has little evidence in the bucket, and up from mini only where
    mini has answered `MIN_SAMPLES` times and missed more than `MATCH_TOLERANCE` of them (a
    bucket where mini is nearly always accepted cannot move up); never more than `share` of
    the requests or of the spend (counting this one at `estimate`, its cost on the other
    tier; unknown is no), and never past a budget cap.
    """
    other = other_tier(tier)
    if other is None or estimate is None:
        return False
    counts = counts or {}
    if counts.get(other, TierCounts()).settled >= EXPLORE_UNTIL:
        return False
    if tier in ("nano", "mini"):
        # The rung above is worth paying for only where this tier has shown it leaves room to do better.
        here = counts.get(tier, TierCounts())
        if here.settled < MIN_SAMPLES or (here.rate or 0) >= 1 - MATCH_TOLERANCE:
            return False
    if used.explored + 1 > share * (used.requests + 1):
        return False
    if used.explored_cost + estimate > share * (used.cost + estimate):
        return False
    return used.budget_room is None or estimate <= used.budget_room
