"""In-flight de-duplication across machines, through the shared cache's Redis.

The first machine to miss takes a short lock (`SET lock NX PX 4000`) and renews it every
second while its call runs; it releases the lock once the answer is in the shared cache.
The others poll the shared cache briefly (every 50 ms): the answer arrives as a shared hit,
and when the lock goes away without an answer (its owner's call failed, or the owner
disappeared and the lock ran out) the next poller takes the lock and calls itself. Redis
being down: everyone simply calls.

    outcome = await flight.run(key, call, hit)   # call() -> result; hit(CachedResult) -> result
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import Any, Awaitable, Callable, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

LOCK_MS = 4000
RENEW_S = 1.0
POLL_S = 0.05
MAX_WAIT_S = 120.0  # past this a waiter calls anyway, whatever the lock says

_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class SharedFlight:
    def __init__(self, shared, *, lock_ms: int = LOCK_MS, renew_s: float = RENEW_S, poll_s: float = POLL_S,
                 max_wait_s: float = MAX_WAIT_S) -> None:
        self.shared = shared  # a RedisResultCache
        self.link = shared.link
        self.lock_ms = lock_ms
        self.renew_s = renew_s
        self.poll_s = poll_s
        self.max_wait_s = max_wait_s
        self.waited = 0  # requests answered by another machine's call (for tests and stats)

    # -- the lock -----------------------------------------------------------------------

    def acquire(self, key: str, token: str) -> bool | None:
        """True: this caller owns the lock; False: someone else does; None: Redis is away."""
        lock = self.shared.lock_key(key)
        return self.link.call(lambda c: bool(c.set(lock, token, nx=True, px=self.lock_ms)), None)

    def locked(self, key: str) -> bool | None:
        lock = self.shared.lock_key(key)
        return self.link.call(lambda c: bool(c.exists(lock)), None)

    def renew(self, key: str, token: str) -> None:
        lock = self.shared.lock_key(key)
        self.link.call(lambda c: c.eval(_RENEW, 1, lock, token, self.lock_ms), None)

    def release(self, key: str, token: str) -> None:
        lock = self.shared.lock_key(key)
        self.link.call(lambda c: c.eval(_RELEASE, 1, lock, token), None)

    # -- the flight ---------------------------------------------------------------------

    async def run(self, key: str, call: Callable[[], Awaitable[T]], hit: Callable[[Any], T],
                  get_shared: Callable[[str], Any] | None = None,
                  release_later: Callable[[Callable[[], None]], None] | None = None) -> T:
        """`call()` when this machine should call, `hit(entry)` when another machine's call
        answered. `get_shared(key)` reads the shared level (default: the RedisResultCache);
        `release_later(work)` runs the lock's release after the answer is stored (the engine
        stores answers after the reply); without it the lock is released at once."""
        get_shared = get_shared or self.shared.get
        token = secrets.token_hex(8)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.max_wait_s
        while True:
            owned = self.acquire(key, token)
            if owned is None or owned:
                break
            # Someone else is calling: wait for their answer, or for their lock to go.
            while True:
                await asyncio.sleep(self.poll_s)
                entry = get_shared(key)
                if entry is not None:
                    self.waited += 1
                    return hit(entry)
                if loop.time() > deadline:
                    log.info("shared in-flight wait for %s timed out: calling", key[:12])
                    return await call()
                if not self.locked(key):
                    break  # the owner finished without an answer, or disappeared: try to take over
        if owned is None:
            return await call()
        # One more look: the owner may have stored the answer and released just before we took the lock.
        entry = get_shared(key)
        if entry is not None:
            self.release(key, token)
            self.waited += 1
            return hit(entry)
        renewer = asyncio.ensure_future(self._renew_while_running(key, token))
        stored = False
        try:
            result = await call()
            stored = release_later is not None
            return result
        finally:
            renewer.cancel()
            if stored:
                release_later(lambda: self.release(key, token))  # after the answer is in the shared cache
            else:
                self.release(key, token)

    async def _renew_while_running(self, key: str, token: str) -> None:
        while True:
            await asyncio.sleep(self.renew_s)
            self.renew(key, token)
