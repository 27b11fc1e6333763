"""In-flight de-duplication (single-flight) for asyncio.

Identical requests that arrive while the first one is still running share its single
upstream call instead of paying for it again.

    joining = inflight.shared(key)          # True: this caller will not make the call
    result = await inflight.run(key, lambda: provider_call(...))

The shared call runs in its own task. Cancelling one waiter (an LSP `$/cancelRequest`)
only stops that waiter; when the *last* waiter goes, the shared call is cancelled too,
so the upstream HTTP request is closed once nobody wants the answer. A factory that
records spend should do so itself (it runs once); followers can tell they joined with
`shared(key)` right before `run` (both run on the event loop, so nothing happens in
between).
"""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable, Generic, Hashable, TypeVar

T = TypeVar("T")


class _Call(Generic[T]):
    __slots__ = ("task", "waiters")

    def __init__(self, task: "asyncio.Task[T]") -> None:
        self.task = task
        self.waiters = 0


class Inflight:
    """Single-flight: at most one running call per key on this event loop."""

    def __init__(self) -> None:
        self._calls: dict[Hashable, _Call] = {}

    async def run(self, key: Hashable, factory: Callable[[], Awaitable[T]]) -> T:
        """Run `factory()` once for all concurrent callers with the same `key`.

        Every caller gets the same result or the same exception. Keys are released as
        soon as the call finishes, so a later request makes a fresh call.
        """
        call = self._calls.get(key)
        if call is None or call.task.done():
            call = self._start(key, factory)
        call.waiters += 1
        try:
            return await asyncio.shield(call.task)
        except asyncio.CancelledError:
            if call.task.cancelled() or call.task.done():
                raise  # the shared call itself ended cancelled: nothing left to do
            # This waiter was cancelled; the shared call goes on for the others.
            if call.waiters == 1:
                # The last waiter: nobody wants the answer any more. Release the key
                # first so a new identical request starts afresh instead of joining
                # a call that is being cancelled.
                self._release(key, call)
                call.task.cancel()
            raise
        finally:
            call.waiters -= 1

    def _start(self, key: Hashable, factory: Callable[[], Awaitable[T]]) -> _Call:
        async def invoke() -> T:
            return await factory()

        task = asyncio.ensure_future(invoke())
        call: _Call = _Call(task)
        self._calls[key] = call
        task.add_done_callback(lambda t, key=key, call=call: self._done(key, call, t))
        return call

    def _done(self, key: Hashable, call: _Call, task: asyncio.Task) -> None:
        self._release(key, call)
        if not task.cancelled():
            task.exception()  # mark retrieved: waiters re-raise it, no "never retrieved" noise

    def _release(self, key: Hashable, call: _Call) -> None:
        if self._calls.get(key) is call:
            del self._calls[key]

    def shared(self, key: Hashable) -> bool:
        """Is a call in flight for `key` (a new `run` would join it)?"""
        call = self._calls.get(key)
        return call is not None and not call.task.done()

    def waiters(self, key: Hashable) -> int:
        """How many callers are waiting on the call for `key` (0 when none is running)."""
        call = self._calls.get(key)
        return call.waiters if call is not None and not call.task.done() else 0

    def __len__(self) -> int:
        return sum(1 for call in self._calls.values() if not call.task.done())
