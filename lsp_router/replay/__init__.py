"""Replay a repository's recent history as the editor requests its developer would have made.

`lsp-router replay REPO` walks the last commits of a git repository (oldest first, merges
skipped), turns each one into autocomplete, rename, explain and refactor requests, routes
every request with the real classifier (`routing.features.extract_features` +
`routing.policy.classify`) and builds the real prompt with the task modules
(`tasks.<task>.build_job`). In a dry run no model is called: input tokens are the real
prompt (`system`, `context` and `prompt` of the job, joined as the engine's own estimate
joins them) counted by the real tokenizer (`tokens.count_tokens`), output tokens
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
    the output is the body's lines the server would keep of it as an answer
    (`autocomplete.kept_lines`, the one rule for both): up to the last complete statement
    (brackets and multi-line strings closed, not continued on the next line) within
    `autocomplete.MAX_LINES` (12) lines, or, when its first statement is longer (a long
    docstring), up to that statement's end within `autocomplete.REACH_LINES`, else
    MAX_LINES lines;
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
run and says so; with `--live` it is an error that names the missing keys.

Escalations need a model's answer, so a dry run has none. What it can check honestly is the
commit's own text: it runs the task's real check (`Job.accept`) on it (autocomplete,
rename, refactor). A failure there means the check would reject even a perfect answer;
on a mini-routed request that would escalate.

Modules (each name is imported from the module that defines it):

* `git`: read-only git plumbing (`Git`, `Commit`), through `git` subprocesses;
* `patch`: `git show -U0` output parsed into `FileChange` and `Hunk` (`parse_patch`);
* `files`: which files are replayed (`LANGUAGE_IDS`, vendored, minified, generated, size);
* `definitions`: the functions and classes of a file (tree-sitter);
* `synth`: a commit turned into requests (`Synth`, `synthesize_commit`, `iter_requests`)
  and each request built as the server builds it (`build_request`, `prompt_text`);
* `result`: the tallies, the self-check, `ReplayOptions`, `ReplayResult`, `Progress`;
* `models`: the configured providers that lack a key (`missing_keys`);
* `dry_run`, `live`: the two runs; `compare`: `--live --compare`, a sample answered on both
  tiers and scored against the commits (its docstring has the sample, the scores and the
  figures); `run`: `replay()`, which picks one;
* `render`: `render_text`, `render_json`; `cli`: the `lsp-router replay` command;
* `errors`: `ReplayError`.

Importing this package loads none of them: the public names below are loaded on first use
(`lsp-router` builds its parser with `replay.cli` without loading the replay itself).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ["ReplayError", "ReplayOptions", "ReplayResult", "replay", "render_text", "render_json"]

_OWNERS = {
    "ReplayError": "errors",
    "ReplayOptions": "result",
    "ReplayResult": "result",
    "replay": "run",
    "render_text": "render",
    "render_json": "render",
}

if TYPE_CHECKING:
    from lsp_router.replay.errors import ReplayError
    from lsp_router.replay.render import render_json, render_text
    from lsp_router.replay.result import ReplayOptions, ReplayResult
    from lsp_router.replay.run import replay


def __getattr__(name: str) -> Any:
    owner = _OWNERS.get(name)
    if owner is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{owner}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
