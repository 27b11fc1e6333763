"""The team ledger: every row goes to the local SQLite ledger first (the spool), marked unsent,
and a writer thread sends the unsent rows to PostgreSQL in order, off the event loop.

- No row lost: the row and its "unsent" mark are one SQLite transaction (`append_unsent`);
  a row leaves the spool only after PostgreSQL committed it. While PostgreSQL is unreachable
  the rows wait, the state is "offline", and the thread retries with a backoff up to 5 s.
- Never twice: a row's request_id is its idempotency key in PostgreSQL (`ON CONFLICT DO
  NOTHING`), so a batch sent again after a lost commit reply is skipped there.
- Team budgets: the team's and the user's spend across machines, read by the writer thread
  from PostgreSQL every 2 s for the editor's view. With a team cap set, a budget decision
  wants a read at most 10 ms old and waits for it up to 0.5 s (the only wait a request has
  on the team backends, and only while they are reachable): that is what bounds two racing
  servers to one request each past a cap. This process's rows not yet in a read are added
  to it, so an offline server still counts its own spend.
- Team counters in Redis (`storage.cache` a redis:// URL, `TeamCounters`): each row is
  counted there as soon as it is written, before PostgreSQL has it, and a budget decision
  reads them (one round trip, ~0.3 ms) instead of querying PostgreSQL. Every PostgreSQL read
  lifts them to the ledger's sums (the ledger is the truth: a row a counter missed is
  counted then). With Redis down the decision reads PostgreSQL, as without it.
"""

from __future__ import annotations

import getpass
import logging
import os
import subprocess
import threading
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
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
    """Spend counters shared by one team's servers (`redis_counters.RedisTeamCounters`).

    Called from the writer thread only. `count` adds a row once (a retry with the same
    `request_id` adds nothing) and says whether the counters took it; `totals` gives
    `pg.TeamTotals` (by_user None) or None when unreachable; `raise_to` lifts the counters
    to at least a ledger read's sums."""

    def count(self, *, request_id: str, user: str, ts: float, cost_usd: Decimal) -> bool: ...

    def totals(self, *, user: str, day_start: float, month_start: float): ...

    def raise_to(self, totals, user: str) -> bool: ...

    def close(self) -> None: ...


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


def day_start(ts: float, zone: tzinfo | None = None) -> float:
    """The start of `ts`'s day in `zone` (None: this machine's time zone), as unix seconds."""
    d = datetime.fromtimestamp(ts, zone).date()
    return datetime(d.year, d.month, d.day, tzinfo=zone).timestamp()


def month_start(ts: float, zone: tzinfo | None = None) -> float:
    d = datetime.fromtimestamp(ts, zone).date()
    return datetime(d.year, d.month, 1, tzinfo=zone).timestamp()


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
        zone: tzinfo | None = None,
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
        self.zone = zone  # team.timeZone: the days and months of the team's totals
        self.counters_url: str | None = None  # storage.cache, when attach made the counters
        self.counters_password: str | None = None  # storage.cachePassword for them; never shown
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
        self._unread: list[tuple[float, Decimal, str]] = []  # (ts, cost, user) the last read cannot see
        self._uncounted: list[tuple[str, float, Decimal]] = []  # rows not yet in the counters
        self._ledger_read_at = 0.0  # monotonic, the last PostgreSQL read
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
            if self.counters is not None and row.cost_usd:
                self._uncounted.append((row.request_id, row.ts, row.cost_usd))
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
        if self.counters is not None:
            self.counters.close()

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
                if fresh and self._answering():
                    gen = self._totals_gen
                    self._fetched.wait_for(lambda: self._totals_gen != gen or not self._answering(), FRESH_WAIT_S)
            return self._current()

    def _answering(self) -> bool:
        """Whether a fresh read can come soon: PostgreSQL is online or the counters answer."""
        return self.state == "online" or (self.counters is not None and self.counters.reachable)

    def _current(self):
        t = self._totals
        if t is None:
            return None
        now = self._clock()
        today, month = day_start(now, self.zone), month_start(now, self.zone)
        if t.day_start != today or t.month_start != month:  # a new day since the read
            self._want_fresh = FRESH_S
            self._wake.set()
        extra = [(ts, cost) for ts, cost in self._pending] + [(ts, cost) for ts, cost, _ in self._unread]
        mine = [(ts, cost) for ts, cost in self._pending] + [
            (ts, cost) for ts, cost, user in self._unread if user == self.user]
        team_day = (t.team_day if t.day_start == today else _ZERO) + sum_usd(c for ts, c in extra if ts >= today)
        team_month = (t.team_month if t.month_start == month else _ZERO) + sum_usd(c for ts, c in extra if ts >= month)
        user_day = (t.user_day if t.day_start == today else _ZERO) + sum_usd(c for ts, c in mine if ts >= today)
        by_user = None
        if t.by_user is not None and t.day_start == today:
            by_user = dict(t.by_user)
            for ts, cost, user in [(ts, c, self.user) for ts, c in self._pending] + self._unread:
                if ts >= today:
                    by_user[user] = by_user.get(user, _ZERO) + cost
        return team_day, team_month, user_day, by_user

    # -- the writer thread ----------------------------------------------------------------

    def _run(self) -> None:
        backoff = 0.2
        while not self._stopping.is_set():
            self._count()
            if self._fresh_wanted():
                self._refresh_counted()  # before PostgreSQL, which may be away
            try:
                if not self.migrated:
                    self._pg.migrate()
                    self.migrated = True
                while self._send_batch():
                    pass
                if self._refresh_due():
                    self._refresh_ledger()
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
        return len(batch) == _BATCH

    def _count(self) -> None:
        """Add this process's new rows to the team's counters, oldest first; while Redis
        cannot take them they wait here (the budget reads PostgreSQL meanwhile)."""
        if self.counters is None:
            return
        with self._lock:
            waiting = list(self._uncounted)
        done = 0
        for request_id, ts, cost in waiting:
            if not self._counters("count", lambda c: c.count(request_id=request_id, user=self.user, ts=ts,
                                                             cost_usd=cost)):
                break
            done += 1
        with self._lock:
            del self._uncounted[:done]

    def _refresh_due(self) -> bool:
        with self._lock:
            if self._totals is None:
                return True
            now = time.monotonic()
            if self.counters is not None and now - self._ledger_read_at > self._refresh_s:
                return True  # the counters' reconcile and the view's by-user figures
            age = now - self._totals_at
            return bool(self._want_fresh) and age > min(self._want_fresh, self._refresh_s) or age > self._refresh_s * 4

    def _fresh_wanted(self) -> bool:
        """Whether a budget decision waits for a read the counters could give."""
        if self.counters is None:
            return False
        with self._lock:
            return self._want_fresh == FRESH_S and (
                self._totals is None or time.monotonic() - self._totals_at > FRESH_S)

    def _refresh_counted(self) -> None:
        now = self._clock()
        today = day_start(now, self.zone)
        totals = self._counters("totals", lambda c: c.totals(user=self.user, day_start=today,
                                                            month_start=month_start(now, self.zone)))
        if totals is None:
            return  # Redis is down: PostgreSQL answers, if it can
        with self._fetched:
            # nothing was counted since the read (this thread counts): a row is in it or uncounted
            unread = [(ts, cost, self.user) for _, ts, cost in self._uncounted]
            if self._totals is not None and self._totals.day_start == today:
                totals.by_user = self._totals.by_user  # the last PostgreSQL read's, for the view
            self._took(totals, unread)

    def _refresh_ledger(self) -> None:
        now = self._clock()
        today, month = day_start(now, self.zone), month_start(now, self.zone)
        totals = self._pg.totals(team=self.team, user=self.user, day_start=today, month_start=month)
        if self.counters is not None and not self._uncounted:  # (rows waiting would count twice)
            self._counters("raise_to", lambda c: c.raise_to(totals, self.user))
        # No row was sent since the read (this thread sends), so a row is in the read or still in
        # the spool; the spool is read under the lock `append` writes under: each row counts once.
        with self._fetched:
            unread = [(ts, cost, user) for ts, cost, user, team in self.local.unsent_costs(month) if team == self.team]
            self._ledger_read_at = time.monotonic()
            self._took(totals, unread)

    def _took(self, totals, unread: list[tuple[float, Decimal, str]]) -> None:
        """Make `totals` the current read (under the lock); `unread`: rows it cannot see."""
        self._unread = unread
        self._pending = []
        self._totals = totals
        self._totals_at = time.monotonic()
        self._totals_gen += 1
        self._want_fresh = 0.0
        self._fetched.notify_all()

    def _counters(self, what: str, call: Callable):
        """`call(self.counters)`, or None if it raised: the counters are a shortcut, never a
        reason for the writer thread to stop sending rows."""
        try:
            return call(self.counters)
        except Exception:  # noqa: BLE001
            log.exception("lsp-router: team counters (%s)", what)
            return None

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
    URL, the user, the team, the counters' Redis or a password changed)."""
    local = ledger.local if isinstance(ledger, TeamLedger) else ledger
    storage = settings.storage
    url = storage.team_ledger
    user = resolve_user(settings.team.user, workspace) if url else ""
    counters_url = storage.cache_url if url else None
    zone = settings.team.zone()
    if isinstance(ledger, TeamLedger):
        wanted = (url, user, settings.team.name, counters_url, storage.ledger_password, storage.cache_password, zone)
        if wanted == (ledger.url, ledger.user, ledger.team, ledger.counters_url, ledger.password,
                      ledger.counters_password, ledger.zone):
            return ledger
        ledger.stop(flush_s=1.0)
    if url is None or not isinstance(local, SqliteLedger):
        return local
    if counters is None and counters_url:
        from lsp_router.redis_client import RedisLink
        from lsp_router.spend.redis_counters import RedisTeamCounters

        counters = RedisTeamCounters(RedisLink(counters_url, password=storage.cache_password), settings.team.name,
                                     zone=zone)
    team = TeamLedger(local, url, user=user, team=settings.team.name, counters=counters, zone=zone, on_change=on_change,
                      on_problem=on_problem, password=storage.ledger_password)
    team.counters_url = counters_url
    team.counters_password = storage.cache_password if counters_url else None
    return team
