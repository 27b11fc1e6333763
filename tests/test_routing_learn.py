"""Routing that learns: the verdicts, the bounds of exploration and the policy, on plain data;
the learned state on a real ledger file (issue 14 §2)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from lsp_router.learning import LearnedRouting
from lsp_router.routing.features import RequestFeatures
from lsp_router.routing.learn import (
    EXPLORE_UNTIL, MIN_SAMPLES, Exploration, TierCounts, features_bucket, may_explore, verdict,
)
from lsp_router.routing.policy import classify, explore
from lsp_router.spend.ledger import AnswerOutcome, SqliteLedger

LINE = RequestFeatures(task="autocomplete", language="python", cursor="end_of_line", context_tokens=900, nesting_depth=2)
BLOCK = RequestFeatures(task="autocomplete", language="python", cursor="empty_body", context_tokens=900, classes=1, functions=40)


def counts(mini: tuple[int, int], frontier: tuple[int, int]) -> dict[str, TierCounts]:
    return {"mini": TierCounts(*mini), "frontier": TierCounts(*frontier)}


def test_a_bucket_moves_up_only_on_a_clear_gap_with_enough_samples():
    found = verdict(counts((5, 1), (46, 21)))  # mini 1/5 vs frontier 21/46
    assert found is None, "five mini answers with one accepted do not prove mini worse than 46%"
    found = verdict(counts((40, 4), (17, 8)))
    assert found is not None and found.tier == "frontier"
    assert found.why == "mini accepted 10% vs frontier 47% here (n=57)"
    assert verdict(counts((40, 4), (MIN_SAMPLES - 1, MIN_SAMPLES - 1))) is None
    assert verdict(counts((0, 0), (30, 30))) is None
    assert verdict(None) is None and verdict({"mini": TierCounts(50, 1)}) is None


def test_a_bucket_moves_down_only_when_mini_is_surely_as_good():
    assert verdict(counts((100, 97), (100, 98))).tier == "mini"
    assert verdict(counts((40, 38), (40, 39))) is None, "40 each cannot bound the gap under 10 points"
    # A few points worse with wide bounds: undecided, not "as good".
    assert verdict(counts((10, 7), (10, 8))) is None
    # Clearly worse by little still counts as worse.
    assert verdict(counts((400, 300), (400, 360))).tier == "frontier"


def test_classify_applies_the_learned_table_and_says_so():
    worse = {features_bucket(LINE): counts((30, 2), (8, 7))}
    decision = classify("autocomplete", LINE, learned=worse)
    assert decision.tier == "frontier" and decision.learned
    assert decision.reason.startswith("frontier (learned): mini accepted 7% vs frontier 88% here (n=38)")
    # The rules alone, other buckets, pins and a budget cap are untouched.
    assert classify("autocomplete", LINE).tier == "mini"
    assert classify("autocomplete", replace(LINE, cursor="mid_line"), learned=worse).tier == "mini"
    assert classify("autocomplete", LINE, mode="mini", learned=worse).reason == "mini (pinned): routing.autocomplete = mini"
    assert classify("autocomplete", LINE, budget="over", learned=worse).tier == "mini"
    assert classify("autocomplete", LINE, budget="near", learned=worse).tier == "mini"

    as_good = {features_bucket(BLOCK): counts((40, 39), (40, 39))}
    assert classify("autocomplete", BLOCK).tier == "frontier"
    down = classify("autocomplete", BLOCK, learned=as_good)
    assert down.tier == "mini" and down.reason.startswith("mini (learned): mini accepted 98% vs frontier 98%")
    assert classify("autocomplete", BLOCK, budget="near", learned=as_good).tier == "mini"
    assert classify("autocomplete", BLOCK, mode="frontier", learned=as_good).tier == "frontier"


def used(requests: int, explored: int = 0, cost: str = "1", explored_cost: str = "0", room=None) -> Exploration:
    return Exploration(requests, explored, Decimal(cost), Decimal(explored_cost), room)


def test_exploration_stays_within_five_percent_of_requests_and_of_spend_and_the_budget():
    missing = counts((10, 3), (0, 0))
    cheap = Decimal("0.001")
    assert may_explore(missing, "mini", cheap, used(19))
    assert not may_explore(missing, "mini", cheap, used(18)), "the 1st exploration needs 19 requests before it"
    assert not may_explore(missing, "mini", cheap, used(39, explored=2)), "a 3rd needs 59 requests before it"
    assert may_explore(missing, "mini", cheap, used(59, explored=2))
    assert not may_explore(missing, "mini", Decimal("0.06"), used(100, cost="1")), "6% of the spend"
    assert may_explore(missing, "mini", Decimal("0.05"), used(100, cost="0.95"))
    assert not may_explore(missing, "mini", cheap, used(100, explored=2, explored_cost="0.05", cost="1"))
    assert not may_explore(missing, "mini", cheap, used(100, room=Decimal("0.0009"))), "past the budget cap"
    assert not may_explore(missing, "mini", None, used(100)), "an unpriced estimate cannot be bounded"
    # Evidence enough, or a mini that is nearly always accepted, or too little of it: no exploring up.
    assert not may_explore(counts((10, 3), (EXPLORE_UNTIL, 5)), "mini", cheap, used(100))
    assert not may_explore(counts((10, 10), (0, 0)), "mini", cheap, used(100))
    assert not may_explore(counts((MIN_SAMPLES - 1, 0), (0, 0)), "mini", cheap, used(100))
    # Down from frontier: no such condition.
    assert may_explore({}, "frontier", cheap, used(100))


def test_explore_never_touches_a_pin_or_a_leaning_budget():
    table = {features_bucket(LINE): counts((10, 3), (0, 0))}
    decision = explore(classify("autocomplete", LINE, learned=table), table, Decimal("0.001"), used(100))
    assert decision.tier == "frontier" and decision.explored
    assert decision.reason == (f"frontier (exploring): evidence for {features_bucket(LINE)}; "
                               "would be mini: end-of-line completion, depth 2")
    for pinned in (classify("autocomplete", LINE, mode="mini", learned=table),
                   classify("autocomplete", LINE, budget="near", learned=table)):
        assert explore(pinned, table, Decimal("0.001"), used(100)) is pinned


def answer(n: int, bucket: str, tier: str, outcome: str, ts: float = 100.0) -> AnswerOutcome:
    return AnswerOutcome(f"a{n}", f"r{n}", ts + n, "s", "autocomplete", tier, bucket, outcome)


@pytest.fixture
def ledger(tmp_path):
    with SqliteLedger(tmp_path / "ledger.sqlite3") as opened:
        yield opened


def test_learned_counts_come_from_the_ledger_and_survive_a_restart(ledger, tmp_path):
    for n, (tier, outcome) in enumerate([("mini", "accepted"), ("mini", "dismissed"), ("mini", "partial"),
                                         ("mini", "shown"), ("frontier", "undone"), ("frontier", "accepted")]):
        ledger.record_answer(answer(n, "autocomplete/empty_line/s", tier, outcome))
    learned = LearnedRouting(ledger, tmp_path / "routing-learned.json")
    assert learned.table == {"autocomplete/empty_line/s": {"mini": TierCounts(3, 2), "frontier": TierCounts(2, 1)}}
    learned.observe("autocomplete/empty_line/s", "mini", None, "shown")
    learned.observe("autocomplete/empty_line/s", "mini", "shown", "accepted")
    learned.observe("autocomplete/empty_line/s", "frontier", "accepted", "undone")
    assert learned.table["autocomplete/empty_line/s"] == {"mini": TierCounts(4, 3), "frontier": TierCounts(2, 0)}
    assert LearnedRouting(ledger, tmp_path / "routing-learned.json").table["autocomplete/empty_line/s"]["mini"] == \
        TierCounts(3, 2), "a new process reads what the ledger holds"


def test_reset_forgets_and_a_corrupt_state_file_is_reported_and_rebuilt(ledger, tmp_path):
    path = tmp_path / "routing-learned.json"
    ledger.record_answer(answer(1, "b", "mini", "accepted", ts=100))
    clock = iter([200.0, 200.0, 200.0, 200.0])
    learned = LearnedRouting(ledger, path, clock=lambda: next(clock, 300.0))
    learned.reset()
    assert learned.table == {} and LearnedRouting(ledger, path).table == {}
    ledger.record_answer(answer(2, "b", "mini", "dismissed", ts=400))
    assert LearnedRouting(ledger, path).table == {"b": {"mini": TierCounts(1, 0)}}

    path.write_text("{not json", encoding="utf-8")
    warnings: list[str] = []
    rebuilt = LearnedRouting(ledger, path, warn=warnings.append)
    assert len(warnings) == 1 and "is corrupt" in warnings[0] and str(path) in warnings[0]
    assert rebuilt.table == {"b": {"mini": TierCounts(2, 1)}}, "rebuilt from every outcome in the ledger"
    assert LearnedRouting(ledger, path, warn=warnings.append).reset_at == 0.0 and len(warnings) == 1


def test_a_reset_from_elsewhere_is_seen_by_a_running_server(ledger, tmp_path):
    path = tmp_path / "routing-learned.json"
    ledger.record_answer(answer(1, "b", "mini", "accepted"))
    running = LearnedRouting(ledger, path)
    assert running.table
    LearnedRouting(ledger, path).reset()  # `lsp-router routing reset`
    running.refresh()
    assert running.table == {}


NANO_LINE = RequestFeatures(task="autocomplete", language="python", cursor="mid_line", context_tokens=900, nesting_depth=1)


def test_a_nano_bucket_is_judged_against_mini_and_only_moves_up():
    assert classify("autocomplete", NANO_LINE, nano=True).tier == "nano"
    bucket = features_bucket(NANO_LINE)
    worse = {bucket: {"nano": TierCounts(30, 6), "mini": TierCounts(12, 10)}}
    up = classify("autocomplete", NANO_LINE, nano=True, learned=worse)
    assert up.tier == "mini" and up.learned
    assert up.reason.startswith("mini (learned): nano accepted 20% vs mini 83% here (n=42)")
    # Near a cap no move is upward; frontier's counts never judge a nano bucket.
    assert classify("autocomplete", NANO_LINE, nano=True, budget="near", learned=worse).tier == "nano"
    assert classify("autocomplete", NANO_LINE, nano=True, mode="nano", learned=worse).tier == "nano"  # a pin wins
    as_good = {bucket: {"nano": TierCounts(100, 97), "mini": TierCounts(100, 98), "frontier": TierCounts(5, 0)}}
    assert classify("autocomplete", NANO_LINE, nano=True, learned=as_good).tier == "nano"
    # Exploration from nano tries mini, under the same conditions as mini trying frontier.
    table = {bucket: {"nano": TierCounts(10, 3)}}
    explored = explore(classify("autocomplete", NANO_LINE, nano=True, learned=table), table, Decimal("0.0001"), used(100))
    assert explored.tier == "mini" and explored.explored
    assert not may_explore({bucket: {"nano": TierCounts(10, 10)}}[bucket], "nano", Decimal("0.0001"), used(100))


def test_routing_stats_shows_the_nano_column_and_the_nano_choice(tmp_path):
    import json
    import os
    import subprocess
    import sys

    with SqliteLedger(tmp_path / "ledger.sqlite3") as ledger:
        n = 0
        for tier, accepted, dismissed in (("nano", 4, 26), ("mini", 10, 2)):
            for outcome in ["accepted"] * accepted + ["dismissed"] * dismissed:
                n += 1
                ledger.record_answer(answer(n, "autocomplete/mid_line/s", tier, outcome))
    env = {**os.environ, "LSP_ROUTER_DATA_DIR": str(tmp_path)}
    run = lambda *extra: subprocess.run([sys.executable, "-m", "lsp_router", "routing", "stats", *extra],
                                        env=env, capture_output=True, text=True, check=True).stdout
    (row,) = json.loads(run("--json"))["buckets"]
    assert (row["nanoChoice"], row["choice"]) == ("mini", "rules")
    assert row["nanoWhy"] == "nano accepted 13% vs mini 83% here (n=42)"
    header, line = run().splitlines()[:2]
    assert header.split()[:4] == ["bucket", "nano", "accepted", "mini"]
    assert "4 of 30 (13%)" in line and "10 of 12 (83%)" in line
    assert "nano requests: mini (learned): nano accepted 13% vs mini 83% here (n=42)" in line
