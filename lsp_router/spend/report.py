"""Totals over ledger rows, grouped, as a terminal table or JSON.

`Totals` is also what the tracker keeps per session, task and tier, so the editor's
numbers and `lsp-router spend` are computed the same way:
- `requests` counts user-visible requests: every row except the "escalated" row of a
  cascade (that mini call is billed and counted in `escalations`; its request is counted
  once, by the row that answered it);
- `cost` sums priced rows exactly; rows without a price are counted in `unpriced`;
- `saved` sums the rows' savings; `frontier_cost` = cost + saved, what sending everything
  to the frontier model without a cache would have cost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from lsp_router.spend.ledger import AnswerOutcome, LedgerRow, sum_usd
from lsp_router.spend.money import format_usd

__all__ = ["Totals", "GROUP_BY", "TEAM_GROUP_BY", "group_key", "aggregate", "from_groups", "Report", "render_table", "local_midnight"]

GROUP_BY = ("task", "model", "tier", "day")
TEAM_GROUP_BY = ("user", "day", "model", "tier", "task")  # `spend --team`: the team ledger's rows have a user


def _f(value: Decimal) -> float:
    return float(value)


@dataclass
class Totals:
    cost: Decimal = Decimal(0)
    saved: Decimal = Decimal(0)
    requests: int = 0
    calls: int = 0  # ledger rows, escalated ones included
    cache_hits: int = 0
    escalations: int = 0
    errors: int = 0
    cancelled: int = 0
    unpriced: int = 0
    estimated: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    unpriced_models: set[str] = field(default_factory=set)
    # answers shown to the user and how many were accepted ("partial" counts), from the ledger's answers
    shown: int = 0
    accepted: int = 0

    def add_answer(self, outcome: str) -> None:
        self.shown += 1
        self.accepted += outcome in ("accepted", "partial")

    @property
    def accept_rate(self) -> float | None:
        return self.accepted / self.shown if self.shown else None

    @property
    def cost_per_accepted(self) -> Decimal | None:
        """What one accepted answer cost: everything spent here over what was accepted."""
        return self.cost / self.accepted if self.accepted else None

    def add(self, row: LedgerRow) -> None:
        self.calls += 1
        if row.outcome == "escalated":
            self.escalations += 1
        else:
            self.requests += 1
        if row.outcome == "error":
            self.errors += 1
        elif row.outcome == "cancelled":
            self.cancelled += 1
        if row.cache_hit:
            self.cache_hits += 1
        if row.cost_usd is None:
            self.unpriced += 1
            self.unpriced_models.add(row.model)
        else:
            self.cost = sum_usd((self.cost, row.cost_usd))
        self.saved = sum_usd((self.saved, row.saved_usd))
        if row.estimated:
            self.estimated += 1
        self.input_tokens += row.input_tokens
        self.output_tokens += row.output_tokens
        self.cache_read_tokens += row.cache_read_tokens
        self.cache_write_tokens += row.cache_write_tokens

    @property
    def frontier_cost(self) -> Decimal:
        return sum_usd((self.cost, self.saved))

    def as_json(self) -> dict:
        return {
            "costUsd": _f(self.cost),
            "savedUsd": _f(self.saved),
            "frontierCostUsd": _f(self.frontier_cost),
            "requests": self.requests,
            "calls": self.calls,
            "cacheHits": self.cache_hits,
            "escalations": self.escalations,
            "errors": self.errors,
            "cancelled": self.cancelled,
            "unpriced": self.unpriced,
            "estimated": self.estimated,
            "inputTokens": self.input_tokens,
            "outputTokens": self.output_tokens,
            "cacheReadTokens": self.cache_read_tokens,
            "cacheWriteTokens": self.cache_write_tokens,
            "shown": self.shown,
            "accepted": self.accepted,
            "acceptRate": self.accept_rate,
            "costPerAcceptedUsd": None if self.cost_per_accepted is None else _f(self.cost_per_accepted),
        }


def group_key(row: LedgerRow, by: str) -> str:
    if by == "day":
        return date.fromtimestamp(row.ts).isoformat()  # local date
    if by in ("task", "model", "tier", "user"):
        return str(getattr(row, by, ""))
    raise ValueError(f"cannot group by {by!r} (expected one of {', '.join(TEAM_GROUP_BY)})")


@dataclass
class Report:
    by: str
    total: Totals
    groups: dict[str, Totals]
    selection: dict

    def as_json(self) -> dict:
        out = {"selection": self.selection, "by": self.by}
        out.update(self.total.as_json())
        out["unpricedModels"] = sorted(self.total.unpriced_models)
        out["rows"] = [{self.by: key, **totals.as_json()} for key, totals in self.groups.items()]
        return out


def _answer_key(answer: AnswerOutcome, by: str, models: dict[str, str]) -> str:
    if by == "day":
        return date.fromtimestamp(answer.ts).isoformat()
    if by == "model":
        return models.get(answer.request_id, "(unknown)")
    return str(getattr(answer, by))


def aggregate(rows: Iterable[LedgerRow], by: str, selection: dict | None = None,
              answers: Iterable[AnswerOutcome] = ()) -> Report:
    if by not in GROUP_BY and by not in TEAM_GROUP_BY:
        raise ValueError(f"cannot group by {by!r} (expected one of {', '.join(TEAM_GROUP_BY)})")
    total = Totals()
    groups: dict[str, Totals] = {}
    models: dict[str, str] = {}
    for row in rows:
        total.add(row)
        groups.setdefault(group_key(row, by), Totals()).add(row)
        models[row.request_id] = row.model
    for answer in answers:
        total.add_answer(answer.outcome)
        groups.setdefault(_answer_key(answer, by, models), Totals()).add_answer(answer.outcome)
    ordered = dict(sorted(groups.items())) if by == "day" else dict(
        sorted(groups.items(), key=lambda item: (-item[1].cost, item[0]))
    )
    return Report(by=by, total=total, groups=ordered, selection=selection or {})


def from_groups(by: str, groups: dict[str, Totals], selection: dict | None = None) -> Report:
    """A Report from totals already grouped (the team ledger sums in SQL), ordered as `aggregate` does."""
    total = Totals()
    for t in groups.values():
        for name in ("requests", "calls", "cache_hits", "escalations", "errors", "cancelled", "unpriced", "estimated",
                     "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "shown", "accepted"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
        total.cost = sum_usd((total.cost, t.cost))
        total.saved = sum_usd((total.saved, t.saved))
        total.unpriced_models |= t.unpriced_models
    ordered = dict(sorted(groups.items())) if by == "day" else dict(
        sorted(groups.items(), key=lambda item: (-item[1].cost, item[0]))
    )
    return Report(by=by, total=total, groups=ordered, selection=selection or {})


# ------------------------------------------------------------------------ terminal


def _tokens(n: int) -> str:
    return f"{n:,}"


def render_table(report: Report, *, title: str = "") -> str:
    with_answers = report.total.shown > 0
    headers = [report.by.capitalize(), "Requests", "Cache hits", "Input", "Output", "Cached", "Cost", "Saved"]
    if with_answers:
        headers += ["Accepted", "Cost/accepted"]
    body: list[list[str]] = []

    def cells(label: str, t: Totals) -> list[str]:
        cost = format_usd(t.cost, unpriced=t.unpriced, mark=" *")
        out = [
            label,
            _tokens(t.requests),
            _tokens(t.cache_hits),
            _tokens(t.input_tokens),
            _tokens(t.output_tokens),
            _tokens(t.cache_read_tokens),
            cost,
            format_usd(t.saved),
        ]
        if with_answers:
            out.append(f"{t.accepted}/{t.shown} {round(100 * t.accept_rate)}%" if t.shown else "-")
            out.append("-" if t.cost_per_accepted is None else format_usd(t.cost_per_accepted))
        return out

    for key, totals in report.groups.items():
        body.append(cells(key, totals))
    total_row = cells("Total", report.total)
    widths = [max(len(r[i]) for r in [headers, *body, total_row]) for i in range(len(headers))]

    def line(cols: list[str]) -> str:
        parts = [cols[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(cols[1:], widths[1:])]
        return "│ " + " │ ".join(parts) + " │"

    def rule(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + right

    out: list[str] = []
    if title:
        out.append(title)
    out.append(rule("┌", "┬", "┐"))
    out.append(line(headers))
    out.append(rule("├", "┼", "┤"))
    out.extend(line(r) for r in body)
    if body:
        out.append(rule("├", "┼", "┤"))
    out.append(line(total_row))
    out.append(rule("└", "┴", "┘"))
    t = report.total
    if t.calls == 0:
        out.append("No calls recorded for this selection.")
    notes = []
    if t.unpriced:
        models = ", ".join(sorted(t.unpriced_models))
        notes.append(
            f"* {t.unpriced} call(s) have no known price and are not in the cost: {models}. "
            "Set a price override for them in the settings."
        )
    if t.escalations:
        notes.append(f"{t.escalations} mini call(s) were escalated to the frontier model; their cost is included.")
    if t.estimated:
        notes.append(f"{t.estimated} call(s) were cancelled mid-stream; their tokens are estimated.")
    if t.calls:
        notes.append(
            f"Saved: {format_usd(t.saved)} against {format_usd(t.frontier_cost)} for the frontier model "
            "on every request without the cache."
        )
    if with_answers:
        notes.append(
            "Accepted: answers shown that were accepted (ghost text taken whole or in part, edits applied); "
            "Cost/accepted: the cost over the answers accepted."
        )
    out.extend(notes)
    return "\n".join(out)


def local_midnight(day: date) -> float:
    """Unix seconds of the start of `day` in local time."""
    return datetime(day.year, day.month, day.day).timestamp()
