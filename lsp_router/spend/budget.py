"""Spending caps: `budget.sessionUsd`, `budget.dailyUsd`, `budget.hardStop`.

A cap's state is "ok" below 80% of it, "near" from 80%, "over" from 100%, and "stopped"
when over with `hardStop` on (the engine then refuses paid calls; cache hits stay free).
With both caps set, the status reports the tighter one: the scope whose state is worse,
or, at the same state, the one with the larger share used.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lsp_router.settings import BudgetSettings

__all__ = ["BudgetSettings", "BudgetStatus", "budget_state", "NEAR_FRACTION", "STATES"]

NEAR_FRACTION = Decimal("0.8")
STATES = ("ok", "near", "over", "stopped")
_LEVEL = {"ok": 0, "near": 1, "over": 2, "stopped": 2}
_SETTING = {"session": "budget.sessionUsd", "daily": "budget.dailyUsd", "teamDaily": "budget.team.dailyUsd",
            "teamMonthly": "budget.team.monthlyUsd", "userDaily": "budget.user.dailyUsd"}
# who spent it, and when: "lsp-router has spent $X today"
_WHO = {"session": ("lsp-router has", "this session"), "daily": ("lsp-router has", "today"),
        "teamDaily": ("the team has", "today"), "teamMonthly": ("the team has", "this month"),
        "userDaily": ("you have", "today on all your machines")}
TEAM_SCOPES = ("teamDaily", "teamMonthly", "userDaily")


def budget_state(used: Decimal, cap: Decimal | None, hard_stop: bool) -> str:
    """The state of one cap."""
    if cap is None:
        return "ok"
    if used >= cap:
        return "stopped" if hard_stop else "over"
    if used >= cap * NEAR_FRACTION:
        return "near"
    return "ok"


@dataclass(frozen=True)
class BudgetStatus:
    state: str  # "ok" | "near" | "over" | "stopped"
    cap_usd: Decimal | None
    used_usd: Decimal
    scope: str | None  # "session" | "daily" | "teamDaily" | "teamMonthly" | "userDaily"; None: no cap set

    @property
    def setting(self) -> str | None:
        """The setting that sets this cap, e.g. "budget.dailyUsd"."""
        return _SETTING.get(self.scope or "")

    @property
    def blocks_paid_calls(self) -> bool:
        return self.state == "stopped"

    def as_json(self) -> dict:
        return {
            "cap": None if self.cap_usd is None else float(self.cap_usd),
            "used": float(self.used_usd),
            "state": self.state,
            "scope": self.scope,
        }

    def message(self) -> str:
        """One sentence for the user about this status (warnings and the hard-stop error)."""
        if self.cap_usd is None or self.scope is None:
            return f"lsp-router has spent {_usd(self.used_usd)} this session (no budget set)."
        who, what = _WHO.get(self.scope, ("lsp-router has", "today"))
        spent = f"{who} spent {_usd(self.used_usd)} {what} of the {_usd(self.cap_usd)} budget ({self.setting})"
        if self.state == "near":
            return f"{spent}: {_percent(self.used_usd, self.cap_usd)} used."
        if self.state == "over":
            return f"{spent}: the budget is used up; calls continue because budget.hardStop is off."
        if self.state == "stopped":
            return (
                f"{spent}: paid model calls are stopped (budget.hardStop); cached results still work. "
                f"Raise {self.setting} to continue."
            )
        return f"{spent}."


def _usd(value: Decimal) -> str:
    from lsp_router.spend.money import format_usd

    return format_usd(value)


def _percent(used: Decimal, cap: Decimal) -> str:
    if cap == 0:
        return "100%"
    return f"{int(used * 100 / cap)}%"


def combine(session: BudgetStatus, *others: BudgetStatus) -> BudgetStatus:
    """The tightest of the statuses (the first on a tie)."""
    candidates = [s for s in (session, *others) if s.cap_usd is not None]
    if not candidates:
        return session

    def tightness(status: BudgetStatus) -> tuple[int, Decimal]:
        cap = status.cap_usd
        assert cap is not None
        share = Decimal("Infinity") if cap == 0 else status.used_usd / cap
        return (_LEVEL[status.state], share)

    return max(candidates, key=tightness)  # max keeps the first (session) on a tie


def level(state: str) -> int:
    """0 ok, 1 near, 2 over/stopped."""
    return _LEVEL[state]
