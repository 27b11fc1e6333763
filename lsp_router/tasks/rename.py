"""Rename: the scope analysis, or a model, picks which occurrences of the name are the symbol.

When the scope analysis is certain (a local, a parameter, a module-private name with no
dynamic access: `features.scope_certain`), the engine's static tier takes its occurrences
as they are (`solve`), with no model call. Otherwise the parser lists every identifier token
with that name (never text in strings or comments); the model, which can read the code, says
which of them mean the same symbol; the check compares its choice with the scope analysis.
Mentions of the name in comments and strings (`rename.updateMentions`) are a separate job
(`build_mentions_job`) whose edits the editor asks the user to confirm.
"""

from __future__ import annotations

import json
import keyword
import re

from dataclasses import dataclass

from lsp_router.core import CheckResult
from lsp_router.engine import Job
from lsp_router.providers.base import ModelRequest
from lsp_router.tasks import TaskRequest
from lsp_router.tasks.common import DocView

NAME = "rename"

IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")

SYSTEM = (
    "You rename symbols in source code. You get the code with line numbers, the symbol at a "
    "given position, and a numbered list of places where the same name appears. Answer with "
    'JSON only, {"occurrences": [numbers]}, listing the places that refer to the same symbol '
    "as the one at the given position (same binding and scope); leave out the places where the "
    "same name means something else."
)


def symbol_at(view: DocView, line: int, character: int) -> tuple[str, int, int] | None:
    """The identifier touching (line, character): (name, start column, end column)."""
    text = view.line_text(line)
    for match in IDENTIFIER.finditer(text):
        if match.start() <= character <= match.end():
            return match.group(), match.start(), match.end()
    return None


def is_valid_name(name: str, language: str | None) -> bool:
    if not IDENTIFIER.fullmatch(name):
        return False
    return not (language == "python" and keyword.iskeyword(name))


def candidates(view: DocView, name: str, line: int, character: int) -> list[tuple[int, int, int, int]]:
    """Every identifier token with this name in the file (the model chooses among them)."""
    from lsp_router.routing.checks import rename_occurrences

    scoped = set(rename_occurrences(view.text, name, (line, character), view.language))
    everywhere = set(_all_tokens(view, name))
    return sorted(scoped | everywhere)


def _all_tokens(view: DocView, name: str) -> list[tuple[int, int, int, int]]:
    from lsp_router.routing.parsing import parse

    language = view.language
    tree = parse(view.text, language) if language else None
    if tree is None:
        pattern = re.compile(rf"(?<![\w$]){re.escape(name)}(?![\w$])")
        return [
            (number, m.start(), number, m.end())
            for number, text in enumerate(view.lines)
            for m in pattern.finditer(text)
        ]
    found: list[tuple[int, int, int, int]] = []
    encoded = name.encode()
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.child_count == 0:
            if "identifier" in node.type and node.text == encoded:
                (sl, sc), (el, ec) = _columns(view, node.start_point), _columns(view, node.end_point)
                found.append((sl, sc, el, ec))
        else:
            stack.extend(node.children)
    return found


def _columns(view: DocView, point) -> tuple[int, int]:
    """tree-sitter columns are UTF-8 bytes; ours are code points."""
    row, byte_column = point
    line = view.lines[row] if row < len(view.lines) else ""
    return row, len(line.encode()[:byte_column].decode(errors="ignore"))


@dataclass(frozen=True)
class Reading:
    """What an answer is read against: the document, the symbol and the places offered."""

    view: DocView
    position: tuple[int, int]
    old_name: str
    new_name: str
    places: list[tuple[int, int, int, int]]


def build_job(view: DocView, request: TaskRequest, features, settings=None) -> Job | None:
    (line, character), new_name = request.start, request.new_name or ""
    found = symbol_at(view, line, character)
    if found is None:
        return None
    old_name = found[0]
    places = candidates(view, old_name, line, character)
    numbered_code = "".join(f"{i + 1:5d}  {text}" for i, text in enumerate(view.lines))
    listing = "\n".join(
        f"{index}: line {sl + 1}, column {sc + 1}: {view.line_text(sl).strip()}"
        for index, (sl, sc, _, _) in enumerate(places)
    )
    prompt = (
        f"Rename `{old_name}` at line {line + 1}, column {found[1] + 1} to `{new_name}`.\n"
        f"Places where `{old_name}` appears:\n{listing}\n"
        'Answer: {"occurrences": [...]}'
    )
    model_request = ModelRequest(
        system=SYSTEM,
        context=f"Code ({view.language_id or 'text'}):\n{numbered_code}",
        prompt=prompt,
        max_tokens=400,
        stream=False,
    )
    return Job(
        task=NAME,
        uri=view.uri,
        features=features,
        request=model_request,
        cache_inputs={"text": view.text, "position": [line, character], "newName": new_name},
        reader=accept,
        reading=Reading(view, (line, character), old_name, new_name, places),
        solve=solve,
    )


def solve(job: Job) -> tuple[dict | None, CheckResult]:
    """The rename from the scope analysis alone (the static tier), checked as a model's would be.
    `modelText` is the answer a model would have written, for what the static tier saved."""
    from lsp_router.routing.checks import check_rename, rename_occurrences

    r: Reading = job.reading
    edits = rename_occurrences(r.view.text, r.old_name, r.position, r.view.language)
    result = check_rename(r.view.text, r.old_name, r.new_name, edits, r.view.language, r.position)
    chosen = [r.places.index(e) for e in edits if e in r.places]
    answer = {"edits": [list(e) for e in edits], "oldName": r.old_name,
              "modelText": json.dumps({"occurrences": chosen})}
    return answer, result


def accept(job: Job, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
    r: Reading = job.reading
    chosen = parse_choice(text, len(r.places))
    if chosen is None:
        return None, CheckResult(False, "the answer is not a JSON list of places")
    edits = [r.places[i] for i in chosen]
    from lsp_router.routing.checks import check_rename

    result = check_rename(r.view.text, r.old_name, r.new_name, edits, r.view.language, r.position)
    return {"edits": [list(e) for e in edits], "oldName": r.old_name}, result


def parse_choice(text: str, count: int) -> list[int] | None:
    match = re.search(r"\{.*\}|\[.*\]", text, re.DOTALL)
    if match is None:
        return None
    try:
        value = json.loads(match.group())
    except json.JSONDecodeError:
        return None
    if isinstance(value, dict):
        value = value.get("occurrences")
    if not isinstance(value, list) or not all(isinstance(v, int) and 0 <= v < count for v in value):
        return None
    return sorted(set(value))


# -- mentions in comments and strings (rename.updateMentions) ---------------------------------

MENTIONS_SYSTEM = (
    "You update prose after a rename in source code. You get the code with line numbers, the "
    "symbol renamed, and a numbered list of places in comments, docstrings and string literals "
    "where the old name appears as a word. Answer with JSON only, {\"mentions\": [numbers]}, "
    "listing the places that mention the renamed symbol itself; leave out the places where the "
    "word means something else (another variable, an English word, a different object)."
)


@dataclass(frozen=True)
class MentionsReading:
    view: DocView
    old_name: str
    places: list[tuple[int, int, int, int]]


def build_mentions_job(view: DocView, job: Job, features) -> Job | None:
    """The model call that picks which comment and string mentions of the old name to update,
    or None when the file has none (then no call is made: the rename stays static, at $0)."""
    from lsp_router.routing.parsing import mention_places

    r: Reading = job.reading
    places = mention_places(view.text, view.language, r.old_name)
    if not places:
        return None
    numbered_code = "".join(f"{i + 1:5d}  {text}" for i, text in enumerate(view.lines))
    listing = "\n".join(
        f"{index}: line {sl + 1}, column {sc + 1}: {view.line_text(sl).strip()}"
        for index, (sl, sc, _, _) in enumerate(places)
    )
    line, character = r.position
    prompt = (
        f"`{r.old_name}` at line {line + 1}, column {character + 1} is renamed to `{r.new_name}`.\n"
        f"Places in comments and strings where `{r.old_name}` appears:\n{listing}\n"
        'Answer: {"mentions": [...]}'
    )
    return Job(
        task=NAME,
        uri=view.uri,
        features=features,
        request=ModelRequest(system=MENTIONS_SYSTEM, context=f"Code ({view.language_id or 'text'}):\n{numbered_code}",
                             prompt=prompt, max_tokens=300, stream=False),
        cache_inputs={"text": view.text, "position": [line, character], "newName": r.new_name, "mentions": True},
        reader=accept_mentions,
        reading=MentionsReading(view, r.old_name, places),
    )


def accept_mentions(job: Job, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
    """The places the model chose, each checked: inside one comment or string token, and the
    old name there as a whole word. One that is not fails the answer (no mention is applied)."""
    from lsp_router.routing.parsing import in_comment_or_string

    r: MentionsReading = job.reading
    match = re.search(r"\{.*\}|\[.*\]", text, re.DOTALL)
    try:
        value = json.loads(match.group()) if match else None
    except json.JSONDecodeError:
        value = None
    if isinstance(value, dict):
        value = value.get("mentions")
    if not isinstance(value, list) or not all(isinstance(v, int) and 0 <= v < len(r.places) for v in value):
        return None, CheckResult(False, "the answer is not a JSON list of mention places")
    edits = [r.places[i] for i in sorted(set(value))]
    word = re.compile(rf"(?<![\w$]){re.escape(r.old_name)}(?![\w$])")
    for sl, sc, el, ec in edits:
        line = r.view.line_text(sl)
        if sl != el or line[sc:ec] != r.old_name or not word.match(line, sc) or \
                not in_comment_or_string(r.view.text, r.view.language, (sl, sc, el, ec)):
            return None, CheckResult(False, f"mention at line {sl + 1} is not '{r.old_name}' in a comment or string")
    return {"edits": [list(e) for e in edits]}, CheckResult(True)
