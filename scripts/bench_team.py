"""The team ledger's cost (issue 16), on a real PostgreSQL started here (tests/pg_server.py):

1. per request, what the event loop spends on the spend bookkeeping (price the call, write the
   ledger row, the budget check), local SQLite ledger vs the team ledger (the row goes to the
   SQLite spool; the writer thread sends it), and with a team cap set (each budget decision
   waits for a fresh read of the team's totals), that read from PostgreSQL or from the team
   counters in a real redis-server (`storage.cache`); and how soon the rows are in PostgreSQL;
2. `lsp-router spend --team --by user --json` on 100,000 rows.

    python scripts/bench_team.py [--requests N] [--rows N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lsp_router.core import ModelRef, Usage  # noqa: E402
from lsp_router.settings import BudgetSettings, Settings  # noqa: E402
from lsp_router.spend.ledger import SqliteLedger  # noqa: E402
from lsp_router.spend.pricing import make_pricer  # noqa: E402
from lsp_router.spend.tracker import SpendTracker  # noqa: E402

MINI = ModelRef.parse("openai:gpt-5.4-mini")
FRONTIER = ModelRef.parse("anthropic:claude-opus-4-7")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def per_request(ledger, budget: BudgetSettings, n: int, gap_s: float = 0.0) -> list[float]:
    tracker = SpendTracker(ledger, session="bench", workspace="/w", pricer=make_pricer(Settings()), budget=budget,
                           frontier_model=FRONTIER)
    times = []
    for i in range(n):
        if gap_s:
            time.sleep(gap_s)  # requests come apart: each budget decision reads afresh
        t0 = time.perf_counter()
        tracker.budget_status()  # before the call: routing and the hard stop
        tracker.record_call(request_id=uuid.uuid4().hex, task="autocomplete", tier="mini", model=MINI,
                            usage=Usage(input_tokens=1500, output_tokens=40), latency_ms=300.0, outcome="ok",
                            write=False)
        tracker.flush()  # after the reply: the ledger row
        times.append((time.perf_counter() - t0) * 1000)
    return times


def pg_count(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM lsp_router_calls").fetchone()[0]


def bench_requests(pg, n: int, redis_url: str | None) -> dict:
    from lsp_router.spend.team import TeamLedger

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        local = SqliteLedger(Path(tmp) / "local.sqlite3")
        per_request(local, BudgetSettings(), 100)  # warm up
        out["local"] = per_request(local, BudgetSettings(), n)
        local.close()

        url = pg.create_database()
        team = TeamLedger(SqliteLedger(Path(tmp) / "team.sqlite3"), url, user="bench@example.com", team="bench")
        deadline = time.monotonic() + 10
        while team.state != "online" and time.monotonic() < deadline:
            time.sleep(0.02)
        per_request(team, BudgetSettings(), 100)
        started = time.monotonic()
        out["team"] = per_request(team, BudgetSettings(), n)
        loop_done = time.monotonic()
        while pg_count(url) < n + 100 and time.monotonic() < loop_done + 30:
            time.sleep(0.01)
        out["drain_s"] = time.monotonic() - loop_done
        out["rows_per_s"] = (n + 100) / (time.monotonic() - started)
        capped = BudgetSettings(team_daily_usd=Decimal(1000), hard_stop=True)
        m = max(50, n // 10)
        out["team_cap"] = per_request(team, capped, m, gap_s=0.015)
        team.close()
        if redis_url:
            from lsp_router.spend.redis_counters import RedisTeamCounters

            counted = TeamLedger(SqliteLedger(Path(tmp) / "counted.sqlite3"), url, user="bench@example.com",
                                 team="bench-redis", counters=RedisTeamCounters(redis_url, "bench-redis"))
            per_request(counted, capped, 20, gap_s=0.015)
            out["team_cap_redis"] = per_request(counted, capped, m, gap_s=0.015)
            counted.close()
    return out


def bench_report(pg, rows: int) -> dict:
    import psycopg

    from lsp_router.spend.pg import _ALL, PgLedger, _pg_params
    from lsp_router.spend.ledger import LedgerRow

    url = pg.create_database()
    PgLedger(url).migrate()
    now = time.time()
    users = [f"dev{i}@example.com" for i in range(12)]
    models = ["openai:gpt-5.4-mini", "anthropic:claude-opus-4-7", "openai:gpt-5.4-nano"]
    t0 = time.perf_counter()
    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            with cur.copy(f"COPY lsp_router_calls ({', '.join(_ALL)}) FROM STDIN") as copy:
                for i in range(rows):
                    row = LedgerRow(
                        request_id=uuid.uuid4().hex, ts=now - (i % (30 * 86400)), session=f"s{i % 300}",
                        workspace="/w", task=("autocomplete", "explain", "rename", "refactor")[i % 4],
                        tier=("mini", "frontier", "nano")[i % 3], model=models[i % 3], provider=models[i % 3].split(":")[0],
                        input_tokens=1500, output_tokens=40, cache_read_tokens=0, cache_write_tokens=0,
                        reasoning_tokens=0, cost_usd=Decimal("0.000123") * (1 + i % 7), saved_usd=Decimal("0.0004"),
                        priced=True, price_source="genai-prices", latency_ms=300.0, outcome="ok", cache_hit=False,
                        estimated=False)
                    copy.write_row(_pg_params(row, users[i % len(users)], "bench"))
        conn.commit()
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        settings = Path(tmp) / "settings.json"
        settings.write_text(json.dumps({"storage": {"ledger": url}, "team": {"name": "bench"}}))
        env = {**os.environ, "LSP_ROUTER_DATA_DIR": tmp}
        walls = []
        for _ in range(3):
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "lsp_router", "spend", "--team", "--by", "user", "--json",
                                   "--settings", str(settings)], capture_output=True, text=True, env=env, check=True)
            walls.append(time.perf_counter() - t0)
        report = json.loads(done.stdout)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import lsp_router.spend.cli"], check=True, env=env)
        startup = time.perf_counter() - t0
    ledger = PgLedger(url)
    t0 = time.perf_counter()
    fetched = ledger.rows(team="bench")
    fetch_s = time.perf_counter() - t0
    from lsp_router.spend.report import aggregate

    t0 = time.perf_counter()
    aggregate(fetched, "user")
    aggregate_s = time.perf_counter() - t0
    ledger.close()
    return {"rows": report["requests"], "load_s": load_s, "wall_s": statistics.median(walls), "walls": walls,
            "startup_s": startup, "fetch_s": fetch_s, "aggregate_s": aggregate_s}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    from tests.pg_server import PostgresServer

    from tests.redis_server import RedisServer, redis_server_binary

    pg = PostgresServer()
    pg.start()
    redis = None
    tmp = tempfile.TemporaryDirectory()
    if redis_server_binary():
        redis = RedisServer(Path(tmp.name)).start()
    try:
        r = bench_requests(pg, args.requests, redis.url if redis else None)
        s = bench_report(pg, args.rows)
    finally:
        pg.close()
        if redis:
            redis.kill()
        tmp.cleanup()
    print(f"# bench_team.py: the team ledger on PostgreSQL ({pg.bin})")
    print()
    print(f"Per request, on the event loop (budget check + price + ledger row), {args.requests} requests:")
    for name, label in (("local", "local SQLite ledger"), ("team", "team ledger (SQLite spool + writer thread)"),
                        ("team_cap", "team ledger with budget.team.dailyUsd (a fresh team read per decision)"),
                        ("team_cap_redis", "…with the team counters in Redis (the fresh read from Redis)")):
        values = r.get(name)
        if values is None:
            print(f"  {label}: skipped (no redis-server: scripts/install_redis.sh)")
            continue
        print(f"  {label}: p50 {pct(values, 0.5):.3f} ms, p99 {pct(values, 0.99):.3f} ms ({len(values)} requests)")
    print(f"  rows in PostgreSQL {r['drain_s'] * 1000:.0f} ms after the last request; "
          f"{r['rows_per_s']:.0f} rows/s end to end")
    print()
    print(f"`lsp-router spend --team --by user --json` on {s['rows']:,} rows (loaded by COPY in {s['load_s']:.1f} s):")
    print(f"  wall {s['wall_s']:.2f} s median of {', '.join(f'{w:.2f}' for w in s['walls'])} s "
          f"(of which the interpreter and imports {s['startup_s']:.2f} s; it sums in SQL: the same rows fetched "
          f"one by one take {s['fetch_s']:.2f} s and adding them up in Python {s['aggregate_s']:.2f} s more)")
    print()
    print("## Summary")
    print(f"per-request overhead p50 {pct(r['local'], 0.5):.3f} ms local, {pct(r['team'], 0.5):.3f} ms with the team "
          f"ledger (p99 {pct(r['local'], 0.99):.3f} / {pct(r['team'], 0.99):.3f} ms), "
          f"{pct(r['team_cap'], 0.5):.2f} ms with a team cap (fresh read)"
          + (f", {pct(r['team_cap_redis'], 0.5):.2f} ms with it from Redis" if "team_cap_redis" in r else "") + "; "
          f"`spend --team` on {s['rows']:,} rows {s['wall_s']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
