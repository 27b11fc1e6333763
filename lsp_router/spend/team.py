"""The team ledger: every row goes to the local SQLite ledger first (the spool), marked unsent,
and a writer thread sends the unsent rows to PostgreSQL in order, off the event loop.

- No row lost: the row and its "unsent" mark are one SQLite transaction (`append_unsent`);
  a row leaves the spool only after PostgreSQL committed it. While PostgreSQL is unreachable
  the rows wait, the state is "offline", and the thread retries with a backoff up to 5 s.
- Never twice: a row's request_id is its idempotency key in PostgreSQL (`ON CONFLICT DO
  NOTHING`), so a batch sent again after a lost commit reply is skipped there.
- Team budgets: `TeamCounters` gives the team's and the user's spend across machines.
  Redis may fill it (`storage.cache`); without it the totals are read from PostgreSQL by the
  writer thread: every 2 s for the editor's view; with a team cap set, a budget decision
  wants a read at most 10 ms old and waits for it up to 0.5 s (one indexed query, ~1 ms on
  a LAN, the only wait a request has on PostgreSQL, and only while it is reachable): that
  is what bounds two racing servers to one request each past a cap. This process's rows
  not yet in the totals are added to them, so an offline server still counts its own spend.
"""

from __future__ import annotations

import getpass
import logging
import os
import subprocess
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

from lsp_router.settings import redact_url
from lsp_router.spend.ledger import LedgerError, LedgerRow, SqliteLedger, sum_usd

log = logging.getLogger(__name__)

__all__ = ["TeamCounters", "TeamLedger", "resolve_user", "month_start", "REFRESH_S", "FRESH_S"]

REFRESH_S = 2.0
FRESH_S = 0.01  # what a budget decision accepts as fresh: the checks of one request share a read
FRESH_WAIT_S = 0.5
_BATCH = 500
# explain_pg_error's causes that a setting or the database's administrator must fix
_SETUP_PROBLEMS = (": authentication failed:", ": refused by pg_hba.conf:", ": no such database:",
                   ": permission denied:", ": DNS lookup failed:")
_ZERO = Decimal(0)


@runtime_checkable
class TeamCounters(Protocol):
    """Spend counters shared by a team's servers (a Redis implementation can fill this).

    `add` is called once per row this process writes (after the local write; an
    implementation de-duplicates by `request_id`); `totals` returns exact sums
    (`pg.TeamTotals`) and must be quick (it runs in the writer thread, not on the request path)."""

    def add(self, *, request_id: str, team: str, user: str, ts: float, cost_usd: Decimal) -> None: ...

    def totals(self, *, team: str, user: str, day_start: float, month_start: float): ...


def resolve_user(configured: str, workspace: str | None) -> str:
    """`team.user`, else the workspace's git user.email, else the OS user."""
    if configured:
        return configured
    folder = _folder(workspace)
    try:
        out = subprocess.run(
            ["git", "config", "user.email"], cwd=folder if folder and folder.is_dir() else None,
            capture_output=True, text=True, timeout=2,
        )
        email = out.stdout.strip()
        if out.returncode == 0 and email:
            return email
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def _folder(workspace: str | None) -> Path | None:
    if not workspace:
        return None
    if workspace.startswith("file://"):
        return Path(unquote(urlsplit(workspace).path))
    return Path(workspace)


def day_start(ts: float) -> float:
    d = date.fromtimestamp(ts)
    return datetime(d.year, d.month, d.day).timestamp()


def month_start(ts: float) -> float:
    d = date.fromtimestamp(ts)
    return datetime(d.year, d.month, 1).timestamp()


class TeamLedger:
    """A `Ledger` whose rows also reach the team's PostgreSQL; reads of this machine's rows
    (the session, `budget.dailyUsd`, routing's answers) stay on the local ledger."""

    def __init__(
        self,
        local: SqliteLedger,
        url: str,
        *,
        user: str,
        team: str = "",
        counters: TeamCounters | None = None,
        on_change: Callable[[], None] | None = None,
        on_problem: Callable[[str], None] | None = None,
        refresh_s: float = REFRESH_S,
        clock: Callable[[], float] = time.time,
        autostart: bool = True,
        password: str | None = None,
    ) -> None:
        from lsp_router.spend.pg import PgLedger

        self.local = local
        self.url = url
        self.user = user
        self.team = team
        self.counters = counters
        self._on_change = on_change
        # told once about a cause that waiting will not fix (authentication, pg_hba.conf, no such
        # database, permission, DNS); an outage only turns the status quietly offline
        self._on_problem = on_problem
        self._told = False
        self._refresh_s = refresh_s
        self._clock = clock
        self.password = password  # storage.ledgerPassword; never shown (not in repr)
        self._pg = PgLedger(url, password=password)
        self._lock = threading.Lock()
        self._fetched = threading.Condition(self._lock)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self.state = "connecting"  # "online" | "offline"
        self.problem = ""
        self.migrated = False
        self.sent = 0  # rows this process sent (the rest were there already)
        self._totals = None  # pg.TeamTotals at the last read
        self._totals_at = 0.0  # monotonic
        self._totals_gen = 0
        self._pending: list[tuple[float, Decimal]] = []  # rows written since the read began
        self._unsent_at_read: list[tuple[float, Decimal, str]] = []  # spooled rows the read cannot see
        self._want_fresh = 0.0  # the max age a caller asked for
        self._thread = threading.Thread(target=self._run, name="lsp-router-team-ledger", daemon=True)
        if autostart:
            self._thread.start()

    def __repr__(self) -> str:
        return f"TeamLedger({redact_url(self.url)!r}, user={self.user!r}, team={self.team!r}, {self.state})"

    # -- Ledger ---------------------------------------------------------------------------

    def append(self, row: LedgerRow) -> None:
        with self._lock:
            self.local.append_unsent(row, user=self.user, team=self.team)
            self._pending.append((row.ts, row.cost_usd or _ZERO))
        self._wake.set()

    def __getattr__(self, name: str):
        # rows, total_cost, answers, record_answer, answer_counts, path: the local ledger's
        return getattr(self.local, name)

    def close(self) -> None:
        """Send what is spooled (a moment at most), stop the thread, close both ledgers."""
        self.stop(flush_s=2.0)
        self.local.close()

    def stop(self, flush_s: float = 0.0) -> None:
        if self._thread.is_alive():
            if flush_s > 0 and self.state == "online":
                deadline = time.monotonic() + flush_s
                while time.monotonic() < deadline and self._unsent_quietly() > 0:
                    self._wake.set()
                    time.sleep(0.02)
            self._stopping.set()
            self._wake.set()
            self._thread.join(5)
        self._pg.close()

    def _unsent_quietly(self) -> int:
        try:
            return self.local.unsent_count()
        except LedgerError:
            return 0

    # -- totals for the budgets -----------------------------------------------------------

    def totals(self, *, fresh: bool = False) -> tuple[Decimal, Decimal, Decimal, dict | None] | None:
        """(team today, team this month, this user today, by user today or None) across the
        team's machines, or None before the first read. Never blocks unless `fresh` (a budget
        decision with a team cap): then, while the team ledger is online, it waits up to 0.5 s
        for a read at most 10 ms old."""
        max_age = FRESH_S if fresh else self._refresh_s
        with self._lock:
            stale = self._totals is None or time.monotonic() - self._totals_at > max_age
            if stale:
                self._want_fresh = max_age if not self._want_fresh else min(self._want_fresh, max_age)
                self._wake.set()
                if fresh and self.state == "online":
                    gen = self._totals_gen
                    self._fetched.wait_for(lambda: self._totals_gen != gen or self.state != "online", FRESH_WAIT_S)
            return self._current()

    def _current(self):
        t = self._totals
        if t is None:
            return None
        now = self._clock()
        today, month = day_start(now), month_start(now)
        if t.day_start != today or t.month_start != month:  # a new day since the read
            self._want_fresh = FRESH_S
            self._wake.set()
        extra = [(ts, cost) for ts, cost in self._pending] + [(ts, cost) for ts, cost, _ in self._unsent_at_read]
        mine = [(ts, cost) for ts, cost in self._pending] + [
            (ts, cost) for ts, cost, user in self._unsent_at_read if user == self.user]
        team_day = (t.team_day if t.day_start == today else _ZERO) + sum_usd(c for ts, c in extra if ts >= today)
        team_month = (t.team_month if t.month_start == month else _ZERO) + sum_usd(c for ts, c in extra if ts >= month)
        user_day = (t.user_day if t.day_start == today else _ZERO) + sum_usd(c for ts, c in mine if ts >= today)
        by_user = None
        if t.by_user is not None and t.day_start == today:
            by_user = dict(t.by_user)
            for ts, cost, user in [(ts, c, self.user) for ts, c in self._pending] + self._unsent_at_read:
                if ts >= today:
                    by_user[user] = by_user.get(user, _ZERO) + cost
        return team_day, team_month, user_day, by_user

    # -- the writer thread ----------------------------------------------------------------

    def _run(self) -> None:
        backoff = 0.2
        while not self._stopping.is_set():
            try:
                if not self.migrated:
                    self._pg.migrate()
                    self.migrated = True
                while self._send_batch():
                    pass
                if self._refresh_due():
                    self._refresh()
                self._set_state("online", "")
                backoff = 0.2
                timeout = self._refresh_s
            except LedgerError as exc:
                self._set_state("offline", str(exc))
                timeout = backoff
                backoff = min(backoff * 2, 5.0)
            except Exception as exc:  # never let the thread die: the spool keeps the rows
                log.exception("lsp-router: team ledger writer")
                self._set_state("offline", f"team ledger {redact_url(self.url)}: {type(exc).__name__}")
                timeout = backoff
                backoff = min(backoff * 2, 5.0)
            self._wake.wait(timeout)
            self._wake.clear()

    def _send_batch(self) -> bool:
        """Send the oldest unsent rows; True when a full batch went (more may wait)."""
        batch = self.local.unsent(_BATCH)
        if not batch:
            return False
        self.sent += self._pg.insert([(row, user, team) for _, row, user, team in batch])
        self.local.mark_sent(seq for seq, *_ in batch)
        if self.counters is not None:
            for _, row, user, team in batch:
                self.counters.add(request_id=row.request_id, team=team, user=user, ts=row.ts,
                                  cost_usd=row.cost_usd or _ZERO)
        return len(batch) == _BATCH

    def _refresh_due(self) -> bool:
        with self._lock:
            if self._totals is None:
                return True
            age = time.monotonic() - self._totals_at
            return bool(self._want_fresh) and age > min(self._want_fresh, self._refresh_s) or age > self._refresh_s * 4

    def _refresh(self) -> None:
        now = self._clock()
        today, month = day_start(now), month_start(now)
        source = self.counters if self.counters is not None else self._pg
        totals = source.totals(team=self.team, user=self.user, day_start=today, month_start=month)
        # No row was sent since the read (this thread sends), so a row is in the read or still in
        # the spool; the spool is read under the lock `append` writes under: each row counts once.
        with self._fetched:
            self._unsent_at_read = [(ts, cost, user) for ts, cost, user, team in self.local.unsent_costs(month)
                                    if team == self.team]
            self._pending = []
            self._totals = totals
            self._totals_at = time.monotonic()
            self._totals_gen += 1
            self._want_fresh = 0.0
            self._fetched.notify_all()

    def _set_state(self, state: str, problem: str) -> None:
        changed = state != self.state
        with self._fetched:
            self.state = state
            self.problem = problem
            self._fetched.notify_all()
        if changed:
            if state == "offline":
                log.warning("lsp-router: %s; rows are kept locally and sent when it is back", problem)
                if self._on_problem is not None and not self._told and any(
                        cause in problem for cause in _SETUP_PROBLEMS):
                    self._told = True
                    try:
                        self._on_problem(problem)
                    except Exception:
                        log.exception("lsp-router: team ledger problem callback")
            else:
                log.info("lsp-router: team ledger %s online", redact_url(self.url))
            if self._on_change is not None:
                try:
                    self._on_change()
                except Exception:
                    log.exception("lsp-router: team ledger state callback")

    # -- the editor's view ----------------------------------------------------------------

    def status(self) -> dict:
        return {"ledger": "online" if self.state == "online" else "offline", "user": self.user, "name": self.team,
                "unsent": self._unsent_quietly()}


def attach(ledger, settings, *, workspace: str = "", on_change: Callable[[], None] | None = None,
           on_problem: Callable[[str], None] | None = None, counters: TeamCounters | None = None):
    """The ledger to record into for `settings`: `ledger` itself without a team ledger, else a
    TeamLedger over its local SQLite ledger (an existing TeamLedger is replaced when the
    URL, the user or the team changed)."""
    local = ledger.local if isinstance(ledger, TeamLedger) else ledger
    url = settings.storage.team_ledger
    user = resolve_user(settings.team.user, workspace) if url else ""
    if isinstance(ledger, TeamLedger):
        password = settings.storage.ledger_password
        if (url, user, settings.team.name, password) == (ledger.url, ledger.user, ledger.team, ledger.password):
            return ledger
        ledger.stop(flush_s=1.0)
    if url is None or not isinstance(local, SqliteLedger):
        return local
    return TeamLedger(local, url, user=user, team=settings.team.name, counters=counters, on_change=on_change,
                      on_problem=on_problem, password=settings.storage.ledger_password)
