"""The start-up cache of attrs's generated code, in fresh interpreters (this one has
lsprotocol loaded already)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lsp_router import startup_codecache as codecache

# Imports lsprotocol through the cache, then reports what the cache did and checks that the
# classes work: attrs's __init__ (with its converters and defaults), __eq__, __repr__, and
# the annotations of a generated __init__ as attrs would leave them.
PROBE = r"""
import json, sys
from pathlib import Path
from lsp_router import startup_codecache as codecache
code = codecache.CompiledCode(Path(sys.argv[1])).install()
from lsprotocol import types
code.uninstall()
a = types.Position(line=3, character=4)
r = types.Range(start=a, end=types.Position(line=3, character=9))
item = types.InlineCompletionItem(insert_text="x", range=r)
print(json.dumps({
    "hits": code.hits,
    "loaded": len(code.table),
    "equal": a == types.Position(3, 4) and a != types.Position(3, 5),
    "repr": repr(item),
    "item": item.insert_text == "x" and item.range.end.character == 9,
    "annotations": sorted(map(str, types.Position.__init__.__annotations__.values())),
    "compile_left": "compile" in vars(sys.modules["attr._make"]),
}))
"""


def probe(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_the_second_start_compiles_nothing_and_the_classes_are_the_same(tmp_path):
    path = codecache.cache_path(tmp_path / "cache")
    cold = probe(path)
    assert cold["hits"] == 0 and cold["loaded"] == 0 and path.exists()
    warm = probe(path)
    assert warm["loaded"] > 500 and warm["hits"] == warm["loaded"]  # every class's code from the file
    for key in ("equal", "repr", "item", "annotations"):
        assert warm[key] == cold[key]
    assert warm["equal"] and warm["item"] and warm["repr"].startswith("InlineCompletionItem(insert_text='x'")
    assert not warm["compile_left"]  # attrs has the builtin compile back


def test_a_corrupt_or_foreign_file_is_compiled_over(tmp_path):
    path = codecache.cache_path(tmp_path)
    path.write_bytes(b"\x00not marshal data")
    first = probe(path)
    assert first["hits"] == 0 and first["equal"]
    assert probe(path)["hits"] > 500  # rewritten, then used
    path.write_bytes(b"")  # empty
    assert probe(path)["hits"] == 0


def test_an_unwritable_cache_directory_only_means_compiling(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = probe(blocker / "sub" / "attrs.marshal")
    assert result["hits"] == 0 and result["equal"] and result["item"]


def test_the_same_source_under_other_future_flags_is_compiled_as_attrs_would():
    """The cache compiles as if called from attr/_make.py (its `from __future__` flags)."""
    import attr._make as make

    cache = codecache.CompiledCode(Path("/nonexistent/never-written.marshal"))
    cache.install()
    try:
        import __future__

        source = "def f(x: Undefined) -> int:\n    return x\n"
        code = make.compile(source, "<probe>", "exec")
        namespace: dict = {}
        if getattr(make, "annotations", None) is __future__.annotations:
            exec(code, namespace)  # postponed: the undefined name is never looked up
            assert namespace["f"].__annotations__["x"] == "Undefined"
        else:
            with pytest.raises(NameError):
                exec(code, namespace)
    finally:
        cache.uninstall(save=False)
    assert "compile" not in vars(make)


def test_code_of_an_older_library_version_is_dropped_when_new_code_is_written(tmp_path):
    import marshal

    path = codecache.cache_path(tmp_path)
    probe(path)
    table = marshal.loads(path.read_bytes())
    stale_key = ("<attrs generated init old.Class>", "exec", b"\0" * 20)
    table[stale_key] = compile("x = 1", "<old>", "exec")
    some_key = next(iter(k for k in table if k != stale_key))
    del table[some_key]  # as if lsprotocol had a new class: compiled again and written
    path.write_bytes(marshal.dumps(table))
    assert probe(path)["hits"] == len(table) - 1
    rewritten = marshal.loads(path.read_bytes())
    assert stale_key not in rewritten and some_key in rewritten


def test_the_server_keeps_what_reading_initialize_compiles_even_when_the_client_leaves_at_once(tmp_path):
    """`lsp-router serve`, one `initialize`, then the end of input: the file holds attrs's
    code for lsprotocol, cattrs's for reading `initialize` and dataclasses's for our
    settings; a file of the earlier layout is gone."""
    import marshal
    import os

    cache = tmp_path / "cache"
    older = codecache.cache_path(cache).with_name(codecache.cache_path(cache).name.replace("-2.marshal", "-1.marshal"))
    cache.mkdir()
    older.write_bytes(b"old layout")
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    env = {**os.environ, "LSP_ROUTER_CACHE_DIR": str(cache), "LSP_ROUTER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "lsp_router", "serve"], input=f"Content-Length: {len(body)}\r\n\r\n{body}",
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"id": 1' in done.stdout or '"id":1' in done.stdout  # initialize was answered
    names = {key[0] for key in marshal.loads(codecache.cache_path(cache).read_bytes())}
    assert "<attrs generated methods lsprotocol.types.Position>" in names
    assert any(name.startswith("<cattrs generated structure lsprotocol.types.InitializeParams") for name in names)
    assert "<string>" in names  # dataclasses's
    assert not older.exists()
