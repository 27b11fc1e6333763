"""Which files a replay reads: code in a known language, not vendored, minified, generated or too large."""

from __future__ import annotations

import re

__all__ = ["MAX_FILE_BYTES", "MINIFIED_MEAN_LINE", "LANGUAGE_IDS", "VENDORED_DIRS", "language_id_for",
           "skip_reason_for_path", "skip_reason_for_text"]

MAX_FILE_BYTES = 200_000
MINIFIED_MEAN_LINE = 300

# File extension -> LSP languageId. Python, JavaScript and TypeScript have grammars
# (`routing.parsing`); the rest are replayed as text (autocomplete and rename only).
LANGUAGE_IDS: dict[str, str] = {
    ".py": "python", ".pyi": "python", ".pyw": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascriptreact",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "typescriptreact",
    ".go": "go", ".rs": "rust", ".java": "java", ".kt": "kotlin", ".kts": "kotlin",
    ".scala": "scala", ".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp",
    ".hh": "cpp", ".hpp": "cpp", ".hxx": "cpp", ".cs": "csharp", ".m": "objective-c",
    ".mm": "objective-cpp", ".swift": "swift", ".rb": "ruby", ".php": "php", ".pl": "perl",
    ".pm": "perl", ".lua": "lua", ".sh": "shellscript", ".bash": "shellscript",
    ".zsh": "shellscript", ".sql": "sql", ".r": "r", ".jl": "julia", ".ex": "elixir",
    ".exs": "elixir", ".erl": "erlang", ".hs": "haskell", ".ml": "ocaml", ".mli": "ocaml",
    ".fs": "fsharp", ".dart": "dart", ".zig": "zig", ".nim": "nim", ".vue": "vue",
    ".svelte": "svelte", ".css": "css", ".scss": "scss", ".less": "less", ".html": "html",
    ".el": "emacs-lisp", ".clj": "clojure", ".groovy": "groovy", ".ps1": "powershell",
}

VENDORED_DIRS = frozenset({
    "node_modules", "bower_components", "vendor", "vendors", "_vendor", "vendored", "third_party",
    "third-party", "thirdparty", "external", "externals", "site-packages", ".venv", "venv",
    "dist", "build", "out", "target", "__pycache__", ".yarn", "Pods", "Carthage",
})
_MINIFIED_NAME = re.compile(r"(?:[.-]min\.(?:js|css|mjs)|[.-]bundle\.js|\.pb\.go|_pb2(?:_grpc)?\.pyi?)$", re.I)
_GENERATED_MARK = re.compile(r"@generated|DO NOT EDIT|Code generated .* DO NOT EDIT|auto-?generated", re.I)


def language_id_for(path: str) -> str | None:
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return LANGUAGE_IDS.get(name[dot:].lower()) if dot > 0 else None


def skip_reason_for_path(path: str) -> str | None:
    """Why a path is not replayed (None: replay it)."""
    parts = path.split("/")
    if any(part in VENDORED_DIRS for part in parts[:-1]):
        return "vendored or generated"
    if _MINIFIED_NAME.search(parts[-1]):
        return "vendored or generated"
    if language_id_for(path) is None:
        return "not code"
    return None


def skip_reason_for_text(data: bytes) -> str | None:
    if b"\0" in data[:8000]:
        return "binary"
    head = data[:2000].decode("utf-8", "replace")
    if _GENERATED_MARK.search("\n".join(head.splitlines()[:5])):
        return "vendored or generated"
    lines = data.count(b"\n") + 1
    if len(data) / lines > MINIFIED_MEAN_LINE:
        return "vendored or generated"
    return None
