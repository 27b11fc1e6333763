"""The spend ledger: one durable row per upstream call.

`Ledger` is the storage interface; `SqliteLedger` is the embedded default, one file in the
user's data directory shared by every server process (WAL mode, busy timeout, one commit
per row). A row's `request_id` is its unique key, so a retried insert cannot double a row.

Money is exact: costs are `Decimal` in Python and stored as the Decimal's plain text
(a NUMERIC column on a server database); sums are done over Decimals, never floats.
The SQL avoids SQLite-only syntax where that is cheap (`ON CONFLICT ... DO NOTHING`,
plain SELECTs, no date functions), so a PostgreSQL ledger can reuse it with another
placeholder style.
"""

from __future__ import annotations

import decimal
import os
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Protocol, runtime_checkable

from lsp_router import paths

__all__ = [
    "OUTCOMES",
    "ANSWER_OUTCOMES",
    "AnswerOutcome",
    "LedgerError",
    "LedgerRow",
    "Ledger",
    "SqliteLedger",
    "open_ledger",
    "sum_usd",
]

OUTCOMES = ("ok", "error", "cancelled", "escalated")
# What became of an answer shown to the user (issue 14 §1); "shown" until a signal comes.
ANSWER_OUTCOMES = ("shown", "accepted", "partial", "dismissed", "undone")
# 1: calls. 2: + answers (one row per answer shown, joined to its call by request_id).
# 3: + team_outbox (the spool of the team ledger: the calls not yet sent to it, in order).
SCHEMA_VERSION = 3
# Enough digits that summing any realistic ledger never rounds (28 is Decimal's default).
_SUM_CONTEXT = decimal.Context(prec=60)


class LedgerError(Exception):
    """The ledger cannot be opened, read or written. The message names the file and the cause."""


@dataclass
class LedgerRow:
    """One upstream call (or one cache hit), as billed."""

    request_id: str
    ts: float  # unix seconds
    session: str
    workspace: str
    task: str
    tier: str
    model: str  # "provider:model"
    provider: str
    input_tokens: int  # all input, including cache reads and writes
    output_tokens: int  # including reasoning tokens
    cache_read_tokens: int
    cache_write_tokens: int
    reasoning_tokens: int
    cost_usd: Decimal | None  # None = unpriced
    saved_usd: Decimal
    priced: bool
    price_source: str  # "genai-prices" | "override" | "local" | "unpriced" | "cache" | "static"
    latency_ms: float
    outcome: str  # "ok" | "error" | "cancelled" | "escalated"
    cache_hit: bool
    estimated: bool  # token counts were counted here (cancelled stream), not reported
    reason: str = ""
    error: str = ""


@dataclass
class AnswerOutcome:
    """What became of one answer: no code, only ids, labels and a count of characters."""

    answer_id: str
    request_id: str  # the ledger row (call or cache hit) that produced the answer
    ts: float
    session: str
    task: str
    tier: str
    bucket: str  # routing.features.features_bucket of the request
    outcome: str  # see ANSWER_OUTCOMES
    accepted_chars: int | None = None


_COLUMNS = tuple(f.name for f in fields(LedgerRow))
_ANSWER_COLUMNS = tuple(f.name for f in fields(AnswerOutcome))
_BOOL_COLUMNS = frozenset({"priced", "cache_hit", "estimated"})
_INT_COLUMNS = frozenset(
    {"input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens"}
)

# Portable DDL: SQLite maps these types to its affinities; PostgreSQL takes them as they are
# (a server ledger would make the money columns NUMERIC and the flags BOOLEAN).
_SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS calls (
        request_id VARCHAR(200) PRIMARY KEY,
        ts DOUBLE PRECISION NOT NULL,
        session VARCHAR(200) NOT NULL,
        workspace TEXT NOT NULL,
        task VARCHAR(40) NOT NULL,
        tier VARCHAR(40) NOT NULL,
        model VARCHAR(300) NOT NULL,
        provider VARCHAR(100) NOT NULL,
        input_tokens BIGINT NOT NULL,
        output_tokens BIGINT NOT NULL,
        cache_read_tokens BIGINT NOT NULL,
        cache_write_tokens BIGINT NOT NULL,
        reasoning_tokens BIGINT NOT NULL,
        cost_usd TEXT,
        saved_usd TEXT NOT NULL,
        priced INTEGER NOT NULL,
        price_source VARCHAR(40) NOT NULL,
        latency_ms DOUBLE PRECISION NOT NULL,
        outcome VARCHAR(20) NOT NULL,
        cache_hit INTEGER NOT NULL,
        estimated INTEGER NOT NULL,
        reason TEXT NOT NULL,
        error TEXT NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS calls_ts ON calls (ts)",
    "CREATE INDEX IF NOT EXISTS calls_session_ts ON calls (session, ts)",
    # Schema 2. An answer's row is written when it is shown and updated by its outcome.
    """
    CREATE TABLE IF NOT EXISTS answers (
        answer_id VARCHAR(200) PRIMARY KEY,
        request_id VARCHAR(200) NOT NULL,
        ts DOUBLE PRECISION NOT NULL,
        session VARCHAR(200) NOT NULL,
        task VARCHAR(40) NOT NULL,
        tier VARCHAR(40) NOT NULL,
        bucket VARCHAR(120) NOT NULL,
        outcome VARCHAR(20) NOT NULL,
        accepted_chars BIGINT
    )
    """,
    "CREATE INDEX IF NOT EXISTS answers_session_ts ON answers (session, ts)",
    # Schema 3. A call written while a team ledger is configured is also queued here, in the
    # same transaction, until the team ledger has it (spend/team.py); local only.
    """
    CREATE TABLE IF NOT EXISTS team_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id VARCHAR(200) NOT NULL UNIQUE,
        user_name TEXT NOT NULL,
        team TEXT NOT NULL
    )
    """,
)
# A later "shown" never undoes a verdict; a verdict replaces "shown" (or an earlier verdict).
_UPSERT_ANSWER = (
    f"INSERT INTO answers ({', '.join(_ANSWER_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_ANSWER_COLUMNS))}) "
    "ON CONFLICT (answer_id) DO UPDATE SET "
    "outcome = CASE WHEN excluded.outcome = 'shown' THEN answers.outcome ELSE excluded.outcome END, "
    "accepted_chars = CASE WHEN excluded.outcome = 'shown' THEN answers.accepted_chars "
    "ELSE excluded.accepted_chars END"
)
_SELECT_ANSWERS = f"SELECT {', '.join(_ANSWER_COLUMNS)} FROM answers"
_INSERT = (
    f"INSERT INTO calls ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
    "ON CONFLICT (request_id) DO NOTHING"
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM calls"


def sum_usd(values: Iterable[Decimal | None]) -> Decimal:
    """Exact sum of USD amounts, skipping None (unpriced)."""
    total = Decimal(0)
    for value in values:
        if value is not None:
            total = _SUM_CONTEXT.add(total, value)
    return total


def _usd_text(value: Decimal | int | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"LedgerRow.{name} must be a Decimal (exact USD), got {type(value).__name__}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"LedgerRow.{name} must be finite, got {value}")
    return format(value, "f")


def _row_params(row: LedgerRow) -> tuple:
    if row.outcome not in OUTCOMES:
        raise ValueError(f"LedgerRow.outcome must be one of {OUTCOMES}, got {row.outcome!r}")
    if not row.request_id:
        raise ValueError("LedgerRow.request_id must not be empty")
    params = []
    for name in _COLUMNS:
        value = getattr(row, name)
        if name in ("cost_usd", "saved_usd"):
            value = _usd_text(value, name)
        elif name in _BOOL_COLUMNS:
            value = 1 if value else 0
        elif name in _INT_COLUMNS:
            value = int(value or 0)
        elif name in ("ts", "latency_ms"):
            value = float(value)
        elif value is None:
            value = ""
        params.append(value)
    if params[_COLUMNS.index("saved_usd")] is None:
        params[_COLUMNS.index("saved_usd")] = "0"
    return tuple(params)


def _row_from_db(values: tuple) -> LedgerRow:
    data = dict(zip(_COLUMNS, values))
    for name in ("cost_usd", "saved_usd"):
        text = data[name]
        data[name] = None if text is None else Decimal(str(text))
    if data["saved_usd"] is None:
        data["saved_usd"] = Decimal(0)
    for name in _BOOL_COLUMNS:
        data[name] = bool(data[name])
    return LedgerRow(**data)


@runtime_checkable
class Ledger(Protocol):
    """Where billed calls are kept. SQLite by default; a shared server database later."""

    def append(self, row: LedgerRow) -> None:
        """Store `row` durably. A row whose request_id is already stored is ignored."""

    def rows(
        self, *, session: str | None = None, since: float | None = None, until: float | None = None
    ) -> list[LedgerRow]:
        """Rows in time order; `since` inclusive and `until` exclusive, unix seconds."""

    def total_cost(self, *, session: str | None = None, since: float | None = None) -> Decimal:
        """Exact sum of the priced rows' cost (unpriced rows add nothing)."""

    def recent_sessions(self, *, limit: int, since: float | None = None) -> list[tuple[str, float, float]]:
        """(session, first ts, last ts) of the `limit` sessions that ended last, newest first."""

    def close(self) -> None: ...


def _explain(path: Path, exc: BaseException) -> str:
    cause = str(exc) or type(exc).__name__
    low = cause.lower()
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        hint = (
            "the file is damaged or is not an lsp-router ledger; move it aside and "
            "lsp-router will start a new one"
        )
    elif "readonly" in low or "read-only" in low or "permission" in low or "unable to open" in low:
        hint = "check that the file and its directory exist and are writable by you"
    elif "locked" in low or "busy" in low:
        hint = "another process held the ledger locked for too long; try again"
    elif "disk" in low and "full" in low:
        hint = "free some disk space"
    else:
        hint = "set LSP_ROUTER_DATA_DIR to use another directory"
    return f"spend ledger {path}: {cause} ({hint})"


class SqliteLedger:
    """The embedded ledger: one SQLite file shared by every lsp-router process of the user."""

    def __init__(self, path: Path | str | None = None, *, timeout_s: float = 30.0) -> None:
        default = path is None
        self.path = Path(path) if path is not None else paths.ledger_path()
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        in_memory = str(path) == ":memory:"  # this process only: when the file cannot be used
        try:
            if not in_memory:
                self._prepare_file(default)
            self._conn = sqlite3.connect(
                str(self.path), timeout=timeout_s, isolation_level=None, check_same_thread=False
            )
            self._init_schema(timeout_s, journal="memory" if in_memory else "wal")
        except LedgerError:
            self._close_quietly()
            raise
        except (sqlite3.Error, OSError) as exc:
            self._close_quietly()
            raise LedgerError(_explain(self.path, exc)) from exc

    # -- setup ------------------------------------------------------------------------

    def _prepare_file(self, default: bool) -> None:
        parent = self.path.parent
        if default or not parent.exists():
            paths.private_dir(parent)
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
            os.close(fd)
        try:
            os.chmod(self.path, 0o600)
        except OSError:
            pass

    def _init_schema(self, timeout_s: float, journal: str = "wal") -> None:
        conn = self._conn
        assert conn is not None
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # reads the header: corrupt -> error
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"spend ledger {self.path}: written by a newer lsp-router (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade lsp-router or set LSP_ROUTER_DATA_DIR"
            )
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                # Switching to WAL needs a moment alone with the file; the busy handler does not
                # always cover it when several processes create the ledger at once, so retry.
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        if str(mode).lower() != journal:
            raise LedgerError(f"spend ledger {self.path}: cannot switch to WAL mode (got {mode!r})")
        # NORMAL in WAL mode: a committed row survives any crash of this process (or of the
        # editor) because it is in the WAL before append() returns; only a power cut or an OS
        # crash can lose the last few. FULL would add an fsync (2-5 ms) to every request,
        # cache hits included, on the path the user waits on.
        conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        # A file that claims our schema but lacks the table is not a ledger.
        conn.execute("SELECT request_id FROM calls LIMIT 1").fetchall()
        conn.execute("SELECT answer_id FROM answers LIMIT 1").fetchall()

    def _close_quietly(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LedgerError(f"spend ledger {self.path}: already closed")
        return self._conn

    # -- Ledger -----------------------------------------------------------------------

    def append(self, row: LedgerRow) -> None:
        params = _row_params(row)
        with self._lock:
            try:
                # Autocommit: the INSERT is its own transaction, committed before this returns.
                self._connection().execute(_INSERT, params)
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc

    def append_unsent(self, row: LedgerRow, *, user: str, team: str) -> None:
        """`append`, and queue the row for the team ledger, in one transaction: a row is
        never written without being marked unsent (nor the reverse)."""
        params = _row_params(row)
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute(_INSERT, params)
                    conn.execute(
                        "INSERT INTO team_outbox (request_id, user_name, team) VALUES (?, ?, ?) "
                        "ON CONFLICT (request_id) DO NOTHING", (row.request_id, user, team))
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc

    def unsent(self, limit: int = 500) -> list[tuple[int, LedgerRow, str, str]]:
        """The oldest rows not yet in the team ledger: (seq, row, user, team), in write order."""
        cols = ", ".join(f"c.{name}" for name in _COLUMNS)
        with self._lock:
            try:
                fetched = self._connection().execute(
                    f"SELECT o.seq, o.user_name, o.team, {cols} FROM team_outbox o "
                    "JOIN calls c ON c.request_id = o.request_id ORDER BY o.seq LIMIT ?", (int(limit),)
                ).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        return [(values[0], _row_from_db(values[3:]), values[1], values[2]) for values in fetched]

    def unsent_costs(self, since: float) -> list[tuple[float, Decimal, str, str]]:
        """(ts, cost, user, team) of the unsent rows from `since` on: what a team total lacks."""
        with self._lock:
            try:
                fetched = self._connection().execute(
                    "SELECT c.ts, c.cost_usd, o.user_name, o.team FROM team_outbox o "
                    "JOIN calls c ON c.request_id = o.request_id WHERE c.ts >= ?", (float(since),)
                ).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        return [(ts, Decimal(str(cost)) if cost is not None else Decimal(0), user, team)
                for ts, cost, user, team in fetched]

    def unsent_count(self) -> int:
        with self._lock:
            try:
                return int(self._connection().execute("SELECT COUNT(*) FROM team_outbox").fetchone()[0])
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc

    def mark_sent(self, seqs: Iterable[int]) -> None:
        """The team ledger has these rows (a row sent twice is skipped there: its request_id)."""
        seqs = [int(s) for s in seqs]
        if not seqs:
            return
        with self._lock:
            try:
                self._connection().executemany("DELETE FROM team_outbox WHERE seq = ?", [(s,) for s in seqs])
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc

    def record_answer(self, answer: AnswerOutcome) -> None:
        """Store an answer's outcome (one row per answer_id; a verdict replaces "shown")."""
        if answer.outcome not in ANSWER_OUTCOMES:
            raise LedgerError(f"spend ledger {self.path}: unknown answer outcome {answer.outcome!r}")
        params = tuple(getattr(answer, name) for name in _ANSWER_COLUMNS)
        with self._lock:
            try:
                self._connection().execute(_UPSERT_ANSWER, params)
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc

    def answers(
        self, *, session: str | None = None, since: float | None = None, until: float | None = None
    ) -> list[AnswerOutcome]:
        """Answer outcomes in time order (same filters as `rows`)."""
        where, params = self._where(session, since, until)
        with self._lock:
            try:
                fetched = self._connection().execute(
                    f"{_SELECT_ANSWERS}{where} ORDER BY ts, answer_id", params
                ).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        return [AnswerOutcome(*values) for values in fetched]

    def answer_counts(self, *, since: float | None = None) -> dict[tuple[str, str], tuple[int, int]]:
        """(bucket, tier) -> (settled, accepted) over answers with a verdict; "partial" is accepted."""
        where, params = self._where(None, since, None)
        where = f"{where} AND outcome != 'shown'" if where else " WHERE outcome != 'shown'"
        query = (f"SELECT bucket, tier, COUNT(*), SUM(outcome IN ('accepted', 'partial')) FROM answers{where} "
                 "GROUP BY bucket, tier")
        with self._lock:
            try:
                fetched = self._connection().execute(query, params).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        return {(bucket, tier): (int(settled), int(accepted or 0)) for bucket, tier, settled, accepted in fetched}

    def _where(
        self, session: str | None, since: float | None, until: float | None
    ) -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        if session is not None:
            clauses.append("session = ?")
            params.append(session)
        if since is not None:
            clauses.append("ts >= ?")
            params.append(float(since))
        if until is not None:
            clauses.append("ts < ?")
            params.append(float(until))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def rows(
        self, *, session: str | None = None, since: float | None = None, until: float | None = None
    ) -> list[LedgerRow]:
        where, params = self._where(session, since, until)
        with self._lock:
            try:
                fetched = self._connection().execute(
                    f"{_SELECT}{where} ORDER BY ts, request_id", params
                ).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        return [_row_from_db(values) for values in fetched]

    def recent_sessions(self, *, limit: int, since: float | None = None) -> list[tuple[str, float, float]]:
        """(session, first ts, last ts) of the `limit` sessions that ended last, newest first."""
        where, params = self._where(None, since, None)
        query = f"SELECT session, MIN(ts), MAX(ts) FROM calls{where} GROUP BY session ORDER BY MAX(ts) DESC LIMIT ?"
        with self._lock:
            try:
                fetched = self._connection().execute(query, [*params, int(limit)]).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        return [(str(session), float(first), float(last)) for session, first, last in fetched]

    def total_cost(self, *, session: str | None = None, since: float | None = None) -> Decimal:
        where, params = self._where(session, since, None)
        where = f"{where} AND cost_usd IS NOT NULL" if where else " WHERE cost_usd IS NOT NULL"
        with self._lock:
            try:
                fetched = self._connection().execute(f"SELECT cost_usd FROM calls{where}", params).fetchall()
            except sqlite3.Error as exc:
                raise LedgerError(_explain(self.path, exc)) from exc
        # Summed here, not by SUM(): SQLite would sum the text as floats.
        return sum_usd(Decimal(str(text)) for (text,) in fetched)

    def close(self) -> None:
        with self._lock:
            self._close_quietly()

    def __enter__(self) -> "SqliteLedger":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqliteLedger({str(self.path)!r})"


def open_ledger(path: Path | str | None = None) -> Ledger:
    """The default ledger (SQLite in the user's data directory, or `path`)."""
    return SqliteLedger(path)
