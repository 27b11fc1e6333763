"""`lsp-router spend` over a ledger written through SqliteLedger."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from lsp_router.spend.cli import main, register, run_spend
from lsp_router.spend.ledger import LedgerRow, SqliteLedger
from lsp_router.spend.money import format_usd

TODAY = date.today()
YESTERDAY = TODAY - timedelta(days=1)
OLD = date(2024, 1, 15)


def noon(day: date, minute: int = 0) -> float:
    return datetime(day.year, day.month, day.day, 12, minute).timestamp()


def row(rid, ts, *, session="s1", task="autocomplete", tier="mini", model="openai:gpt-5.4-mini",
        cost=Decimal("0.0001"), saved=Decimal(0), outcome="ok", cache_hit=False, inp=100, out=10, cached=0):
    return LedgerRow(
        request_id=rid, ts=ts, session=session, workspace="/w", task=task, tier=tier, model=model,
        provider=model.split(":")[0], input_tokens=inp, output_tokens=out, cache_read_tokens=cached,
        cache_write_tokens=0, reasoning_tokens=0, cost_usd=cost, saved_usd=saved, priced=cost is not None,
        price_source="genai-prices" if cost is not None else "unpriced", latency_ms=10.0, outcome=outcome,
        cache_hit=cache_hit, estimated=False,
    )


ROWS = [
    row("a", noon(OLD), session="old", cost=Decimal("0.0000375"), saved=Decimal("0.0001"), cached=80),
    row("b", noon(OLD, 5), session="old", task="refactor", tier="frontier", model="anthropic:claude-opus-4-7",
        cost=Decimal("0.0425"), inp=5000, out=700),
    row("c", noon(YESTERDAY), session="y", task="rename", cost=Decimal("0.00021"), saved=Decimal("0.0009"),
        outcome="escalated"),
    row("d", noon(YESTERDAY, 1), session="y", task="rename", tier="frontier", model="anthropic:claude-opus-4-7",
        cost=Decimal("0.0031"), inp=400, out=30),
    row("e", noon(TODAY), session="t", cost=Decimal(0), saved=Decimal("0.00012"), cache_hit=True, inp=0, out=0),
    row("f", noon(TODAY, 1), session="t", task="explain", model="acme:private", cost=None, inp=900, out=200),
    row("g", noon(TODAY, 2), session="t", task="explain", cost=Decimal("0.0007"), saved=Decimal("0.004"), cached=512),
]


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LSP_ROUTER_DATA_DIR", str(tmp_path))
    ledger = SqliteLedger(tmp_path / "ledger.sqlite3")
    for r in ROWS:
        ledger.append(r)
    ledger.close()
    return tmp_path


def run_json(capsys, *args) -> dict:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def total(rows, attr="cost_usd") -> Decimal:
    return sum((getattr(r, attr) for r in rows if getattr(r, attr) is not None), Decimal(0))


def test_json_all_time_by_task_is_exact(data_dir, capsys):
    out = run_json(capsys, "--by", "task")
    assert out["selection"] == {"all": True} and out["by"] == "task"
    assert out["costUsd"] == float(total(ROWS))
    assert out["savedUsd"] == float(total(ROWS, "saved_usd"))
    assert out["frontierCostUsd"] == float(total(ROWS) + total(ROWS, "saved_usd"))
    assert out["requests"] == 6  # the escalated mini call belongs to request "d"
    assert (out["calls"], out["escalations"], out["cacheHits"], out["unpriced"]) == (7, 1, 1, 1)
    assert out["unpricedModels"] == ["acme:private"]
    groups = {r["task"]: r for r in out["rows"]}
    assert set(groups) == {"autocomplete", "refactor", "rename", "explain"}
    for task, group in groups.items():
        mine = [r for r in ROWS if r.task == task]
        assert group["costUsd"] == float(total(mine))
        assert group["savedUsd"] == float(total(mine, "saved_usd"))
        assert group["inputTokens"] == sum(r.input_tokens for r in mine)
    assert groups["rename"]["requests"] == 1 and groups["rename"]["escalations"] == 1
    assert groups["explain"]["unpriced"] == 1
    assert [r["task"] for r in out["rows"]][0] == "refactor"  # most expensive first


@pytest.mark.parametrize("by", ["model", "tier", "day"])
def test_json_grouping(data_dir, capsys, by):
    out = run_json(capsys, "--by", by)
    keyed = {r[by]: r for r in out["rows"]}
    def key(r):
        return date.fromtimestamp(r.ts).isoformat() if by == "day" else getattr(r, by)
    assert set(keyed) == {key(r) for r in ROWS}
    for k, group in keyed.items():
        mine = [r for r in ROWS if key(r) == k]
        assert group["costUsd"] == float(total(mine))
        assert group["calls"] == len(mine)
    if by == "day":
        assert list(keyed) == sorted(keyed)
        assert keyed[OLD.isoformat()]["costUsd"] == float(Decimal("0.0000375") + Decimal("0.0425"))
    assert sum(g["requests"] for g in out["rows"]) == out["requests"]


def test_selections(data_dir, capsys):
    today = run_json(capsys, "--today", "--by", "tier")
    mine = [r for r in ROWS if r.session == "t"]
    assert today["selection"] == {"today": TODAY.isoformat()}
    assert today["costUsd"] == float(total(mine)) and today["calls"] == 3

    since = run_json(capsys, "--since", YESTERDAY.isoformat())
    mine = [r for r in ROWS if r.session in ("y", "t")]
    assert since["costUsd"] == float(total(mine)) and since["calls"] == 5

    session = run_json(capsys, "--session", "old")
    assert session["costUsd"] == float(Decimal("0.0425") + Decimal("0.0000375"))
    assert session["requests"] == 2 and session["selection"] == {"session": "old"}

    nothing = run_json(capsys, "--session", "nope")
    assert (nothing["costUsd"], nothing["requests"], nothing["rows"]) == (0.0, 0, [])


def test_table(data_dir, capsys):
    assert main(["--by", "task"]) == 0
    text = capsys.readouterr().out
    assert "Total" in text and "Cache hits" in text and "Saved" in text
    # Sub-cent sums stay visible.
    assert format_usd(Decimal("0.0007")) in text
    explain = next(line for line in text.splitlines() if "explain" in line)
    assert "$0.00070 *" in explain  # the unpriced call is flagged
    assert "acme:private" in text
    assert "escalated" in text


def test_format_usd():
    assert format_usd(Decimal(0)) == "$0.00"
    assert format_usd(Decimal("12.345")) == "$12.35"
    assert format_usd(Decimal("1234.5")) == "$1,234.50"
    assert format_usd(Decimal("1")) == "$1.00"
    # One format with the extension's formatUsd: cents from a cent up, two significant digits below.
    assert format_usd(Decimal("0.01")) == "$0.01"
    assert format_usd(Decimal("0.04634751")) == "$0.05"
    assert format_usd(Decimal("0.00210375")) == "$0.0021"
    assert format_usd(Decimal("0.0099999")) == "$0.01"
    assert format_usd(Decimal("0.001")) == "$0.0010"
    assert format_usd(Decimal("0.0000375")) == "$0.000038"
    assert format_usd(Decimal("-0.00021")) == "-$0.00021"


def test_bad_date_exits_2(data_dir, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--since", "2024-13-45"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_selections_are_exclusive(data_dir, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--today", "--session", "x"])
    assert info.value.code == 2


def test_no_ledger_yet_is_an_empty_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LSP_ROUTER_DATA_DIR", str(tmp_path / "fresh"))
    out = run_json(capsys)
    assert (out["costUsd"], out["savedUsd"], out["requests"], out["rows"]) == (0.0, 0.0, 0, [])
    assert main([]) == 0
    assert "No calls recorded" in capsys.readouterr().out
    assert not (tmp_path / "fresh").exists()  # reading never creates the ledger


def test_corrupt_ledger_is_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LSP_ROUTER_DATA_DIR", str(tmp_path))
    (tmp_path / "ledger.sqlite3").write_bytes(b"\x00garbage" * 500)
    assert main(["--json"]) == 1
    err = capsys.readouterr().err
    assert "ledger.sqlite3" in err and "not a database" in err and "Traceback" not in err


def test_register_on_the_main_parser(data_dir, capsys):
    parser = argparse.ArgumentParser(prog="lsp-router")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["spend", "--today", "--by", "model", "--json"])
    assert args.func is run_spend
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {r["model"] for r in out["rows"]} == {"openai:gpt-5.4-mini", "acme:private"}
    assert main(["spend", "--json"]) == 0  # a leading "spend" is accepted too


def test_accept_rates_and_cost_per_accepted_by_tier_session_and_day(tmp_path, monkeypatch, capsys):
    """Answers' outcomes join the report: per group shown, accepted, rate, and cost per accepted."""
    from lsp_router.spend.ledger import AnswerOutcome

    monkeypatch.setenv("LSP_ROUTER_DATA_DIR", str(tmp_path))
    with SqliteLedger(tmp_path / "ledger.sqlite3") as ledger:
        for r in ROWS:
            ledger.append(r)
        outcomes = [("a", "mini", "accepted"), ("a", "mini", "dismissed"), ("b", "frontier", "partial"),
                    ("e", "mini", "shown"), ("g", "mini", "accepted"), ("d", "frontier", "undone")]
        for n, (request_id, tier, outcome) in enumerate(outcomes):
            call = next(r for r in ROWS if r.request_id == request_id)
            ledger.record_answer(AnswerOutcome(f"x{n}", request_id, call.ts, call.session, call.task, tier,
                                               "b", outcome))
    out = run_json(capsys, "--by", "tier")
    tiers = {r["tier"]: r for r in out["rows"]}
    assert (tiers["mini"]["shown"], tiers["mini"]["accepted"]) == (4, 2)
    assert tiers["mini"]["acceptRate"] == 0.5
    mini_cost = total([r for r in ROWS if r.tier == "mini"])
    assert tiers["mini"]["costPerAcceptedUsd"] == float(mini_cost / 2)
    assert (tiers["frontier"]["shown"], tiers["frontier"]["accepted"]) == (2, 1)
    assert (out["shown"], out["accepted"]) == (6, 3)

    models = {r["model"]: r for r in run_json(capsys, "--by", "model")["rows"]}
    assert models["anthropic:claude-opus-4-7"]["accepted"] == 1
    old = run_json(capsys, "--session", "old", "--by", "day")
    assert (old["shown"], old["accepted"]) == (3, 2)
    assert old["rows"][0]["costPerAcceptedUsd"] == float(total([r for r in ROWS if r.session == "old"]) / 2)

    assert main(["--by", "tier"]) == 0
    text = capsys.readouterr().out
    assert "Accepted" in text and "Cost/accepted" in text
    mini_line = next(line for line in text.splitlines() if line.startswith("│ mini"))
    assert "2/4 50%" in mini_line and format_usd(mini_cost / 2) in mini_line
