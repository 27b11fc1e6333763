"""The SQLite ledger (exact money, durability, several processes), budgets and the tracker."""

from __future__ import annotations

import stat
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from genai_prices import Usage as GenaiUsage
from genai_prices import calc_price

from lsp_router.core import ModelRef, Usage
from lsp_router.spend.budget import BudgetSettings, BudgetStatus
from lsp_router.spend.ledger import Ledger, LedgerError, LedgerRow, SqliteLedger, open_ledger
from lsp_router.spend.pricing import PriceOverride, Pricer, estimated_usage
from lsp_router.spend.tracker import SpendTracker
from lsp_router.providers.usage import usage_from_wire

REPO = Path(__file__).resolve().parents[1]


def make_row(request_id: str, cost: Decimal | None, **kw) -> LedgerRow:
    values = dict(
        request_id=request_id,
        ts=time.time(),
        session="s1",
        workspace="/w",
        task="autocomplete",
        tier="mini",
        model="openai:gpt-5.4-mini",
        provider="openai",
        input_tokens=100,
        output_tokens=10,
        cache_read_tokens=0,
        cache_write_tokens=0,
        reasoning_tokens=0,
        cost_usd=cost,
        saved_usd=Decimal(0),
        priced=cost is not None,
        price_source="genai-prices" if cost is not None else "unpriced",
        latency_ms=12.5,
        outcome="ok",
        cache_hit=False,
        estimated=False,
    )
    values.update(kw)
    return LedgerRow(**values)


# ------------------------------------------------------------------------------ ledger


def test_append_rows_and_exact_total(tmp_path):
    ledger = SqliteLedger(tmp_path / "ledger.sqlite3")
    assert isinstance(ledger, Ledger)
    for i in range(10):
        ledger.append(make_row(f"r{i}", Decimal("0.1")))
    tiny = Decimal("0.0000001234567890123")
    ledger.append(make_row("tiny", tiny, saved_usd=Decimal("-0.000000000001")))
    ledger.append(make_row("unpriced", None))

    assert ledger.total_cost() == Decimal("1") + tiny  # floats would give 0.9999999999999999
    rows = ledger.rows()
    assert len(rows) == 12
    by_id = {r.request_id: r for r in rows}
    assert by_id["tiny"].cost_usd == tiny and by_id["tiny"].saved_usd == Decimal("-0.000000000001")
    assert by_id["unpriced"].cost_usd is None and by_id["unpriced"].priced is False
    assert by_id["r3"] == make_row("r3", Decimal("0.1"), ts=by_id["r3"].ts)
    ledger.close()


def test_memory_ledger_keeps_rows_and_writes_no_file(tmp_path, monkeypatch):
    # the fallback when the ledger file cannot be used: rows are kept for this process
    monkeypatch.chdir(tmp_path)
    ledger = open_ledger(":memory:")
    ledger.append(make_row("r1", Decimal("0.25")))
    assert ledger.total_cost() == Decimal("0.25")
    ledger.close()
    assert list(tmp_path.iterdir()) == []


def test_survives_reopen_and_file_is_private(tmp_path):
    path = tmp_path / "sub" / "ledger.sqlite3"
    ledger = SqliteLedger(path)
    row = make_row("a", Decimal("0.00036"), reason="short completion", error="", estimated=True, outcome="cancelled")
    ledger.append(row)
    ledger.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

    again = open_ledger(path)
    assert again.rows() == [row]
    assert again.total_cost() == Decimal("0.00036")
    again.close()


def test_default_path_respects_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LSP_ROUTER_DATA_DIR", str(tmp_path / "data"))
    ledger = SqliteLedger()
    assert ledger.path == tmp_path / "data" / "ledger.sqlite3"
    ledger.close()


def test_insert_is_idempotent_on_request_id(tmp_path):
    ledger = SqliteLedger(tmp_path / "l.sqlite3")
    ledger.append(make_row("same", Decimal("0.5")))
    ledger.append(make_row("same", Decimal("0.5")))
    ledger.append(make_row("same", Decimal("9")))  # a retried insert never doubles or rewrites
    assert [r.cost_usd for r in ledger.rows()] == [Decimal("0.5")]
    assert ledger.total_cost() == Decimal("0.5")


def test_filters(tmp_path):
    ledger = SqliteLedger(tmp_path / "l.sqlite3")
    ledger.append(make_row("old", Decimal("1"), ts=1000.0))
    ledger.append(make_row("mid", Decimal("2"), ts=2000.0, session="s2"))
    ledger.append(make_row("new", Decimal("4"), ts=3000.0))
    assert [r.request_id for r in ledger.rows(since=2000.0)] == ["mid", "new"]
    assert [r.request_id for r in ledger.rows(until=2000.0)] == ["old"]
    assert [r.request_id for r in ledger.rows(session="s1", since=1500)] == ["new"]
    assert ledger.total_cost(session="s1") == Decimal(5)
    assert ledger.total_cost(since=1500) == Decimal(6)


def test_rejects_bad_rows(tmp_path):
    ledger = SqliteLedger(tmp_path / "l.sqlite3")
    with pytest.raises(ValueError, match="outcome"):
        ledger.append(make_row("x", Decimal(1), outcome="maybe"))
    with pytest.raises(TypeError, match="Decimal"):
        ledger.append(make_row("y", 0.1))
    assert ledger.rows() == []


_WORKER = textwrap.dedent(
    """
    import sys, time
    from decimal import Decimal
    sys.path.insert(0, sys.argv[1])
    from lsp_router.spend.ledger import SqliteLedger, LedgerRow
    path, worker, n, start_at = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    ledger = SqliteLedger(path)
    def row(rid, cost):
        return LedgerRow(rid, time.time(), f"w{worker}", "/w", "rename", "mini", "openai:gpt-5.4-mini",
                         "openai", 10, 1, 0, 0, 0, cost, Decimal(0), True, "genai-prices", 1.0, "ok",
                         False, False)
    while time.time() < start_at:
        time.sleep(0.001)
    for i in range(n):
        ledger.append(row(f"w{worker}-{i}", Decimal(f"0.{worker}{i:05d}1")))
        if i % 10 == 0:  # a retried insert of the same call
            ledger.append(row(f"w{worker}-{i}", Decimal(f"0.{worker}{i:05d}1")))
        if i % 5 == 0:  # every process also writes the same shared calls
            ledger.append(row(f"shared-{i}", Decimal("0.000003")))
    ledger.close()
    """
)


def test_several_processes_write_at_once(tmp_path):
    path = tmp_path / "ledger.sqlite3"  # created by the workers themselves, all at once
    workers, n = 4, 300
    start_at = time.time() + 1.0
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(REPO), str(path), str(w), str(n), str(start_at)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(1, workers + 1)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err

    ledger = SqliteLedger(path)
    rows = ledger.rows()
    shared = n // 5
    assert len(rows) == workers * n + shared
    assert len({r.request_id for r in rows}) == len(rows)
    expected = sum(
        (Decimal(f"0.{w}{i:05d}1") for w in range(1, workers + 1) for i in range(n)), Decimal(0)
    ) + shared * Decimal("0.000003")
    assert ledger.total_cost() == expected
    assert {r.session for r in rows if not r.request_id.startswith("shared")} == {f"w{w}" for w in range(1, 5)}
    # The writers really ran at the same time: their time ranges overlap.
    spans = [
        (min(r.ts for r in rows if r.session == f"w{w}"), max(r.ts for r in rows if r.session == f"w{w}"))
        for w in range(1, workers + 1)
    ]
    assert max(start for start, _ in spans) < min(end for _, end in spans)


_CRASHER = textwrap.dedent(
    """
    import sys, time
    from decimal import Decimal
    sys.path.insert(0, sys.argv[1])
    from lsp_router.spend.ledger import SqliteLedger, LedgerRow
    ledger = SqliteLedger(sys.argv[2])
    i = 0
    while True:
        ledger.append(LedgerRow(f"c{i}", time.time(), "s", "/w", "explain", "mini", "openai:gpt-5.4-mini",
                                "openai", 10, 1, 0, 0, 0, Decimal("0.001"), Decimal(0), True,
                                "genai-prices", 1.0, "ok", False, False))
        print(f"c{i}", flush=True)  # the call is billed and recorded
        i += 1
    """
)


def test_a_killed_process_loses_no_recorded_row(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", _CRASHER, str(REPO), str(path)], stdout=subprocess.PIPE, text=True)
    recorded = [proc.stdout.readline().strip() for _ in range(50)]
    proc.kill()
    proc.wait(timeout=10)
    ledger = SqliteLedger(path)
    stored = {r.request_id for r in ledger.rows()}
    assert set(recorded) <= stored
    assert ledger.total_cost() == len(stored) * Decimal("0.001")


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(b"this is not sqlite at all \x00\xff" * 200)
    with pytest.raises(LedgerError) as info:
        SqliteLedger(path)
    message = str(info.value)
    assert str(path) in message
    assert "not a database" in message
    assert "move it aside" in message


def test_unusable_location_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LedgerError) as info:
        SqliteLedger(blocker / "ledger.sqlite3")
    assert str(blocker / "ledger.sqlite3") in str(info.value)


# ------------------------------------------------------------------------------ budget


def test_budget_settings_from_dict():
    assert BudgetSettings.from_dict({}) == BudgetSettings()
    assert BudgetSettings.from_dict({"sessionUsd": 2, "dailyUsd": "10.5", "hardStop": True}) == BudgetSettings(
        Decimal(2), Decimal("10.5"), True
    )
    assert BudgetSettings.from_dict({"sessionUsd": None}).session_usd is None
    for bad, key in (
        ({"sessionUsd": -1}, "budget.sessionUsd"),
        ({"dailyUsd": "ten"}, "budget.dailyUsd"),
        ({"dailyUsd": [1]}, "budget.dailyUsd"),
        ({"hardStop": "yes"}, "budget.hardStop"),
        ({"sesionUsd": 1}, "budget.sesionUsd"),
    ):
        with pytest.raises(ValueError, match=key.replace(".", r"\.")):
            BudgetSettings.from_dict(bad)


def test_budget_status_json():
    status = BudgetStatus("near", Decimal("1.00"), Decimal("0.85"), "daily")
    assert status.as_json() == {"cap": 1.0, "used": 0.85, "state": "near", "scope": "daily"}
    assert BudgetStatus("ok", None, Decimal(0), None).as_json() == {"cap": None, "used": 0.0, "state": "ok", "scope": None}


# ------------------------------------------------------------------------------ tracker

MINI = ModelRef.parse("openai:gpt-5.4-mini")
FRONTIER = ModelRef.parse("anthropic:claude-opus-4-7")
# $1 per input token, $0 per output token: budget arithmetic in whole dollars.
DOLLAR = ModelRef.parse("acme:dollar")
DOLLAR_PRICE = PriceOverride.from_dict({"inputPerMTok": 1_000_000, "outputPerMTok": 0})


def genai_cost(model: ModelRef, usage: Usage) -> Decimal:
    gu = GenaiUsage(
        input_tokens=usage.input_tokens,
        output_tokens=usage.output_tokens,
        cache_read_tokens=usage.cache_read_tokens,
        cache_write_tokens=usage.cache_write_tokens,
    )
    return calc_price(gu, model.name, provider_id=model.provider).total_price


def tracker(tmp_path, *, budget=None, session="s1", **kw) -> SpendTracker:
    return SpendTracker(
        SqliteLedger(tmp_path / "ledger.sqlite3"),
        session=session,
        workspace="/w",
        pricer=Pricer({"acme:dollar": DOLLAR_PRICE}),
        budget=budget or BudgetSettings(),
        frontier_model=FRONTIER,
        **kw,
    )


CHAT_USAGE = {"prompt_tokens": 2000, "completion_tokens": 300, "prompt_tokens_details": {"cached_tokens": 1536}}


def test_session_totals_and_savings(tmp_path):
    t = tracker(tmp_path)
    usage = usage_from_wire(CHAT_USAGE, "openai-chat")
    row = t.record_call(request_id="a", task="autocomplete", tier="mini", model=MINI, usage=usage,
                        latency_ms=210.0, outcome="ok", reason="short completion", provider_api="openai-chat")
    mini_cost = genai_cost(MINI, usage)
    frontier_cost = genai_cost(FRONTIER, usage)
    assert row.cost_usd == mini_cost and row.price_source == "genai-prices"
    assert row.saved_usd == frontier_cost - mini_cost > 0

    hit = t.record_cache_hit(request_id="b", task="autocomplete", tier="mini", model=MINI, original_cost=mini_cost)
    assert hit.cost_usd == 0 and hit.saved_usd == mini_cost and hit.cache_hit

    big = Usage(input_tokens=5000, output_tokens=800)
    t.record_call(request_id="c", task="refactor", tier="frontier", model=FRONTIER, usage=big,
                  latency_ms=3000.0, outcome="ok")
    snap = t.snapshot()
    s = snap["session"]
    total_cost = mini_cost + genai_cost(FRONTIER, big)
    total_saved = frontier_cost - mini_cost + mini_cost
    assert s["id"] == "s1"
    assert s["costUsd"] == float(total_cost)
    assert s["savedUsd"] == float(total_saved)
    assert s["frontierCostUsd"] == float(total_cost + total_saved)
    assert (s["requests"], s["cacheHits"], s["escalations"], s["errors"], s["unpriced"]) == (3, 1, 0, 0, 0)
    assert s["byTask"]["autocomplete"] == {
        "costUsd": float(mini_cost), "savedUsd": float(frontier_cost), "requests": 2, "cacheHits": 1, "escalations": 0,
    }
    assert s["byTask"]["refactor"]["savedUsd"] == 0.0
    assert s["byTier"] == {
        "mini": {"costUsd": float(mini_cost), "requests": 2},
        "frontier": {"costUsd": float(genai_cost(FRONTIER, big)), "requests": 1},
    }
    assert s["budget"] == {"cap": None, "used": float(total_cost), "state": "ok", "scope": None}
    assert snap["last"] == {
        "task": "refactor", "tier": "frontier", "model": "anthropic:claude-opus-4-7", "reason": "",
        "costUsd": float(genai_cost(FRONTIER, big)), "savedUsd": 0.0, "cached": False, "outcome": "ok",
        "priced": True, "estimated": False, "inputTokens": 5000, "outputTokens": 800, "latencyMs": 3000.0,
    }
    # Everything is in the ledger, exactly.
    assert t.ledger.total_cost(session="s1") == total_cost
    assert len(t.ledger.rows()) == 3


def test_escalation_is_one_request_and_its_mini_call_is_not_a_saving(tmp_path):
    t = tracker(tmp_path)
    u1 = Usage(input_tokens=800, output_tokens=60)
    u2 = Usage(input_tokens=900, output_tokens=70)
    mini = t.record_call(request_id="req1:mini", task="rename", tier="mini", model=MINI, usage=u1,
                         latency_ms=300, outcome="escalated", reason="check failed: not an identifier")
    front = t.record_call(request_id="req1:frontier", task="rename", tier="frontier", model=FRONTIER, usage=u2,
                          latency_ms=900, outcome="ok", reason="escalated")
    assert mini.saved_usd == -genai_cost(MINI, u1)
    assert front.saved_usd == 0
    s = t.snapshot()["session"]
    assert (s["requests"], s["escalations"]) == (1, 1)
    assert s["byTask"]["rename"]["requests"] == 1 and s["byTask"]["rename"]["escalations"] == 1
    assert s["costUsd"] == float(genai_cost(MINI, u1) + genai_cost(FRONTIER, u2))
    assert s["frontierCostUsd"] == float(genai_cost(FRONTIER, u2))  # always-frontier: one call


def test_unpriced_error_and_cancelled_calls(tmp_path):
    t = tracker(tmp_path)
    private = ModelRef.parse("acme:secret-model")
    row = t.record_call(request_id="u", task="explain", tier="mini", model=private,
                        usage=Usage(input_tokens=100, output_tokens=10), latency_ms=5, outcome="ok")
    assert row.cost_usd is None and not row.priced and row.price_source == "unpriced" and row.saved_usd == 0
    t.record_call(request_id="e", task="explain", tier="mini", model=MINI, usage=Usage(), latency_ms=5,
                  outcome="error", error="rate limited")
    usage = estimated_usage("prompt text " * 50, "half an answer")
    cancelled = t.record_call(request_id="c", task="explain", tier="mini", model=MINI, usage=usage,
                              latency_ms=50, outcome="cancelled")
    assert cancelled.estimated and cancelled.cost_usd == genai_cost(MINI, usage) > 0
    snap = t.snapshot()
    assert snap["session"]["unpriced"] == 1
    assert snap["session"]["errors"] == 1
    assert snap["session"]["requests"] == 3
    assert snap["session"]["costUsd"] == float(genai_cost(MINI, usage))
    assert [r.estimated for r in t.ledger.rows()] == [False, False, True]


def test_unpriced_last_call_has_null_cost(tmp_path):
    t = tracker(tmp_path)
    t.record_call(request_id="u", task="explain", tier="mini", model=ModelRef.parse("acme:x"),
                  usage=Usage(input_tokens=1), latency_ms=1, outcome="ok")
    last = t.snapshot()["last"]
    assert last["costUsd"] is None and last["priced"] is False


def test_recording_the_same_call_twice_counts_once(tmp_path):
    t = tracker(tmp_path)
    for _ in range(2):
        t.record_call(request_id="dup", task="explain", tier="mini", model=DOLLAR,
                      usage=Usage(input_tokens=3), latency_ms=1, outcome="ok")
    assert t.snapshot()["session"]["costUsd"] == 3.0
    assert t.ledger.total_cost() == Decimal(3)


def _spend(t: SpendTracker, rid: str, dollars: int, **kw) -> LedgerRow:
    return t.record_call(request_id=rid, task="explain", tier="mini", model=DOLLAR,
                         usage=Usage(input_tokens=dollars), latency_ms=1, outcome="ok", **kw)


def test_session_budget_near_over_and_warning_once(tmp_path):
    t = tracker(tmp_path, budget=BudgetSettings(session_usd=Decimal(10)))
    _spend(t, "1", 7)
    assert t.budget_status() == BudgetStatus("ok", Decimal(10), Decimal(7), "session")
    assert t.budget_warning() is None
    _spend(t, "2", 1)
    assert t.budget_status().state == "near"
    warning = t.budget_warning()
    assert warning and "budget.sessionUsd" in warning and "80%" in warning
    assert t.budget_warning() is None
    _spend(t, "3", 1)
    assert t.budget_status().state == "near"
    assert t.budget_warning() is None
    _spend(t, "4", 1)
    assert t.budget_status() == BudgetStatus("over", Decimal(10), Decimal(10), "session")
    over = t.budget_warning()
    assert over and "budget.sessionUsd" in over
    assert t.budget_warning() is None
    assert t.snapshot()["session"]["budget"] == {"cap": 10.0, "used": 10.0, "state": "over", "scope": "session"}

    # Raising the cap re-arms the warning; a new crossing warns again.
    t.configure(budget=BudgetSettings(session_usd=Decimal(100)))
    assert t.budget_status().state == "ok" and t.budget_warning() is None
    t.configure(budget=BudgetSettings(session_usd=Decimal(12)))
    assert t.budget_status().state == "near" and t.budget_warning() is not None

    # A new session starts from zero.
    t.reset_session("s2")
    assert t.budget_status() == BudgetStatus("ok", Decimal(12), Decimal(0), "session")
    assert t.snapshot()["session"]["id"] == "s2" and t.snapshot()["session"]["requests"] == 0


def test_hard_stop(tmp_path):
    t = tracker(tmp_path, budget=BudgetSettings(session_usd=Decimal(5), hard_stop=True))
    _spend(t, "1", 5)
    status = t.budget_status()
    assert status.state == "stopped" and status.blocks_paid_calls
    message = status.message()
    assert "budget.sessionUsd" in message and "cached results still work" in message
    assert t.budget_warning() == message
    assert t.budget_warning() is None
    # A cache hit is still recorded, free.
    hit = t.record_cache_hit(request_id="h", task="explain", tier="mini", model=DOLLAR, original_cost=Decimal(2))
    assert hit.cost_usd == 0 and t.budget_status().used_usd == Decimal(5)


def test_daily_budget_counts_other_processes(tmp_path):
    t = tracker(tmp_path, budget=BudgetSettings(daily_usd=Decimal(100), session_usd=Decimal(1000)), daily_refresh_s=0)
    other = SqliteLedger(tmp_path / "ledger.sqlite3")  # another editor window's server
    yesterday = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).timestamp() + 3600
    other.append(make_row("old", Decimal(500), ts=yesterday, session="other"))
    other.append(make_row("o1", Decimal(60), session="other"))
    _spend(t, "mine", 10)
    status = t.budget_status()
    assert status == BudgetStatus("ok", Decimal(100), Decimal(70), "daily")
    assert t.budget_warning() is None
    other.append(make_row("o2", Decimal("15.5"), session="other"))
    assert t.budget_status() == BudgetStatus("near", Decimal(100), Decimal("85.5"), "daily")
    warning = t.budget_warning()
    assert warning and "budget.dailyUsd" in warning and "today" in warning
    assert t.snapshot()["session"]["costUsd"] == 10.0  # the session is still only this process's
    other.close()


def test_daily_total_is_cached_but_own_calls_count_at_once(tmp_path):
    t = tracker(tmp_path, budget=BudgetSettings(daily_usd=Decimal(100)), daily_refresh_s=3600)
    other = SqliteLedger(tmp_path / "ledger.sqlite3")
    other.append(make_row("o1", Decimal(20), session="other"))
    assert t.budget_status().used_usd == Decimal(20)
    other.append(make_row("o2", Decimal(30), session="other"))  # not seen until the cache expires
    _spend(t, "mine", 7)
    assert t.budget_status().used_usd == Decimal(27)
    t._daily_refresh_s = 0
    assert t.budget_status().used_usd == Decimal(57)
    other.close()


class FlakyLedger:
    def __init__(self, inner: Ledger):
        self.inner = inner
        self.fail = True

    def append(self, row):
        if self.fail:
            raise LedgerError("spend ledger /x: disk I/O error (free some disk space)")
        self.inner.append(row)

    def rows(self, **kw):
        return self.inner.rows(**kw)

    def total_cost(self, **kw):
        return self.inner.total_cost(**kw)

    def close(self):
        self.inner.close()


def test_a_failed_write_is_counted_once_and_can_be_retried(tmp_path):
    ledger = FlakyLedger(SqliteLedger(tmp_path / "l.sqlite3"))
    t = SpendTracker(ledger, session="s", workspace="/w", pricer=Pricer({"acme:dollar": DOLLAR_PRICE}),
                     budget=BudgetSettings(), frontier_model=FRONTIER)
    with pytest.raises(LedgerError):
        _spend(t, "r", 4)
    assert t.snapshot()["session"]["costUsd"] == 4.0
    ledger.fail = False
    _spend(t, "r", 4)
    assert t.snapshot()["session"]["costUsd"] == 4.0
    assert ledger.total_cost() == Decimal(4)


def test_rows_counted_now_are_written_at_the_flush_in_order(tmp_path):
    """The server counts a call at once (budgets, the spend snapshot) and writes its row
    after the reply has gone out."""
    t = tracker(tmp_path, budget=BudgetSettings(daily_usd=Decimal(100)), daily_refresh_s=0)
    other = SqliteLedger(tmp_path / "ledger.sqlite3")
    _spend(t, "a", 3, write=False)
    t.record_cache_hit(request_id="b", task="explain", tier="mini", model=DOLLAR, original_cost=Decimal(3), write=False)
    assert t.unsaved == 2 and other.rows() == []
    assert t.snapshot()["session"]["costUsd"] == 3.0
    # today's total re-read from the ledger still counts the rows not written yet
    assert t.budget_status().used_usd == Decimal(3)
    _spend(t, "c", 5)  # a write flushes the queue first: the ledger keeps the order
    assert t.unsaved == 0
    assert [r.request_id for r in other.rows()] == ["a", "b", "c"]
    assert other.total_cost() == Decimal(8) == t.budget_status().used_usd
    t.flush()  # nothing left: a no-op
    assert len(other.rows()) == 3
    other.close()


def test_a_failed_flush_keeps_the_rows_queued(tmp_path):
    ledger = FlakyLedger(SqliteLedger(tmp_path / "l.sqlite3"))
    t = SpendTracker(ledger, session="s", workspace="/w", pricer=Pricer({"acme:dollar": DOLLAR_PRICE}),
                     budget=BudgetSettings(), frontier_model=FRONTIER)
    _spend(t, "a", 2, write=False)
    with pytest.raises(LedgerError):
        t.flush()
    assert t.unsaved == 1
    ledger.fail = False
    t.flush()
    assert t.unsaved == 0 and ledger.total_cost() == Decimal(2)
