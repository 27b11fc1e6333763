"""Replay a repository's recent history as the editor requests its developer would have made.

`lsp-router replay REPO` walks the last commits of a git repository (oldest first, merges
skipped), turns each one into autocomplete, rename, explain and refactor requests, routes
every request with the real classifier (`routing.features.extract_features` +
`routing.policy.classify`) and builds the real prompt with the task modules
(`tasks.<task>.build_job`). In a dry run no model is called: input tokens are the real
prompt (`system`, `context` and `prompt` of the job, joined as the engine's own estimate
joins them) counted by the real tokenizer (`spend.pricing.count_tokens`), output tokens
come from the commit itself, and every request is priced with `Pricer.price` for the
routed model, the frontier model and the mini model. With keys (and without `--dry-run`)
a sample of the requests goes through the real `Engine`, cache and ledger.

Git is only read, through `git` subprocesses: `git log` lists the commits, `git show -U0`
gives each commit's diff against its parent (against nothing for a root commit or the
first commit of a shallow clone), and one `git cat-file --batch` process reads the file
contents at the commit and at its parent by blob id.

Which files: text files of a programming language (see `LANGUAGE_IDS`; Python,
JavaScript and TypeScript are parsed with tree-sitter, others are plain text), at most
200 KB, not binary, not vendored (`node_modules/`, `vendor/`, `third_party/`, `dist/`, ...),
not minified (`*.min.js`, or lines averaging over 300 characters) and not generated
(`@generated` / `DO NOT EDIT` near the top). Submodules and symlinks are skipped.

How a commit becomes requests (deterministic: the same history gives the same requests):

* autocomplete: every added line that is not blank and not only brackets or punctuation
  is one inline completion, as if the developer asked once per line (typed-ahead reuse and
  the debounce make it about one call per line; they are not modelled further). Two shapes:
  - the first line of a block body the hunk adds (the line before ends with `:` or `{`,
    and the whole body lies inside the hunk) is a block completion: the document is the
    new file without that body (not typed yet), the cursor at the body's indentation, and
    the output is the body up to the last complete statement (brackets and multi-line
    strings closed) within `autocomplete.MAX_LINES` (12) lines, or, when its first
    statement is longer (a long docstring), up to that statement's end within
    `autocomplete.REACH_LINES`: the server then shows it as `whole_statements` trims it;
  - every other line is a fill-in-the-middle completion: the document is the new file
    without the rest of that line, and the output is the rest of the line. The cursor is
    at the indentation on the first line of a hunk and after `(` `[` `:` `{` (the whole
    line is ghost text), otherwise after the line's first word, as after a pause.
  At most 40 completions per commit, sampled evenly over all its candidate lines.
* rename: in a hunk that replaces n lines by n lines, a line pair whose only difference is
  one identifier X replaced by one identifier Y (every difference the same X -> Y) is
  evidence of renaming X to Y. With at least 2 such replacements in a file, valid
  non-keyword names, and Y not already a word of the parent file (`ValueError` ->
  `TypeError` is not a rename), one rename request at the first replaced occurrence that
  is an identifier token (not in a string or comment) in the parent file, new name Y, when
  the commit renamed the whole symbol: the new file lost at least as many X and gained at
  least as many Y as the symbol has (scope-aware) occurrences; otherwise some uses kept
  the old name and it was an edit, not a rename. The output is the JSON answer a model
  gives, `{"occurrences": [...]}`, listing those occurrences. At most 4 per commit. The lines such a rename changed are not
  typed, so they make no completions.
* explain: for each line the commit removed or changed in the parent file (and each
  insertion point inside a definition), the innermost function or class around it in the
  parent version (tree-sitter; Python, JavaScript, TypeScript) is explained once, on its
  whole range in the parent file. Classes longer than 200 lines are skipped (nobody asks
  for an explanation of a whole large class because one attribute changed). Output tokens:
  100 + 40% of the selection's tokens, at most 800. At most 8 per commit.
* refactor: a function of the parent version whose non-blank lines were more than half
  removed or changed by the commit (at least 3 of them), and which still exists under the
  same qualified name in the new version with a different text, is one refactor request
  on its parent range. The instruction is the commit's subject line; the output is the
  new function's text (at the parent's indentation). Only the outermost such function is
  used when nested ones qualify. At most 4 per commit. Its self-check (below) runs only
  when the commit changed no line outside the function: otherwise the commit's answer
  spans more than the request (the rest of the file changed to match).

Output tokens never exceed the request's own `max_tokens` (a model stops there).

Cache: the key of every request is the engine's (`cache.store.make_key` with the task,
model, the job's cache inputs and `engine.PROMPT_VERSION`). A dry run keeps the keys in
memory only: a request seen before in the replay is a hit and costs $0 (in each of the
three columns, keyed by that column's model); the user's disk cache is never read or
written. Budget caps from the settings are simulated over the replay's own routed spend.

Live (keys for both configured providers, no `--dry-run`): the requests are sampled evenly
per commit, at most `--max-requests` (50) of them, and run one after the other through the
real `Engine` with a `SpendTracker` on the user's ledger (session `replay-<id>`) and the
user's result cache; the table then shows what was billed. Without a key a replay is a dry
run and says so.

Escalations need a model's answer, so a dry run has none. What it can check honestly is the
commit's own text: it runs the task's real check (`Job.accept`) on it (autocomplete,
rename, refactor). A failure there means the check would reject even a perfect answer;
on a mini-routed request that would escalate.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator

from lsp_router.core import TASKS, ModelRef, Usage
from lsp_router.settings import Settings

__all__ = [
    "ReplayError",
    "ReplayOptions",
    "ReplayResult",
    "Git",
    "Commit",
    "FileChange",
    "Hunk",
    "parse_patch",
    "synthesize_commit",
    "replay",
    "render_text",
    "LANGUAGE_IDS",
]

MAX_FILE_BYTES = 200_000
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
MINIFIED_MEAN_LINE = 300
DEFAULT_INSTRUCTION = "Rewrite this function."
COLUMNS = ("routed", "frontier", "mini")

# File extension -> LSP languageId. Python, JavaScript and TypeScript have grammars
# (`routing.parsing`); the rest are replayed as text (autocomplete and rename only).
LANGUAGE_IDS: dict[str, str] = {
    ".py": "python", ".pyi": "python", ".pyw": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascriptreact",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "typescriptreact",
    ".go": "go", ".rs": "rust", ".java": "java", ".kt": "kotlin", ".kts": "kotlin",
    ".scala": "scala", ".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp",
    ".hh": "cpp", ".hpp": "cpp", ".hxx": "cpp", ".cs": "csharp", ".m": "objective-c",
    ".mm": "objective-cpp", ".swift": "swift", ".rb": "ruby", ".php": "php", ".pl": "perl",
    ".pm": "perl", ".lua": "lua", ".sh": "shellscript", ".bash": "shellscript",
    ".zsh": "shellscript", ".sql": "sql", ".r": "r", ".jl": "julia", ".ex": "elixir",
    ".exs": "elixir", ".erl": "erlang", ".hs": "haskell", ".ml": "ocaml", ".mli": "ocaml",
    ".fs": "fsharp", ".dart": "dart", ".zig": "zig", ".nim": "nim", ".vue": "vue",
    ".svelte": "svelte", ".css": "css", ".scss": "scss", ".less": "less", ".html": "html",
    ".el": "emacs-lisp", ".clj": "clojure", ".groovy": "groovy", ".ps1": "powershell",
}

VENDORED_DIRS = frozenset({
    "node_modules", "bower_components", "vendor", "vendors", "_vendor", "vendored", "third_party",
    "third-party", "thirdparty", "external", "externals", "site-packages", ".venv", "venv",
    "dist", "build", "out", "target", "__pycache__", ".yarn", "Pods", "Carthage",
})
_MINIFIED_NAME = re.compile(r"(?:[.-]min\.(?:js|css|mjs)|[.-]bundle\.js|\.pb\.go|_pb2(?:_grpc)?\.pyi?)$", re.I)
_GENERATED_MARK = re.compile(r"@generated|DO NOT EDIT|Code generated .* DO NOT EDIT|auto-?generated", re.I)

_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_FIRST_TOKEN = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*|\d+|\S")
_ONLY_PUNCT = re.compile(r"^[\s)\]}{(\[;,.:'\"`]*$")
_HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_INDEX = re.compile(rb"^index ([0-9a-f]+)\.\.([0-9a-f]+)(?: (\d+))?")
_ZERO_SHA = re.compile(r"^0+$")
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


class ReplayError(Exception):
    """A user error (not a repository, git missing, bad option): one line, exit status 2."""


# --------------------------------------------------------------------------------- git


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    time: int  # committer time, unix seconds
    subject: str


@dataclass
class Hunk:
    old_start: int  # 1-based; with old_count == 0 the lines were inserted after this line
    old_count: int
    new_start: int  # 1-based; with new_count == 0 the lines were deleted after this line
    new_count: int


@dataclass
class FileChange:
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None
    mode: str | None = None
    binary: bool = False
    hunks: list[Hunk] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    # Read only: no index refresh, no pager, no prompt, no lazy fetch of a partial clone's blobs.
    env.update(GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0", GIT_NO_LAZY_FETCH="1", GIT_PAGER="cat")
    return env


def _unquote(path: bytes) -> str:
    """A path as git prints it in a diff header: as is, or C-quoted when unusual."""
    if len(path) >= 2 and path[:1] == b'"' and path[-1:] == b'"':
        body, out, i = path[1:-1], bytearray(), 0
        simple = {ord("a"): 7, ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("v"): 11, ord("f"): 12, ord("r"): 13}
        while i < len(body):
            c = body[i]
            if c == 0x5C and i + 1 < len(body):  # backslash
                n = body[i + 1]
                if 0x30 <= n <= 0x37 and i + 3 < len(body) + 1:
                    out.append(int(body[i + 1:i + 4], 8) & 0xFF)
                    i += 4
                    continue
                out.append(simple.get(n, n))
                i += 2
                continue
            out.append(c)
            i += 1
        path = bytes(out)
    return path.decode("utf-8", "replace")


def _strip_prefix(path: bytes, prefix: bytes) -> str | None:
    path = path.rstrip(b"\t")
    if path == b"/dev/null":
        return None
    text = _unquote(path)
    pre = prefix.decode()
    return text[len(pre):] if text.startswith(pre) else text


def parse_patch(data: bytes) -> list[FileChange]:
    """The files of `git show -U0 --full-index --src-prefix=a/ --dst-prefix=b/` output."""
    changes: list[FileChange] = []
    lines = data.split(b"\n")
    i, n = 0, len(lines)
    current: FileChange | None = None
    while i < n:
        line = lines[i]
        i += 1
        if line.startswith(b"diff --git "):
            current = FileChange(None, None, None, None)
            changes.append(current)
            continue
        if current is None:
            continue
        if line.startswith(b"@@ "):
            m = _HUNK.match(line)
            if m is None:
                continue
            old_count = 1 if m.group(2) is None else int(m.group(2))
            new_count = 1 if m.group(4) is None else int(m.group(4))
            current.hunks.append(Hunk(int(m.group(1)), old_count, int(m.group(3)), new_count))
            # Skip the hunk's body by count: a removed line may itself look like a header.
            minus, plus = old_count, new_count
            while i < n and (minus > 0 or plus > 0 or lines[i].startswith(b"\\")):
                body = lines[i]
                if body.startswith(b"-"):
                    minus -= 1
                elif body.startswith(b"+"):
                    plus -= 1
                elif not body.startswith(b"\\"):
                    break
                i += 1
            continue
        if line.startswith(b"index "):
            m = _INDEX.match(line)
            if m:
                old, new = m.group(1).decode(), m.group(2).decode()
                current.old_blob = None if _ZERO_SHA.match(old) else old
                current.new_blob = None if _ZERO_SHA.match(new) else new
                if m.group(3):
                    current.mode = m.group(3).decode()
        elif line.startswith((b"new file mode ", b"new mode ")):
            current.mode = line.rsplit(b" ", 1)[-1].decode()
        elif line.startswith(b"deleted file mode "):
            current.mode = line.rsplit(b" ", 1)[-1].decode()
        elif line.startswith(b"rename from "):
            current.old_path = _unquote(line[len(b"rename from "):])
        elif line.startswith(b"rename to "):
            current.new_path = _unquote(line[len(b"rename to "):])
        elif line.startswith(b"--- "):
            current.old_path = _strip_prefix(line[4:], b"a/")
        elif line.startswith(b"+++ "):
            current.new_path = _strip_prefix(line[4:], b"b/")
        elif line.startswith(b"Binary files ") or line.startswith(b"GIT binary patch"):
            current.binary = True
    for change in changes:
        if change.new_path is None and change.new_blob is not None and change.old_path:
            change.new_path = change.old_path  # a mode-only header without ---/+++ lines
    return changes


class Git:
    """Read-only access to one repository through `git` subprocesses."""

    def __init__(self, path: str | os.PathLike):
        self.requested = Path(path).expanduser()
        if not self.requested.exists():
            raise ReplayError(f"{path}: no such file or directory")
        if not self.requested.is_dir():
            raise ReplayError(f"{path} is not a directory (give the path of a git repository)")
        self.cwd = self.requested.resolve()
        self._batch: subprocess.Popen | None = None
        probe = self._run("rev-parse", "--is-bare-repository", "--is-shallow-repository", "--git-dir", check=False)
        if probe.returncode != 0:
            detail = probe.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ReplayError(
                f"{path} is not a git repository" + (f" ({detail[-1].removeprefix('fatal: ')})" if detail else "")
            )
        bare, shallow, _ = (probe.stdout.decode("utf-8", "replace").splitlines() + ["", "", ""])[:3]
        self.bare = bare.strip() == "true"
        self.shallow = shallow.strip() == "true"
        self.root = self.cwd
        self.prefix = ""
        if not self.bare:
            top = self._run("rev-parse", "--show-toplevel", "--show-prefix", check=False)
            if top.returncode == 0:
                parts = top.stdout.decode("utf-8", "replace").splitlines()
                if parts:
                    self.root = Path(parts[0])
                self.prefix = parts[1] if len(parts) > 1 else ""

    # -- plumbing --------------------------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        try:
            done = subprocess.run(
                ["git", "-C", str(self.cwd), "--no-pager", "-c", "core.quotepath=on", *args],
                capture_output=True, env=_git_env(), stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError:
            raise ReplayError("git is not installed (or not on PATH): replay reads history with git") from None
        if check and done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ReplayError(f"git {args[0]} failed in {self.cwd}: {detail[-1] if detail else done.returncode}")
        return done

    def _pathspec(self) -> list[str]:
        return ["--", "."] if self.prefix else []

    # -- history ---------------------------------------------------------------------------

    def has_commits(self) -> bool:
        return self._run("rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False).returncode == 0

    def commits(self, count: int, since: str | None = None) -> list[Commit]:
        """The last `count` non-merge commits reachable from HEAD, oldest first."""
        if not self.has_commits():
            return []
        args = ["-c", "i18n.logOutputEncoding=UTF-8", "log", "--no-merges", "--no-show-signature",
                "--format=%H%x1f%P%x1f%ct%x1f%s%x1e", f"--max-count={count}"]
        if since:
            if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", since):
                since = since.strip() + " 00:00:00"  # the whole day (git alone keeps today's time of day)
            args.append(f"--since={since}")
        out = self._run(*args, "HEAD", *self._pathspec()).stdout.decode("utf-8", "replace")
        found = []
        for record in out.split("\x1e"):
            record = record.strip("\n")
            if not record:
                continue
            sha, parents, ts, subject = (record.split("\x1f") + ["", "", "", ""])[:4]
            found.append(Commit(sha, tuple(parents.split()), int(ts or 0), subject.strip()))
        found.reverse()
        return found

    def changes(self, commit: Commit) -> list[FileChange]:
        out = self._run(
            "show", "--format=", "--patch", "-U0", "-M", "--full-index", "--no-color", "--no-ext-diff",
            "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules", commit.sha,
            *self._pathspec(),
        ).stdout
        return parse_patch(out)

    def blob(self, sha: str | None, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, int | None]:
        """(bytes, size) of a blob; (None, size) when larger than `limit`; (None, None) when
        missing (a shallow or partial clone)."""
        if not sha:
            return None, None
        if self._batch is None or self._batch.poll() is not None:
            try:
                self._batch = subprocess.Popen(
                    ["git", "-C", str(self.cwd), "cat-file", "--batch"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_git_env(),
                )
            except FileNotFoundError:
                raise ReplayError("git is not installed (or not on PATH)") from None
        proc = self._batch
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(sha.encode() + b"\n")
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) != 3:  # "<sha> missing" (or a broken pipe)
            return None, None
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)  # the newline after the contents
        return (data if size <= limit else None), size

    def close(self) -> None:
        if self._batch is not None:
            try:
                if self._batch.stdin:
                    self._batch.stdin.close()
                self._batch.wait(timeout=5)
            except Exception:  # noqa: BLE001 - closing must not mask the result
                self._batch.kill()
            self._batch = None


# ----------------------------------------------------------------------- file selection


def language_id_for(path: str) -> str | None:
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return LANGUAGE_IDS.get(name[dot:].lower()) if dot > 0 else None


def skip_reason_for_path(path: str) -> str | None:
    """Why a path is not replayed (None: replay it)."""
    parts = path.split("/")
    if any(part in VENDORED_DIRS for part in parts[:-1]):
        return "vendored or generated"
    if _MINIFIED_NAME.search(parts[-1]):
        return "vendored or generated"
    if language_id_for(path) is None:
        return "not code"
    return None


def skip_reason_for_text(data: bytes) -> str | None:
    if b"\0" in data[:8000]:
        return "binary"
    head = data[:2000].decode("utf-8", "replace")
    if _GENERATED_MARK.search("\n".join(head.splitlines()[:5])):
        return "vendored or generated"
    lines = data.count(b"\n") + 1
    if len(data) / lines > MINIFIED_MEAN_LINE:
        return "vendored or generated"
    return None


# ----------------------------------------------------------------------- text utilities


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
    output_tokens: int | None = None  # explain: the rule in the module docstring


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

    return DocView(fv.uri, text, fv.language_id, None, fv.fs_path)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _completion_candidates(fv: FileVersions, new: Lines, skip: set[int] = frozenset()) -> list[tuple[int, int, int, int]]:
    """(row, cursor column, last row removed, last row of the ghost text) per added line.

    Two shapes (see the module docstring): the first line of a block body the hunk adds
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
                    out.append((row, indent, end, _ghost_end(new, row, end, hash_comments)))
                    continue
            col = indent
            if row > first and not prev.endswith(("(", "[", ":", "{")):
                # mid-hunk: the developer typed the first word and paused
                m = _FIRST_TOKEN.match(text, indent)
                if m is not None and m.end() < len(text.rstrip()):
                    col = m.end()
            out.append((row, col, row, row))
    return out


def _ghost_end(new: Lines, row: int, end: int, hash_comments: bool) -> int:
    """The last row of a block completion's ghost text, as the server trims the model's
    answer (`autocomplete.whole_statements`): the last row within MAX_LINES where the
    body's own brackets and strings are closed, else the end of its first statement within
    REACH_LINES (a long docstring), else REACH_LINES rows. Brackets opened above the body
    (a class's) do not count: the scan starts at the body."""
    from lsp_router.tasks.autocomplete import MAX_LINES, REACH_LINES, opens_block
    from lsp_router.routing.lines import scan_line

    reach = min(end, row + REACH_LINES - 1)
    depth, quote = 0, None
    last = None
    for r in range(row, reach + 1):
        line = new.row(r)
        depth, quote = scan_line(line, depth, quote, hash_comments)
        if depth or quote is not None or not line.strip() or opens_block(line, hash_comments):
            continue
        if r < row + MAX_LINES:
            last = r
        else:
            return r if last is None else last
    return reach if last is None else last


def _completion(fv: FileVersions, new: Lines, candidate: tuple[int, int, int, int], commit: str) -> Synth | None:
    row, col, removed_last, ghost_last = candidate
    cursor = new.start(row) + col
    output = new.text[cursor:new.end_of_line(ghost_last)].rstrip()
    if not output.strip():
        return None
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


@dataclass
class _Def:
    name: str
    kind: str  # "function" | "class"
    first: int  # rows, inclusive
    last: int
    parent: int | None


def _def_name(node) -> str:
    name = node.child_by_field_name("name")
    parent = node.parent
    if name is None and parent is not None:
        if parent.type == "variable_declarator":
            name = parent.child_by_field_name("name")
        elif parent.type == "pair":
            name = parent.child_by_field_name("key")
        elif parent.type == "assignment_expression":
            name = parent.child_by_field_name("left")
        elif parent.type in ("field_definition", "public_field_definition"):
            name = parent.child_by_field_name("property") or parent.child_by_field_name("name")
    if name is None:
        return f"<anonymous:{node.start_point[0] + 1}>"
    return name.text.decode("utf-8", "replace")


_OUTER_TYPES = frozenset({
    "decorated_definition", "export_statement", "variable_declarator", "lexical_declaration",
    "variable_declaration",
})


# Python defines functions and classes only at statement level: the walk skips expressions.
_PY_DEF_CONTAINERS = frozenset({
    "module", "block", "class_definition", "function_definition", "decorated_definition",
    "if_statement", "elif_clause", "else_clause", "for_statement", "while_statement", "try_statement",
    "except_clause", "except_group_clause", "finally_clause", "with_statement", "match_statement",
    "case_clause", "ERROR",
})
_JS_SKIP = frozenset({"string", "template_string", "comment", "regex", "number", "import_statement"})
_DEFS_MEMO: dict[tuple[str, str], list[_Def]] = {}
_DEFS_MEMO_SIZE = 8


def definitions(text: str, language: str | None) -> list[_Def]:
    """Functions and classes of `text` with their rows (decorators and `export` included)."""
    from lsp_router.routing import parsing

    if language not in parsing.LANGUAGES:
        return []
    memo_key = (language, text)
    found = _DEFS_MEMO.get(memo_key)
    if found is not None:
        return found
    tree = parsing.parse(text, language)
    if tree is None:
        return []
    _, class_types, _, _ = parsing.node_kinds(language)
    python = language == "python"
    found = []
    stack = [(tree.root_node, None, "")]
    while stack:
        node, parent, prefix = stack.pop()
        for child in node.children:
            if child.child_count == 0:
                continue
            index, child_prefix = parent, prefix
            is_class = child.type in class_types
            if is_class or parsing.is_function(child, language):
                outer = child
                while outer.parent is not None and outer.parent.type in _OUTER_TYPES:
                    outer = outer.parent
                end_row, end_col = outer.end_point
                last = end_row - (1 if end_col == 0 and end_row > outer.start_point[0] else 0)
                name = prefix + _def_name(child)
                found.append(_Def(name, "class" if is_class else "function", outer.start_point[0], last, parent))
                index, child_prefix = len(found) - 1, name + "."
            if python:
                if child.type in _PY_DEF_CONTAINERS:
                    stack.append((child, index, child_prefix))
            elif child.type not in _JS_SKIP:
                stack.append((child, index, child_prefix))
    if len(_DEFS_MEMO) >= _DEFS_MEMO_SIZE:
        _DEFS_MEMO.pop(next(iter(_DEFS_MEMO)))
    _DEFS_MEMO[memo_key] = found
    return found


def _innermost(defs: list[_Def], row: int) -> int | None:
    best = None
    for i, d in enumerate(defs):
        if d.first <= row <= d.last and (best is None or d.last - d.first < defs[best].last - defs[best].first):
            best = i
    return best


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
    """Every request of one commit, in a fixed order (see the module docstring)."""
    completions: list[tuple[FileVersions, Lines, tuple[int, int, int, int]]] = []
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
    from lsp_router.routing.features import extract_features
    from lsp_router.tasks import autocomplete, explain, refactor, rename

    view = synth.view
    features = extract_features(
        synth.task, view.text, language=view.language, start=synth.start, end=synth.end, instruction=synth.instruction
    )
    if synth.task == "autocomplete":
        job = autocomplete.build_job(view, synth.start[0], synth.start[1], features, settings)
    elif synth.task == "rename":
        job = rename.build_job(view, synth.start[0], synth.start[1], synth.new_name or "", features)
    elif synth.task == "explain":
        job = explain.build_job(view, synth.start, synth.end, features, None)
    else:
        job = refactor.build_job(view, synth.start, synth.end, synth.instruction or DEFAULT_INSTRUCTION, features)
    return features, job


def prompt_text(job) -> str:
    """The text the engine's own estimate counts for a request (`providers.sdk.estimate_usage`)."""
    r = job.request
    return "\n".join(part for part in (r.system, r.context, r.prompt) if part)


# ----------------------------------------------------------------------------- tallies


def _zero_costs() -> dict[str, Decimal]:
    return {c: Decimal(0) for c in COLUMNS}


@dataclass
class Tally:
    requests: int = 0
    cache_hits: int = 0
    escalations: int = 0
    errors: int = 0
    refused: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: dict[str, Decimal] = field(default_factory=_zero_costs)
    unpriced: dict[str, int] = field(default_factory=lambda: {c: 0 for c in COLUMNS})

    def add(self, other: "Tally") -> None:
        for name in ("requests", "cache_hits", "escalations", "errors", "refused", "input_tokens", "output_tokens"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for c in COLUMNS:
            self.cost[c] += other.cost[c]
            self.unpriced[c] += other.unpriced[c]

    def as_json(self) -> dict:
        return {
            "requests": self.requests,
            "cacheHits": self.cache_hits,
            "inputTokens": self.input_tokens,
            "outputTokens": self.output_tokens,
            "costUsd": {c: (None if self.unpriced[c] and self.cost[c] == 0 else float(self.cost[c])) for c in COLUMNS},
            "unpriced": dict(self.unpriced),
        }


@dataclass
class SelfCheck:
    checked: int = 0
    failed: int = 0
    failed_mini: int = 0  # on requests routed to mini that may escalate: would escalate
    reasons: dict[str, int] = field(default_factory=dict)
    # the first few failures, where to look: commit, file, line, reason
    examples: list[dict] = field(default_factory=list)


_SELF_CHECK_EXAMPLES = 5


@dataclass
class ReplayOptions:
    repo: str
    commits: int = 20
    since: str | None = None
    dry_run: bool = False
    settings: Settings = field(default_factory=Settings)
    max_requests: int = 50
    progress: bool | None = None  # None: when stderr is a terminal
    stream: Any = None  # where the progress bar goes (stderr)


@dataclass
class ReplayResult:
    repo: str
    mode: str  # "dry-run" | "live"
    mode_note: str
    mini: str
    frontier: str
    commits: list[Commit] = field(default_factory=list)
    shallow: bool = False
    files: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    rows: dict[tuple[str, str], Tally] = field(default_factory=dict)
    self_check: SelfCheck = field(default_factory=SelfCheck)
    synthesized: int = 0
    failed: int = 0  # requests (or files) that could not be analysed
    elapsed_s: float = 0.0
    billed: dict | None = None  # live: the tracker's session snapshot
    session: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def row(self, task: str, tier: str) -> Tally:
        return self.rows.setdefault((task, tier), Tally())

    def total(self) -> Tally:
        t = Tally()
        for tally in self.rows.values():
            t.add(tally)
        return t

    def ratio(self) -> float | None:
        t = self.total()
        if t.unpriced["routed"] or t.unpriced["frontier"] or t.cost["routed"] <= 0:
            return None
        return float(t.cost["frontier"] / t.cost["routed"])

    def as_json(self) -> dict:
        total = self.total()
        by_task: dict[str, Any] = {}
        for task in TASKS:
            t = Tally()
            tiers = {}
            for (row_task, tier), tally in self.rows.items():
                if row_task == task:
                    t.add(tally)
                    tiers[tier] = tally.requests
            if t.requests or tiers:
                by_task[task] = {**t.as_json(), "tiers": tiers}
        by_tier: dict[str, Any] = {}
        for (task, tier), tally in self.rows.items():
            by_tier.setdefault(tier, Tally()).add(tally)
        times = [c.time for c in self.commits]
        return {
            "repo": self.repo,
            "mode": self.mode,
            "modeNote": self.mode_note,
            "models": {"mini": self.mini, "frontier": self.frontier},
            "commits": len(self.commits),
            "firstCommit": self.commits[0].sha if self.commits else None,
            "lastCommit": self.commits[-1].sha if self.commits else None,
            "from": _iso(min(times)) if times else None,
            "to": _iso(max(times)) if times else None,
            "shallow": self.shallow,
            "files": self.files,
            "skippedFiles": dict(self.skipped),
            "requests": total.requests,
            "synthesized": self.synthesized,
            "cacheHits": total.cache_hits,
            "escalations": total.escalations if self.mode == "live" else None,
            "errors": total.errors,
            "refusedByBudget": total.refused,
            "failed": self.failed,
            "tokens": {"input": total.input_tokens, "output": total.output_tokens},
            "costUsd": total.as_json()["costUsd"],
            "unpriced": dict(total.unpriced),
            "ratio": self.ratio(),
            "byTask": by_task,
            "byTier": {tier: t.as_json() for tier, t in by_tier.items()},
            "rows": [{"task": task, "tier": tier, **t.as_json(), "escalations": t.escalations}
                     for (task, tier), t in sorted(self.rows.items(), key=lambda kv: (TASKS.index(kv[0][0]), kv[0][1]))],
            "selfCheck": {
                "checked": self.self_check.checked,
                "failed": self.self_check.failed,
                "failedOnMini": self.self_check.failed_mini,
                "reasons": dict(self.self_check.reasons),
                "examples": list(self.self_check.examples),
            } if self.mode == "dry-run" else None,
            "billed": self.billed,
            "session": self.session,
            "notes": list(self.notes),
            "elapsedS": round(self.elapsed_s, 3),
        }


def _iso(ts: int) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------------------- progress


class Progress:
    """`[#####.....] 12/50 commits` on stderr, redrawn in place; only on a terminal."""

    WIDTH = 30

    def __init__(self, total: int, unit: str, stream=None, enabled: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.total = max(1, total)
        self.unit = unit
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = bool(enabled)
        self._last = -1
        self._width = 0

    def update(self, done: int) -> None:
        if not self.enabled or done == self._last:
            return
        self._last = done
        filled = int(self.WIDTH * done / self.total)
        text = f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{self.total} {self.unit}"
        self._width = max(self._width, len(text))
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


# ------------------------------------------------------------------------------ replay


def make_pricer(settings: Settings):
    from lsp_router.spend.pricing import Pricer

    local = tuple(name for name, config in settings.providers.items() if config.local)
    return Pricer(settings.prices, local_providers=local)


def missing_keys(settings: Settings) -> list[str]:
    """Providers of the configured models that need a key and have none."""
    from lsp_router.providers.sdk import resolve_key

    missing = []
    for model in (settings.mini, settings.frontier):
        config = settings.providers.get(model.provider)
        if config is None or config.local or model.provider in missing:
            continue
        if not resolve_key(config):
            missing.append(model.provider)
    return missing


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


class _KeySet:
    """The dry run's in-memory result cache: which keys an answer would already be stored under."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.keys: set[str] = set()

    def hit(self, key: str) -> bool:
        if not self.enabled:
            return False
        if key in self.keys:
            return True
        self.keys.add(key)
        return False


class _Budget:
    """Budget caps simulated over the replay's own routed spend (the ledger is not read)."""

    def __init__(self, settings: Settings):
        self.budget = settings.budget
        self.used = Decimal(0)

    def state(self) -> str:
        from lsp_router.spend.budget import budget_state

        states = [budget_state(self.used, cap, self.budget.hard_stop) for cap in (self.budget.session_usd, self.budget.daily_usd)]
        for state in ("stopped", "over", "near"):
            if state in states:
                return state
        return "ok"


def _dry_run(git: Git, commits: list[Commit], options: ReplayOptions, result: ReplayResult, progress: Progress) -> None:
    from lsp_router.cache.store import make_key
    from lsp_router.engine import PROMPT_VERSION
    from lsp_router.routing.policy import classify
    from lsp_router.tokens import count_tokens

    settings = options.settings
    pricer = make_pricer(settings)
    prices: dict[tuple[ModelRef, int, int], Decimal | None] = {}
    tokens: dict[str, int] = {}

    def price(model: ModelRef, usage: Usage) -> Decimal | None:
        # genai-prices takes ~1 ms a call: the routed column reuses the frontier or mini price
        key = (model, usage.input_tokens, usage.output_tokens)
        if key not in prices:
            prices[key] = pricer.price(model, usage).cost_usd
        return prices[key]

    def count(text: str) -> int:
        if text not in tokens:
            if len(tokens) > 512:
                tokens.clear()
            tokens[text] = count_tokens(text)
        return tokens[text]

    caches = {c: _KeySet(settings.cache.enabled) for c in COLUMNS}
    budget = _Budget(settings)
    models = {"frontier": settings.frontier, "mini": settings.mini}
    may_escalate = settings.frontier != settings.mini
    for requests in iter_requests(git, commits, result, progress.update):
        for synth in requests:
            try:
                features, job = build_request(synth, settings)
            except Exception as exc:  # noqa: BLE001 - one odd file must not stop the replay
                _failed(result, synth, exc)
                continue
            if job is None:
                continue
            state = budget.state()
            decision = classify(
                synth.task, features, mode=settings.routing.get(synth.task, "auto"),
                thresholds=settings.thresholds, budget="over" if state == "stopped" else state,
            )
            routed = settings.model_for(decision.tier)
            tally = result.row(synth.task, decision.tier)
            tally.requests += 1
            column_models = {"routed": routed, **models}
            hits = {c: caches[c].hit(make_key(job.task, str(m), job.cache_inputs, prompt_version=PROMPT_VERSION))
                    for c, m in column_models.items()}
            if hits["routed"]:
                tally.cache_hits += 1
            elif state == "stopped":
                # hard stop: no paid call, only cache hits are served; a refused request is
                # left out of every column so that the three compare the same served requests
                tally.refused += 1
                continue
            misses = [c for c in COLUMNS if not hits[c]]
            if not misses:
                continue
            output_tokens = synth.output_tokens if synth.output_tokens is not None else count_tokens(synth.output or "")
            # a model stops at the request's max_tokens (the answer is then cut off)
            usage = Usage(input_tokens=count(prompt_text(job)), output_tokens=min(output_tokens, job.request.max_tokens))
            if not hits["routed"]:
                tally.input_tokens += usage.input_tokens
                tally.output_tokens += usage.output_tokens
            for column in misses:
                cost = price(column_models[column], usage)
                if cost is None:
                    tally.unpriced[column] += 1
                else:
                    tally.cost[column] += cost
                    if column == "routed":
                        budget.used += cost
            if synth.output is not None and not hits["routed"]:
                _self_check(result.self_check, job, synth, decision, may_escalate)


def _failed(result: ReplayResult, synth: Synth, exc: Exception) -> None:
    result.failed += 1
    if result.failed == 1:
        result.notes.append(f"could not build a {synth.task} request on {synth.path} ({type(exc).__name__}: {exc})")


def _self_check(record: SelfCheck, job, synth: Synth, decision, may_escalate: bool) -> None:
    from lsp_router.engine import Check

    if not synth.checkable:
        return
    try:
        _answer, check = job.accept(synth.output, "stop")
    except Exception as exc:  # noqa: BLE001 - a check that crashes is a finding, not a stop
        check = Check(False, f"the check raised {type(exc).__name__}: {exc}")
    record.checked += 1
    if not check.ok:
        record.failed += 1
        reason = f"{synth.task}: " + re.sub(r"\d+(?::\d+)?", "N", check.reason)
        record.reasons[reason] = record.reasons.get(reason, 0) + 1
        if decision.tier == "mini" and not decision.pinned and may_escalate:
            record.failed_mini += 1
        if len(record.examples) < _SELF_CHECK_EXAMPLES:
            record.examples.append({"commit": synth.commit[:10], "path": synth.path, "line": synth.start[0] + 1,
                                    "task": synth.task, "reason": check.reason})


def _live(git: Git, commits: list[Commit], options: ReplayOptions, result: ReplayResult, progress: Progress) -> None:
    """A sample of the requests through the real engine, cache and ledger."""
    per_commit = max(1, math.ceil(options.max_requests / max(1, len(commits))))
    chosen: list[Synth] = []
    for requests in iter_requests(git, commits, result, progress.update):
        chosen.extend(_sample(requests, per_commit))
        if len(chosen) >= options.max_requests:
            chosen = chosen[: options.max_requests]
            break
    progress.close()
    if len(chosen) < result.synthesized:
        result.notes.append(
            f"live: {len(chosen)} of {result.synthesized} requests, sampled evenly per commit (--max-requests {options.max_requests})"
        )
    asyncio.run(_run_live(chosen, options, result))


async def _run_live(chosen: list[Synth], options: ReplayOptions, result: ReplayResult) -> None:
    from lsp_router.cache.store import open_cache
    from lsp_router.engine import BudgetStopped, Engine
    from lsp_router.providers.base import MissingKey, ProviderError
    from lsp_router.spend.ledger import LedgerError, open_ledger
    from lsp_router.spend.tracker import SpendTracker

    settings = options.settings
    stream = options.stream or sys.stderr
    try:
        ledger = open_ledger()
    except LedgerError as exc:
        raise ReplayError(f"cannot open the spend ledger: {exc}") from None
    session = f"replay-{uuid.uuid4().hex[:8]}"
    result.session = session
    pricer = make_pricer(settings)
    tracker = SpendTracker(
        ledger, session=session, workspace=Path(result.repo).as_uri(), pricer=pricer,
        budget=settings.budget, frontier_model=settings.frontier,
    )
    warnings: list[str] = []
    cache = open_cache(settings.cache, warn=lambda m: warnings.append(m))
    advice: dict[str, str] = {}
    engine = Engine(settings, tracker, cache, notify_spend=lambda: None,
                    on_budget_warning=lambda m: warnings.append(m),
                    on_advice=lambda key, m: advice.setdefault(key, m))
    progress = Progress(len(chosen), "requests", stream=stream, enabled=options.progress)
    try:
        for index, synth in enumerate(chosen):
            progress.update(index)
            try:
                features, job = build_request(synth, settings)
            except Exception as exc:  # noqa: BLE001
                _failed(result, synth, exc)
                continue
            if job is None:
                continue
            try:
                outcome = await engine.run(job)
            except MissingKey as exc:
                raise ReplayError(exc.message) from None
            except BudgetStopped as exc:
                result.errors.append(str(exc))
                break
            except ProviderError as exc:
                decision = engine.decide(synth.task, features)
                tally = result.row(synth.task, decision.tier)
                tally.requests += 1
                tally.errors += 1
                if exc.message not in result.errors:
                    result.errors.append(exc.message)
                continue
            tally = result.row(synth.task, outcome.tier)
            tally.requests += 1
            tally.cache_hits += int(outcome.cached)
            tally.escalations += int(outcome.escalated)
        progress.update(len(chosen))
    finally:
        progress.close()
        await engine.aclose()
        try:
            _live_costs(ledger.rows(session=session), settings, pricer, result)
            result.billed = tracker.snapshot()["session"]
        finally:
            ledger.close()
            cache.close()
    result.notes.extend(dict.fromkeys(warnings))
    result.notes.extend(advice.values())


def _live_costs(rows, settings: Settings, pricer, result: ReplayResult) -> None:
    """Tokens and costs per task and tier from this replay's own ledger rows.

    Routed is what was billed. Always-frontier prices every call's tokens at the frontier
    model (a mini call that was escalated costs nothing there: it would not have been made).
    Always-mini prices them at the mini model (the frontier call of an escalation costs
    nothing there: always-mini keeps the mini answer).
    """
    for row in rows:
        if row.cache_hit:
            continue
        # a mini call that failed its check belongs to the request it was escalated from,
        # which the table counts on the frontier row, where it was answered
        tally = result.row(row.task, "frontier" if row.outcome == "escalated" else row.tier)
        usage = Usage(input_tokens=row.input_tokens, output_tokens=row.output_tokens,
                      cache_read_tokens=row.cache_read_tokens, cache_write_tokens=row.cache_write_tokens)
        tally.input_tokens += row.input_tokens
        tally.output_tokens += row.output_tokens
        escalation_followup = row.tier == "frontier" and row.reason.startswith("frontier (escalated)")
        costs = {
            "routed": row.cost_usd,
            "frontier": Decimal(0) if row.outcome == "escalated" else pricer.price(settings.frontier, usage).cost_usd,
            "mini": Decimal(0) if escalation_followup else pricer.price(settings.mini, usage).cost_usd,
        }
        for column, cost in costs.items():
            if cost is None:
                tally.unpriced[column] += 1
            else:
                tally.cost[column] += cost


def replay(options: ReplayOptions) -> ReplayResult:
    """Replay `options.repo`; raises ReplayError for a user error."""
    started = time.monotonic()
    if options.commits < 1:
        raise ReplayError("--commits must be at least 1")
    if options.max_requests < 1:
        raise ReplayError("--max-requests must be at least 1")
    settings = options.settings
    missing = [] if options.dry_run else missing_keys(settings)
    if options.dry_run:
        mode, note = "dry-run", "dry run: no model called; tokens from the tokenizer, output sizes from the commits"
    elif missing:
        mode = "dry-run"
        note = (f"dry run (no API key for {', '.join(missing)}): no model called; "
                "set the key(s) to replay against the providers")
    else:
        mode, note = "live", f"live: requests sent to the providers (at most {options.max_requests}, --max-requests)"
    git = Git(options.repo)
    result = ReplayResult(str(git.root), mode, note, str(settings.mini), str(settings.frontier), shallow=git.shallow)
    try:
        commits = git.commits(options.commits, options.since)
        result.commits = commits
        if not commits:
            result.notes.append(
                "no commits to replay" + (f" since {options.since}" if options.since else "") + (
                    "" if git.has_commits() else ": the repository is empty"
                )
            )
        if git.shallow and commits and not commits[0].parents:
            result.notes.append(f"shallow clone: history starts at {commits[0].sha[:10]}, replayed as a first commit")
        progress = Progress(len(commits), "commits", stream=options.stream, enabled=options.progress)
        progress.update(0)
        try:
            if commits:
                if mode == "live":
                    _live(git, commits, options, result, progress)
                else:
                    _dry_run(git, commits, options, result, progress)
        finally:
            progress.close()
    finally:
        git.close()
    result.elapsed_s = time.monotonic() - started
    return result


# ----------------------------------------------------------------------------- output


def _usd(value: Decimal, unpriced: int, requests: int) -> str:
    from lsp_router.spend.report import format_usd

    if unpriced and unpriced >= requests:
        return "unpriced"
    return format_usd(value) + ("*" if unpriced else "")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def render_text(result: ReplayResult) -> str:
    times = [c.time for c in result.commits]
    span = f" ({_iso(min(times))} .. {_iso(max(times))})" if times else ""
    out = [
        f"lsp-router replay {result.repo}: {_plural(len(result.commits), 'commit')}{span}, "
        f"{_plural(result.files, 'file')}, {_plural(result.total().requests, 'request')}",
        result.mode_note,
        f"models: mini {result.mini}, frontier {result.frontier}",
        "",
    ]
    headers = ["task", "tier", "requests", "cache hits", "tokens in", "tokens out", "routed", "always-frontier", "always-mini"]
    if result.mode == "live":
        headers.insert(4, "escalations")
    body: list[list[str]] = []

    def cells(task: str, tier: str, t: Tally) -> list[str]:
        paid = t.requests - t.cache_hits
        row = [task, tier, f"{t.requests:,}", f"{t.cache_hits:,}", f"{t.input_tokens:,}", f"{t.output_tokens:,}",
               *(_usd(t.cost[c], t.unpriced[c], paid) for c in COLUMNS)]
        if result.mode == "live":
            row.insert(4, f"{t.escalations:,}")
        return row

    for (task, tier), tally in sorted(result.rows.items(), key=lambda kv: (TASKS.index(kv[0][0]), kv[0][1])):
        body.append(cells(task, tier, tally))
    total = result.total()
    body.append(cells("total", "", total))
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(headers)]

    def fmt(row: list[str]) -> str:
        return "  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()

    out.append(fmt(headers))
    out.append("  ".join("-" * w for w in widths))
    out.extend(fmt(r) for r in body[:-1])
    out.append("  ".join("-" * w for w in widths))
    out.append(fmt(body[-1]))
    out.append("")
    ratio = result.ratio()
    if ratio is not None:
        saved = total.cost["frontier"] - total.cost["routed"]
        share = saved / total.cost["frontier"] * 100 if total.cost["frontier"] else Decimal(0)
        from lsp_router.spend.report import format_usd

        out.append(f"always-frontier / routed: {ratio:.1f}x (routing saves {format_usd(saved)}, {share:.0f}%)")
    elif total.requests:
        out.append("always-frontier / routed: n/a" + (" (unpriced models)" if any(total.unpriced.values()) else ""))
    if any(total.unpriced.values()):
        out.append("* some requests went to unpriced models and are not in that sum: add lspRouter.prices[\"provider:model\"]")
    out.append(f"cache hits: {total.cache_hits} (the same request again within the replay; $0)")
    if result.mode == "live":
        out.append(f"escalations: {total.escalations}; errors: {total.errors} (tier: where a request was answered)")
        if result.billed is not None:
            from lsp_router.spend.report import format_usd

            b = result.billed
            out.append(
                f"billed (ledger session {result.session}): {format_usd(Decimal(str(b['costUsd'])))} for "
                f"{b['requests']} requests, saved {format_usd(Decimal(str(b['savedUsd'])))} against always-frontier "
                f"without the cache; see `lsp-router spend --session {result.session}`"
            )
    else:
        sc = result.self_check
        out.append("escalations: n/a in dry run (no model answer to check)")
        if sc.checked:
            line = (f"checks on the commit's own text: {sc.failed} of {sc.checked} fail, {sc.failed_mini} of them "
                    "on mini requests (those would escalate even a perfect answer)")
            if sc.reasons:
                reason, n = max(sc.reasons.items(), key=lambda kv: (kv[1], kv[0]))
                line += f"; most often \"{reason}\" ({n})"
            out.append(line)
            for example in sc.examples[:3]:
                out.append(f"  e.g. {example['commit']} {example['path']}:{example['line']} ({example['task']}): "
                           f"{example['reason']}")
    if total.refused:
        out.append(f"budget: {_plural(total.refused, 'request')} refused once the cap was reached (budget.hardStop); "
                   "they are in no cost column")
    if result.skipped:
        out.append("skipped files: " + ", ".join(f"{n} {why}" for why, n in sorted(result.skipped.items())))
    if result.failed:
        out.append(f"not analysed: {result.failed} (a request or a commit that raised an error; see below)")
    for note in result.notes:
        out.append(note)
    for error in result.errors[:5]:
        out.append(f"error: {error}")
    per = f", {len(result.commits) / result.elapsed_s:.1f} commits/s" if result.elapsed_s > 0 and result.commits else ""
    out.append(f"elapsed: {result.elapsed_s:.1f} s{per}")
    return "\n".join(out)


def render_json(result: ReplayResult) -> str:
    return json.dumps(result.as_json(), indent=2)
