"""Inline completion (ghost text): fill in the middle between the prefix and the suffix."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass

from lsp_router.core import CheckResult
from lsp_router.engine import Job
from lsp_router.providers.base import ModelRequest
from lsp_router.routing.lines import scan_line
from lsp_router.tasks import TaskRequest, build
from lsp_router.tasks.common import DocView, code_part, hash_comments_for, strip_fences

PREFIX_CHARS = 6_000
SUFFIX_CHARS = 2_000
MAX_LINES = 12
# A first statement longer than MAX_LINES (a docstring, a long call) is shown whole up to here.
REACH_LINES = 3 * MAX_LINES
# Finish reasons of an answer stopped by the output limit (OpenAI chat, Anthropic, OpenAI responses).
CUT_OFF = frozenset(("length", "max_tokens", "max_output_tokens"))
CURSOR = "<|cursor|>"
NAME = "autocomplete"

SYSTEM = (
    "You are a code completion engine inside an editor. You are given the code before and "
    f"after the cursor, marked {CURSOR}. Reply with only the text to insert at the cursor: "
    "no explanation, no code fences, no repetition of the code before or after the cursor. "
    "Prefer finishing the current statement or block; stop at a natural boundary."
)


@dataclass(frozen=True)
class Reading:
    """What an answer is read against: the document, the cursor and the text around it."""

    view: DocView
    line: int
    character: int
    prefix: str
    suffix: str
    hash_comments: bool


def build_job(view: DocView, request: TaskRequest, features, settings=None) -> Job:
    line, character = request.start
    cursor = view.offset(line, character)
    prefix = view.text[max(0, cursor - PREFIX_CHARS) : cursor]
    suffix = view.text[cursor : cursor + SUFFIX_CHARS]
    prompt = (
        f"Language: {view.language_id or 'text'}\n"
        f"```\n{prefix}{CURSOR}{suffix}\n```\n"
        f"Text to insert at {CURSOR}:"
    )
    model_request = ModelRequest(
        system=SYSTEM,
        prompt=prompt,
        max_tokens=192,
        timeout_s=20.0,
        # A keystroke later the question is different: retrying late is wasted money.
        max_retries=0,
    )
    return Job(
        task=NAME,
        uri=view.uri,
        features=features,
        request=model_request,
        cache_inputs={"prefix": prefix, "suffix": suffix, "language": view.language_id},
        reader=accept,
        reading=Reading(view, line, character, prefix, suffix, hash_comments_for(view.language_id, view.language)),
    )


def accept(job: Job, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
    from lsp_router.routing.checks import check_completion

    r: Reading = job.reading
    view, line, character, prefix, suffix = r.view, r.line, r.character, r.prefix, r.suffix
    language = view.language
    cut = finish_reason in CUT_OFF
    insert = clean_completion(text, prefix, suffix, cut=cut, hash_comments=r.hash_comments)
    result = check_completion(view.text, line, character, insert, language)
    if not result.ok:
        # Some readings of an answer are guesses: whether it repeats the typed line
        # (`looks_like_echo`), whether a short line from above (`else:`) is written again,
        # whether its later lines are indented from the cursor's column. When the first
        # reading does not pass, another may.
        readings = itertools.chain(
            (clean_completion(text, prefix, suffix, drop_echo=drop_echo, cut=cut,
                              hash_comments=r.hash_comments, repeated_above=repeated)
             for drop_echo, repeated in ((False, 8), (True, 8), (None, 1))),
            (indented_from_cursor(insert, prefix),),
        )
        for other_text in readings:
            if other_text != insert:
                other = check_completion(view.text, line, character, other_text, language)
                if other.ok:
                    insert, result = other_text, other
                    break
    return {"text": insert}, result


class GhostText:
    """Ghost text across keystrokes: typed-ahead reuse, and one model call per burst of
    typing (a newer request for the same document supersedes one still waiting)."""

    def __init__(self, answers=None) -> None:
        from lsp_router.cache.typeahead import TypeAhead

        self.typeahead = TypeAhead()
        self.answers = answers  # tasks.outcomes.Answers: ids and outcomes of what is shown
        self._generation: dict[str, int] = {}

    def supersede(self, uri: str) -> int:
        self._generation[uri] = self._generation.get(uri, 0) + 1
        return self._generation[uri]

    async def complete(self, engine, view: DocView, line: int, character: int, generation: int) -> str:
        """The text to show at (line, character), "" for none. Provider errors and a hard
        budget stop are raised for the server to report."""
        return (await self.complete_item(engine, view, line, character, generation))[0]

    async def complete_item(
        self, engine, view: DocView, line: int, character: int, generation: int
    ) -> tuple[str, str | None]:
        """`complete`, with the id of the answer shown (None without `answers` or text).
        The rest of an answer served again as it is typed out keeps that answer's id."""
        uri = view.uri
        before = view.text[: view.offset(line, character)]
        if self.answers is not None:
            self.answers.observe(uri, before)
        reused = self.typeahead.lookup(uri, before)
        if reused is not None and reused[0]:
            # No model: a $0 request of tier static. It saves nothing against always-frontier,
            # which would reuse what it showed just the same.
            engine.record_static(NAME, "static: the rest of the ghost text shown, as it is typed (typed-ahead reuse)")
            return reused[0], reused[1].get("id")
        settings = engine.settings
        features, job = build(NAME, view, TaskRequest((line, character)), settings)

        async def still_wanted() -> bool:
            # A newer keystroke supersedes this request while it waits: one call per burst.
            await asyncio.sleep(settings.debounce_ms / 1000)
            return self._generation.get(uri) == generation

        result = await engine.run(job, before_call=still_wanted)
        if result is None or result.answer is None or not result.check.ok or not result.answer["text"]:
            return "", None
        text = result.answer["text"]
        answer_id = None
        if self.answers is not None:
            answer_id = self.answers.shown(result, features, NAME)
            self.answers.watch(answer_id, uri, before, text)
        self.typeahead.remember(uri, before, text, {"id": answer_id} if answer_id else None)
        return text, answer_id


def clean_completion(text: str, prefix: str, suffix: str, drop_echo: bool | None = None, *, cut: bool = False,
                     hash_comments: bool = True, repeated_above: int = 8) -> str:
    """Only what is missing: no fences, no echo of the line before, no overlap with after.

    `drop_echo`: whether the answer starts by repeating the typed part of the line (None:
    `looks_like_echo` decides). `repeated_above`: the fewest characters of the lines above
    the cursor that count as repeated when the answer starts with them (`skip_text_above`).
    `cut`: the answer was stopped by the output limit, so its last line is unfinished."""
    text = strip_fences(text) if "```" in text else text
    text = text.replace(CURSOR, "")
    current_line = prefix.rsplit("\n", 1)[-1]
    stripped_line = current_line.lstrip()
    text = skip_text_above(text, prefix, repeated_above)
    if drop_echo is None:
        drop_echo = looks_like_echo(text, current_line)
    if drop_echo and stripped_line and text.lstrip().startswith(stripped_line):
        # The model repeated the start of the line: keep what comes after it.
        text = text.lstrip()[len(stripped_line):]
    indent = current_line[: len(current_line) - len(current_line.lstrip(" \t"))]
    stopped = stop_at_text_below(text, suffix)
    if stopped != text:
        text, cut = stopped, False  # what was cut off came after the part kept
    text = whole_statements(text, cut=cut, hash_comments=hash_comments, indent=indent)
    # Drop the part that the suffix already holds (the model often closes brackets twice).
    text = _trim_suffix_overlap(text, suffix)
    return text.rstrip() if "\n" in text else text.rstrip("\n")


def skip_text_above(text: str, prefix: str, least: int = 8) -> str:
    """The completion without the lines just above the cursor, when it starts by writing
    them again (from the cursor, so the first without its indentation) before the new ones.

    Shown, they would be typed twice. Only when what is repeated has `least` characters (by
    default more than a closer or a keyword: `else:` again may be meant) and something
    follows it.
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    above = prefix.split("\n")
    current = above.pop()
    if current.strip():  # typed text on the cursor line: the echo of that line is handled apart
        return text
    for count in range(min(len(above), len(lines) - 1), 0, -1):
        block = above[len(above) - count:]
        if lines[0].strip() != block[0].strip() or lines[0].strip() == "":
            continue
        if [line.rstrip() for line in lines[1:count]] != [line.rstrip() for line in block[1:]]:
            continue
        if sum(len(line.strip()) for line in block) < least:
            continue
        rest = lines[count:]
        first = rest[0]
        rest[0] = first[len(current):] if first.startswith(current) else first.lstrip(" \t")
        return "\n".join(rest)
    return text


def indented_from_cursor(text: str, prefix: str) -> str:
    """`text`'s later lines shifted right by the cursor line's indentation (at a cursor on an
    indented blank line), for an answer indented as if it started at column 0."""
    indent = prefix.rsplit("\n", 1)[-1]
    if not indent or indent.strip() or "\n" not in text:
        return text
    first, *rest = text.split("\n")
    return "\n".join([first, *(indent + line if line.strip() else line for line in rest)])


def looks_like_echo(text: str, current_line: str) -> bool:
    """Whether an answer that starts like the typed part of the line repeats it.

    Not when it starts with a space after what was typed (`var` and ` variable = 1`: the
    line goes on), nor when what was typed is a run of one punctuation mark (`>` of `>>>`,
    `/` of `//`, `;` of `;;`): models asked for what follows write the rest of the run.
    An answer that starts with the whole line, indentation and all, repeats it.
    """
    typed = current_line.lstrip()
    if not typed or not text.lstrip().startswith(typed):
        return False
    if current_line != typed and text.startswith(current_line):
        return True
    if text[:1] in (" ", "\t"):
        return False
    return not (len(set(typed)) == 1 and not typed[0].isalnum() and typed[0] != "_")


def stop_at_text_below(text: str, suffix: str) -> str:
    """The completion up to where it goes on into the lines already below the cursor.

    Models often write the line asked for and then the next ones, which the file already
    has: shown, they would be typed twice. A completion line that is the first non-blank
    line below, indentation and all, with the lines after it matching too as far as both go
    (up to 3), is where it stops.
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    below = [line.rstrip() for line in suffix.split("\n")[1:] if line.strip()][:3]
    if not below:
        return text
    for row in range(1, len(lines)):
        if lines[row].rstrip() != below[0]:
            continue
        rest = [line.rstrip() for line in lines[row:] if line.strip()][: len(below)]
        if rest == below[: len(rest)]:
            return "\n".join(lines[:row]).rstrip()
    return text


def whole_statements(text: str, *, cut: bool = False, hash_comments: bool = True, indent: str = "") -> str:
    """A multi-line completion over MAX_LINES lines, or cut by the output limit, up to its
    last whole statement within MAX_LINES lines (brackets and strings closed, not a
    block's header), or to the end of its first one within REACH_LINES.

    Cut anywhere else, it leaves a string or a bracket open: the check rejects it, the
    request escalates, and the frontier's answer, cut the same way, fails again. A
    docstring or block comment longer than that is closed after its first MAX_LINES
    lines (`indent`: the cursor line's). Otherwise it is cut at MAX_LINES as it comes,
    and the check decides.
    """
    lines = text.split("\n")
    if len(lines) <= MAX_LINES and not (cut and len(lines) > 1):
        return text
    whole = lines[:-1] if cut else lines  # a cut answer's last line stops mid-way
    depth, quote = 0, None
    last = None
    opened = None  # (row, quote) of a docstring or block comment opened outside brackets
    for row, line in enumerate(whole[:REACH_LINES]):
        was = quote
        depth, quote = scan_line(line, depth, quote, hash_comments)
        if was is None and quote in _LONG_QUOTES and depth == 0 and row < MAX_LINES:
            opened = row, quote
        if depth or quote is not None or not line.strip() or opens_block(line, hash_comments):
            continue
        if row < MAX_LINES:
            last = row
        else:
            last = row if last is None else last
            break
    if last is not None:
        return "\n".join(whole[: last + 1])
    head = whole[:MAX_LINES]
    depth, quote = 0, None
    for line in head:
        depth, quote = scan_line(line, depth, quote, hash_comments)
    if opened is not None and depth == 0 and quote == opened[1] and any(line.strip() for line in head[opened[0]:]):
        row = opened[0]
        margin = indent + head[0][: len(head[0]) - len(head[0].lstrip(" \t"))] if row == 0 else \
            head[row][: len(head[row]) - len(head[row].lstrip(" \t"))]
        body = "\n".join(head).rstrip()
        return body + "\n" + margin + (" */" if quote == "*/" else quote)
    return "\n".join(lines[:MAX_LINES])


_LONG_QUOTES = frozenset(('"""', "'''", "*/"))


def opens_block(line: str, hash_comments: bool) -> bool:
    code = code_part(line, hash_comments)
    return code.endswith((":", "{", "\\", ",", "=")) or code.lstrip().startswith("@")


def _trim_suffix_overlap(text: str, suffix: str) -> str:
    head = suffix.split("\n", 1)[0]
    if head.strip():
        for size in range(min(len(head), len(text)), 0, -1):
            if text.endswith(head[:size]) and head[:size].strip():
                return text[: len(text) - size]
    return text
