"""In-flight de-duplication (asyncio single-flight) and typed-ahead reuse."""

from __future__ import annotations

import asyncio

import pytest

from lsp_router.cache.inflight import Inflight
from lsp_router.cache.typeahead import TypeAhead

# --------------------------------------------------------------------------- inflight


class Upstream:
    """A fake upstream call that blocks until released and records what happened."""

    def __init__(self, result="answer", error: Exception | None = None):
        self.calls = 0
        self.cancelled = 0
        self.release = asyncio.Event()
        self.started = asyncio.Event()
        self.result = result
        self.error = error

    async def __call__(self):
        self.calls += 1
        self.started.set()
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        if self.error is not None:
            raise self.error
        return self.result


async def test_concurrent_identical_requests_share_one_call():
    inflight, upstream = Inflight(), Upstream()
    tasks = [asyncio.create_task(inflight.run("k", upstream)) for _ in range(10)]
    await upstream.started.wait()
    assert inflight.shared("k") and inflight.waiters("k") == 10
    upstream.release.set()
    assert await asyncio.gather(*tasks) == ["answer"] * 10
    assert upstream.calls == 1
    assert not inflight.shared("k") and len(inflight) == 0


async def test_different_keys_do_not_share():
    inflight = Inflight()
    a, b = Upstream("a"), Upstream("b")
    ta = asyncio.create_task(inflight.run("a", a))
    tb = asyncio.create_task(inflight.run("b", b))
    a.release.set()
    b.release.set()
    assert await asyncio.gather(ta, tb) == ["a", "b"]
    assert (a.calls, b.calls) == (1, 1)


async def test_an_exception_is_shared():
    inflight, upstream = Inflight(), Upstream(error=RuntimeError("upstream 500"))
    tasks = [asyncio.create_task(inflight.run("k", upstream)) for _ in range(3)]
    await upstream.started.wait()
    upstream.release.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, RuntimeError) and str(r) == "upstream 500" for r in results)
    assert upstream.calls == 1 and not inflight.shared("k")


async def test_keys_are_released_when_done():
    inflight = Inflight()
    first, second = Upstream("first"), Upstream("second")
    first.release.set()
    second.release.set()
    assert await inflight.run("k", first) == "first"
    assert await inflight.run("k", second) == "second"  # a fresh call, not a stale result
    assert (first.calls, second.calls) == (1, 1)


async def test_cancelling_one_waiter_keeps_the_call_for_the_other():
    inflight, upstream = Inflight(), Upstream()
    one = asyncio.create_task(inflight.run("k", upstream))
    two = asyncio.create_task(inflight.run("k", upstream))
    await upstream.started.wait()
    one.cancel()
    with pytest.raises(asyncio.CancelledError):
        await one
    assert inflight.shared("k") and inflight.waiters("k") == 1
    upstream.release.set()
    assert await two == "answer"
    assert upstream.calls == 1 and upstream.cancelled == 0


async def test_cancelling_every_waiter_cancels_the_upstream_call():
    inflight, upstream = Inflight(), Upstream()
    waiters = [asyncio.create_task(inflight.run("k", upstream)) for _ in range(3)]
    await upstream.started.wait()
    for w in waiters:
        w.cancel()
    results = await asyncio.gather(*waiters, return_exceptions=True)
    assert all(isinstance(r, asyncio.CancelledError) for r in results)
    for _ in range(5):
        await asyncio.sleep(0)
    assert upstream.cancelled == 1  # the factory saw CancelledError: the HTTP call closes
    assert not inflight.shared("k")


async def test_a_new_request_after_everyone_left_starts_a_fresh_call():
    inflight, upstream = Inflight(), Upstream()
    waiter = asyncio.create_task(inflight.run("k", upstream))
    await upstream.started.wait()
    waiter.cancel()
    await asyncio.sleep(0)  # cancelled, but the shared task may still be winding down
    fresh = Upstream("fresh")
    fresh.release.set()
    assert await inflight.run("k", fresh) == "fresh"
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert upstream.cancelled == 1 and fresh.calls == 1


async def test_a_synchronous_factory_error_is_shared_too():
    inflight = Inflight()
    calls = 0

    def factory():
        nonlocal calls
        calls += 1
        raise ValueError("bad request")

    results = await asyncio.gather(
        inflight.run("k", factory), inflight.run("k", factory), return_exceptions=True
    )
    assert all(isinstance(r, ValueError) for r in results) and calls == 1


# --------------------------------------------------------------------------- typeahead

DOC = "file:///a.py"
PREFIX = "import os\n" * 500 + "def add(a, b):\n    "


def test_typed_prefix_of_the_shown_completion_returns_the_rest():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b", {"model": "openai:m", "key": "abc"})
    assert ta.lookup(DOC, PREFIX + "r") == ("eturn a + b", {"model": "openai:m", "key": "abc"})
    assert ta.lookup(DOC, PREFIX + "return a") == (" + b", {"model": "openai:m", "key": "abc"})
    assert ta.lookup(DOC, PREFIX + "return a + b") is None  # all typed: nothing left to show


def test_a_mismatching_keystroke_returns_none():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b")
    assert ta.lookup(DOC, PREFIX + "x") is None
    assert ta.lookup(DOC, PREFIX + "retx") is None
    assert ta.lookup(DOC, PREFIX[:-1]) is None  # deleted past the spot
    assert ta.lookup(DOC, "something else entirely" * 100) is None


def test_other_documents_do_not_match():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b")
    assert ta.lookup("file:///b.py", PREFIX + "r") is None


def test_deleting_back_to_the_same_spot_returns_the_whole_completion():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b")
    assert ta.lookup(DOC, PREFIX + "ret") == ("urn a + b", {})
    assert ta.lookup(DOC, PREFIX) == ("return a + b", {})


def test_edits_near_the_cursor_or_at_the_start_are_seen():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b")
    changed_near = PREFIX[:-20] + "Z" + PREFIX[-19:]  # same length, close to the cursor
    changed_start = "Z" + PREFIX[1:]
    assert ta.lookup(DOC, changed_near + "r") is None
    assert ta.lookup(DOC, changed_start + "r") is None


def test_several_spots_per_document_newest_first():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b", {"n": 1})
    other = PREFIX + "return a + b\n\ndef sub(a, b):\n    "
    ta.remember(DOC, other, "return a - b", {"n": 2})
    assert ta.lookup(DOC, other + "return") == (" a - b", {"n": 2})
    assert ta.lookup(DOC, PREFIX + "return") == (" a + b", {"n": 1})
    ta.remember(DOC, PREFIX, "return b + a", {"n": 3})  # the same spot again replaces it
    assert ta.lookup(DOC, PREFIX + "return") == (" b + a", {"n": 3})


def test_forget():
    ta = TypeAhead()
    ta.remember(DOC, PREFIX, "return a + b")
    ta.forget(DOC)
    assert ta.lookup(DOC, PREFIX + "r") is None
    ta.forget("file:///never-seen.py")


def test_lru_bounds():
    ta = TypeAhead(max_documents=3, per_document=2)
    for i in range(3):
        ta.remember(f"file:///{i}.py", f"p{i}", "completion")
    assert ta.lookup("file:///0.py", "p0c") == ("ompletion", {})  # 0 is now the most recent
    ta.remember("file:///3.py", "p3", "completion")  # evicts 1, the least recently used
    assert len(ta) == 3
    assert ta.lookup("file:///1.py", "p1c") is None
    assert ta.lookup("file:///0.py", "p0c") is not None
    # per document: only the newest two spots are kept
    for spot in ("a", "b", "c"):
        ta.remember(DOC, spot * 5, spot.upper() * 5)
    assert ta.lookup(DOC, "aaaaa") is None
    assert ta.lookup(DOC, "bbbbb") == ("BBBBB", {})
    assert ta.lookup(DOC, "cccccC") == ("CCCC", {})


def test_lookup_cost_does_not_grow_with_the_document():
    import time

    big = "x = 1\n" * 200_000  # 1.2 MB
    ta = TypeAhead()
    ta.remember(DOC, big, "print(x)")
    typed = big + "pri"  # built once: the caller's cost, not the lookup's
    start = time.perf_counter()
    for _ in range(1000):
        assert ta.lookup(DOC, typed) == ("nt(x)", {})
    assert (time.perf_counter() - start) / 1000 < 0.0005
