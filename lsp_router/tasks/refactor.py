"""Refactor: rewrite the selected code by an instruction; the edit never leaves the selection."""

from __future__ import annotations

from dataclasses import dataclass

from lsp_router.core import CheckResult
from lsp_router.engine import Job
from lsp_router.providers.base import ModelRequest
from lsp_router.tasks import TaskRequest
from lsp_router.tasks.common import DocView, file_context, prompt_cache_key, strip_fences

NAME = "refactor"

BUILTIN_ACTIONS = (
    ("Simplify", "Simplify this code without changing its behaviour."),
    ("Add type hints", "Add precise type hints; change nothing else."),
    ("Add docstring", "Add a concise docstring to each function or class; change nothing else."),
)

SYSTEM = (
    "You refactor code. You get a file for context and a selection from it. Reply with only the "
    "new text for the selection, in one fenced code block, keeping its indentation and keeping "
    "every name that code outside the selection uses. Change nothing outside the selection."
)


def actions(instructions: tuple[str, ...]) -> list[tuple[str, str]]:
    """(title, instruction) pairs: the built-in ones, then the user's own from settings."""
    return [*BUILTIN_ACTIONS, *((text if len(text) <= 40 else text[:37] + "…", text) for text in instructions)]


@dataclass(frozen=True)
class Reading:
    """What an answer is read against: the document, the selection and the text around it."""

    view: DocView
    start: tuple[int, int]
    end: tuple[int, int]
    selection: str
    before: str
    after: str


def build_job(view: DocView, request: TaskRequest, features, settings=None) -> Job:
    start, end, instruction = request.start, request.end, request.instruction
    selection = view.text[view.offset(*start) : view.offset(*end)]
    prompt = (
        f"Instruction: {instruction}\n"
        f"Selection (lines {start[0] + 1}-{end[0] + 1}):\n```{view.language_id or ''}\n{selection}\n```"
    )
    model_request = ModelRequest(
        system=SYSTEM,
        context=file_context(view),
        prompt=prompt,
        max_tokens=max(512, min(8000, len(selection) // 2 + 400)),
        cache_key=prompt_cache_key("refactor", view),
    )
    reading = Reading(view, start, end, selection, view.text[: view.offset(*start)], view.text[view.offset(*end):])
    return Job(
        task=NAME,
        uri=view.uri,
        features=features,
        request=model_request,
        cache_inputs={"context": model_request.context, "selection": selection, "start": list(start), "end": list(end),
                      "instruction": instruction},
        reader=accept,
        reading=reading,
    )


def accept(job: Job, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
    r: Reading = job.reading
    new_text = extract_code(text, r.selection)
    new_text = without_context(new_text, r.selection, r.before, r.after)
    if finish_reason in ("length", "max_tokens"):
        return None, CheckResult(False, "the answer was cut off")
    from lsp_router.routing.checks import check_refactor

    return {"newText": new_text}, check_refactor(r.view.text, r.start, r.end, new_text, r.view.language)


def extract_code(text: str, selection: str) -> str:
    code = strip_fences(text) if "```" in text else text.strip("\n")
    # Keep the selection's own trailing newline so the edit does not join two lines.
    if selection.endswith("\n") and not code.endswith("\n"):
        code += "\n"
    elif not selection.endswith("\n") and code.endswith("\n"):
        code = code.rstrip("\n")
    return code


def without_context(code: str, selection: str, before: str, after: str) -> str:
    """The answer without the lines around the selection that it wrote again.

    Asked to rewrite a function's body, models often answer with its `def` line too, or the
    line after the selection: applied, those would be doubled. Lines at the answer's start
    that are the last lines before the selection, and at its end the first lines after it,
    are dropped, unless the selection itself starts (ends) with the same lines.
    """
    lines = code.split("\n")
    own = [line.strip() for line in selection.split("\n") if line.strip()]
    above = [line.strip() for line in before.split("\n")[-41:] if line.strip()]
    below = [line.strip() for line in after.split("\n")[:41] if line.strip()]
    head = _leading_repeat(lines, above, own)
    tail = _leading_repeat(lines[head:][::-1], below, own[::-1], reverse_context=True)
    kept = lines[head: len(lines) - tail]
    if not any(line.strip() for line in kept):
        return code
    trimmed = "\n".join(kept)
    # keep the answer's own ending (a final newline) as extract_code set it
    return trimmed + "\n" if code.endswith("\n") and not trimmed.endswith("\n") else trimmed


def _leading_repeat(lines: list[str], context: list[str], own: list[str], reverse_context: bool = False) -> int:
    """How many of `lines` (blank ones included) make up their first non-blank lines when
    those are the last ones of `context` in order (with `reverse_context`, `lines` and `own`
    are reversed and they are the first ones of `context`); 0 when they are the selection's
    own first lines too, or when nothing would be left."""
    nonblank = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    for size in range(min(len(context), len(nonblank) - 1), 0, -1):
        block = [text for _, text in nonblank[:size]]
        wanted = context[:size][::-1] if reverse_context else context[-size:]
        if block != wanted or block == own[:size] or sum(len(text) for text in block) <= 3:
            continue
        return nonblank[size][0]  # up to the first line kept, blank lines between included
    return 0


def estimate_tokens(view: DocView, start, end) -> tuple[int, int]:
    """Pre-flight token estimate for an action title (chars/4; no tokenizer on this path)."""
    selection_chars = view.offset(*end) - view.offset(*start)
    context_chars = min(len(view.text), 24_000)
    return (len(SYSTEM) + context_chars + selection_chars + 200) // 4, max(64, selection_chars // 4)
