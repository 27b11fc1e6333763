"""One Redis connection for the team features, cheap when Redis is away.

`redis` (redis-py) is imported here, lazily, on the first use of a `RedisLink`: a server
without a `redis://` setting never loads it. Every call has short timeouts and no retries;
after a failure the link is down: every call returns its fallback at once, without a socket,
and a background thread tries Redis again after 2 s, then after a backoff doubling to 30 s,
and brings the link back up when Redis answers. So an unreachable Redis costs nothing per
keystroke, and not even a connect timeout once it is known to be down. The outage is logged
once (and its end once); nothing is shown to the user.

The password comes from the URL, else from the settings (`storage.cachePassword`, which an
editor fills from its secret store), else from `LSP_ROUTER_REDIS_PASSWORD`; it is never
logged: every message shows the URL through `redact_url`.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

PASSWORD_ENV = "LSP_ROUTER_REDIS_PASSWORD"
CONNECT_TIMEOUT_S = 0.25
SOCKET_TIMEOUT_S = 0.5
BACKOFF_FIRST_S = 2.0
BACKOFF_MAX_S = 30.0


def redact_url(url: str) -> str:
    """`url` with any password replaced by `***`."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "<an unreadable URL>"
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{parts.username or ''}:***@{host}" + (f":{port}" if port is not None else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


# (what the error text says, what failed, what to do), first match wins
_CAUSES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("noauth", "authentication required", "must be called with the client already authenticated"),
     "authentication required", "Redis asks for a password: set storage.cachePassword (VS Code: LSP Router: Set "
     "Shared Cache Password…), LSP_ROUTER_REDIS_PASSWORD, or put it in the URL"),
    (("invalid username-password", "invalid password", "wrong password", "wrongpass"),
     "authentication failed", "check the password (storage.cachePassword, LSP_ROUTER_REDIS_PASSWORD or the URL) "
     "and the user name in the URL"),
    (("noperm", "no permissions"), "permission denied", "the Redis user's ACL must allow this lsp-router's commands"),
    (("name or service not known", "nodename nor servname", "temporary failure in name resolution",
      "getaddrinfo failed", "no address associated"), "DNS lookup failed", "check the host name in storage.cache"),
    (("connection refused", "error 111 ", "error 61 ", "error 10061 "), "connection refused",
     "is redis-server running and listening on that address and port (bind, port in redis.conf)?"),
    (("timeout", "timed out"), "timed out", "check the network path and any firewall to the Redis host; rediss:// "
     "needs Redis' TLS port"),
    (("ssl", "certificate", "tls"), "TLS failed", "rediss:// needs Redis' TLS port and a certificate this machine trusts"),
    (("db index is out of range",), "no such database", "the number after the port in storage.cache is "
     "beyond the server's databases setting"),
    (("protocol error",), "not a Redis server", "check the host and port in storage.cache"),
)


def explain_redis_error(error: BaseException) -> tuple[str, str]:
    """(what failed, what to do) for a Redis or socket error: authentication, refused, DNS, ..."""
    text = f"{type(error).__name__}: {error}".lower()
    for needles, what, hint in _CAUSES:
        if any(needle in text for needle in needles):
            return what, hint
    return "failed", "run lsp-router storage check"


def _scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


class RedisLink:
    """A lazily connected Redis client with a backoff after failures.

    `call(fn, fallback)` runs `fn(client)`; on any Redis or socket error (or while backing
    off) it returns `fallback`. `reachable` says how the last attempt went.
    """

    def __init__(self, url: str, *, connect_timeout: float = CONNECT_TIMEOUT_S,
                 socket_timeout: float = SOCKET_TIMEOUT_S, backoff_first_s: float = BACKOFF_FIRST_S,
                 password: str | None = None) -> None:
        self.url = url
        self._given_password = password  # storage.cachePassword: used when the URL has none
        self.shown = redact_url(url)
        self._backoff_first = backoff_first_s
        self._probing = False
        self._closed = threading.Event()
        self._connect_timeout = connect_timeout
        self._socket_timeout = socket_timeout
        self._client: Any = None
        self._errors: tuple[type[BaseException], ...] = (OSError,)
        self._refusals: tuple[type[BaseException], ...] = ()
        self._lock = threading.Lock()
        self._backoff = 0.0
        self._password: str | None = None
        self.last_error: str | None = None
        self.last_hint: str | None = None  # what to do about last_error
        self.reachable: bool | None = None  # None: not tried yet

    # -- the client ---------------------------------------------------------------------

    def _make_client(self) -> Any:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry
        from urllib.parse import urlsplit

        self._errors = (redis.exceptions.RedisError, OSError)
        # Redis answered, but no to this one command (out of memory, a read-only replica):
        # that command's fallback, and no backoff for the rest.
        self._refusals = (redis.exceptions.ResponseError,)
        options: dict[str, Any] = {
            "socket_connect_timeout": self._connect_timeout,
            "socket_timeout": self._socket_timeout,
            "retry": Retry(NoBackoff(), 0),
            "retry_on_timeout": False,
            "health_check_interval": 0,
            "client_name": "lsp-router",
        }
        self._password = urlsplit(self.url).password
        if self._password is None:
            self._password = self._given_password or os.environ.get(PASSWORD_ENV) or None
            if self._password:
                options["password"] = self._password
        return redis.Redis.from_url(self.url, **options)

    def client(self) -> Any | None:
        """The client, or None while Redis is down (the probe thread brings it back)."""
        if self.reachable is False:
            return None
        if self._client is None:
            with self._lock:
                if self._client is None:
                    try:
                        self._client = self._make_client()
                    except Exception as error:  # a bad URL option, redis not installed
                        self.failed(error)
                        return None
        return self._client

    def call(self, fn: Callable[[Any], T], fallback: T = None) -> T:  # type: ignore[assignment]
        client = self.client()
        if client is None:
            return fallback
        try:
            result = fn(client)
        except self._refusals as error:
            log.info("Redis at %s refused a command: %s", self.shown, _scrub(str(error), self._password))
            return fallback
        except self._errors as error:
            self.failed(error)
            return fallback
        self.succeeded()
        return result

    def try_call(self, fn: Callable[[Any], T]) -> T:
        """`fn(client)`, raising `ConnectionError` when Redis cannot be used (for tools that
        must tell a user why, e.g. `lsp-router cache stats`)."""
        client = self.client()
        if client is None:
            raise ConnectionError(self.last_error or f"{self.shown} is unreachable")
        try:
            result = fn(client)
        except self._errors as error:
            self.failed(error)
            raise ConnectionError(self.last_error) from None
        self.succeeded()
        return result

    # -- state --------------------------------------------------------------------------

    def failed(self, error: BaseException) -> None:
        with self._lock:
            first = self.reachable is not False
            self.reachable = False
            self._backoff = self._backoff_first
            client, self._client = self._client, None
        kind = type(error).__name__
        text = _scrub(str(error).strip() or kind, self._password)
        state = "refuses us" if "Auth" in kind or "Permission" in kind or "NOAUTH" in text else "is unreachable"
        what, self.last_hint = explain_redis_error(error)
        self.last_error = f"{self.shown} {state}: {what} ({kind}: {text})"
        if first:
            log.warning("lsp-router: Redis at %s %s: %s (%s; %s): going on without it, trying again in %.0f s, "
                        "then up to every %.0f s", self.shown, state, what, f"{kind}: {text}", self.last_hint,
                        self._backoff, BACKOFF_MAX_S)
        if client is not None:
            try:
                client.close()
            except Exception:
                pass
        self._start_probe()

    def _start_probe(self) -> None:
        with self._lock:
            if self._probing or self._closed.is_set():
                return
            self._probing = True
        threading.Thread(target=self._probe, name="lsp-router-redis-probe", daemon=True).start()

    def _probe(self) -> None:
        """Off the event loop: try Redis after each backoff until it answers."""
        try:
            while not self._closed.wait(self._backoff):
                try:
                    client = self._make_client()
                    client.ping()
                except Exception as error:
                    self._backoff = min(self._backoff * 2, BACKOFF_MAX_S)
                    log.debug("Redis at %s still unreachable (%s); next try in %.0f s", self.shown,
                              _scrub(str(error), self._password), self._backoff)
                    continue
                with self._lock:
                    self._client = client
                self.succeeded()
                return
        finally:
            with self._lock:
                self._probing = False

    def succeeded(self) -> None:
        if self.reachable is False:
            log.warning("lsp-router: Redis at %s is reachable again", self.shown)
        self.reachable = True
        self._backoff = 0.0
        self.last_error = None
        self.last_hint = None

    @property
    def backing_off(self) -> bool:
        """Redis is known to be down: calls return their fallback without a socket."""
        return self.reachable is False

    def close(self) -> None:
        self._closed.set()
        client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except Exception:
                pass
