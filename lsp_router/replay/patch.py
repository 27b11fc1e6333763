"""`git show -U0` output parsed into the files a commit changed and their hunks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Hunk", "FileChange", "parse_patch"]

_HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_INDEX = re.compile(rb"^index ([0-9a-f]+)\.\.([0-9a-f]+)(?: (\d+))?")
_ZERO_SHA = re.compile(r"^0+$")


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
