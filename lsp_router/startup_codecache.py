"""Start-up compile cache: the code libraries generate and compile at every start, kept on disk.

(Not the result cache: that is `lsp_router.cache`.)

lsprotocol defines about 1,000 attrs classes; for each, attrs writes the source of its
`__init__`, `__repr__`, `__eq__`... and compiles it, every time a process imports
`lsprotocol.types`: some 280 ms of the ~0.6 s before a pygls server can answer
`initialize`. cattrs does the same for the functions that read `initialize` and write its
reply, and `dataclasses` for lsp-router's own settings. The source is the same from one
start to the next, so its compiled code can be kept like a `.pyc`: keyed by the source
itself (a hash), its file name, mode and `from __future__` flags, in a file per Python
bytecode version under the cache directory. A changed library makes other sources, so
other keys; a missing, unreadable or corrupt file only means compiling as usual.

Only the libraries' own names for `compile` (attrs, cattrs) and `exec` (dataclasses) are
replaced, only until `initialize` is served; the code objects are the ones `compile`
would return.
"""

from __future__ import annotations

import __future__
import builtins
import hashlib
import importlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

_FORMAT = 2  # bump when the file's layout changes


def cache_path(directory: Path) -> Path:
    tag = sys.implementation.cache_tag or "py"
    return directory / f"attrs-code-{tag}-{_FORMAT}.marshal"


def _future_flags(module: Any) -> int:
    """The `from __future__` flags `compile` inherits when `module` calls it."""
    flags = 0
    for name in __future__.all_feature_names:
        feature = getattr(__future__, name)
        if getattr(module, name, None) is feature:
            flags |= feature.compiler_flag
    return flags


def _load(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            table = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _save(path: Path, table: dict) -> None:
    from lsp_router.paths import private_dir

    try:
        private_dir(path.parent)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            marshal.dump(table, f)
        os.replace(tmp, path)  # atomic: another server reading it sees the old or the new file
        for older in range(1, _FORMAT):  # this Python's files of an earlier layout
            path.with_name(path.name.replace(f"-{_FORMAT}.marshal", f"-{older}.marshal")).unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache directory: compile as usual next time


# attrs writes a class's hash into its `__hash__` source: the hash of a string, salted
# anew in every process, so that source never comes back; keeping it would only mean
# rewriting the file at every start.
_SALTED = "def __hash__"

# The libraries that generate code at start-up, and the builtin each compiles it with.
GENERATORS = (
    ("attr._make", "compile"),  # lsprotocol's classes
    ("cattrs.gen", "compile"),  # reading `initialize`, writing its reply
    ("dataclasses", "exec"),  # lsp-router's settings and records
)


class CompiledCode:
    """Serves the generators' `compile` and `exec` from the cache file while installed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.table: dict = {}
        self.new: dict = {}
        self.used: set = set()
        self.hits = 0
        self._patched: list[tuple[Any, str, Callable]] = []

    def install(self) -> "CompiledCode":
        self.table = _load(self.path)  # first: importing cattrs.gen below makes attrs classes
        for module_name, builtin in GENERATORS:
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            if builtin in vars(module):  # already installed, or the library has its own
                continue
            replacement = self._replacement(builtin, _future_flags(module))
            setattr(module, builtin, replacement)
            self._patched.append((module, builtin, replacement))
        return self

    def _replacement(self, builtin: str, flags: int) -> Callable:
        if builtin == "compile":

            def cached_compile(source, filename, mode, *args: Any, **kwargs: Any):
                if args or kwargs or not isinstance(source, str):
                    return builtins.compile(source, filename, mode, *args, **kwargs)
                return self._code(source, filename, mode, flags)

            return cached_compile

        def cached_exec(source, globals=None, locals=None, /, **kwargs: Any):
            if globals is None:  # the caller's namespace, as the builtin would take it
                caller = sys._getframe(1)
                globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
            elif isinstance(source, str) and not kwargs:
                source = self._code(source, "<string>", "exec", flags)
            return builtins.exec(source, globals, locals, **kwargs)

        return cached_exec

    def _code(self, source: str, filename: str, mode: str, flags: int):
        digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=20).digest()
        key = (filename, mode, flags, digest)
        code = self.table.get(key)
        if code is not None:
            self.hits += 1
            self.used.add(key)
            return code
        # as if called from the library's module: its `from __future__` flags, not this one's
        code = builtins.compile(source, filename, mode, flags, True)
        if _SALTED not in source:
            self.new[key] = code
        return code

    def uninstall(self, save: bool = True) -> None:
        """Give the libraries back the builtins; write what was compiled anew."""
        for module, builtin, replacement in self._patched:
            if vars(module).get(builtin) is replacement:
                delattr(module, builtin)
        self._patched = []
        if save and self.new:
            # what this start used and compiled: code of an older library version goes
            table = {key: self.table[key] for key in self.used}
            table.update(self.new)
            _save(self.path, table)
        self.new = {}


def install_for_startup(directory: Callable[[], Path]) -> CompiledCode | None:
    """Install the cache for this start (None when it cannot be: no attrs, no cache dir)."""
    try:
        return CompiledCode(cache_path(directory())).install()
    except Exception:  # noqa: BLE001 - a start-up speed-up must never stop the server starting
        return None
