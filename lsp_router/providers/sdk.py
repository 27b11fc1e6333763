"""OpenAI (chat completions and responses) and Anthropic (messages) through their official SDKs.

The SDKs are imported on first use: they cost over a second and ~70 MB at start-up.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

from lsp_router.core import Completion, ModelRef
from lsp_router.providers.base import (
    AuthFailed,
    BadRequest,
    CutStream,
    MissingKey,
    ModelRequest,
    OnText,
    ProviderError,
    RateLimited,
    ServerFault,
    StreamState,
    Timeout,
    Unreachable,
    scrub,
)
from lsp_router.settings import ProviderConfig
from lsp_router.providers.usage import usage_from_wire

# Sent instead of a key to local servers that need none: the OpenAI SDK insists on one.
_NO_KEY = "no-key-needed"


def resolve_key(config: ProviderConfig) -> str | None:
    if config.api_key:
        return config.api_key
    if config.api_key_env:
        value = os.environ.get(config.api_key_env)
        if value:
            return value
    return None


def missing_key_message(config: ProviderConfig) -> str:
    where = f"set {config.api_key_env} in the environment or " if config.api_key_env else ""
    setting = "lspRouter.openai.apiKey" if config.name == "openai" else (
        "lspRouter.anthropic.apiKey" if config.name == "anthropic" else f"lspRouter.providers.{config.name}.apiKey"
    )
    return (
        f"No API key for provider '{config.name}': {where}give one in {setting} "
        f"(VS Code: run \"{_VSCODE_COMMANDS.get(config.name, 'LSP Router: Set API Key for a Provider…')}\")."
    )


# The VS Code extension's commands, as its palette shows them.
_VSCODE_COMMANDS = {"openai": "LSP Router: Set OpenAI API Key", "anthropic": "LSP Router: Set Anthropic API Key"}


class SdkProvider:
    """One configured provider; keeps one SDK client (and its connection pool) per config."""

    def __init__(self, config: ProviderConfig):
        self.config = config
        self.name = config.name
        self.api = "anthropic" if config.api == "anthropic" else (
            "openai-responses" if config.api == "openai-responses" else "openai-chat"
        )
        self._client: Any = None
        self._key: str | None = None
        self._tuned: dict[tuple[float, int], Any] = {}  # with_options copies, per (timeout, retries)
        self.stream_options_supported = True

    # -- client -------------------------------------------------------------------------

    def _get_client(self):
        key = resolve_key(self.config)
        if key is None:
            if self.config.needs_key:
                raise MissingKey(missing_key_message(self.config), provider=self.name)
            key = _NO_KEY
        if self._client is not None and key == self._key:
            return self._client
        self._key = key
        self._tuned = {}
        if self.api == "anthropic":
            import anthropic

            self._client = anthropic.AsyncAnthropic(api_key=key, base_url=self.config.base_url or None)
        else:
            import openai

            self._client = openai.AsyncOpenAI(api_key=key, base_url=self.config.base_url or None)
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()

    def _tuned_client(self, timeout_s: float, max_retries: int):
        # `with_options` builds a new client object on every call: keep one per setting
        base = self._get_client()
        tuned = self._tuned.get((timeout_s, max_retries))
        if tuned is None:
            tuned = self._tuned[(timeout_s, max_retries)] = base.with_options(timeout=timeout_s, max_retries=max_retries)
        return tuned

    # -- calls --------------------------------------------------------------------------

    async def complete(
        self, model: ModelRef, request: ModelRequest, state: StreamState, on_text: OnText | None = None
    ) -> Completion:
        client = self._tuned_client(request.timeout_s, request.max_retries)
        state.api = self.api
        state.started_at = time.monotonic()
        try:
            if self.api == "anthropic":
                raw_usage = await self._anthropic(client, model, request, state, on_text)
            elif self.api == "openai-responses":
                raw_usage = await self._responses(client, model, request, state, on_text)
            else:
                raw_usage = await self._chat(client, model, request, state, on_text)
        except asyncio.CancelledError:
            raise
        except ProviderError:
            raise
        except Exception as exc:  # SDK errors, mapped to something a user can act on
            raise self._map_error(exc) from None
        latency = (time.monotonic() - state.started_at) * 1000
        usage = usage_from_wire(raw_usage, self.api) if raw_usage else None
        if usage is None:
            from lsp_router.tokens import count_tokens

            usage = estimate_usage(request, state.text, count_tokens)
        state.usage = usage
        return Completion(
            text=state.text,
            model=model,
            usage=usage,
            api=self.api,
            finish_reason=state.finish_reason,
            latency_ms=latency,
            raw_usage=raw_usage or {},
        )

    async def _chat(self, client, model: ModelRef, request: ModelRequest, state: StreamState, on_text):
        messages = [{"role": "system", "content": request.system}]
        user = f"{request.context}\n\n{request.prompt}" if request.context else request.prompt
        messages.append({"role": "user", "content": user})
        kwargs: dict[str, Any] = {"model": model.name, "messages": messages}
        # OpenAI's own reasoning models reject max_tokens; compatible servers may not know the new name.
        kwargs["max_completion_tokens" if self.name == "openai" else "max_tokens"] = request.max_tokens
        if request.stop:
            kwargs["stop"] = request.stop
        if request.cache_key and self.name == "openai":
            kwargs["prompt_cache_key"] = request.cache_key
        if request.reasoning_effort:
            kwargs["reasoning_effort"] = request.reasoning_effort
        if not request.stream:
            state.sent = True
            response = await client.chat.completions.create(**kwargs)
            choice = response.choices[0] if response.choices else None
            state.text = (choice.message.content or "") if choice else ""
            state.finish_reason = choice.finish_reason if choice else None
            return response.usage.model_dump(exclude_none=True) if response.usage else None
        stream = await self._open_chat_stream(client, kwargs, state)
        raw_usage = None
        try:
            async for chunk in stream:  # plain dicts: see _open_chat_stream
                if not isinstance(chunk, dict):
                    continue
                if isinstance(chunk.get("usage"), dict):
                    raw_usage = _without_nones(chunk["usage"])
                for choice in chunk.get("choices") or ():
                    delta = choice.get("delta") or {}
                    piece = delta.get("content")
                    if isinstance(piece, str) and piece:
                        state.text += piece
                        if on_text:
                            on_text(piece)
                    if choice.get("finish_reason"):
                        state.finish_reason = choice["finish_reason"]
        finally:
            await stream.close()
        if state.finish_reason is None:
            raise CutStream(f"{self.name} stream for {model} ended before it finished", provider=self.name)
        return raw_usage

    async def _open_chat_stream(self, client, kwargs: dict, state: StreamState):
        """The SDK's stream of chat completion chunks, as plain dicts.

        This is what `chat.completions.create(stream=True)` sends and receives (the same
        client, auth, retries, errors and SSE decoding) without its two costs that buy
        nothing here: walking the JSON-ready request through its type transforms, and a
        pydantic object per chunk. Together about half the SDK's time per completion,
        which every keystroke's request pays.
        """
        import openai
        from openai.types.chat import ChatCompletion

        def open_stream(body: dict):
            return client.post("/chat/completions", body=body, cast_to=ChatCompletion,
                               stream=True, stream_cls=openai.AsyncStream[object])

        state.sent = True
        if self.stream_options_supported:
            try:
                return await open_stream({**kwargs, "stream": True, "stream_options": {"include_usage": True}})
            except openai.BadRequestError as exc:
                if "stream_options" not in str(exc):
                    raise
                # Some OpenAI-compatible servers reject stream_options: ask once, remember.
                self.stream_options_supported = False
        return await open_stream({**kwargs, "stream": True})

    async def _responses(self, client, model: ModelRef, request: ModelRequest, state: StreamState, on_text):
        user = f"{request.context}\n\n{request.prompt}" if request.context else request.prompt
        kwargs: dict[str, Any] = {
            "model": model.name,
            "instructions": request.system,
            "input": [{"role": "user", "content": user}],
            "max_output_tokens": request.max_tokens,
        }
        if request.cache_key and self.name == "openai":
            kwargs["prompt_cache_key"] = request.cache_key
        if request.reasoning_effort:
            kwargs["reasoning"] = {"effort": request.reasoning_effort}
        state.sent = True
        if not request.stream:
            response = await client.responses.create(**kwargs)
            state.text = response.output_text or ""
            state.finish_reason = _responses_finish(response)
            return response.usage.model_dump(exclude_none=True) if response.usage else None
        stream = await client.responses.create(**kwargs, stream=True)
        raw_usage = None
        try:
            async for event in stream:
                kind = getattr(event, "type", "")
                if kind == "response.output_text.delta":
                    state.text += event.delta
                    if on_text:
                        on_text(event.delta)
                elif kind in ("response.completed", "response.incomplete"):
                    state.finish_reason = _responses_finish(event.response)
                    if event.response.usage is not None:
                        raw_usage = event.response.usage.model_dump(exclude_none=True)
                elif kind in ("response.failed", "error"):
                    raise ServerFault(f"{self.name} reported a failed response for {model}", provider=self.name)
        finally:
            await stream.close()
        if state.finish_reason is None:
            raise CutStream(f"{self.name} stream for {model} ended before it finished", provider=self.name)
        return raw_usage

    async def _anthropic(self, client, model: ModelRef, request: ModelRequest, state: StreamState, on_text):
        # The stable prefix (system text, then the file context) carries cache_control so a
        # second request on the same file is billed at the cache-read rate.
        system = [{"type": "text", "text": request.system}]
        content: list[dict] = []
        if request.context:
            content.append({"type": "text", "text": request.context, "cache_control": {"type": "ephemeral"}})
        else:
            system[0]["cache_control"] = {"type": "ephemeral"}
        content.append({"type": "text", "text": request.prompt})
        kwargs: dict[str, Any] = {
            "model": model.name,
            "system": system,
            "messages": [{"role": "user", "content": content}],
            "max_tokens": request.max_tokens,
        }
        if request.stop:
            kwargs["stop_sequences"] = request.stop
        state.sent = True
        if not request.stream:
            message = await client.messages.create(**kwargs)
            state.text = "".join(block.text for block in message.content if getattr(block, "type", "") == "text")
            state.finish_reason = message.stop_reason
            return message.usage.model_dump(exclude_none=True) if message.usage else None
        stream = await client.messages.create(**kwargs, stream=True)
        raw_usage: dict | None = None
        try:
            async for event in stream:
                kind = event.type
                if kind == "message_start":
                    raw_usage = event.message.usage.model_dump(exclude_none=True)
                    from lsp_router.core import Usage

                    # Anthropic tells the input up front: a cancelled stream still knows it.
                    state.usage = usage_from_wire(dict(raw_usage), self.api) if raw_usage else Usage()
                elif kind == "content_block_delta":
                    piece = getattr(event.delta, "text", None)
                    if piece:
                        state.text += piece
                        if on_text:
                            on_text(piece)
                elif kind == "message_delta":
                    state.finish_reason = event.delta.stop_reason
                    if raw_usage is not None and event.usage is not None:
                        delta = event.usage.model_dump(exclude_none=True)
                        raw_usage.update({k: v for k, v in delta.items() if v is not None})
        finally:
            await stream.close()
        if state.finish_reason is None:
            raise CutStream(f"{self.name} stream for {model} ended before it finished", provider=self.name)
        return raw_usage

    # -- errors -------------------------------------------------------------------------

    def _map_error(self, exc: Exception) -> ProviderError:
        status = getattr(exc, "status_code", None)
        detail = scrub(_error_detail(exc), (self._key,))
        name = self.name
        kind = type(exc).__name__
        if status in (401, 403):
            where = f"the key in {self.config.api_key_env} or the lspRouter settings" if self.config.api_key_env else "the configured key"
            return AuthFailed(f"{name} rejected the API key ({status}): check {where}. {detail}".strip(), provider=name, status=status)
        if status == 429:
            retry_after = _retry_after(exc)
            hint = f" Retry after {retry_after:g} s." if retry_after is not None else ""
            return RateLimited(f"{name} rate limit reached (429).{hint} {detail}".strip(), provider=name, status=status, retry_after=retry_after)
        if status is not None and status >= 500:
            return ServerFault(f"{name} server error ({status}). {detail}".strip(), provider=name, status=status)
        if status is not None:
            return BadRequest(f"{name} refused the request ({status}). {detail}".strip(), provider=name, status=status)
        if "Timeout" in kind:
            return Timeout(f"{name} did not answer in time.", provider=name)
        if "Connection" in kind:
            cause = exc.__cause__ or exc.__context__
            if state_is_cut(cause) or state_is_cut(exc):
                return CutStream(f"{name} closed the stream before it finished.", provider=name)
            base = self.config.base_url or "its default address"
            return Unreachable(f"Cannot reach {name} at {base}. {detail}".strip(), provider=name)
        if state_is_cut(exc):
            return CutStream(f"{name} closed the stream before it finished.", provider=name)
        return ProviderError(f"{name}: {kind}: {detail}", provider=name)


def state_is_cut(exc: BaseException | None) -> bool:
    if exc is None:
        return False
    text = f"{type(exc).__name__} {exc}"
    return any(marker in text for marker in ("RemoteProtocolError", "incomplete", "peer closed", "ReadError", "IncompleteRead"))


def _error_detail(exc: Exception) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return error["message"][:300]
    message = getattr(exc, "message", None) or str(exc)
    return str(message)[:300]


def _retry_after(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or {}
    value = headers.get("retry-after") if hasattr(headers, "get") else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _responses_finish(response) -> str | None:
    status = getattr(response, "status", None)
    if status == "completed":
        return "stop"
    if status == "incomplete":
        details = getattr(response, "incomplete_details", None)
        return getattr(details, "reason", None) or "length"
    return status


def estimate_usage(request: ModelRequest, output: str, count_tokens) -> "Usage":
    """Tokens of a call whose provider sent no usage (cancelled, cut, or no usage support)."""
    from lsp_router.core import Usage

    prompt = "\n".join(part for part in (request.system, request.context, request.prompt) if part)
    return Usage(input_tokens=count_tokens(prompt), output_tokens=count_tokens(output) if output else 0, estimated=True)


def _without_nones(value: Any) -> Any:
    """A wire dict as pydantic's `model_dump(exclude_none=True)` gives it."""
    if isinstance(value, dict):
        return {k: _without_nones(v) for k, v in value.items() if v is not None}
    return value

