"""The functions and classes of a file, with their rows (tree-sitter: Python, JavaScript, TypeScript)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["definitions"]


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
