"""The one small interface every provider sits behind, and the errors it raises."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol

from lsp_router.core import Completion, ModelRef, Usage


@dataclass
class ModelRequest:
    """One prompt, ordered so that the stable part comes first (provider prompt caching).

    `system` and `context` stay the same across requests on the same file; `prompt`
    is the part that changes. Anthropic gets `cache_control` after `context`; OpenAI
    caches a stable prefix by itself, helped by `cache_key`.
    """

    system: str
    prompt: str
    context: str = ""
    max_tokens: int = 512
    stream: bool = True
    stop: list[str] | None = None
    # Task limits; the user's requestTimeoutSec / maxRetries cap them further.
    timeout_s: float = 600.0
    max_retries: int = 10
    cache_key: str | None = None
    # OpenAI reasoning models only (providers/reasoning.py); None: the field is not sent
    reasoning_effort: str | None = None


@dataclass
class StreamState:
    """What a call has seen so far; read when it is cancelled or cut (the ledger still bills it)."""

    sent: bool = False
    text: str = ""
    usage: Usage | None = None
    finish_reason: str | None = None
    api: str = ""
    started_at: float = 0.0


OnText = Callable[[str], None]


class Provider(Protocol):
    name: str
    api: str

    async def complete(
        self, model: ModelRef, request: ModelRequest, state: StreamState, on_text: OnText | None = None
    ) -> Completion: ...

    async def aclose(self) -> None:
        """Release the provider's connections (the engine calls it on shutdown)."""
        ...


class ProviderError(Exception):
    """A provider fault with a message fit for the user: never a key, never a traceback."""

    kind = "error"

    def __init__(self, message: str, *, provider: str = "", status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.provider = provider
        self.status = status
        self.retry_after = retry_after


class MissingKey(ProviderError):
    kind = "missing_key"


class AuthFailed(ProviderError):
    kind = "auth"


class RateLimited(ProviderError):
    kind = "rate_limit"


class ServerFault(ProviderError):
    kind = "server"


class Timeout(ProviderError):
    kind = "timeout"


class Unreachable(ProviderError):
    kind = "unreachable"


class CutStream(ProviderError):
    kind = "cut"


class BadRequest(ProviderError):
    kind = "bad_request"


_KEYLIKE = re.compile(r"\b(sk|key|pk|rk)[-_][A-Za-z0-9_\-\*\.]{6,}", re.IGNORECASE)


def scrub(text: str, secrets: tuple[str | None, ...] = ()) -> str:
    """Remove keys (whole or masked, as providers echo them in 401 bodies) from text."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[redacted]")
    return _KEYLIKE.sub("[redacted]", text)
