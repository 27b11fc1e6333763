"""Request features for routing, computed from the request itself (no model call, no I/O).

`extract_features()` is on the autocomplete hot path (every keystroke), so for
autocomplete it never parses the whole document:

* the cursor line is located with a few C-level `str.count`/`str.find` calls;
* the cursor kind (mid-line, end of line, empty line, empty block body) comes
  from the surrounding lines' text;
* the enclosing top-level unit (the class or function around the cursor) is
  found by scanning for the nearest lines with zero indentation, at most
  `_UNIT_SCAN` characters each way; its size and its methods are counted with
  C-level searches;
* tree-sitter parses only the few complete lines just above the cursor line
  (branches and parse errors there), never prose inside a docstring, and
  never the half-typed cursor line itself.

On this project's reference machine that keeps extract_features + classify
for autocomplete at roughly 0.15 ms median and under 0.5 ms at p99 on
3,000-line files (see scripts/bench_routing.py).

For rename, explain and refactor (rarer, and the user waits for a model
anyway) the whole document is parsed once per text version (cached in
`parsing.parse`) and walked over the selection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from . import parsing

__all__ = [
    "RequestFeatures", "extract_features", "instruction_kind", "INSTRUCTION_KINDS", "CURSOR_KINDS",
    # text helpers shared with the checks (the layer above)
    "line_start", "strip_comment", "is_opener", "unit_bounds", "inside_prose",
]

CURSOR_KINDS = ("mid_line", "end_of_line", "empty_line", "empty_body")
INSTRUCTION_KINDS = ("docstring", "type_hints", "simplify", "rename", "async", "extract", "restructure", "demanding",
                     "other")


@dataclass(frozen=True)
class RequestFeatures:
    """What the router knows about one request.

    * `selected_lines`: lines in play. Explain/refactor: the selection (or the
      enclosing definition when nothing is selected); rename: lines from the
      first to the last occurrence; autocomplete: 0 (nothing is selected).
    * `context_tokens`: rough token count (characters / 4) of the code a good
      answer has to read. Explain/refactor: the selection; rename: the scope of
      the symbol (its function for a local, the file otherwise); autocomplete:
      the enclosing top-level class or function (capped, see `_UNIT_SCAN`).
    * `nesting_depth`: deepest nesting of blocks (functions, classes, if/for/
      while/try/with/switch; `elif`/`else if` chains stay at one level) in the
      code in play, counted from the selection; for autocomplete the
      indentation level of the cursor's statement.
    * `branches`: decision points (if/elif, loops, except/catch, case,
      conditional expressions) in the code in play; autocomplete: in the few
      lines parsed just above the cursor.
    * `functions`, `classes`: definitions touched. Explain/refactor: those that
      start inside the selection (a selection strictly inside one function
      counts that function); rename: distinct functions/classes containing an
      occurrence; autocomplete: the enclosing class's methods (or 1 for a
      function) and 1 if the cursor is inside a class.
    * `parse_errors`: tree-sitter ERROR/MISSING nodes in the code in play
      (autocomplete: in the few complete lines just above the cursor).
    * `cursor` (autocomplete): "mid_line" (code after the cursor on the line),
      "end_of_line", "empty_line" (a new statement in an existing block) or
      "empty_body" (the first line of a block that has no body yet).
    * `occurrences`, `symbol_scope` (rename): scope-aware identifier
      occurrences and "local" | "module" | "exported" | "attribute".
    * `scope_certain` (rename): the scope analysis alone decides the rename (a local or
      parameter, or a name private to the module with no dynamic access in the file;
      see `parsing.scope_certain`): the static tier, no model.
    * `instruction_chars`, `instruction_kind` (refactor): the instruction's
      length and what it asks for (see `INSTRUCTION_KINDS`).
    """

    task: str
    language: str | None
    selected_lines: int = 0
    context_tokens: int = 0
    nesting_depth: int = 0
    branches: int = 0
    functions: int = 0
    classes: int = 0
    parse_errors: int = 0
    cursor: str | None = None
    occurrences: int | None = None
    symbol_scope: str | None = None
    scope_certain: bool = False
    instruction_chars: int | None = None
    instruction_kind: str | None = None

    def as_dict(self) -> dict:
        """A plain dict (snake_case keys) for JSON and logs."""
        return {f.name: getattr(self, f.name) for f in _FIELDS}

    def meaningful(self) -> dict:
        """`as_dict` without the fields that mean nothing for this task (an autocomplete's
        `selected_lines`, an explanation's `occurrences`, ...)."""
        unused = _UNUSED_BY_TASK.get(self.task, frozenset())
        return {name: value for name, value in self.as_dict().items() if name not in unused}


_FIELDS = fields(RequestFeatures)
_UNUSED_BY_TASK = {
    "autocomplete": frozenset({"selected_lines", "occurrences", "symbol_scope", "scope_certain", "instruction_chars",
                               "instruction_kind"}),
    "rename": frozenset({"cursor", "instruction_chars", "instruction_kind"}),
    "explain": frozenset({"cursor", "occurrences", "symbol_scope", "scope_certain", "instruction_chars",
                          "instruction_kind"}),
    "refactor": frozenset({"cursor", "occurrences", "symbol_scope", "scope_certain"}),
}

def _tokens(chars: int) -> int:
    return (chars + 3) // 4


# --------------------------------------------------------------------------
# Instruction kinds (refactor)
# --------------------------------------------------------------------------

_KIND_PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        # asks that are hard whatever the size of the code (checked first)
        ("demanding", r"\b(lock[- ]?free|wait[- ]?free|thread[- ]?safe(ty)?|race[- ]conditions?|safe under concurren\w*"
                      r"|memory[- ]model|port (this|it|the \w+) to (rust|c|c\+\+|go|java|zig|swift|kotlin|c#|typescript|javascript|python)\b"
                      r"|(rewrite|reimplement) (this|it) in (rust|c|c\+\+|go|zig)\b|c[- ]extension|cython"
                      r"|prove|proof|guarantee[sd]?|invariants?|formally"
                      r"|harden\w*|secur(e|ity)|injection|saniti[sz]\w*|constant[- ]time|timing attacks?"
                      r"|(fast|faster|speed (it |this )?up|optimi[sz]e\w*|scale)\b.*\b(huge|massive|millions?|billions?|gigabytes?|terabytes?)"
                      r"|identical (results|output))"),
        ("async", r"\b(async|await|asyncio|coroutines?|concurren(t|cy)|threads?|threading|non-?blocking)\b"),
        ("docstring", r"\b(docstrings?|jsdoc|tsdoc|doc ?comments?|document(ation)?|add (a )?comments?|comment (it|this|each|every))\b"),
        ("type_hints", r"\b(type (hints?|annotations?)|annotate|typing|typed|add types|types? to)\b"),
        ("rename", r"^\s*(please\s+)?rename\b|\brename (the |this )?(variable|function|method|class|parameter|argument)s?\b|\bbetter names?\b"),
        ("extract", r"\b(extract|split|break (it |this )?(up|into|down)|pull out|factor out|into (smaller |separate )?(helpers?|functions?|methods?))\b"),
        ("restructure", r"\b(restructure|rewrite|re-?architect|redesign|convert|turn (this|it) into|dataclass|switch statement|strategy|state machine|design pattern|migrate|port (this|it) to)\b"),
        ("simplify", r"\b(simplify|simpler|clean ?up|tidy|shorten|readab(le|ility)|idiomatic|modern(ize|ise)?|f-?strings?|comprehensions?|instead of|replace|inline|remove (the )?(dead|unused|duplicate))\b"),
    )
)


def instruction_kind(instruction: str | None) -> str | None:
    """What a refactor instruction asks for: one of `INSTRUCTION_KINDS` (None without one)."""
    if instruction is None:
        return None
    text = instruction.strip()
    if not text:
        return "other"
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return "other"


# --------------------------------------------------------------------------
# Autocomplete: hot path
# --------------------------------------------------------------------------

# At most this many characters are scanned before and after the cursor to find
# the enclosing top-level unit; a larger unit reports only the scanned part
# (autocomplete context_tokens saturates at 2 * _UNIT_SCAN / 4 = 8,000 tokens).
_UNIT_SCAN = 16_000
# The parsed window: up to this many whole lines before the cursor line, at
# most this many characters.
_WINDOW_BEFORE = 3
_WINDOW_BYTES = 240

# A line that starts a new top-level unit: code at column 0 (not a comment,
# not a closing bracket, not a blank line).
_TOP_LINE = re.compile(r"\n(?=[^\s#/*)\]}'\"])")
_PY_OPENER = re.compile(r":\s*(#.*)?$")
_CLASS_HEAD = re.compile(r"(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:@[\w.]+(?:\(.*\))?\s*)?class\s")
_method_patterns: dict[tuple[str, str], re.Pattern] = {}


def line_start(text: str, line: int) -> int:
    """Character offset of the start of `line` (clamped to the last line).

    No line table: one C-level `str.count` over a guessed prefix, refined by a
    secant step, then at most a few dozen `find`/`rfind` calls.
    """
    if line <= 0:
        return 0
    n = len(text)
    pos = min(n, line * 36)
    k = text.count("\n", 0, pos)  # pos is on line k
    for _ in range(3):
        diff = line - k
        if -40 <= diff <= 40 or (diff > 0 and pos >= n) or (diff < 0 and pos <= 0):
            break
        avg = pos / k if k else 36.0
        new = int(pos + diff * avg)
        new = 0 if new < 0 else (n if new > n else new)
        if new > pos:
            k += text.count("\n", pos, new)
        else:
            k -= text.count("\n", new, pos)
        pos = new
    start = text.rfind("\n", 0, pos) + 1
    while k < line:
        nxt = text.find("\n", start)
        if nxt < 0:
            return start  # past the end: the last line
        start = nxt + 1
        k += 1
    while k > line:
        start = text.rfind("\n", 0, start - 1) + 1
        k -= 1
    return start


def _indent_of(s: str) -> int:
    return len(s) - len(s.lstrip(" \t"))


def _prev_code_line(text: str, start: int, limit: int = 40) -> tuple[int, str] | None:
    """The nearest non-blank line ending before offset `start` (its start offset and text)."""
    end = start - 1
    for _ in range(limit):
        if end < 0:
            return None
        s = text.rfind("\n", 0, end) + 1
        line = text[s:end]
        if line.strip():
            return s, line
        end = s - 1
    return None


def _next_code_line(text: str, start: int, limit: int = 40) -> str | None:
    """The nearest non-blank line starting at or after offset `start`."""
    n = len(text)
    for _ in range(limit):
        if start >= n:
            return None
        e = text.find("\n", start)
        if e < 0:
            e = n
        line = text[start:e]
        if line.strip():
            return line
        start = e + 1
    return None


def strip_comment(line: str, language: str | None) -> str:
    if language == "python":
        if "#" in line:
            # good enough: a '#' inside a string on an opener line is rare
            line = line.split("#", 1)[0]
    elif "//" in line:
        line = line.split("//", 1)[0]
    return line.rstrip()


def is_opener(line: str, language: str | None) -> bool:
    code = strip_comment(line, language)
    if language == "python":
        return code.endswith(":")
    if language in ("javascript", "typescript", "tsx"):
        return code.endswith("{")
    return code.endswith(":") or code.endswith("{")


def _cursor_kind(text: str, ls: int, cur: str, col: int, language: str | None) -> str:
    before = cur[:col]
    after = cur[col:]
    if before.strip():
        return "mid_line" if after.strip() else "end_of_line"
    if after.strip():
        return "mid_line"  # at the indentation of a line of code: inserting before it
    prev = _prev_code_line(text, ls)
    if prev is None:
        return "empty_line"
    pstart, pline = prev
    opener_line = None
    if is_opener(pline, language):
        opener_line = pline
    elif language not in ("javascript", "typescript", "tsx"):
        # Python: a header followed only by its docstring is still an empty body
        stripped = pline.strip()
        if stripped.endswith(('"""', "'''")):
            quote = stripped[-3:]
            close_pos = pstart + pline.rfind(quote)
            open_pos = text.rfind(quote, max(0, close_pos - 8000), close_pos)
            if open_pos >= 0:
                open_ls = text.rfind("\n", 0, open_pos) + 1
                if text[open_ls:open_pos].strip() in ("", "r", "u", "R", "U", "b"):
                    p2 = _prev_code_line(text, open_ls)
                    if p2 is not None and is_opener(p2[1], language):
                        opener_line = p2[1]
    if opener_line is None:
        return "empty_line"
    eol = text.find("\n", ls)
    nxt = _next_code_line(text, eol + 1) if eol >= 0 else None
    opener_indent = _indent_of(opener_line)
    if nxt is None:
        return "empty_body"
    if language in ("javascript", "typescript", "tsx") or language is None:
        if nxt.lstrip().startswith(("}", ")", "]")) and _indent_of(nxt) <= opener_indent:
            return "empty_body"
        if language is not None:
            return "empty_line"
    return "empty_body" if _indent_of(nxt) <= opener_indent else "empty_line"


def unit_bounds(text: str, ls: int, le: int) -> tuple[int, int, bool]:
    """Start/end offsets of the top-level unit around the line [ls, le), and whether it was cut."""
    cut = False
    # A line at column 0 that closes a bracket (`)`, `}`, a TypeScript type's `>`) ends the
    # unit above it.
    if ls == 0 or (ls < len(text) and text[ls] not in " \t\n\r#/*)]}>'\""):
        start = ls
    else:
        lo = max(0, ls - _UNIT_SCAN)
        start = None
        step = 2048
        hi = ls
        while hi > lo:
            a = max(lo, hi - step)
            last = None
            for m in _TOP_LINE.finditer(text, a, hi):
                last = m
            if last is not None:
                start = last.end()
                break
            hi = a
            step *= 4
        if start is None:
            start = lo
            cut = lo > 0
    m = _TOP_LINE.search(text, le, min(len(text), le + _UNIT_SCAN))
    if m is None:
        end = min(len(text), le + _UNIT_SCAN)
        cut = cut or end < len(text)
    else:
        end = m.start()
    # a closing `}` at column 0 is not a _TOP_LINE, so it stays in the JS unit it closes
    return start, end, cut


def _unit_shape(text: str, start: int, end: int, language: str | None) -> tuple[int, int]:
    """(functions, classes) of the top-level unit at [start, end)."""
    header_end = text.find("\n", start, end)
    header = text[start:header_end if header_end >= 0 else end]
    h = header.lstrip()
    if language == "python" and h.startswith("@"):
        # decorated: the real header is the first non-decorator line
        s = start
        for _ in range(8):
            e = text.find("\n", s, end)
            if e < 0:
                break
            s = e + 1
            nl = text.find("\n", s, end)
            h = text[s:nl if nl >= 0 else end].lstrip()
            if not h.startswith("@"):
                break
    if _CLASS_HEAD.match(h):
        body = _next_code_line(text, header_end + 1) if header_end >= 0 else None
        member_indent = ""
        if body is not None:
            member_indent = body[: _indent_of(body)]
        if not member_indent:
            member_indent = "    " if language == "python" else "  "
        if language == "python" or language is None:
            lead = "\n" + member_indent
            methods = text.count(lead + "def ", start, end) + text.count(lead + "async def ", start, end)
            return methods, 1
        key = (language or "", member_indent)
        pat = _method_patterns.get(key)
        if pat is None:
            pat = _method_patterns[key] = re.compile(
                re.escape("\n" + member_indent)
                + r"(?:(?:static|async|get|set|public|private|protected|readonly|override)\s+|\*)*"
                + r"#?[A-Za-z_$][\w$]*\s*(?:<[^>\n]*>)?\s*\([^\n]*\)\s*(?::[^\n{]*)?\{"
            )
        methods = len(pat.findall(text, start, end))
        return methods, 1
    if (
        h.startswith(("def ", "async def ", "function ", "async function ", "export function ", "export default function ", "export async function "))
        or re.match(r"(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)", h)
        or re.match(r"[\w$.]+\s*=\s*(?:async\s+)?function\b", h)
    ):
        return 1, 0
    return 0, 0


_CONTINUATION_START = re.compile(r"^\s*(?:[)\]}.,+\-*/%|&^<>=:?]|and\b|or\b|not\b|in\b|if\b.*\belse\b)")


def _window_before(text: str, ls: int, language: str) -> int:
    """Start of the parsed window: a few whole lines before the cursor line.

    The window never includes the cursor line (while typing it is broken by
    definition, and tree-sitter's error recovery is slow and tells us nothing).
    It starts at a line that begins a statement: not inside a docstring or
    block comment, not a continuation line, brackets balanced from there on.
    Returns `ls` when no such start exists.
    """
    starts = []
    a = ls
    for _ in range(_WINDOW_BEFORE):
        if a <= 0:
            break
        prev = text.rfind("\n", 0, a - 1) + 1
        if ls - prev > _WINDOW_BYTES:
            break
        a = prev
        starts.append(a)
    best = ls
    for a in starts:  # nearest first; keep the farthest that is a clean start
        line_end = text.find("\n", a, ls)
        line = text[a:line_end if line_end >= 0 else ls]
        if not line.strip() or _CONTINUATION_START.match(line):
            continue
        segment = text[a:ls]
        if language == "python":
            if segment.count('"""') % 2 or segment.count("'''") % 2:
                continue
        else:
            if segment.count("`") % 2 or segment.count("*/") != segment.count("/*"):
                continue
        balance = 0
        ok = True
        for ch in segment:
            if ch in "([{":
                balance += 1
            elif ch in ")]}":
                balance -= 1
                if balance < 0:
                    ok = False
                    break
        if ok:
            best = a
    return best


_DOCSTRING_LOOKBACK = 6000


def inside_prose(text: str, ls: int, language: str) -> bool:
    """Whether the line starting at `ls` is inside a docstring / block comment (cheap guess).

    Python: look at the nearest triple quote above (at most _DOCSTRING_LOOKBACK
    characters up) and decide from its line whether it opens or closes a string.
    """
    if language != "python":
        open_c = text.rfind("/*", max(0, ls - _DOCSTRING_LOOKBACK), ls)
        return open_c >= 0 and text.find("*/", open_c, ls) < 0
    lo = max(0, ls - _DOCSTRING_LOOKBACK)
    q = max(text.rfind('"""', lo, ls), text.rfind("'''", lo, ls))
    if q < 0:
        return False
    quote = text[q:q + 3]
    qls = text.rfind("\n", 0, q) + 1
    qle = text.find("\n", q)
    line = text[qls:qle if qle >= 0 else len(text)]
    if line.count(quote) % 2 == 0:
        return False  # a one-line string: balanced
    before = line[: q - qls].strip()
    after = line[q - qls + 3:].strip()
    if after:
        return True  # `"""Text` opens a multi-line string
    if before and before not in ("r", "u", "b", "R", "U", "B", "f", "rb", "br") and not before.endswith(("=", "(", ",")):
        return False  # `text."""` closes one
    # a lone quote: it opens the string right after a block header, otherwise it closes one
    if before.endswith(("=", "(", ",")):
        return True
    prev = _prev_code_line(text, qls, 3)
    return prev is None or is_opener(prev[1], language)  # module docstring, or right after a header


def _window_structure(text: str, ls: int, language: str) -> tuple[int, int]:
    """(branches, parse_errors) of the few complete lines just before the cursor line."""
    if inside_prose(text, ls, language):
        return 0, 0
    a = _window_before(text, ls, language)
    if a >= ls:
        return 0, 0
    window = text[a:ls]
    tree = parsing.parse_bytes(window.encode("utf-8", "surrogatepass"), language)
    if tree is None:
        return 0, 0
    root = tree.root_node
    _, _, branch_types, _ = parsing.node_kinds(language)
    branches = 0
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.type in branch_types and child.is_named:
                branches += 1
            if child.child_count:
                stack.append(child)
    errors = parsing.error_lines(root)
    if errors:
        # a block opener as the last line has no body yet inside the window
        last_row = window.count("\n", 0, len(window) - 1)
        last = window.rstrip("\n").rsplit("\n", 1)[-1]
        if is_opener(last, language):
            errors = [r for r in errors if r < last_row]
    return branches, len(errors)


def _autocomplete_features(text: str, language: str | None, line: int, char: int) -> RequestFeatures:
    ls = line_start(text, line)
    le = text.find("\n", ls)
    if le < 0:
        le = len(text)
    cur = text[ls:le]
    if cur.endswith("\r"):
        cur = cur[:-1]
    col = max(0, min(char, len(cur)))
    kind = _cursor_kind(text, ls, cur, col, language)

    # nesting: indentation level of the statement at the cursor
    if cur.strip():
        indent_chars = cur[: _indent_of(cur)]
    else:
        indent_chars = cur[:col]
    width = indent_chars.count("\t") * 4 + indent_chars.count(" ")
    unit = 4 if language == "python" or language is None else 2
    if language not in ("python", None) and width and width % 2:
        unit = 1
    depth = (width + unit - 1) // unit if width else 0

    start, end, _truncated = unit_bounds(text, ls, le)
    functions, classes = _unit_shape(text, start, end, language) if end > start else (0, 0)
    context_tokens = _tokens(end - start)
    if language in ("javascript", "typescript", "tsx") and depth and unit == 2:
        # 4-space JavaScript: infer from the unit's second line
        second = _next_code_line(text, text.find("\n", start) + 1)
        if second is not None and _indent_of(second) == 4:
            depth = (width + 3) // 4

    branches = errors = 0
    if language is not None:
        branches, errors = _window_structure(text, ls, language)
    return RequestFeatures(
        task="autocomplete",
        language=language,
        selected_lines=0,
        context_tokens=context_tokens,
        nesting_depth=depth,
        branches=branches,
        functions=functions,
        classes=classes,
        parse_errors=errors,
        cursor=kind,
    )


# --------------------------------------------------------------------------
# Selections (explain / refactor)
# --------------------------------------------------------------------------


def _enclosing_definition(tree, doc: parsing.Doc, line: int, char: int, language: str):
    """The innermost function/class containing the position, or the top-level statement there."""
    b = doc.byte(line, char)
    root = tree.root_node
    node = root.descendant_for_byte_range(b, b)
    _, class_types, _, _ = parsing.node_kinds(language)
    best = None
    while node is not None and node.id != root.id:
        if parsing.is_function(node, language) or (node.type in class_types and node.is_named):
            if node.type == "arrow_function" and node.parent is not None:
                best = node.parent if node.parent.type != "program" else node
            else:
                best = node
            break
        node = node.parent
    if best is None:
        # the top-level statement at the line
        node = root.descendant_for_byte_range(b, b)
        while node is not None and node.parent is not None and node.parent.id != root.id:
            node = node.parent
        best = node if node is not None and node.id != root.id else None
    if best is not None:
        p = best.parent
        # include decorators / `export` / the statement that assigns the function
        while p is not None and p.id != root.id and p.type in (
            "decorated_definition", "export_statement", "variable_declarator", "lexical_declaration",
            "variable_declaration", "assignment_expression", "expression_statement", "assignment",
        ):
            best, p = p, p.parent
    return best


def _selection_structure(tree, a: int, b: int, language: str) -> tuple[int, int, int, int, int]:
    """(depth, branches, functions, classes, errors) over the byte range [a, b)."""
    _, class_types, branch_types, _ = parsing.node_kinds(language)
    max_depth = branches = functions = classes = errors = 0
    enclosing_function = False
    stack = [(tree.root_node, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.children:
            cs, ce = child.start_byte, child.end_byte
            if ce <= a or cs >= b:
                continue
            d = depth
            if cs >= a:
                t = child.type
                if parsing.adds_nesting(child, language):
                    d = depth + 1
                    if d > max_depth:
                        max_depth = d
                named = child.is_named
                if t in branch_types and named:
                    branches += 1
                if t in class_types and named:
                    classes += 1
                elif parsing.is_function(child, language):
                    functions += 1
                if child.is_error or child.is_missing:
                    errors += 1
            elif parsing.is_function(child, language) and ce >= b:
                enclosing_function = True
            if child.child_count and (child.has_error or child.child_count > 0):
                stack.append((child, d))
    if functions == 0 and classes == 0 and enclosing_function:
        functions = 1
    return max_depth, branches, functions, classes, errors


def _selection_features(task: str, text: str, language: str | None, start, end, instruction) -> RequestFeatures:
    doc = parsing.doc_for(text)
    sl, sc = doc.clamp(*start)
    tree = parsing.parse(text, language) if language else None
    if end is None or tuple(end) == (sl, sc):
        # nothing selected: the enclosing definition (or the line)
        node = _enclosing_definition(tree, doc, sl, sc, language) if tree is not None else None
        if node is not None:
            (sl, sc), (el, ec) = doc.pos_of_point(node.start_point), doc.pos_of_point(node.end_point)
            sc = 0
        else:
            el, ec = sl, len(doc.lines[sl])
            sc = 0
    else:
        el, ec = doc.clamp(*end)
        if (el, ec) < (sl, sc):
            (sl, sc), (el, ec) = (el, ec), (sl, sc)
    lines = el - sl + 1
    if ec == 0 and el > sl:
        lines -= 1
    a_off, b_off = doc.offset(sl, sc), doc.offset(el, ec)
    depth = branches = functions = classes = errors = 0
    if tree is not None:
        depth, branches, functions, classes, errors = _selection_structure(
            tree, doc.byte(sl, sc), doc.byte(el, ec), language
        )
    kind = instruction_kind(instruction) if task == "refactor" else None
    return RequestFeatures(
        task=task,
        language=language,
        selected_lines=lines,
        context_tokens=_tokens(b_off - a_off),
        nesting_depth=depth,
        branches=branches,
        functions=functions,
        classes=classes,
        parse_errors=errors,
        instruction_chars=(len(instruction.strip()) if instruction is not None else None) if task == "refactor" else None,
        instruction_kind=kind,
    )


# --------------------------------------------------------------------------
# Rename
# --------------------------------------------------------------------------

_WORD_AT = re.compile(r"[#\w$]+")


# Files that other modules do not import: their public names are no API.
_NOT_API_NAMES = re.compile(
    r"^(test_.*|.*_test|tests?|conftest|setup|noxfile|fabfile|manage|conf|.*\.config|.*\.(test|spec))\.(py|[cm]?[jt]sx?)$")
_NOT_API_DIRS = frozenset({"tests", "test", "__tests__", "scripts", "bin", "examples", "docs", "tools"})


def not_an_api(path: str | None, text: str) -> bool:
    """A test, a script or a config: a module nothing imports (by its path, or a shebang)."""
    if text.startswith("#!"):
        return True
    if not path:
        return False
    parts = re.split(r"[\\/]", path)
    return bool(_NOT_API_NAMES.match(parts[-1])) or any(part in _NOT_API_DIRS for part in parts[:-1])


def _rename_features(text: str, language: str | None, start, path: str | None = None) -> RequestFeatures:
    doc = parsing.doc_for(text)
    line, char = doc.clamp(*start)
    symbol = parsing.find_symbol(text, (line, char), language) if language else None
    if symbol is not None:
        occ = symbol.occurrences
        first = occ[0][0] if occ else line
        last = occ[-1][2] if occ else line
        tree = parsing.parse(text, language)
        depth = branches = errors = 0
        if tree is not None and symbol.kind == "local":
            depth, branches, _f, _c, errors = _selection_structure(tree, symbol.scope_start, symbol.scope_end, language)
        return RequestFeatures(
            task="rename",
            language=language,
            selected_lines=last - first + 1,
            context_tokens=_tokens(symbol.scope_end - symbol.scope_start),
            nesting_depth=depth,
            branches=branches,
            functions=symbol.functions,
            classes=symbol.classes,
            parse_errors=errors,
            occurrences=len(occ),
            symbol_scope="module" if symbol.kind == "exported" and not_an_api(path, text) else symbol.kind,
            scope_certain=parsing.scope_certain(text, language, symbol),
        )
    if language is not None:
        # a grammar but no identifier at the position (a keyword, a string, whitespace)
        return RequestFeatures(task="rename", language=language, selected_lines=0,
                               context_tokens=0, occurrences=0, symbol_scope=None)
    # no grammar: a word scan without scopes
    cur = doc.lines[line]
    name = None
    for m in _WORD_AT.finditer(cur):
        if m.start() <= char <= m.end():
            name = m.group(0)
            break
    offs = parsing.word_occurrences(text, name) if name else []
    first = doc.pos_of_offset(offs[0])[0] if offs else line
    last = doc.pos_of_offset(offs[-1])[0] if offs else line
    return RequestFeatures(
        task="rename",
        language=language,
        selected_lines=last - first + 1,
        context_tokens=_tokens(len(text)),
        occurrences=len(offs),
        symbol_scope=None,
    )


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def extract_features(
    task: str,
    text: str,
    *,
    language: str | None,
    start: tuple[int, int],
    end: tuple[int, int] | None = None,
    instruction: str | None = None,
    path: str | None = None,
) -> RequestFeatures:
    """Features of one request. Pure: no I/O, no model call.

    `path` (the document's file, when known) tells a module that is not an API (a test, a
    script, a config) from one that is: rename of a public name there is not "exported".

    `start`/`end` are 0-based LSP (line, character). Autocomplete: `start` is
    the cursor. Rename: `start` is on the symbol. Explain/refactor: the
    selection [start, end); without `end` (or an empty selection) the
    enclosing function or class. An unsupported `language` (None) gives the
    same fields without structure (depth, branches, functions, classes and
    parse errors stay 0).
    """
    if language is not None and language not in parsing.LANGUAGES:
        language = parsing.language_for(language)
    line, char = int(start[0]), int(start[1])
    if task == "autocomplete":
        return _autocomplete_features(text, language, max(0, line), max(0, char))
    if task == "rename":
        return _rename_features(text, language, (max(0, line), max(0, char)), path)
    if task in ("explain", "refactor"):
        return _selection_features(task, text, language, (max(0, line), max(0, char)), end, instruction)
    raise ValueError(f"unknown task {task!r} (expected autocomplete, rename, explain or refactor)")
