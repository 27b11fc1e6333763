"""The team's shared cache (Redis), through real servers over stdio and a real redis-server.

Two servers with their own data and cache folders are two machines; the workspace root's git
remote names the repository. The material is the standard library's argparse.py, opened from
the same path on every "machine", or copied into each clone (explanations show the model the
path relative to the workspace folder, so clones at different paths share their answers).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import settings_for, stdlib_file

ARGPARSE = stdlib_file("argparse.py")
FIRST = ((0, 0), (30, 0))
SECOND = ((30, 0), (60, 0))
PINNED = {"explain": "mini", "refactor": "mini", "autocomplete": "mini"}


def repository(path: Path, remote: str | None) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    if remote:
        subprocess.run(["git", "-C", str(path), "remote", "add", "origin", remote], check=True)
    return path


def machine(tmp_path: Path, name: str) -> dict[str, str]:
    """The environment of another machine: its own data and cache folders."""
    return {"LSP_ROUTER_DATA_DIR": str(tmp_path / name / "data"), "LSP_ROUTER_CACHE_DIR": str(tmp_path / name / "cache")}


def shared_settings(loopback, redis, **cache) -> dict:
    return settings_for(loopback, routing=PINNED, storage={"cache": redis.url}, cache={"shared": True, **cache})


def entry_keys(redis) -> list[bytes]:
    return sorted(redis.client().scan_iter(match="lspr:c:*:e:*"))


async def wait_until(predicate, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def test_a_second_machine_gets_the_first_ones_answer_from_the_shared_cache(start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server)
    # the same repository, cloned by two people at different paths, one over ssh, one over https
    one_root = repository(tmp_path / "ana" / "shop", "git@github.com:acme/shop.git")
    two_root = repository(tmp_path / "bo" / "src" / "shop", "https://github.com/acme/shop")
    loopback.reply("Explains argparse's header.")

    one = await start_server(settings, env=machine(tmp_path, "ana"), root=one_root)
    first = await one.explain(one.open(ARGPARSE), *FIRST)
    assert first["cached"] is False and len(loopback.requests) == 1
    await wait_until(lambda: len(entry_keys(redis_server)) == 1)

    two = await start_server(settings, env=machine(tmp_path, "bo"), root=two_root)
    second = await two.explain(two.open(ARGPARSE), *FIRST)
    assert second["cached"] is True and second["costUsd"] == 0
    assert second["markdown"] == first["markdown"]
    assert len(loopback.requests) == 1  # no new provider request
    assert (await two.spend())["session"]["cacheHits"] == 1

    # the shared hit was written to the second machine's local level: it hits with Redis gone
    await two.client.shutdown_session()
    redis_server.kill()
    again = await start_server(settings, env=machine(tmp_path, "bo"), root=two_root)
    third = await again.explain(again.open(ARGPARSE), *FIRST)
    assert third["cached"] is True and len(loopback.requests) == 1
    assert again.client.messages == []


async def test_clones_at_different_paths_share_explanations_of_their_own_files(
        start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server)
    roots = [repository(tmp_path / "ana" / "shop", "git@github.com:acme/shop.git"),
             repository(tmp_path / "bo" / "work" / "shop", "https://github.com/acme/shop.git")]
    copies = []
    for root in roots:
        (root / "lib").mkdir()
        copy = root / "lib" / "argparse.py"
        copy.write_text(ARGPARSE.read_text())
        copies.append(copy)
    loopback.reply("Explains argparse's header.")

    one = await start_server(settings, env=machine(tmp_path, "ana"), root=roots[0])
    first = await one.explain(one.open(copies[0]), *FIRST)
    assert first["cached"] is False
    context = json.dumps(loopback.requests[0].body)
    assert "lib/argparse.py" in context and str(tmp_path) not in context  # no home directory in the prompt
    await wait_until(lambda: len(entry_keys(redis_server)) == 1)

    two = await start_server(settings, env=machine(tmp_path, "bo"), root=roots[1])
    second = await two.explain(two.open(copies[1]), *FIRST)
    assert second["cached"] is True and len(loopback.requests) == 1


async def test_another_repository_gets_nothing_from_this_ones_cache(start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server)
    shop = repository(tmp_path / "ana" / "shop", "git@github.com:acme/shop.git")
    billing = repository(tmp_path / "bo" / "billing", "git@github.com:acme/billing.git")
    loopback.reply("An explanation.")

    one = await start_server(settings, env=machine(tmp_path, "ana"), root=shop)
    await one.explain(one.open(ARGPARSE), *FIRST)
    await wait_until(lambda: len(entry_keys(redis_server)) == 1)

    two = await start_server(settings, env=machine(tmp_path, "bo"), root=billing)
    result = await two.explain(two.open(ARGPARSE), *FIRST)
    assert result["cached"] is False
    assert len(loopback.requests) == 2
    await wait_until(lambda: len(entry_keys(redis_server)) == 2)
    namespaces = {key.split(b":")[2] for key in entry_keys(redis_server)}
    assert len(namespaces) == 2


async def test_the_shared_cache_is_off_unless_cache_shared_is_true(start_server, loopback, redis_server, tmp_path):
    settings = settings_for(loopback, routing=PINNED, storage={"cache": redis_server.url})
    root = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
    loopback.reply("An explanation.")
    one = await start_server(settings, env=machine(tmp_path, "ana"), root=root)
    await one.explain(one.open(ARGPARSE), *FIRST)
    two = await start_server(settings, env=machine(tmp_path, "bo"), root=root)
    assert (await two.explain(two.open(ARGPARSE), *FIRST))["cached"] is False
    assert len(loopback.requests) == 2
    assert entry_keys(redis_server) == []


async def test_requests_go_on_when_redis_dies_and_the_cache_recovers(start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server)
    root = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
    loopback.reply("An explanation.")
    session = await start_server(settings, env=machine(tmp_path, "ana"), root=root)
    uri = session.open(ARGPARSE)
    await session.explain(uri, *FIRST)
    await wait_until(lambda: len(entry_keys(redis_server)) == 1)

    redis_server.kill()
    started = time.monotonic()
    fresh = await session.explain(uri, *SECOND)  # a miss: answered by the provider
    local = await session.explain(uri, *FIRST)  # a hit on the local level
    assert fresh["cached"] is False and fresh["markdown"] == "An explanation."
    assert local["cached"] is True
    assert len(loopback.requests) == 2
    assert time.monotonic() - started < 5
    assert session.client.messages == []  # no error shown: one log line, that is all

    redis_server.start()  # back, empty, on the same port: the server tries again after 2 s
    back = time.monotonic()
    line = 60
    while not entry_keys(redis_server):
        assert time.monotonic() - back < 15, "the shared cache did not come back"
        await asyncio.sleep(0.5)
        await session.explain(uri, (line, 0), (line + 10, 0))  # a new answer: stored in both levels
        line += 10
        await asyncio.sleep(0.2)
    assert session.client.messages == []


async def test_a_corrupt_entry_is_ignored(start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server)
    root = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
    loopback.reply("An explanation.")
    one = await start_server(settings, env=machine(tmp_path, "ana"), root=root)
    await one.explain(one.open(ARGPARSE), *FIRST)
    await wait_until(lambda: len(entry_keys(redis_server)) == 1)
    (key,) = entry_keys(redis_server)
    client = redis_server.client()
    ttl = client.pttl(key)
    client.set(key, b"\x80\x00garbage{not json", px=ttl)

    two = await start_server(settings, env=machine(tmp_path, "bo"), root=root)
    result = await two.explain(two.open(ARGPARSE), *FIRST)
    assert result["cached"] is False and result["markdown"] == "An explanation."
    assert len(loopback.requests) == 2
    assert two.client.messages == []
    # the fresh answer replaced the garbage
    await wait_until(lambda: client.get(key).startswith(b'{"v":1'))


async def test_two_machines_asking_the_same_miss_at_once_make_one_call(start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server)
    root = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
    one = await start_server(settings, env=machine(tmp_path, "ana"), root=root)
    two = await start_server(settings, env=machine(tmp_path, "bo"), root=root)
    one_uri, two_uri = one.open(ARGPARSE), two.open(ARGPARSE)
    loopback.reply("One slow answer for the whole team.", chunk_delay=0.1)
    results = await asyncio.gather(one.explain(one_uri, *FIRST), two.explain(two_uri, *FIRST))
    assert len(loopback.requests) == 1
    assert {r["markdown"] for r in results} == {"One slow answer for the whole team."}
    assert sorted(r["cached"] for r in results) == [False, True]
    assert redis_server.client().keys("lspr:c:*:lock:*") == []  # released


async def test_entries_have_the_cache_ttl(start_server, loopback, redis_server, tmp_path):
    settings = shared_settings(loopback, redis_server, ttlDays=0.5)
    root = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
    loopback.reply("An explanation.")
    session = await start_server(settings, env=machine(tmp_path, "ana"), root=root)
    await session.explain(session.open(ARGPARSE), *FIRST)
    await wait_until(lambda: len(entry_keys(redis_server)) == 1)
    (key,) = entry_keys(redis_server)
    ttl = redis_server.client().pttl(key)
    assert 43_000_000 < ttl <= 43_200_000, ttl


def cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lsp_router", "cache", *args], env=env, capture_output=True,
                          text=True, timeout=60)


async def test_cache_stats_and_clear_shared_work_on_this_namespace(start_server, loopback, redis_server, tmp_path,
                                                                 server_env):
    settings = shared_settings(loopback, redis_server)
    shop = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
    billing = repository(tmp_path / "billing", "git@github.com:acme/billing.git")
    loopback.reply("An explanation.")
    for root in (shop, billing):
        session = await start_server(settings, env=machine(tmp_path, root.name), root=root)
        await session.explain(session.open(ARGPARSE), *FIRST)
    await wait_until(lambda: len(entry_keys(redis_server)) == 2)
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(json.dumps({"storage": {"cache": redis_server.url}, "cache": {"shared": True}}))
    env = {**server_env, **machine(tmp_path, "shop")}

    stats = cli("stats", "--json", "--settings", str(settings_file), "--workspace", str(shop), env=env)
    assert stats.returncode == 0, stats.stderr
    shared = json.loads(stats.stdout)["shared"]
    assert shared["reachable"] is True and shared["entries"] == 1 and shared["sizeBytes"] > 0
    assert shared["namespace"] == "-|git:github.com/acme/shop"
    text = cli("stats", "--settings", str(settings_file), "--workspace", str(shop), env=env)
    assert "Shared cache: redis://127.0.0.1" in text.stdout and "github.com/acme/shop" in text.stdout

    cleared = cli("clear", "--shared", "--settings", str(settings_file), "--workspace", str(shop), env=env)
    assert cleared.returncode == 0, cleared.stderr
    assert "Removed 1 shared" in cleared.stdout
    remaining = entry_keys(redis_server)
    assert len(remaining) == 1  # billing's entry stays

    redis_server.kill()
    down = cli("stats", "--json", "--settings", str(settings_file), "--workspace", str(shop), env=env)
    figures = json.loads(down.stdout)["shared"]
    assert figures["reachable"] is False and "unreachable" in figures["error"]


async def test_the_redis_password_can_come_from_the_settings_alone(start_server, loopback, tmp_path):
    """storage.cachePassword (VS Code: from Secret Storage) opens a password-protected Redis
    named by a URL without one; without it the cache stays local until the password arrives in a
    settings change; the password is never shown."""
    from lsprotocol import types

    from tests.redis_server import RedisServer

    with RedisServer(tmp_path / "redis", password="cache-s3cret-9f2") as redis:
        bare = f"redis://127.0.0.1:{redis.port}/0"
        root = repository(tmp_path / "shop", "git@github.com:acme/shop.git")
        loopback.reply("An explanation.")
        no_env = {"LSP_ROUTER_REDIS_PASSWORD": ""}

        without = settings_for(loopback, routing=PINNED, storage={"cache": bare}, cache={"shared": True})
        refused = await start_server(without, env={**machine(tmp_path, "cy"), **no_env}, root=root)
        assert (await refused.explain(refused.open(ARGPARSE), *SECOND))["cached"] is False  # answered all the same
        await asyncio.sleep(0.3)
        assert entry_keys(redis) == []

        # the password set while the server runs (VS Code: the command, then didChangeConfiguration)
        with_password = {**without, "storage": {"cache": bare, "cachePassword": "cache-s3cret-9f2"}}
        refused.client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"lspRouter": with_password}))
        await refused.spend()  # the change is handled before the next request
        await refused.explain(refused.open(ARGPARSE), *FIRST)
        await wait_until(lambda: len(entry_keys(redis)) == 1)
        two = await start_server(with_password, env={**machine(tmp_path, "bo"), **no_env}, root=root)
        assert (await two.explain(two.open(ARGPARSE), *FIRST))["cached"] is True
        for session in (refused, two):
            said = " ".join(m.message for m in [*session.client.messages, *session.client.log_messages])
            assert "cache-s3cret-9f2" not in said
            assert session.client.messages == []
