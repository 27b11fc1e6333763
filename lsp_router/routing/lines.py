"""A rough line lexer shared by the routing checks, the tasks and the replay (no tree-sitter).

Part of the analysis layer of `lsp_router.routing` (see its package docstring):
it imports nothing from the rest of the project.
"""

from __future__ import annotations

__all__ = ["scan_line"]


def scan_line(line: str, depth: int, quote: str | None, hash_comments: bool,
              opened: list[str] | None = None) -> tuple[int, str | None]:
    """Bracket depth and open multi-line string/comment after `line` (a rough lexer, any language).

    `opened`, when given, is kept as the stack of the brackets still open (innermost last)."""
    i, n = 0, len(line)
    while i < n:
        if quote is not None:
            j = line.find(quote, i)
            while j > 0 and quote != "*/" and line[j - 1] == "\\" and (j - len(line[:j].rstrip("\\"))) % 2:
                j = line.find(quote, j + 1)
            if j < 0:
                return depth, quote
            i, quote = j + len(quote), None
            continue
        c = line[i]
        if (c == "#" and hash_comments) or line.startswith("//", i):
            break
        if line.startswith("/*", i) and not hash_comments:
            quote, i = "*/", i + 2
        elif line.startswith(('"""', "'''"), i):
            quote, i = line[i:i + 3], i + 3
        elif c in "\"'`":
            j = i + 1
            while j < n and line[j] != c:
                j += 2 if line[j] == "\\" else 1
            if j >= n and c == "`":
                return depth, "`"
            i = j + 1
        else:
            if c in "([{":
                depth += 1
                if opened is not None:
                    opened.append(c)
            elif c in ")]}":
                depth = max(0, depth - 1)
                if opened:
                    opened.pop()
            i += 1
    return depth, quote
