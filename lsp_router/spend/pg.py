"""The team ledger on PostgreSQL (psycopg 3): the SQLite ledger's rows plus `user_name` and `team`.

Imported only when `storage.ledger` is a PostgreSQL URL (psycopg costs ~60 ms to import).
The schema is versioned in `lsp_router_schema_version` and migrated under an advisory lock,
so servers starting together migrate once. A row's `request_id` is its idempotency key:
`INSERT ... ON CONFLICT (request_id) DO NOTHING`, so a batch sent again after a lost reply
(or by two processes sharing one spool) never doubles a row. Money is NUMERIC, read back as
Decimal: sums are exact.

Who may see the spend per user (`byUser` in the editor): the database decides, in
`lsp_router_team_settings` (key `by_user`): `nobody` (the default), `everyone`, or `admins`
(roles that are members of `lsp_router_admins`, and superusers).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lsp_router.settings import redact_url
from lsp_router.spend.ledger import _COLUMNS, LedgerError, LedgerRow, _row_from_db, _row_params, sum_usd

__all__ = ["PG_SCHEMA_VERSION", "PgLedger", "TeamRow", "TeamTotals", "explain_pg_error", "BY_USER_CHOICES"]

PG_SCHEMA_VERSION = 1
BY_USER_CHOICES = ("nobody", "everyone", "admins")
_LOCK_KEY = 7_316_001_616  # pg_advisory_xact_lock: one migration at a time
_TEAM_COLUMNS = ("user_name", "team")
_ALL = (*_COLUMNS, *_TEAM_COLUMNS)
_BOOLS = {"priced", "cache_hit", "estimated"}

# version -> statements
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE IF NOT EXISTS lsp_router_calls (
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
            cost_usd NUMERIC,
            saved_usd NUMERIC NOT NULL,
            priced BOOLEAN NOT NULL,
            price_source VARCHAR(40) NOT NULL,
            latency_ms DOUBLE PRECISION NOT NULL,
            outcome VARCHAR(20) NOT NULL,
            cache_hit BOOLEAN NOT NULL,
            estimated BOOLEAN NOT NULL,
            reason TEXT NOT NULL,
            error TEXT NOT NULL,
            user_name VARCHAR(200) NOT NULL,
            team VARCHAR(200) NOT NULL,
            received_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX IF NOT EXISTS lsp_router_calls_team_ts ON lsp_router_calls (team, ts)",
        "CREATE INDEX IF NOT EXISTS lsp_router_calls_team_user_ts ON lsp_router_calls (team, user_name, ts)",
        """
        CREATE TABLE IF NOT EXISTS lsp_router_team_settings (
            key VARCHAR(100) PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        # the role whose members see the spend per user when by_user = 'admins' (needs CREATEROLE: skipped without)
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lsp_router_admins') THEN
                CREATE ROLE lsp_router_admins NOLOGIN;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN NULL;
        END $$
        """,
    ),
}

_INSERT = (
    f"INSERT INTO lsp_router_calls ({', '.join(_ALL)}) VALUES ({', '.join(['%s'] * len(_ALL))}) "
    "ON CONFLICT (request_id) DO NOTHING"
)


@dataclass
class TeamRow(LedgerRow):
    """A row of the team ledger: who spent it, in which team."""

    user: str = ""
    team: str = ""


def _where(team: str | None, since: float | None, until: float | None) -> tuple[str, list]:
    """The WHERE clause (and its parameters) of a team-ledger read: one team, a time range."""
    clauses, params = [], []
    for clause, value in (("team = %s", team), ("ts >= %s", since), ("ts < %s", until)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass
class TeamTotals:
    """Exact sums since a day's and a month's start (unix seconds)."""

    day_start: float
    month_start: float
    team_day: Decimal
    team_month: Decimal
    user_day: Decimal
    by_user: dict[str, Decimal] | None  # today's, when the database lets this role see it


def explain_pg_error(url: str, exc: BaseException, password: str | None = None) -> str:
    """One line: what failed (refused, auth, DNS, timeout, ...), and what to do. Never the password."""
    cause = " ".join(str(exc).split()) or type(exc).__name__
    low = cause.lower()
    where = redact_url(url)
    if "password authentication failed" in low or "no password supplied" in low or "authentication failed" in low:
        what, hint = "authentication failed", (
            "check the role and its password (in the URL, storage.ledgerPassword, LSP_ROUTER_PG_PASSWORD or "
            "PGPASSWORD) and pg_hba.conf")
    elif "could not translate host name" in low or "name or service not known" in low or "nodename nor servname" in low:
        what, hint = "DNS lookup failed", "check the host name in storage.ledger"
    elif "connection refused" in low:
        what, hint = "connection refused", (
            "is PostgreSQL running and listening on that address and port (listen_addresses, port)?")
    elif "server closed the connection" in low or "terminating connection" in low or "connection is lost" in low:
        what, hint = "connection lost", "the database went away; rows are kept locally and sent when it is back"
    elif "timeout" in low or "timed out" in low:
        what, hint = "timed out", "check the network path and any firewall to the database host"
    elif "does not exist" in low and "database" in low:
        what, hint = "no such database", "create it (createdb) or fix the name in storage.ledger"
    elif "no pg_hba.conf entry" in low:
        what, hint = "refused by pg_hba.conf", "add a host line for this machine's network to pg_hba.conf"
    elif "permission denied" in low:
        what, hint = "permission denied", "grant the role CREATE on the database (migrate) or USAGE/INSERT/SELECT"
    else:
        what, hint = "failed", "run lsp-router storage check"
    # libpq never puts the password in its messages; the URL is redacted all the same
    return f"team ledger {where}: {what}: {redact(cause, url, password)} ({hint})"


def redact(text: str, url: str, password: str | None = None) -> str:
    from urllib.parse import unquote, urlsplit

    secrets = {os.environ.get("LSP_ROUTER_PG_PASSWORD", ""), os.environ.get("PGPASSWORD", ""), password or ""}
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        secrets |= {password, unquote(password)}
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


class PgLedger:
    """One connection to the team ledger. Not thread-safe: one per thread."""

    def __init__(self, url: str, *, connect_timeout_s: float = 3.0, statement_timeout_ms: int = 5000,
                 password: str | None = None) -> None:
        self.url = url
        # storage.ledgerPassword (an editor's secret store): used when the URL has none
        self._password = password
        self.connect_timeout_s = connect_timeout_s
        self.statement_timeout_ms = statement_timeout_ms
        self._conn: Any = None
        self._by_user: tuple[float, bool] | None = None  # (monotonic, visible): re-read every 10 s

    def __repr__(self) -> str:
        return f"PgLedger({redact_url(self.url)!r})"

    # -- connection -------------------------------------------------------------------

    def connect(self) -> Any:
        """The open connection (made now if needed). Raises LedgerError with a clear cause."""
        if self._conn is not None and not self._conn.closed:
            return self._conn
        import psycopg

        kwargs: dict[str, Any] = {
            "connect_timeout": max(1, int(round(self.connect_timeout_s))),
            "autocommit": True,
            "application_name": "lsp-router",
            "options": f"-c statement_timeout={int(self.statement_timeout_ms)}",
        }
        password = self._password_for_url()
        if password:
            kwargs["password"] = password
        try:
            self._conn = psycopg.connect(self.url, **kwargs)
        except psycopg.Error as exc:
            raise LedgerError(explain_pg_error(self.url, exc, self._password)) from None
        return self._conn

    def _password_for_url(self) -> str | None:
        """The URL's own password wins; else the settings' (storage.ledgerPassword), else
        LSP_ROUTER_PG_PASSWORD; None leaves it to libpq (PGPASSWORD, ~/.pgpass)."""
        from urllib.parse import urlsplit

        if urlsplit(self.url).password is not None:
            return None
        return self._password or os.environ.get("LSP_ROUTER_PG_PASSWORD") or None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                pass
            self._conn = None

    def _run(self, fn):
        import psycopg

        try:
            return fn(self.connect())
        except psycopg.Error as exc:
            self.close()
            raise LedgerError(explain_pg_error(self.url, exc, self._password)) from None

    # -- schema -----------------------------------------------------------------------

    def schema_version(self) -> int:
        """0 when the schema was never created."""

        def read(conn) -> int:
            exists = conn.execute("SELECT to_regclass('lsp_router_schema_version')").fetchone()[0]
            if exists is None:
                return 0
            row = conn.execute("SELECT max(version) FROM lsp_router_schema_version").fetchone()
            return int(row[0] or 0)

        return self._run(read)

    def migrate(self) -> tuple[int, int]:
        """Create or upgrade the schema; (version before, version after)."""

        current = self.schema_version()
        if current == PG_SCHEMA_VERSION:  # nothing to do: a role without CREATE rights may write rows
            return current, current

        def run(conn) -> tuple[int, int]:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS lsp_router_schema_version ("
                    "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
                before = int(conn.execute("SELECT coalesce(max(version), 0) FROM lsp_router_schema_version").fetchone()[0])
                if before > PG_SCHEMA_VERSION:
                    raise LedgerError(
                        f"team ledger {redact_url(self.url)}: schema {before} is newer than this lsp-router "
                        f"knows ({PG_SCHEMA_VERSION}); upgrade lsp-router")
                for version in range(before + 1, PG_SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[version]:
                        conn.execute(statement)
                    conn.execute("INSERT INTO lsp_router_schema_version (version) VALUES (%s)", (version,))
                return before, max(before, PG_SCHEMA_VERSION)

        return self._run(run)

    # -- rows -------------------------------------------------------------------------

    def insert(self, rows: list[tuple[LedgerRow, str, str]]) -> int:
        """Insert (row, user, team) in one transaction; rows already there are skipped. The count inserted."""
        if not rows:
            return 0
        params = [_pg_params(row, user, team) for row, user, team in rows]

        def run(conn) -> int:
            with conn.transaction():
                with conn.cursor() as cur:
                    cur.executemany(_INSERT, params)
                    return max(cur.rowcount, 0)

        return self._run(run)

    def totals(self, *, team: str, user: str, day_start: float, month_start: float) -> TeamTotals:
        def run(conn) -> TeamTotals:
            since = min(day_start, month_start)
            cur = conn.execute(
                "SELECT user_name, "
                "coalesce(sum(cost_usd) FILTER (WHERE ts >= %s), 0), "
                "coalesce(sum(cost_usd) FILTER (WHERE ts >= %s), 0) "
                "FROM lsp_router_calls WHERE team = %s AND ts >= %s GROUP BY user_name",
                (day_start, month_start, team, since),
            )
            day: dict[str, Decimal] = {}
            month = Decimal(0)
            for name, day_cost, month_cost in cur.fetchall():
                day[name] = Decimal(day_cost)
                month += Decimal(month_cost)
            visible = self._by_user_visible(conn)
            return TeamTotals(
                day_start, month_start, sum(day.values(), Decimal(0)), month, day.get(user, Decimal(0)),
                {name: cost for name, cost in sorted(day.items())} if visible else None,
            )

        return self._run(run)

    def _by_user_visible(self, conn) -> bool:
        import time

        cached = self._by_user
        if cached is not None and time.monotonic() - cached[0] < 10.0:
            return cached[1]
        visible = self._read_by_user_visible(conn)
        self._by_user = (time.monotonic(), visible)
        return visible

    def _read_by_user_visible(self, conn) -> bool:
        row = conn.execute("SELECT value FROM lsp_router_team_settings WHERE key = 'by_user'").fetchone()
        policy = (row[0] if row else "nobody").strip().lower()
        if policy == "everyone":
            return True
        if policy != "admins":
            return False
        allowed = conn.execute(
            "SELECT r.rolsuper OR EXISTS (SELECT 1 FROM pg_roles a WHERE a.rolname = 'lsp_router_admins' "
            "AND pg_has_role(current_user, a.oid, 'MEMBER')) FROM pg_roles r WHERE r.rolname = current_user"
        ).fetchone()
        return bool(allowed and allowed[0])

    def rows(self, *, team: str | None = None, since: float | None = None, until: float | None = None) -> list[TeamRow]:
        where, params = _where(team, since, until)

        def run(conn) -> list[TeamRow]:
            with conn.cursor() as cur:
                cur.execute(f"SELECT {', '.join(_ALL)} FROM lsp_router_calls{where} ORDER BY ts, request_id", params)
                out = []
                n = len(_COLUMNS)
                for values in cur:
                    base = _row_from_db(values[:n])
                    out.append(TeamRow(**base.__dict__, user=values[n], team=values[n + 1]))
                return out

        return self._run(run)

    def grouped(self, by: str, *, team: str | None = None, since: float | None = None, zone=None) -> dict[str, Any]:
        """`lsp-router spend --team`: Totals per group, summed by PostgreSQL (100,000 rows in
        well under a second, not a Python loop over rows). `day` is the date in `zone`
        (team.timeZone; None: this machine's): the rows are grouped by quarter hour there
        (every time zone's offset is a whole number of quarters) and the quarters put into days."""
        from datetime import datetime

        from lsp_router.spend.report import Totals

        column = {"user": "user_name", "model": "model", "tier": "tier", "task": "task"}.get(by)
        key = column if column is not None else "floor(ts / 900)::bigint"
        if by != "day" and column is None:
            raise ValueError(f"cannot group by {by!r}")
        where, params = _where(team, since, None)
        query = (
            f"SELECT {key} AS k, count(*), count(*) FILTER (WHERE outcome <> 'escalated'), "
            "count(*) FILTER (WHERE cache_hit), count(*) FILTER (WHERE outcome = 'escalated'), "
            "count(*) FILTER (WHERE outcome = 'error'), count(*) FILTER (WHERE outcome = 'cancelled'), "
            "count(*) FILTER (WHERE cost_usd IS NULL), count(*) FILTER (WHERE estimated), "
            "coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), coalesce(sum(cache_read_tokens), 0), "
            "coalesce(sum(cache_write_tokens), 0), coalesce(sum(cost_usd), 0), coalesce(sum(saved_usd), 0), "
            "array_agg(DISTINCT model) FILTER (WHERE cost_usd IS NULL) "
            f"FROM lsp_router_calls{where} GROUP BY k"
        )

        def run(conn) -> dict[str, Any]:
            groups: dict[str, Totals] = {}
            for (k, calls, requests, hits, escalations, errors, cancelled, unpriced, estimated, tin, tout, tcr, tcw,
                 cost, saved, unpriced_models) in conn.execute(query, params).fetchall():
                name = datetime.fromtimestamp(int(k) * 900, zone).date().isoformat() if by == "day" else str(k)
                t = groups.setdefault(name, Totals())
                t.calls += calls
                t.requests += requests
                t.cache_hits += hits
                t.escalations += escalations
                t.errors += errors
                t.cancelled += cancelled
                t.unpriced += unpriced
                t.estimated += estimated
                t.input_tokens += int(tin)
                t.output_tokens += int(tout)
                t.cache_read_tokens += int(tcr)
                t.cache_write_tokens += int(tcw)
                t.cost = sum_usd((t.cost, Decimal(cost)))
                t.saved = sum_usd((t.saved, Decimal(saved)))
                t.unpriced_models.update(unpriced_models or ())
            return groups

        return self._run(run)

    def count(self) -> int:
        return self._run(lambda conn: int(conn.execute("SELECT count(*) FROM lsp_router_calls").fetchone()[0]))


def _pg_params(row: LedgerRow, user: str, team: str) -> tuple:
    values = list(_row_params(row))
    for i, name in enumerate(_COLUMNS):
        if name in _BOOLS:
            values[i] = bool(values[i])
        elif name in ("cost_usd", "saved_usd") and values[i] is not None:
            values[i] = Decimal(values[i])
    return (*values, user, team)
