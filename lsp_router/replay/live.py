"""The live run: a sample of the requests through the real engine, cache and ledger."""

from __future__ import annotations

import asyncio
import math
import sys
import uuid
from decimal import Decimal
from pathlib import Path

from lsp_router.core import Usage
from lsp_router.replay.errors import ReplayError
from lsp_router.replay.git import Commit, Git
from lsp_router.replay.result import Progress, ReplayOptions, ReplayResult, _failed
from lsp_router.replay.synth import Synth, _sample, build_request, iter_requests
from lsp_router.settings import Settings

__all__ = []


def _live(git: Git, commits: list[Commit], options: ReplayOptions, result: ReplayResult, progress: Progress) -> None:
    """A sample of the requests through the real engine, cache and ledger."""
    per_commit = max(1, math.ceil(options.max_requests / max(1, len(commits))))
    chosen: list[Synth] = []
    for requests in iter_requests(git, commits, result, progress.update):
        chosen.extend(_sample(requests, per_commit))
        if len(chosen) >= options.max_requests:
            chosen = chosen[: options.max_requests]
            break
    progress.close()
    if len(chosen) < result.synthesized:
        result.notes.append(
            f"live: {len(chosen)} of {result.synthesized} requests, sampled evenly per commit (--max-requests {options.max_requests})"
        )
    asyncio.run(_run_live(chosen, options, result))


async def _run_live(chosen: list[Synth], options: ReplayOptions, result: ReplayResult) -> None:
    from lsp_router.engine import BudgetStopped, close_engine, open_engine
    from lsp_router.providers.base import MissingKey, ProviderError
    from lsp_router.spend.ledger import LedgerError

    settings = options.settings
    stream = options.stream or sys.stderr
    session = f"replay-{uuid.uuid4().hex[:8]}"
    warnings: list[str] = []
    advice: dict[str, str] = {}
    try:
        engine = open_engine(
            settings, session=session, workspace=Path(result.repo).as_uri(),
            on_budget_warning=lambda m: warnings.append(m),
            on_advice=lambda key, m: advice.setdefault(key, m),
            on_cache_warning=lambda m: warnings.append(m),
        )
    except LedgerError as exc:
        raise ReplayError(f"cannot open the spend ledger: {exc}") from None
    result.session = session
    ledger, tracker, pricer = engine.tracker.ledger, engine.tracker, engine.tracker.pricer
    progress = Progress(len(chosen), "requests", stream=stream, enabled=options.progress)
    try:
        for index, synth in enumerate(chosen):
            progress.update(index)
            try:
                _, job = build_request(synth, settings)
            except Exception as exc:  # noqa: BLE001
                _failed(result, synth, exc)
                continue
            if job is None:
                continue
            try:
                outcome = await engine.run(job)
            except MissingKey as exc:
                raise ReplayError(exc.message) from None
            except BudgetStopped as exc:
                result.errors.append(str(exc))
                break
            except ProviderError as exc:
                tally = result.row(synth.task, engine.plan(job).decision.tier)
                tally.requests += 1
                tally.errors += 1
                if exc.message not in result.errors:
                    result.errors.append(exc.message)
                continue
            tally = result.row(synth.task, outcome.tier)
            tally.requests += 1
            tally.cache_hits += int(outcome.cached)
            tally.escalations += int(outcome.escalated)
        progress.update(len(chosen))
    finally:
        progress.close()
        await engine.aclose()
        try:
            _live_costs(ledger.rows(session=session), settings, pricer, result)
            result.billed = tracker.snapshot()["session"]
        finally:
            close_engine(engine)
    result.notes.extend(dict.fromkeys(warnings))
    result.notes.extend(advice.values())


def _live_costs(rows, settings: Settings, pricer, result: ReplayResult) -> None:
    """Tokens and costs per task and tier from this replay's own ledger rows.

    Routed is what was billed. Always-frontier prices every call's tokens at the frontier
    model (a mini call that was escalated costs nothing there: it would not have been made).
    Always-mini prices them at the mini model (the frontier call of an escalation costs
    nothing there: always-mini keeps the mini answer).
    """
    for row in rows:
        if row.cache_hit:
            continue
        # a mini call that failed its check belongs to the request it was escalated from,
        # which the table counts on the frontier row, where it was answered
        tally = result.row(row.task, "frontier" if row.outcome == "escalated" else row.tier)
        usage = Usage(input_tokens=row.input_tokens, output_tokens=row.output_tokens,
                      cache_read_tokens=row.cache_read_tokens, cache_write_tokens=row.cache_write_tokens)
        tally.input_tokens += row.input_tokens
        tally.output_tokens += row.output_tokens
        escalation_followup = row.tier == "frontier" and row.reason.startswith("frontier (escalated)")
        costs = {
            "routed": row.cost_usd,
            "frontier": Decimal(0) if row.outcome == "escalated" else pricer.price(settings.frontier, usage).cost_usd,
            "mini": Decimal(0) if escalation_followup else pricer.price(settings.mini, usage).cost_usd,
        }
        for column, cost in costs.items():
            if cost is None:
                tally.unpriced[column] += 1
            else:
                tally.cost[column] += cost
