"""What a replay counts: tallies per task and tier, the self-check, the options, the result, the progress bar."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from lsp_router.core import TASKS
from lsp_router.replay.git import Commit
from lsp_router.settings import Settings

if TYPE_CHECKING:
    from lsp_router.replay.synth import Synth

__all__ = ["COLUMNS", "Alternative", "Tally", "SelfCheck", "ReplayOptions", "ReplayResult", "Progress"]

COLUMNS = ("routed", "frontier", "mini")


def _zero_costs() -> dict[str, Decimal]:
    return {c: Decimal(0) for c in COLUMNS}


@dataclass
class Tally:
    requests: int = 0
    cache_hits: int = 0
    escalations: int = 0
    errors: int = 0
    refused: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: dict[str, Decimal] = field(default_factory=_zero_costs)
    unpriced: dict[str, int] = field(default_factory=lambda: {c: 0 for c in COLUMNS})

    def add(self, other: "Tally") -> None:
        for name in ("requests", "cache_hits", "escalations", "errors", "refused", "input_tokens", "output_tokens"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for c in COLUMNS:
            self.cost[c] += other.cost[c]
            self.unpriced[c] += other.unpriced[c]

    def as_json(self) -> dict:
        return {
            "requests": self.requests,
            "cacheHits": self.cache_hits,
            "inputTokens": self.input_tokens,
            "outputTokens": self.output_tokens,
            "costUsd": {c: (None if self.unpriced[c] and self.cost[c] == 0 else float(self.cost[c])) for c in COLUMNS},
            "unpriced": dict(self.unpriced),
        }


@dataclass
class SelfCheck:
    checked: int = 0
    failed: int = 0
    failed_mini: int = 0  # on requests routed to mini that may escalate: would escalate
    reasons: dict[str, int] = field(default_factory=dict)
    # the first few failures, where to look: commit, file, line, reason
    examples: list[dict] = field(default_factory=list)


_SELF_CHECK_EXAMPLES = 5


@dataclass
class ReplayOptions:
    repo: str
    commits: int = 20
    since: str | None = None
    dry_run: bool = False
    settings: Settings = field(default_factory=Settings)
    max_requests: int = 50
    progress: bool | None = None  # None: when stderr is a terminal
    stream: Any = None  # where the progress bar goes (stderr)
    live: bool = False  # --live: call the providers, an error without keys
    compare: bool = False  # --compare (with --live): both tiers on a sample, scored against the commits
    yes: bool = False  # --yes: no confirmation of a compare estimated over $1
    # asks the user to confirm a cost (the message); True/False, or None when nobody can be asked
    confirm: Callable[[str], bool | None] | None = None


@dataclass
class ReplayResult:
    repo: str
    mode: str  # "dry-run" | "live"
    mode_note: str
    mini: str
    frontier: str
    commits: list[Commit] = field(default_factory=list)
    shallow: bool = False
    files: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    rows: dict[tuple[str, str], Tally] = field(default_factory=dict)
    self_check: SelfCheck = field(default_factory=SelfCheck)
    synthesized: int = 0
    failed: int = 0  # requests (or files) that could not be analysed
    elapsed_s: float = 0.0
    billed: dict | None = None  # live: the tracker's session snapshot
    session: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    compare: Any = None  # --compare: replay.compare.CompareResult
    nano: str | None = None  # models.nano, when set
    # dry run: the same requests routed the other way for models.nano (with it when unset,
    # without it when set), so that both figures come from one run
    alternative: "Alternative | None" = None

    def tier_shares(self) -> dict[str, float]:
        """Each tier's share of the requests, cheapest tier first."""
        from lsp_router.core import TIERS

        counts: dict[str, int] = {}
        for (_task, tier), tally in self.rows.items():
            counts[tier] = counts.get(tier, 0) + tally.requests
        total = sum(counts.values())
        order = sorted(counts, key=lambda t: TIERS.index(t) if t in TIERS else len(TIERS))
        return {tier: counts[tier] / total for tier in order} if total else {}

    def row(self, task: str, tier: str) -> Tally:
        return self.rows.setdefault((task, tier), Tally())

    def total(self) -> Tally:
        t = Tally()
        for tally in self.rows.values():
            t.add(tally)
        return t

    def ratio(self) -> float | None:
        t = self.total()
        if t.unpriced["routed"] or t.unpriced["frontier"] or t.cost["routed"] <= 0:
            return None
        return float(t.cost["frontier"] / t.cost["routed"])

    def as_json(self) -> dict:
        total = self.total()
        by_task: dict[str, Any] = {}
        for task in TASKS:
            t = Tally()
            tiers = {}
            for (row_task, tier), tally in self.rows.items():
                if row_task == task:
                    t.add(tally)
                    tiers[tier] = tally.requests
            if t.requests or tiers:
                by_task[task] = {**t.as_json(), "tiers": tiers}
        by_tier: dict[str, Any] = {}
        for (task, tier), tally in self.rows.items():
            by_tier.setdefault(tier, Tally()).add(tally)
        times = [c.time for c in self.commits]
        return {
            "repo": self.repo,
            "mode": self.mode,
            "modeNote": self.mode_note,
            "models": {"mini": self.mini, "frontier": self.frontier, **({"nano": self.nano} if self.nano else {})},
            "tierShares": self.tier_shares(),
            **({"alternative": {**self.alternative.as_json(), "ratio": self.alternative.ratio(total.cost["frontier"])}}
               if self.alternative is not None else {}),
            "commits": len(self.commits),
            "firstCommit": self.commits[0].sha if self.commits else None,
            "lastCommit": self.commits[-1].sha if self.commits else None,
            "from": _iso(min(times)) if times else None,
            "to": _iso(max(times)) if times else None,
            "shallow": self.shallow,
            "files": self.files,
            "skippedFiles": dict(self.skipped),
            "requests": total.requests,
            "synthesized": self.synthesized,
            "cacheHits": total.cache_hits,
            "escalations": total.escalations if self.mode == "live" else None,
            "errors": total.errors,
            "refusedByBudget": total.refused,
            "failed": self.failed,
            "tokens": {"input": total.input_tokens, "output": total.output_tokens},
            "costUsd": total.as_json()["costUsd"],
            "unpriced": dict(total.unpriced),
            "ratio": self.ratio(),
            "byTask": by_task,
            "byTier": {tier: t.as_json() for tier, t in by_tier.items()},
            "rows": [{"task": task, "tier": tier, **t.as_json(), "escalations": t.escalations}
                     for (task, tier), t in sorted(self.rows.items(), key=lambda kv: (TASKS.index(kv[0][0]), kv[0][1]))],
            "selfCheck": {
                "checked": self.self_check.checked,
                "failed": self.self_check.failed,
                "failedOnMini": self.self_check.failed_mini,
                "reasons": dict(self.self_check.reasons),
                "examples": list(self.self_check.examples),
            } if self.mode == "dry-run" else None,
            "billed": self.billed,
            "session": self.session,
            "notes": list(self.notes),
            "elapsedS": round(self.elapsed_s, 3),
            **({"quality": self.compare.as_json(), "costRatio": self.compare.cost_ratio()}
               if self.compare is not None else {}),
        }


@dataclass
class Alternative:
    """The dry run's requests routed with models.nano toggled: its cost and tier shares."""

    nano: str | None  # the nano model of this routing; None: without a nano tier
    cost: Decimal = Decimal(0)
    unpriced: int = 0
    tiers: dict[str, int] = field(default_factory=dict)

    def ratio(self, frontier_cost: Decimal) -> float | None:
        if self.unpriced or self.cost <= 0:
            return None
        return float(frontier_cost / self.cost)

    def shares(self) -> dict[str, float]:
        from lsp_router.core import TIERS

        total = sum(self.tiers.values())
        order = sorted(self.tiers, key=lambda t: TIERS.index(t) if t in TIERS else len(TIERS))
        return {tier: self.tiers[tier] / total for tier in order} if total else {}

    def as_json(self) -> dict:
        return {"nano": self.nano, "costUsd": None if self.unpriced else float(self.cost),
                "unpriced": self.unpriced, "tierShares": self.shares()}


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


class Progress:
    """`[#####.....] 12/50 commits` on stderr, redrawn in place; only on a terminal."""

    WIDTH = 30

    def __init__(self, total: int, unit: str, stream=None, enabled: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.total = max(1, total)
        self.unit = unit
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = bool(enabled)
        self._last = -1
        self._width = 0

    def update(self, done: int) -> None:
        if not self.enabled or done == self._last:
            return
        self._last = done
        filled = int(self.WIDTH * done / self.total)
        text = f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{self.total} {self.unit}"
        self._width = max(self._width, len(text))
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def _failed(result: ReplayResult, synth: Synth, exc: Exception) -> None:
    result.failed += 1
    if result.failed == 1:
        result.notes.append(f"could not build a {synth.task} request on {synth.path} ({type(exc).__name__}: {exc})")
