"""A team's running spend in Redis: exact, shared by every machine of the team.

Counters are integers of nano-dollars (1e-9 USD), added with `INCRBY` in one transaction,
so concurrent adds from many machines never lose a cent and totals never drift in floating
point. A cost finer than a nano-dollar is rounded half-even at each add; `reconcile` sets
the counters to the ledger's exact totals.

Keys (`lspr:s:<team>:`): `d:<YYYY-MM-DD>` the team's day, `m:<YYYY-MM>` its month,
`u:<user>:<YYYY-MM-DD>` a user's day. Each expires a while after its period ends (day keys
2 days after the day, month keys 7 days after the month), so Redis never fills up.

Readers return None when Redis cannot be reached (the caller decides what an unknown team
total means for a budget); `add` returns False then.

The team ledger (`spend/team.py`) uses the keyword methods: `count` adds one row once (a
`r:<request_id>` marker, kept 2 days, makes a retried add a no-op), `totals` reads the
three counters in one round trip, and `raise_to` lifts them to the PostgreSQL ledger's
totals, never lowering them: rows a machine counted here but has not yet sent there stay
counted. Days there are those of `team.timeZone` (else each machine's own), as the ledger's sums are.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Mapping

from lsp_router.redis_client import RedisLink

log = logging.getLogger(__name__)

NANO = Decimal("1e-9")
PREFIX = "lspr:s:"
DAY_GRACE = dt.timedelta(days=2)
SEEN_S = 2 * 86400  # how long a counted row's marker stays: a retry comes within seconds
MONTH_GRACE = dt.timedelta(days=7)


def to_nano(usd: Decimal | int | str) -> int:
    """USD as integer nano-dollars (half-even below a nano-dollar)."""
    return int((Decimal(str(usd)) / NANO).to_integral_value(rounding=ROUND_HALF_EVEN))


def from_nano(nano: int) -> Decimal:
    return (Decimal(nano) * NANO).normalize() if nano else Decimal(0)


def _utc_day(day: dt.date | None) -> dt.date:
    return day if day is not None else dt.datetime.now(dt.timezone.utc).date()


def _midnight(day: dt.date) -> int:
    return calendar.timegm(day.timetuple())


class RedisTeamCounters:
    """`add(user, cost_usd, day)`, `team_day()`, `team_month()`, `user_day(user)`, `reconcile(...)`."""

    def __init__(self, link: RedisLink | str, team: str, zone: dt.tzinfo | None = None) -> None:
        self.link = RedisLink(link) if isinstance(link, str) else link
        self.team = team or "-"
        self.zone = zone  # team.timeZone: whose dates a row's day and month keys are
        self.prefix = f"{PREFIX}{self.team}:"
        self.refused = False  # Redis answered but refused our scripts (ACL, scripting off)

    # -- keys and expiry ----------------------------------------------------------------

    def _day_key(self, day: dt.date) -> str:
        return f"{self.prefix}d:{day.isoformat()}"

    def _month_key(self, day: dt.date) -> str:
        return f"{self.prefix}m:{day.year:04d}-{day.month:02d}"

    def _user_key(self, user: str, day: dt.date) -> str:
        return f"{self.prefix}u:{user or '-'}:{day.isoformat()}"

    @staticmethod
    def _day_expiry(day: dt.date) -> int:
        return _midnight(day + dt.timedelta(days=1) + DAY_GRACE)

    @staticmethod
    def _month_expiry(day: dt.date) -> int:
        last = calendar.monthrange(day.year, day.month)[1]
        return _midnight(dt.date(day.year, day.month, last) + dt.timedelta(days=1) + MONTH_GRACE)

    # -- writing ------------------------------------------------------------------------

    def add(self, user: str, cost_usd: Decimal | int | str, day: dt.date | None = None) -> bool:
        """Add one call's cost to the team's day and month and the user's day, atomically."""
        day = _utc_day(day)
        nano = to_nano(cost_usd)
        if nano == 0:
            return True
        keys = ((self._day_key(day), self._day_expiry(day)), (self._month_key(day), self._month_expiry(day)),
                (self._user_key(user, day), self._day_expiry(day)))

        def write(client):
            pipe = client.pipeline(transaction=True)
            for key, expiry in keys:
                pipe.incrby(key, nano)
                pipe.expireat(key, expiry)
            pipe.execute()
            return True

        return bool(self.link.call(write, False))

    def reconcile(self, team_day: Decimal, team_month: Decimal, users: Mapping[str, Decimal] | None = None,
                  day: dt.date | None = None) -> bool:
        """Set the counters of `day` (and its month) to the ledger's totals: the ledger is the truth."""
        day = _utc_day(day)
        values = [(self._day_key(day), to_nano(team_day), self._day_expiry(day)),
                  (self._month_key(day), to_nano(team_month), self._month_expiry(day))]
        values += [(self._user_key(user, day), to_nano(cost), self._day_expiry(day)) for user, cost in (users or {}).items()]

        def write(client):
            pipe = client.pipeline(transaction=True)
            for key, nano, expiry in values:
                pipe.set(key, nano)
                pipe.expireat(key, expiry)
            pipe.execute()
            return True

        return bool(self.link.call(write, False))

    # -- reading ------------------------------------------------------------------------

    def _read(self, key: str) -> Decimal | None:
        raw = self.link.call(lambda c: c.get(key), False)
        if raw is False:
            return None
        try:
            return from_nano(int(raw)) if raw is not None else Decimal(0)
        except ValueError:
            return None  # not a counter of ours

    def team_day(self, day: dt.date | None = None) -> Decimal | None:
        return self._read(self._day_key(_utc_day(day)))

    def team_month(self, day: dt.date | None = None) -> Decimal | None:
        return self._read(self._month_key(_utc_day(day)))

    def user_day(self, user: str, day: dt.date | None = None) -> Decimal | None:
        return self._read(self._user_key(user, _utc_day(day)))

    # -- the team ledger's interface (spend.team.TeamCounters) ----------------------------

    def count(self, *, request_id: str, user: str, ts: float, cost_usd: Decimal) -> bool:
        """Add one row's cost once (a retry of the same request_id adds nothing); False when
        Redis cannot be reached (the caller keeps the row and tries again)."""
        day = self._date(ts)
        nano = to_nano(cost_usd)
        keys = [f"{self.prefix}r:{request_id}", self._day_key(day), self._month_key(day), self._user_key(user, day)]
        args = [SEEN_S, nano, self._day_expiry(day), self._month_expiry(day), self._day_expiry(day)]
        return self._script(_COUNT_ONCE, keys, args)

    def totals(self, *, user: str, day_start: float, month_start: float):
        """`pg.TeamTotals` (without by_user) from the counters, or None when Redis cannot be reached."""
        from lsp_router.spend.pg import TeamTotals

        day = self._date(day_start)
        keys = [self._day_key(day), self._month_key(day), self._user_key(user, day)]
        raw = self.link.call(lambda c: c.mget(keys), None)
        if raw is None:
            return None
        try:
            team_day, team_month, user_day = (from_nano(int(v)) if v is not None else Decimal(0) for v in raw)
        except ValueError:
            return None  # not counters of ours
        return TeamTotals(day_start, month_start, team_day, team_month, user_day, None)

    def raise_to(self, totals, user: str) -> bool:
        """Lift the counters of `totals`' day and month (and `user`'s day) to at least its sums."""
        day = self._date(totals.day_start)
        keys = [self._day_key(day), self._month_key(day), self._user_key(user, day)]
        args = [to_nano(totals.team_day), self._day_expiry(day), to_nano(totals.team_month), self._month_expiry(day),
                to_nano(totals.user_day), self._day_expiry(day)]
        return self._script(_RAISE_TO, keys, args)

    def _date(self, ts: float) -> dt.date:
        return dt.datetime.fromtimestamp(ts, self.zone).date()

    @property
    def reachable(self) -> bool:
        """Whether the counters can be trusted for a budget decision now."""
        return self.link.reachable is not False and not self.refused

    def _script(self, script: str, keys: list, args: list) -> bool:
        def run(client):
            import redis

            try:
                return client.eval(script, len(keys), *keys, *args)
            except redis.exceptions.ResponseError as error:
                if not self.refused:
                    log.warning("Redis at %s refuses the team counters' scripts (%s): team budgets read "
                                "PostgreSQL instead", self.link.shown, type(error).__name__)
                self.refused = True
                return None

        return self.link.call(run, None) is not None

    def close(self) -> None:
        self.link.close()


# One round trip each, atomic on the server: the marker and the three adds, or nothing.
_COUNT_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  for i = 2, #KEYS do
    redis.call('INCRBY', KEYS[i], ARGV[2])
    redis.call('EXPIREAT', KEYS[i], ARGV[i + 1])
  end
  return 1
end
return 0
"""

_RAISE_TO = """
for i = 1, #KEYS do
  local want = tonumber(ARGV[2 * i - 1])
  local have = tonumber(redis.call('GET', KEYS[i]) or '0') or 0
  if have < want then
    redis.call('INCRBY', KEYS[i], string.format('%d', want - have))
  end
  redis.call('EXPIREAT', KEYS[i], ARGV[2 * i])
end
return 1
"""
