"""The team's shared cache level in Redis, behind the local disk cache.

`TwoLevelCache` asks the local `DiskResultCache` first; on a miss it asks Redis
(`RedisResultCache`), and a shared hit is written to the local level. A new answer goes to
both. Entries are keyed as the local ones (`make_key`: content hashes of the inputs, the
model and the prompt version) inside a *namespace* per team and repository
(`cache_namespace`): the team name and the repository's normalised git remote URL, else a
hash of the workspace root, so code never crosses repositories.

Limits are the disk cache's: `cache.ttlDays` (every entry has a TTL), `cache.maxSizeMb` per
namespace (least recently used entries go first) and 1 MiB per entry. An entry that is not a
result of this version (corrupt, foreign, too big) is ignored. Redis being down costs
nothing: `RedisLink` backs off and every call is a miss or a skipped store.

Layout, under `lspr:c:<namespace id>:` (the id is a hash of the namespace):
`e:<key>` the entry (JSON text, PX = TTL), `idx` a sorted set of keys by last use (ms),
`sz` a hash of key -> bytes, `bytes` their total, `ns` the namespace in words,
`lock:<key>` the shared in-flight locks (`shared_flight.py`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from lsp_router.cache.store import MAX_VALUE_CHARS, CachedResult
from lsp_router.redis_client import RedisLink
from lsp_router.settings import CacheSettings

log = logging.getLogger(__name__)

PREFIX = "lspr:c:"

# KEYS: entry, index, sizes, total, label. ARGV: member, value, ttl ms, now ms, max bytes, entry prefix, label
_PUT = """
local entry, index, sizes, total, label = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local member, value, ttl, now, maxb, prefix = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local function drop(m)
  local size = redis.call('HGET', sizes, m)
  if size then redis.call('DECRBY', total, size) end
  redis.call('HDEL', sizes, m)
  redis.call('ZREM', index, m)
  redis.call('DEL', prefix .. m)
end
drop(member)
redis.call('SET', entry, value, 'PX', ttl)
redis.call('ZADD', index, now, member)
redis.call('HSET', sizes, member, #value)
redis.call('INCRBY', total, #value)
-- entries unused for longer than the TTL have expired: forget them
for _, m in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now - ttl, 'LIMIT', 0, 64)) do drop(m) end
-- over the size limit: least recently used first
local used = tonumber(redis.call('GET', total) or '0')
while used > maxb do
  local oldest = redis.call('ZRANGE', index, 0, 0)
  if #oldest == 0 or oldest[1] == member then break end
  drop(oldest[1])
  used = tonumber(redis.call('GET', total) or '0')
end
redis.call('SET', label, ARGV[7])
for _, k in ipairs({index, sizes, total, label}) do redis.call('PEXPIRE', k, ttl) end
return used
"""


# --------------------------------------------------------------------------- namespace


def normalise_remote(url: str) -> str:
    """A git remote URL as `host/path`: `git@github.com:Team/Repo.git`,
    `https://user@github.com/Team/Repo` and `ssh://git@github.com/Team/Repo.git/` are all
    `github.com/Team/Repo`. No user, password, port, scheme or `.git`."""
    text = url.strip()
    if "://" not in text and ":" in text and not text.startswith(("/", ".")):
        # scp-like syntax: [user@]host:path
        host, _, path = text.partition(":")
        host = host.rsplit("@", 1)[-1]
    else:
        try:
            parts = urlsplit(text)
            host, path = parts.hostname or "", unquote(parts.path)
        except ValueError:
            host, path = "", text
    path = path.strip("/")
    if path.endswith(".git"):
        path = path[: -len(".git")]
    return f"{host.lower()}/{path}" if host else path


def repository_identity(root: str | os.PathLike | None) -> str:
    """`git:<normalised remote>` of the workspace (origin, else the first remote), else
    `path:<hash of the resolved root>`, else `none`."""
    if not root:
        return "none"
    root_path = Path(str(root))
    if str(root).startswith("file:"):
        from urllib.parse import urlparse

        root_path = Path(unquote(urlparse(str(root)).path))
    try:
        out = subprocess.run(
            ["git", "-C", str(root_path), "config", "--get-regexp", r"^remote\..*\.url$"],
            capture_output=True, text=True, timeout=3, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    remotes: dict[str, str] = {}
    for line in out.splitlines():
        name, _, value = line.partition(" ")
        if value:
            remotes[name[len("remote."):-len(".url")]] = value
    remote = remotes.get("origin") or next(iter(remotes.values()), None)
    if remote:
        return "git:" + normalise_remote(remote)
    try:
        resolved = str(root_path.resolve())
    except OSError:
        resolved = str(root_path)
    return "path:" + hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def cache_namespace(team: str, root: str | os.PathLike | None) -> str:
    """The shared cache's namespace: team name and repository identity, in words."""
    return f"{team or '-'}|{repository_identity(root)}"


def team_name(settings: Any) -> str:
    """`team.name` when the settings have one (another part of issue 16 adds it), else ""."""
    team = getattr(settings, "team", None)
    name = getattr(team, "name", None) if team is not None else None
    return name if isinstance(name, str) else ""


# --------------------------------------------------------------------------- the shared level


class RedisResultCache:
    """One namespace of the shared cache in Redis (a `ResultCache`)."""

    enabled = True

    def __init__(self, link: RedisLink, namespace: str, settings: CacheSettings | None) -> None:
        self.link = link
        self.namespace = namespace
        self.ns_id = hashlib.sha256(namespace.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        self.prefix = f"{PREFIX}{self.ns_id}:"
        self._settings = settings
        self.hits = 0
        self.misses = 0
        self._put_script: Any = None

    def entry_key(self, key: str) -> str:
        return f"{self.prefix}e:{key}"

    def lock_key(self, key: str) -> str:
        return f"{self.prefix}lock:{key}"

    def get(self, key: str) -> CachedResult | None:
        now_ms = int(time.time() * 1000)

        def fetch(client):
            pipe = client.pipeline(transaction=False)
            pipe.get(self.entry_key(key))
            pipe.zadd(self.prefix + "idx", {key: now_ms}, xx=True)
            value = pipe.execute(raise_on_error=False)[0]  # the last-use mark may fail; the entry counts
            return None if isinstance(value, Exception) else value

        raw = self.link.call(fetch, None)
        result = self._read(key, raw)
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def _read(self, key: str, raw: Any) -> CachedResult | None:
        if raw is None:
            return None
        if not isinstance(raw, bytes) or len(raw) >= MAX_VALUE_CHARS:
            log.debug("ignoring an oversized or foreign shared cache entry %s", key[:12])
            return None
        try:
            return CachedResult.from_json(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError) as error:
            log.debug("ignoring an unreadable shared cache entry %s: %s", key[:12], error)
            return None

    def put(self, key: str, value: CachedResult) -> None:
        if self._settings is None:
            return
        try:
            text = value.to_json()
        except (TypeError, ValueError):
            return
        if len(text) >= MAX_VALUE_CHARS:
            return
        ttl_ms = max(1, int(self._settings.ttl_seconds * 1000))

        def store(client):
            if self._put_script is None:
                self._put_script = client.register_script(_PUT)
            p = self.prefix
            return self._put_script(
                keys=[self.entry_key(key), p + "idx", p + "sz", p + "bytes", p + "ns"],
                args=[key, text, ttl_ms, int(time.time() * 1000), self._settings.max_size_bytes, p + "e:",
                      self.namespace],
                client=client,
            )

        self.link.call(store, None)

    def stats(self) -> dict:
        out: dict[str, Any] = {
            "url": self.link.shown,
            "namespace": self.namespace,
            "reachable": False,
            "entries": 0,
            "sizeBytes": 0,
            "maxSizeBytes": self._settings.max_size_bytes if self._settings else None,
            "ttlDays": self._settings.ttl_days if self._settings else None,
            "processHits": self.hits,
            "processMisses": self.misses,
        }

        def read(client):
            pipe = client.pipeline(transaction=False)
            pipe.zcard(self.prefix + "idx")
            pipe.get(self.prefix + "bytes")
            return pipe.execute()

        try:
            entries, size = self.link.try_call(read)
        except ConnectionError as error:
            out["error"] = str(error)
            return out
        out.update(reachable=True, entries=int(entries or 0), sizeBytes=int(size or 0))
        return out

    def clear(self) -> int:
        """Remove this namespace's entries (and its bookkeeping); other namespaces stay.
        Raises ConnectionError when Redis cannot be reached."""

        def wipe(client):
            removed = 0
            batch: list = []
            for name in client.scan_iter(match=self.prefix + "*", count=500):
                if name.startswith((self.prefix + "e:").encode()):
                    removed += 1
                batch.append(name)
                if len(batch) >= 500:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
            return removed

        return self.link.try_call(wipe)

    def close(self) -> None:
        self.link.close()


class TwoLevelCache:
    """The local disk cache first, then the shared level; a shared hit is kept locally."""

    def __init__(self, local, shared: RedisResultCache) -> None:
        from lsp_router.cache.shared_flight import SharedFlight

        self.local = local
        self.shared = shared
        self.flight = SharedFlight(shared)
        self.shared_hits = 0

    @property
    def enabled(self) -> bool:
        return True

    def get(self, key: str) -> CachedResult | None:
        hit = self.local.get(key)
        if hit is not None:
            return hit
        return self.get_shared(key)

    def get_shared(self, key: str) -> CachedResult | None:
        hit = self.shared.get(key)
        if hit is not None:
            self.shared_hits += 1
            self.local.put(key, hit)
        return hit

    def put(self, key: str, value: CachedResult) -> None:
        self.local.put(key, value)
        self.shared.put(key, value)

    def stats(self) -> dict:
        out = dict(self.local.stats())
        out["shared"] = self.shared.stats()
        return out

    def clear(self) -> int:
        return self.local.clear()

    def close(self) -> None:
        self.local.close()
        self.shared.close()


def open_shared_cache(local, settings, workspace: str | None,
                      *, link_factory: Callable[..., RedisLink] = RedisLink) -> Any:
    """`local` with the team's shared level behind it when `cache.shared` is on and
    `storage.cache` is a Redis URL; else `local` itself. Never raises, never connects here."""
    url = settings.storage.cache_url
    if not (settings.cache.enabled and settings.cache.shared and url):
        return local
    if repository_identity(workspace) == "none":
        # no workspace folder: no repository to keep the answers in, so none are shared
        log.info("no workspace folder: the shared cache is not used (answers are shared per repository)")
        return local
    namespace = cache_namespace(team_name(settings), workspace)
    shared = RedisResultCache(link_factory(url, password=settings.storage.cache_password), namespace, settings.cache)
    log.info("shared cache at %s, namespace %s", shared.link.shown, namespace)
    return TwoLevelCache(local, shared)
