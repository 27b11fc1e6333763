"""`lsp-router storage check` on the shared cache, against a real redis-server: what
storage.cache is, whether cache.shared uses it, PING with the cause of a failure, this
workspace's namespace and its entries; the password is never printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lsp_router.cache.redis_store import RedisResultCache, cache_namespace
from lsp_router.redis_client import RedisLink
from lsp_router.settings import CacheSettings
from tests.redis_server import RedisServer, free_port
from tests.test_redis_cache import entry

PASSWORD = "check-s3cret-41"


def check(tmp_path: Path, env: dict, storage: dict, cache: dict | None = None, *flags: str,
          workspace: Path | None = None) -> subprocess.CompletedProcess:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"storage": storage, "cache": cache or {"shared": True}, "team": {"name": "core"}}))
    workspace = workspace or repository(tmp_path / "shop")
    return subprocess.run(
        [sys.executable, "-m", "lsp_router", "storage", "check", "--settings", str(settings),
         "--workspace", str(workspace), *flags],
        capture_output=True, text=True, timeout=60, env={**env, "LSP_ROUTER_REDIS_PASSWORD": ""})


def repository(path: Path) -> Path:
    if (path / ".git").exists():
        return path
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    subprocess.run(["git", "-C", str(path), "remote", "add", "origin", "git@github.com:acme/shop.git"], check=True)
    return path


def test_a_reachable_redis_with_its_namespace_and_entries(redis_server, tmp_path, server_env):
    namespace = cache_namespace("core", str(repository(tmp_path / "shop")))
    level = RedisResultCache(RedisLink(redis_server.url), namespace, CacheSettings())
    level.put("a", entry())
    level.put("b", entry())
    level.close()

    out = check(tmp_path, server_env, {"cache": redis_server.url}, None, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ledger"] == {"local": str(Path(server_env["LSP_ROUTER_DATA_DIR"]) / "ledger.sqlite3"), "team": None}
    cache = report["cache"]
    assert cache["url"] == redis_server.url and cache["shared"] is True and cache["used"] is True
    assert cache["counters"] is False  # no team ledger: no budget counters in Redis
    assert cache["reachable"] is True and "error" not in cache
    assert cache["namespace"] == "core|git:github.com/acme/shop" == namespace
    assert cache["entries"] == 2 and cache["sizeBytes"] > 0 and cache["usedMemoryBytes"] > 0

    text = check(tmp_path, server_env, {"cache": redis_server.url})
    assert text.returncode == 0, text.stderr
    assert f"shared cache: {redis_server.url}" in text.stdout
    assert "namespace: core|git:github.com/acme/shop" in text.stdout and "reachable: yes" in text.stdout
    assert "entries: 2," in text.stdout


def test_cache_shared_off_or_disk_is_said(redis_server, tmp_path, server_env):
    off = check(tmp_path, server_env, {"cache": redis_server.url}, {"shared": False})
    assert off.returncode == 0, off.stderr
    assert "cache.shared is false: nothing is shared" in off.stdout and "reachable: yes" in off.stdout
    assert json.loads(check(tmp_path, server_env, {"cache": redis_server.url}, {"shared": False}, "--json")
                      .stdout)["cache"]["used"] is False

    # with a team ledger the budget counters use this Redis all the same; a ledger down fails the check
    ledger = f"postgresql://team@127.0.0.1:{free_port()}/lsp_router"
    both = check(tmp_path, server_env, {"cache": redis_server.url, "ledger": ledger}, {"shared": False})
    assert both.returncode == 1 and "connection refused" in both.stderr
    assert "budget counters still use this Redis" in both.stderr and "reachable: yes (PING)" in both.stderr

    disk = check(tmp_path, server_env, {"cache": "disk"}, {"shared": False}, "--json")
    assert disk.returncode == 0
    assert json.loads(disk.stdout)["cache"] == {"storage": "disk", "url": None, "shared": False, "enabled": True,
                                                "used": False, "counters": False, "reachable": None,
                                                "namespace": None}


def test_a_down_redis_fails_the_check_with_the_cause(tmp_path, server_env):
    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    out = check(tmp_path, server_env, {"cache": url})
    assert out.returncode == 1
    assert "reachable: no" in out.stderr and "connection refused" in out.stderr and "redis-server running" in out.stderr
    assert out.stderr.count("connection refused") == 1  # the report, not also the server's log line
    report = json.loads(check(tmp_path, server_env, {"cache": url}, None, "--json").stdout)["cache"]
    assert report["reachable"] is False and "connection refused" in report["error"] and report["fix"]


def test_a_password_protected_redis_wrong_missing_and_right_password_never_printed(tmp_path, server_env):
    with RedisServer(tmp_path / "redis", password=PASSWORD) as redis:
        bare = f"redis://127.0.0.1:{redis.port}/0"
        wrong = check(tmp_path, server_env, {"cache": bare.replace("//", "//:not-the-pw-77@")})
        assert wrong.returncode == 1 and "authentication failed" in wrong.stderr, wrong.stderr
        assert "not-the-pw-77" not in wrong.stdout + wrong.stderr and "redis://:***@127.0.0.1" in wrong.stderr

        missing = check(tmp_path, server_env, {"cache": bare})
        assert missing.returncode == 1 and "authentication required" in missing.stderr, missing.stderr
        assert "LSP_ROUTER_REDIS_PASSWORD" in missing.stderr

        for storage, env in (({"cache": redis.url}, server_env),
                             ({"cache": bare}, {**server_env, "LSP_ROUTER_REDIS_PASSWORD": PASSWORD})):
            settings = tmp_path / "env.json"
            settings.write_text(json.dumps({"storage": storage, "cache": {"shared": True}}))
            right = subprocess.run([sys.executable, "-m", "lsp_router", "storage", "check", "--settings", str(settings),
                                    "--json"], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
            assert right.returncode == 0, right.stderr
            assert json.loads(right.stdout)["cache"]["reachable"] is True
            assert PASSWORD not in right.stdout + right.stderr


def test_doctor_checks_the_team_storage_too(tmp_path, server_env):
    """`lsp-router doctor` with team backends in the settings reports them as `storage check`
    does, and a configured backend that cannot be reached makes it fail (exit 1), password unsaid."""
    with RedisServer(tmp_path / "redis", password=PASSWORD) as server:
        settings = tmp_path / "doctor.json"
        settings.write_text(json.dumps({"storage": {"cache": server.url}, "cache": {"shared": True}}))

        def doctor(*flags: str) -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, "-m", "lsp_router", "doctor", "--settings", str(settings), *flags],
                                  capture_output=True, text=True, timeout=60, env=server_env)

        up = doctor("--json")
        report = json.loads(up.stdout)
        assert report["storage"]["cache"]["reachable"] is True, report["storage"]
        assert PASSWORD not in up.stdout + up.stderr
        server.kill()
        down = doctor()
        assert down.returncode == 1
        assert "team storage (as `lsp-router storage check`):" in down.stdout
        assert "reachable: no" in down.stdout and "redis://:***@127.0.0.1" in down.stdout
        assert PASSWORD not in down.stdout + down.stderr
    # without team backends the doctor says nothing of them
    plain = tmp_path / "plain.json"
    plain.write_text("{}")
    alone = subprocess.run([sys.executable, "-m", "lsp_router", "doctor", "--settings", str(plain), "--json"],
                           capture_output=True, text=True, timeout=60, env=server_env)
    assert "storage" not in json.loads(alone.stdout)
