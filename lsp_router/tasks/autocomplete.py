"""Inline completion (ghost text): fill in the middle between the prefix and the suffix."""

from __future__ import annotations

from lsp_router.engine import Check, Job
from lsp_router.providers.base import ModelRequest
from lsp_router.tasks.common import DocView, strip_fences

PREFIX_CHARS = 6_000
SUFFIX_CHARS = 2_000
MAX_LINES = 12
CURSOR = "<|cursor|>"

SYSTEM = (
    "You are a code completion engine inside an editor. You are given the code before and "
    f"after the cursor, marked {CURSOR}. Reply with only the text to insert at the cursor: "
    "no explanation, no code fences, no repetition of the code before or after the cursor. "
    "Prefer finishing the current statement or block; stop at a natural boundary."
)


def build_job(view: DocView, line: int, character: int, features, settings) -> Job:
    cursor = view.offset(line, character)
    prefix = view.text[max(0, cursor - PREFIX_CHARS) : cursor]
    suffix = view.text[cursor : cursor + SUFFIX_CHARS]
    prompt = (
        f"Language: {view.language_id or 'text'}\n"
        f"```\n{prefix}{CURSOR}{suffix}\n```\n"
        f"Text to insert at {CURSOR}:"
    )
    request = ModelRequest(
        system=SYSTEM,
        prompt=prompt,
        max_tokens=192,
        timeout_s=20.0,
        # A keystroke later the question is different: retrying late is wasted money.
        max_retries=0,
    )
    language = view.language

    def accept(text: str, finish_reason: str | None):
        from lsp_router.routing.checks import check_completion

        insert = clean_completion(text, prefix, suffix)
        result = check_completion(view.text, line, character, insert, language)
        if not result.ok:
            # Dropping an "echo" of the typed line is a guess: `/` typed and `/ note`
            # answered is a comment going on, not `/` said twice. Take the text as
            # answered when it is the one that fits.
            literal = clean_completion(text, prefix, suffix, drop_echo=False)
            if literal != insert:
                other = check_completion(view.text, line, character, literal, language)
                if other.ok:
                    insert, result = literal, other
        return {"text": insert}, Check(result.ok, result.reason)

    return Job(
        task="autocomplete",
        uri=view.uri,
        features=features,
        request=request,
        cache_inputs={"prefix": prefix, "suffix": suffix, "language": view.language_id},
        accept=accept,
    )


def clean_completion(text: str, prefix: str, suffix: str, drop_echo: bool = True) -> str:
    """Only what is missing: no fences, no echo of the line before, no overlap with after."""
    text = strip_fences(text) if "```" in text else text
    text = text.replace(CURSOR, "")
    current_line = prefix.rsplit("\n", 1)[-1]
    stripped_line = current_line.lstrip()
    if drop_echo and stripped_line and text.lstrip().startswith(stripped_line):
        # The model repeated the start of the line: keep what comes after it.
        text = text.lstrip()[len(stripped_line):]
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        text = "\n".join(lines[:MAX_LINES])
    # Drop the part that the suffix already holds (the model often closes brackets twice).
    text = _trim_suffix_overlap(text, suffix)
    return text.rstrip() if "\n" in text else text.rstrip("\n")


def _trim_suffix_overlap(text: str, suffix: str) -> str:
    head = suffix.split("\n", 1)[0]
    if head.strip():
        for size in range(min(len(head), len(text)), 0, -1):
            if text.endswith(head[:size]) and head[:size].strip():
                return text[: len(text) - size]
    return text
