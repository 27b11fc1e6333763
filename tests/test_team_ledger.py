"""The team ledger on a real PostgreSQL (tests/pg_server.py), driven through real servers over stdio:
two users share one ledger and one team budget, totals are exact against the loopback
provider's usage, a PostgreSQL killed mid-session loses no row and doubles none."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from pygls.exceptions import JsonRpcException

from tests.conftest import settings_for, stdlib_file
from tests.pg_server import PASSWORD, pg_cluster, pg_own, pg_url  # noqa: F401 (fixtures)
from tests.test_server_spend import billed

psycopg = pytest.importorskip("psycopg")

SOURCE = stdlib_file("textwrap.py")
LINES = SOURCE.read_text().count("\n")


def team_settings(loopback, url: str, user: str, **budget) -> dict:
    return settings_for(
        loopback, routing={"explain": "mini"}, cache={"enabled": False},
        storage={"ledger": url}, team={"user": user, "name": "core"},
        budget={"hardStop": True, **budget},
    )


def pg_rows(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT request_id, user_name, team, cost_usd FROM lsp_router_calls ORDER BY ts").fetchall()


async def wait_for(predicate, timeout: float = 20.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


async def explain_at(session, uri: str, n: int):
    start = (n * 7) % (LINES - 10)
    return await session.explain(uri, (start, 0), (start + 6, 0))


async def test_two_users_share_one_ledger_and_one_team_budget(start_server, loopback, pg_url, dirs, tmp_path):
    loopback.reply("Wraps text.", api="openai-chat", input_tokens=20_000, output_tokens=300)
    cap = Decimal("0.08")
    alice = await start_server(team_settings(loopback, pg_url, "alice@example.com", team={"dailyUsd": float(cap)}),
                               env={"LSP_ROUTER_DATA_DIR": str(tmp_path / "alice")})
    bob = await start_server(team_settings(loopback, pg_url, "bob@example.com", team={"dailyUsd": float(cap)}),
                             env={"LSP_ROUTER_DATA_DIR": str(tmp_path / "bob")})
    uris = {id(alice): alice.open(SOURCE), id(bob): bob.open(SOURCE)}
    stopped = {id(alice): False, id(bob): False}
    answered = 0
    for n in range(40):  # alternate until both refuse: the cap holds across machines
        session = (alice, bob)[n % 2]
        if stopped[id(session)]:
            if all(stopped.values()):
                break
            continue
        try:
            await explain_at(session, uris[id(session)], n)
            answered += 1
        except JsonRpcException as exc:
            assert "budget.team.dailyUsd" in str(exc), exc
            stopped[id(session)] = True
    assert all(stopped.values()), "the team cap never stopped both servers"
    assert answered == len(loopback.requests) >= 3

    billed_each = [billed(r) for r in loopback.requests]
    expected = sum(billed_each, Decimal(0))
    rows = await wait_for(lambda: (r := pg_rows(pg_url)) and len(r) == len(loopback.requests) and r,
                          what="every row in PostgreSQL")
    total = sum((r[3] for r in rows), Decimal(0))
    assert abs(total - expected) < Decimal("1e-6")
    assert {r[1] for r in rows} == {"alice@example.com", "bob@example.com"}
    assert {r[2] for r in rows} == {"core"}
    # past the cap by at most one request per server
    assert cap <= total <= cap + 2 * max(billed_each)

    # the spend object: the team's total across both, its budget; no byUser until the database allows it
    async def team_of(session):
        return (await session.spend())["team"]

    deadline = time.monotonic() + 10
    while True:
        team = await team_of(alice)
        if abs(Decimal(str(team["costUsd"])) - expected) < Decimal("1e-6") or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.3)
    assert abs(Decimal(str(team["costUsd"])) - expected) < Decimal("1e-6"), team
    assert team["ledger"] == "online" and team["user"] == "alice@example.com" and team["name"] == "core"
    assert team["budget"]["state"] == "stopped" and team["budget"]["scope"] == "teamDaily"
    assert "byUser" not in team
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO lsp_router_team_settings (key, value) VALUES ('by_user', 'everyone')")
    by_user = None
    deadline = time.monotonic() + 20  # the database's choice is read again within 10 s
    while time.monotonic() < deadline:
        listed = (await team_of(bob)).get("byUser")
        if listed:
            by_user = {entry["user"]: entry["costUsd"] for entry in listed}
            break
        await asyncio.sleep(0.3)
    assert by_user is not None
    assert set(by_user) == {"alice@example.com", "bob@example.com"}, by_user
    for user in ("alice@example.com", "bob@example.com"):
        mine = sum((r[3] for r in rows if r[1] == user), Decimal(0))
        assert abs(Decimal(str(by_user[user])) - mine) < Decimal("1e-6")

    # `lsp-router spend --team --by user` reads the same ledger
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(json.dumps({"storage": {"ledger": pg_url}, "team": {"name": "core"}}))
    out = subprocess.run([sys.executable, "-m", "lsp_router", "spend", "--team", "--by", "user", "--json",
                          "--settings", str(settings_file)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert PASSWORD not in out.stdout
    assert abs(Decimal(str(report["costUsd"])) - expected) < Decimal("1e-6")
    assert report["requests"] == len(loopback.requests)
    assert {row["user"] for row in report["rows"]} == {"alice@example.com", "bob@example.com"}
    table = subprocess.run([sys.executable, "-m", "lsp_router", "spend", "--team", "--by", "user",
                            "--settings", str(settings_file)], capture_output=True, text=True, timeout=60)
    assert table.returncode == 0 and "alice@example.com" in table.stdout and PASSWORD not in table.stdout


async def test_postgres_killed_mid_session_loses_no_row_and_doubles_none(start_server, loopback, pg_own, dirs):
    url = pg_own.create_database()
    loopback.reply("Wraps text.", api="openai-chat", input_tokens=3_000, output_tokens=100)
    session = await start_server(team_settings(loopback, url, "carol@example.com"))
    uri = session.open(SOURCE)
    for n in range(2):
        await explain_at(session, uri, n)
    await wait_for(lambda: len(pg_rows(url)) == 2, what="the first rows")

    pg_own.kill()
    for n in range(2, 6):  # the request path does not wait for the dead database
        started = time.monotonic()
        await explain_at(session, uri, n)
        assert time.monotonic() - started < 3.0
    offline = await wait_for(lambda: any(e.get("team", {}).get("ledger") == "offline" for e in session.spend_events),
                             what="the offline state")
    assert offline
    snapshot = await session.spend()
    assert snapshot["team"]["ledger"] == "offline" and snapshot["team"]["unsent"] >= 4

    pg_own.start()
    rows = await wait_for(lambda: (r := pg_rows(url)) and len(r) == 6 and r, timeout=30, what="the spooled rows")
    await wait_for(lambda: session.spend_events and session.spend_events[-1].get("team", {}).get("ledger") == "online",
                   what="the online state")
    local = sqlite3.connect(Path(dirs["data"]) / "ledger.sqlite3")
    local_ids = sorted(r[0] for r in local.execute("SELECT request_id FROM calls"))
    assert sorted(r[0] for r in rows) == local_ids and len(local_ids) == 6
    expected = sum((billed(r) for r in loopback.requests), Decimal(0))
    assert abs(sum((r[3] for r in rows), Decimal(0)) - expected) < Decimal("1e-6")

    # a crash between PostgreSQL's commit and the spool's delete sends the rows again: skipped there
    local.execute("INSERT INTO team_outbox (request_id, user_name, team) "
                  "SELECT request_id, 'carol@example.com', 'core' FROM calls")
    local.commit()
    await explain_at(session, uri, 7)  # wakes the writer
    await wait_for(lambda: local.execute("SELECT COUNT(*) FROM team_outbox").fetchone()[0] == 0,
                   what="the spool to drain")
    again = pg_rows(url)
    assert len(again) == 7 and len({r[0] for r in again}) == 7
    local.close()


def storage_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lsp_router", "storage", *args], capture_output=True, text=True,
                          timeout=60, env=env)


def test_storage_check_and_migrate(pg_cluster, tmp_path, server_env):  # noqa: F811
    url = pg_cluster.create_database()
    settings = tmp_path / "s.json"

    def write(ledger_url: str) -> str:
        settings.write_text(json.dumps({"storage": {"ledger": ledger_url}, "team": {"user": "dan@example.com"}}))
        return str(settings)

    plain = storage_cli("check", env=server_env)
    assert plain.returncode == 0 and "not configured" in plain.stdout

    check = storage_cli("check", "--settings", write(url), "--json", env=server_env)
    assert check.returncode == 0, check.stderr
    team = json.loads(check.stdout)["ledger"]["team"]
    assert team["reachable"] and team["schemaVersion"] == 0 and not team["migrated"] and team["user"] == "dan@example.com"
    assert PASSWORD not in check.stdout and "***" in team["url"]

    migrate = storage_cli("migrate", "--settings", write(url), env=server_env)
    assert migrate.returncode == 0 and "schema 0 -> 1" in migrate.stdout, migrate.stdout + migrate.stderr
    again = storage_cli("migrate", "--settings", write(url), env=server_env)
    assert again.returncode == 0 and "up to date" in again.stdout
    check = storage_cli("check", "--settings", write(url), env=server_env)
    assert check.returncode == 0 and "migrated: yes (schema 1)" in check.stdout

    wrong = url.replace(PASSWORD, "not-the-password")
    auth = storage_cli("check", "--settings", write(wrong), env=server_env)
    assert auth.returncode == 1 and "authentication failed" in auth.stderr
    assert "not-the-password" not in auth.stdout + auth.stderr

    # the password from the environment, the URL without it
    bare = url.replace(f":{PASSWORD}@", "@")
    env_pw = storage_cli("check", "--settings", write(bare), env={**server_env, "LSP_ROUTER_PG_PASSWORD": PASSWORD})
    assert env_pw.returncode == 0, env_pw.stderr
    assert PASSWORD not in env_pw.stdout + env_pw.stderr

    with socket_closed_port() as port:
        refused = storage_cli("check", "--settings", write(f"postgresql://postgres@127.0.0.1:{port}/x"), env=server_env)
    assert refused.returncode == 1 and "connection refused" in refused.stderr and "listening" in refused.stderr


class socket_closed_port:
    """A loopback port nobody listens on."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def __exit__(self, *exc) -> None:
        return None


def test_spend_team_sums_in_sql_exactly_as_the_rows_add_up(pg_url):  # noqa: F811
    """`spend --team` groups in PostgreSQL; the same rows summed one by one give the same report."""
    import uuid as uuid_

    from lsp_router.spend.ledger import LedgerRow
    from lsp_router.spend.pg import PgLedger
    from lsp_router.spend.report import TEAM_GROUP_BY, aggregate, from_groups

    ledger = PgLedger(pg_url)
    ledger.migrate()
    now = time.time()
    rows = []
    for i in range(300):
        cost = None if i % 17 == 0 else Decimal("0.000000123456789") * (i + 1) + Decimal("0.01") * (i % 3)
        rows.append((LedgerRow(
            request_id=uuid_.uuid4().hex, ts=now - i * 5000, session="s", workspace="/w",
            task=("autocomplete", "explain", "rename")[i % 3], tier=("mini", "frontier")[i % 2],
            model=("openai:a", "anthropic:b", "x:unpriced")[i % 3], provider="p", input_tokens=i, output_tokens=2 * i,
            cache_read_tokens=i % 5, cache_write_tokens=i % 7, reasoning_tokens=0, cost_usd=cost,
            saved_usd=Decimal("0.0001") * (i % 11) - Decimal("0.00005"), priced=cost is not None,
            price_source="genai-prices", latency_ms=1.0, outcome=("ok", "escalated", "error", "cancelled", "ok")[i % 5],
            cache_hit=i % 4 == 0, estimated=i % 6 == 0), f"u{i % 4}@example.com", "core"))
    assert ledger.insert(rows) == 300
    assert ledger.insert(rows[:10]) == 0  # again: skipped by the idempotency key
    fetched = ledger.rows(team="core")
    for by in TEAM_GROUP_BY:
        assert from_groups(by, ledger.grouped(by, team="core")).as_json() == aggregate(fetched, by).as_json(), by
    since = now - 86400 * 3
    assert from_groups("user", ledger.grouped("user", team="core", since=since)).as_json() == aggregate(
        [r for r in fetched if r.ts >= since], "user").as_json()
    assert ledger.grouped("user", team="other") == {}
    ledger.close()


async def test_a_team_ledger_set_while_running_takes_the_next_rows(start_server, loopback, pg_url):  # noqa: F811
    from lsprotocol import types

    loopback.reply("Wraps text.", api="openai-chat", input_tokens=1_000, output_tokens=50)
    session = await start_server(settings_for(loopback, routing={"explain": "mini"}, cache={"enabled": False}))
    assert "team" not in await session.spend()  # no team ledger: no team in the spend object
    uri = session.open(SOURCE)
    await explain_at(session, uri, 0)
    settings = team_settings(loopback, pg_url, "erin@example.com")
    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"lspRouter": settings}))
    team = None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        team = (await session.spend()).get("team")
        if team and team["ledger"] == "online":
            break
        await asyncio.sleep(0.1)
    assert team and team["ledger"] == "online" and team["user"] == "erin@example.com", team
    await explain_at(session, uri, 1)
    rows = await wait_for(lambda: (r := pg_rows(pg_url)) and r, what="the row in PostgreSQL")
    assert len(rows) == 1 and rows[0][1] == "erin@example.com"  # the row before the change stays local


def test_the_readme_roles_write_rows_and_only_admins_see_spend_by_user(pg_cluster, tmp_path):  # noqa: F811
    """The README's recipe: an owner migrates; a team role with SELECT, INSERT writes rows and reads
    totals; byUser follows lsp_router_team_settings and the lsp_router_admins role."""
    import uuid as uuid_

    from lsp_router.spend.ledger import LedgerRow, SqliteLedger
    from lsp_router.spend.pg import PgLedger
    from lsp_router.spend.team import TeamLedger

    url = pg_cluster.create_database()
    db = url.rsplit("/", 1)[1]
    suffix = uuid_.uuid4().hex[:6]
    team_role, viewer = f"team_{suffix}", f"viewer_{suffix}"
    with psycopg.connect(url, autocommit=True) as conn:
        for role in (team_role, viewer):
            conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw-{role}'")
    PgLedger(url).migrate()  # as the owner (here the superuser)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"GRANT SELECT, INSERT ON lsp_router_calls TO {team_role}, {viewer}")
        conn.execute(f"GRANT SELECT ON lsp_router_schema_version, lsp_router_team_settings TO {team_role}, {viewer}")

    def role_url(role: str) -> str:
        return f"postgresql://{role}:pw-{role}@127.0.0.1:{pg_cluster.port}/{db}"

    team = TeamLedger(SqliteLedger(tmp_path / "l.sqlite3"), role_url(team_role), user="fay@example.com", team="core")
    try:
        row = LedgerRow(request_id=uuid_.uuid4().hex, ts=time.time(), session="s", workspace="/w", task="explain",
                        tier="mini", model="openai:m", provider="openai", input_tokens=1, output_tokens=1,
                        cache_read_tokens=0, cache_write_tokens=0, reasoning_tokens=0, cost_usd=Decimal("0.25"),
                        saved_usd=Decimal(0), priced=True, price_source="x", latency_ms=1.0, outcome="ok",
                        cache_hit=False, estimated=False)
        team.append(row)
        deadline = time.monotonic() + 10
        while (team.sent < 1 or team.state != "online") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert team.state == "online" and team.sent == 1, team.problem
        assert team.totals(fresh=True)[:3] == (Decimal("0.25"), Decimal("0.25"), Decimal("0.25"))
    finally:
        team.close()

    def by_user(role: str):
        ledger = PgLedger(role_url(role))
        try:
            return ledger.totals(team="core", user="x", day_start=0, month_start=0).by_user
        finally:
            ledger.close()

    assert by_user(viewer) is None  # default: nobody
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO lsp_router_team_settings VALUES ('by_user', 'admins')")
    assert by_user(viewer) is None
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"GRANT lsp_router_admins TO {viewer}")
    assert by_user(viewer) == {"fay@example.com": Decimal("0.25")}
    assert by_user(team_role) is None
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE lsp_router_team_settings SET value = 'everyone' WHERE key = 'by_user'")
    assert by_user(team_role) == {"fay@example.com": Decimal("0.25")}


async def test_a_wrong_password_is_told_once_without_the_password(start_server, loopback, pg_url):  # noqa: F811
    wrong = pg_url.replace(PASSWORD, "wrong-secret-42")
    session = await start_server(team_settings(loopback, wrong, "gus@example.com"))
    messages = await session.wait_messages(1)
    text = " ".join(m.message for m in messages)
    assert "authentication failed" in text and "***" in text and "wrong-secret-42" not in text, text
    uri = session.open(SOURCE)
    loopback.reply("Wraps text.", api="openai-chat")
    await explain_at(session, uri, 0)  # the request is answered all the same
    snapshot = await session.spend()
    assert snapshot["team"]["ledger"] == "offline" and snapshot["team"]["unsent"] == 1
    await asyncio.sleep(1.0)
    assert len(session.client.messages) == len(messages)  # told once, not at every retry


async def test_the_password_can_come_from_the_settings_alone(start_server, loopback, pg_url):  # noqa: F811
    """storage.ledgerPassword (VS Code: from Secret Storage) opens a URL without a password,
    and is never shown."""
    bare = pg_url.replace(f":{PASSWORD}@", "@")
    settings = team_settings(loopback, bare, "hal@example.com")
    settings["storage"]["ledgerPassword"] = PASSWORD
    loopback.reply("Wraps text.", api="openai-chat")
    session = await start_server(settings, env={"PGPASSWORD": "", "LSP_ROUTER_PG_PASSWORD": ""})
    await explain_at(session, session.open(SOURCE), 0)
    rows = await wait_for(lambda: pg_rows(pg_url), what="the row in PostgreSQL")
    assert [r[1] for r in rows] == ["hal@example.com"]
    assert (await session.spend())["team"]["ledger"] == "online"
    said = " ".join(m.message for m in [*session.client.messages, *session.client.log_messages])
    assert PASSWORD not in said and session.client.messages == []


async def test_with_redis_the_team_cap_holds_across_servers_while_postgres_is_down(
        start_server, loopback, pg_own, redis_server, tmp_path):
    """The counters in Redis take each row as it is written: two servers whose PostgreSQL is
    down still see each other's spend, so the team cap stops both (without them each would
    spend up to the cap on its own). When PostgreSQL is back every row arrives once, and the
    counters equal the ledger."""
    from lsp_router.spend.redis_counters import RedisTeamCounters
    from lsp_router.spend.team import day_start, month_start

    url = pg_own.create_database()
    pg_own.kill()
    loopback.reply("Wraps text.", api="openai-chat", input_tokens=20_000, output_tokens=300)
    cap = Decimal("0.08")
    sessions = []
    for user in ("dana@example.com", "eli@example.com"):
        settings = team_settings(loopback, url, user, team={"dailyUsd": float(cap)})
        settings["storage"]["cache"] = redis_server.url
        sessions.append(await start_server(settings, env={"LSP_ROUTER_DATA_DIR": str(tmp_path / user)}))
    uris = [s.open(SOURCE) for s in sessions]
    stopped = [False, False]
    for n in range(40):
        i = n % 2
        if all(stopped):
            break
        if stopped[i]:
            continue
        try:
            await explain_at(sessions[i], uris[i], n)
        except JsonRpcException as exc:
            assert "budget.team.dailyUsd" in str(exc), exc
            stopped[i] = True
    assert all(stopped), "the team cap never stopped both servers"
    billed_each = [billed(r) for r in loopback.requests]
    total = sum(billed_each, Decimal(0))
    assert cap <= total <= cap + 2 * max(billed_each), (total, billed_each)
    snapshot = await sessions[0].spend()
    assert snapshot["team"]["ledger"] == "offline"

    now = time.time()
    counted = RedisTeamCounters(redis_server.url, "core").totals(
        user="dana@example.com", day_start=day_start(now), month_start=month_start(now))
    assert abs(counted.team_day - total) < Decimal("1e-6") and abs(counted.team_month - total) < Decimal("1e-6")

    pg_own.start()

    def rows_when_migrated():
        try:
            return pg_rows(url)
        except psycopg.errors.UndefinedTable:  # the servers have not migrated it yet
            return []

    rows = await wait_for(lambda: (r := rows_when_migrated()) and len(r) == len(loopback.requests) and r, timeout=30,
                          what="every spooled row in PostgreSQL")
    assert len({r[0] for r in rows}) == len(rows)
    assert abs(sum((r[3] for r in rows), Decimal(0)) - total) < Decimal("1e-6")
    # the reconcile after the first PostgreSQL read leaves the counters where the ledger is
    await asyncio.sleep(3)
    again = RedisTeamCounters(redis_server.url, "core").totals(
        user="dana@example.com", day_start=day_start(now), month_start=month_start(now))
    assert abs(again.team_day - total) < Decimal("1e-6")


async def test_past_the_team_cap_without_hard_stop_every_task_runs_on_mini(start_server, loopback, pg_url):  # noqa: F811
    """Another machine's spend (a row of alice's in PostgreSQL) takes the team past its daily
    cap: this server's next explanation of a long selection, frontier work before, runs on mini
    and says why; without budget.hardStop nothing is refused."""
    import uuid

    from lsp_router.spend.ledger import LedgerRow
    from lsp_router.spend.pg import PgLedger

    loopback.reply("Wraps text.", input_tokens=2_000, output_tokens=100)
    settings = settings_for(loopback, cache={"enabled": False}, storage={"ledger": pg_url},
                            team={"user": "bob@example.com", "name": "core"}, budget={"team": {"dailyUsd": 1.0}})
    session = await start_server(settings)
    uri = session.open(SOURCE)
    whole = (0, 0), (LINES - 1, 0)  # all of textwrap.py: frontier work
    first = await session.explain(uri, *whole)
    assert first["tier"] == "frontier", first["reason"]

    alice = LedgerRow(
        request_id=uuid.uuid4().hex, ts=time.time(), session="other", workspace="/elsewhere", task="explain",
        tier="frontier", model="anthropic:claude-opus-4-7", provider="anthropic", input_tokens=1, output_tokens=1,
        cache_read_tokens=0, cache_write_tokens=0, reasoning_tokens=0, cost_usd=Decimal("1.5"),
        saved_usd=Decimal(0), priced=True, price_source="genai-prices", latency_ms=1.0, outcome="ok",
        cache_hit=False, estimated=False)
    ledger = PgLedger(pg_url)
    ledger.insert([(alice, "alice@example.com", "core")])
    ledger.close()
    # (a read taken just before the insert is fresh enough for a decision: wait until one sees it)
    async def team_cost():
        return Decimal(str((await session.spend())["team"]["costUsd"]))

    deadline = time.monotonic() + 10
    while await team_cost() < Decimal("1.5") and time.monotonic() < deadline:
        await asyncio.sleep(0.1)

    second = await session.explain(uri, (1, 0), (LINES - 1, 0))
    assert second["tier"] == "mini", second["reason"]
    assert second["reason"].startswith("mini (budget): budget cap reached; would be frontier")
    team = (await session.spend())["team"]
    assert team["budget"]["scope"] == "teamDaily" and team["budget"]["state"] == "over"
    assert Decimal(str(team["costUsd"])) > Decimal("1.5")


def test_counters_that_raise_never_stop_the_rows_reaching_postgres(pg_url, tmp_path):  # noqa: F811
    """The team counters are a shortcut: one that raises (a bug, a Redis library surprise) is
    logged, and the writer thread goes on sending rows and reading PostgreSQL's totals."""
    import uuid as uuid_

    from lsp_router.spend.ledger import LedgerRow, SqliteLedger
    from lsp_router.spend.team import TeamLedger

    class Raising:
        reachable = True

        def count(self, **_):
            raise RuntimeError("count")

        def totals(self, **_):
            raise RuntimeError("totals")

        def raise_to(self, *_):
            raise RuntimeError("raise_to")

        def close(self):
            pass

    team = TeamLedger(SqliteLedger(tmp_path / "l.sqlite3"), pg_url, user="fay@example.com", team="core",
                      counters=Raising())

    def row() -> LedgerRow:
        return LedgerRow(
            request_id=uuid_.uuid4().hex, ts=time.time(), session="s", workspace="/w", task="explain",
            tier="mini", model="openai:gpt-5.4-mini", provider="openai", input_tokens=10, output_tokens=5,
            cache_read_tokens=0, cache_write_tokens=0, reasoning_tokens=0, cost_usd=Decimal("0.25"),
            saved_usd=Decimal(0), priced=True, price_source="genai-prices", latency_ms=1.0, outcome="ok",
            cache_hit=False, estimated=False)

    def sent() -> int:
        try:
            return len(pg_rows(pg_url))
        except psycopg.errors.UndefinedTable:  # not migrated yet
            return 0

    def wait(predicate) -> None:
        deadline = time.monotonic() + 10
        while not predicate() and time.monotonic() < deadline:
            time.sleep(0.05)

    try:
        wait(lambda: team.state == "online")
        for rows in (3, 6):  # each batch is counted (raises), sent, and read back
            for _ in range(3):
                team.append(row())
            wait(lambda: sent() == rows)
            assert sent() == rows
            totals = team.totals(fresh=True)
            assert totals is not None and totals[0] == Decimal("0.25") * rows  # from PostgreSQL
        assert team.state == "online" and team._thread.is_alive()
    finally:
        team.close()


def test_team_time_zone_makes_one_day_for_every_machine(pg_url, redis_server, tmp_path):  # noqa: F811
    """team.timeZone: the team's day is that zone's, whatever zone each machine runs in. At
    23:30 UTC, a row of 00:30 UTC is today in UTC and a row of the previous evening is not; in
    Tokyo (UTC+9) it is already tomorrow, and neither counts. The Redis counters key rows by
    the same dates, and `spend --team --by day` groups in the same zone."""
    import datetime as dt
    import uuid as uuid_
    from zoneinfo import ZoneInfo

    from lsp_router.spend.ledger import LedgerRow, SqliteLedger
    from lsp_router.spend.pg import PgLedger
    from lsp_router.spend.redis_counters import RedisTeamCounters
    from lsp_router.spend.team import TeamLedger, day_start

    utc = dt.timezone.utc
    now = dt.datetime(2026, 12, 4, 23, 30, tzinfo=utc).timestamp()
    early = dt.datetime(2026, 12, 4, 0, 30, tzinfo=utc).timestamp()
    evening_before = dt.datetime(2026, 12, 3, 23, 30, tzinfo=utc).timestamp()

    def row(ts: float, cost: str) -> LedgerRow:
        return LedgerRow(
            request_id=uuid_.uuid4().hex, ts=ts, session="s", workspace="/w", task="explain", tier="mini",
            model="openai:gpt-5.4-mini", provider="openai", input_tokens=1, output_tokens=1, cache_read_tokens=0,
            cache_write_tokens=0, reasoning_tokens=0, cost_usd=Decimal(cost), saved_usd=Decimal(0), priced=True,
            price_source="genai-prices", latency_ms=1.0, outcome="ok", cache_hit=False, estimated=False)

    ledger = PgLedger(pg_url)
    ledger.migrate()
    ledger.insert([(row(early, "0.5"), "gus@example.com", "core"), (row(evening_before, "0.25"), "gus@example.com", "core")])
    ledger.close()
    assert day_start(now, utc) == dt.datetime(2026, 12, 4, tzinfo=utc).timestamp()

    def team_day(zone) -> Decimal:
        team = TeamLedger(SqliteLedger(tmp_path / f"{zone}.sqlite3"), pg_url, user="gus@example.com", team="core",
                          zone=zone, clock=lambda: now)
        try:
            deadline = time.monotonic() + 10
            while (totals := team.totals()) is None and time.monotonic() < deadline:
                time.sleep(0.05)
            return totals[0]
        finally:
            team.close()

    assert team_day(utc) == Decimal("0.5")
    assert team_day(ZoneInfo("Asia/Tokyo")) == Decimal(0)

    counters = RedisTeamCounters(redis_server.url, "core", zone=utc)
    counters.count(request_id="a", user="gus@example.com", ts=early, cost_usd=Decimal("0.5"))
    counters.count(request_id="b", user="gus@example.com", ts=evening_before, cost_usd=Decimal("0.25"))
    got = counters.totals(user="gus@example.com", day_start=day_start(now, utc), month_start=day_start(now, utc))
    assert got.team_day == Decimal("0.5") and got.team_month == Decimal("0.75")
    assert redis_server.client().get("lspr:s:core:d:2026-12-04") is not None

    settings_file = tmp_path / "team.json"
    for zone, days in (("UTC", {"2026-12-03", "2026-12-04"}), ("Asia/Tokyo", {"2026-12-04"})):
        settings_file.write_text(json.dumps({"storage": {"ledger": pg_url}, "team": {"name": "core", "timeZone": zone}}))
        out = subprocess.run([sys.executable, "-m", "lsp_router", "spend", "--team", "--by", "day", "--json",
                              "--settings", str(settings_file)], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert {r["key"] if "key" in r else r.get("day") for r in json.loads(out.stdout)["rows"]} == days, out.stdout
