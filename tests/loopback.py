"""A fake OpenAI / Anthropic HTTP server speaking the real wire formats.

The tests replace the providers only at the HTTP boundary: the server under test
talks to this loopback with the official ``openai`` and ``anthropic`` SDKs pointed
at it through their base URLs.  Standard library only.

    with Loopback() as lb:
        lb.reply("hello world", match="refactor", model="gpt-5-mini", chunk_delay=0.05)
        client = OpenAI(base_url=lb.openai_base_url, api_key="sk-test", max_retries=0)
        ...
        assert lb.requests[0].headers["authorization"] == "Bearer sk-test"

Endpoints:
    POST /v1/chat/completions        OpenAI chat completions (stream and not)
    POST /v1/responses               OpenAI Responses API (stream and not)
    POST /v1/messages                Anthropic Messages API (stream and not)
    POST /v1/messages/count_tokens   Anthropic token counting (deterministic: len(prompt)//4)
    GET  /v1/models[/{id}]           OpenAI-style model list

Streams use ``Transfer-Encoding: chunked`` so that a cut stream (``cut_after``) is an
incomplete chunked body, which the HTTP client reports as a protocol error instead of a
clean end of stream.

Timing: every ``Recorded`` carries ``started_at`` (``time.monotonic()`` once the request
line and headers are parsed, before the body is read) and ``finished_at`` (just after the
final write of the answer).  CLOCK_MONOTONIC is shared by all processes on Linux, so another
process can compare these with its own clock (scripts/bench_server.py does).

Standalone:  python -m tests.loopback --port 8777 [--text "..."] [--script rules.json] [--print-requests]
prints ``LOOPBACK http://127.0.0.1:PORT`` and serves until interrupted (SIGTERM, SIGHUP or
Ctrl-C; with ``--until-stdin-eof`` also when its stdin is closed).  With ``--print-requests``
it then prints one JSON object per line (flushed) for every finished request::

    {"index": 0, "method": "POST", "path": "/v1/chat/completions", "api": "openai-chat",
     "model": "m", "stream": false, "status": 200, "receivedAt": ..., "startedAt": ...,
     "finishedAt": ..., "closedEarly": false, "cut": false, "promptText": "..."}

in the order the requests finished; the times are ``time.monotonic()`` seconds.
"""

from __future__ import annotations

import argparse
import errno
import json
import select
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional, Union

__all__ = ["Loopback", "Recorded", "Rule", "split_text"]

API_CHAT = "openai-chat"
API_RESPONSES = "openai-responses"
API_ANTHROPIC = "anthropic"
API_MODELS = "openai-models"
API_COUNT_TOKENS = "anthropic-count-tokens"
API_UNKNOWN = "unknown"

_CREATED = 1_700_000_000  # fixed timestamp: keep every payload deterministic


# ----------------------------------------------------------------------------- data


@dataclass
class Recorded:
    """One request received by the loopback, and what we answered."""

    path: str
    headers: dict[str, str]
    body: dict
    api: str
    model: Optional[str]
    stream: bool
    prompt_text: str
    method: str = "POST"
    closed_early: bool = False  # the client hung up before the response finished
    status: Optional[int] = None  # the HTTP status we answered (None until headers sent)
    usage: Optional[dict] = None  # the usage dict we sent, in that API's wire format
    reply_text: str = ""  # the text we sent (partial when cut / closed early)
    cut: bool = False  # we cut the response on purpose (cut_after)
    finished: bool = False  # the handler is done with this request (any outcome)
    rule: Optional["Rule"] = None  # the rule that answered (None: default answer)
    index: int = 0  # position in Loopback.requests
    received_at: float = 0.0  # time.monotonic() when the request arrived (its body read and parsed)
    # time.monotonic() once the request line and headers were parsed, before reading the body;
    # set before anything is answered, so it is always there when the client sees a reply
    started_at: Optional[float] = None
    # time.monotonic() just AFTER the final write of the answer (or, for an error, a cut or a
    # client hang-up, when the handler gave up). It can only be taken once the last byte is out,
    # so a client that has read the whole answer may look before it is set: wait for
    # ``finished`` (Loopback.wait_finished) before reading it.
    finished_at: Optional[float] = None


Match = Union[None, str, Callable[[Recorded], bool]]


@dataclass(eq=False)
class Rule:
    text: str = "ok"
    match: Match = None
    model: Optional[str] = None
    api: Optional[str] = None
    times: Optional[int] = None
    status: Optional[int] = None
    retry_after: Optional[float] = None
    error_message: Optional[str] = None
    delay: float = 0.0
    chunk_delay: float = 0.0
    chunks: Optional[list[str]] = None
    cut_after: Optional[int] = None
    input_tokens: Optional[int] = None
    output_tokens: Optional[int] = None
    cached_tokens: int = 0
    cache_write_tokens: int = 0
    reasoning_tokens: int = 0
    finish_reason: Optional[str] = None
    no_usage: bool = False
    reject_stream_options: bool = False
    used: int = 0  # how many requests this rule answered

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.used >= self.times

    def matches(self, rec: Recorded) -> bool:
        if self.exhausted:
            return False
        if self.api is not None and self.api != rec.api:
            return False
        if self.model is not None and self.model != rec.model:
            return False
        if self.match is None:
            return True
        if isinstance(self.match, str):
            return self.match in rec.prompt_text
        return bool(self.match(rec))

    @property
    def pieces(self) -> list[str]:
        if self.chunks is not None:
            return list(self.chunks)
        return split_text(self.text)

    @property
    def full_text(self) -> str:
        return "".join(self.chunks) if self.chunks is not None else self.text


def split_text(text: str, size: int = 8) -> list[str]:
    """Deterministic stream pieces: consecutive slices of ``size`` characters."""
    return [text[i : i + size] for i in range(0, len(text), size)]


# ----------------------------------------------------------------------------- helpers


def _collect_text(content: Any, out: list[str]) -> None:
    """Append every piece of text found in a message ``content`` (str or parts)."""
    if content is None:
        return
    if isinstance(content, str):
        out.append(content)
        return
    if isinstance(content, list):
        for part in content:
            _collect_text(part, out)
        return
    if isinstance(content, dict):
        if isinstance(content.get("text"), str):
            out.append(content["text"])
        elif "content" in content:  # e.g. tool_result blocks, Responses input items
            _collect_text(content["content"], out)
        elif isinstance(content.get("output"), str):  # function_call_output items
            out.append(content["output"])


def prompt_text_of(api: str, body: dict) -> str:
    out: list[str] = []
    if api == API_CHAT:
        for m in body.get("messages") or []:
            if isinstance(m, dict):
                _collect_text(m.get("content"), out)
    elif api == API_RESPONSES:
        _collect_text(body.get("instructions"), out)
        inp = body.get("input")
        if isinstance(inp, str):
            out.append(inp)
        elif isinstance(inp, list):
            for item in inp:
                _collect_text(item, out)
    elif api in (API_ANTHROPIC, API_COUNT_TOKENS):
        _collect_text(body.get("system"), out)
        for m in body.get("messages") or []:
            if isinstance(m, dict):
                _collect_text(m.get("content"), out)
    return "\n".join(out)


def _api_of(method: str, path: str) -> str:
    p = path.split("?", 1)[0].rstrip("/")
    if method == "POST":
        if p.endswith("/chat/completions"):
            return API_CHAT
        if p.endswith("/responses"):
            return API_RESPONSES
        if p.endswith("/messages/count_tokens"):
            return API_COUNT_TOKENS
        if p.endswith("/messages"):
            return API_ANTHROPIC
    if method == "GET" and ("/models" in p):
        return API_MODELS
    return API_UNKNOWN


def _format_retry_after(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


_OPENAI_ERRORS = {
    400: ("invalid_request_error", None, "Invalid request."),
    401: (
        "invalid_request_error",
        "invalid_api_key",
        "Incorrect API key provided: sk-****. You can find your API key at https://platform.openai.com/account/api-keys.",
    ),
    403: ("invalid_request_error", "unsupported_country_region_territory", "Country, region, or territory not supported"),
    404: ("invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it."),
    408: ("server_error", None, "Request timed out."),
    409: ("invalid_request_error", None, "Conflict."),
    422: ("invalid_request_error", None, "Unprocessable entity."),
    429: (
        "requests",
        "rate_limit_exceeded",
        "Rate limit reached for requests. Please try again in a moment.",
    ),
    500: (
        "server_error",
        None,
        "The server had an error while processing your request. Sorry about that!",
    ),
    502: ("server_error", None, "Bad gateway."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
    529: ("server_error", None, "The engine is currently overloaded, please try again later."),
}

_ANTHROPIC_ERRORS = {
    400: ("invalid_request_error", "Invalid request."),
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Your API key does not have permission to use the specified resource."),
    404: ("not_found_error", "The requested resource could not be found."),
    413: ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
    429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit."),
    500: ("api_error", "Internal server error"),
    503: ("api_error", "Service unavailable"),
    504: ("timeout_error", "Request timed out"),
    529: ("overloaded_error", "Overloaded"),
}


def openai_error_body(status: int, message: Optional[str] = None, *, param: Any = None, code: Any = "__default__") -> dict:
    etype, ecode, emsg = _OPENAI_ERRORS.get(
        status, ("server_error" if status >= 500 else "invalid_request_error", None, f"Error {status}")
    )
    return {
        "error": {
            "message": message or emsg,
            "type": etype,
            "param": param,
            "code": ecode if code == "__default__" else code,
        }
    }


def anthropic_error_body(status: int, message: Optional[str] = None, request_id: str = "req_loopback") -> dict:
    etype, emsg = _ANTHROPIC_ERRORS.get(
        status, ("api_error" if status >= 500 else "invalid_request_error", f"Error {status}")
    )
    return {"type": "error", "error": {"type": etype, "message": message or emsg}, "request_id": request_id}


_TO_ANTHROPIC_STOP = {"stop": "end_turn", "length": "max_tokens", "tool_calls": "tool_use", "content_filter": "refusal"}
_TO_OPENAI_FINISH = {"end_turn": "stop", "max_tokens": "length", "tool_use": "tool_calls", "stop_sequence": "stop",
                     "refusal": "content_filter"}


class _ClientGone(Exception):
    """The client closed the connection while we were answering."""


class _Stopping(Exception):
    """The loopback is shutting down: abandon the answer (not a client hang-up)."""


# ----------------------------------------------------------------------------- server


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr, handler, loopback: "Loopback"):
        self.loopback = loopback
        self.live_sockets: set[socket.socket] = set()
        self.live_lock = threading.Lock()
        super().__init__(addr, handler)

    def handle_error(self, request, client_address):  # quiet on client hang-ups
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, _ClientGone, _Stopping, socket.timeout, OSError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "loopback/1.0"
    sys_version = ""
    server: _Server

    # -- plumbing ------------------------------------------------------------
    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.live_lock:
            self.server.live_sockets.add(self.connection)

    def finish(self) -> None:
        with self.server.live_lock:
            self.server.live_sockets.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.server.loopback.verbose:
            sys.stderr.write("loopback: " + (format % args) + "\n")

    @property
    def lb(self) -> "Loopback":
        return self.server.loopback

    def _client_closed(self) -> bool:
        """True when the peer has closed its side (EOF) or reset the connection."""
        try:
            r, _, _ = select.select([self.connection], [], [], 0)
            if not r:
                return False
            data = self.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
            return data == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    def _wait(self, seconds: float) -> None:
        """Sleep ``seconds`` but raise _ClientGone as soon as the client hangs up."""
        deadline = time.monotonic() + max(0.0, seconds)
        while True:
            if self._client_closed():
                raise _ClientGone()
            if self.lb._stopping.is_set():
                raise _Stopping()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                r, _, _ = select.select([self.connection], [], [], min(remaining, 0.05))
            except OSError:
                raise _ClientGone()
            if r and self._client_closed():
                raise _ClientGone()
            if r:  # readable but not EOF (unexpected pipelined bytes): just sleep
                time.sleep(min(max(0.0, deadline - time.monotonic()), 0.05))

    def _write(self, data: bytes) -> None:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as e:
            raise _ClientGone() from e
        except OSError as e:
            if e.errno in (errno.EPIPE, errno.ECONNRESET, errno.EBADF):
                raise _ClientGone() from e
            raise

    def _abort(self) -> None:
        """Close the connection abruptly (no terminating chunk)."""
        self.close_connection = True
        try:
            self.wfile.flush()
        except OSError:
            pass
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _start(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()  # flushes the header buffer

    def _send_json(self, rec: Optional[Recorded], status: int, obj: Any, extra: Optional[dict] = None) -> None:
        data = json.dumps(obj).encode()
        headers = {"Content-Type": "application/json", "Content-Length": str(len(data))}
        headers.update(extra or {})
        if rec is not None:
            rec.status = status
        self._start(status, headers)
        self._write(data)

    # -- request reading ---------------------------------------------------------
    def _read_body(self) -> bytes:
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            parts = []
            while True:
                line = self.rfile.readline()
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(parts)
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        started = time.monotonic()  # request line and headers parsed; the body not read yet
        raw = self._read_body()
        api = _api_of(method, self.path)
        try:
            body = json.loads(raw) if raw else {}
            bad_json = False
        except ValueError:
            body, bad_json = {}, True
        if not isinstance(body, dict):
            body, bad_json = {}, True
        rec = Recorded(
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            api=api,
            model=body.get("model") if isinstance(body.get("model"), str) else None,
            stream=bool(body.get("stream")),
            prompt_text=prompt_text_of(api, body),
            method=method,
            received_at=time.monotonic(),
            started_at=started,
        )
        self.lb._record(rec)
        try:
            if bad_json:
                self._bad_request(rec, "We could not parse the JSON body of your request.")
            elif api == API_MODELS:
                self._models(rec)
            elif api == API_COUNT_TOKENS:
                self._send_json(rec, 200, {"input_tokens": max(1, len(rec.prompt_text) // 4)},
                                {"request-id": f"req_{rec.index:06d}"})
            elif api == API_UNKNOWN:
                self._send_json(rec, 404, openai_error_body(404, f"Unknown path {method} {self.path}", code=None))
            else:
                self._answer(rec)
        except _ClientGone:
            if not rec.cut:
                rec.closed_early = True
            self.close_connection = True
        except _Stopping:
            self._abort()
        finally:
            # every path ends with its final write (or the abort), so this is just after it
            rec.finished_at = time.monotonic()
            self.lb._finished(rec)

    def _bad_request(self, rec: Recorded, message: str) -> None:
        if rec.api == API_ANTHROPIC:
            self._send_json(rec, 400, anthropic_error_body(400, message))
        else:
            self._send_json(rec, 400, openai_error_body(400, message, code=None))

    # -- GET /v1/models ------------------------------------------------------------
    def _models(self, rec: Recorded) -> None:
        ids = self.lb.model_ids()
        p = self.path.split("?", 1)[0].rstrip("/")
        tail = p.rsplit("/models", 1)[1].lstrip("/")
        if tail:
            if tail in ids:
                self._send_json(rec, 200, _model_obj(tail))
            else:
                self._send_json(rec, 404, openai_error_body(
                    404, f"The model '{tail}' does not exist", param="model", code="model_not_found"))
            return
        self._send_json(rec, 200, {"object": "list", "data": [_model_obj(m) for m in ids]})

    # -- generation endpoints --------------------------------------------------------
    def _answer(self, rec: Recorded) -> None:
        rule = self.lb._pick(rec)
        rec.rule = rule
        if rule is None:
            rule = Rule(text=self.lb.default_text)

        if rule.delay:
            self._wait(rule.delay)

        req_id = f"req_{rec.index:06d}"
        id_header = {"request-id": req_id} if rec.api == API_ANTHROPIC else {"x-request-id": req_id}

        if rule.reject_stream_options and "stream_options" in rec.body:
            self._send_json(rec, 400, openai_error_body(
                400, "Unrecognized request argument supplied: stream_options", code=None), id_header)
            return

        if rule.status is not None and rule.status >= 400:
            extra = dict(id_header)
            if rule.retry_after is not None:
                extra["retry-after"] = _format_retry_after(rule.retry_after)
            if rec.api == API_ANTHROPIC:
                body = anthropic_error_body(rule.status, rule.error_message, req_id)
            else:
                body = openai_error_body(rule.status, rule.error_message)
            self._send_json(rec, rule.status, body, extra)
            return

        gen = _Generation(rec, rule, req_id)
        if rec.stream:
            self._stream(rec, rule, gen, id_header)
        else:
            self._non_stream(rec, rule, gen, id_header)

    def _non_stream(self, rec: Recorded, rule: Rule, gen: "_Generation", extra: dict) -> None:
        if rec.api == API_CHAT:
            obj = gen.chat_completion()
        elif rec.api == API_RESPONSES:
            obj = gen.response_obj("completed", gen.text)
        else:
            obj = gen.anthropic_message(gen.text, final=True)
        data = json.dumps(obj).encode()
        status = rule.status or 200
        rec.status = status
        if rule.cut_after is not None:
            rec.cut = True
            self._start(status, {"Content-Type": "application/json", "Content-Length": str(len(data) + 64), **extra})
            self._write(data[: len(data) // 2])
            self._abort()
            return
        # record before writing: the client may look at the record the moment it has read the reply
        rec.reply_text = gen.text
        rec.usage = gen.sent_usage
        self._start(status, {"Content-Type": "application/json", "Content-Length": str(len(data)), **extra})
        self._write(data)

    def _stream(self, rec: Recorded, rule: Rule, gen: "_Generation", extra: dict) -> None:
        rec.status = rule.status or 200
        self._start(rec.status, {
            "Content-Type": "text/event-stream; charset=utf-8",
            "Transfer-Encoding": "chunked",
            "Cache-Control": "no-cache",
            **extra,
        })
        pieces = rule.pieces
        cut = rule.cut_after
        first_text = True
        for ev in gen.stream_events(pieces):
            if ev.kind in ("text", "tail"):
                if cut is not None and (ev.kind == "tail" or gen.pieces_sent >= cut):
                    # cut: no more text, and none of the terminating events
                    rec.cut = True
                    self._abort()
                    return
                if rule.chunk_delay and not first_text:
                    self._wait(rule.chunk_delay)
                elif self._client_closed():
                    raise _ClientGone()
            # usage is recorded before its event goes out: the client may look at the record
            # the moment it has read the last event
            rec.usage = gen.sent_usage
            # the final event and the chunked terminator go out in one write: a client
            # that hangs up right after reading it is never counted as an early close
            self._write_chunk(ev.data, terminator=ev.last)
            if ev.kind == "text":
                gen.pieces_sent += 1
                rec.reply_text += ev.text
                first_text = False

    def _write_chunk(self, data: bytes, terminator: bool = False) -> None:
        out = b"%x\r\n%s\r\n" % (len(data), data)
        if terminator:
            out += b"0\r\n\r\n"
        self._write(out)


def _model_obj(mid: str) -> dict:
    owner = "anthropic" if mid.startswith("claude") else "openai"
    return {"id": mid, "object": "model", "created": _CREATED, "owned_by": owner}


@dataclass
class _Event:
    data: bytes
    kind: str = "meta"  # "meta" (framing), "text" (one text piece), "tail" (first terminating event)
    text: str = ""
    last: bool = False


class _Generation:
    """Builds the wire payloads of one answer (usage numbers computed once)."""

    def __init__(self, rec: Recorded, rule: Rule, req_id: str):
        self.rec = rec
        self.rule = rule
        self.text = rule.full_text
        self.model = rec.model or rule.model or "loopback-model"
        self.total_in = rule.input_tokens if rule.input_tokens is not None else max(1, len(rec.prompt_text) // 4)
        self.out = rule.output_tokens if rule.output_tokens is not None else max(1, len(self.text) // 4)
        self.pieces_sent = 0
        self.sent_usage: Optional[dict] = None
        n = rec.index
        self.chat_id = f"chatcmpl-loopback{n:06d}"
        self.resp_id = f"resp_loopback{n:06d}"
        self.msg_id = f"msg_loopback{n:06d}"
        self.item_id = f"msg_item{n:06d}"

    # ---- usage in each wire format
    def chat_usage(self) -> dict:
        r = self.rule
        ptd: dict[str, int] = {"cached_tokens": r.cached_tokens, "audio_tokens": 0}
        if r.cache_write_tokens:
            ptd["cache_write_tokens"] = r.cache_write_tokens
        return {
            "prompt_tokens": self.total_in,
            "completion_tokens": self.out,
            "total_tokens": self.total_in + self.out,
            "prompt_tokens_details": ptd,
            "completion_tokens_details": {
                "reasoning_tokens": r.reasoning_tokens,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        }

    def responses_usage(self) -> dict:
        r = self.rule
        return {
            "input_tokens": self.total_in,
            "input_tokens_details": {"cached_tokens": r.cached_tokens, "cache_write_tokens": r.cache_write_tokens},
            "output_tokens": self.out,
            "output_tokens_details": {"reasoning_tokens": r.reasoning_tokens},
            "total_tokens": self.total_in + self.out,
        }

    def anthropic_usage(self, output_tokens: int) -> dict:
        r = self.rule
        return {
            "input_tokens": max(0, self.total_in - r.cached_tokens - r.cache_write_tokens),
            "cache_creation_input_tokens": r.cache_write_tokens,
            "cache_read_input_tokens": r.cached_tokens,
            "output_tokens": output_tokens,
        }

    # ---- finish reasons
    def chat_finish(self) -> str:
        fr = self.rule.finish_reason or "stop"
        return _TO_OPENAI_FINISH.get(fr, fr)

    def anthropic_stop(self) -> str:
        fr = self.rule.finish_reason or "end_turn"
        return _TO_ANTHROPIC_STOP.get(fr, fr)

    def responses_incomplete(self) -> bool:
        return self.rule.finish_reason in ("length", "max_tokens", "max_output_tokens")

    # ---- non-stream objects
    def chat_completion(self) -> dict:
        obj = {
            "id": self.chat_id,
            "object": "chat.completion",
            "created": _CREATED,
            "model": self.model,
            "choices": [{
                "index": 0,
                "message": {"role": "assistant", "content": self.text, "refusal": None, "annotations": []},
                "logprobs": None,
                "finish_reason": self.chat_finish(),
            }],
            "service_tier": "default",
            "system_fingerprint": "fp_loopback",
        }
        if not self.rule.no_usage:
            obj["usage"] = self.sent_usage = self.chat_usage()
        return obj

    def message_item(self, text: str, status: str) -> dict:
        content = [] if status == "in_progress" else [self.output_text_part(text)]
        return {"id": self.item_id, "type": "message", "status": status, "role": "assistant", "content": content}

    @staticmethod
    def output_text_part(text: str) -> dict:
        return {"type": "output_text", "text": text, "annotations": [], "logprobs": []}

    def response_obj(self, status: str, text: Optional[str]) -> dict:
        b = self.rec.body
        done = status in ("completed", "incomplete")
        if done and self.responses_incomplete():
            status = "incomplete"
        obj = {
            "id": self.resp_id,
            "object": "response",
            "created_at": _CREATED,
            "status": status,
            "background": False,
            "completed_at": _CREATED + 1 if status == "completed" else None,
            "error": None,
            "incomplete_details": {"reason": "max_output_tokens"} if status == "incomplete" else None,
            "instructions": b.get("instructions"),
            "max_output_tokens": b.get("max_output_tokens"),
            "max_tool_calls": None,
            "model": self.model,
            "output": [self.message_item(text or "", "incomplete" if status == "incomplete" else "completed")]
            if done else [],
            "parallel_tool_calls": True,
            "previous_response_id": b.get("previous_response_id"),
            "prompt_cache_key": b.get("prompt_cache_key"),
            "reasoning": {"effort": None, "summary": None},
            "safety_identifier": None,
            "service_tier": "default",
            "store": b.get("store", True),
            "temperature": b.get("temperature", 1.0),
            "text": {"format": {"type": "text"}, "verbosity": "medium"},
            "tool_choice": b.get("tool_choice", "auto"),
            "tools": [],
            "top_logprobs": 0,
            "top_p": b.get("top_p", 1.0),
            "truncation": "disabled",
            "usage": None,
            "user": None,
            "metadata": b.get("metadata") or {},
        }
        if done and not self.rule.no_usage:
            obj["usage"] = self.sent_usage = self.responses_usage()
        return obj

    def anthropic_message(self, text: str, final: bool) -> dict:
        usage = self.anthropic_usage(self.out if final else 1)
        if final:
            self.sent_usage = usage
        return {
            "id": self.msg_id,
            "type": "message",
            "role": "assistant",
            "model": self.model,
            "content": [{"type": "text", "text": text}] if final else [],
            "stop_reason": self.anthropic_stop() if final else None,
            "stop_sequence": None,
            "usage": usage,
        }

    # ---- streams
    def stream_events(self, pieces: list[str]):
        if self.rec.api == API_CHAT:
            return self._chat_stream(pieces)
        if self.rec.api == API_RESPONSES:
            return self._responses_stream(pieces)
        return self._anthropic_stream(pieces)

    @staticmethod
    def _sse(obj: Any, event: Optional[str] = None) -> bytes:
        head = f"event: {event}\n" if event else ""
        return (head + "data: " + json.dumps(obj) + "\n\n").encode()

    def _chat_chunk(self, delta: dict, finish: Optional[str], with_usage_field: bool) -> dict:
        c = {
            "id": self.chat_id,
            "object": "chat.completion.chunk",
            "created": _CREATED,
            "model": self.model,
            "service_tier": "default",
            "system_fingerprint": "fp_loopback",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        if with_usage_field:
            c["usage"] = None
        return c

    def _chat_stream(self, pieces: list[str]):
        so = self.rec.body.get("stream_options")
        include_usage = isinstance(so, dict) and bool(so.get("include_usage")) and not self.rule.no_usage
        yield _Event(self._sse(self._chat_chunk({"role": "assistant", "content": "", "refusal": None}, None,
                                                include_usage)))
        for p in pieces:
            yield _Event(self._sse(self._chat_chunk({"content": p}, None, include_usage)), "text", p)
        yield _Event(self._sse(self._chat_chunk({}, self.chat_finish(), include_usage)), "tail")
        if include_usage:
            usage = self.chat_usage()
            chunk = {
                "id": self.chat_id, "object": "chat.completion.chunk", "created": _CREATED, "model": self.model,
                "service_tier": "default", "system_fingerprint": "fp_loopback", "choices": [], "usage": usage,
            }
            self.sent_usage = usage
            yield _Event(self._sse(chunk))
        yield _Event(b"data: [DONE]\n\n", last=True)

    def _responses_stream(self, pieces: list[str]):
        seq = iter(range(1_000_000))

        def ev(etype: str, **kw: Any) -> bytes:
            return self._sse({"type": etype, "sequence_number": next(seq), **kw}, etype)

        text = "".join(pieces)
        yield _Event(ev("response.created", response=self.response_obj("in_progress", None)))
        yield _Event(ev("response.in_progress", response=self.response_obj("in_progress", None)))
        yield _Event(ev("response.output_item.added", output_index=0,
                        item=self.message_item("", "in_progress")))
        yield _Event(ev("response.content_part.added", item_id=self.item_id, output_index=0, content_index=0,
                        part=self.output_text_part("")))
        for p in pieces:
            yield _Event(ev("response.output_text.delta", item_id=self.item_id, output_index=0, content_index=0,
                            delta=p, logprobs=[]), "text", p)
        yield _Event(ev("response.output_text.done", item_id=self.item_id, output_index=0, content_index=0,
                        text=text, logprobs=[]), "tail")
        yield _Event(ev("response.content_part.done", item_id=self.item_id, output_index=0, content_index=0,
                        part=self.output_text_part(text)))
        final = self.response_obj("completed", text)
        yield _Event(ev("response.output_item.done", output_index=0, item=final["output"][0]))
        kind = "response.incomplete" if final["status"] == "incomplete" else "response.completed"
        yield _Event(ev(kind, response=final), last=True)

    def _anthropic_stream(self, pieces: list[str]):
        start = self.anthropic_message("", final=False)
        yield _Event(self._sse({"type": "message_start", "message": start}, "message_start"))
        yield _Event(self._sse({"type": "content_block_start", "index": 0,
                                "content_block": {"type": "text", "text": ""}}, "content_block_start"))
        yield _Event(self._sse({"type": "ping"}, "ping"))
        for p in pieces:
            yield _Event(self._sse({"type": "content_block_delta", "index": 0,
                                    "delta": {"type": "text_delta", "text": p}}, "content_block_delta"), "text", p)
        yield _Event(self._sse({"type": "content_block_stop", "index": 0}, "content_block_stop"), "tail")
        yield _Event(self._sse({"type": "message_delta",
                                "delta": {"stop_reason": self.anthropic_stop(), "stop_sequence": None},
                                "usage": {"output_tokens": self.out}}, "message_delta"))
        self.sent_usage = self.anthropic_usage(self.out)
        yield _Event(self._sse({"type": "message_stop"}, "message_stop"), last=True)


# ----------------------------------------------------------------------------- public class


class Loopback:
    """A fake provider server in a background thread (context manager)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, default_text: str = "ok",
                 models: Union[list[str], tuple[str, ...]] = (), verbose: bool = False,
                 on_finished: Optional[Callable[[Recorded], None]] = None):
        """``on_finished(rec)`` is called once per request, from that request's handler thread
        (so possibly from several threads at once), right after ``rec.finished`` became True."""
        self.host = host
        self.port = port
        self.default_text = default_text
        self.models = list(models)
        self.verbose = verbose
        self.on_finished = on_finished
        self.requests: list[Recorded] = []
        self.rules: list[Rule] = []
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle
    def start(self) -> "Loopback":
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((self.host, self.port), _Handler, self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"loopback:{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        srv, self._server = self._server, None
        if srv is None:
            return
        self._stopping.set()
        srv.shutdown()
        with srv.live_lock:
            socks = list(srv.live_sockets)
        for s in socks:  # wake handler threads parked on idle keep-alive connections
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        srv.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def __enter__(self) -> "Loopback":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- addresses
    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def openai_base_url(self) -> str:
        return self.url + "/v1"

    @property
    def anthropic_base_url(self) -> str:
        return self.url

    # -- rules
    def reply(self, text: str = "ok", *, match: Match = None, model: Optional[str] = None, api: Optional[str] = None,
              times: Optional[int] = None, status: Optional[int] = None, retry_after: Optional[float] = None,
              error_message: Optional[str] = None, delay: float = 0.0, chunk_delay: float = 0.0,
              chunks: Optional[list[str]] = None, cut_after: Optional[int] = None,
              input_tokens: Optional[int] = None, output_tokens: Optional[int] = None, cached_tokens: int = 0,
              cache_write_tokens: int = 0, reasoning_tokens: int = 0, finish_reason: Optional[str] = None,
              no_usage: bool = False, reject_stream_options: bool = False) -> Rule:
        if api is not None and api not in (API_CHAT, API_RESPONSES, API_ANTHROPIC):
            raise ValueError(f"api must be one of {API_CHAT!r}, {API_RESPONSES!r}, {API_ANTHROPIC!r}; got {api!r}")
        rule = Rule(text=text, match=match, model=model, api=api, times=times, status=status,
                    retry_after=retry_after, error_message=error_message, delay=delay, chunk_delay=chunk_delay,
                    chunks=list(chunks) if chunks is not None else None, cut_after=cut_after,
                    input_tokens=input_tokens, output_tokens=output_tokens, cached_tokens=cached_tokens,
                    cache_write_tokens=cache_write_tokens, reasoning_tokens=reasoning_tokens,
                    finish_reason=finish_reason, no_usage=no_usage, reject_stream_options=reject_stream_options)
        with self._lock:
            self.rules.append(rule)
        return rule

    def reset(self) -> None:
        with self._lock:
            self.rules.clear()
            self.requests.clear()

    def model_ids(self) -> list[str]:
        with self._lock:
            ids = [r.model for r in self.rules if r.model] + list(self.models)
        return list(dict.fromkeys(ids))

    # -- observation
    def wait_for_requests(self, n: int, timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: len(self.requests) >= n, timeout)

    def wait_closed_early(self, timeout: float = 5.0) -> Optional[Recorded]:
        def first() -> Optional[Recorded]:
            return next((r for r in self.requests if r.closed_early), None)

        with self._cond:
            self._cond.wait_for(lambda: first() is not None, timeout)
            return first()

    def wait_finished(self, n: Optional[int] = None, timeout: float = 5.0) -> bool:
        """Wait until ``n`` requests (default: all received so far) were fully handled."""
        with self._cond:
            target = len(self.requests) if n is None else n
            return self._cond.wait_for(
                lambda: len(self.requests) >= target and all(r.finished for r in self.requests[:target]), timeout)

    def calls(self, path_contains: Optional[str] = None) -> list[Recorded]:
        with self._lock:
            reqs = list(self.requests)
        return [r for r in reqs if path_contains is None or path_contains in r.path]

    # -- internals used by the handler
    def _record(self, rec: Recorded) -> None:
        with self._cond:
            rec.index = len(self.requests)
            self.requests.append(rec)
            self._cond.notify_all()

    def _finished(self, rec: Recorded) -> None:
        with self._cond:
            rec.finished = True
            self._cond.notify_all()
        callback = self.on_finished
        if callback is not None:
            try:
                callback(rec)
            except Exception:  # a broken observer must not take the handler down
                import traceback

                traceback.print_exc(file=sys.stderr)

    def _pick(self, rec: Recorded) -> Optional[Rule]:
        with self._lock:
            rules = list(self.rules)
        for rule in rules:
            # a callable match runs outside the lock; the use is claimed under it
            if rule.matches(rec):
                with self._lock:
                    if rule.exhausted:
                        continue
                    rule.used += 1
                return rule
        return None


# ----------------------------------------------------------------------------- CLI


def request_line(rec: Recorded) -> dict:
    """What ``--print-requests`` prints for one finished request."""
    return {
        "index": rec.index,
        "method": rec.method,
        "path": rec.path,
        "api": rec.api,
        "model": rec.model,
        "stream": rec.stream,
        "status": rec.status,
        "receivedAt": rec.received_at,
        "startedAt": rec.started_at,
        "finishedAt": rec.finished_at,
        "closedEarly": rec.closed_early,
        "cut": rec.cut,
        "promptText": rec.prompt_text,
    }


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.loopback", description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--text", default="ok", help="default answer text")
    ap.add_argument("--script", help="JSON file: a list of Loopback.reply keyword arguments")
    ap.add_argument("--models", default="", help="comma-separated model ids for GET /v1/models")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--print-requests", action="store_true",
                    help="print one JSON line per finished request to stdout (see the module docstring)")
    ap.add_argument("--until-stdin-eof", action="store_true",
                    help="also stop when stdin reaches end of file (a parent process went away)")
    args = ap.parse_args(argv)

    out_lock = threading.Lock()

    def print_request(rec: Recorded) -> None:
        line = json.dumps(request_line(rec))
        with out_lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    lb = Loopback(args.host, args.port, default_text=args.text,
                  models=[m for m in args.models.split(",") if m], verbose=args.verbose,
                  on_finished=print_request if args.print_requests else None)
    if args.script:
        with open(args.script, encoding="utf-8") as f:
            rules = json.load(f)
        if not isinstance(rules, list):
            raise SystemExit("--script must hold a JSON list of reply() keyword objects")
        for kw in rules:
            lb.reply(**kw)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda *_: stop.set())
    if args.until_stdin_eof:
        def watch_stdin() -> None:
            try:
                while sys.stdin.buffer.read(65536):
                    pass
            except (AttributeError, OSError, ValueError):  # no stdin at all, or closed
                pass
            stop.set()

        threading.Thread(target=watch_stdin, name="loopback:stdin", daemon=True).start()
    with out_lock:  # the request lines come after this one, even when a client is quick on a fixed port
        lb.start()
        print(f"LOOPBACK {lb.url}", flush=True)
    try:
        while not stop.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        lb.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
