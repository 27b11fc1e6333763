"""A replay's result as the terminal table (`render_text`) or JSON (`render_json`)."""

from __future__ import annotations

import json
from decimal import Decimal

from lsp_router.core import TASKS
from lsp_router.replay.result import COLUMNS, ReplayResult, Tally, _iso
from lsp_router.spend.money import format_usd

__all__ = ["render_text", "render_json"]


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def render_text(result: ReplayResult) -> str:
    times = [c.time for c in result.commits]
    span = f" ({_iso(min(times))} .. {_iso(max(times))})" if times else ""
    out = [
        f"lsp-router replay {result.repo}: {_plural(len(result.commits), 'commit')}{span}, "
        f"{_plural(result.files, 'file')}, {_plural(result.total().requests, 'request')}",
        result.mode_note,
        f"models: {'nano ' + result.nano + ', ' if result.nano else ''}mini {result.mini}, frontier {result.frontier}",
        "",
    ]
    headers = ["task", "tier", "requests", "cache hits", "tokens in", "tokens out", "routed", "always-frontier", "always-mini"]
    if result.mode == "live":
        headers.insert(4, "escalations")
    body: list[list[str]] = []

    def cells(task: str, tier: str, t: Tally) -> list[str]:
        paid = t.requests - t.cache_hits
        row = [task, tier, f"{t.requests:,}", f"{t.cache_hits:,}", f"{t.input_tokens:,}", f"{t.output_tokens:,}",
               *(format_usd(t.cost[c], unpriced=t.unpriced[c], requests=paid) for c in COLUMNS)]
        if result.mode == "live":
            row.insert(4, f"{t.escalations:,}")
        return row

    for (task, tier), tally in sorted(result.rows.items(), key=lambda kv: (TASKS.index(kv[0][0]), kv[0][1])):
        body.append(cells(task, tier, tally))
    total = result.total()
    body.append(cells("total", "", total))
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(headers)]

    def fmt(row: list[str]) -> str:
        return "  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()

    out.append(fmt(headers))
    out.append("  ".join("-" * w for w in widths))
    out.extend(fmt(r) for r in body[:-1])
    out.append("  ".join("-" * w for w in widths))
    out.append(fmt(body[-1]))
    out.append("")
    ratio = result.ratio()
    if ratio is not None:
        saved = total.cost["frontier"] - total.cost["routed"]
        share = saved / total.cost["frontier"] * 100 if total.cost["frontier"] else Decimal(0)
        out.append(f"always-frontier / routed: {ratio:.1f}x (routing saves {format_usd(saved)}, {share:.0f}%)")
    elif total.requests:
        out.append("always-frontier / routed: n/a" + (" (unpriced models)" if any(total.unpriced.values()) else ""))
    if total.requests:
        out.append("requests per tier: " + _shares(result.tier_shares()))
    if result.alternative is not None and total.requests:
        out.append(_alternative_line(result.alternative, total))
    if any(total.unpriced.values()):
        out.append("* some requests went to unpriced models and are not in that sum: add lspRouter.prices[\"provider:model\"]")
    out.append(f"cache hits: {total.cache_hits} (the same request again within the replay; $0)")
    if result.mode == "live":
        out.append(f"escalations: {total.escalations}; errors: {total.errors} (tier: where a request was answered)")
        if result.billed is not None and result.compare is not None:
            b = result.billed
            out.append(
                f"billed (ledger session {result.session}): {format_usd(Decimal(str(b['costUsd'])))} for "
                f"{b['requests']} calls (both tiers and the judge); see `lsp-router spend --session {result.session}`"
            )
        elif result.billed is not None:
            b = result.billed
            out.append(
                f"billed (ledger session {result.session}): {format_usd(Decimal(str(b['costUsd'])))} for "
                f"{b['requests']} requests, saved {format_usd(Decimal(str(b['savedUsd'])))} against always-frontier "
                f"without the cache; see `lsp-router spend --session {result.session}`"
            )
    else:
        sc = result.self_check
        out.append("escalations: n/a in dry run (no model answer to check)")
        if sc.checked:
            cheap = "nano or mini" if result.nano else "mini"
            line = (f"checks on the commit's own text: {sc.failed} of {sc.checked} fail, {sc.failed_mini} of them "
                    f"on {cheap} requests (those would escalate even a perfect answer)")
            if sc.reasons:
                reason, n = max(sc.reasons.items(), key=lambda kv: (kv[1], kv[0]))
                line += f"; most often \"{reason}\" ({n})"
            out.append(line)
            for example in sc.examples[:3]:
                out.append(f"  e.g. {example['commit']} {example['path']}:{example['line']} ({example['task']}): "
                           f"{example['reason']}")
    if result.compare is not None:
        out.extend(_compare_lines(result.compare))
    if total.refused:
        out.append(f"budget: {_plural(total.refused, 'request')} refused once the cap was reached (budget.hardStop); "
                   "they are in no cost column")
    if result.skipped:
        out.append("skipped files: " + ", ".join(f"{n} {why}" for why, n in sorted(result.skipped.items())))
    if result.failed:
        out.append(f"not analysed: {result.failed} (a request or a commit that raised an error; see below)")
    for note in result.notes:
        out.append(note)
    for error in result.errors[:5]:
        out.append(f"error: {error}")
    per = f", {len(result.commits) / result.elapsed_s:.1f} commits/s" if result.elapsed_s > 0 and result.commits else ""
    out.append(f"elapsed: {result.elapsed_s:.1f} s{per}")
    return "\n".join(out)


def _shares(shares: dict[str, float]) -> str:
    return " · ".join(f"{tier} {share:.0%}" for tier, share in shares.items())


def _alternative_line(alt, total: Tally) -> str:
    ratio = alt.ratio(total.cost["frontier"])
    figure = f"{ratio:.1f}x" if ratio is not None else "n/a"
    if alt.nano is None:
        return f"without models.nano: {figure} ({_shares(alt.shares())})"
    return (f"with models.nano = {alt.nano}: {figure} ({_shares(alt.shares())}); "
            f"set it, or replay with --nano MODEL")


def _score(value: float | None, share: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0%}" if share else f"{value:.2f}"


def _compare_lines(c) -> list[str]:
    """The quality table of `replay --live --compare` (`replay.compare.CompareResult`) and its figures."""
    from lsp_router.replay.compare import MEASURES, SUB_MEASURES

    columns = ("mini", "frontier", "routed")
    out = [
        "",
        f"quality against the commits: {_plural(len(c.compared), 'request')} answered on both tiers "
        f"({_plural(c.calls, 'model call')}, at most {c.max_calls} by --max-requests; "
        f"{c.sampled} of {_plural(c.available, 'distinct request')} sampled)",
        "",
    ]
    headers = ["task", "measure", "n", *columns]
    body: list[list[str]] = []
    for task in TASKS:
        items = c.of(task)
        if not items:
            continue
        body.append([task, MEASURES[task], f"{len(items):,}", *(_score(c.mean(t, task)) for t in columns)])
        for key, label, share in SUB_MEASURES.get(task, ()):
            body.append(["", label, "", *(_score(c.mean(t, task, key), share) for t in columns)])
    body.append(["all", "score, mean over the requests", f"{len(c.compared):,}", *(_score(c.mean(t)) for t in columns)])
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(headers)]

    def fmt(row: list[str]) -> str:
        return "  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()

    out.append(fmt(headers))
    out.append("  ".join("-" * w for w in widths))
    out.extend(fmt(r) for r in body[:-1])
    out.append("  ".join("-" * w for w in widths))
    out.append(fmt(body[-1]))
    out.append("")
    if c.of("explain"):
        out.append("explain scores are frontier-judged: the frontier model grades each explanation 0-10 against "
                   "the code, not told which tier wrote it")
    share, mini_share = c.share("routed"), c.share("mini")
    if share is not None:
        out.append(f"routed: {share:.0%} of always-frontier's quality ({_score(c.mean('routed'))} / "
                   f"{_score(c.mean('frontier'))}); always-mini {_score(mini_share, True)}")
    (routed, ru), (frontier, fu), (mini, mu) = c.cost("routed"), c.cost("frontier"), c.cost("mini")
    n = len(c.compared)
    costs = (f"cost: routed {format_usd(routed, unpriced=ru, requests=n)}, always-frontier "
             f"{format_usd(frontier, unpriced=fu, requests=n)}, always-mini {format_usd(mini, unpriced=mu, requests=n)}")
    ratio = c.cost_ratio()
    if ratio is not None:
        costs += f": routed costs 1/{ratio:.1f} of always-frontier (costRatio {ratio:.2f} = always-frontier / routed)"
    out.append(costs)
    if share is not None and ratio is not None:
        out.append(f"in short: {share:.0%} of frontier quality at 1/{ratio:.1f} of the cost")
    tiers = c.routed_tiers()
    escalations = sum(1 for x in c.compared if x.escalated)
    out.append("routing picked: " + ", ".join(f"{tier} {k}" for tier, k in sorted(tiers.items())) +
               f"; {_plural(escalations, 'escalation')} (a mini answer that failed its check is answered by "
               "frontier, both calls counted)" if tiers else "routing picked: nothing (no request compared)")
    spent = frontier + mini + c.judge_cost
    estimate = "unpriced" if c.estimate is None else format_usd(c.estimate)
    out.append(f"judge: {_plural(c.judge_calls, 'frontier call')}, "
               f"{format_usd(c.judge_cost, unpriced=c.judge_unpriced, requests=c.judge_calls)}, in no policy's cost; "
               f"the compare spent {format_usd(spent)} in all (estimated {estimate} before the calls)")
    for why, k in sorted(c.left_out.items()):
        out.append(f"left out of the compare: {_plural(k, 'request')} ({why})")
    if c.stopped:
        out.append(f"stopped early: {c.stopped}")
    return out


def render_json(result: ReplayResult) -> str:
    return json.dumps(result.as_json(), indent=2)
