#!/usr/bin/env python3
"""Benchmark the result cache through the real server over stdio.

Round-trip time of an inline completion served from the result cache (p50, p99), beside
the same request uncached against the loopback provider (answering at once, in its own
process), and the ratio. Figures are printed, never asserted.

Method: lsp-router is started with `autocomplete.debounceMs` 0 and `routing.autocomplete`
"mini"; cursors are put at the end of code lines of real standard-library files. Pass 1
asks each cursor once (every request misses the cache and calls the loopback). Passes 2
and 3 ask the same cursors again in a different order, back to back: each is a result-cache
hit (checked: the spendChanged notification says `cached: true` and the loopback sees no new
request). A fourth pass sends one request every 10 ms (`--pace-ms`), faster than anyone
types, as an editor would: back to back, each request also waits for the bookkeeping the
previous one does after its reply (paced, on this machine, it is no faster: a process woken
from idle pays for that instead).
The cursors are far enough apart that the in-memory typed-ahead reuse never answers, so
the figure is the persistent cache's. The uncached time is against a provider that answers
at once: with a real model add its latency (hundreds of milliseconds) to it.

    python scripts/bench_cache.py [--positions 300] [--files textwrap.py argparse.py]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import (  # noqa: E402
    TARGET_CACHED_MS,
    Doc,
    LoopbackProcess,
    did_open,
    inline_params,
    line_end_positions,
    load_doc,
    machine,
    load,
    ms,
    pct,
    settings,
    start_router,
    verdict,
)


async def run(args) -> dict:
    m = machine()
    print(f"# bench_cache: {time.strftime('%Y-%m-%d %H:%M')} on {m['cpu']}, {m['cores']} cores, "
          f"{m['ram_mb'] / 1024:.0f} GB RAM, Python {m['python']}; load average {load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="lsp-router-bench-cache-") as tmp:
        work = Path(tmp)
        async with LoopbackProcess(text="  # ok") as lb:
            server, _, _ = await start_router(work / "server", settings(lb.openai_base_url, lb.anthropic_base_url, debounce_ms=0))
            try:
                flags: list[bool] = []
                server.listeners.append(
                    lambda t, meth, p: flags.append(bool(p["last"]["cached"]))
                    if meth == "lspRouter/spendChanged" and p and p.get("last") else None)
                docs = [load_doc(name) for name in args.files]
                for doc in docs:
                    await did_open(server, doc)
                warm = Doc(work / "warm.py", (work / "warm.py").as_uri(), "import os\nprint(os.getcwd())\n")
                await did_open(server, warm)
                for i in range(args.warmup):  # the SDK import and the first connection
                    await server.request("textDocument/inlineCompletion", inline_params(warm.uri, 1, 17 - (i % 3)))

                per_doc = args.positions // len(docs)
                spots = [(doc, line, col) for doc in docs for line, col in line_end_positions(doc, per_doc)]
                random.Random(3).shuffle(spots)

                uncached: dict[str, list[float]] = {d.path.name: [] for d in docs}
                flags.clear()
                calls_before = len(lb.calls())
                for doc, line, col in spots:
                    reply = await server.request("textDocument/inlineCompletion", inline_params(doc.uri, line, col))
                    uncached[doc.path.name].append(reply.rtt)
                await lb.wait_calls(calls_before + len(spots), timeout=5)
                miss_calls = len(lb.calls()) - calls_before
                miss_flags = list(flags)

                cached: dict[str, list[float]] = {d.path.name: [] for d in docs}
                flags.clear()
                calls_before = len(lb.calls())
                for round_ in range(args.rounds):
                    order = list(spots)
                    random.Random(10 + round_).shuffle(order)
                    for doc, line, col in order:
                        reply = await server.request("textDocument/inlineCompletion", inline_params(doc.uri, line, col))
                        cached[doc.path.name].append(reply.rtt)
                # once more, paced like the fastest typing: the next request 10 ms after the
                # last was sent, so it never queues behind the last one's bookkeeping
                paced: list[float] = []
                order = list(spots)
                random.Random(99).shuffle(order)
                for doc, line, col in order:
                    started = time.monotonic()
                    reply = await server.request("textDocument/inlineCompletion", inline_params(doc.uri, line, col))
                    paced.append(reply.rtt)
                    await asyncio.sleep(max(0.0, args.pace_ms / 1000 - (time.monotonic() - started)))
                await server.request("lspRouter/spend")
                hit_calls = len(lb.calls()) - calls_before
                hit_flags = list(flags)
            finally:
                await server.close()

    all_uncached = [v for values in uncached.values() for v in values]
    all_cached = [v for values in cached.values() for v in values]
    print("method: round trip = request written -> reply read by a raw JSON-RPC client on the server's stdio; "
          "debounceMs 0; the loopback provider answers at once")
    print(f"uncached: {len(all_uncached)} requests, each a different cursor: {miss_calls} upstream calls, "
          f"{miss_flags.count(False)} spendChanged with cached=false")
    print(f"cached:   {len(all_cached) + len(paced)} requests ({args.rounds} more passes over the same cursors back to back, "
          f"one paced): {hit_calls} upstream calls, {hit_flags.count(True)} spendChanged with cached=true"
          + ("" if hit_flags.count(True) == len(all_cached) + len(paced) else
             " (the others were answered from the in-memory typed-ahead reuse, which sends none)"))
    print(f"{'':24}{'uncached p50':>14}{'p99':>11}{'cached p50':>13}{'p99':>11}")
    for doc in docs:
        name = doc.path.name
        size = len(doc.text.encode()) // 1024
        print(f"{name + f' ({size} KB)':<24}{ms(pct(uncached[name], 50)):>14}{ms(pct(uncached[name], 99)):>11}"
              f"{ms(pct(cached[name], 50)):>13}{ms(pct(cached[name], 99)):>11}")
    u50, u99, c50, c99 = pct(all_uncached, 50), pct(all_uncached, 99), pct(all_cached, 50), pct(all_cached, 99)
    print(f"{'all':<24}{ms(u50):>14}{ms(u99):>11}{ms(c50):>13}{ms(c99):>11}")
    p50, p99 = pct(paced, 50), pct(paced, 99)
    print(f"cached, paced {args.pace_ms:.0f} ms apart ({len(paced)} requests, one more pass): "
          f"p50 {ms(p50)}  p99 {ms(p99)}  max {ms(max(paced))}")
    print()
    print("## Summary")
    print(f"cached inline completion round trip: p50 {ms(c50)}, p99 {ms(c99)} back to back "
          f"[target < {TARGET_CACHED_MS:.0f} ms: p50 {verdict(c50 * 1000 < TARGET_CACHED_MS)}, "
          f"p99 {verdict(c99 * 1000 < TARGET_CACHED_MS)}]; {args.pace_ms:.0f} ms apart: p50 {ms(p50)}, p99 {ms(p99)} "
          f"[p50 {verdict(p50 * 1000 < TARGET_CACHED_MS)}, p99 {verdict(p99 * 1000 < TARGET_CACHED_MS)}]; "
          f"uncached against an instant loopback: p50 {ms(u50)}, p99 {ms(u99)}; "
          f"ratio uncached/cached: {u50 / c50:.1f}x at p50, {u99 / c99:.1f}x at p99")
    return {"cached_p50_ms": c50 * 1000, "cached_p99_ms": c99 * 1000, "uncached_p50_ms": u50 * 1000,
            "uncached_p99_ms": u99 * 1000, "paced_p50_ms": p50 * 1000, "paced_p99_ms": p99 * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--positions", type=int, default=400, help="distinct cursors (uncached requests)")
    parser.add_argument("--rounds", type=int, default=2, help="cached passes over the same cursors")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--pace-ms", type=float, default=10.0, help="spacing of the paced cached pass")
    parser.add_argument("--files", nargs="+", default=["textwrap.py", "argparse.py"])
    args = parser.parse_args(argv)
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
