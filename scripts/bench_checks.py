#!/usr/bin/env python3
"""How well the ghost-text check judges answers: correct ones it lets through, broken ones it catches.

The check (`routing.checks.check_completion`) decides whether a mini model's completion is
shown or escalated to frontier. Rejecting a correct one costs a needless frontier call;
letting a broken one through shows it to the user. Both are measured on real histories:

* correct completions are the ones `lsp-router replay` makes from each commit (the text
  the commit added, typed where its author typed it, in Python, JavaScript or TypeScript);
* each is then broken four ways a model's answer goes wrong: one closing bracket too many
  (`extra-paren`), its last closing bracket dropped (`drop-closer`), cut two characters
  into its first string (`cut-in-string`), a call left open after its first `(`
  (`unclosed-call`).

A completion that ends with an open bracket (`items = [`, `foo(`) counts as partial, the
user typing on, so a dropped last closer often passes by design.

Not every broken completion breaks the file: a `)` appended to a comment, a string cut
where a later quote closes it. "Detectable" counts those that make tree-sitter find more
errors in the whole file than the correct completion does; "missed" is detectable and
let through. The check parses only a window around the cursor, so it can also catch ones
the whole-file count cannot see. Timings are printed, never asserted.

    python scripts/bench_checks.py [REPO ...] [--commits N] [--json FILE] [--offline]

Default histories: this repository's last 60 commits and three public projects' pinned
releases committed in order, as scripts/bench_replay.py builds click's: click's PyPI sdists
(Python), zod's npm tarballs (TypeScript, its `src/` folder: the compiled output beside it is
not what anyone typed) and commander's (JavaScript, with its TypeScript typings). Tarballs
are downloaded once, sha256-checked, into ${LSP_ROUTER_BENCH_HOME:-~/.cache/lsp-router-bench};
the histories are kept under .../history/. Exit status 2: a download or a checksum failed.

Lines written twice: every line of the histories (at HEAD) that its developer wrote again
right below it, completed at the blank line where the second goes with that same line (a
correct answer: accepted?), and lines answered again below themselves (a model's echo:
rejected?), echoes of lines nobody writes twice (imports, definitions, block headers, jumps,
plain assignments) counted apart.

Long answers: for every function of ten standard-library modules, and every JavaScript and
TypeScript function or method of the histories (at HEAD), the model is taken to answer its
whole body at the start of an empty body. Answers over the 192-token output
limit are cut there (`finish_reason` "length"); the others are whole, and some of those are
longer than the 12 lines ghost text shows. Each goes through the server's own reading of an
answer (`tasks.autocomplete`: clean, trim, check): how many are shown, not escalated.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import bench_replay  # noqa: E402
from bench_replay import Release  # noqa: E402
from lsp_router.replay.git import Git  # noqa: E402
from lsp_router.replay.result import ReplayResult  # noqa: E402
from lsp_router.replay.synth import Synth, build_request, iter_requests  # noqa: E402
from lsp_router.routing import parsing  # noqa: E402
from lsp_router.routing.checks import check_completion  # noqa: E402
from lsp_router.settings import Settings  # noqa: E402

LANGUAGES = ("python", "javascript", "typescript")
KINDS = ("extra-paren", "drop-closer", "cut-in-string", "unclosed-call")
SETTINGS = Settings()


@dataclass(frozen=True)
class History:
    """A public project's pinned releases, committed in order (`bench_replay.build_history`)."""

    project: str
    releases: tuple[Release, ...]
    author: tuple[str, str]
    source: str
    keep: tuple[str, ...] | None = None  # only these top folders of each tarball


# From https://registry.npmjs.org/<package> (dist.tarball, checked against dist.integrity
# once; the sha256 is of that file), copied once; never queried at run time. Versions whose
# tarball has no src/ folder (zod 3.25.28..3.25.67 published only compiled code) are left out.
ZOD = History("zod", (
    Release("3.25.0", "2025-12-13T04:18:44Z", "cc9fe9b6cdd220f5650edd26bb53d933cb26bafd1edfda662c6046665681f138",
            "https://registry.npmjs.org/zod/-/zod-3.25.0.tgz"),
    Release("3.25.20", "2025-05-22T01:12:33Z", "ca82803923e9e0ba2bcb709935eb67fcc8526f0f5f513c0950ebcab17ae7925b",
            "https://registry.npmjs.org/zod/-/zod-3.25.20.tgz"),
    Release("3.25.71", "2025-07-03T03:55:16Z", "456e4d0076b19d541222f96c6aa0c8453524e881b92faf0c654dc4c5075ce884",
            "https://registry.npmjs.org/zod/-/zod-3.25.71.tgz"),
    Release("3.25.76", "2025-07-08T10:31:24Z", "9e1f1a05f0dd0c1dab64ee91ceb9bf55cd44d35368c70edda80a2fdc70a88377",
            "https://registry.npmjs.org/zod/-/zod-3.25.76.tgz"),
    Release("4.0.0", "2025-07-09T22:25:15Z", "1b34f71a7774e758d2b1cc4ab03b11ed3c5d1507d6eb6c7772a2376a80295985",
            "https://registry.npmjs.org/zod/-/zod-4.0.0.tgz"),
    Release("4.0.5", "2025-07-11T01:55:11Z", "e94b4391298a2dff5bdf6afaddf3484a6720a3127b0305ee2b8a009ada6bb082",
            "https://registry.npmjs.org/zod/-/zod-4.0.5.tgz"),
    Release("4.0.10", "2025-07-26T05:32:37Z", "781cd7b7bb5cfc136f2547070f26a410ac86f7af45843d7fe9812330ea630ef1",
            "https://registry.npmjs.org/zod/-/zod-4.0.10.tgz"),
    Release("4.0.17", "2025-08-10T05:04:35Z", "50be4cb515207f8b4d53c3d7eb0aac2c94bb040b0c87282b5dcfb89e9164a69b",
            "https://registry.npmjs.org/zod/-/zod-4.0.17.tgz"),
    Release("4.1.0", "2025-08-23T09:26:49Z", "e5db628fc14c395bdd1f93ffa8df73d638670f4215434356feb0b5c10598a2f7",
            "https://registry.npmjs.org/zod/-/zod-4.1.0.tgz"),
    Release("4.1.5", "2025-08-28T23:49:26Z", "6e2edca06e41119ca944ab9d55a7d5b069ec799a0396d274c9ddaf38ab2dd95e",
            "https://registry.npmjs.org/zod/-/zod-4.1.5.tgz"),
    Release("4.1.12", "2025-10-06T17:36:28Z", "2ef9d7a7d822b059c9bd21f87caa4fdc48220d437353678984df942fb67b43fa",
            "https://registry.npmjs.org/zod/-/zod-4.1.12.tgz"),
), ("Colin McDonnell", "zod@colinhacks.com"), "the npm tarball", keep=("src",))
COMMANDER = History("commander", (
    Release("11.0.0", "2024-11-23T04:04:00Z", "8c25995d85d87bbe2bcf75c7885f223b914cc48670f1e98dae5e88438fdc2bff",
            "https://registry.npmjs.org/commander/-/commander-11.0.0.tgz"),
    Release("11.1.0", "2024-03-27T22:53:09Z", "54cbc888e72368c77004e9fbb3065596910f5f9ffad23f01e78e31ad4da3d05e",
            "https://registry.npmjs.org/commander/-/commander-11.1.0.tgz"),
    Release("12.0.0", "2024-12-02T18:35:13Z", "e19a54b43aace9fc5dd38eb9550dc69375359ae1ded32be61642730f21928787",
            "https://registry.npmjs.org/commander/-/commander-12.0.0.tgz"),
    Release("12.1.0", "2024-05-23T07:57:03Z", "56affc6ddafe486f94b428ae2823d059cf60d4dae2f33eaaf1b1ec4306f73173",
            "https://registry.npmjs.org/commander/-/commander-12.1.0.tgz"),
    Release("13.0.0", "2025-06-24T04:11:27Z", "f3c8ff958f6a28c37e40d53cf7c4a61f92a68689458b7a6daa6eb99a775c9150",
            "https://registry.npmjs.org/commander/-/commander-13.0.0.tgz"),
    Release("13.1.0", "2025-01-29T06:17:59Z", "d5703ba285336d6d6d86fecf7a9f064e248879497d98ccc98ca849a62e34822a",
            "https://registry.npmjs.org/commander/-/commander-13.1.0.tgz"),
    Release("14.0.0", "2025-05-18T16:30:53Z", "eaef3a697e7173c7347ca4c1e60dd2bc1d38214d2aaecce89d70881a51d7fde7",
            "https://registry.npmjs.org/commander/-/commander-14.0.0.tgz"),
    Release("14.0.1", "2025-09-12T08:28:51Z", "a9bb12a316cff1290ba35a647c96c6a83d6b5fe95f51a817058d4171d4f6e2b0",
            "https://registry.npmjs.org/commander/-/commander-14.0.1.tgz"),
    Release("14.0.2", "2025-10-25T13:45:03Z", "09106ecd2c62a34c8bc466d5b46096e383e474af120a6295dcd0473e45b6c2f1",
            "https://registry.npmjs.org/commander/-/commander-14.0.2.tgz"),
), ("TJ Holowaychuk", "tj@vision-media.ca"), "the npm tarball")
CLICK = History(bench_replay.PROJECT, bench_replay.RELEASES, bench_replay.AUTHOR, "the PyPI sdist")
HISTORIES = (CLICK, ZOD, COMMANDER)


def public_history(history: History, home: Path, offline: bool = False) -> Path:
    """The history's repository under `home`, built (and its tarballs fetched) when missing.
    Raises bench_replay.BenchError."""
    cache = home / ("pypi" if history.source.endswith("PyPI sdist") else "npm")
    tarballs = [bench_replay.fetch(r, cache, offline=offline) for r in history.releases]
    repo = home / "history" / history.project
    bench_replay.build_history(history.releases, tarballs, repo, history.project, keep=history.keep,
                               author=history.author, source=history.source)
    return repo


def broken(text: str) -> Iterator[tuple[str, str]]:
    """(kind, the completion broken that way), for the kinds that apply to `text`."""
    yield "extra-paren", text.rstrip("\n") + ")"
    last = max(text.rfind(")"), text.rfind("]"), text.rfind("}"))
    if last >= 0:
        yield "drop-closer", text[:last] + text[last + 1:]
    quotes = [i for i, ch in enumerate(text) if ch in "\"'"]
    if quotes:
        yield "cut-in-string", text[: quotes[0] + 2]
    if "(" in text:
        yield "unclosed-call", text[: text.index("(") + 1] + "a, b"


def completions(repo: Path, commits: int) -> Iterator[tuple[str, int, int, int, str, str, "Synth"]]:
    """(document text, line, character, offset, completion, language, the request) from `repo`'s history."""
    git = Git(repo)
    try:
        chosen = git.commits(commits)
        result = ReplayResult(str(repo), "dry-run", "", "", "")
        for requests in iter_requests(git, chosen, result, lambda i: None):
            for synth in requests:
                if synth.task == "autocomplete" and synth.output and synth.view.language in LANGUAGES:
                    line, character = synth.start
                    yield (synth.view.text, line, character, synth.view.offset(line, character),
                           synth.output, synth.view.language, synth)
    finally:
        git.close()


def errors_with(text: str, offset: int, insert: str, language: str) -> int:
    tree = parsing.parse(text[:offset] + insert + text[offset:], language)
    return parsing.count_errors(tree.root_node) if tree is not None else 0


def measure(repo: Path, commits: int, progress: Callable[[str], None] = lambda line: None) -> dict:
    correct = accepted = 0
    total, detectable, caught, missed = Counter(), Counter(), Counter(), Counter()
    timings: list[float] = []
    rejected: Counter = Counter()
    rejected_at: list[str] = []
    by_language: dict[str, list[int]] = {}  # language: [correct, accepted]
    as_written = 0
    altered: list[str] = []
    for text, line, character, offset, output, language, synth in completions(repo, commits):
        correct += 1
        counts = by_language.setdefault(language, [0, 0])
        counts[0] += 1
        started = time.perf_counter()
        verdict = check_completion(text, line, character, output, language)
        timings.append(time.perf_counter() - started)
        if verdict.ok:
            accepted += 1
            counts[1] += 1
        else:
            rejected[verdict.reason] += 1
            if len(rejected_at) < 10:
                rejected_at.append(f"{synth.commit[:10]} {synth.path}:{line + 1}")
        # the whole way the server reads an answer (clean, trim, check): shown as written?
        _, job = build_request(synth, SETTINGS)
        answer, shown = job.accept(output, "stop")
        if shown.ok and answer["text"] == output.rstrip():
            as_written += 1
        elif len(altered) < 3:
            altered.append(f"{synth.commit[:10]} {synth.path}:{line + 1}")
        baseline = errors_with(text, offset, output, language)
        for kind, bad in broken(output):
            total[kind] += 1
            breaks_file = errors_with(text, offset, bad, language) > baseline
            rejects = not check_completion(text, line, character, bad, language).ok
            detectable[kind] += breaks_file
            caught[kind] += rejects
            missed[kind] += breaks_file and not rejects
        if correct % 500 == 0:
            progress(f"  {repo.name}: {correct} completions")
    timings.sort()
    return {
        "repo": str(repo), "commits": commits, "correct": correct, "accepted": accepted,
        "as_written": as_written, "altered": altered,
        "rejected": dict(rejected.most_common()), "rejected_at": rejected_at, "by_language": by_language,
        "total": dict(total), "detectable": dict(detectable), "caught": dict(caught), "missed": dict(missed),
        "check_p50_ms": timings[len(timings) // 2] * 1000 if timings else None,
        "check_p99_ms": timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000 if timings else None,
    }


LONG_MODULES = ("textwrap.py", "argparse.py", "csv.py", "shlex.py", "dataclasses.py", "json/decoder.py",
                "difflib.py", "inspect.py", "tokenize.py", "pprint.py")
OUTPUT_LIMIT = 192  # tokens: tasks.autocomplete's max_tokens


def function_bodies(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(row of a one-line `def ...:` header, the row after its body, trailing blank lines
    left out) for every function with a body in `lines`."""
    for row, line in enumerate(lines):
        code = line.lstrip()
        if not (code.startswith("def ") and line.rstrip().endswith(":")):
            continue
        indent = len(line) - len(code)
        end = row + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        while end > row + 1 and not lines[end - 1].strip():
            end -= 1
        if end > row + 1:
            yield row, end


def long_answers(modules: tuple[str, ...] = LONG_MODULES) -> dict:
    """{kind: [answers, shown]} for kinds "cut" (by the output limit), "over-12-lines", "whole"."""
    import sysconfig

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    counts = {"cut": [0, 0], "over-12-lines": [0, 0], "whole": [0, 0]}
    for module in modules:
        text = (stdlib / module).read_text(encoding="utf-8")
        _answer_bodies(counts, f"file:///stdlib/{module}", text, "python", function_bodies(text.split("\n")))
    return counts


def long_answers_braced(repos: list[Path]) -> dict:
    """`long_answers` for the JavaScript and TypeScript functions and methods of `repos` at HEAD."""
    counts = {"cut": [0, 0], "over-12-lines": [0, 0], "whole": [0, 0]}
    for repo in repos:
        for path, text, language in _code_files(repo):
            if language != "python":
                _answer_bodies(counts, (repo / path).as_uri(), text, language, braced_bodies(text.split("\n")))
    return counts


_BRACED_HEADER = re.compile(r"^\s*(?:export\s+)?(?:(?:async|static|private|public|protected|get|set)\s+)*"
                            r"(?:function\b.*|#?[\w$]+\s*(?:<[^>]*>)?\(.*\)(?:\s*:\s*[^{}=]+)?|.*\)\s*=>)\s*\{$")


def braced_bodies(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(row of a function's or method's one-line header ending with `{`, the row of its closing
    `}` at the header's indentation) for every such function with a body in `lines`."""
    for row, line in enumerate(lines):
        if not _BRACED_HEADER.match(line) or line.lstrip().startswith(("if ", "for ", "while ", "switch ", "catch ")):
            continue
        indent = len(line) - len(line.lstrip())
        end = row + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        if end < len(lines) and lines[end].strip().startswith("}") and end > row + 1 and lines[row + 1].strip():
            last = end
            while not lines[last - 1].strip():
                last -= 1
            yield row, last


def _answer_bodies(counts: dict, uri: str, text: str, language_id: str, bodies: Iterator[tuple[int, int]]) -> None:
    """Each body answered whole at the start of its first line (cut at OUTPUT_LIMIT tokens when
    longer), read as the server reads an answer: counted by kind in `counts`."""
    from lsp_router.tasks import TaskRequest, autocomplete, build
    from lsp_router.tasks.common import DocView
    from lsp_router.tokens import _get_encoding, count_tokens

    encoding = _get_encoding()
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for row, end in bodies:
        column = len(lines[row + 1]) - len(lines[row + 1].lstrip())
        cursor, body_end = starts[row + 1] + column, starts[end] - 1
        body = text[cursor:body_end]
        document = text[:cursor] + text[body_end:]
        view = DocView(uri, document, language_id, None, None)
        _, job = build("autocomplete", view, TaskRequest((row + 1, column)), SETTINGS)
        if count_tokens(body) > OUTPUT_LIMIT and encoding is not None:
            answer, finish, kind = encoding.decode(encoding.encode(body)[:OUTPUT_LIMIT]), "length", "cut"
        else:
            answer, finish = body, "stop"
            kind = "over-12-lines" if body.count("\n") >= autocomplete.MAX_LINES else "whole"
        _, verdict = job.accept(answer, finish)
        counts[kind][0] += 1
        counts[kind][1] += verdict.ok


def answers_past_the_line(modules: tuple[str, ...] = LONG_MODULES, extra: int = 3, per_module: int = 60,
                          above: bool = False) -> dict:
    """The line being typed answered together with the `extra` lines the file already has
    below it (or, `above`, after the `extra` lines just above it, written again): what models
    often do. At up to `per_module` lines of each module chosen with a fixed seed: {"answers",
    "alone" (shown as the line alone), "twice" (shown with lines the file has), "escalated"}."""
    import random
    import sysconfig

    from lsp_router.settings import Settings
    from lsp_router.tasks import TaskRequest, build
    from lsp_router.tasks.common import DocView

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    settings = Settings()
    chooser = random.Random(5)
    counts = {"answers": 0, "alone": 0, "twice": 0, "escalated": 0}
    for module in modules:
        lines = (stdlib / module).read_text(encoding="utf-8").split("\n")
        step = -1 if above else 1
        rows = [i for i in range(extra + 1, len(lines) - extra - 1)
                if lines[i].startswith("    ") and all(lines[i + step * k].strip() for k in range(extra + 1))]
        for row in sorted(chooser.sample(rows, min(per_module, len(rows)))):
            indent = len(lines[row]) - len(lines[row].lstrip())
            document = "\n".join(lines[:row] + [lines[row][:indent]] + lines[row + 1:])
            view = DocView(f"file:///stdlib/{module}", document, "python", None, None)
            _, job = build("autocomplete", view, TaskRequest((row, indent)), settings)
            if above:
                said = "\n".join([lines[row - extra].lstrip()] + lines[row - extra + 1:row + 1])
            else:
                said = "\n".join([lines[row][indent:]] + lines[row + 1:row + 1 + extra])
            answer, verdict = job.accept(said, "stop")
            counts["answers"] += 1
            if not verdict.ok:
                counts["escalated"] += 1
            elif answer["text"] == lines[row][indent:]:
                counts["alone"] += 1
            else:
                counts["twice"] += 1
    return counts


def refactors_with_context(modules: tuple[str, ...] = LONG_MODULES, per_module: int = 30) -> dict:
    """Refactors of function bodies (the body selected, not the `def` line) answered with the
    `def` line first and the next line after the body last, as models often do: {"answers",
    "applied" (as the new body alone), "escalated"}. The new body is the old one with a
    comment line at its top, so that it is a change."""
    import random
    import sysconfig

    from lsp_router.settings import Settings
    from lsp_router.tasks import TaskRequest, build
    from lsp_router.tasks.common import DocView

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    chooser = random.Random(11)
    counts = {"answers": 0, "applied": 0, "escalated": 0}
    for module in modules:
        text = (stdlib / module).read_text(encoding="utf-8")
        lines = text.split("\n")
        spans = []
        for row, end in function_bodies(lines):
            nxt = next((r for r in range(end, len(lines)) if lines[r].strip()), None)
            if nxt is not None:
                spans.append((row, end, nxt))
        view = DocView(f"file:///stdlib/{module}", text, "python", None, None)
        for row, end, nxt in sorted(chooser.sample(spans, min(per_module, len(spans)))):
            start_at, end_at = (row + 1, 0), (end, 0)
            body = "\n".join(lines[row + 1:end]) + "\n"
            margin = lines[row + 1][: len(lines[row + 1]) - len(lines[row + 1].lstrip())]
            new_body = f"{margin}# simplified\n{body}"
            answer = f"```python\n{lines[row]}\n{new_body}\n{lines[nxt]}\n```"
            _, job = build("refactor", view, TaskRequest(start_at, end_at, instruction="Simplify"), Settings())
            result, verdict = job.accept(answer, "stop")
            counts["answers"] += 1
            if verdict.ok and result["newText"] == new_body:
                counts["applied"] += 1
            elif not verdict.ok:
                counts["escalated"] += 1
    return counts


def _code_files(repo: Path) -> Iterator[tuple[str, str, str]]:
    """(path, text, language) of the Python, JavaScript and TypeScript files `repo`'s HEAD has,
    as replay reads them (not vendored, minified or generated)."""
    import subprocess

    from lsp_router.replay.files import language_id_for, skip_reason_for_path, skip_reason_for_text

    listed = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True).stdout
    for path in sorted(p for p in listed.decode("utf-8", "replace").split("\0") if p):
        language = parsing.language_for(language_id_for(path), path)
        if language not in LANGUAGES or skip_reason_for_path(path):
            continue
        try:
            data = (repo / path).read_bytes()
        except OSError:
            continue
        if not skip_reason_for_text(data):
            yield path, data.decode("utf-8", "replace"), language


def lines_twice(repos: list[Path], echoes_per_repo: int = 300) -> dict:
    """Lines written twice in a row, and models' echoes of the line above, at the cursor on
    the blank line where the second one goes (scripts/bench_checks.py's histories at HEAD).

    "repeats": every line the developer wrote again right below itself (same indentation,
    over 3 characters): completed with that same line, is it accepted? "echoes": lines
    that the next line does not repeat, at up to `echoes_per_repo` places of each history
    chosen with a fixed seed: a blank line put below and answered with the line above, is
    it rejected? Echoes of lines nobody writes twice (`checks._never_twice`) are counted
    apart. {"repeats": [n, accepted], "echoes": [n, rejected], "never-twice echoes": [n, rejected]}"""
    import random

    from lsp_router.routing.checks import _never_twice

    counts = {"repeats": [0, 0], "echoes": [0, 0], "never-twice echoes": [0, 0]}
    chooser = random.Random(7)
    for repo in repos:
        places = []
        for path, text, language in _code_files(repo):
            lines = text.split("\n")
            above = None
            for row, line in enumerate(lines):
                if not line.strip():
                    continue
                margin = line[: len(line) - len(line.lstrip())]
                if above is not None and lines[above] == line and len(line.strip()) > 3:
                    document = "\n".join(lines[:row] + [margin] + lines[row + 1:])
                    counts["repeats"][0] += 1
                    counts["repeats"][1] += check_completion(document, row, len(margin), line.strip(), language).ok
                elif above is not None and len(lines[above].strip()) > 3:
                    places.append((lines, above, language))
                above = row
        for lines, above, language in chooser.sample(places, min(echoes_per_repo, len(places))):
            line = lines[above]
            margin = line[: len(line) - len(line.lstrip())]
            document = "\n".join(lines[:above + 1] + [margin] + lines[above + 1:])
            rejected = not check_completion(document, above + 1, len(margin), line.strip(), language).ok
            for kind in ("echoes", "never-twice echoes") if _never_twice(line.strip()) else ("echoes",):
                counts[kind][0] += 1
                counts[kind][1] += rejected
    return counts


def report_long(counts: dict, out: Callable[[str], None] = print) -> str:
    out("")
    out(f"long answers: whole function bodies of {len(LONG_MODULES)} standard-library modules, answered at the "
        f"start of an empty body (cut at {OUTPUT_LIMIT} tokens when longer), read as the server reads them")
    for kind, (n, shown) in ((k, v) for k, v in counts.items() if k in ("cut", "over-12-lines", "whole")):
        out(f"  {kind:<14} {shown:>4}/{n:<4} shown ({100 * shown / n:.0f}%)" if n else f"  {kind:<14} none")
    cut, over = counts["cut"], counts["over-12-lines"]
    summary = (f"long ghost text shown without escalating: {cut[1]}/{cut[0]} cut by the output limit, "
               f"{over[1]}/{over[0]} over 12 lines")
    braced = counts.get("braced")
    if braced:
        out("long answers in JavaScript and TypeScript: the bodies of the histories' functions and methods "
            "(at HEAD), answered the same way")
        for kind, (n, shown) in braced.items():
            out(f"  {kind:<14} {shown:>4}/{n:<4} shown ({100 * shown / n:.0f}%)" if n else f"  {kind:<14} none")
        summary += (f" (JavaScript and TypeScript: {braced['cut'][1]}/{braced['cut'][0]} cut, "
                    f"{braced['over-12-lines'][1]}/{braced['over-12-lines'][0]} over 12 lines)")
    again = counts.get("lines-above-again")
    if again:
        out(f"answers that first write the 2 lines above the cursor again: {again['answers']}; shown as the line "
            f"alone {again['alone']}, with lines the file already has {again['twice']}, escalated {again['escalated']}")
    past = counts.get("past-the-line")
    if past:
        out(f"answers that go on into the 3 lines already below the cursor: {past['answers']}; shown as the line "
            f"alone {past['alone']}, with lines the file already has {past['twice']}, escalated {past['escalated']}")
        summary += (f"; answers that run into the lines below: {past['alone']}/{past['answers']} shown as the line "
                    f"alone, {past['twice']} with lines typed twice, {past['escalated']} escalated")
    context = counts.get("refactor-context")
    if context:
        out(f"refactors of function bodies answered with the `def` line and the next line around the new body: "
            f"{context['answers']}; applied as the new body alone {context['applied']}, escalated {context['escalated']}")
    if again:
        summary += (f"; answers that first repeat the 2 lines above: {again['alone']}/{again['answers']} shown as "
                    f"the line alone, {again['twice']} with lines typed twice, {again['escalated']} escalated")
    if context:
        summary += (f"; refactors answered with the lines around the selection: {context['applied']}/{context['answers']} "
                    f"applied without them, {context['escalated']} escalated")
    return summary


def report_twice(counts: dict, out: Callable[[str], None] = print) -> str:
    (n, shown), (echoes, caught), (never, never_caught) = counts["repeats"], counts["echoes"], counts["never-twice echoes"]
    summary = (f"lines written twice in a row: {shown}/{n} completed with the same line again accepted; echoes of "
               f"the line above rejected: {caught}/{echoes} ({never_caught}/{never} of lines nobody writes twice: "
               f"imports, definitions, headers, jumps, plain assignments)")
    out("")
    out(summary)
    return summary


def _name(repo: str) -> str:
    return "this repository" if Path(repo).resolve() == ROOT else Path(repo).name


def report(results: list[dict], out: Callable[[str], None] = print, long: dict | None = None,
           twice: dict | None = None) -> dict:
    header = f"{'history':<34}{'correct accepted':>18}" + "".join(f"{k:>22}" for k in KINDS)
    out(header)
    out("-" * len(header))
    overall: dict = {"correct": 0, "accepted": 0, "as_written": 0, **{key: Counter() for key in ("total", "detectable", "caught", "missed")}}
    by_language: dict[str, list[int]] = {}
    for r in results:
        name = f"{_name(r['repo'])} ({r['commits']} commits)"
        cells = "".join(f"{r['caught'].get(k, 0):>8}/{r['total'].get(k, 0):<5} miss {r['missed'].get(k, 0):<4}" for k in KINDS)
        out(f"{name:<34}{r['accepted']:>9}/{r['correct']:<8}{cells}")
        overall["correct"] += r["correct"]
        overall["accepted"] += r["accepted"]
        overall["as_written"] += r["as_written"]
        for key in ("total", "detectable", "caught", "missed"):
            overall[key].update(r[key])
        for language, (n, ok) in r["by_language"].items():
            counts = by_language.setdefault(language, [0, 0])
            counts[0] += n
            counts[1] += ok
    out("(caught/broken completions of each kind; miss: broke the whole file's parse and was let through)")
    for r in results:
        out(f"shown as the commit wrote it, read as the server reads an answer, in {_name(r['repo'])}: "
            f"{r['as_written']}/{r['correct']}" + (f" (not: {', '.join(r['altered'])})" if r["altered"] else ""))
        if r["rejected"]:
            out(f"correct completions rejected in {_name(r['repo'])}: "
                + "; ".join(f"{reason} ({n})" for reason, n in r["rejected"].items())
                + f" (at {', '.join(r['rejected_at'])})")
        if r["check_p50_ms"] is not None:
            out(f"check time in {_name(r['repo'])}: p50 {r['check_p50_ms']:.2f} ms, p99 {r['check_p99_ms']:.2f} ms")
    long_summary = report_long(long, out) if long is not None else None
    twice_summary = report_twice(twice, out) if twice is not None else None
    out("")
    out("## Summary")
    det = overall["detectable"]
    rates = ", ".join(
        f"{k} {det[k] - overall['missed'][k]}/{det[k]}" + (f" ({100 * (det[k] - overall['missed'][k]) / det[k]:.0f}%)" if det[k] else "")
        for k in KINDS)
    false = overall["correct"] - overall["accepted"]
    out(f"ghost-text check: accepts {overall['accepted']} of {overall['correct']} correct completions "
        f"({false} needless escalation{'s' if false != 1 else ''}), and shows {overall['as_written']} of them "
        f"exactly as written once cleaned and trimmed; catches, of the broken ones that break the "
        f"file's parse: {rates}")
    out("correct completions rejected by language: " + ", ".join(
        f"{language} {n - ok} of {n}" for language, (n, ok) in sorted(by_language.items())))
    if long_summary:
        out(long_summary)
    if twice_summary:
        out(twice_summary)
    return {"correct": overall["correct"], "accepted": overall["accepted"], "as_written": overall["as_written"],
            "by_language": by_language,
            **{key: dict(overall[key]) for key in ("total", "detectable", "caught", "missed")}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repos", nargs="*", type=Path,
                        help="git repositories (default: this one, and click's, zod's and commander's pinned histories)")
    parser.add_argument("--commits", type=int, default=60,
                        help="latest commits of each repository (a pinned history: all but its first release)")
    parser.add_argument("--offline", action="store_true", help="use only cached downloads for the pinned histories")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--no-long", action="store_true", help="skip the long answers (standard-library bodies)")
    args = parser.parse_args(argv)
    repos = [(repo, args.commits) for repo in args.repos]
    if not repos:
        try:
            home = bench_replay.bench_home()
            repos = [(ROOT, args.commits)] + [(public_history(h, home, args.offline), len(h.releases) - 1)
                                              for h in HISTORIES]
        except bench_replay.BenchError as exc:
            print(f"bench_checks: {exc}", file=sys.stderr)
            return 2
    print(f"# bench_checks: {time.strftime('%Y-%m-%d %H:%M')}; histories: {', '.join(str(r) for r, _ in repos)}",
          flush=True)
    results = []
    for repo, commits in repos:
        if not (repo / ".git").exists():
            print(f"bench_checks: {repo} is not a git repository", file=sys.stderr)
            return 2
        results.append(measure(repo, commits, lambda line: print(line, flush=True)))
    long = {**long_answers(), "braced": long_answers_braced([repo for repo, _ in repos]),
            "past-the-line": answers_past_the_line(),
            "lines-above-again": answers_past_the_line(extra=2, above=True),
            "refactor-context": refactors_with_context()} if not args.no_long else None
    twice = lines_twice([repo for repo, _ in repos])
    summary = report(results, long=long, twice=twice)
    if args.json:
        args.json.write_text(json.dumps({"histories": results, "overall": summary, "long": long, "twice": twice},
                                        indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
