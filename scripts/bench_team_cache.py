#!/usr/bin/env python3
"""Benchmark the team's shared cache level (Redis) beside the local disk cache.

In one process, with a real redis-server on loopback (started here, in a temporary folder)
and a diskcache folder, on answers of realistic size (explanations of argparse.py, ~1.5 KB
of JSON each), it times the lookups the engine makes (`cache.get`, and on a miss the shared
in-flight lock of `shared_flight.py` around a call that returns at once):

- a local hit (the first level has it; Redis is not asked),
- a shared hit with the local level empty (a Redis round trip, then the local write),
- a miss with the shared level (local miss, Redis miss, lock taken, looked again, released)
  beside a miss with the local cache only: the difference is what the shared level adds
  before a model call (which itself takes hundreds of milliseconds),
- a miss while Redis is down (the link is backing off: no socket at all).

Redis on loopback is the best case; on a LAN add the round trip (typically 0.1-0.5 ms) to
the shared figures. Figures are printed, never asserted.

    python scripts/bench_team_cache.py [--requests 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsp_router.cache.redis_store import RedisResultCache, TwoLevelCache  # noqa: E402
from lsp_router.cache.store import CachedResult, DiskResultCache, make_key  # noqa: E402
from lsp_router.redis_client import RedisLink  # noqa: E402
from lsp_router.settings import CacheSettings  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} us" if seconds < 1e-3 else f"{seconds * 1e3:.2f} ms"


def figure(name: str, samples: list[float]) -> tuple[str, float, float]:
    return name, pct(samples, 50), pct(samples, 95)


def answers(n: int) -> list[tuple[str, CachedResult]]:
    import sysconfig

    lines = (Path(sysconfig.get_paths()["stdlib"]) / "argparse.py").read_text(encoding="utf-8").splitlines()
    out = []
    for i in range(n):
        start = (i * 7) % max(1, len(lines) - 30)
        text = "\n".join(lines[start:start + 30])
        key = make_key("explain", "openai:gpt-5.4-mini", {"selection": text, "i": i}, prompt_version="1")
        out.append((key, CachedResult({"markdown": text[:1500]}, "openai:gpt-5.4-mini", "mini", "0.0012", time.time())))
    return out


async def run(requests: int) -> None:
    settings = CacheSettings()
    with tempfile.TemporaryDirectory(prefix="lsp-router-bench-team-") as tmp:
        tmp_path = Path(tmp)
        with RedisServer(tmp_path / "redis") as redis:
            link = RedisLink(redis.url)
            shared = RedisResultCache(link, "bench|git:example.com/acme/shop", settings)
            local = DiskResultCache(tmp_path / "local", settings)
            local_only = DiskResultCache(tmp_path / "local-only", settings)
            two = TwoLevelCache(local, shared)
            data = answers(requests)
            size = sum(len(v.to_json()) for _, v in data) / len(data)
            for key, value in data:
                shared.put(key, value)

            async def nothing():
                return None

            results = []
            # a shared hit, the local level empty (each key asked once: the first time it is not local)
            samples = []
            for key, _ in data:
                t = time.perf_counter()
                assert two.get(key) is not None
                samples.append(time.perf_counter() - t)
            results.append(figure("shared hit (local level empty)", samples))
            # a local hit (the shared hit above wrote each one to the local level)
            samples = []
            for key, _ in data:
                t = time.perf_counter()
                assert two.get(key) is not None
                samples.append(time.perf_counter() - t)
            results.append(figure("local hit (two levels)", samples))
            samples = []
            for key, value in data:
                local_only.put(key, value)
            for key, _ in data:
                t = time.perf_counter()
                assert local_only.get(key) is not None
                samples.append(time.perf_counter() - t)
            results.append(figure("local hit (local cache only)", samples))
            # misses: what happens before the model call
            with_shared, local_miss = [], []
            for i in range(requests):
                key = f"miss-{i:08d}" + "0" * 51
                t = time.perf_counter()
                assert two.get(key) is None
                await two.flight.run(key, nothing, lambda e: e, get_shared=two.get_shared)
                with_shared.append(time.perf_counter() - t)
                t = time.perf_counter()
                assert local_only.get(key) is None
                await nothing()
                local_miss.append(time.perf_counter() - t)
            results.append(figure("miss, local cache only", local_miss))
            results.append(figure("miss with the shared level (get + lock + release)", with_shared))
            overhead = [a - b for a, b in zip(with_shared, local_miss)]
            redis.kill()
            down = []
            two.get("miss-down" + "0" * 55)  # the first failure starts the backoff
            for i in range(requests):
                key = f"down-{i:08d}" + "0" * 51
                t = time.perf_counter()
                assert two.get(key) is None
                await two.flight.run(key, nothing, lambda e: e, get_shared=two.get_shared)
                down.append(time.perf_counter() - t)
            results.append(figure("miss with the shared level, Redis down (backing off)", down))
            two.close()
            local_only.close()

    print(f"# bench_team_cache: {time.strftime('%Y-%m-%d %H:%M')}, {requests} requests per figure, "
          f"entries of {size / 1024:.1f} KB, Redis on loopback; load average {os.getloadavg()[0]:.2f}")
    print()
    print(f"{'lookup':55} {'p50':>9} {'p95':>9}")
    for name, p50, p95 in results:
        print(f"{name:55} {us(p50):>9} {us(p95):>9}")
    print(f"{'overhead of a miss: shared level vs local only':55} {us(pct(overhead, 50)):>9} {us(pct(overhead, 95)):>9}")
    print()
    print("## Summary")
    by = {name: (p50, p95) for name, p50, p95 in results}
    print(f"local hit p50 {us(by['local hit (two levels)'][0])} (p95 {us(by['local hit (two levels)'][1])}); "
          f"shared hit with the local level empty p50 {us(by['shared hit (local level empty)'][0])} "
          f"(p95 {us(by['shared hit (local level empty)'][1])}); a miss costs "
          f"{us(pct(overhead, 50))} more at p50 ({us(pct(overhead, 95))} at p95) with the shared level than with "
          f"the local cache only, {us(by['miss with the shared level, Redis down (backing off)'][0])} in all "
          f"while Redis is down; Redis on loopback, in process, median of {requests}; "
          f"{statistics.mean(overhead) * 1e6:.0f} us mean overhead")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    asyncio.run(run(args.requests))


if __name__ == "__main__":
    main()
