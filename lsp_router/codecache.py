"""A disk cache for the code attrs compiles at start-up.

lsprotocol defines about 1,000 attrs classes; for each, attrs writes the source of its
`__init__`, `__repr__`, `__eq__`... and compiles it, every time a process imports
`lsprotocol.types`: some 280 ms of the ~0.6 s before a pygls server can answer
`initialize`. The source is the same from one start to the next, so its compiled code
can be kept like a `.pyc`: keyed by the source itself (a hash), its file name and mode,
in a file per Python bytecode version under the cache directory. A changed attrs or
lsprotocol makes other sources, so other keys; a missing, unreadable or corrupt file
only means compiling as usual.

Only attrs's own `compile` is replaced (a name in `attr._make`), only until
`initialize` is served; the code objects are the ones `compile` would return.
"""

from __future__ import annotations

import __future__
import builtins
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

_FORMAT = 1  # bump when the file's layout changes


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
    except OSError:
        pass  # a read-only cache directory: compile as usual next time


class CompiledCode:
    """Serves attrs's `compile` from the cache file while installed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.table: dict = {}
        self.new: dict = {}
        self.used: set = set()
        self.hits = 0
        self._module: Any = None
        self._flags = 0

    def install(self) -> "CompiledCode":
        try:
            import attr._make as make
        except ImportError:
            return self
        if "compile" in vars(make):  # already installed, or attrs has its own
            return self
        self._module = make
        self._flags = _future_flags(make)
        self.table = _load(self.path)
        make.compile = self._compile
        return self

    def _compile(self, source, filename, mode, *args: Any, **kwargs: Any):
        if args or kwargs or not isinstance(source, str):
            return builtins.compile(source, filename, mode, *args, **kwargs)
        key = (filename, mode, hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=20).digest())
        code = self.table.get(key)
        if code is not None:
            self.hits += 1
            self.used.add(key)
            return code
        # as if called from attr/_make.py: its `from __future__` flags, not this module's
        code = builtins.compile(source, filename, mode, self._flags, True)
        self.new[key] = code
        return code

    def uninstall(self, save: bool = True) -> None:
        """Give attrs back the builtin `compile`; write what was compiled anew."""
        if self._module is not None and vars(self._module).get("compile") == self._compile:
            del self._module.compile
        self._module = None
        if save and self.new:
            # what this start used and compiled: code of an older attrs or lsprotocol goes
            table = {key: self.table[key] for key in self.used}
            table.update(self.new)
            self.new = {}
            _save(self.path, table)


def install_for_startup(directory: Callable[[], Path]) -> CompiledCode | None:
    """Install the cache for this start (None when it cannot be: no attrs, no cache dir)."""
    try:
        return CompiledCode(cache_path(directory())).install()
    except Exception:  # noqa: BLE001 - a start-up speed-up must never stop the server starting
        return None
