"""The persistent result cache: a small `ResultCache` interface and its diskcache default.

The cheapest model call is the one not made. A finished answer is stored under a key
that covers everything that changes it (task, model, the exact inputs sent, the prompt
version, the settings that matter) and never the API key. A hit answers in a few
milliseconds, costs $0, and carries what the original call cost so the ledger can count
it as saved.

`DiskResultCache` is the embedded default: one `diskcache` (SQLite, WAL) directory under
the user's cache directory, shared by every server process of the user. A shared team
cache (e.g. Redis) only has to implement `ResultCache`.

Faults never stop the server: a cache that cannot be opened, or that breaks while
running (corrupt database, disk full, permission denied), logs one clear warning and
from then on behaves as `NullCache`.

Storage decisions:
- values are compact ASCII JSON text, never pickles (a custom diskcache `Disk` refuses to
  read anything else), small enough (< 1 MiB) to live inside `cache.db`: no value files;
- the directory is 0o700 and `cache.db` (and SQLite's -wal/-shm, which inherit the
  database's mode) are 0o600, whatever the umask;
- eviction is least-recently-used, so answers that keep being asked for stay;
- hits/misses are counted per process in memory, and persisted in the cache's own
  statistics (diskcache `statistics`) so `lsp-router cache stats` shows totals of all
  processes since the last `clear`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
from dataclasses import asdict, dataclass, is_dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path, PurePath
from typing import Any, Callable, Mapping, Protocol, runtime_checkable

from lsp_router import paths
from lsp_router.settings import CacheSettings

logger = logging.getLogger(__name__)

#: Bumped when the layout of keys changes, so old entries are simply never hit again.
KEY_SCHEMA = "lsp-router.result-cache/1"
#: Bumped when the stored value layout changes; other versions read as a miss.
VALUE_SCHEMA = 1
#: Values of this many characters or more are not cached (they would need separate files).
MAX_VALUE_CHARS = 2**20
#: SQLite busy timeout (seconds): past it a busy database is a miss or a skipped store.
DB_TIMEOUT_S = 0.25
DB_NAME = "cache.db"
DB_FILES = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm")

# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class CachedResult:
    """One stored answer."""

    payload: dict  # JSON-able: whatever the task needs to rebuild its answer
    model: str  # "provider:model" that produced it
    tier: str
    cost_usd: str | None  # Decimal as a string; None when the original call was unpriced
    created: float  # unix time

    def to_json(self) -> str:
        return json.dumps(
            {
                "v": VALUE_SCHEMA,
                "payload": self.payload,
                "model": self.model,
                "tier": self.tier,
                "cost_usd": self.cost_usd,
                "created": self.created,
            },
            ensure_ascii=True,  # ASCII-only: even lone surrogates from an editor store safely
            separators=(",", ":"),
            allow_nan=False,
        )

    @classmethod
    def from_json(cls, text: str) -> "CachedResult":
        """Raises ValueError for anything but a value this version wrote."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("v") != VALUE_SCHEMA:
            raise ValueError("not a cached result of this version")
        payload, cost, created = data.get("payload"), data.get("cost_usd"), data.get("created")
        model, tier = data.get("model"), data.get("tier")
        if (
            not isinstance(payload, dict)
            or not isinstance(model, str)
            or not isinstance(tier, str)
            or not (cost is None or isinstance(cost, str))
            or isinstance(created, bool)
            or not isinstance(created, (int, float))
        ):
            raise ValueError("malformed cached result")
        return cls(payload=payload, model=model, tier=tier, cost_usd=cost, created=float(created))


# --------------------------------------------------------------------------- keys

_SECRET_MARKERS = ("apikey", "authorization", "secret", "password", "credential", "bearer")
_SECRET_SUFFIXES = ("accesstoken", "authtoken", "sessiontoken", "refreshtoken", "idtoken")


def is_secret_name(name: Any) -> bool:
    """True for setting names that may hold credentials (apiKey, api_key, x-api-key,
    Authorization, clientSecret, accessToken, ...). `maxTokens` is not a secret."""
    if not isinstance(name, str):
        return False
    norm = "".join(ch for ch in name.lower() if ch.isalnum())
    return any(m in norm for m in _SECRET_MARKERS) or norm.endswith(_SECRET_SUFFIXES)


def _drop_secrets(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _drop_secrets(v) for k, v in value.items() if not is_secret_name(k)}
    if isinstance(value, (list, tuple)):
        return [_drop_secrets(v) for v in value]
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, (Decimal, PurePath)):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cache key part of type {type(value).__name__} is not JSON-able")


def make_key(
    task: str,
    model: Any,
    inputs: Mapping[str, Any],
    *,
    prompt_version: str,
    settings: Mapping[str, Any] | None = None,
) -> str:
    """A sha256 hex key over a canonical JSON (sorted keys, no whitespace) of everything
    that changes the answer. Setting names that look like credentials are dropped at any
    depth, so an API key never changes the key. `model` may be a `ModelRef` or a string.
    """
    doc = {
        "schema": KEY_SCHEMA,
        "task": task,
        "model": str(model),
        "prompt_version": prompt_version,
        "inputs": inputs,
        "settings": _drop_secrets(settings) if settings else {},
    }
    text = json.dumps(
        doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --------------------------------------------------------------------------- interface


@runtime_checkable
class ResultCache(Protocol):
    enabled: bool

    def get(self, key: str) -> CachedResult | None: ...

    def put(self, key: str, value: CachedResult) -> None: ...

    def stats(self) -> dict: ...

    def clear(self) -> int: ...

    def close(self) -> None: ...


class NullCache:
    """A cache that never hits: the cache is off, or it could not be used (`reason`)."""

    enabled = False

    def __init__(
        self,
        directory: Path | None = None,
        reason: str | None = None,
        ttl_days: float | None = None,
        max_size_bytes: int | None = None,
    ) -> None:
        self.directory = directory
        self.reason = reason
        self._ttl_days = ttl_days
        self._max_size_bytes = max_size_bytes
        self._misses = 0

    def get(self, key: str) -> CachedResult | None:
        self._misses += 1
        return None

    def put(self, key: str, value: CachedResult) -> None:
        return None

    def stats(self) -> dict:
        out = {
            "enabled": False,
            "directory": str(self.directory) if self.directory is not None else None,
            "entries": 0,
            "sizeBytes": 0,
            "maxSizeBytes": self._max_size_bytes,
            "hits": 0,
            "misses": self._misses,
            "ttlDays": self._ttl_days,
            "processHits": 0,
            "processMisses": self._misses,
        }
        if self.reason:
            out["error"] = self.reason
        return out

    def clear(self) -> int:
        return 0

    def close(self) -> None:
        return None


# --------------------------------------------------------------------------- diskcache

_DISK_CLASS = None


def _json_disk_class():
    """A diskcache `Disk` that stores str keys and str values inside the database only,
    and refuses to read anything else (no pickles, no value files). Built lazily so
    importing this module does not import diskcache."""
    global _DISK_CLASS
    if _DISK_CLASS is None:
        import diskcache
        from diskcache.core import MODE_RAW

        class JsonOnlyDisk(diskcache.Disk):
            def put(self, key):
                if type(key) is not str:
                    raise TypeError("result cache keys are strings")
                return key, True

            def store(self, value, read, key=diskcache.core.UNKNOWN):
                if read or type(value) is not str or len(value) >= MAX_VALUE_CHARS:
                    raise ValueError("result cache values are JSON text under 1 MiB")
                return 0, MODE_RAW, None, value

            def fetch(self, mode, filename, value, read):
                if mode != MODE_RAW or filename is not None or type(value) is not str:
                    raise ValueError("unexpected value in the result cache (not JSON text)")
                return value

        _DISK_CLASS = JsonOnlyDisk
    return _DISK_CLASS


def _make_private_file(path: Path) -> None:
    """Create `path` empty with mode 0o600 if missing (an empty file is an empty SQLite
    database), so SQLite's -wal/-shm files, which copy its mode, are 0o600 too."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _chmod_private_files(directory: Path) -> None:
    for name in DB_FILES:
        try:
            os.chmod(directory / name, 0o600)
        except FileNotFoundError:
            pass
        except OSError as error:  # e.g. owned by someone else
            logger.debug("cannot chmod %s: %s", directory / name, error)


def is_corruption(error: BaseException) -> bool:
    """SQLite says the database file is damaged or not a database at all."""
    if isinstance(error, sqlite3.OperationalError):
        return False
    text = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    )


def describe_error(error: BaseException, directory: Path) -> tuple[str, str]:
    """(cause, fix) for a cache failure, in words a user can act on."""
    text = str(error).strip()
    if is_corruption(error):
        return (
            f"the cache database is corrupt ({text})",
            f"run `lsp-router cache clear` (it deletes the damaged database), or delete {directory}",
        )
    if isinstance(error, sqlite3.OperationalError) and "full" in text.lower():
        return (
            f"the disk is full ({text})",
            "free some disk space or lower cache.maxSizeMb, then restart the editor",
        )
    if isinstance(error, PermissionError) or "readonly" in text.lower() or "read-only" in text.lower():
        return (
            f"permission denied ({text})",
            f"make {directory} readable and writable by you, or delete it",
        )
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return (
            f"a file is in the way of the cache folder ({text})",
            "remove that file, or point LSP_ROUTER_CACHE_DIR at another folder",
        )
    cause = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return cause, f"run `lsp-router cache clear`, or delete {directory}"


def _warning_text(directory: Path, cause: str, fix: str) -> str:
    return (
        f"The result cache at {directory} cannot be used: {cause}. "
        f"Continuing without the cache. To fix it, {fix}."
    )


class DiskResultCache:
    """The embedded default: diskcache in `directory` (default: `<cache dir>/results`).

    `settings=None` opens an existing cache with the limits stored in it (what the CLI
    does, so `lsp-router cache stats` does not overwrite the server's `maxSizeMb`).
    The constructor raises on failure; use `open_cache` for the never-raising entry.
    Thread-safe (diskcache keeps one SQLite connection per thread).
    """

    def __init__(
        self,
        directory: Path | None = None,
        settings: CacheSettings | None = None,
        *,
        warn: Callable[[str], None] | None = None,
        timeout: float = DB_TIMEOUT_S,
    ) -> None:
        import diskcache

        if directory is None:  # the default: <user cache dir>/results, both private
            directory = paths.private_dir(paths.cache_dir()) / "results"
        self.directory = Path(directory)
        self._settings = settings
        self._warn = warn if warn is not None else logger.warning
        self._lock = threading.Lock()
        self._broken: str | None = None
        self.hits = 0
        self.misses = 0
        self._timeout_type = diskcache.Timeout

        paths.private_dir(self.directory)
        _make_private_file(self.directory / DB_NAME)
        options: dict[str, Any] = {
            "disk": _json_disk_class(),
            "timeout": timeout,
            "eviction_policy": "least-recently-used",
            "statistics": 1,
            "disk_min_file_size": MAX_VALUE_CHARS,
        }
        if settings is not None:
            options["size_limit"] = settings.max_size_bytes
        self._cache = diskcache.Cache(str(self.directory), **options)
        _chmod_private_files(self.directory)

    # -- state -----------------------------------------------------------------------

    @property
    def enabled(self) -> bool:  # type: ignore[override]
        return self._broken is None

    @property
    def broken_reason(self) -> str | None:
        return self._broken

    def _fail(self, error: BaseException) -> None:
        """Switch to NullCache behaviour for good; warn once."""
        with self._lock:
            if self._broken is not None:
                return
            cause, fix = describe_error(error, self.directory)
            self._broken = cause
        logger.debug("result cache failure", exc_info=error)
        try:
            self._warn(_warning_text(self.directory, cause, fix))
        except Exception:  # a broken log handler must not break the request either
            pass
        try:
            self._cache.close()
        except Exception:
            pass

    # -- ResultCache -------------------------------------------------------------------

    def get(self, key: str) -> CachedResult | None:
        if self._broken is not None:
            self.misses += 1
            return None
        try:
            text = self._cache.get(key, default=None, retry=False)
        except self._timeout_type:
            logger.debug("result cache busy; treating %s as a miss", key[:12])
            text = None
        except ValueError as error:  # one foreign or malformed value: a miss, drop it
            logger.debug("dropping unreadable cache entry %s: %s", key[:12], error)
            self._discard(key)
            text = None
        except Exception as error:
            self._fail(error)
            text = None
        if text is None:
            self.misses += 1
            return None
        try:
            result = CachedResult.from_json(text)
        except ValueError as error:
            logger.debug("dropping unreadable cache entry %s: %s", key[:12], error)
            self._discard(key)
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, value: CachedResult) -> None:
        if self._broken is not None or self._settings is None:
            return
        try:
            text = value.to_json()
        except (TypeError, ValueError) as error:
            logger.warning("not caching a result whose payload is not JSON: %s", error)
            return
        if len(text) >= MAX_VALUE_CHARS:
            logger.debug("not caching a %d-character result (too big)", len(text))
            return
        try:
            self._cache.set(key, text, expire=self._settings.ttl_seconds, retry=False)
        except self._timeout_type:
            logger.debug("result cache busy; not storing %s", key[:12])
        except Exception as error:
            self._fail(error)

    def _discard(self, key: str) -> None:
        try:
            self._cache.delete(key, retry=False)
        except Exception:
            pass

    def stats(self) -> dict:
        out: dict[str, Any] = {
            "enabled": self.enabled,
            "directory": str(self.directory),
            "entries": 0,
            "sizeBytes": 0,
            "maxSizeBytes": self._settings.max_size_bytes if self._settings else None,
            "hits": 0,
            "misses": 0,
            "ttlDays": self._settings.ttl_days if self._settings else None,
            "processHits": self.hits,
            "processMisses": self.misses,
        }
        if self._broken is not None:
            out["error"] = self._broken
            return out
        try:
            cache = self._cache
            out["entries"] = len(cache)
            out["sizeBytes"] = cache.volume()
            if out["maxSizeBytes"] is None:
                out["maxSizeBytes"] = int(cache.size_limit)
            out["hits"] = int(cache.reset("hits"))
            out["misses"] = int(cache.reset("misses"))
        except self._timeout_type:
            out["error"] = "the cache database is busy"
        except Exception as error:
            self._fail(error)
            out["enabled"] = False
            out["error"] = self._broken
        return out

    def expire(self) -> int:
        """Remove expired entries now (they are otherwise removed lazily on writes)."""
        if self._broken is not None:
            return 0
        try:
            return int(self._cache.expire(retry=True))
        except Exception as error:
            self._fail(error)
            return 0

    def clear(self) -> int:
        """Remove every entry and reset the persisted hit/miss counters."""
        if self._broken is not None:
            return 0
        try:
            removed = int(self._cache.clear(retry=True))
            self._cache.stats(enable=True, reset=True)
        except Exception as error:
            self._fail(error)
            return 0
        self.hits = self.misses = 0
        return removed

    def close(self) -> None:
        try:
            self._cache.close()
        except Exception:
            pass


def open_cache(
    settings: CacheSettings,
    directory: Path | None = None,
    *,
    warn: Callable[[str], None] = logging.getLogger(__name__).warning,
) -> ResultCache:
    """The result cache the server should use; never raises.

    `NullCache` when `cache.enabled` is false. When the directory cannot be used (a file
    where the folder should be, permission denied, a corrupt database, a full disk) it
    calls `warn` once with a message naming the folder, the cause and the fix, and
    returns `NullCache`. diskcache is imported here, lazily.
    """
    if not settings.enabled:
        return NullCache(directory, ttl_days=settings.ttl_days, max_size_bytes=settings.max_size_bytes)
    try:
        target = Path(directory) if directory is not None else paths.cache_dir() / "results"
    except Exception as error:  # platformdirs failure: no cache dir at all
        target = Path("<user cache directory>")
        return _open_failed(target, error, settings, warn)
    try:
        return DiskResultCache(directory, settings, warn=warn)
    except Exception as error:
        return _open_failed(target, error, settings, warn)


def _open_failed(
    target: Path, error: BaseException, settings: CacheSettings, warn: Callable[[str], None]
) -> NullCache:
    cause, fix = describe_error(error, target)
    logger.debug("cannot open the result cache", exc_info=error)
    try:
        warn(_warning_text(target, cause, fix))
    except Exception:
        pass
    return NullCache(target, reason=cause, ttl_days=settings.ttl_days, max_size_bytes=settings.max_size_bytes)


def reset_cache_files(directory: Path) -> list[Path]:
    """Delete the cache database files in `directory` (used by `lsp-router cache clear`
    when the cache is too broken to open). Touches nothing else; returns what it removed."""
    removed = []
    for name in DB_FILES:
        path = Path(directory) / name
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass
    return removed
