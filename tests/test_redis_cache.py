"""The shared cache level against a real redis-server: limits, namespaces, the lock, the
backoff; the settings that configure it; and that nothing loads redis unless asked."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time

import pytest

from lsp_router.cache.redis_store import (
    RedisResultCache, TwoLevelCache, cache_namespace, normalise_remote, open_shared_cache, repository_identity)
from lsp_router.cache.shared_flight import SharedFlight
from lsp_router.cache.store import DiskResultCache, CachedResult
from lsp_router.redis_client import RedisLink, redact_url
from lsp_router.settings import CacheSettings, StorageSettings, parse_settings


def entry(text: str = "x") -> CachedResult:
    return CachedResult({"markdown": text}, "openai:gpt-5.4-mini", "mini", "0.001", time.time())


# ----------------------------------------------------------------------------- settings


def test_storage_cache_takes_disk_or_a_redis_url():
    settings, errors = parse_settings({"storage": {"cache": "rediss://:s3cret@10.0.0.5:6380/2"}, "cache": {"shared": True}})
    assert errors == []
    assert settings.storage.cache_url == "rediss://:s3cret@10.0.0.5:6380/2" and settings.cache.shared is True
    assert "s3cret" not in repr(settings)
    assert parse_settings({"storage": {"cache": "disk"}})[0].storage == StorageSettings()
    default, _ = parse_settings({})
    assert default.storage.cache == "disk" and default.cache.shared is False


@pytest.mark.parametrize("value, problem", [
    ("http://:s3cret@host:6379", "redis://"),
    ("redis://", "no host"),
    ("redis://host:99999", "not a valid URL"),
    ("redis://:s3cret@host/zero", "database"),
    (6379, "expected"),
])
def test_a_wrong_storage_cache_is_reported_without_its_password_and_keeps_the_default(value, problem):
    settings, errors = parse_settings({"storage": {"cache": value}})
    assert settings.storage.cache == "disk"
    assert len(errors) == 1 and "lspRouter.storage.cache" in errors[0] and problem in errors[0]
    assert "s3cret" not in errors[0]


def test_cache_shared_needs_a_redis_url_and_a_boolean():
    assert "needs storage.cache" in parse_settings({"cache": {"shared": True}})[1][0]
    settings, errors = parse_settings({"cache": {"shared": "yes"}})
    assert settings.cache.shared is False and "lspRouter.cache.shared" in errors[0]


def test_redact_url():
    assert redact_url("redis://user:pw@h:1/0") == "redis://user:***@h:1/0"
    assert redact_url("redis://h:1/0") == "redis://h:1/0"


# ----------------------------------------------------------------------------- namespace


@pytest.mark.parametrize("remote", [
    "git@github.com:acme/shop.git", "https://github.com/acme/shop", "https://ana:tok@GitHub.com/acme/shop.git/",
    "ssh://git@github.com:22/acme/shop.git",
])
def test_remote_urls_of_one_repository_normalise_alike(remote):
    assert normalise_remote(remote) == "github.com/acme/shop"


def test_the_namespace_is_the_team_and_the_repository(tmp_path):
    repo = tmp_path / "shop"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    plain = tmp_path / "plain"
    plain.mkdir()
    assert repository_identity(repo).startswith("path:")  # no remote yet: the root path's hash
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "git@github.com:acme/shop.git"], check=True)
    assert cache_namespace("platform", repo) == "platform|git:github.com/acme/shop"
    assert cache_namespace("", repo.as_uri()) == "-|git:github.com/acme/shop"
    assert repository_identity(plain) != repository_identity(repo)
    assert repository_identity(plain) == repository_identity(plain.as_uri())


# ----------------------------------------------------------------------------- the level


def test_entries_expire_with_the_ttl_and_carry_it(redis_server):
    level = RedisResultCache(RedisLink(redis_server.url), "t|a", CacheSettings(ttl_days=0.5 / 86400))  # 0.5 s
    level.put("k", entry())
    assert level.get("k") is not None
    assert 0 < redis_server.client().pttl(level.entry_key("k")) <= 500
    time.sleep(0.7)
    assert level.get("k") is None


def test_the_size_limit_is_per_namespace_least_recently_used_first(redis_server):
    link = RedisLink(redis_server.url)
    small = CacheSettings(max_size_mb=3000 / 2**20)  # ~3000 bytes
    one, two = RedisResultCache(link, "t|a", small), RedisResultCache(link, "t|b", small)
    for i in range(4):
        one.put(f"k{i}", entry("a" * 800))
        time.sleep(0.003)  # last use is kept in milliseconds
        if i == 1:
            one.get("k0")  # k0 used again: k1 is now the oldest
            time.sleep(0.003)
    two.put("k0", entry("b" * 800))
    assert one.get("k0") is not None and one.get("k1") is None
    assert one.get("k2") is not None and one.get("k3") is not None
    assert 0 < one.stats()["sizeBytes"] <= 3000
    assert two.get("k0").payload["markdown"] == "b" * 800  # the other namespace is untouched
    assert one.get("k0").payload["markdown"] == "a" * 800


def test_an_entry_over_1_mib_is_not_shared_and_foreign_ones_are_ignored(redis_server):
    level = RedisResultCache(RedisLink(redis_server.url), "t|a", CacheSettings())
    level.put("big", entry("x" * 2**20))
    assert redis_server.client().exists(level.entry_key("big")) == 0
    client = redis_server.client()
    for i, raw in enumerate([b"\xff\xfe", b'{"v": 99}', b"[1, 2]", b"x" * (2**20 + 1), b'{"v":1,"payload":[]}']):
        client.set(level.entry_key(f"bad{i}"), raw)
        assert level.get(f"bad{i}") is None


def test_clear_empties_this_namespace_only(redis_server):
    link = RedisLink(redis_server.url)
    one, two = RedisResultCache(link, "t|a", CacheSettings()), RedisResultCache(link, "t|b", CacheSettings())
    for i in range(3):
        one.put(f"k{i}", entry())
    two.put("k0", entry())
    assert one.clear() == 3
    assert one.get("k0") is None and two.get("k0") is not None and one.stats()["entries"] == 0


def test_a_shared_hit_is_written_to_the_local_level(redis_server, tmp_path):
    link = RedisLink(redis_server.url)
    shared = RedisResultCache(link, "t|a", CacheSettings())
    shared.put("k", entry("from a teammate"))
    cache = TwoLevelCache(DiskResultCache(tmp_path / "local", CacheSettings()), shared)
    assert cache.get("k").payload["markdown"] == "from a teammate"
    assert cache.local.get("k").payload["markdown"] == "from a teammate"
    assert cache.stats()["shared"]["entries"] == 1
    cache.close()


def test_open_shared_cache_only_when_asked(tmp_path):
    local = DiskResultCache(tmp_path / "local", CacheSettings())
    off, _ = parse_settings({"storage": {"cache": "redis://127.0.0.1:1/0"}})
    assert open_shared_cache(local, off, str(tmp_path)) is local
    on, _ = parse_settings({"storage": {"cache": "redis://127.0.0.1:1/0"}, "cache": {"shared": True}})
    assert isinstance(open_shared_cache(local, on, str(tmp_path)), TwoLevelCache)
    assert open_shared_cache(local, on, None) is local  # no workspace, no repository: nothing shared
    local.close()


# ----------------------------------------------------------------------------- backoff


def test_an_unreachable_redis_costs_nothing_after_the_first_try_and_is_logged_once(redis_server, caplog):
    link = RedisLink(redis_server.url, backoff_first_s=0.3)
    level = RedisResultCache(link, "t|a", CacheSettings())
    level.put("k", entry())
    redis_server.kill()
    with caplog.at_level(logging.DEBUG, logger="lsp_router.redis_client"):
        assert level.get("k") is None
        assert link.backing_off
        started = time.perf_counter()
        for _ in range(1000):
            assert level.get("k") is None
        assert time.perf_counter() - started < 0.05  # down: no socket at all, not even a connect
        time.sleep(1.0)  # the probe tried again (0.3 s, then 0.6 s later) and failed: still down
        assert link.backing_off
        redis_server.start()
        deadline = time.monotonic() + 5
        while link.backing_off and time.monotonic() < deadline:
            time.sleep(0.05)
    assert not link.backing_off and link.reachable  # back without a request having to fail first
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 2 and "unreachable" in warnings[0] and "reachable again" in warnings[1]
    level.put("k", entry())
    assert level.get("k") is not None
    link.close()


def test_the_password_comes_from_the_environment_and_is_never_logged(tmp_path, monkeypatch, caplog):
    from tests.redis_server import RedisServer

    with RedisServer(tmp_path / "redis", password="s3cret-pw") as server:
        url = server.url.replace(":s3cret-pw@", "")
        monkeypatch.setenv("LSP_ROUTER_REDIS_PASSWORD", "s3cret-pw")
        level = RedisResultCache(RedisLink(url), "t|a", CacheSettings())
        level.put("k", entry())
        assert level.get("k") is not None
        monkeypatch.setenv("LSP_ROUTER_REDIS_PASSWORD", "wrong-pw")
        with caplog.at_level(logging.DEBUG):
            bad = RedisResultCache(RedisLink(server.url.replace("s3cret-pw", "wrong-pw")), "t|a", CacheSettings())
            assert bad.get("k") is None
            assert "wrong-pw" not in bad.stats().get("error", "") + caplog.text
            assert "refuses us" in caplog.text and "wrong-pw" not in caplog.text


def test_the_settings_password_comes_before_the_environment_and_after_the_url(tmp_path, monkeypatch, caplog):
    from tests.redis_server import RedisServer

    with RedisServer(tmp_path / "redis", password="s3cret-pw") as server:
        bare = server.url.replace(":s3cret-pw@", "")
        monkeypatch.setenv("LSP_ROUTER_REDIS_PASSWORD", "wrong-env-pw")
        level = RedisResultCache(RedisLink(bare, password="s3cret-pw"), "t|a", CacheSettings())  # storage.cachePassword
        level.put("k", entry())
        assert level.get("k") is not None
        monkeypatch.delenv("LSP_ROUTER_REDIS_PASSWORD")
        in_url = RedisResultCache(RedisLink(server.url, password="wrong-settings-pw"), "t|a", CacheSettings())
        assert in_url.get("k") is not None  # the URL's own password wins
        with caplog.at_level(logging.DEBUG):
            wrong = RedisResultCache(RedisLink(bare, password="wrong-settings-pw"), "t|a", CacheSettings())
            assert wrong.get("k") is None
            error = wrong.stats()["error"]
        assert "authentication failed" in error and "wrong-settings-pw" not in error + caplog.text
        for cache in (level, in_url, wrong):
            cache.close()


# ----------------------------------------------------------------------------- the lock


async def test_a_waiter_calls_itself_when_the_lock_owner_disappears(redis_server):
    level = RedisResultCache(RedisLink(redis_server.url), "t|a", CacheSettings())
    flight = SharedFlight(level, lock_ms=300, poll_s=0.02)
    # a machine took the lock and died: nobody renews it
    redis_server.client().set(level.lock_key("k"), "dead-owner", px=300)
    calls = []

    async def call():
        calls.append(time.monotonic())
        return "called"

    started = time.monotonic()
    assert await flight.run("k", call, lambda e: "hit") == "called"
    assert len(calls) == 1 and 0.25 < calls[0] - started < 2


async def test_a_waiter_gets_the_owners_answer_and_the_lock_is_renewed(redis_server):
    level = RedisResultCache(RedisLink(redis_server.url), "t|a", CacheSettings())
    owner = SharedFlight(level, lock_ms=200, renew_s=0.05, poll_s=0.02)
    waiter = SharedFlight(RedisResultCache(RedisLink(redis_server.url), "t|a", CacheSettings()), lock_ms=200, poll_s=0.02)

    async def slow_call():
        await asyncio.sleep(0.6)  # three times the lock's life: only renewal keeps it
        level.put("k", entry("the owner's answer"))
        return "called"

    async def must_not_call():
        raise AssertionError("the waiter called although the owner was alive")

    first = asyncio.create_task(owner.run("k", slow_call, lambda e: "hit"))
    await asyncio.sleep(0.05)
    second = await waiter.run("k", must_not_call, lambda e: e.payload["markdown"])
    assert await first == "called" and second == "the owner's answer"
    assert redis_server.client().exists(level.lock_key("k")) == 0


async def test_without_redis_everyone_calls(redis_server):
    level = RedisResultCache(RedisLink(redis_server.url), "t|a", CacheSettings())
    redis_server.kill()

    async def call():
        return "called"

    assert await SharedFlight(level).run("k", call, lambda e: "hit") == "called"


# ----------------------------------------------------------------------------- start-up


def test_redis_is_not_imported_unless_the_shared_cache_is_used(tmp_path):
    code = (
        "import sys, lsp_router.server, lsp_router.engine as e, lsp_router.settings as s\n"
        "settings, _ = s.parse_settings({'storage': {'cache': 'redis://127.0.0.1:1/0'}})\n"
        "engine = e.open_engine(settings, session='x', ledger=':memory:')\n"
        "print('redis' in sys.modules, type(engine.cache).__name__)\n"
    )
    env = {"LSP_ROUTER_CACHE_DIR": str(tmp_path / "c"), "LSP_ROUTER_DATA_DIR": str(tmp_path / "d"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["False", "DiskResultCache"]


def test_a_refused_command_skips_that_store_without_taking_the_level_down(redis_server):
    link = RedisLink(redis_server.url)
    level = RedisResultCache(link, "t|a", CacheSettings())
    level.put("k", entry("stored before"))
    client = redis_server.client()
    client.delete(level.prefix + "idx")
    client.set(level.prefix + "idx", "not a sorted set")  # every ZADD now fails with WRONGTYPE
    level.put("k2", entry())  # refused by Redis: skipped
    assert client.exists(level.entry_key("k2")) == 0
    assert not link.backing_off and link.reachable
    assert level.get("k").payload["markdown"] == "stored before"


def test_the_team_name_is_read_when_the_settings_have_one(tmp_path):
    from types import SimpleNamespace

    from lsp_router.cache.redis_store import team_name

    settings, _ = parse_settings({})
    assert team_name(settings) == ""  # team.* comes with the ledger half of issue 16
    assert team_name(SimpleNamespace(team=SimpleNamespace(name="platform"))) == "platform"
    assert team_name(SimpleNamespace(team=None)) == ""
    repo = tmp_path / "shop"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "https://github.com/acme/shop.git"], check=True)
    assert cache_namespace("platform", repo) != cache_namespace("data", repo)
