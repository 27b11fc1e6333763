"""A team's running spend in Redis: exact, shared by every machine of the team.

Counters are integers of nano-dollars (1e-9 USD), added with `INCRBY` in one transaction,
so concurrent adds from many machines never lose a cent and totals never drift in floating
point. A cost finer than a nano-dollar is rounded half-even at each add; `reconcile` sets
the counters to the ledger's exact totals.

Keys (`lspr:s:<team>:`): `d:<YYYY-MM-DD>` the team's day, `m:<YYYY-MM>` its month,
`u:<user>:<YYYY-MM-DD>` a user's day. Each expires a while after its period ends (day keys
2 days after the day, month keys 7 days after the month), so Redis never fills up.

Readers return None when Redis cannot be reached (the caller decides what an unknown team
total means for a budget); `add` returns False then. Budgets are wired to this elsewhere.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Mapping

from lsp_router.redis_client import RedisLink

NANO = Decimal("1e-9")
PREFIX = "lspr:s:"
DAY_GRACE = dt.timedelta(days=2)
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

    def __init__(self, link: RedisLink | str, team: str) -> None:
        self.link = RedisLink(link) if isinstance(link, str) else link
        self.team = team or "-"
        self.prefix = f"{PREFIX}{self.team}:"

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

    def close(self) -> None:
        self.link.close()
