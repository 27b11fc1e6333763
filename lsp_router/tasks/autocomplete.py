"""Inline completion (ghost text): fill in the middle between the prefix and the suffix."""

from __future__ import annotations

import asyncio
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

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
    """A multi-line completion over MAX_LINES lines, or cut by the output limit, trimmed as
    `kept_lines` says (`indent`: the cursor line's, for the line that closes what is kept).

    Cut anywhere else, it leaves a string or a bracket open: the check rejects it, the
    request escalates, and the frontier's answer, cut the same way, fails again.
    """
    lines = text.split("\n")
    kept = kept_lines(lines, cut=cut, hash_comments=hash_comments, indent=indent)
    shown = "\n".join(lines[:kept.lines])
    return shown.rstrip() + "\n" + kept.closing if kept.closing else shown


class Kept(NamedTuple):
    """How much of an answer ghost text shows: its first `lines` lines, then `closing` (a
    line that closes a docstring, or brackets, they leave open; "" for none)."""

    lines: int
    closing: str = ""


def kept_lines(lines: list[str], *, cut: bool = False, hash_comments: bool = True, indent: str = "") -> Kept:
    """How many of a completion's `lines` ghost text shows, and what closes them.

    All of them up to MAX_LINES when the answer is whole. Over MAX_LINES, or cut by the
    output limit (its last line stops mid-way), in order:
    * up to the last line within MAX_LINES that ends a whole statement: its brackets and
      strings closed, not a block's header, not continued by the next line (`ours && id`
      above `? {`, a chain's `.then(`);
    * up to the end of the first one within REACH_LINES (a long docstring);
    * its first MAX_LINES lines and a line closing the docstring or block comment they
      leave open;
    * up to the last whole element within MAX_LINES (`},` of a long literal's entries);
    * up to the last statement within MAX_LINES that is whole inside the blocks its first
      lines open (a long `switch`, an arrow function's body), or the last whole entry of a
      list, call or object literal they open (`const emails = [`), and lines closing them;
    * else MAX_LINES lines as they come, and the check decides.
    `indent`: the cursor line's (the first line's margin; "" when the first line has its
    own). The server trims answers with it (`whole_statements`) and replay cuts a commit's
    block body with it (`replay.synth`): one rule, so that replay's self-check judges
    what the server would show.
    """
    if len(lines) <= MAX_LINES and not (cut and len(lines) > 1):
        return Kept(len(lines))
    whole = lines[:-1] if cut else lines  # a cut answer's last line stops mid-way
    ends = _statement_ends(whole, hash_comments)
    within = [row for row, depth, _ in ends if depth == 0 and row < MAX_LINES]
    if within:
        return Kept(within[-1] + 1)
    later = [row for row, depth, _ in ends if depth == 0]
    if later:
        return Kept(later[0] + 1)
    head = whole[:MAX_LINES]
    closing = _prose_closing(head, hash_comments, indent)
    if closing:
        return Kept(len(head), closing)
    element = _last_element_end(head, hash_comments)
    if element is not None:
        return Kept(element + 1)
    inner = [(row, opened) for row, depth, opened in ends if depth > 0 and row < MAX_LINES]
    inner += [(row, opened) for row, opened in _entry_ends(whole[:MAX_LINES], hash_comments)]
    inner.sort()
    if inner:
        row, opened = inner[-1]
        return Kept(row + 1, _bracket_closing(whole, opened, indent))
    return Kept(min(MAX_LINES, len(lines)))


def _statement_ends(whole: list[str], hash_comments: bool) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """(row, bracket depth, the brackets open as (bracket, row opened)) of every line within
    REACH_LINES that ends a statement: no string open after it, not blank, not a block's
    header, not continued on the next line. The scan starts at the answer's first line:
    brackets it closes from above do not count."""
    ends = []
    for row, line, depth, quote, opened in _scanned(whole[:REACH_LINES], hash_comments):
        if quote is not None or not line.strip() or opens_block(line, hash_comments):
            continue
        if row + 1 < len(whole) and continues_statement(whole[row + 1], hash_comments):
            continue
        ends.append((row, depth, [(bracket, opened_on) for bracket, opened_on, _ in opened]))
    return ends


def _last_element_end(head: list[str], hash_comments: bool) -> int | None:
    """The last row of `head` that ends an element of a literal or argument list the
    answer is inside (its brackets closed, a trailing comma), or None. Only when every line
    of the answer that closes its brackets ends that way: `Record<` above `string,` is a
    type's arguments, not the entries of a literal the cursor is in."""
    last = None
    for row, line, depth, quote, _ in _scanned(head, hash_comments):
        if depth or quote is not None or not line.strip():
            continue
        if not code_part(line, hash_comments).endswith(","):
            return None
        last = row
    return last


def _entry_ends(head: list[str], hash_comments: bool) -> list[tuple[int, list[tuple[str, int]]]]:
    """(row, the brackets open as in `_statement_ends`) of the lines of `head` that end an
    entry (a trailing comma, no string open) of a list, a call or an object literal the
    answer opens (`[`, `(`, a `{` after `=`, `:`, `(`, `,`, `[` or `return`): closed after
    it, the answer parses (trailing commas are allowed there)."""
    found = []
    for row, line, _, quote, opened in _scanned(head, hash_comments):
        if quote is None and opened and code_part(line, hash_comments).endswith(",") and opened[-1][2]:
            found.append((row, [(bracket, opened_on) for bracket, opened_on, _ in opened]))
    return found


def _scanned(lines: list[str], hash_comments: bool):
    """(row, line, bracket depth, open string or comment, the brackets open as (bracket, row
    opened, whether entries may end inside it)) after each of `lines`."""
    depth, quote = 0, None
    brackets: list[str] = []
    opened: list[tuple[str, int, bool]] = []
    for row, line in enumerate(lines):
        before = len(brackets)
        depth, quote = scan_line(line, depth, quote, hash_comments, brackets)
        # by the count alone: a line that closes one and opens one (`} else {`) keeps the
        # row of the one it closed, at the same margin as a rule
        keep = min(before, len(brackets))
        code = code_part(line, hash_comments).rstrip()
        literal = code.endswith("{") and code[:-1].rstrip().endswith(_LITERAL_AFTER)
        opened = opened[:keep] + [(b, row, b != "{" or literal) for b in brackets[keep:]]
        yield row, line, depth, quote, opened


_LITERAL_AFTER = ("=", ":", "(", ",", "[", "return")


def _prose_closing(head: list[str], hash_comments: bool, indent: str) -> str:
    """A line closing the docstring or block comment `head` opens outside brackets and
    leaves open, or ""."""
    depth, quote = 0, None
    opened = None  # (row, quote)
    for row, line in enumerate(head):
        was = quote
        depth, quote = scan_line(line, depth, quote, hash_comments)
        if was is None and quote in _LONG_QUOTES and depth == 0:
            opened = row, quote
    if opened is None or depth != 0 or quote != opened[1] or not any(line.strip() for line in head[opened[0]:]):
        return ""
    row = opened[0]
    return _margin(head, row, indent) + (" */" if quote == "*/" else quote)


def _bracket_closing(whole: list[str], opened: list[tuple[str, int]], indent: str) -> str:
    """Lines closing the brackets `opened` (innermost last, with the row that opened each),
    each row's at that row's margin."""
    out = []
    for row in sorted({r for _, r in opened}, reverse=True):
        closers = "".join(_CLOSERS[b] for b, r in reversed(opened) if r == row)
        out.append(_margin(whole, row, indent) + closers)
    return "\n".join(out)


_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def _margin(lines: list[str], row: int, indent: str) -> str:
    """The indentation of `lines[row]` in the document (the first line starts at the cursor)."""
    return indent + _leading_space(lines[0]) if row == 0 else _leading_space(lines[row])


def _leading_space(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


# In languages with `//` comments (JavaScript, TypeScript, C...), where a statement goes on
# over lines outside brackets: how a line that goes on with the statement above starts (a
# ternary's `?` and `:`, an operator, a chain's `.`, a union's `|`, a type's closing `>`)...
_CONTINUATION_STARTS = ("?", ":", ".", "&&", "||", "??", "|", "&", "+", "-", "=", ",", ">", "as ", "satisfies ")
# ... and how a line that leaves its statement to the next ends, beyond `opens_block`'s.
_CONTINUATION_ENDS = ("&&", "||", "??", "?", "|", "<", "=>", "+", "-")


def continues_statement(line: str, hash_comments: bool) -> bool:
    """Whether `line` goes on with the statement of the line above (it starts with an
    operator), so that the line above ends no statement. Never with `#` comments (Python,
    shells, Markdown): there a line starting `-` or `|` is a list item or a table row."""
    if hash_comments:
        return False
    code = code_part(line, hash_comments).lstrip()
    return code.startswith(_CONTINUATION_STARTS) and not code.startswith(("++", "--", "..."))


_LONG_QUOTES = frozenset(('"""', "'''", "*/"))


def opens_block(line: str, hash_comments: bool) -> bool:
    """Whether `line` leaves its statement to the lines below: a block's header, a
    decorator, an open bracket, a trailing operator or comma."""
    code = code_part(line, hash_comments).rstrip()
    if code.endswith((":", "{", "(", "[", "\\", ",", "=")) or code.lstrip().startswith("@"):
        return True
    if hash_comments:
        return False
    return (code.endswith(_CONTINUATION_ENDS) and not code.endswith(("++", "--"))) or bool(_BARE_HEADER.match(code))


# A block header whose body is the next statement, without braces (`if (sizing)`, `else`).
_BARE_HEADER = re.compile(r"^\s*(?:\}\s*)?(?:(?:else\s+)?if|for|while)\s*\(.*\)$|^\s*(?:\}\s*)?(?:else|do)$")


def _trim_suffix_overlap(text: str, suffix: str) -> str:
    head = suffix.split("\n", 1)[0]
    if head.strip():
        for size in range(min(len(head), len(text)), 0, -1):
            if text.endswith(head[:size]) and head[:size].strip():
                return text[: len(text) - size]
    return text
