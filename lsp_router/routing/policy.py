"""The routing decision: (task, features, settings, budget) -> Decision. Pure, no I/O.

`classify()` is a handful of comparisons on a `RequestFeatures`; it runs in a
few microseconds. The thresholds are user settings (`routing.thresholds.*`,
camelCase keys); `RoutingThresholds.from_dict` validates them.

Rules in `auto` mode:

* autocomplete: mini, except a completion that has to write a whole block (the
  cursor on the first line of an empty body) inside a large class or a large
  top-level unit.
* rename: mini for locals; a module-level name goes frontier when it has many
  occurrences or they are spread over many functions; an exported name or an
  attribute (whose other users may live in other files) already with a few.
* explain: mini for short code; frontier for long code, or for mid-sized code
  that is deeply nested or branchy.
* refactor: the instruction decides how much code is "small": adding
  docstrings/type hints or renaming stays mini on large selections; async
  conversions, extractions and restructurings go frontier on modest ones;
  long, detailed instructions and code that does not parse go frontier.

Budget: "near" multiplies every size threshold by `budgetNearFactor` (only
clearly hard work stays frontier); "over" sends everything to mini, pins
included.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the server loads this module before tree-sitter is needed
    from .features import RequestFeatures

__all__ = ["RoutingThresholds", "Decision", "classify", "MODES", "BUDGET_STATES"]

MODES = ("auto", "mini", "frontier")
BUDGET_STATES = ("ok", "near", "over")


def _doc(text: str) -> dict:
    return {"doc": text}


@dataclass(frozen=True)
class RoutingThresholds:
    """Thresholds of the `auto` classifier (settings `routing.thresholds.<camelCaseKey>`).

    Every "max" is inclusive: a value above it is what sends a request to
    frontier. Counts are ints, `budgetNearFactor` is a float >= 1.
    """

    autocomplete_block_max_methods: int = field(default=8, metadata=_doc(
        "autocompleteBlockMaxMethods: an empty-body (write a block) completion inside a class with "
        "more methods than this goes frontier."))
    autocomplete_block_max_context_tokens: int = field(default=2000, metadata=_doc(
        "autocompleteBlockMaxContextTokens: an empty-body completion whose enclosing top-level class "
        "or function is larger than this (tokens, chars/4) goes frontier."))
    rename_max_occurrences: int = field(default=80, metadata=_doc(
        "renameMaxOccurrences: any rename with more occurrences than this goes frontier, even a local."))
    rename_module_max_occurrences: int = field(default=8, metadata=_doc(
        "renameModuleMaxOccurrences: a module-level (not exported) name with more occurrences than "
        "this goes frontier."))
    rename_shared_max_occurrences: int = field(default=2, metadata=_doc(
        "renameSharedMaxOccurrences: an exported name or an attribute/method (other files may use it) "
        "with more occurrences than this goes frontier."))
    rename_max_functions: int = field(default=4, metadata=_doc(
        "renameMaxFunctions: a non-local rename whose occurrences span more functions than this goes "
        "frontier."))
    explain_max_lines: int = field(default=80, metadata=_doc(
        "explainMaxLines: explaining more lines than this goes frontier."))
    explain_complex_min_lines: int = field(default=30, metadata=_doc(
        "explainComplexMinLines: from this many lines on, deep nesting or many branches "
        "(explainMaxDepth, explainMaxBranches) also send an explanation to frontier."))
    explain_max_depth: int = field(default=5, metadata=_doc(
        "explainMaxDepth: block nesting (the function itself counts 1) above this makes code of at "
        "least explainComplexMinLines lines frontier work."))
    explain_max_branches: int = field(default=20, metadata=_doc(
        "explainMaxBranches: more decision points than this makes code of at least "
        "explainComplexMinLines lines frontier work."))
    explain_max_classes: int = field(default=1, metadata=_doc(
        "explainMaxClasses: explaining more classes than this at once goes frontier."))
    refactor_max_lines: int = field(default=40, metadata=_doc(
        "refactorMaxLines: a simplify/other refactor of more lines than this goes frontier."))
    refactor_easy_max_lines: int = field(default=150, metadata=_doc(
        "refactorEasyMaxLines: a docstring/type-hints/rename refactor of more lines than this goes "
        "frontier."))
    refactor_hard_max_lines: int = field(default=25, metadata=_doc(
        "refactorHardMaxLines: an async/extract/restructure refactor of more lines than this goes "
        "frontier."))
    refactor_max_depth: int = field(default=5, metadata=_doc(
        "refactorMaxDepth: block nesting above this makes any non-trivial refactor (not docstring/"
        "type hints/rename) frontier work."))
    refactor_max_branches: int = field(default=12, metadata=_doc(
        "refactorMaxBranches: more decision points than this makes any non-trivial refactor frontier "
        "work."))
    refactor_max_functions: int = field(default=3, metadata=_doc(
        "refactorMaxFunctions: a non-trivial refactor touching more functions than this goes "
        "frontier."))
    refactor_max_classes: int = field(default=1, metadata=_doc(
        "refactorMaxClasses: a refactor touching more classes than this goes frontier."))
    refactor_max_instruction_chars: int = field(default=240, metadata=_doc(
        "refactorMaxInstructionChars: an instruction longer than this (a detailed specification) "
        "goes frontier."))
    refactor_max_parse_errors: int = field(default=0, metadata=_doc(
        "refactorMaxParseErrors: a selection with more syntax errors than this goes frontier."))
    budget_near_factor: float = field(default=2.0, metadata=_doc(
        "budgetNearFactor: when a budget is near its cap, every size threshold above is multiplied by "
        "this, so only clearly hard work still goes frontier."))

    @staticmethod
    def keys() -> dict[str, str]:
        """camelCase setting key -> field name."""
        return {_camel(f.name): f.name for f in fields(RoutingThresholds)}

    @staticmethod
    def describe() -> dict[str, str]:
        """camelCase key -> documentation, for settings docs and errors."""
        return {_camel(f.name): f.metadata.get("doc", "") for f in fields(RoutingThresholds)}

    @classmethod
    def from_dict(cls, d: dict | None) -> "RoutingThresholds":
        """Thresholds from the camelCase settings object `routing.thresholds`.

        Missing keys keep their defaults. Raises ValueError naming the key for
        an unknown key or a negative / non-numeric value.
        """
        if d is None:
            return cls()
        if not isinstance(d, dict):
            raise ValueError("routing.thresholds must be an object")
        names = cls.keys()
        types = {f.name: f.type for f in fields(cls)}
        values = {}
        for key, value in d.items():
            name = names.get(key)
            if name is None and isinstance(key, str) and key in types:
                name = key  # tolerate snake_case from Python callers
            if name is None:
                raise ValueError(f"routing.thresholds.{key}: unknown setting (known: {', '.join(sorted(names))})")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(value, float) and not math.isfinite(value)
            ):
                raise ValueError(f"routing.thresholds.{_camel(name)}: expected a number, got {value!r}")
            if value < 0:
                raise ValueError(f"routing.thresholds.{_camel(name)}: must not be negative, got {value!r}")
            if name == "budget_near_factor":
                if value < 1:
                    raise ValueError(f"routing.thresholds.budgetNearFactor: must be at least 1, got {value!r}")
                values[name] = float(value)
            else:
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError(f"routing.thresholds.{_camel(name)}: expected a whole number, got {value!r}")
                values[name] = int(value)
        return cls(**values)

    def to_dict(self) -> dict:
        """camelCase settings object (the inverse of from_dict)."""
        return {_camel(f.name): getattr(self, f.name) for f in fields(self)}

    def scaled(self, factor: float) -> "RoutingThresholds":
        """Every size threshold multiplied by `factor` (budget near its cap)."""
        if factor == 1:
            return self
        changes = {}
        for f in fields(self):
            if f.name in ("budget_near_factor", "refactor_max_parse_errors"):
                continue
            changes[f.name] = int(math.ceil(getattr(self, f.name) * factor))
        return replace(self, **changes)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


RoutingThresholds.__doc__ = (RoutingThresholds.__doc__ or "") + "\n    Settings (default in brackets):\n\n" + "\n".join(
    f"    * {f.metadata['doc'].split(': ', 1)[0]} [{f.default}]: {f.metadata['doc'].split(': ', 1)[1]}"
    for f in fields(RoutingThresholds)
) + "\n"


@dataclass(frozen=True)
class Decision:
    """The tier for one request and a short human reason that starts with the tier."""

    tier: str  # "mini" | "frontier"
    reason: str
    features: RequestFeatures
    pinned: bool = False


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


def _auto_explain(f: RequestFeatures, t: RoutingThresholds) -> tuple[str, str]:
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
) -> Decision:
    """Route one request.

    `mode` is the user's `routing.<task>` setting: "auto" (the classifier),
    "mini" or "frontier" (pinned). `budget` is "ok", "near" (auto leans to
    mini: thresholds scaled by `budgetNearFactor`; a pin still wins) or "over"
    (everything goes mini, pins included).
    """
    if mode not in MODES:
        raise ValueError(f"routing.{task}: expected auto, mini or frontier, got {mode!r}")
    if budget not in BUDGET_STATES:
        raise ValueError(f"budget state must be ok, near or over, got {budget!r}")
    rule = _RULES.get(task)
    if rule is None:
        raise ValueError(f"unknown task {task!r} (expected autocomplete, rename, explain or refactor)")

    if budget == "over":
        if mode == "mini":
            return Decision("mini", f"mini (pinned): routing.{task} = mini", features, pinned=True)
        if mode == "frontier":
            return Decision("mini", f"mini (budget): budget cap reached; routing.{task} = frontier ignored", features)
        tier, why = rule(features, thresholds)
        if tier == "frontier":
            return Decision("mini", f"mini (budget): budget cap reached; would be frontier: {why}", features)
        return Decision("mini", f"mini (budget): budget cap reached; {why}", features)

    if mode != "auto":
        return Decision(mode, f"{mode} (pinned): routing.{task} = {mode}", features, pinned=True)

    if budget == "near":
        tier, why = rule(features, thresholds)
        if tier == "frontier":
            scaled_tier, scaled_why = rule(features, thresholds.scaled(thresholds.budget_near_factor))
            if scaled_tier == "mini":
                return Decision("mini", f"mini (budget): budget near its cap; would be frontier: {why}", features)
            return Decision("frontier", f"frontier: {scaled_why} (budget near its cap)", features)
        return Decision("mini", f"mini: {why}", features)

    tier, why = rule(features, thresholds)
    return Decision(tier, f"{tier}: {why}", features)
