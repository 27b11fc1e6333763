"""More than this session, for the spend view (`lspRouter/spendHistory`): today's totals, and the
last sessions' totals side by side, so that cost per session compares without the CLI.

Computed from the ledger with the same `Totals` as `lsp-router spend`, so the view and the CLI agree.
"""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Any

from lsp_router.spend.ledger import Ledger
from lsp_router.spend.report import Totals, local_midnight

__all__ = ["spend_history", "SESSIONS_LIMIT", "SESSIONS_DAYS"]

SESSIONS_LIMIT = 10
SESSIONS_DAYS = 30  # sessions that ended longer ago are history for the CLI


def spend_history(ledger: Ledger, *, sessions: int = SESSIONS_LIMIT, current: str | None = None,
                  now: float | None = None) -> dict[str, Any]:
    """{"today": {"day", totals, "byTier", "byTask"}, "sessions": [{"id", "start", "end", "current", totals}]}
    (totals as in `lsp-router spend --json`; sessions newest first, at most `sessions`)."""
    now = time.time() if now is None else now
    today = date.fromtimestamp(now)
    return {
        "today": {"day": today.isoformat(), **_grouped(ledger, since=local_midnight(today))},
        "sessions": [
            {"id": session, "start": _iso(first), "end": _iso(last), "current": session == current,
             **_grouped(ledger, session=session)}
            for session, first, last in ledger.recent_sessions(limit=max(0, sessions),
                                                               since=now - SESSIONS_DAYS * 86400)
        ],
    }


def _grouped(ledger: Ledger, **query: Any) -> dict[str, Any]:
    total = Totals()
    groups: dict[str, dict[str, Totals]] = {"byTier": {}, "byTask": {}}
    for row in ledger.rows(**query):
        total.add(row)
        groups["byTier"].setdefault(row.tier, Totals()).add(row)
        groups["byTask"].setdefault(row.task, Totals()).add(row)
    answers = getattr(ledger, "answers", None)
    for answer in answers(**query) if answers is not None else ():
        total.add_answer(answer.outcome)
        groups["byTier"].setdefault(answer.tier, Totals()).add_answer(answer.outcome)
        groups["byTask"].setdefault(answer.task, Totals()).add_answer(answer.outcome)
    return {**total.as_json(), **{name: {key: t.as_json() for key, t in sorted(by.items())} for name, by in groups.items()}}


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")
