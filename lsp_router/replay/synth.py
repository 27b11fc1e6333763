"""A commit turned into the requests its developer would have made (see the package docstring).

Completions, renames, explains and refactors per file, sampled per commit
(`synthesize_commit`, `iter_requests`), and each request built exactly as the server
builds it (`build_request`, `prompt_text`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from lsp_router.replay.definitions import _Def, _innermost, definitions
from lsp_router.replay.files import language_id_for, skip_reason_for_path, skip_reason_for_text
from lsp_router.replay.git import Commit, Git
from lsp_router.replay.patch import FileChange, Hunk
from lsp_router.settings import Settings

if TYPE_CHECKING:
    from lsp_router.replay.result import ReplayResult

__all__ = ["Lines", "Synth", "FileVersions", "synthesize_commit", "iter_requests", "build_request", "prompt_text"]

MAX_COMPLETIONS_PER_COMMIT = 40
MAX_EXPLAINS_PER_COMMIT = 8
MAX_REFACTORS_PER_COMMIT = 4
MAX_RENAMES_PER_COMMIT = 4
RENAME_MIN_EVIDENCE = 2
REWRITE_SHARE = 0.5
REWRITE_MIN_LINES = 3
EXPLAIN_MAX_CLASS_LINES = 200
EXPLAIN_BASE_TOKENS = 100
EXPLAIN_SHARE = 0.4
EXPLAIN_MAX_TOKENS = 800
DEFAULT_INSTRUCTION = "Rewrite this function."

_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_FIRST_TOKEN = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*|\d+|\S")
_ONLY_PUNCT = re.compile(r"^[\s)\]}{(\[;,.:'\"`]*$")
# Words that change between lines without being a rename (`var` -> `let`, `True` -> `False`).
_NOT_RENAMES = frozenset({
    "var", "let", "const", "function", "return", "if", "else", "for", "while", "do", "new", "this",
    "class", "import", "export", "from", "async", "await", "true", "false", "null", "undefined",
    "typeof", "instanceof", "in", "of", "void", "delete", "yield", "static", "public", "private",
    "protected", "readonly", "interface", "type", "enum", "extends", "implements", "super", "self",
    "cls", "None", "True", "False", "and", "or", "not", "is", "def", "lambda", "pass", "break",
    "continue", "try", "except", "finally", "raise", "with", "as", "global", "nonlocal", "assert",
    "elif", "del", "print", "switch", "case", "default", "throw", "catch", "int", "str", "float",
    "bool", "string", "number", "boolean", "any", "object", "list", "dict", "set", "tuple",
})


class Lines:
    """A text split at "\\n" as git counts lines: 0-based rows and their offsets."""

    def __init__(self, text: str):
        self.text = text
        self.rows = text.split("\n")
        self.starts = [0]
        for row in self.rows[:-1]:
            self.starts.append(self.starts[-1] + len(row) + 1)
        if self.rows and self.rows[-1] == "" and len(self.rows) > 1:
            # a final newline does not start a line of its own
            self.rows.pop()
            self.starts.pop()

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, i: int) -> str:
        return self.rows[i].rstrip("\r") if 0 <= i < len(self.rows) else ""

    def start(self, i: int) -> int:
        if i >= len(self.starts):
            return len(self.text)
        return self.starts[max(0, i)]

    def end_of_line(self, i: int) -> int:
        """Offset just after row i's content (before its line break)."""
        return self.start(i) + len(self.row(i))


def _sample(items: list, cap: int) -> list:
    """At most `cap` items, spread evenly (deterministic)."""
    if len(items) <= cap:
        return list(items)
    n = len(items)
    return [items[int((i + 0.5) * n / cap)] for i in range(cap)]


# ------------------------------------------------------------------- synthesized request


@dataclass
class Synth:
    """One request a developer would have made while writing a commit."""

    task: str
    commit: str
    path: str
    view: Any  # tasks.common.DocView
    start: tuple[int, int]
    end: tuple[int, int] | None = None
    instruction: str | None = None
    new_name: str | None = None
    output: str | None = None  # the commit's own answer (autocomplete, rename, refactor)
    # whether that answer can be checked alone: a refactor whose commit also changed the
    # code around it answers a bigger request than the one replayed
    checkable: bool = True
    output_tokens: int | None = None  # explain: the rule in the package docstring


@dataclass
class FileVersions:
    path: str
    uri: str
    fs_path: str
    language_id: str
    old_text: str | None
    new_text: str | None
    hunks: list[Hunk]


def _view(fv: FileVersions, text: str):
    from lsp_router.tasks.common import DocView

    return DocView(fv.uri, text, fv.language_id, None, fv.fs_path, shown_path=fv.path)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _completion_candidates(fv: FileVersions, new: Lines, skip: set[int] = frozenset()) -> list[tuple[int, int, int, int, str]]:
    """(row, cursor column, last row removed, last row of the ghost text, the line the
    server adds to close it or "") per added line.

    Two shapes (see the package docstring): the first line of a block body the hunk adds
    (after a line ending with `:` or `{`, the whole body inside the hunk) is a block
    completion: the body is not typed yet and the ghost text is the body, cut at the last
    complete statement within `autocomplete.MAX_LINES` lines. Every other line is a
    fill-in-the-middle completion of the rest of that line.
    """
    from lsp_router.routing import parsing
    from lsp_router.tasks.common import code_part, hash_comments_for

    hash_comments = hash_comments_for(fv.language_id, parsing.language_for(fv.language_id, fv.path))
    out = []
    for hunk in fv.hunks:
        if hunk.new_count == 0:
            continue
        first = hunk.new_start - 1
        last = min(first + hunk.new_count - 1, len(new) - 1)
        if last < first:
            continue
        for row in range(first, last + 1):
            text = new.row(row)
            if row in skip or not text.strip() or _ONLY_PUNCT.match(text):
                continue
            indent = _indent(text)
            prev = code_part(new.row(row - 1), hash_comments) if row > 0 else ""
            if prev.endswith((":", "{")) and indent > _indent(prev):
                # the first line of a new block body: is the whole body inside the hunk?
                end = row
                while end + 1 < len(new) and (not new.row(end + 1).strip() or _indent(new.row(end + 1)) > _indent(prev)):
                    end += 1
                while end > row and not new.row(end).strip():
                    end -= 1
                if end <= last:
                    out.append((row, indent, end, *_ghost_end(new, row, end, hash_comments)))
                    continue
            col = indent
            if row > first and not prev.endswith(("(", "[", ":", "{")):
                # mid-hunk: the developer typed the first word and paused
                m = _FIRST_TOKEN.match(text, indent)
                if m is not None and m.end() < len(text.rstrip()):
                    col = m.end()
            out.append((row, col, row, row, ""))
    return out


def _ghost_end(new: Lines, row: int, end: int, hash_comments: bool) -> tuple[int, str]:
    """(the last row of a block completion's ghost text, the line the server adds to close
    it or ""): the body's rows `row`..`end` kept as the server keeps the lines of a model's
    answer (`autocomplete.kept_lines`). Brackets opened above the body (a class's) do not
    count: the scan starts at the body."""
    from lsp_router.tasks.autocomplete import REACH_LINES, kept_lines

    # kept_lines reads at most REACH_LINES + 1 lines of an answer (the last to see whether
    # it goes on with the statement above)
    body = [new.row(r) for r in range(row, min(end, row + REACH_LINES) + 1)]
    kept = kept_lines(body, hash_comments=hash_comments)
    return row + kept.lines - 1, kept.closing


def _completion(fv: FileVersions, new: Lines, candidate: tuple[int, int, int, int, str], commit: str) -> Synth | None:
    row, col, removed_last, ghost_last, closing = candidate
    cursor = new.start(row) + col
    output = new.text[cursor:new.end_of_line(ghost_last)].rstrip()
    if not output.strip():
        return None
    if closing:
        output += "\n" + closing
    document = new.text[:cursor] + new.text[new.end_of_line(removed_last):]
    view = _view(fv, document)
    line, character = view.point(cursor)
    return Synth("autocomplete", commit, fv.path, view, (line, character), output=output)


def _line_tokens(text: str) -> tuple[list[str], list[str], list[int]]:
    """(gaps, identifiers, identifier columns) with gaps[i] before identifiers[i]."""
    gaps, idents, cols, pos = [], [], [], 0
    for m in _IDENT.finditer(text):
        gaps.append(text[pos:m.start()])
        idents.append(m.group())
        cols.append(m.start())
        pos = m.end()
    gaps.append(text[pos:])
    return gaps, idents, cols


def _whole_symbol_renamed(view, new_text: str, x: str, y: str, position: tuple[int, int], language,
                          changed_rows: set[int]) -> set:
    """The symbol's occurrences (scope-aware) when the commit renamed all of them, else an empty set.

    The line pairs that differ only by the new name are evidence of a rename, not all of
    it: an occurrence on a line that also changed otherwise is renamed too. When the new
    text has lost at least as many `x` and gained at least as many `y` as the symbol has
    occurrences, and every occurrence is on a line the commit changed, the developer
    renamed the whole symbol: that is the commit's answer.
    Otherwise some uses kept the old name (`Dict` -> `MutableMapping` in a few annotations,
    a renamed attribute kept under its old name for compatibility): no rename request
    would have done that.
    """
    from lsp_router.routing.checks import rename_occurrences

    expected = set(rename_occurrences(view.text, x, position, language))
    if not expected or any(sl not in changed_rows for sl, _, _, _ in expected):
        return set()

    def count(name: str, text: str) -> int:
        return len(re.findall(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text))

    lost, gained = count(x, view.text) - count(x, new_text), count(y, new_text) - count(y, view.text)
    return expected if lost >= len(expected) and gained >= len(expected) else set()


def _renames(fv: FileVersions, old: Lines, new: Lines, commit: str) -> tuple[list[Synth], set[int]]:
    """Rename requests, and the new rows they account for (not typed: no completions there)."""
    from lsp_router.tasks import rename

    evidence: dict[tuple[str, str], list[tuple[int, int]]] = {}
    new_rows: dict[tuple[str, str], list[int]] = {}
    done_rows: set[int] = set()
    order: list[tuple[str, str]] = []
    for hunk in fv.hunks:
        if hunk.old_count == 0 or hunk.old_count != hunk.new_count:
            continue
        for k in range(hunk.old_count):
            orow, nrow = hunk.old_start - 1 + k, hunk.new_start - 1 + k
            a, b = old.row(orow), new.row(nrow)
            if a == b:
                continue
            ga, ia, ca = _line_tokens(a)
            gb, ib, _ = _line_tokens(b)
            if ga != gb or len(ia) != len(ib):
                continue
            pairs = {(x, y) for x, y in zip(ia, ib) if x != y}
            if len(pairs) != 1:
                continue
            pair = next(iter(pairs))
            if pair not in evidence:
                evidence[pair] = []
                new_rows[pair] = []
                order.append(pair)
            evidence[pair].extend((orow, c) for x, y, c in zip(ia, ib, ca) if x != y)
            new_rows[pair].append(nrow)
    found = []
    language = None
    view = None
    changed_rows = {h.old_start - 1 + k for h in fv.hunks for k in range(h.old_count)}
    for x, y in order:
        places = evidence[(x, y)]
        if len(places) < RENAME_MIN_EVIDENCE or x in _NOT_RENAMES or y in _NOT_RENAMES:
            continue
        if view is None:
            view = _view(fv, fv.old_text or "")
            language = view.language
        if not rename.is_valid_name(y, language) or not rename.is_valid_name(x, language):
            continue
        if re.search(rf"(?<![\w$]){re.escape(y)}(?![\w$])", view.text):
            continue  # the new name already exists (`ValueError` -> `TypeError`): not a rename
        renamed = [view.point(old.start(r) + c) for r, c in places]
        line, character = renamed[0]
        candidates = rename.candidates(view, x, line, character)
        starts = {(sl, sc) for sl, sc, _, _ in candidates}
        # Start from the first replaced occurrence that is an identifier token (not in a
        # string or a comment): where a developer would put the cursor to rename.
        position = next((p for p in renamed if p in starts), None)
        if position is None:
            continue
        if position != (line, character):
            line, character = position
            candidates = rename.candidates(view, x, line, character)
        whole = _whole_symbol_renamed(view, fv.new_text or "", x, y, (line, character), language, changed_rows)
        if not whole:
            continue  # some of the symbol's uses kept the old name: an edit, not a rename
        chosen = [i for i, c in enumerate(candidates) if tuple(c) in whole]
        if not chosen:
            continue
        answer = json.dumps({"occurrences": chosen})
        found.append(Synth("rename", commit, fv.path, view, (line, character), new_name=y, output=answer))
        done_rows.update(new_rows[(x, y)])
    return found, done_rows


def _changed_old_rows(hunks: list[Hunk]) -> tuple[set[int], list[tuple[int, int]]]:
    """(rows of the parent removed or changed, insertion points as (row before, row after))."""
    rows: set[int] = set()
    inserts: list[tuple[int, int]] = []
    for h in hunks:
        if h.old_count:
            rows.update(range(h.old_start - 1, h.old_start - 1 + h.old_count))
        else:
            inserts.append((h.old_start - 1, h.old_start))
    return rows, inserts


def _explains_and_refactors(fv: FileVersions, old: Lines, new: Lines, commit: Commit) -> tuple[list[Synth], list[Synth]]:
    from lsp_router.routing import parsing
    from lsp_router.tokens import count_tokens

    language = parsing.language_for(fv.language_id, fv.path)
    if language is None or fv.old_text is None or fv.new_text is None:
        return [], []  # no grammar, a new file, or a deleted file (nobody reads what they delete wholesale)
    defs = definitions(fv.old_text, language)
    if not defs:
        return [], []
    rows, inserts = _changed_old_rows(fv.hunks)
    touched: list[int] = []
    for row in sorted(rows):
        i = _innermost(defs, row)
        if i is not None and i not in touched:
            touched.append(i)
    for before, after in inserts:
        i = _innermost(defs, before)
        if i is not None and defs[i].first <= after <= defs[i].last and i not in touched:
            touched.append(i)
    touched.sort(key=lambda i: defs[i].first)
    view = None
    explains: list[Synth] = []

    def span(d: _Def):
        return view.point(old.start(d.first)), view.point(old.start(d.last + 1) if d.last + 1 < len(old) else len(old.text))

    for i in touched:
        d = defs[i]
        if d.kind == "class" and d.last - d.first + 1 > EXPLAIN_MAX_CLASS_LINES:
            continue
        view = view or _view(fv, fv.old_text)
        start, end = span(d)
        selection = view.text[view.offset(*start):view.offset(*end)]
        tokens = min(EXPLAIN_MAX_TOKENS, EXPLAIN_BASE_TOKENS + math.ceil(EXPLAIN_SHARE * count_tokens(selection)))
        explains.append(Synth("explain", commit.sha, fv.path, view, start, end, output_tokens=tokens))

    refactors: list[Synth] = []
    new_defs = {d.name: d for d in definitions(fv.new_text, language) if d.kind == "function"}
    rewritten: set[int] = set()
    for i, d in enumerate(defs):
        if d.kind != "function" or d.name not in new_defs:
            continue
        nonblank = [r for r in range(d.first, d.last + 1) if old.row(r).strip()]
        changed = sum(1 for r in nonblank if r in rows)
        if len(nonblank) >= REWRITE_MIN_LINES and changed >= REWRITE_MIN_LINES and changed / len(nonblank) > REWRITE_SHARE:
            rewritten.add(i)
    for i in sorted(rewritten, key=lambda i: defs[i].first):
        d, parent = defs[i], defs[i].parent
        outer_rewritten = False
        while parent is not None:
            if parent in rewritten:
                outer_rewritten = True
                break
            parent = defs[parent].parent
        if outer_rewritten:
            continue
        view = view or _view(fv, fv.old_text)
        start, end = span(d)
        nd = new_defs[d.name]
        new_text = new.text[new.start(nd.first):new.start(nd.last + 1) if nd.last + 1 < len(new) else len(new.text)]
        old_indent, new_indent = _indent(old.row(d.first)), _indent(new.row(nd.first))
        if old_indent != new_indent:
            # the answer keeps the selection's indentation, wherever the commit moved it to
            import textwrap

            new_text = textwrap.indent(textwrap.dedent(new_text), old.row(d.first)[:old_indent])
        if new_text.rstrip() == view.text[view.offset(*start):view.offset(*end)].rstrip():
            continue  # the same text under the same name elsewhere (a duplicate definition)
        instruction = (commit.subject or "").strip()[:200] or DEFAULT_INSTRUCTION
        # The check rightly rejects a rewrite that drops a name the rest of the file uses;
        # when the commit changed the rest of the file too, it did so to match.
        alone = all(d.first <= row <= d.last for row in rows)
        refactors.append(Synth("refactor", commit.sha, fv.path, view, start, end, instruction=instruction,
                               output=new_text, checkable=alone))
    return explains, refactors


def synthesize_commit(commit: Commit, files: list[FileVersions]) -> list[Synth]:
    """Every request of one commit, in a fixed order (see the package docstring)."""
    completions: list[tuple[FileVersions, Lines, tuple[int, int, int, int, str]]] = []
    renames: list[Synth] = []
    explains: list[Synth] = []
    refactors: list[Synth] = []
    for fv in files:
        new = Lines(fv.new_text) if fv.new_text is not None else None
        old = Lines(fv.old_text) if fv.old_text is not None else None
        renamed_rows: set[int] = set()
        if new is not None and old is not None:
            found, renamed_rows = _renames(fv, old, new, commit.sha)
            renames.extend(found)
        if new is not None:
            completions.extend((fv, new, c) for c in _completion_candidates(fv, new, renamed_rows))
        if old is not None and new is not None:
            e, r = _explains_and_refactors(fv, old, new, commit)
            explains.extend(e)
            refactors.extend(r)
    requests: list[Synth] = []
    for fv, new, candidate in _sample(completions, MAX_COMPLETIONS_PER_COMMIT):
        synth = _completion(fv, new, candidate, commit.sha)
        if synth is not None:
            requests.append(synth)
    requests.extend(_sample(renames, MAX_RENAMES_PER_COMMIT))
    requests.extend(_sample(explains, MAX_EXPLAINS_PER_COMMIT))
    requests.extend(_sample(refactors, MAX_REFACTORS_PER_COMMIT))
    return requests


# ------------------------------------------------------------------------------- jobs


def build_request(synth: Synth, settings: Settings):
    """(features, job) exactly as the server builds them for this request; job may be None."""
    from lsp_router.tasks import TaskRequest, build

    request = TaskRequest(synth.start, synth.end, new_name=synth.new_name or "", instruction=synth.instruction)
    return build(synth.task, synth.view, request, settings)


def prompt_text(job) -> str:
    """The text the engine's own estimate counts for a request (`providers.sdk.estimate_usage`)."""
    r = job.request
    return "\n".join(part for part in (r.system, r.context, r.prompt) if part)


def _file_versions(git: Git, change: FileChange, result: ReplayResult) -> FileVersions | None:
    if change.mode in ("160000", "120000"):
        return None  # a submodule or a symlink
    path = change.path
    reason = skip_reason_for_path(path)
    if reason is None and change.binary:
        reason = "binary"
    if reason is None and not change.hunks:
        return None  # a pure rename or a mode change: nothing typed
    texts: list[str | None] = []
    if reason is None:
        for blob in (change.old_blob, change.new_blob):
            if blob is None:
                texts.append(None)
                continue
            data, size = git.blob(blob)
            if data is None:
                reason = "over 200 KB" if size is not None else "missing from the clone"
                break
            reason = skip_reason_for_text(data)
            if reason:
                break
            texts.append(data.decode("utf-8", "replace"))
    if reason is not None:
        result.skipped[reason] = result.skipped.get(reason, 0) + 1
        return None
    old_text, new_text = texts
    fs_path = str(git.root / path)
    return FileVersions(path, Path(fs_path).as_uri(), fs_path, language_id_for(path) or "plaintext", old_text, new_text, change.hunks)


def iter_requests(git: Git, commits: list[Commit], result: ReplayResult, on_commit: Callable[[int], None]) -> Iterator[list[Synth]]:
    """The requests of each commit, oldest commit first."""
    seen_files: set[str] = set()
    for index, commit in enumerate(commits):
        files = []
        for change in git.changes(commit):
            fv = _file_versions(git, change, result)
            if fv is not None:
                files.append(fv)
                seen_files.add(fv.path)
        result.files = len(seen_files)
        try:
            requests = synthesize_commit(commit, files)
        except Exception as exc:  # noqa: BLE001 - one odd commit must not stop the replay
            result.failed += 1
            result.notes.append(f"could not analyse commit {commit.sha[:10]} ({type(exc).__name__}: {exc})")
            requests = []
        result.synthesized += len(requests)
        yield requests
        on_commit(index + 1)
