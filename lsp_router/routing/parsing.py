"""Cached tree-sitter parsers for the languages whose grammars ship as wheels.

Python, JavaScript, TypeScript and TSX are supported; every other language is
`None` and callers degrade gracefully (features without structure, checks that
only do the language-independent parts). Nothing here touches the network: the
grammars come from the `tree-sitter-python`, `tree-sitter-javascript` and
`tree-sitter-typescript` wheels.

`parse()` keeps a small LRU of whole-document trees keyed by (language, text),
so the rarer tasks (rename, explain, refactor) and their checks parse a given
document version once. The autocomplete hot path never parses a whole
document: it uses `parse_bytes()` on a window of lines.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import tree_sitter

__all__ = [
    "LANGUAGES",
    "language_for",
    "parse",
    "parse_bytes",
    "count_errors",
    "error_lines",
    "identifier_types",
    "Doc",
    "doc_for",
    "node_kinds",
    "is_function",
    "adds_nesting",
    "Symbol",
    "find_symbol",
    "word_occurrences",
    "name_analysis",
    "identifier_roles",
    "BINDING_ROLES",
]

LANGUAGES: tuple[str, ...] = ("python", "javascript", "typescript", "tsx")

_LANGUAGE_IDS = {
    "python": "python",
    "py": "python",
    "javascript": "javascript",
    "javascriptreact": "javascript",
    "js": "javascript",
    "jsx": "javascript",
    "typescript": "typescript",
    "ts": "typescript",
    "typescriptreact": "tsx",
    "tsx": "tsx",
}

_EXTENSIONS = {
    ".py": "python",
    ".pyi": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
}


def language_for(language_id: str | None, path: str | None = None) -> str | None:
    """The grammar name for an LSP `languageId` or, failing that, a file path.

    Returns "python" | "javascript" | "typescript" | "tsx", or None when there
    is no grammar (e.g. "plaintext", "rust"). A known languageId wins; an
    unknown or missing one falls back to the file extension.
    """
    if language_id:
        found = _LANGUAGE_IDS.get(language_id.strip().lower())
        if found:
            return found
    if path:
        # Accept URIs too: only the extension matters.
        ext = os.path.splitext(path.rsplit("/", 1)[-1])[1].lower()
        return _EXTENSIONS.get(ext)
    return None


_languages: dict[str, tree_sitter.Language] = {}
_languages_lock = threading.Lock()
_local = threading.local()  # tree_sitter.Parser is not thread-safe: one per thread


def _language(language: str) -> tree_sitter.Language | None:
    lang = _languages.get(language)
    if lang is not None:
        return lang
    with _languages_lock:
        lang = _languages.get(language)
        if lang is not None:
            return lang
        try:
            if language == "python":
                import tree_sitter_python as mod

                capsule = mod.language()
            elif language == "javascript":
                import tree_sitter_javascript as mod

                capsule = mod.language()
            elif language == "typescript":
                import tree_sitter_typescript as mod

                capsule = mod.language_typescript()
            elif language == "tsx":
                import tree_sitter_typescript as mod

                capsule = mod.language_tsx()
            else:
                return None
            lang = tree_sitter.Language(capsule)
        except Exception:  # a missing or broken grammar wheel: degrade, never crash
            return None
        _languages[language] = lang
        return lang


def _parser(language: str) -> tree_sitter.Parser | None:
    parsers = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get(language)
    if parser is None:
        lang = _language(language)
        if lang is None:
            return None
        parser = parsers[language] = tree_sitter.Parser(lang)
    return parser


def parse_bytes(data: bytes, language: str) -> tree_sitter.Tree | None:
    """Parse UTF-8 bytes without caching (used for windows of a document)."""
    if language not in LANGUAGES:
        return None
    parser = _parser(language)
    if parser is None:
        return None
    return parser.parse(data)


_TREE_CACHE_SIZE = 16
_tree_cache: "OrderedDict[tuple[str, str], tree_sitter.Tree]" = OrderedDict()
_tree_cache_lock = threading.Lock()


def parse(text: str, language: str) -> tree_sitter.Tree | None:
    """Parse a whole document, with a small LRU keyed by (language, text).

    Returns None for languages without a grammar. Trees are shared between
    callers: treat them as read-only (never call `tree.edit`).
    """
    if language not in LANGUAGES:
        return None
    key = (language, text)
    with _tree_cache_lock:
        tree = _tree_cache.get(key)
        if tree is not None:
            _tree_cache.move_to_end(key)
            return tree
    tree = parse_bytes(text.encode("utf-8", "surrogatepass"), language)
    if tree is None:
        return None
    with _tree_cache_lock:
        _tree_cache[key] = tree
        _tree_cache.move_to_end(key)
        while len(_tree_cache) > _TREE_CACHE_SIZE:
            _tree_cache.popitem(last=False)
    return tree


def count_errors(node) -> int:
    """Number of ERROR and MISSING nodes in the subtree rooted at `node`."""
    if node is None or not (node.has_error or node.is_missing or node.is_error):
        return 0
    count = 0
    stack = [node]
    while stack:
        n = stack.pop()
        if n.is_error or n.is_missing:
            count += 1
            if n.is_missing:
                continue
        for child in n.children:
            if child.has_error or child.is_missing or child.is_error:
                stack.append(child)
    return count


def error_lines(node) -> list[int]:
    """Start rows of the ERROR and MISSING nodes under `node` (0-based)."""
    if node is None or not (node.has_error or node.is_missing or node.is_error):
        return []
    rows: list[int] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n.is_error or n.is_missing:
            rows.append(n.start_point[0])
            if n.is_missing:
                continue
        for child in n.children:
            if child.has_error or child.is_missing or child.is_error:
                stack.append(child)
    return rows


def identifier_types(language: str | None) -> frozenset[str]:
    """Node types that name a variable-like symbol in `language`."""
    if language == "python":
        return frozenset({"identifier"})
    if language in ("javascript", "typescript", "tsx"):
        return frozenset({"identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"})
    return frozenset()


# --------------------------------------------------------------------------
# Positions: LSP (line, character) <-> tree-sitter bytes
# --------------------------------------------------------------------------
#
# Characters are counted in code points. LSP's default is UTF-16 code units;
# the two differ only for characters outside the BMP (e.g. emoji), which is
# rare in code and only shifts a column on such a line.


class Doc:
    """Line tables for one document text (not used on the autocomplete hot path)."""

    __slots__ = ("text", "lines", "starts", "byte_starts", "data")

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        starts = [0]
        byte_starts = [0]
        pos = 0
        bpos = 0
        for line in self.lines:
            pos += len(line) + 1
            bpos += (len(line) if line.isascii() else len(line.encode("utf-8", "surrogatepass"))) + 1
            starts.append(pos)
            byte_starts.append(bpos)
        self.starts = starts
        self.byte_starts = byte_starts
        self.data = text.encode("utf-8", "surrogatepass")

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def clamp(self, line: int, char: int) -> tuple[int, int]:
        line = max(0, min(line, len(self.lines) - 1))
        char = max(0, min(char, len(self.lines[line])))
        return line, char

    def offset(self, line: int, char: int) -> int:
        line, char = self.clamp(line, char)
        return self.starts[line] + char

    def byte(self, line: int, char: int) -> int:
        line, char = self.clamp(line, char)
        text = self.lines[line]
        if text.isascii():
            return self.byte_starts[line] + char
        return self.byte_starts[line] + len(text[:char].encode("utf-8", "surrogatepass"))

    def pos_of_offset(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.starts, offset) - 1
        line = max(0, min(line, len(self.lines) - 1))
        return line, offset - self.starts[line]

    def pos_of_point(self, point) -> tuple[int, int]:
        row, bcol = point[0], point[1]
        if row >= len(self.lines):
            return len(self.lines) - 1, len(self.lines[-1])
        text = self.lines[row]
        if text.isascii():
            return row, bcol
        return row, len(text.encode("utf-8", "surrogatepass")[:bcol].decode("utf-8", "ignore"))

    def node_range(self, node) -> tuple[int, int, int, int]:
        sl, sc = self.pos_of_point(node.start_point)
        el, ec = self.pos_of_point(node.end_point)
        return sl, sc, el, ec


_DOC_CACHE_SIZE = 8
_doc_cache: "OrderedDict[str, Doc]" = OrderedDict()


def doc_for(text: str) -> Doc:
    """A cached `Doc` for `text` (LRU of a few recent texts)."""
    with _tree_cache_lock:
        doc = _doc_cache.get(text)
        if doc is not None:
            _doc_cache.move_to_end(text)
            return doc
    doc = Doc(text)
    with _tree_cache_lock:
        _doc_cache[text] = doc
        while len(_doc_cache) > _DOC_CACHE_SIZE:
            _doc_cache.popitem(last=False)
    return doc


# --------------------------------------------------------------------------
# Node kinds per language
# --------------------------------------------------------------------------

PY_FUNCTIONS = frozenset({"function_definition"})
PY_CLASSES = frozenset({"class_definition"})
PY_BRANCHES = frozenset({
    "if_statement", "elif_clause", "for_statement", "while_statement", "except_clause",
    "conditional_expression", "case_clause", "except_group_clause",
})
PY_NESTING = frozenset({
    "function_definition", "class_definition", "if_statement", "for_statement", "while_statement",
    "try_statement", "with_statement", "match_statement",
})

JS_FUNCTIONS = frozenset({
    "function_declaration", "function_expression", "function", "generator_function_declaration",
    "generator_function", "method_definition", "arrow_function",
})
JS_CLASSES = frozenset({"class_declaration", "class", "abstract_class_declaration"})
JS_BRANCHES = frozenset({
    "if_statement", "for_statement", "for_in_statement", "while_statement", "do_statement",
    "switch_case", "catch_clause", "ternary_expression",
})
JS_NESTING = frozenset({
    "function_declaration", "function_expression", "function", "generator_function_declaration",
    "generator_function", "method_definition", "arrow_function", "class_declaration", "class",
    "abstract_class_declaration", "if_statement", "for_statement", "for_in_statement",
    "while_statement", "do_statement", "try_statement", "switch_statement",
})
# An arrow function counts as a function of its own only when it is named
# (assigned, a property or a class field), not as an inline callback.
_JS_NAMED_ARROW_PARENTS = frozenset({
    "variable_declarator", "assignment_expression", "pair", "field_definition",
    "public_field_definition",
})


def node_kinds(language: str | None):
    """(functions, classes, branches, nesting) node-type sets for a language."""
    if language == "python":
        return PY_FUNCTIONS, PY_CLASSES, PY_BRANCHES, PY_NESTING
    if language in ("javascript", "typescript", "tsx"):
        return JS_FUNCTIONS, JS_CLASSES, JS_BRANCHES, JS_NESTING
    return frozenset(), frozenset(), frozenset(), frozenset()


def is_function(node, language: str | None) -> bool:
    if not node.is_named:  # the `function` keyword token has the same type name
        return False
    t = node.type
    if language == "python":
        return t == "function_definition"
    if t == "arrow_function":
        parent = node.parent
        return parent is not None and parent.type in _JS_NAMED_ARROW_PARENTS
    return t in JS_FUNCTIONS


def adds_nesting(node, language: str | None) -> bool:
    if not node.is_named:  # keyword tokens (`class`, `function`) share type names
        return False
    t = node.type
    if language == "python":
        return t in PY_NESTING
    if t not in JS_NESTING:
        return False
    if t == "if_statement":
        parent = node.parent
        return not (parent is not None and parent.type == "else_clause")  # `else if` stays level
    if t == "arrow_function":
        body = node.child_by_field_name("body")
        return body is not None and body.type == "statement_block"
    return True


# --------------------------------------------------------------------------
# Symbols and scopes (rename)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Symbol:
    """A symbol at a position and its scope-aware occurrences."""

    name: str
    kind: str  # "local" | "module" | "exported" | "attribute"
    occurrences: tuple[tuple[int, int, int, int], ...]  # (start_line, start_char, end_line, end_char)
    scope_start: int  # byte range of the scope the symbol lives in
    scope_end: int
    functions: int  # distinct functions containing an occurrence
    classes: int  # distinct classes containing an occurrence


_WORD = r"[\w$]"


def word_occurrences(text: str, name: str) -> list[int]:
    """Character offsets of `name` as a whole word (no scope, no string/comment skipping)."""
    if not name:
        return []
    pattern = re.compile(r"(?<![\w$#])" + re.escape(name) + r"(?![\w$])")
    return [m.start() for m in pattern.finditer(text)]


def _hits(tree, doc: Doc, name: str, types: frozenset[str]) -> list:
    """Nodes of one of `types` whose text is exactly `name`, found via a text scan."""
    root = tree.root_node
    nb = len(name.encode("utf-8", "surrogatepass"))
    out = []
    seen = set()
    for off in word_occurrences(doc.text, name):
        line, char = doc.pos_of_offset(off)
        b = doc.byte(line, char)
        node = root.descendant_for_byte_range(b, b + nb)
        if node is None:
            continue
        if node.type not in types:
            # e.g. `#name` private identifiers or a wrapper of identical range
            if node.named_child_count == 1 and node.named_children[0].type in types:
                node = node.named_children[0]
            else:
                continue
        if node.start_byte != b or node.end_byte != b + nb or node.id in seen:
            continue
        seen.add(node.id)
        out.append(node)
    return out


def node_at(tree, doc: Doc, position: tuple[int, int], types: frozenset[str]):
    """The identifier-like node at an LSP position (also accepts the end of it)."""
    line, char = doc.clamp(*position)
    b = doc.byte(line, char)
    root = tree.root_node
    for probe in (b, b - 1):
        if probe < 0:
            continue
        node = root.descendant_for_byte_range(probe, probe + 1 if probe < len(doc.data) else probe)
        if node is not None and node.type in types and node.start_byte <= b <= node.end_byte:
            return node
    return None


_PY_TYPES = frozenset({"identifier"})
_JS_TYPES = frozenset({
    "identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern",
    "property_identifier", "private_property_identifier", "type_identifier",
})
_JS_ATTR = frozenset({"property_identifier", "private_property_identifier"})

_PY_COMPREHENSIONS = frozenset({
    "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression",
})
_PY_TARGET_CONTAINERS = frozenset({
    "pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "tuple", "list",
    "parenthesized_expression",
})


def _field_is(parent, field: str, node) -> bool:
    child = parent.child_by_field_name(field)
    return child is not None and child.id == node.id


class _PyScopes:
    """Python name resolution for one name over the hits of that name."""

    def __init__(self, tree, name: str):
        self.root = tree.root_node
        self.name = name

    # role of an identifier node
    def role(self, n) -> tuple[str, object]:
        p = n.parent
        if p is None:
            return "ref", None
        pt = p.type
        if pt == "attribute" and _field_is(p, "attribute", n):
            return "attr", None
        if pt == "keyword_argument" and _field_is(p, "name", n):
            return "kwarg", None
        if pt in ("function_definition", "class_definition") and _field_is(p, "name", n):
            return "defname", p
        if pt == "global_statement":
            return "global", None
        if pt == "nonlocal_statement":
            return "nonlocal", None
        if pt == "dotted_name":
            gp = p.parent
            first = p.named_child(0)
            is_first = first is not None and first.id == n.id
            if gp is not None and gp.type == "import_statement":
                return ("bind", None) if is_first else ("skip", None)
            if gp is not None and gp.type == "import_from_statement":
                if _field_is(gp, "module_name", p):
                    return "skip", None
                return ("bind", None) if is_first and p.named_child_count == 1 else ("skip", None)
            return "skip", None  # aliased import source names, relative imports, __future__
        if pt == "aliased_import":
            return ("bind", None) if _field_is(p, "alias", n) else ("skip", None)
        if pt in ("parameters", "lambda_parameters"):
            return "param", p.parent
        if pt in ("default_parameter", "typed_default_parameter") and _field_is(p, "name", n):
            if p.parent is not None and p.parent.type in ("parameters", "lambda_parameters"):
                return "param", p.parent.parent
        if pt == "typed_parameter":
            first = p.named_child(0)
            if first is not None and first.id == n.id and p.parent is not None:
                return "param", p.parent.parent
        if pt in ("list_splat_pattern", "dictionary_splat_pattern"):
            gp = p.parent
            if gp is not None and gp.type in ("parameters", "lambda_parameters"):
                return "param", gp.parent
            if gp is not None and gp.type == "typed_parameter" and gp.parent is not None:
                return "param", gp.parent.parent
        if pt == "named_expression" and _field_is(p, "name", n):
            return "walrus", None
        c, q = n, p
        while q is not None and q.type in _PY_TARGET_CONTAINERS:
            c, q = q, q.parent
        if q is not None:
            qt = q.type
            if qt in ("assignment", "augmented_assignment") and _field_is(q, "left", c):
                return "bind", None
            if qt in ("for_statement", "for_in_clause") and _field_is(q, "left", c):
                return "bind", None
            if qt == "as_pattern_target":
                return "bind", None
        return "ref", None

    def chain(self, n, role: str = "ref") -> list:
        """Enclosing scopes of `n`, innermost first (module last)."""
        out = []
        child, node = n, n.parent
        while node is not None:
            t = node.type
            if t in ("function_definition", "lambda"):
                if _field_is(node, "body", child) or (role == "param" and _field_is(node, "parameters", child)):
                    out.append(node)
            elif t == "class_definition":
                if _field_is(node, "body", child):
                    out.append(node)
            elif t in _PY_COMPREHENSIONS:
                out.append(node)
            elif t == "module":
                out.append(node)
            child, node = node, node.parent
        if not out or out[-1].type != "module":
            out.append(self.root)
        return out

    def analyse(self, hits):
        """Roles, binding scopes and declarations for every hit."""
        self.info = {}
        bound: set[int] = set()
        globals_: set[int] = set()
        nonlocals: set[int] = set()
        for n in hits:
            role, extra = self.role(n)
            if role in ("attr", "kwarg", "skip"):
                self.info[n.id] = (role, None, None)
                continue
            if role == "defname":
                scopes = self.chain(extra)
                scope = scopes[0]
            elif role == "param":
                scopes = self.chain(n, "param")
                scope = extra if extra is not None else scopes[0]
            else:
                scopes = self.chain(n)
                scope = scopes[0]
                if role == "walrus":
                    scope = next((s for s in scopes if s.type not in _PY_COMPREHENSIONS), scopes[-1])
            self.info[n.id] = (role, scope, scopes)
            if role in ("bind", "defname", "param", "walrus"):
                bound.add(scope.id)
            elif role == "global":
                globals_.add(scope.id)
            elif role == "nonlocal":
                nonlocals.add(scope.id)
        self.bound, self.globals, self.nonlocals = bound, globals_, nonlocals

    def resolve(self, n):
        """The scope node a (non-attribute) hit refers to."""
        role, scope, scopes = self.info[n.id]
        if role in ("attr", "kwarg", "skip"):
            return None
        if role == "global":
            return self.root
        start = 0
        if role in ("bind", "defname", "param", "walrus"):
            if scope.id in self.globals:
                return self.root
            if scope.id not in self.nonlocals:
                return scope
            start = scopes.index(scope) + 1 if scope in scopes else 1
        elif role == "nonlocal":
            start = 1
        for i in range(start, len(scopes)):
            s = scopes[i]
            if s.type == "class_definition" and i > 0:
                continue  # class bodies are not visible from nested scopes
            if s.id in self.globals:
                return self.root
            if s.id in self.nonlocals:
                continue
            if s.id in self.bound:
                return s
        return self.root


_JS_FUNCTION_SCOPES = frozenset({
    "function_declaration", "function_expression", "function", "generator_function_declaration",
    "generator_function", "arrow_function", "method_definition",
})
_JS_BLOCK_SCOPES = frozenset({"statement_block", "for_statement", "for_in_statement", "catch_clause", "class_body"})
_JS_PATTERNS = frozenset({
    "object_pattern", "array_pattern", "rest_pattern", "assignment_pattern", "pair_pattern",
})


class _JsScopes:
    """JavaScript/TypeScript name resolution (var/let/const/function/param/catch/import)."""

    def __init__(self, tree, name: str):
        self.root = tree.root_node
        self.name = name

    def _through_patterns(self, n):
        c, q = n, n.parent
        while q is not None and q.type in _JS_PATTERNS:
            if q.type == "assignment_pattern" and not _field_is(q, "left", c):
                return c, None  # a default value, not a target
            if q.type == "pair_pattern" and not _field_is(q, "value", c):
                return c, None
            c, q = q, q.parent
        return c, q

    def role(self, n) -> tuple[str, object]:
        t = n.type
        if t in _JS_ATTR:
            return "attr", None
        if t == "type_identifier":
            return "type", None
        p = n.parent
        if p is None:
            return "ref", None
        pt = p.type
        if pt == "import_specifier":
            alias = p.child_by_field_name("alias")
            if alias is None or alias.id == n.id:
                return "bind_program", None
            return "skip", None
        if pt in ("import_clause", "namespace_import"):
            return "bind_program", None
        if pt == "export_specifier":
            return ("ref", None) if _field_is(p, "name", n) else ("skip", None)
        if pt in ("function_declaration", "generator_function_declaration", "class_declaration",
                  "abstract_class_declaration") and _field_is(p, "name", n):
            return "bind_outer", p
        if pt in ("function_expression", "function", "generator_function", "class") and _field_is(p, "name", n):
            return "bind_self", p
        if pt == "arrow_function" and _field_is(p, "parameter", n):
            return "param", p
        c, q = self._through_patterns(n)
        if q is None:
            return "ref", None
        qt = q.type
        if qt in ("formal_parameters",):
            return "param", q.parent
        if qt in ("required_parameter", "optional_parameter") and q.parent is not None:  # TypeScript
            return "param", q.parent.parent
        if qt == "catch_clause" and _field_is(q, "parameter", c):
            return "bind_self", q
        if qt == "variable_declarator" and _field_is(q, "name", c):
            decl = q.parent
            if decl is not None and decl.type == "variable_declaration":
                return "bind_var", None
            return "bind_let", None
        if qt == "for_in_statement" and _field_is(q, "left", c):
            kind = q.child_by_field_name("kind")
            if kind is None:
                return "ref", None
            return ("bind_var", None) if kind.type == "var" else ("bind_self", q)
        return "ref", None

    def chain(self, n) -> list:
        out = []
        node = n.parent
        while node is not None:
            t = node.type
            if t in _JS_FUNCTION_SCOPES or t in _JS_BLOCK_SCOPES or t == "program":
                out.append(node)
            node = node.parent
        if not out or out[-1].type != "program":
            out.append(self.root)
        return out

    def analyse(self, hits):
        self.info = {}
        bound: set[int] = set()
        for n in hits:
            role, extra = self.role(n)
            if role in ("attr", "type", "skip"):
                self.info[n.id] = (role, None, None)
                continue
            scopes = self.chain(n)
            if role == "bind_program":
                scope = scopes[-1]
            elif role == "bind_outer":
                scope = self.chain(extra)[0]
            elif role in ("bind_self", "param"):
                scope = extra
            elif role == "bind_var":
                scope = next((s for s in scopes if s.type in _JS_FUNCTION_SCOPES or s.type == "program"), scopes[-1])
            elif role == "bind_let":
                scope = scopes[0]
            else:
                scope = None
            self.info[n.id] = (role, scope, scopes)
            if scope is not None:
                bound.add(scope.id)
        self.bound = bound

    def resolve(self, n):
        role, scope, scopes = self.info[n.id]
        if role in ("attr", "type", "skip"):
            return None
        if scope is not None:
            return scope
        for s in scopes:
            if s.id in self.bound:
                return s
        return self.root


_PY_ALL_RE = re.compile(r"^__all__\s*(?:\+)?=\s*[\[(](.*?)[\])]", re.M | re.S)


def _py_exported(text: str, name: str) -> bool:
    found = False
    for m in _PY_ALL_RE.finditer(text):
        found = True
        if re.search(r"""['"]""" + re.escape(name) + r"""['"]""", m.group(1)):
            return True
    if found:
        return False
    return not name.startswith("_")


def _js_exported(text: str, tree, name: str, binding_nodes) -> bool:
    for n in binding_nodes:
        p = n.parent
        while p is not None and p.type not in ("program", "statement_block", "class_body"):
            if p.type == "export_statement":
                return True
            p = p.parent
    esc = re.escape(name)
    if re.search(r"\bexport\s*\{[^}]*\b" + esc + r"\b", text):
        return True
    if re.search(r"\bexport\s+default\s+" + esc + r"\b", text):
        return True
    if re.search(r"\bmodule\.exports\s*=\s*" + esc + r"\b", text):
        return True
    if re.search(r"\bmodule\.exports\s*=\s*\{[^}]*\b" + esc + r"\b", text):
        return True
    if re.search(r"\b(?:module\.)?exports\.[\w$]+\s*=\s*" + esc + r"\b", text):
        return True
    return False


def _count_containers(nodes, language: str | None) -> tuple[int, int]:
    funcs: set[int] = set()
    classes: set[int] = set()
    _, class_types, _, _ = node_kinds(language)
    for n in nodes:
        p = n.parent
        got_func = False
        while p is not None:
            if not got_func and is_function(p, language):
                funcs.add(p.id)
                got_func = True
            if p.type in class_types and p.is_named:
                classes.add(p.id)
                break
            p = p.parent
    return len(funcs), len(classes)


def find_symbol(text: str, position: tuple[int, int], language: str | None, name: str | None = None) -> Symbol | None:
    """The symbol at `position` with its scope-aware occurrences, or None.

    Occurrences are identifier tokens only (never strings or comments). A local
    is every identifier of that name resolving to the same function scope
    (nested scopes that rebind the name are left out); a module-level name is
    every identifier resolving to the module; an attribute (`obj.name`, a
    method or class attribute) is every attribute access, method or
    class-level assignment of that name in the file.
    """
    if language not in LANGUAGES:
        return None
    tree = parse(text, language)
    if tree is None:
        return None
    doc = doc_for(text)
    types = _PY_TYPES if language == "python" else _JS_TYPES
    target = node_at(tree, doc, position, types)
    if target is None and name:
        # tolerate a position next to the symbol on the same line
        line, _ = doc.clamp(*position)
        best = None
        for off in word_occurrences(doc.lines[line], name):
            cand = node_at(tree, doc, (line, off), types)
            if cand is not None and (best is None or abs(off - position[1]) < abs(best[0] - position[1])):
                best = (off, cand)
        target = best[1] if best else None
    if target is None:
        return None
    tname = target.text.decode("utf-8", "surrogatepass")
    if name is not None and tname != name:
        return None
    name = tname
    hits = _hits(tree, doc, name, types)
    if not any(h.id == target.id for h in hits):
        hits.append(target)
    scopes = _PyScopes(tree, name) if language == "python" else _JsScopes(tree, name)
    scopes.analyse(hits)
    role = scopes.info[target.id][0]
    root = tree.root_node
    if role == "skip":
        return None
    if role in ("attr", "kwarg", "type"):
        kind = "attribute" if role != "type" else "module"
        same = [h for h in hits if scopes.info[h.id][0] == role]
        if role == "attr" and language == "python":
            # methods and class attributes are attributes too
            for h in hits:
                r = scopes.info[h.id][0]
                if r in ("defname", "bind") and scopes.info[h.id][1] is not None and scopes.info[h.id][1].type == "class_definition":
                    same.append(h)
        scope_node = root
        if role == "type" and language != "python":
            kind = "exported" if _js_exported(text, tree, name, same) else "module"
    else:
        scope_node = scopes.resolve(target)
        if language == "python" and scope_node is not None and scope_node.type == "class_definition":
            # a class-level binding is an attribute of the class
            same = [h for h in hits if scopes.info[h.id][0] == "attr"]
            same += [h for h in hits if scopes.info[h.id][0] not in ("attr", "kwarg", "skip")
                     and (s := scopes.resolve(h)) is not None and s.type == "class_definition"]
            kind = "attribute"
            scope_node = root
        else:
            same = [h for h in hits if scopes.info[h.id][0] not in ("attr", "kwarg", "skip", "type")
                    and (s := scopes.resolve(h)) is not None and s.id == scope_node.id]
            if scope_node.id == root.id:
                if language == "python":
                    is_import = any(scopes.info[h.id][0] == "bind" and h.parent is not None
                                    and h.parent.type in ("dotted_name", "aliased_import") for h in same)
                    kind = "exported" if (not is_import and _py_exported(text, name)) else "module"
                else:
                    binders = [h for h in same if scopes.info[h.id][1] is not None]
                    kind = "exported" if _js_exported(text, tree, name, binders) else "module"
            else:
                kind = "local"
    if language == "python" and kind == "local":
        function = _keyword_parameter_of(same, scopes)
        if function is not None:
            # `f(name=...)` in this file names the parameter too: renamed with it, or the call
            # breaks (callers in other files are for the language's own server's rename)
            same = same + _keyword_sites(hits, scopes, function)
    uniq = {h.id: h for h in same}
    nodes = sorted(uniq.values(), key=lambda h: h.start_byte)
    occ = tuple(doc.node_range(h) for h in nodes)
    functions, classes = _count_containers(nodes, language)
    return Symbol(name, kind, occ, scope_node.start_byte, scope_node.end_byte, functions, classes)


def _keyword_parameter_of(same, scopes):
    """The function_definition whose parameter `same` binds, when a caller can pass it by
    keyword (not `*args`/`**kwargs`, not before a `/`); else None."""
    for h in same:
        role, function = scopes.info[h.id][0], scopes.info[h.id][1]
        if role != "param" or function is None or function.type != "function_definition":
            continue
        if h.parent is not None and h.parent.type in ("list_splat_pattern", "dictionary_splat_pattern"):
            return None
        params = function.child_by_field_name("parameters")
        if params is None:
            return None
        slash = next((c for c in params.named_children if c.type == "positional_separator"), None)
        if slash is not None and h.start_byte < slash.start_byte:
            return None
        return function
    return None


def _function_callee_names(function) -> set[str]:
    """The names a call of `function` goes by: its own, or its class's for `__init__`."""
    name_node = function.child_by_field_name("name")
    name = name_node.text.decode("utf-8", "surrogatepass") if name_node is not None else ""
    owner = _enclosing(function, ("class_definition",), stop=("function_definition",))
    if name == "__init__" and owner is not None:
        cls = owner.child_by_field_name("name")
        return {cls.text.decode("utf-8", "surrogatepass")} if cls is not None else set()
    return {name} if name else set()


def _enclosing(node, types: tuple[str, ...], stop: tuple[str, ...] = ()):
    p = node.parent
    while p is not None:
        if p.type in types:
            return p
        if p.type in stop:
            return None
        p = p.parent
    return None


def _keyword_sites(hits, scopes, function) -> list:
    """The `name=` keyword arguments of calls to `function` (`f(...)`, `obj.f(...)`)."""
    names = _function_callee_names(function)
    sites = []
    for h in hits:
        if scopes.info[h.id][0] != "kwarg":
            continue
        args = h.parent.parent if h.parent is not None else None
        call = args.parent if args is not None and args.type == "argument_list" else None
        callee = call.child_by_field_name("function") if call is not None and call.type == "call" else None
        if callee is not None and callee.type == "attribute":
            callee = callee.child_by_field_name("attribute")
        if callee is not None and callee.type == "identifier" and callee.text.decode("utf-8", "surrogatepass") in names:
            sites.append(h)
    return sites


def name_analysis(text: str, language: str, name: str):
    """(tree, hits, resolver) for every identifier-like token spelled `name`.

    `resolver.info[hit.id]` is (role, binding_scope, scope_chain) and
    `resolver.resolve(hit)` the scope node the hit refers to (None for
    attributes). Returns (tree, [], None) when there is no grammar or tree.
    """
    tree = parse(text, language)
    if tree is None:
        return None, [], None
    doc = doc_for(text)
    types = _PY_TYPES if language == "python" else _JS_TYPES
    hits = _hits(tree, doc, name, types)
    scopes = _PyScopes(tree, name) if language == "python" else _JsScopes(tree, name)
    scopes.analyse(hits)
    return tree, hits, scopes


BINDING_ROLES = frozenset({
    "bind", "defname", "param", "walrus",  # Python
    "bind_program", "bind_outer", "bind_self", "bind_var", "bind_let",  # JavaScript/TypeScript
})


def identifier_roles(node, language: str, start_byte: int | None = None, end_byte: int | None = None):
    """Yield (identifier_node, role) for every identifier-like token under `node`.

    With a byte range, only subtrees overlapping [start_byte, end_byte) are visited.
    """
    types = _PY_TYPES if language == "python" else _JS_TYPES
    resolver = _PyScopes.__new__(_PyScopes) if language == "python" else _JsScopes.__new__(_JsScopes)
    lo = -1 if start_byte is None else start_byte
    hi = float("inf") if end_byte is None else end_byte
    stack = [node]
    while stack:
        n = stack.pop()
        if n.end_byte <= lo or n.start_byte >= hi:
            continue
        if n.type in types:
            yield n, resolver.role(n)[0]
            continue
        if n.child_count:
            stack.extend(n.children)


# --------------------------------------------------------------------------
# Certain scopes (the static rename tier) and mentions in comments and strings
# --------------------------------------------------------------------------

# Code that can reach a local by name at run time: then its uses are not all identifiers.
_LOCAL_DYNAMIC = re.compile(r"\b(?:locals|vars|eval|exec)\s*\(|\b_getframe\b|\bcurrentframe\b|\bf_locals\b")
# The same for a module's names, anywhere in the file.
_MODULE_DYNAMIC = re.compile(
    r"\b(?:getattr|setattr|hasattr|delattr|globals|vars|locals|eval|exec|__import__|import_module)\s*\("
    r"|__dict__|\bsys\.modules\b")
_IMPORTS = frozenset({"import_statement", "import_from_statement", "future_import_statement"})
_STRING_TYPES = frozenset({"string", "template_string"})
_COMMENT_TYPES = frozenset({"comment"})


def _in_import(node) -> bool:
    """Whether an identifier is an imported name (`import x`, `from m import x`): renaming it
    would change what is imported. The alias of `import m as x` binds a name of the file only."""
    child, p = node, node.parent
    while p is not None:
        if p.type == "aliased_import":
            return not _field_is(p, "alias", child)
        if p.type in _IMPORTS:
            return True
        if p.type in ("import_clause", "import_specifier", "namespace_import", "import_statement"):
            return True
        child, p = p, p.parent
    return False


def scope_certain(text: str, language: str | None, symbol: Symbol) -> bool:
    """Whether the scope analysis alone gives every occurrence of `symbol`, so a rename needs
    no model: a local or a parameter whose function reaches no name dynamically (`locals()`,
    `eval`, frames), or, in Python, a module-level name private to the module (`_name`, not
    imported) in a file with no dynamic access (`getattr`, `globals()`, `sys.modules`,
    `__dict__`) and no string naming it. Attributes, exported names and module-level names of
    JavaScript (a classic script shares them with every other) are for the model to judge."""
    if language not in LANGUAGES or not symbol.occurrences:
        return False
    tree = parse(text, language)
    if tree is None or tree.root_node.has_error:
        return False  # a broken parse makes the scopes a guess
    doc = doc_for(text)
    for sl, sc, _el, _ec in symbol.occurrences:
        b = doc.byte(sl, sc)
        node = tree.root_node.descendant_for_byte_range(b, b + len(symbol.name.encode("utf-8", "surrogatepass")))
        if node is None or _in_import(node):
            return False
    if symbol.kind == "local":
        scope = doc.data[symbol.scope_start:symbol.scope_end].decode("utf-8", "surrogatepass")
        return (_LOCAL_DYNAMIC.search(scope) is None
                and not (language != "python" and re.search(r"\bwith\s*\(", scope)))
    if symbol.kind == "module" and language == "python" and symbol.name.startswith("_") \
            and not symbol.name.startswith("__"):
        if _MODULE_DYNAMIC.search(text):
            return False
        named = re.compile(r"""['"](?:[\w.]+[.:])?""" + re.escape(symbol.name) + r"""['"]""")
        return named.search(text) is None
    return False


def shorthand_places(text: str, language: str | None, edits) -> set[tuple[int, int, int, int]]:
    """The edits that fall on a JavaScript/TypeScript shorthand property (`{ width }` in an
    object or a destructuring pattern): renamed there, the property's key must stay, as
    `{ width: newName }`, or the object and the destructuring change meaning."""
    if language not in ("javascript", "typescript", "tsx") or not edits:
        return set()
    tree = parse(text, language)
    if tree is None:
        return set()
    doc = doc_for(text)
    found = set()
    for sl, sc, el, ec in edits:
        b = doc.byte(sl, sc)
        node = tree.root_node.descendant_for_byte_range(b, doc.byte(el, ec))
        if node is not None and node.type in ("shorthand_property_identifier", "shorthand_property_identifier_pattern"):
            found.add((sl, sc, el, ec))
    return found


def mention_places(text: str, language: str | None, name: str) -> list[tuple[int, int, int, int]]:
    """Whole-word occurrences of `name` inside comment and string tokens (never identifiers),
    as (sl, sc, el, ec): what `rename.updateMentions` offers the model to update."""
    if language not in LANGUAGES or not name:
        return []
    tree = parse(text, language)
    if tree is None:
        return []
    doc = doc_for(text)
    pattern = re.compile(r"(?<![\w$])" + re.escape(name.encode("utf-8", "surrogatepass").decode("latin-1"))
                         + r"(?![\w$])")
    found: list[tuple[int, int, int, int]] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in _COMMENT_TYPES or node.type in _STRING_TYPES:
            # bytes as latin-1: one character per byte, so match offsets are byte offsets
            body = doc.data[node.start_byte:node.end_byte].decode("latin-1")
            for m in pattern.finditer(body):
                start = node.start_byte + m.start()
                found.append(_byte_pos(doc, start) + _byte_pos(doc, start + (m.end() - m.start())))
            continue
        stack.extend(node.children)
    return sorted(found)


def _byte_pos(doc: Doc, byte: int) -> tuple[int, int]:
    import bisect

    line = max(0, bisect.bisect_right(doc.byte_starts, byte) - 1)
    line = min(line, len(doc.lines) - 1)
    column = doc.lines[line].encode("utf-8", "surrogatepass")[: byte - doc.byte_starts[line]]
    return line, len(column.decode("utf-8", "ignore"))


def in_comment_or_string(text: str, language: str | None, edit: tuple[int, int, int, int]) -> bool:
    """Whether the range lies inside one comment or string token (a mention, not code)."""
    tree = parse(text, language) if language in LANGUAGES else None
    if tree is None:
        return False
    doc = doc_for(text)
    sl, sc, el, ec = edit
    a, b = doc.byte(sl, sc), doc.byte(el, ec)
    node = tree.root_node.descendant_for_byte_range(a, b)
    while node is not None:
        if node.type in _COMMENT_TYPES or node.type in _STRING_TYPES:
            return node.start_byte <= a and b <= node.end_byte
        node = node.parent
    return False
