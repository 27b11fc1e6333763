#!/usr/bin/env python3
"""Cost per accepted completion with routing that learns, on a simulated user over a replayed history.

The ghost-text requests of a repository's last commits (`lsp-router replay`'s own synthesis:
completions as the added lines were typed) are routed by the real policy (`routing.policy.classify`
with the learned table, and `explore` within its 5% bounds) and priced with genai-prices as the
dry run prices them (tokens from the tokenizer, output sizes from the commit). No model is called.

The user is simulated, and the simulation is the assumption this figure rests on: a frontier
completion is accepted with probability `--frontier-accept` (default 0.45) everywhere; a mini
one with `--mini-accept` (0.45, as good as frontier) except on the kinds given by `--mini-weak` (default: a next line
on an empty line, and a block in an empty body), where it is `--mini-weak-accept` (0.10).
The router does not know this; it sees only the outcomes. The history is played `--passes` times
(default 4: a few weeks of the same kinds of work) with one random stream (`--seed`).

    python scripts/bench_learning.py [REPO] [--commits 40] [--passes 4] [--json]

Printed: per policy (always-frontier, always-mini, rules only, rules + learning) the requests,
accept rate, cost, and cost per accepted completion, and the ratio to always-frontier.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lsp_router.core import Usage  # noqa: E402
from lsp_router.replay.git import Git  # noqa: E402
from lsp_router.replay.result import ReplayResult  # noqa: E402
from lsp_router.replay.synth import build_request, iter_requests, prompt_text  # noqa: E402
from lsp_router.routing.learn import Exploration, TierCounts, features_bucket  # noqa: E402
from lsp_router.routing.policy import classify, explore  # noqa: E402
from lsp_router.settings import Settings  # noqa: E402
from lsp_router.spend.pricing import make_pricer  # noqa: E402
from lsp_router.tokens import count_tokens  # noqa: E402


@dataclass
class Request:
    features: object
    bucket: str
    cost: dict[str, Decimal]  # tier -> what this request costs there
    estimate: dict[str, Decimal]  # tier -> the engine's pre-flight estimate (full max_tokens)


@dataclass
class Tally:
    requests: int = 0
    accepted: int = 0
    cost: Decimal = Decimal(0)
    explored: int = 0
    explored_cost: Decimal = Decimal(0)
    by_tier: dict[str, int] = field(default_factory=dict)

    @property
    def per_accepted(self) -> Decimal | None:
        return self.cost / self.accepted if self.accepted else None


def load(repo: Path, commits: int, settings: Settings) -> list[Request]:
    pricer = make_pricer(settings)
    git = Git(repo)
    result = ReplayResult(str(git.root), "dry-run", "", str(settings.mini), str(settings.frontier))
    out: list[Request] = []
    try:
        for synths in iter_requests(git, git.commits(commits, None), result, lambda _: None):
            for synth in synths:
                if synth.task != "autocomplete":
                    continue
                features, job = build_request(synth, settings)
                if job is None:
                    continue
                tokens_in = count_tokens(prompt_text(job))
                tokens_out = min(count_tokens(synth.output or ""), job.request.max_tokens)
                cost, estimate = {}, {}
                for tier in ("mini", "frontier"):
                    model = settings.model_for(tier)
                    cost[tier] = pricer.price(model, Usage(input_tokens=tokens_in, output_tokens=tokens_out)).cost_usd
                    estimate[tier] = pricer.estimate(model, (len(prompt_text(job)) + 3) // 4, job.request.max_tokens)
                if None in cost.values():
                    continue
                out.append(Request(features, features_bucket(features), cost, estimate))
    finally:
        git.close()
    return out


def accept_probability(tier: str, bucket: str, args) -> float:
    if tier == "frontier":
        return args.frontier_accept
    kind = bucket.split("/")[1]
    return args.mini_weak_accept if kind in args.mini_weak else args.mini_accept


def simulate(requests: list[Request], policy: str, args) -> Tally:
    rng = random.Random(args.seed)  # the same user for every policy
    table: dict[str, dict[str, TierCounts]] = {}
    tally = Tally()
    for _ in range(args.passes):
        for request in requests:
            if policy in ("frontier", "mini"):
                tier, explored = policy, False
            else:
                learned = table if policy == "learning" else None
                decision = classify("autocomplete", request.features, learned=learned)
                if policy == "learning":
                    other = "frontier" if decision.tier == "mini" else "mini"
                    used = Exploration(tally.requests, tally.explored, tally.cost, tally.explored_cost)
                    decision = explore(decision, table, request.estimate[other], used)
                tier, explored = decision.tier, decision.explored
            cost = request.cost[tier]
            accepted = rng.random() < accept_probability(tier, request.bucket, args)
            tally.requests += 1
            tally.accepted += accepted
            tally.cost += cost
            tally.by_tier[tier] = tally.by_tier.get(tier, 0) + 1
            if explored:
                tally.explored += 1
                tally.explored_cost += cost
            tiers = table.setdefault(request.bucket, {})
            tiers[tier] = tiers.get(tier, TierCounts()).plus(1, int(accepted))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", nargs="?", default=str(ROOT))
    parser.add_argument("--commits", type=int, default=40)
    parser.add_argument("--passes", type=int, default=4)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--frontier-accept", type=float, default=0.45)
    parser.add_argument("--mini-accept", type=float, default=0.45)
    parser.add_argument("--mini-weak-accept", type=float, default=0.10)
    parser.add_argument("--mini-weak", nargs="*", default=["empty_line", "empty_body"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    requests = load(Path(args.repo), args.commits, Settings())
    if not requests:
        print("bench_learning: no completions in that history", file=sys.stderr)
        return 2
    results = {policy: simulate(requests, policy, args) for policy in ("frontier", "mini", "rules", "learning")}
    base = results["frontier"].per_accepted
    rows = []
    for policy, t in results.items():
        rows.append({
            "policy": {"frontier": "always-frontier", "mini": "always-mini", "rules": "rules (learn off)",
                       "learning": "rules + learning"}[policy],
            "requests": t.requests, "acceptRate": t.accepted / t.requests, "costUsd": float(t.cost),
            "costPerAcceptedUsd": float(t.per_accepted) if t.per_accepted else None,
            "vsFrontier": float(base / t.per_accepted) if t.per_accepted and base else None,
            "byTier": t.by_tier, "explored": t.explored,
            "exploredShare": t.explored / t.requests, "exploredSpendShare": float(t.explored_cost / t.cost) if t.cost else 0.0,
        })
    if args.json:
        print(json.dumps({"completions": len(requests), "passes": args.passes, "policies": rows}, indent=2))
        return 0
    print(f"{len(requests)} completions from {args.commits} commits of {args.repo}, played {args.passes}x "
          f"(simulated user: frontier accepted {args.frontier_accept:.0%}, mini {args.mini_accept:.0%}, "
          f"mini on {'/'.join(args.mini_weak)} {args.mini_weak_accept:.0%})")
    print(f"{'policy':<18} {'accepted':>9} {'cost':>10} {'cost/accepted':>14} {'frontier/this':>14}  tiers")
    for r in rows:
        tiers = ", ".join(f"{k} {v}" for k, v in sorted(r["byTier"].items()))
        extra = f"; explored {r['explored']} ({r['exploredShare']:.1%} of requests, {r['exploredSpendShare']:.1%} of spend)" if r["explored"] else ""
        print(f"{r['policy']:<18} {r['acceptRate']:>9.1%} {'$%.4f' % r['costUsd']:>10} "
              f"{'$%.6f' % r['costPerAcceptedUsd']:>14} {r['vsFrontier']:>13.2f}x  {tiers}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
