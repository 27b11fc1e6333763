"""Refactor: rewrite the selected code by an instruction; the edit never leaves the selection."""

from __future__ import annotations

from lsp_router.engine import Check, Job
from lsp_router.providers.base import ModelRequest
from lsp_router.tasks.common import DocView, file_context, prompt_cache_key, strip_fences

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


def build_job(view: DocView, start: tuple[int, int], end: tuple[int, int], instruction: str, features) -> Job:
    selection = view.text[view.offset(*start) : view.offset(*end)]
    prompt = (
        f"Instruction: {instruction}\n"
        f"Selection (lines {start[0] + 1}-{end[0] + 1}):\n```{view.language_id or ''}\n{selection}\n```"
    )
    request = ModelRequest(
        system=SYSTEM,
        context=file_context(view),
        prompt=prompt,
        max_tokens=max(512, min(8000, len(selection) // 2 + 400)),
        cache_key=prompt_cache_key("refactor", view),
    )
    language = view.language

    def accept(text: str, finish_reason: str | None):
        new_text = extract_code(text, selection)
        if finish_reason in ("length", "max_tokens"):
            return None, Check(False, "the answer was cut off")
        from lsp_router.routing.checks import check_refactor

        result = check_refactor(view.text, start, end, new_text, language)
        return {"newText": new_text}, Check(result.ok, result.reason)

    return Job(
        task="refactor",
        uri=view.uri,
        features=features,
        request=request,
        cache_inputs={"context": request.context, "selection": selection, "start": list(start), "end": list(end), "instruction": instruction},
        accept=accept,
    )


def extract_code(text: str, selection: str) -> str:
    code = strip_fences(text) if "```" in text else text.strip("\n")
    # Keep the selection's own trailing newline so the edit does not join two lines.
    if selection.endswith("\n") and not code.endswith("\n"):
        code += "\n"
    elif not selection.endswith("\n") and code.endswith("\n"):
        code = code.rstrip("\n")
    return code


def estimate_tokens(view: DocView, start, end) -> tuple[int, int]:
    """Pre-flight token estimate for an action title (chars/4; no tokenizer on this path)."""
    selection_chars = view.offset(*end) - view.offset(*start)
    context_chars = min(len(view.text), 24_000)
    return (len(SYSTEM) + context_chars + selection_chars + 200) // 4, max(64, selection_chars // 4)
