"""A snapshot of one document, in code points, shared by the task modules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from lsprotocol import types

FENCE = re.compile(r"```[\w+#.-]*[ \t]*\n(.*?)(?:\n```|$)", re.DOTALL)


@dataclass
class DocView:
    uri: str
    text: str
    language_id: str | None
    version: int | None
    path: str | None = None
    # the path the model is shown (and the cache key holds): relative to the workspace folder,
    # so two checkouts of one repository share answers and no home directory reaches a prompt
    shown_path: str | None = None
    lines: list[str] = field(init=False)
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lines = self.text.splitlines(True) or [""]
        self._starts = [0, *accumulate(len(line) for line in self.lines)]

    @property
    def language(self) -> str | None:
        from lsp_router.routing.parsing import language_for

        return language_for(self.language_id, self.path or self.uri)

    def offset(self, line: int, character: int) -> int:
        line = max(0, min(line, len(self.lines)))
        if line >= len(self.lines):
            return len(self.text)
        return self._starts[line] + min(character, len(self.lines[line].rstrip("\r\n")))

    def point(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = max(0, bisect_right(self._starts, offset) - 1)
        line = min(line, len(self.lines) - 1)
        return line, offset - self._starts[line]

    def line_text(self, line: int) -> str:
        return self.lines[line].rstrip("\r\n") if 0 <= line < len(self.lines) else ""


def client_to_point(document, position: types.Position, lines=None) -> tuple[int, int]:
    """An LSP position (UTF-16 units by default) as a code-point (line, column).

    `lines`: the document's lines when the caller has them (a `DocView`'s); pygls would
    split the whole document again for every conversion.
    """
    position = types.Position(position.line, position.character)  # pygls clamps it in place
    server = document.position_codec.position_from_client_units(
        document.lines if lines is None else lines, position)
    return server.line, server.character


def point_to_client(document, line: int, character: int, lines=None) -> types.Position:
    from pygls.workspace.position_codec import ServerTextPosition

    return document.position_codec.position_to_client_units(
        document.lines if lines is None else lines, ServerTextPosition(line, character))


def client_range(document, start: tuple[int, int], end: tuple[int, int], lines=None) -> types.Range:
    return types.Range(point_to_client(document, *start, lines), point_to_client(document, *end, lines))


def strip_fences(text: str) -> str:
    """The code inside the first fenced block, or the text itself when there is none."""
    match = FENCE.search(text)
    return match.group(1) if match else text


def file_context(view: DocView, limit_chars: int = 24_000) -> str:
    """The whole file (trimmed around the middle when huge): the stable, cacheable prefix."""
    text = view.text
    if len(text) > limit_chars:
        half = limit_chars // 2
        text = text[:half] + "\n…\n" + text[-half:]
    name = view.shown_path or view.path or view.uri
    return f"File {name} ({view.language_id or 'text'}):\n```\n{text}\n```"


def prompt_cache_key(task: str, view: DocView) -> str:
    """Groups requests on one file for OpenAI's prompt cache, without sending the path."""
    import hashlib

    return f"{task}:{hashlib.sha256(view.uri.encode()).hexdigest()[:16]}"


# Languages whose comments start with `//` although tree-sitter does not parse them here.
_SLASH_COMMENTS = frozenset((
    "c", "cpp", "objective-c", "objective-cpp", "go", "rust", "java", "kotlin", "scala", "csharp", "swift",
    "dart", "zig", "css", "scss", "less", "php", "groovy",
))


def hash_comments_for(language_id: str | None, language: str | None) -> bool:
    """Whether `#` starts a comment (Python, shells, and unknown languages), for `scan_line`."""
    return language in ("python", None) and language_id not in _SLASH_COMMENTS


def code_part(line: str, hash_comments: bool) -> str:
    """`line` without its trailing comment (roughly: a `#` or `//` inside a string counts too)."""
    return (line.split("#", 1)[0] if hash_comments else line.split("//", 1)[0]).rstrip()
