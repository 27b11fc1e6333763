"""The persistent result cache (real diskcache on tmp dirs) and `lsp-router cache`."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lsp_router.cache import cli as cache_cli
from lsp_router.cache.store import (
    CachedResult,
    CacheSettings,
    DiskResultCache,
    NullCache,
    ResultCache,
    make_key,
    open_cache,
)

FAKE_KEY = "sk-test-DO-NOT-STORE-0123456789abcdef"


def result(text: str = "return a + b", cost: str | None = "0.000420") -> CachedResult:
    return CachedResult(
        payload={"text": text}, model="openai:gpt-5.4-mini", tier="mini", cost_usd=cost, created=time.time()
    )


def key(**overrides) -> str:
    args = dict(
        task="autocomplete",
        model="openai:gpt-5.4-mini",
        inputs={"prefix": "def add(a, b):\n    ", "suffix": "\n"},
        prompt_version="ac-1",
        settings={"maxTokens": 64},
    )
    args.update(overrides)
    return make_key(
        args["task"], args["model"], args["inputs"], prompt_version=args["prompt_version"], settings=args["settings"]
    )


class Warnings(list):
    def __call__(self, message: str) -> None:
        self.append(message)


@pytest.fixture
def warnings() -> Warnings:
    return Warnings()


@pytest.fixture
def cache(tmp_path, warnings):
    c = open_cache(CacheSettings(), tmp_path / "results", warn=warnings)
    assert isinstance(c, DiskResultCache)
    yield c
    c.close()


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


# --------------------------------------------------------------------------- settings


def test_settings_defaults_and_camel_case():
    assert CacheSettings.from_dict({}) == CacheSettings(enabled=True, max_size_mb=256, ttl_days=14)
    s = CacheSettings.from_dict({"enabled": False, "maxSizeMb": 64, "ttlDays": 0.5})
    assert (s.enabled, s.max_size_mb, s.ttl_days) == (False, 64.0, 0.5)
    assert s.max_size_bytes == 64 * 1024 * 1024
    assert s.ttl_seconds == 43200


@pytest.mark.parametrize(
    "data, name",
    [
        ({"maxSizeMb": -1}, "cache.maxSizeMb"),
        ({"maxSizeMb": 0}, "cache.maxSizeMb"),
        ({"maxSizeMb": "big"}, "cache.maxSizeMb"),
        ({"maxSizeMb": True}, "cache.maxSizeMb"),
        ({"maxSizeMb": float("nan")}, "cache.maxSizeMb"),
        ({"ttlDays": -3}, "cache.ttlDays"),
        ({"ttlDays": None}, "cache.ttlDays"),
        ({"ttlDays": [1]}, "cache.ttlDays"),
        ({"enabled": "yes"}, "cache.enabled"),
        ({"enabled": 1}, "cache.enabled"),
        ({"maxSizeMB": 10}, "cache.maxSizeMB"),
    ],
)
def test_settings_reject_bad_values_naming_the_setting(data, name):
    with pytest.raises(ValueError, match=name.replace(".", r"\.")):
        CacheSettings.from_dict(data)


def test_settings_must_be_an_object():
    with pytest.raises(ValueError, match="cache"):
        CacheSettings.from_dict(["enabled"])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- keys


def test_key_covers_everything_that_changes_the_answer():
    base = key()
    assert len(base) == 64 and base == key()
    assert key(model="anthropic:claude-haiku-4-5") != base
    assert key(task="explain") != base
    assert key(prompt_version="ac-2") != base
    assert key(inputs={"prefix": "def add(a, b):\n    ", "suffix": "\n", "instruction": "x"}) != base
    assert key(inputs={"prefix": "def add(a, b):\n     ", "suffix": "\n"}) != base
    assert key(settings={"maxTokens": 65}) != base
    # canonical: key order does not matter
    assert key(inputs={"suffix": "\n", "prefix": "def add(a, b):\n    "}) == base


def test_api_keys_never_change_the_key():
    base = key()
    with_secrets = key(
        settings={
            "maxTokens": 64,
            "apiKey": FAKE_KEY,
            "api_key": FAKE_KEY,
            "openai": {"apiKey": FAKE_KEY, "x-api-key": FAKE_KEY},
            "headers": {"Authorization": f"Bearer {FAKE_KEY}"},
            "providers": [{"anthropicApiKey": FAKE_KEY, "accessToken": FAKE_KEY}],
        }
    )
    without_nested = key(settings={"maxTokens": 64, "openai": {}, "headers": {}, "providers": [{}]})
    assert key(settings={"maxTokens": 64, "apiKey": FAKE_KEY, "authorization": "x"}) == base
    assert with_secrets == without_nested


def test_key_is_fast_for_a_50_kb_prefix():
    prefix = "x = 1\n" * (50_000 // 6)
    start = time.perf_counter()
    for i in range(100):
        make_key("autocomplete", "openai:m", {"prefix": prefix + str(i), "suffix": ""}, prompt_version="1")
    assert (time.perf_counter() - start) / 100 < 0.005


# --------------------------------------------------------------------------- store


def test_round_trip_and_miss(cache):
    k = key()
    assert cache.get(k) is None
    value = result()
    cache.put(k, value)
    assert cache.get(k) == value
    assert cache.get(key(prompt_version="other")) is None
    assert isinstance(cache, ResultCache) and cache.enabled


def test_api_key_never_reaches_the_stored_bytes(tmp_path, warnings):
    directory = tmp_path / "results"
    c = open_cache(CacheSettings(), directory, warn=warnings)
    settings = {"maxTokens": 64, "apiKey": FAKE_KEY, "headers": {"Authorization": "Bearer " + FAKE_KEY}}
    k = make_key("explain", "openai:m", {"selection": "def f(): pass"}, prompt_version="1", settings=settings)
    c.put(k, result("It does nothing."))
    assert c.get(k) is not None
    c.close()
    data = all_bytes(directory)
    assert b"It does nothing." in data  # the value is really in there
    assert FAKE_KEY.encode() not in data
    assert b"DO-NOT-STORE" not in data


def test_persists_across_close_and_reopen(tmp_path, warnings):
    directory = tmp_path / "results"
    c = open_cache(CacheSettings(), directory, warn=warnings)
    c.put("k1", result("one"))
    c.close()
    again = open_cache(CacheSettings(), directory, warn=warnings)
    got = again.get("k1")
    assert got is not None and got.payload == {"text": "one"} and got.cost_usd == "0.000420"
    again.close()
    assert warnings == []


def test_shared_across_processes(tmp_path, warnings):
    directory = tmp_path / "results"
    c = open_cache(CacheSettings(), directory, warn=warnings)
    c.put("from-parent", result("parent wrote this"))
    script = textwrap.dedent(
        f"""
        import json, sys, time
        from pathlib import Path
        from lsp_router.cache.store import CacheSettings, CachedResult, DiskResultCache, open_cache
        c = open_cache(CacheSettings(), Path({str(directory)!r}), warn=lambda m: sys.exit("warned: " + m))
        assert isinstance(c, DiskResultCache), c
        got = c.get("from-parent")
        c.put("from-child", CachedResult({{"text": "child wrote this"}}, "anthropic:m", "frontier", None, time.time()))
        c.close()
        print(json.dumps(got.payload))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"text": "parent wrote this"}
    child = c.get("from-child")
    assert child is not None and child.payload == {"text": "child wrote this"} and child.cost_usd is None
    c.close()


def test_entries_expire_after_ttl(tmp_path, warnings):
    c = open_cache(CacheSettings(ttl_days=0.5 / 86400), tmp_path / "results", warn=warnings)
    c.put("k", result())
    assert c.get("k") is not None
    time.sleep(1.0)
    assert c.get("k") is None
    c.close()


def test_size_cap_evicts_least_recently_used(tmp_path, warnings):
    limit_mb = 0.25
    c = open_cache(CacheSettings(max_size_mb=limit_mb), tmp_path / "results", warn=warnings)
    c.put("keep", result("kept because it is used"))
    for i in range(200):
        c.put(f"k{i}", result(f"{i}:" + "x" * 4000))
        assert c.get("keep") is not None  # used all the time: never the least recently used
    stats = c.stats()
    assert stats["entries"] < 200
    assert stats["sizeBytes"] <= limit_mb * 1024 * 1024 * 1.25
    assert c.get("k0") is None  # the oldest unused ones went first
    assert c.get("k199") is not None
    c.close()


def test_stats_and_clear(tmp_path, warnings):
    directory = tmp_path / "results"
    c = open_cache(CacheSettings(max_size_mb=8, ttl_days=2), directory, warn=warnings)
    for i in range(3):
        c.put(f"k{i}", result())
    assert c.get("k0") and c.get("k1")
    assert c.get("missing") is None
    stats = c.stats()
    assert stats["enabled"] is True
    assert stats["directory"] == str(directory)
    assert stats["entries"] == 3
    assert stats["sizeBytes"] > 0
    assert stats["maxSizeBytes"] == 8 * 1024 * 1024
    assert stats["ttlDays"] == 2
    assert (stats["hits"], stats["misses"]) == (2, 1)
    assert (stats["processHits"], stats["processMisses"]) == (2, 1)
    # persisted: another instance (another server process) sees the totals
    other = open_cache(CacheSettings(), directory, warn=warnings)
    assert other.get("k2") is not None
    assert (other.stats()["hits"], other.stats()["misses"]) == (3, 1)
    assert other.stats()["processHits"] == 1
    assert c.clear() == 3
    after = c.stats()
    assert (after["entries"], after["hits"], after["misses"]) == (0, 0, 0)
    assert c.get("k0") is None
    other.close()
    c.close()


def test_private_permissions_whatever_the_umask(tmp_path, warnings):
    directory = tmp_path / "deep" / "results"
    old = os.umask(0)
    try:
        c = open_cache(CacheSettings(), directory, warn=warnings)
        c.put("k", result())
        c.get("k")
    finally:
        os.umask(old)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    files = [p for p in directory.iterdir()]
    assert (directory / "cache.db") in files
    for p in files:
        assert p.is_file(), f"unexpected entry {p}"  # values live in the db: no value folders
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    c.close()


def test_existing_db_with_loose_mode_is_tightened(tmp_path, warnings):
    directory = tmp_path / "results"
    open_cache(CacheSettings(), directory, warn=warnings).close()
    os.chmod(directory / "cache.db", 0o644)
    os.chmod(directory, 0o755)
    open_cache(CacheSettings(), directory, warn=warnings).close()
    assert stat.S_IMODE((directory / "cache.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_disabled_is_null_cache_and_touches_no_disk(tmp_path, warnings):
    directory = tmp_path / "results"
    c = open_cache(CacheSettings(enabled=False), directory, warn=warnings)
    assert isinstance(c, NullCache) and not c.enabled
    c.put("k", result())
    assert c.get("k") is None
    assert c.stats()["enabled"] is False and c.clear() == 0
    assert not directory.exists() and warnings == []


def test_opening_is_cheap(tmp_path, warnings):
    open_cache(CacheSettings(), tmp_path / "warm", warn=warnings).close()  # diskcache imported
    directory = tmp_path / "results"
    start = time.perf_counter()
    c = open_cache(CacheSettings(), directory, warn=warnings)
    first = time.perf_counter() - start
    c.close()
    start = time.perf_counter()
    open_cache(CacheSettings(), directory, warn=warnings).close()
    again = time.perf_counter() - start
    assert first < 0.5 and again < 0.2  # typically ~10 ms and ~3 ms; generous for slow CI


def test_importing_the_package_does_not_import_diskcache():
    code = "import sys, lsp_router.cache; print('diskcache' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


# --------------------------------------------------------------------------- faults


def test_corrupt_db_gives_null_cache_and_one_clear_warning(tmp_path, warnings):
    directory = tmp_path / "results"
    directory.mkdir()
    (directory / "cache.db").write_bytes(os.urandom(64) + b"this is not sqlite" * 500)
    c = open_cache(CacheSettings(), directory, warn=warnings)
    assert isinstance(c, NullCache) and not c.enabled
    c.put("k", result())
    assert c.get("k") is None
    assert len(warnings) == 1
    message = warnings[0]
    assert str(directory) in message
    assert "corrupt" in message
    assert "lsp-router cache clear" in message
    assert "without the cache" in message
    assert c.stats()["error"]


def test_a_file_where_the_directory_should_be(tmp_path, warnings):
    path = tmp_path / "results"
    path.write_text("not a folder")
    c = open_cache(CacheSettings(), path, warn=warnings)
    assert isinstance(c, NullCache)
    assert c.get("k") is None
    assert len(warnings) == 1 and str(path) in warnings[0] and "file" in warnings[0]
    assert path.read_text() == "not a folder"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permissions")
def test_permission_denied(tmp_path, warnings):
    parent = tmp_path / "locked"
    parent.mkdir()
    os.chmod(parent, 0o500)
    try:
        c = open_cache(CacheSettings(), parent / "results", warn=warnings)
    finally:
        os.chmod(parent, 0o700)
    assert isinstance(c, NullCache)
    assert len(warnings) == 1 and "permission" in warnings[0].lower()


def test_permission_denied_simulated(tmp_path, warnings, monkeypatch):
    # Runs as root too (root ignores file modes): make creating the folder fail as it would.
    from lsp_router.cache import store

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store.paths, "private_dir", denied)
    directory = tmp_path / "results"
    c = open_cache(CacheSettings(), directory, warn=warnings)
    assert isinstance(c, NullCache)
    assert len(warnings) == 1
    assert "permission denied" in warnings[0] and str(directory) in warnings[0]
    assert "writable" in warnings[0]


def test_read_only_database_while_running(cache, warnings, monkeypatch):
    def readonly(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(cache._cache, "set", readonly)
    cache.put("k", result())
    assert len(warnings) == 1 and "permission denied" in warnings[0]
    assert cache.get("k") is None


def test_disk_full_while_running_warns_once_then_no_cache(cache, warnings, monkeypatch):
    cache.put("before", result())
    assert cache.get("before") is not None

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(cache._cache, "set", full)
    cache.put("k", result())  # must not raise
    cache.put("k2", result())
    assert cache.get("before") is None  # behaves as NullCache from now on
    assert not cache.enabled
    assert len(warnings) == 1
    assert "disk is full" in warnings[0] and str(cache.directory) in warnings[0]
    assert cache.stats()["enabled"] is False and cache.clear() == 0


def test_db_corrupted_while_running(cache, warnings):
    directory = cache.directory
    cache.put("k", result())
    cache._cache.close()  # the connection is reopened on the next call
    for name in ("cache.db-wal", "cache.db-shm"):
        (directory / name).unlink(missing_ok=True)
    (directory / "cache.db").write_bytes(b"\x00garbage" * 4096)
    assert cache.get("k") is None  # no exception
    cache.put("k", result())
    assert cache.get("k") is None
    assert len(warnings) == 1 and "corrupt" in warnings[0]


def test_busy_database_is_a_miss_not_a_failure(cache, warnings):
    cache.put("k", result())
    other = sqlite3.connect(cache.directory / "cache.db", timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        start = time.perf_counter()
        assert cache.get("k") is None
        cache.put("k2", result())
        assert time.perf_counter() - start < 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cache.enabled and warnings == []
    assert cache.get("k") is not None


def test_foreign_value_is_a_miss_and_never_unpickled(cache, warnings):
    import diskcache

    plain = diskcache.Cache(str(cache.directory))
    plain.set("pickled", {"text": "hi"})  # stored as a pickle by a plain diskcache
    plain.set("garbage", "not json at all")
    plain.close()
    assert cache.get("pickled") is None
    assert cache.get("garbage") is None
    assert cache.enabled and warnings == []


def test_unusual_text_round_trips(cache, warnings):
    text = "naïve — 日本語 \U0001f600 \ud800 lone surrogate\x00nul"
    cache.put("k", result(text))
    got = cache.get("k")
    assert got is not None and got.payload["text"] == text
    assert cache.enabled and warnings == []


def test_non_json_payload_is_skipped_not_raised(cache, warnings):
    bad = CachedResult(payload={"obj": object()}, model="m:x", tier="mini", cost_usd=None, created=0.0)
    cache.put("k", bad)
    assert cache.get("k") is None and cache.enabled and warnings == []


# --------------------------------------------------------------------------- cli


@pytest.fixture
def cache_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LSP_ROUTER_CACHE_DIR", str(tmp_path / "cachedir"))
    return tmp_path / "cachedir" / "results"


def test_cli_stats_json_and_clear(cache_env, capsys, warnings):
    c = open_cache(CacheSettings(max_size_mb=32), warn=warnings)  # default directory, via the env var
    assert isinstance(c, DiskResultCache) and c.directory == cache_env
    assert stat.S_IMODE(cache_env.parent.stat().st_mode) == 0o700
    c.put("a", result())
    c.put("b", result())
    c.get("a")
    c.get("zzz")
    c.close()

    assert cache_cli.main(["cache", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["directory"] == str(cache_env)
    assert (stats["entries"], stats["hits"], stats["misses"]) == (2, 1, 1)
    assert stats["maxSizeBytes"] == 32 * 1024 * 1024  # the server's limit, not overwritten
    assert stats["enabled"] is True and stats["sizeBytes"] > 0

    assert cache_cli.main(["cache", "stats"]) == 0
    text = capsys.readouterr().out
    assert str(cache_env) in text and "entries:  2" in text and "50% hits" in text

    assert cache_cli.main(["cache", "clear"]) == 0
    assert "Removed 2 cached results" in capsys.readouterr().out
    assert cache_cli.main(["cache", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == 0
    # stats did not loosen the limit the server set
    again = DiskResultCache(cache_env, settings=None)
    assert again.stats()["maxSizeBytes"] == 32 * 1024 * 1024
    again.close()


def test_cli_on_a_missing_cache(cache_env, capsys):
    assert cache_cli.main(["cache", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == 0
    assert cache_cli.main(["cache", "clear"]) == 0
    assert "nothing to clear" in capsys.readouterr().out


def test_cli_clear_repairs_a_corrupt_cache(cache_env, capsys, warnings):
    cache_env.mkdir(parents=True)
    (cache_env / "cache.db").write_bytes(b"garbage" * 1000)
    assert cache_cli.main(["cache", "stats", "--json"]) == 1
    stats = json.loads(capsys.readouterr().out)
    assert stats["enabled"] is False and "corrupt" in stats["error"]
    assert cache_cli.main(["cache", "clear"]) == 0
    assert "corrupt" in capsys.readouterr().out
    c = open_cache(CacheSettings(), warn=warnings)
    assert isinstance(c, DiskResultCache) and warnings == []
    c.close()


def test_cli_requires_a_sub_command(cache_env):
    with pytest.raises(SystemExit):
        cache_cli.main(["cache"])
