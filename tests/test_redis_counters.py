"""Team counters in a real redis-server: exact sums from many writers, expiry, reconcile."""

from __future__ import annotations

import datetime as dt
import threading
import time
from decimal import Decimal

from lsp_router.redis_client import RedisLink
from lsp_router.spend.redis_counters import RedisTeamCounters, from_nano, to_nano

DAY = dt.date(2026, 12, 4)


def test_adds_are_exact_and_per_team_month_and_user(redis_server):
    counters = RedisTeamCounters(redis_server.url, "platform")
    costs = [Decimal("0.000123456"), Decimal("0.1"), Decimal("0.2"), Decimal("0.000000001")]
    for cost in costs:
        assert counters.add("ana", cost, DAY)
    assert counters.add("bo", Decimal("1.5"), DAY)
    assert counters.add("ana", Decimal("0.3"), DAY + dt.timedelta(days=1))
    # 0.1 + 0.2 is 0.3 exactly here, not 0.30000000000000004
    assert counters.team_day(DAY) == sum(costs) + Decimal("1.5")
    assert counters.user_day("ana", DAY) == sum(costs)
    assert counters.user_day("bo", DAY) == Decimal("1.5")
    assert counters.user_day("cy", DAY) == Decimal(0)
    assert counters.team_month(DAY) == sum(costs) + Decimal("1.8")
    # another team's counters are apart
    assert RedisTeamCounters(redis_server.url, "data").team_day(DAY) == 0


def test_concurrent_writers_lose_nothing(redis_server):
    def writer(user):
        counters = RedisTeamCounters(redis_server.url, "t")
        for _ in range(200):
            counters.add(user, Decimal("0.000001"), DAY)

    threads = [threading.Thread(target=writer, args=(f"u{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counters = RedisTeamCounters(redis_server.url, "t")
    assert counters.team_day(DAY) == Decimal("0.0008")
    assert counters.user_day("u2", DAY) == Decimal("0.0002")


def test_keys_expire_after_their_period(redis_server):
    counters = RedisTeamCounters(redis_server.url, "t")
    today = dt.datetime.now(dt.timezone.utc).date()
    counters.add("ana", Decimal("0.01"), today)
    client = redis_server.client()
    keys = sorted(k.decode() for k in client.keys("lspr:s:t:*"))
    assert len(keys) == 3, keys
    for key in keys:
        ttl = client.ttl(key)
        assert ttl > 0, key
        if ":m:" in key:
            assert 7 * 86400 < ttl <= 39 * 86400, (key, ttl)
        else:
            assert 2 * 86400 < ttl <= 3 * 86400 + 1, (key, ttl)  # until 2 days past the day's end


def test_reconcile_sets_the_ledger_totals(redis_server):
    counters = RedisTeamCounters(redis_server.url, "t")
    counters.add("ana", Decimal("5"), DAY)
    assert counters.reconcile(Decimal("1.25"), Decimal("7.5"), {"ana": Decimal("1.25")}, DAY)
    assert counters.team_day(DAY) == Decimal("1.25")
    assert counters.team_month(DAY) == Decimal("7.5")
    assert counters.user_day("ana", DAY) == Decimal("1.25")


def test_unreachable_redis_reads_none_and_adds_false(redis_server):
    counters = RedisTeamCounters(RedisLink(redis_server.url), "t")
    assert counters.add("ana", Decimal("1"), DAY)
    redis_server.kill()
    started = time.perf_counter()
    assert counters.add("ana", Decimal("1"), DAY) is False
    assert counters.team_day(DAY) is None  # backing off: no wait at all
    assert time.perf_counter() - started < 1.0


def test_nano_conversion():
    assert to_nano(Decimal("0.000000001")) == 1
    assert to_nano("1") == 10**9
    assert to_nano(Decimal("0.0000000015")) == 2  # half-even
    assert from_nano(1_500_000_000) == Decimal("1.5")


# -- the team ledger's interface: count once, totals in one read, raise but never lower --------

def _local_midnight(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day).timestamp()


def test_count_adds_a_row_once_however_often_it_is_retried(redis_server):
    counters = RedisTeamCounters(redis_server.url, "core")
    noon = _local_midnight(DAY) + 12 * 3600
    assert counters.count(request_id="r1", user="ana", ts=noon, cost_usd=Decimal("0.012345678"))
    assert counters.count(request_id="r1", user="ana", ts=noon, cost_usd=Decimal("0.012345678"))  # a retry
    assert counters.count(request_id="r2", user="bo", ts=noon, cost_usd=Decimal("0.5"))
    totals = counters.totals(user="ana", day_start=_local_midnight(DAY), month_start=_local_midnight(DAY.replace(day=1)))
    assert (totals.team_day, totals.team_month, totals.user_day) == (
        Decimal("0.512345678"), Decimal("0.512345678"), Decimal("0.012345678"))
    assert totals.by_user is None
    # the marker of a counted row expires (Redis does not keep one per request for ever)
    ttl = redis_server.client().ttl("lspr:s:core:r:r1")
    assert 0 < ttl <= 2 * 86400


def test_raise_to_lifts_the_counters_to_the_ledger_and_never_lowers_them(redis_server):
    from lsp_router.spend.pg import TeamTotals

    counters = RedisTeamCounters(redis_server.url, "core")
    start, month = _local_midnight(DAY), _local_midnight(DAY.replace(day=1))
    counters.count(request_id="a", user="ana", ts=start + 60, cost_usd=Decimal("0.25"))
    # the ledger has more (a row another machine could not count): the counters rise to it
    assert counters.raise_to(TeamTotals(start, month, Decimal("0.75"), Decimal("2.5"), Decimal("0.5"), None), "ana")
    got = counters.totals(user="ana", day_start=start, month_start=month)
    assert (got.team_day, got.team_month, got.user_day) == (Decimal("0.75"), Decimal("2.5"), Decimal("0.5"))
    # the ledger has less (rows counted here, not yet sent there): nothing is lowered
    assert counters.raise_to(TeamTotals(start, month, Decimal("0.1"), Decimal("0.1"), Decimal("0"), None), "ana")
    got = counters.totals(user="ana", day_start=start, month_start=month)
    assert (got.team_day, got.team_month, got.user_day) == (Decimal("0.75"), Decimal("2.5"), Decimal("0.5"))


def test_the_ledger_interface_reads_none_while_redis_is_down(redis_server):
    counters = RedisTeamCounters(RedisLink(redis_server.url), "core")
    start = _local_midnight(DAY)
    assert counters.count(request_id="a", user="ana", ts=start, cost_usd=Decimal("1"))
    assert counters.reachable
    redis_server.kill()
    assert counters.count(request_id="b", user="ana", ts=start, cost_usd=Decimal("1")) is False
    assert counters.totals(user="ana", day_start=start, month_start=start) is None
    assert not counters.reachable
