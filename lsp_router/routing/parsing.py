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
import threading
from collections import OrderedDict

import tree_sitter

__all__ = [
    "LANGUAGES",
    "language_for",
    "parse",
    "parse_bytes",
    "count_errors",
    "error_lines",
    "identifier_types",
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
