"""Cheap checks of a model's answer before the user sees it (a failed check escalates once).

One check per task, each returning `CheckResult(ok, reason)` with a short
human reason. They are pure (no I/O) and use tree-sitter where the language
has a grammar; for other languages they do only the language-independent
parts (non-empty, not a repeat, edits cover the old name, ...).

Positions are 0-based LSP (line, character), characters counted in code
points.
"""

from __future__ import annotations

import keyword
import re

from lsp_router.core import CheckResult

from . import parsing
from .features import inside_prose, is_opener, line_start, strip_comment, unit_bounds
from .lines import scan_line

__all__ = [
    "CheckResult",
    "check_completion",
    "check_rename",
    "rename_occurrences",
    "check_refactor",
    "check_explain",
]


_OK = "ok"


def _ok(reason: str = _OK) -> CheckResult:
    return CheckResult(True, reason)


def _fail(reason: str) -> CheckResult:
    return CheckResult(False, reason)


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def _at(line: int, char: int) -> str:
    """A position as people read it (1-based)."""
    return f"{line + 1}:{char + 1}"


# --------------------------------------------------------------------------
# Autocomplete
# --------------------------------------------------------------------------

_COMPLETION_WINDOW_BEFORE = 6000  # at most this many characters of context parsed before the insertion
_COMPLETION_WINDOW_AFTER = 800
_COMPLETION_PROSE_EXTEND = 4000  # the window may grow this much to end outside a docstring / block comment
_COMPLETION_PARENT_SCAN = 64_000  # how far up a huge literal's opening line is looked for
_PY_HEADER = re.compile(r"^\s*(?:async\s+)?(?:def|class|if|for|while|try|with|match)\b")
_PY_CLAUSE = re.compile(r"^\s*(?:else|elif|except|finally)\b")
_JS_CLAUSE = re.compile(r"^\s*(?:[}\)\].,?:]|else\b|catch\b|finally\b|case\b|default\s*:)")
# a line that opens a block but is no statement: a method, a class field, an object key
_JS_MEMBER = re.compile(
    r"""^\s*(?:(?:static|private|public|protected|readonly|abstract|override|declare)\b|#|constructor\s*\("""
    r"""|(?:async\s+|get\s+|set\s+|\*\s*)*(?!(?:if|for|while|switch|catch|function|with|return)\b)[#\w$]+\s*"""
    r"""(?:<[^>]*>\s*)?\([^()]*\)\s*(?::\s*[^{;=]+)?\{|['"\w$\[\]-]+\s*\??:(?!:))""")
_PY_STATEMENT = re.compile(r"^\s*(?:[A-Za-z_@(\[{]|\*\w)")
_CONTINUES_IN_BRACKETS = ("\\", "=", "+", "-", "*", "/", "%", "|", "&", "<", ">", ".", " and", " or", " not", "?")
_PY_CONTINUES = _CONTINUES_IN_BRACKETS + (",", "(", "[", "{", ":")
_JS_CONTINUES = _CONTINUES_IN_BRACKETS + (",", "(", "[", ":")  # after `{` comes a block's first statement
_OPENS_STRING = ("=", "(", ",", "[", "{", ":", "return", "yield", "+", "%", "in", "print")
_OPENS_TEMPLATE = ("(", "=", ",", ":", "[", "{", "+", "?", "return", "=>")
_STRING_PREFIX = re.compile(r"(?<![\w])[rRuUbBfF]{1,2}$")
_JS_BARE_HEADER = re.compile(r"^\s*(?:\}\s*)?(?:(?:else\s+)?if|for|while)\s*\(.*\)$|^\s*(?:\}\s*)?(?:else|do|try|finally)$")
_PY_COMPOUND = re.compile(r"^\s*(?:async\s+)?(?:def|class|if|elif|for|while|with|except)\b")
_PY_TRAILING_OP = re.compile(r"(?:[-+*/%&|^<>=,.~@]|\b(?:and|or|not|in|is))$")
_JS_TRAILING_OP = re.compile(r"(?:[-+*/%&|^<>=,.~?:!]|\b(?:in|of|instanceof|typeof|new|await|return))$")
_CLOSER = {"(": ")", "[": "]", "{": "}"}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _line_at(text: str, ls: int) -> str:
    le = text.find("\n", ls)
    return text[ls:] if le < 0 else text[ls:le]


def _py_quote_opens(text: str, q: int, depth: int = 0) -> bool | None:
    """Whether the triple quote at `q` opens a string (None: its line holds a whole string)."""
    quote = text[q:q + 3]
    qls = text.rfind("\n", 0, q) + 1
    line = _line_at(text, qls)
    if line.count(quote) % 2 == 0:
        return None
    after = line[q - qls + 3:].strip()
    if after and not after.startswith("#"):
        return after[0] not in ")]},.;:%+*"  # `""")` / `""".strip()` close one
    before = line[: q - qls].rstrip()
    m = _STRING_PREFIX.search(before)
    if m is not None:
        before = before[: m.start()].rstrip()
    if before:
        return before.endswith(_OPENS_STRING)  # `x = """` opens, `text."""` closes
    # a lone quote: the one above (of the same kind) decides
    q2 = text.rfind(quote, max(0, qls - _COMPLETION_WINDOW_BEFORE), qls)
    if q2 < 0:
        return True
    if depth < 3:
        above = _py_quote_opens(text, q2, depth + 1)
        if above is not None:
            return not above
    prev = text[text.rfind("\n", 0, max(0, qls - 1)) + 1: max(0, qls - 1)].rstrip()
    return prev.endswith((":", "(", "[", "{", ",", "="))


def _js_backtick_line(text: str, pos: int) -> int:
    """Start of the nearest line above offset `pos` with an odd number of backticks (not a comment line), or -1."""
    lo = max(0, pos - _COMPLETION_WINDOW_BEFORE)
    for _ in range(40):
        q = text.rfind("`", lo, pos)
        if q < 0:
            return -1
        pos = text.rfind("\n", 0, q) + 1
        line = _line_at(text, pos)
        if (line.count("`") - line.count("\\`")) % 2 and not line.lstrip().startswith(("*", "//", "/*")):
            return pos
    return -1


def _js_backtick_opens(text: str, ls: int, depth: int = 0) -> bool:
    """Whether the line at `ls` (odd number of backticks) leaves a multi-line template literal open.

    Its last backtick opens one when text follows it (`throw new Error(` + backtick + `Failed:`)
    or the line ends with it after `(`, `=`, `,`, `return`...; it closes one when
    `)`, `;`, `,`... follow. Otherwise (`html` + backtick, or text + backtick) the line above
    with an odd number of backticks decides: the other way round from it.
    """
    line = _line_at(text, ls)
    b = line.rfind("`")
    after = line[b + 1:].strip()
    before = line[:b].rstrip()
    if after.startswith("}") and _js_template_left_open(line):
        return True  # the `}` ends a `${...}` holding a template: the outer one goes on
    if after:
        return after[0] not in ")]};,.+:?"
    if not before or before.endswith(_OPENS_TEMPLATE):
        return bool(before) and not before.endswith("${")
    above = _js_backtick_line(text, ls)
    if above < 0:
        return True
    return not _js_backtick_opens(text, above, depth + 1) if depth < 3 else True


def _js_template_left_open(line: str) -> bool:
    """Whether `line`, read from outside any template, ends inside a template literal,
    nested ones (`${a && ` + backtick + `b` + backtick + `}`) followed through."""
    stack: list[str] = []  # "`": in a template's text; "{": in code inside `${`
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        in_text = bool(stack) and stack[-1] == "`"
        if ch == "`":
            if in_text:
                stack.pop()
            else:
                stack.append("`")
        elif in_text and line.startswith("${", i):
            stack.append("{")
            i += 1
        elif not in_text and stack and ch == "{":
            stack.append("{")
        elif not in_text and stack and ch == "}":
            stack.pop()
        i += 1
    return "`" in stack


def _js_template_at(text: str, ls: int) -> int:
    """Offset of the backtick opening the multi-line template literal the line at `ls` is in, or -1."""
    q = _js_backtick_line(text, ls)
    if q < 0 or not _js_backtick_opens(text, q):
        return -1
    return q + _line_at(text, q).rfind("`")


def _prose_at(text: str, ls: int, language: str) -> int:
    """Offset of what opens the docstring, block comment or multi-line template literal the line at `ls` is in, or -1."""
    lo = max(0, ls - _COMPLETION_WINDOW_BEFORE)
    if language == "python":
        q = max(text.rfind('"""', lo, ls), text.rfind("'''", lo, ls))
        return q if q >= 0 and _py_quote_opens(text, q) else -1
    q = text.rfind("/*", lo, ls)
    while q >= 0:
        if text.find("*/", q + 2, ls) >= 0:
            break
        pre = text[text.rfind("\n", 0, q) + 1:q]
        if "//" not in pre and not (pre.count("'") % 2 or pre.count('"') % 2 or pre.count("`") % 2):
            return q
        q = text.rfind("/*", lo, q)  # inside a string or a line comment: look further up
    return _js_template_at(text, ls)


def _is_clause(line: str, language: str) -> bool:
    """A line that continues the statement above (`else:`, `except ...:`, `} else {`): no place to start."""
    return bool((_PY_CLAUSE if language == "python" else _JS_CLAUSE).match(line))


def _prev_code(text: str, pos: int, limit: int = 20) -> str | None:
    """The nearest line above offset `pos` (a line start) that is neither blank nor a comment."""
    end = pos - 1
    for _ in range(limit):
        if end < 0:
            return None
        s = text.rfind("\n", 0, end) + 1
        line = text[s:end]
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "//", "/*", "*")):
            return line
        end = s - 1
    return None


def _good_start(text: str, pos: int, language: str) -> bool:
    """Whether the line at `pos` can begin a parsed window: it starts a statement.

    Not a comment, not a clause (`else:`, `} catch {`, `case 1:`), not a class
    member or object key (JavaScript), not prose, and the code line above ends
    its statement.
    """
    line = _line_at(text, pos)
    stripped = line.strip()
    if not stripped or stripped.startswith(("#", "//", "/*", "*")) or _is_clause(line, language):
        return False
    if not (_PY_STATEMENT.match(line) if language == "python" else not _JS_MEMBER.match(line)):
        return False
    return not _continues(text, pos, language) and _prose_at(text, pos, language) < 0


def _continues(text: str, pos: int, language: str) -> bool:
    """Whether the code line above the line at `pos` leaves its statement open (`,`, `(`, an operator)."""
    prev = _prev_code(text, pos) if pos > 0 else None
    return prev is not None and strip_comment(prev, language).endswith(
        _PY_CONTINUES if language == "python" else _JS_CONTINUES)


def _block_start(text: str, ls: int, indent: int, language: str) -> int | None:
    """Start of the line that opens the block around the line at `ls` (a clean place to start parsing).

    Walks up to the nearest block header (def/class/if/... in Python, a statement
    ending with `{` in JavaScript) that is less indented than `indent`, not inside
    a docstring or block comment. None if there is none within the budget.
    """
    pos = ls
    while pos > 0 and ls - pos < _COMPLETION_WINDOW_BEFORE:
        start = text.rfind("\n", 0, pos - 1) + 1
        line = text[start:pos - 1]
        pos = start
        if not line.strip():
            continue
        ind = _indent(line)
        if ind >= indent:
            continue
        if (ind == 0 or is_opener(line, language)) and (language != "python" or _PY_HEADER.match(line)) \
                and _good_start(text, start, language):
            return start
    return None


def _parent_line(text: str, ls: int, indent: int, language: str) -> int | None:
    """Start of the nearest code line above `ls` less indented than `indent` (not prose), or None.

    Lines of a literal's elements (ending with `,`) are passed over to the line
    that opens the literal: data tables are often not indented.
    """
    prev = _prev_code(text, ls)
    elements = prev is not None and strip_comment(prev, language).endswith(",")
    if indent == 0 and not elements:
        return None
    pos = ls
    while pos > 0 and ls - pos < _COMPLETION_PARENT_SCAN:
        start = text.rfind("\n", 0, pos - 1) + 1
        line = text[start:pos - 1]
        pos = start
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//", "*", "/*")):
            continue
        if _indent(line) >= indent and not (elements and indent <= 1):
            continue
        code = strip_comment(line, language)
        if elements and code.endswith(","):
            continue
        if elements and not code.endswith(("(", "[", "{")):
            return None
        if _prose_at(text, start, language) < 0:
            return start
    return None


def _lines(text: str, lo: int, hi: int):
    """(start, line) of the lines that start in [lo, hi)."""
    if lo <= 0:
        pos = 0
    else:
        nl = text.find("\n", lo - 1, hi)  # a line starting at `lo` counts
        if nl < 0:
            return
        pos = nl + 1
    n = len(text)
    while pos < hi:
        e = text.find("\n", pos)
        e = n if e < 0 else e
        yield pos, text[pos:e]
        if e >= n:
            return
        pos = e + 1


def _sibling_start(text: str, lo: int, hi: int, indent: int, language: str) -> int | None:
    """A statement start in [lo, hi) at indentation <= `indent` with nothing less indented after it."""
    best, best_indent = None, 0
    for pos, line in _lines(text, lo, hi):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//", "/*", "*")):
            continue
        ind = _indent(line)
        if best is not None and ind < best_indent:
            best = None
        if best is None and ind <= indent and _good_start(text, pos, language):
            best, best_indent = pos, ind
    return best


def _child_start(text: str, lo: int, hi: int, indent: int, language: str) -> int | None:
    """The first line in [lo, hi) at indentation <= `indent` that begins an element or statement of its parent."""
    for pos, line in _lines(text, lo, hi):
        stripped = line.strip()
        if not stripped or _indent(line) > indent or stripped.startswith(("#", "//", "/*", "*", ")", "]", "}", ".")):
            continue
        if _is_clause(line, language) and not (language != "python" and stripped.startswith(("case", "default"))):
            continue
        prev = _prev_code(text, pos)
        if prev is not None and strip_comment(prev, language).endswith(_CONTINUES_IN_BRACKETS):
            continue
        if _prose_at(text, pos, language) < 0:
            return pos
    return None


def _window_start(text: str, ls: int, off: int, indent: int, language: str) -> tuple[int, str]:
    """(start, head): a clean place before the cursor line to start parsing, and a line to put before it.

    In order: the enclosing block's header, the top-level line of the unit, the
    nearest less indented line (or, when that is far up, its line as `head` and
    one of its elements or statements a few thousand characters up: the cursor
    is deep inside a huge literal or block), a statement start a few thousand
    characters up. Never inside a docstring or block comment: when the cursor
    line is prose, the window starts from the line that opens it.
    """
    anchor = ls
    q = _prose_at(text, ls, language)
    if q >= 0:
        anchor = text.rfind("\n", 0, q) + 1
        indent = _indent(_line_at(text, anchor))
    start = _block_start(text, anchor, indent, language)
    if start is not None:
        return start, ""
    ae = text.find("\n", anchor)
    start = unit_bounds(text, anchor, len(text) if ae < 0 else ae)[0]
    for _ in range(8):
        if start <= 0 or not _is_clause(_line_at(text, start), language):
            break
        start = unit_bounds(text, text.rfind("\n", 0, start - 1) + 1, start - 1)[0]
    if off - start <= _COMPLETION_WINDOW_BEFORE and (
            _good_start(text, start, language) if start < anchor
            else not _continues(text, start, language) and not _is_clause(_line_at(text, start), language)):
        return start, ""
    lo = max(0, anchor - _COMPLETION_WINDOW_BEFORE // 2)
    parent = _parent_line(text, anchor, indent, language)
    if parent is not None:
        line = _line_at(text, parent)
        good = _good_start(text, parent, language)
        if parent >= lo:
            if good:
                return parent, ""
            up = parent
            for _ in range(6):  # an enclosing line that is a good start, still within the budget
                up = _parent_line(text, up, _indent(_line_at(text, up)), language)
                if up is None or up < anchor - _COMPLETION_WINDOW_BEFORE:
                    break
                if _good_start(text, up, language):
                    return up, ""
            start = _child_start(text, parent + len(line) + 1, anchor + 1, indent, language)
            if start is not None:
                return start, ""
        else:
            start = _child_start(text, lo, anchor + 1, indent, language)
            if start is not None:
                opens = strip_comment(line, language).endswith(("(", "[", "{", ":") if language == "python" else ("(", "[", "{"))
                return start, line + "\n" if good and opens else ""
    start = _sibling_start(text, lo, anchor + 1, indent, language)
    if start is not None:
        return start, ""
    if not _continues(text, anchor, language):
        return anchor, ""  # the cursor line starts a statement: parse from there
    start = text.rfind("\n", 0, lo) + 1
    while start < anchor and (_prose_at(text, start, language) >= 0 or not _line_at(text, start).strip()):
        start = text.find("\n", start) + 1
    return start, ""


_JS_CLASS_HEAD = re.compile(
    r"^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:class|interface)\b[^;=]*\{\s*$")


def _class_head(text: str, start: int, language: str) -> str:
    """The class (or interface) header line, and a line break, when the window starting at
    `start` starts among its members; else "". Read without it, a method header
    (`#name(): T {`) or signature (`parse(`) parses as a call: the completion's own errors."""
    line = _line_at(text, start)
    if not _indent(line):
        return ""
    parent = _parent_line(text, start, _indent(line), language)
    if parent is None:  # too far up to find (a long class)
        return "class _ {\n" if _after_members(text, start, _indent(line), language) else ""
    head = _line_at(text, parent)
    return head + "\n" if _JS_CLASS_HEAD.match(strip_comment(head, language)) else ""


def _after_members(text: str, start: int, indent: int, language: str) -> bool:
    """Whether the nearest code line above `start` at its indentation, past the `}` that
    end methods, is a class member (a method's header, a field): the window starts among
    a class's members. Looked for within the window's budget."""
    pos = start
    while pos > 0 and start - pos < _COMPLETION_WINDOW_BEFORE:
        pos = text.rfind("\n", 0, pos - 1) + 1
        line = _line_at(text, pos)
        code = strip_comment(line, language).strip()
        if not code or code.startswith(("*", "/*")) or _indent(line) > indent:
            continue
        if _indent(line) < indent:
            if _prose_at(text, pos, language) >= 0:
                continue  # a multi-line template's text
            return False
        if code != "}":
            return bool(_JS_MEMBER.match(line))
    return False


def _window_stop(text: str, le: int, indent: int, language: str, off: int, insert_text: str) -> int:
    """End of the parsed window: a line end some way past the cursor line, not inside prose.

    Stops early before a code line less indented than the window's first line
    (`indent`): the window is that line's block. Never inside a docstring, block
    comment or multi-line template as the text reads with the completion (which
    may open or close one): the window then grows to its end.
    """
    n = len(text)
    limit = min(n, le + _COMPLETION_WINDOW_AFTER)
    stop = -1
    if indent > 0:
        pos = le + 1
        while pos < limit:
            e = text.find("\n", pos)
            e = n if e < 0 else e
            line = text[pos:e]
            s = line.lstrip(" \t")
            if s and len(line) - len(s) < indent and not s.startswith(("#", "//", "/*", "*")) \
                    and _prose_at(text, pos, language) < 0:
                stop = pos - 1
                break
            pos = e + 1
    if stop < 0:
        stop = text.find("\n", limit)
        if stop < 0:
            return n
    lo = max(0, min(off, stop - _COMPLETION_WINDOW_BEFORE))
    view = text[lo:off] + insert_text + text[off:stop + 1]
    q = _prose_at(view, len(view), language)
    if q >= 0:
        closer = view[q:q + 3] if language == "python" else "`" if view[q] == "`" else "*/"
        close = text.find(closer, stop, stop + _COMPLETION_PROSE_EXTEND)
        if close >= 0:
            stop = text.find("\n", close)
            stop = n if stop < 0 else stop
    return stop


def _open_brackets(code: str, language: str) -> list[str] | None:
    """The brackets `code` opens and leaves open, innermost last (strings and comments skipped).

    A closing bracket with nothing open closes one from before the cursor (ignored).
    None for what this rough lexer cannot judge: mismatched brackets, an unclosed string.
    """
    py = language == "python"
    stack: list[str] = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c in "([{":
            stack.append(c)
        elif c in ")]}":
            if stack:
                if _CLOSER[stack.pop()] != c:
                    return None
        elif (c == "#" and py) or (c == "/" and not py and code.startswith("//", i)):
            j = code.find("\n", i)
            i = n if j < 0 else j
            continue
        elif c == "/" and not py and code.startswith("/*", i):
            j = code.find("*/", i + 2)
            if j < 0:
                return None
            i = j + 2
            continue
        elif c in "\"'`":
            q = c * 3 if py and code.startswith(c * 3, i) else c
            j = i + len(q)
            while True:
                k = code.find(q, j)
                if k < 0 or (len(q) == 1 and c != "`" and "\n" in code[j:k]):
                    return None
                if code[k - 1] == "\\" and (k - j - len(code[j:k].rstrip("\\"))) % 2:
                    j = k + 1
                    continue
                break
            i = k + len(q)
            continue
        i += 1
    return stack


def _closing_for(typed: str, insert_text: str, language: str) -> str | None:
    """What finishes a partial completion that stops where the user goes on typing, or None.

    `typed` is the cursor line up to the cursor. A completion that opens a block
    or bracket at its very end (`if x:`, `} else {`, `step('a', async () => {`,
    `items = [`) or stops after an operator (`a &&`, `x =`, `var a = f(b),`) is partial:
    the check closes it (`pass`, `}`, `})`, `]`, a placeholder operand) before
    parsing. One that ends with a run of the same opener (`= (((`) or leaves a
    bracket open in its middle is not partial, it is broken.
    """
    stack = _open_brackets(insert_text, language)
    if stack is None:
        return None
    last = (typed + insert_text).rsplit("\n", 1)[-1]
    code = strip_comment(last, language).rstrip()
    indent = last[: len(last) - len(last.lstrip(" \t"))]
    py = language == "python"
    if ((_PY_TRAILING_OP if py else _JS_TRAILING_OP).search(code) and not (stack and code.endswith(","))) \
            or (py and stack and code.endswith(":")):
        out = " _"
    elif stack:
        tail = code[len(code.rstrip("([{ \t")):].replace(" ", "").replace("\t", "")
        if not tail or len(tail) > 2 or (len(tail) == 2 and tail[0] == tail[1]) or len(tail) > len(stack):
            return None
        out = ""
    elif py:
        return "\n" + indent + "    pass" if code.endswith(":") else None
    else:
        return " {}" if _JS_BARE_HEADER.match(code) else None
    out += "".join(_CLOSER[b] for b in reversed(stack))
    if py:
        if _PY_COMPOUND.match(code + out):
            out += ":\n" + indent + "    pass"
    elif _JS_BARE_HEADER.match(code + out):
        out += " {}"
    return out


def _error_nodes(root, end: int) -> list:
    """The ERROR and MISSING nodes, without MISSING ones at `end` (the window's cut)."""
    if not root.has_error:
        return []
    found: list = []
    stack = [root]
    while stack:
        n = stack.pop()
        if n.is_missing:
            if n.start_byte < end:
                found.append(n)
            continue
        if n.is_error:
            found.append(n)
        for child in n.children:
            if child.has_error or child.is_missing:
                stack.append(child)
    return found


def _error_rows(root, end: int) -> list[int]:
    return [n.start_point[0] for n in _error_nodes(root, end)]


def _error_starts(root, end: int) -> list[int]:
    return [n.start_byte for n in _error_nodes(root, end)]


def _point(data: bytes, i: int) -> tuple[int, int]:
    return data.count(b"\n", 0, i), i - (data.rfind(b"\n", 0, i) + 1)


def _replace(parser, tree, data: bytes, at: int, old_len: int, new: bytes):
    """Reparse `data` with its bytes [at, at + old_len) replaced by `new`, incrementally from `tree` (edited in place)."""
    out = data[:at] + new + data[at + old_len:]
    p = _point(data, at)
    old_end = _point(data, at + old_len)
    nl = new.count(b"\n")
    end = (p[0] + nl, len(new) - new.rfind(b"\n") - 1) if nl else (p[0], p[1] + len(new))
    tree.edit(start_byte=at, old_end_byte=at + old_len, new_end_byte=at + len(new),
              start_point=p, old_end_point=old_end, new_end_point=end)
    return out, parser.parse(out, tree)


def _completion_window(text: str, ls: int, le: int, off: int, insert_text: str, language: str,
                       start: int | None = None) -> tuple[tuple[str, str, str, str], int]:
    """((head, old, new, tail), start): the parsed window is head + old + tail without the completion,
    head + new + tail with it; head ends with text[start:ls] or text[start:off] (after a line put before it).

    When the rest of the cursor line is blank, `old` is not what is typed on the
    cursor line (an unfinished line is no reason to forgive a completion that
    does not finish it) but nothing, or `pass` where Python needs a statement (the
    first line of a block): what a correct completion parses like. `start`
    overrides where the window starts (`_window_start`).
    """
    cur = text[ls:le]
    indent = _indent(cur) if cur.strip() else off - ls
    synth = ""
    if start is None:
        start, synth = _window_start(text, ls, off, indent, language)
    if not synth and language != "python":
        synth = _class_head(text, start, language)
    first = _indent(synth) if synth else _indent(_line_at(text, start))
    stop = _window_stop(text, le, min(first, indent), language, off, insert_text)
    typed = text[ls:off]
    if text[off:le].strip():
        return (synth + text[start:off], "", insert_text, text[off:stop]), start
    old = ""
    if language == "python" and not insert_text.lstrip().startswith("#"):
        prev = _prev_code(text, ls)
        if prev is not None and strip_comment(prev, language).endswith(":") and _prose_at(text, ls, language) < 0:
            old = typed[: _indent(typed)] + "pass"
    if typed.strip():
        return (synth + text[start:ls], old, typed + insert_text, text[off:stop]), start
    return (synth + text[start:off], old[len(typed):] if old else "", insert_text, text[off:stop]), start


# TypeScript 4.7's variance annotations (`interface Box<out T>`), which tree-sitter-typescript
# 0.23 reads as errors; nothing else puts `in` or `out` then a name right after `<` or `,`.
_TS_VARIANCE = re.compile(r"(?<=[<,])(\s*)((?:in\s+)?out|in)(?=\s+[A-Za-z_$])")


def _without_variance(window: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    """The window with variance annotations blanked out (same length, so offsets hold), when
    that changes the same text on both sides of the completion alike."""
    head, old, new, tail = window
    if not _TS_VARIANCE.search(head + new + tail):
        return window
    blank = lambda m: m.group(1) + " " * len(m.group(2))  # noqa: E731
    base = _TS_VARIANCE.sub(blank, head + old + tail)
    after = _TS_VARIANCE.sub(blank, head + new + tail)
    h, t = len(head), len(tail)
    if base[:h] != after[:h] or base[len(base) - t:] != after[len(after) - t:]:
        return window
    return base[:h], base[h:len(base) - t], after[h:len(after) - t], base[len(base) - t:]


def _new_errors(parser, window: tuple[str, str, str, str], closing: str | None,
                language: str | None = None) -> tuple[list[int], list[int]] | None:
    """(error rows with the completion, error rows without) when the completion adds errors, else None.

    The window is parsed without the completion and then, incrementally, with it.
    MISSING nodes at the window's cut do not count (a block opened here may close
    further down); a partial completion is also tried finished (`closing`). A
    bracket opened above the cursor and closed below the window's cut (a long
    literal, a call's arguments) is closed at the cut, in each version, as the
    rest of the file would.
    """
    if language in ("typescript", "tsx"):
        window = _without_variance(window)
    head, old, new, tail = window
    enc = "utf-8"
    head_b = head.encode(enc, "surrogatepass")
    old_b = old.encode(enc)
    base_b = head_b + old_b + tail.encode(enc, "surrogatepass")
    new_b = new.encode(enc, "surrogatepass")
    tree = parser.parse(base_b)
    old_rows = _error_rows(tree.root_node, len(base_b.rstrip()))
    after_b, new_tree = _replace(parser, tree, base_b, len(head_b), len(old_b), new_b)
    new_rows = _error_rows(new_tree.root_node, len(after_b.rstrip()))
    # An error that starts inside the completion counts even when the completion also
    # mends errors elsewhere (`if x:)` typed above an orphan `else:`): a count that does
    # not go up would hide it. Not when the completion goes on inside a bracket opened
    # above that already fails to parse at the cursor (a call's arguments, cut by the
    # window): errors there move about as text is added.
    lo = len(head_b) + len(new_b) - len(new_b.lstrip())
    hi = len(head_b) + len(new_b.rstrip())
    # Among a class's members (`_class_head`) the class's `{` is no bracket whose errors move.
    class_body = ["{"] if _JS_CLASS_HEAD.match(head.split("\n", 1)[0]) and language != "python" else None

    def own(root, end: int, extra: int = 0) -> bool:
        if not any(lo < b <= hi + extra for b in _error_starts(root, end)):
            return False
        first = head.count("\n")
        moving = any(first - 1 <= r <= first + old.count("\n") for r in old_rows) and (
            language is None or _open_brackets(head, language) not in ([], class_body))
        return not moving

    if len(new_rows) <= len(old_rows) and not own(new_tree.root_node, len(after_b.rstrip())):
        return None
    if closing is not None:
        closing_b = closing.encode(enc)
        closed_b, closed_tree = _replace(parser, new_tree, after_b, len(head_b) + len(new_b), 0, closing_b)
        closed_rows = _error_rows(closed_tree.root_node, len(closed_b.rstrip()))
        if len(closed_rows) <= len(old_rows) and not own(closed_tree.root_node, len(closed_b.rstrip()), len(closing_b)):
            return None
    if language is not None and _open_brackets(head, language) != class_body \
            and _closed_at_cut_adds_nothing(parser, head, head + old + tail, head + new + tail, language):
        return None
    return new_rows, old_rows


def _closed_at_cut_adds_nothing(parser, head: str, base: str, after: str, language: str) -> bool:
    """Whether closing, at the window's cut, the brackets still open there adds no error
    the text without the completion does not have. Only brackets opened above the
    cursor count: one the completion leaves open is its own fault."""
    above = _open_brackets(head, language)
    left = _open_brackets(after, language)
    if not above or not left or left != above[: len(left)]:
        return False

    def closed_errors(code: str) -> int | None:
        stack = _open_brackets(code, language)
        if not stack:
            return None
        data = (code.rstrip() + "\n" + "".join(_CLOSER[b] for b in reversed(stack)) + "\n").encode("utf-8", "surrogatepass")
        return len(_error_rows(parser.parse(data).root_node, len(data.rstrip())))

    after_errors = closed_errors(after)
    if after_errors is None:
        return False
    base_errors = closed_errors(base)
    if base_errors is None:
        base_stack = _open_brackets(base, language)
        if base_stack != []:
            return False
        data = base.encode("utf-8", "surrogatepass")
        base_errors = len(_error_rows(parser.parse(data).root_node, len(data.rstrip())))
    return after_errors <= base_errors


def _syntax_error_row(text: str, ls: int, le: int, off: int, insert_text: str, language: str) -> int | None:
    """Row of the first new parse error the insertion adds (relative to the cursor row), or None.

    When the text above the cursor already fails to parse (the document is
    mid-edit there), the window is tried again from the first statement after
    the last such error, if there is one before the cursor.
    """
    parser = parsing._parser(language)
    if parser is None:
        return None
    window, start = _completion_window(text, ls, le, off, insert_text, language)
    closing = _closing_for(text[ls:off], insert_text, language)
    found = _new_errors(parser, window, closing, language)
    if found is None:
        return None
    new_rows, old_rows = found
    head = window[0]
    row = head.count("\n")  # the cursor row (head ends on the cursor line or just before it)
    early = [r for r in old_rows if r < row]
    if early:
        # the text of the window's last line that fails to parse before the cursor row
        skip = max(early) - (row - text.count("\n", start, ls))
        pos = start
        for _ in range(skip + 1):  # none when the failing line is the one put before the window
            pos = text.find("\n", pos, ls) + 1
            if pos == 0:
                pos = ls
                break
        for p, line in _lines(text, pos, ls + 1):
            if p < ls and not _good_start(text, p, language):
                continue
            if p == ls and (_continues(text, p, language) or _is_clause(line, language)):
                break
            if _new_errors(parser, _completion_window(text, ls, le, off, insert_text, language, p)[0], closing,
                           language) is None:
                return None
            break
    near = [r for r in new_rows if r >= row] or new_rows
    return min(near) - row


def _next_lines(text: str, pos: int, count: int, strip: bool = True) -> list[str]:
    """The next `count` non-blank lines starting at offset `pos`, stripped unless `strip` is False."""
    out: list[str] = []
    n = len(text)
    while pos < n and len(out) < count:
        e = text.find("\n", pos)
        e = n if e < 0 else e
        s = text[pos:e]
        if s.strip():
            out.append(s.strip() if strip else s)
        pos = e + 1
    return out


def _unindented_block(typed: str, insert_text: str) -> int | None:
    """Row (in the completion) of a Python block header whose next line is not indented
    deeper, or None. tree-sitter takes `if x:` followed by a less indented line without an
    error; Python does not."""
    lines = (typed + insert_text).split("\n")
    depth, quote = 0, None
    header = 0  # indentation of the line the current statement began on (a header may span lines)
    for row, line in enumerate(lines[:-1]):
        if not depth and quote is None:
            header = _indent(line)
        depth, quote = scan_line(line, depth, quote, True)
        if depth or quote is not None or not strip_comment(line, "python").rstrip().endswith(":"):
            continue
        following = next((later for later in lines[row + 1:] if later.strip()), None)
        if following is None:
            return None
        if _indent(following) <= header and not following.lstrip().startswith("#"):
            return row
    return None


_PROSE_NODES = frozenset({"string", "comment", "template_string", "string_content"})


def _prose_stays_prose(text: str, line: int, off: int, typed: str, insert_text: str, language: str) -> bool:
    """The cursor's line lies strictly inside a multi-line string or comment of the parsed
    document (a docstring, a block comment), and neither the text before the cursor on that
    line nor the completion holds a delimiter that could end it."""
    delimiters = ('"""', "'''", "\\") if language == "python" else ("*/", "`", "\\")
    if any(d in typed or d in insert_text for d in delimiters):
        return False
    tree = parsing.parse(text, language)
    if tree is None:
        return False
    at = len(text[:off].encode("utf-8", "surrogatepass"))
    node = tree.root_node.descendant_for_byte_range(at, at)
    while node is not None and node.type not in _PROSE_NODES:
        node = node.parent
    while node is not None and node.parent is not None and node.parent.type in _PROSE_NODES:
        node = node.parent
    return node is not None and node.start_point[0] < line < node.end_point[0] and not node.has_error


# Lines that real code does not have twice in a row (none of the 198 lines written twice in
# the histories scripts/bench_checks.py measures; 8 of some 4,100 in the standard library and
# site-packages: one-line `def f(): pass` in tests, `x = None`), so that the same line again
# is an echo: an
# import, a definition or declaration, a block's header (the second would be the first's
# body), a jump (the second is unreachable), `pass`. Calls, asserts, `yield`, `x += 1`,
# entries of a literal, comments and closers are written twice (`expect(x).toBe(1);`,
# `mock.assert_called()`, `self.stack.pop()`), and so are decorators (`@overload`): the
# parse check judges those.
_NEVER_TWICE = re.compile(
    r"^(?:import\b|from\s+\S+\s+import\b|export\b|(?:async\s+)?(?:def|class|function\*?)\b"
    r"|(?:const|let|var|interface|type|enum)\s|(?:return|raise|throw|break|continue|pass)\b)")
_ASSIGNED = re.compile(r"^([A-Za-z_$][\w$.]*)\s*(?::[^=]*)?=(?!=)(.*)$")


def _never_twice(line: str) -> bool:
    """Whether `line` (stripped) is one nobody writes twice in a row (`_NEVER_TWICE`), or an
    assignment that does not read what it assigns (`x = 1`, not `x = f(x)`)."""
    code = line.rstrip(";").rstrip()
    if _NEVER_TWICE.match(code) or code.endswith((":", "{")):
        return True
    m = _ASSIGNED.match(code)
    return m is not None and not re.search(rf"(?<![\w$.]){re.escape(m.group(1))}(?![\w$])", m.group(2))


def _line_above(text: str, ls: int) -> str | None:
    """The nearest non-blank line above the line starting at `ls`, stripped (None: none)."""
    prev_end = ls - 1
    prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1 if prev_end > 0 else 0
    while prev_end > 0 and not text[prev_start:prev_end].strip():
        prev_end = prev_start - 1
        prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1 if prev_end > 0 else 0
    return text[prev_start:prev_end].strip() if prev_end > 0 else None


def check_completion(text: str, line: int, character: int, insert_text: str, language: str | None) -> CheckResult:
    """A completion is non-empty, not just the text already after the cursor, and parses.

    Repeats: with text after the cursor on its line, a completion that re-types
    it (or its start) is a repeat; at the end of a line, a completion whose
    first line is the next non-blank line (or whose lines are the next lines)
    is one. On an empty line, echoing the line above is one too.

    The parse check parses a window around the cursor (from the enclosing block's
    header or top-level line, a few thousand characters at most, never starting
    or ending inside a docstring or block comment) with and without the
    completion and fails when inserting it adds ERROR/MISSING nodes (the
    document is usually mid-edit and already broken elsewhere: only new errors
    count). A completion that opens a block or bracket at its very end is
    judged as if closed (its body is what comes next).
    """
    if insert_text is None or not insert_text.strip():
        return _fail("completion is empty")
    ls = line_start(text, max(0, line))
    le = text.find("\n", ls)
    if le < 0:
        le = len(text)
    cur = text[ls:le]
    col = max(0, min(character, len(cur)))
    off = ls + col
    ins = insert_text.strip()
    if cur[col:].strip():
        following = text[off: off + len(insert_text) * 2 + 200]
        if following.lstrip().startswith(ins) or _norm_ws(following).startswith(_norm_ws(ins)):
            return _fail("completion repeats the text after the cursor")
    else:
        ins_lines = [s.strip() for s in ins.split("\n") if s.strip()]
        nxt = _next_lines(text, le + 1, len(ins_lines))
        # the same words at another indentation close another block (`fi` above `fi`)
        landing = next(ln for ln in (cur[:col] + insert_text).split("\n") if ln.strip())
        same_place = bool(nxt) and _indent(landing) == _indent(_next_lines(text, le + 1, 1, strip=False)[0])
        # one more of a run of the same line (`expect(x).toBe(1);` above and below) is no echo
        in_run = len(ins_lines) == 1 and _line_above(text, ls) == ins and not _never_twice(ins)
        if nxt and not in_run and (
                (ins_lines[0] == nxt[0] and same_place and (len(ins_lines) == 1 or any(c.isalnum() for c in nxt[0])))
                or (len(ins_lines) > 1 and ins_lines == nxt)):
            return _fail("completion repeats the next line" if len(ins_lines) == 1
                         else "completion repeats the lines after the cursor")
    if not cur[:col].strip() and "\n" not in ins and len(ins) > 3 and _line_above(text, ls) == ins and _never_twice(ins):
        # on an empty line: echoing the line above is a classic failure, when that line is
        # one nobody writes twice in a row (`_never_twice`)
        return _fail("completion repeats the line above")

    if language not in parsing.LANGUAGES:
        return _ok()
    if _prose_stays_prose(text, line, off, cur[:col], insert_text, language):
        # Inside a docstring or block comment, text that does not close it cannot break the
        # code (a window parse of a module docstring would read its prose as code).
        return _ok()
    if language == "python" and not inside_prose(text, ls, language):
        row = _unindented_block(text[ls:off], insert_text)
        if row is not None:
            return _fail(f"the block opened on line {line + 1 + row} is not indented")
    row = _syntax_error_row(text, ls, le, off, insert_text, language)
    if row is not None:
        return _fail(f"inserting the completion adds a syntax error (line {line + 1 + row})")
    return _ok()


# --------------------------------------------------------------------------
# Rename
# --------------------------------------------------------------------------

_JS_RESERVED = frozenset("""
break case catch class const continue debugger default delete do else enum export extends false
finally for function if import in instanceof new null return super switch this throw true try
typeof var void while with yield let static implements interface package private protected public
await
""".split())
_JS_IDENT = re.compile(r"^[A-Za-z_$][\w$]*$")
_WORD_IDENT = re.compile(r"^[^\W\d][\w$]*$")


def _valid_identifier(name: str, language: str | None) -> bool:
    if language == "python":
        return name.isidentifier() and not keyword.iskeyword(name)
    if language in ("javascript", "typescript", "tsx"):
        return bool(_JS_IDENT.match(name)) and name not in _JS_RESERVED
    return bool(_WORD_IDENT.match(name))


def rename_occurrences(text: str, name: str, position: tuple[int, int], language: str | None) -> list[tuple[int, int, int, int]]:
    """Scope-aware occurrences of the symbol `name` at `position`, as (sl, sc, el, ec) ranges.

    Identifier tokens only (never strings or comments): a local's uses in its
    function (not a same-named local of another function), a module-level
    name's uses that resolve to the module, an attribute's accesses/methods
    in the file. Without a grammar: every whole-word occurrence of `name`
    (no scopes, nothing skipped). Empty when there is no such symbol at
    `position`.
    """
    if not name:
        return []
    if language in parsing.LANGUAGES:
        symbol = parsing.find_symbol(text, tuple(position), language, name)
        return list(symbol.occurrences) if symbol is not None else []
    doc = parsing.doc_for(text)
    out = []
    for off in parsing.word_occurrences(text, name):
        line, char = doc.pos_of_offset(off)
        out.append((line, char, line, char + len(name)))
    return out


def _apply_edits(text: str, edits: list[tuple[int, int, int, int]], new: str) -> str:
    doc = parsing.doc_for(text)
    spans = sorted(((doc.offset(sl, sc), doc.offset(el, ec)) for sl, sc, el, ec in edits), reverse=True)
    out = text
    for a, b in spans:
        out = out[:a] + new + out[b:]
    return out


def _clash(text: str, language: str, old_name: str, new_name: str, position) -> str | None:
    """Why `new_name` would clash in the symbol's scope, or None."""
    symbol = parsing.find_symbol(text, tuple(position), language, old_name)
    if symbol is None:
        return None
    tree, hits, scopes = parsing.name_analysis(text, language, new_name)
    if not hits:
        return None
    if symbol.kind == "attribute":
        if any(scopes.info[h.id][0] == "attr" for h in hits):
            return f"'{new_name}' is already an attribute in this file"
        return None
    root_id = tree.root_node.id
    for h in hits:
        role = scopes.info[h.id][0]
        if role in ("attr", "kwarg", "skip", "type"):
            continue
        if symbol.kind == "local":
            if symbol.scope_start <= h.start_byte < symbol.scope_end:
                return f"'{new_name}' is already used in that scope"
        else:
            resolved = scopes.resolve(h)
            if resolved is not None and resolved.id == root_id:
                return f"'{new_name}' is already a module-level name"
    return None


def check_rename(
    text: str,
    old_name: str,
    new_name: str,
    edits: list[tuple[int, int, int, int]],
    language: str | None,
    position: tuple[int, int],
) -> CheckResult:
    """The edits replace exactly the symbol's identifier occurrences, and the result parses.

    With a grammar the expected set is `rename_occurrences()` (scope-aware) and
    the edits must equal it; the new name must be a valid identifier that does
    not clash in that scope. Without a grammar: every edit must cover `old_name`
    as a whole word and the occurrence at `position` must be among them.
    """
    if not new_name or not _valid_identifier(new_name, language):
        return _fail(f"'{new_name}' is not a valid identifier")
    if new_name == old_name:
        return _fail("the new name is the same as the old name")
    if not edits:
        return _fail("the rename changes nothing")
    doc = parsing.doc_for(text)
    norm: set[tuple[int, int, int, int]] = set()
    for e in edits:
        sl, sc, el, ec = (int(x) for x in e)
        if (sl, sc, el, ec) in norm:
            return _fail(f"duplicate edit at {_at(sl, sc)}")
        if not (0 <= sl < doc.line_count) or sl != el or ec > len(doc.lines[sl]) or sc < 0:
            return _fail(f"edit at {_at(sl, sc)} does not cover '{old_name}'")
        if doc.lines[sl][sc:ec] != old_name:
            return _fail(f"edit at {_at(sl, sc)} does not cover '{old_name}'")
        norm.add((sl, sc, el, ec))
    ordered = sorted(norm)
    for (a, b) in zip(ordered, ordered[1:]):
        if a[0] == b[0] and b[1] < a[3]:
            return _fail(f"overlapping edits at {_at(b[0], b[1])}")

    expected = set(rename_occurrences(text, old_name, position, language))
    if not expected:
        return _fail(f"no symbol '{old_name}' at {_at(*position)}")
    if language in parsing.LANGUAGES:
        extra = sorted(norm - expected)
        if extra:
            return _fail(f"edit at {_at(extra[0][0], extra[0][1])} is not an occurrence of this '{old_name}'")
        missing = sorted(expected - norm)
        if missing:
            n = len(missing)
            return _fail(f"rename misses {n} occurrence{'s' if n != 1 else ''} (first at {_at(missing[0][0], missing[0][1])})")
        clash = _clash(text, language, old_name, new_name, position)
        if clash:
            return _fail(clash)
        old_tree = parsing.parse(text, language)
        new_tree = parsing.parse(_apply_edits(text, ordered, new_name), language)
        if old_tree is not None and new_tree is not None:
            if parsing.count_errors(new_tree.root_node) > parsing.count_errors(old_tree.root_node):
                return _fail("the renamed code does not parse")
        return _ok()
    # no grammar: language-independent checks only
    extra = sorted(norm - expected)
    if extra:
        return _fail(f"edit at {_at(extra[0][0], extra[0][1])} is inside a longer word")
    line, char = position
    if not any(sl == line and sc <= char <= ec for sl, sc, _el, ec in norm):
        return _fail(f"the rename does not include the symbol at {_at(line, char)}")
    return _ok()


# --------------------------------------------------------------------------
# Refactor
# --------------------------------------------------------------------------


def _nonblank(lines: list[str]) -> list[str]:
    return [ln.strip() for ln in lines if ln.strip()]


def _enclosing_scope_type(node) -> str | None:
    p = node
    while p is not None:
        if p.type in ("class_definition", "function_definition", "lambda", "module"):
            return p.type
        p = p.parent
    return None


def _definitions(tree, text: str, a: int, b: int, language: str) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """(bound names, attribute/method names, {function name: parameter names}) defined in [a, b)."""
    names: set[str] = set()
    attrs: set[str] = set()
    params: dict[str, set[str]] = {}
    for n, role in parsing.identifier_roles(tree.root_node, language, a, b):
        if not (a <= n.start_byte and n.end_byte <= b):
            continue
        name = n.text.decode("utf-8", "surrogatepass")
        p = n.parent
        if role in parsing.BINDING_ROLES:
            names.add(name)
            if role == "param":
                fn = _owner_function(n)
                fname = fn.child_by_field_name("name") if fn is not None else None
                if fname is not None:
                    for callee in _callee_names(fn, fname.text.decode("utf-8", "surrogatepass")):
                        params.setdefault(callee, set()).add(name)
            if language == "python" and role in ("defname", "bind"):
                # methods and class attributes are attributes of the class
                start = p.parent if role == "defname" else p
                if _enclosing_scope_type(start) == "class_definition":
                    attrs.add(name)
        elif role == "attr" and p is not None:
            if p.type in ("method_definition", "field_definition", "public_field_definition"):
                attrs.add(name)
            elif p.type in ("attribute", "member_expression"):
                # `self.x = ...` / `this.x = ...` defines an attribute
                gp = p.parent
                if gp is not None and gp.type in ("assignment", "assignment_expression", "augmented_assignment"):
                    left = gp.child_by_field_name("left")
                    if left is not None and left.id == p.id:
                        attrs.add(name)
    return names, attrs, params


def _callee_names(fn, name: str) -> list[str]:
    """Names callers use for a function: its own, and the class name for a constructor."""
    names = [name]
    if name in ("__init__", "constructor"):
        p = fn.parent
        while p is not None and p.type not in ("class_definition", "class_declaration", "class"):
            p = p.parent
        if p is not None:
            cname = p.child_by_field_name("name")
            if cname is not None:
                names.append(cname.text.decode("utf-8", "surrogatepass"))
    return names


def _owner_function(n):
    p = n.parent
    while p is not None:
        if p.type in ("function_definition", "lambda", "function_declaration", "function_expression",
                      "function", "method_definition", "arrow_function", "generator_function_declaration",
                      "generator_function"):
            return p
        if p.type in ("parameters", "lambda_parameters", "formal_parameters") or p.type.endswith("parameter") \
                or p.type.endswith("_pattern") or p.type in ("identifier",):
            p = p.parent
            continue
        return None
    return None


def _used_outside(text: str, language: str, name: str, a: int, b: int) -> bool:
    """Whether code outside [a, b) refers to a `name` bound inside [a, b)."""
    tree, hits, scopes = parsing.name_analysis(text, language, name)
    if scopes is None:
        return False
    inside_scopes = set()
    for h in hits:
        role, scope, _chain = scopes.info[h.id]
        if a <= h.start_byte < b and role in parsing.BINDING_ROLES:
            resolved = scopes.resolve(h)
            if resolved is not None:
                inside_scopes.add(resolved.id)
    if not inside_scopes:
        return False
    for h in hits:
        if a <= h.start_byte < b:
            continue
        role = scopes.info[h.id][0]
        if role in ("attr", "kwarg", "skip", "type"):
            continue
        resolved = scopes.resolve(h)
        if resolved is not None and resolved.id in inside_scopes:
            return True
    return False


def _attr_used_outside(text: str, language: str, name: str, a: int, b: int) -> bool:
    tree, hits, scopes = parsing.name_analysis(text, language, name)
    if scopes is None:
        return False
    return any(not (a <= h.start_byte < b) and scopes.info[h.id][0] == "attr" for h in hits)


def _kwarg_used_outside(text: str, language: str, func: str, param: str, a: int, b: int) -> bool:
    if language != "python":
        return False
    tree, hits, scopes = parsing.name_analysis(text, language, param)
    for h in hits:
        if a <= h.start_byte < b or scopes.info[h.id][0] != "kwarg":
            continue
        call = h.parent.parent.parent if h.parent is not None and h.parent.parent is not None else None
        if call is not None and call.type == "call":
            fn = call.child_by_field_name("function")
            if fn is not None:
                called = fn.child_by_field_name("attribute") if fn.type == "attribute" else fn
                if called is not None and called.text.decode("utf-8", "surrogatepass") == func:
                    return True
    return False


def check_refactor(text: str, start: tuple[int, int], end: tuple[int, int], new_text: str, language: str | None) -> CheckResult:
    """The replacement for the selection [start, end) is real, local, parses and keeps names used outside.

    * not empty and not the selection unchanged (ignoring trailing whitespace);
    * stays inside the selection: it does not begin with the line just before
      the selection or end with the line just after it (echoed context);
    * the document with the selection replaced parses with no more errors than before;
    * names defined in the selection (functions, classes, variables, methods
      and attributes, parameters passed by keyword) that code outside the
      selection uses are still defined in the new text.
    """
    if new_text is None or not new_text.strip():
        return _fail("the refactor returned no code")
    doc = parsing.doc_for(text)
    (sl, sc), (el, ec) = doc.clamp(*start), doc.clamp(*end)
    if (el, ec) < (sl, sc):
        (sl, sc), (el, ec) = (el, ec), (sl, sc)
    a, b = doc.offset(sl, sc), doc.offset(el, ec)
    old = text[a:b]
    old_lines = _nonblank(old.split("\n"))
    new_lines = _nonblank(new_text.split("\n"))
    if [ln.rstrip() for ln in old.strip("\n").split("\n")] == [ln.rstrip() for ln in new_text.strip("\n").split("\n")]:
        return _fail("the refactor returned the selection unchanged")
    before = _nonblank(doc.lines[max(0, sl - 40): sl] + ([doc.lines[sl][:sc]] if sc else []))
    after = _nonblank(([doc.lines[el][ec:]] if ec < len(doc.lines[el]) else []) + doc.lines[el + 1: el + 41])
    if before and new_lines and len(before[-1]) > 3 and new_lines[0] == before[-1] \
            and (not old_lines or old_lines[0] != before[-1]):
        return _fail("the answer repeats code from before the selection")
    if after and new_lines and len(after[0]) > 3 and new_lines[-1] == after[0] \
            and (not old_lines or old_lines[-1] != after[0]):
        return _fail("the answer repeats code from after the selection")
    if len(new_lines) > 3 * len(old_lines) + 40 and len(before) + len(after) > 20:
        context = set(before) | set(after)
        if sum(1 for ln in new_lines if ln in context and len(ln) > 12) > 10:
            return _fail("the answer rewrites code outside the selection")

    if language not in parsing.LANGUAGES:
        return _ok()
    new_doc_text = text[:a] + new_text + text[b:]
    old_tree = parsing.parse(text, language)
    new_tree = parsing.parse(new_doc_text, language)
    if old_tree is None or new_tree is None:
        return _ok()
    old_errors = parsing.count_errors(old_tree.root_node)
    new_errors = parsing.count_errors(new_tree.root_node)
    if new_errors > old_errors:
        rows = parsing.error_lines(new_tree.root_node)
        row = min((r for r in rows if r >= sl), default=rows[0] if rows else sl)
        return _fail(f"the refactored code does not parse (line {row + 1})")

    ab, bb = doc.byte(sl, sc), doc.byte(el, ec)
    names, attrs, params = _definitions(old_tree, text, ab, bb, language)
    nb_end = ab + len(new_text.encode("utf-8", "surrogatepass"))
    new_names, new_attrs, new_params = _definitions(new_tree, new_doc_text, ab, nb_end, language)
    for name in sorted(names):
        if name in new_names or name in new_attrs:
            continue
        if _used_outside(text, language, name, ab, bb):
            return _fail(f"the refactor drops '{name}', which code outside the selection uses")
    for name in sorted(attrs):
        if name in new_attrs or name in new_names:
            continue
        if _attr_used_outside(text, language, name, ab, bb):
            return _fail(f"the refactor drops '{name}', which code outside the selection uses")
    for func, ps in sorted(params.items()):
        for p in sorted(ps):
            if p in new_params.get(func, set()):
                continue
            if _kwarg_used_outside(text, language, func, p, ab, bb):
                return _fail(f"the refactor drops parameter '{p}' of {func}(), which callers pass by name")
    return _ok()


# --------------------------------------------------------------------------
# Explain
# --------------------------------------------------------------------------

_CUT_FINISH = frozenset({"length", "max_tokens", "max_output_tokens", "model_length", "token_limit"})
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CONTINUATION = frozenset("""
a an the and or but of to in on at with for from by as that which who whose is are was were be
because so if when while than then into onto its their this these those such
""".split())
_LIST_OR_BLOCK = re.compile(r"^(?:[-*+]\s|\d+[.)]\s|#|\||>)")


def check_explain(markdown: str, finish_reason: str | None) -> CheckResult:
    """An explanation is non-empty and not cut off.

    Cut off: finish_reason "length"/"max_tokens" (and the providers' synonyms),
    an unclosed ``` fence at the end, or a last prose line that stops
    mid-sentence (ends with a comma, an opening bracket, a dash or a word such
    as "the"/"and"/"of").
    """
    if markdown is None or not markdown.strip():
        return _fail("the explanation is empty")
    if finish_reason and finish_reason.strip().lower() in _CUT_FINISH:
        return _fail(f"the explanation was cut off (finish_reason {finish_reason})")
    lines = markdown.rstrip().split("\n")
    open_fence = None
    for ln in lines:
        m = _FENCE.match(ln)
        if m is None:
            continue
        marker = m.group(1)
        if open_fence is None:
            open_fence = marker
        elif marker[0] == open_fence[0] and len(marker) >= len(open_fence) and not ln.strip()[len(marker):].strip():
            open_fence = None
    if open_fence is not None:
        return _fail(f"the explanation ends inside an unclosed {open_fence[:3]} block")
    last = lines[-1].strip()
    if _LIST_OR_BLOCK.match(last) and not last.endswith((",", "(", "[")):
        return _ok()
    if last.endswith((",", "(", "[", "{", " -", "—", ";")):
        return _fail("the explanation stops mid-sentence")
    words = re.findall(r"[A-Za-z']+", last)
    if words and last[-1].isalpha() and words[-1].lower() in _CONTINUATION:
        return _fail("the explanation stops mid-sentence")
    if len(words) >= 8 and last[-1].isalpha() and last[-1].islower():
        return _fail("the explanation stops mid-sentence")
    return _ok()
