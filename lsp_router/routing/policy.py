"""The routing decision: (task, features, settings, budget) -> Decision. Pure, no I/O.

`classify()` is a handful of comparisons on a `RequestFeatures`; it runs in a
few microseconds. The thresholds are user settings (`routing.thresholds.*`,
camelCase keys); `RoutingThresholds` (lsp_router/settings.py) validates them.

Rules in `auto` mode:

* autocomplete: mini, except a completion that has to write a whole block (the
  cursor on the first line of an empty body) inside a large class or a large
  top-level unit.
* rename: static (no model, $0) when the scope analysis is certain (`scope_certain`: a
  local, a parameter, a module-private name with no dynamic access); else mini for locals; a module-level name goes frontier when it has many
  occurrences or they are spread over many functions; an exported name or an
  attribute (whose other users may live in other files) already with a few.
* explain: mini for short code and for long flat code (tables, constant dicts,
  registration boilerplate, linear setup: depth <= 1, <= 2 branches, one function
  at most); frontier for other long code, or for mid-sized code that is deeply
  nested or branchy.
* refactor: the instruction decides how much code is "small": adding
  docstrings/type hints or renaming stays mini on large selections; async
  conversions, extractions and restructurings go frontier on modest ones;
  long, detailed instructions and code that does not parse go frontier; a demanding ask
  (concurrency, a port to another language, a proof, security, speed on huge inputs with
  identical results) goes frontier whatever the size.

Nano (only with `models.nano` set): the most trivial of what the rules send to mini goes
one rung lower: completions that finish the current line (mid-line, end of line) and
explanations of a few shallow lines (`nanoExplainMaxLines`). A bucket that learning moved
to frontier stays there.

Budget: "near" multiplies every size threshold by `budgetNearFactor` (only
clearly hard work stays frontier); "over" sends everything to mini, pins
included.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lsp_router.core import TIERS
from lsp_router.settings import ROUTING_MODES as MODES
from lsp_router.settings import RoutingThresholds

from .learn import Exploration, LearnedTable, features_bucket, may_explore, other_tier, verdict

if TYPE_CHECKING:
    from decimal import Decimal

    from .features import RequestFeatures

__all__ = ["RoutingThresholds", "Decision", "classify", "explore", "MODES", "BUDGET_STATES"]

BUDGET_STATES = ("ok", "near", "over")


@dataclass(frozen=True)
class Decision:
    """The tier for one request and a short human reason that starts with the tier."""

    tier: str  # "static" | "nano" | "mini" | "frontier"
    reason: str
    features: RequestFeatures
    pinned: bool = False
    learned: bool = False  # the learned table moved this request off the rules' tier
    explored: bool = False  # sent to the other tier to gather evidence
    budget: str = "ok"  # the budget state it was decided under


_DEFAULT = RoutingThresholds()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('s') else 's'}"


def _span(f: RequestFeatures) -> str:
    """e.g. '240 lines across 3 classes' / '12 lines'."""
    text = _plural(f.selected_lines, "line")
    if f.classes > 1:
        text += f" across {f.classes} classes"
    elif f.classes == 1:
        text += ", 1 class"
    elif f.functions > 1:
        text += f" across {f.functions} functions"
    return text


def _auto_autocomplete(f: RequestFeatures, t: RoutingThresholds) -> tuple[str, str]:
    kind = f.cursor or "mid_line"
    if kind == "empty_body":
        if f.classes and f.functions > t.autocomplete_block_max_methods:
            return "frontier", f"block completion in a class with {f.functions} methods"
        if f.context_tokens > t.autocomplete_block_max_context_tokens:
            where = "class" if f.classes else "definition"
            return "frontier", f"block completion in a {where} of ~{f.context_tokens} tokens"
        where = f"a class with {_plural(f.functions, 'method')}" if f.classes else "a small definition"
        return "mini", f"block completion in {where}"
    label = {"mid_line": "mid-line completion", "end_of_line": "end-of-line completion",
             "empty_line": "next-line completion"}.get(kind, "completion")
    return "mini", f"{label}, depth {f.nesting_depth}"


def _a(what: str) -> str:
    return ("an " if what[0] in "aeiou" else "a ") + what


def _auto_rename(f: RequestFeatures, t: RoutingThresholds) -> tuple[str, str]:
    n = f.occurrences or 0
    scope = f.symbol_scope
    what = {"local": "local", "module": "module-level name", "exported": "exported name",
            "attribute": "attribute"}.get(scope or "", "name")
    if f.scope_certain:
        # No occurrence count makes it harder: the scope analysis already has every one.
        return "static", f"rename of {_a(what)}, {_plural(n, 'occurrence')}, by scope analysis (no model)"
    if n > t.rename_max_occurrences:
        return "frontier", f"rename of {_a(what)} with {n} occurrences"
    if scope == "local":
        return "mini", f"rename of a local, {_plural(n, 'occurrence')}"
    if scope in ("exported", "attribute"):
        limit = t.rename_shared_max_occurrences
    else:  # module-level, or no grammar (no scope information): judged by the count
        limit = t.rename_module_max_occurrences
    if n > limit:
        return "frontier", f"rename of {_a(what)} with {n} occurrences"
    if f.functions > t.rename_max_functions:
        return "frontier", f"rename of {_a(what)} used in {f.functions} functions"
    return "mini", f"rename of {_a(what)}, {_plural(n, 'occurrence')}"


def _flat(f: RequestFeatures) -> bool:
    """A table, a constant dict or list, registration boilerplate, linear setup code: long, not hard."""
    return f.nesting_depth <= 1 and f.branches <= 2 and f.functions <= 1 and f.classes == 0 and not f.parse_errors


def _auto_explain(f: RequestFeatures, t: RoutingThresholds) -> tuple[str, str]:
    if f.selected_lines > t.explain_max_lines and _flat(f):
        return "mini", f"explain {_plural(f.selected_lines, 'line')} of flat code (depth {f.nesting_depth})"
    if f.selected_lines > t.explain_max_lines:
        return "frontier", f"explain {_span(f)}"
    if f.classes > t.explain_max_classes:
        return "frontier", f"explain {_span(f)}"
    if f.selected_lines >= t.explain_complex_min_lines:
        if f.nesting_depth > t.explain_max_depth:
            return "frontier", f"explain {_plural(f.selected_lines, 'line')} nested {f.nesting_depth} deep"
        if f.branches > t.explain_max_branches:
            return "frontier", f"explain {_plural(f.selected_lines, 'line')} with {f.branches} branches"
    return "mini", f"explain {_span(f)}"


_EASY_KINDS = ("docstring", "type_hints", "rename")
_HARD_KINDS = ("async", "extract", "restructure")


def _auto_refactor(f: RequestFeatures, t: RoutingThresholds) -> tuple[str, str]:
    kind = f.instruction_kind or "other"
    what = "refactor" if kind == "other" else f"{kind.replace('_', ' ')} refactor"
    if kind == "demanding":
        # concurrency, a port to another language, a proof, security, speed on huge inputs:
        # short code does not make these easy
        return "frontier", f"demanding refactor of {_span(f)} (hard whatever its size)"
    if (f.instruction_chars or 0) > t.refactor_max_instruction_chars:
        return "frontier", f"{what} with a {f.instruction_chars}-character instruction"
    if f.parse_errors > t.refactor_max_parse_errors:
        return "frontier", f"{what} of code with {_plural(f.parse_errors, 'syntax error')}"
    if f.classes > t.refactor_max_classes:
        return "frontier", f"{what} of {_span(f)}"
    if kind in _EASY_KINDS:
        if f.selected_lines > t.refactor_easy_max_lines:
            return "frontier", f"{what} of {_span(f)}"
        return "mini", f"{what} of {_span(f)}"
    limit = t.refactor_hard_max_lines if kind in _HARD_KINDS else t.refactor_max_lines
    if f.selected_lines > limit:
        return "frontier", f"{what} of {_span(f)}"
    if f.nesting_depth > t.refactor_max_depth:
        return "frontier", f"{what} of code nested {f.nesting_depth} deep"
    if f.branches > t.refactor_max_branches:
        return "frontier", f"{what} of code with {f.branches} branches"
    if f.functions > t.refactor_max_functions:
        return "frontier", f"{what} across {f.functions} functions"
    return "mini", f"{what} of {_span(f)}"


_RULES = {
    "autocomplete": _auto_autocomplete,
    "rename": _auto_rename,
    "explain": _auto_explain,
    "refactor": _auto_refactor,
}


def classify(
    task: str,
    features: RequestFeatures,
    *,
    mode: str = "auto",
    thresholds: RoutingThresholds = _DEFAULT,
    budget: str = "ok",
    learned: LearnedTable | None = None,
    nano: bool = False,
) -> Decision:
    """Route one request.

    `mode` is the user's `routing.<task>` setting: "auto" (the classifier),
    "mini" or "frontier" (pinned). `budget` is "ok", "near" (auto leans to
    mini: thresholds scaled by `budgetNearFactor`; a pin still wins) or "over"
    (everything goes mini, pins included).

    `learned` (routing.learn) is the accept counts per features bucket and tier: in `auto`
    mode a bucket where mini is clearly worse goes frontier, and one where mini is as good
    goes mini ("near" a cap only the latter); the reason says "(learned)".

    `nano` (models.nano is set): the most trivial mini work goes to the nano tier, and
    `mode` may be "nano".

    "static" (auto only, any budget state): work the scope analysis answers without a model
    (a rename whose `scope_certain`). A pinned tier is a model the user asked for, so a pin
    still calls it.
    """
    decision = _classify(task, features, mode, thresholds, budget, learned, nano)
    if nano and decision.tier == "mini" and not decision.pinned and not decision.learned \
            and _nano_work(task, features, thresholds):
        decision = replace(decision, tier="nano", reason="nano" + decision.reason[len("mini"):])
        if mode == "auto":
            decision = _learned(decision, learned)  # nano against mini, up only
    return decision


def _nano_work(task: str, f: RequestFeatures, t: RoutingThresholds) -> bool:
    """Work even the smallest model does well: finishing the current line, explaining a few shallow lines."""
    if task == "autocomplete":
        return (f.cursor or "mid_line") in ("mid_line", "end_of_line")
    if task == "explain":
        return (f.selected_lines <= t.nano_explain_max_lines and f.nesting_depth <= 2 and f.functions <= 1
                and f.classes == 0 and not f.parse_errors)
    return False


def _classify(task: str, features: RequestFeatures, mode: str, thresholds: RoutingThresholds, budget: str,
              learned: LearnedTable | None, nano: bool) -> Decision:
    if mode not in MODES or (mode == "nano" and not nano):
        expected = "auto, nano, mini or frontier" if nano else "auto, mini or frontier (nano needs models.nano)"
        raise ValueError(f"routing.{task}: expected {expected}, got {mode!r}")
    if budget not in BUDGET_STATES:
        raise ValueError(f"budget state must be ok, near or over, got {budget!r}")
    rule = _RULES.get(task)
    if rule is None:
        raise ValueError(f"unknown task {task!r} (expected autocomplete, rename, explain or refactor)")

    if budget == "over":
        if mode in ("mini", "nano"):
            return Decision(mode, f"{mode} (pinned): routing.{task} = {mode}", features, pinned=True, budget="over")
        if mode == "frontier":
            return Decision("mini", f"mini (budget): budget cap reached; routing.{task} = frontier ignored", features, budget="over")
        tier, why = rule(features, thresholds)
        if tier == "static":  # $0: a cap has nothing to save on it
            return Decision("static", f"static: {why}", features, budget="over")
        if tier == "frontier":
            return Decision("mini", f"mini (budget): budget cap reached; would be frontier: {why}", features, budget="over")
        return Decision("mini", f"mini (budget): budget cap reached; {why}", features, budget="over")

    if mode != "auto":
        return Decision(mode, f"{mode} (pinned): routing.{task} = {mode}", features, pinned=True)

    if budget == "near":
        tier, why = rule(features, thresholds)
        if tier == "static":
            return Decision("static", f"static: {why}", features, budget=budget)
        if tier == "frontier":
            scaled_tier, scaled_why = rule(features, thresholds.scaled(thresholds.budget_near_factor))
            if scaled_tier == "mini":
                return Decision("mini", f"mini (budget): budget near its cap; would be frontier: {why}", features,
                                budget=budget)
            return _learned(Decision("frontier", f"frontier: {scaled_why} (budget near its cap)", features,
                                     budget=budget), learned)
        return Decision("mini", f"mini: {why}", features, budget=budget)

    tier, why = rule(features, thresholds)
    if tier == "static":  # no model answers it, so there is nothing to learn or explore
        return Decision("static", f"static: {why}", features)
    return _learned(Decision(tier, f"{tier}: {why}", features), learned)


_RANK = {tier: rank for rank, tier in enumerate(TIERS)}  # static, nano, mini, frontier


def _learned(decision: Decision, learned: LearnedTable | None) -> Decision:
    """The decision the learned table makes of the rules' one (a move is never upward near a cap)."""
    if not learned:
        return decision
    counts = learned.get(features_bucket(decision.features))
    # A nano bucket is judged against mini, and only ever moves up: a move down to nano would
    # need mini's buckets explored on nano, which costs quality to find out.
    found = verdict(counts, "nano", "mini") if decision.tier == "nano" else verdict(counts)
    if found is None or found.tier == decision.tier:
        return decision
    upward = _RANK[found.tier] > _RANK[decision.tier]
    if upward and decision.budget != "ok":
        return decision
    return Decision(found.tier, f"{found.tier} (learned): {found.why}", decision.features,
                    learned=True, budget=decision.budget)


def explore(decision: Decision, learned: LearnedTable | None, estimate: Decimal | None,
            used: Exploration) -> Decision:
    """The decision, or the other tier when this request may gather evidence there.

    Never for a pinned task, under a budget that leans or caps, or past the bounds of
    `learn.may_explore` (5% of requests and of spend); `estimate` is the request's cost on
    the other tier.
    """
    if decision.pinned or decision.budget != "ok" or decision.tier == "static":
        return decision
    bucket = features_bucket(decision.features)
    counts = (learned or {}).get(bucket)
    if not may_explore(counts, decision.tier, estimate, used):
        return decision
    other = other_tier(decision.tier)
    rules = decision.reason.split(": ", 1)[-1]
    return Decision(other, f"{other} (exploring): evidence for {bucket}; would be {decision.tier}: {rules}",
                    decision.features, explored=True, budget=decision.budget)
