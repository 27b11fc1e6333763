"""The loopback provider server, driven by the real official SDKs.

Each test asserts what the installed ``openai`` / ``anthropic`` SDKs actually parse or raise
when they talk to tests/loopback.py, so the other test suites can trust it as a stand-in for
the providers at the HTTP boundary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import anthropic
import httpx2
import openai
import pytest

from tests.loopback import Loopback, split_text

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The quick brown fox jumps over the lazy dog."  # 44 chars -> 6 pieces of 8 (last 4)
OPENAI_KEY = "sk-loopback-test"
ANTHROPIC_KEY = "sk-ant-loopback-test"
MSGS = [{"role": "user", "content": "Please say something about foxes."}]


@pytest.fixture
def lb():
    with Loopback(models=["gpt-5-mini"]) as server:
        yield server


def oai(lb: Loopback, retries: int = 0, **kw) -> openai.OpenAI:
    return openai.OpenAI(base_url=lb.openai_base_url, api_key=OPENAI_KEY, max_retries=retries, **kw)


def aoai(lb: Loopback, retries: int = 0, **kw) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=lb.openai_base_url, api_key=OPENAI_KEY, max_retries=retries, **kw)


def ant(lb: Loopback, retries: int = 0, **kw) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=lb.anthropic_base_url, api_key=ANTHROPIC_KEY, max_retries=retries, **kw)


def aant(lb: Loopback, retries: int = 0, **kw) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(base_url=lb.anthropic_base_url, api_key=ANTHROPIC_KEY, max_retries=retries, **kw)


def dump(model_obj) -> dict:
    """SDK pydantic model -> dict without the None fields the SDK adds for absent keys."""
    return model_obj.model_dump(exclude_none=True)


# ------------------------------------------------------------------ non-streaming


def test_chat_non_stream_text_usage_and_headers(lb):
    lb.reply(TEXT, input_tokens=100, cached_tokens=40, output_tokens=11, reasoning_tokens=3)
    r = oai(lb).chat.completions.create(
        model="gpt-5-mini", messages=[{"role": "system", "content": "Be brief."}, *MSGS])
    rec = lb.requests[-1]
    assert r.choices[0].message.content == TEXT
    assert r.choices[0].finish_reason == "stop"
    assert r.model == "gpt-5-mini"
    assert rec.api == "openai-chat" and rec.path == "/v1/chat/completions" and not rec.stream
    assert rec.headers["authorization"] == f"Bearer {OPENAI_KEY}"
    assert rec.prompt_text == "Be brief.\nPlease say something about foxes."
    assert rec.status == 200 and rec.reply_text == TEXT and not rec.closed_early
    assert r.usage.prompt_tokens == 100 and r.usage.completion_tokens == 11 and r.usage.total_tokens == 111
    assert r.usage.prompt_tokens_details.cached_tokens == 40
    assert r.usage.completion_tokens_details.reasoning_tokens == 3
    assert dump(r.usage) == rec.usage


def test_responses_non_stream(lb):
    lb.reply(TEXT, input_tokens=50, cached_tokens=20, reasoning_tokens=7)
    r = oai(lb).responses.create(model="gpt-5", instructions="Be brief.", input="foxes?")
    rec = lb.requests[-1]
    assert r.output_text == TEXT and r.status == "completed"
    assert rec.api == "openai-responses" and rec.prompt_text == "Be brief.\nfoxes?"
    assert r.usage.input_tokens == 50 and r.usage.input_tokens_details.cached_tokens == 20
    assert r.usage.output_tokens == len(TEXT) // 4  # default output = len(text)//4
    assert r.usage.output_tokens_details.reasoning_tokens == 7
    assert dump(r.usage) == rec.usage


def test_anthropic_non_stream_usage_excludes_cache(lb):
    lb.reply(TEXT, input_tokens=1000, cached_tokens=600, cache_write_tokens=300, output_tokens=12)
    system = [{"type": "text", "text": "You are terse.", "cache_control": {"type": "ephemeral"}}]
    m = ant(lb).messages.create(model="claude-opus-4-7", max_tokens=64, system=system, messages=MSGS,
                                extra_headers={"anthropic-beta": "prompt-caching-2024-07-31"})
    rec = lb.requests[-1]
    assert m.content[0].text == TEXT and m.stop_reason == "end_turn" and m.role == "assistant"
    assert rec.path == "/v1/messages" and rec.api == "anthropic"
    # anthropic 2.x sends the API key as a bearer token, not as `x-api-key`
    assert rec.headers["authorization"] == f"Bearer {ANTHROPIC_KEY}" and "x-api-key" not in rec.headers
    assert rec.headers["anthropic-version"]
    assert rec.headers["anthropic-beta"] == "prompt-caching-2024-07-31"
    assert rec.body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert rec.prompt_text == "You are terse.\nPlease say something about foxes."
    assert (m.usage.input_tokens, m.usage.cache_read_input_tokens, m.usage.cache_creation_input_tokens,
            m.usage.output_tokens) == (100, 600, 300, 12)
    assert dump(m.usage) == rec.usage


def test_default_usage_is_len_over_4(lb):
    r = oai(lb).chat.completions.create(model="m", messages=[{"role": "user", "content": "x" * 41}])
    assert r.choices[0].message.content == "ok"  # no rule: default_text
    assert (r.usage.prompt_tokens, r.usage.completion_tokens) == (10, 1)


# ------------------------------------------------------------------ streaming


async def test_chat_stream_with_usage(lb):
    lb.reply(TEXT, input_tokens=30, cached_tokens=10, output_tokens=9)
    stream = await aoai(lb).chat.completions.create(
        model="gpt-5-mini", messages=MSGS, stream=True, stream_options={"include_usage": True})
    pieces, finish, usage = [], None, None
    async for chunk in stream:
        if chunk.choices:
            if chunk.choices[0].delta.content:
                pieces.append(chunk.choices[0].delta.content)
            finish = chunk.choices[0].finish_reason or finish
        if chunk.usage:
            usage = chunk.usage
    rec = lb.requests[-1]
    assert pieces == split_text(TEXT) and "".join(pieces) == TEXT
    assert finish == "stop"
    assert rec.stream and rec.reply_text == TEXT and not rec.closed_early and not rec.cut
    assert usage is not None and dump(usage) == rec.usage
    assert (usage.prompt_tokens, usage.prompt_tokens_details.cached_tokens, usage.completion_tokens) == (30, 10, 9)


def test_chat_stream_usage_only_when_requested_and_no_usage(lb):
    client = oai(lb)
    chunks = list(client.chat.completions.create(model="m", messages=MSGS, stream=True))
    assert all(c.usage is None for c in chunks) and lb.requests[-1].usage is None
    lb.reply("abc", no_usage=True)
    chunks = list(client.chat.completions.create(
        model="m", messages=MSGS, stream=True, stream_options={"include_usage": True}))
    assert all(c.usage is None for c in chunks) and lb.requests[-1].usage is None
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "abc"


async def test_responses_stream_raw_and_helper(lb):
    lb.reply(TEXT, chunks=["The quick ", "brown fox", " jumps over the lazy dog."], input_tokens=40,
             cached_tokens=8)
    client = aoai(lb)
    events = [e async for e in await client.responses.create(model="gpt-5", input="foxes", stream=True)]
    types = [e.type for e in events]
    assert types == ["response.created", "response.in_progress", "response.output_item.added",
                     "response.content_part.added"] + ["response.output_text.delta"] * 3 + [
        "response.output_text.done", "response.content_part.done", "response.output_item.done",
        "response.completed"]
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == TEXT
    completed = events[-1].response
    assert completed.output_text == TEXT and dump(completed.usage) == lb.requests[-1].usage

    async with client.responses.stream(model="gpt-5", input="foxes") as stream:
        deltas = [e.delta async for e in stream if e.type == "response.output_text.delta"]
        final = await stream.get_final_response()
    assert "".join(deltas) == TEXT and final.output_text == TEXT
    assert final.usage.input_tokens == 40 and final.usage.input_tokens_details.cached_tokens == 8
    assert dump(final.usage) == lb.requests[-1].usage


async def test_anthropic_stream_raw_and_helper(lb):
    lb.reply(TEXT, input_tokens=500, cached_tokens=400, cache_write_tokens=50, output_tokens=13)
    client = aant(lb)
    raw = await client.messages.create(model="claude-haiku-4-5", max_tokens=64, messages=MSGS, stream=True)
    types = [e.type async for e in raw]
    assert types == ["message_start", "content_block_start"] + ["content_block_delta"] * 6 + [
        "content_block_stop", "message_delta", "message_stop"]  # the SDK drops `ping`

    async with client.messages.stream(model="claude-haiku-4-5", max_tokens=64, messages=MSGS) as stream:
        text = "".join([t async for t in stream.text_stream])
        final = await stream.get_final_message()
    rec = lb.requests[-1]
    assert text == TEXT == rec.reply_text and final.content[0].text == TEXT
    assert final.stop_reason == "end_turn"
    assert (final.usage.input_tokens, final.usage.cache_read_input_tokens,
            final.usage.cache_creation_input_tokens, final.usage.output_tokens) == (50, 400, 50, 13)
    assert dump(final.usage) == rec.usage


def test_finish_reason_length_maps_per_api(lb):
    lb.reply("cut short", finish_reason="length")
    assert oai(lb).chat.completions.create(model="m", messages=MSGS).choices[0].finish_reason == "length"
    assert ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS).stop_reason == "max_tokens"
    r = oai(lb).responses.create(model="m", input="x")
    assert r.status == "incomplete" and r.incomplete_details.reason == "max_output_tokens"
    events = [e.type for e in oai(lb).responses.create(model="m", input="x", stream=True)]
    assert events[-1] == "response.incomplete"
    # SDK quirk: the streaming helper only finalises on `response.completed`
    with oai(lb).responses.stream(model="m", input="x") as s:
        with pytest.raises(RuntimeError, match="response.completed"):
            s.get_final_response()


# ------------------------------------------------------------------ rules


def test_rule_matching(lb):
    lb.reply("for-callable", match=lambda r: r.body.get("temperature") == 0.5)
    lb.reply("for-mini", model="gpt-5-mini", api="openai-chat")
    lb.reply("for-anthropic", api="anthropic")
    lb.reply("once", match="magic word", times=1)
    c, a = oai(lb), ant(lb)

    def chat(model="gpt-x", content="hello", **kw):
        return c.chat.completions.create(
            model=model, messages=[{"role": "user", "content": content}], **kw).choices[0].message.content

    assert chat(temperature=0.5) == "for-callable"
    assert chat(model="gpt-5-mini") == "for-mini"
    assert c.responses.create(model="gpt-5-mini", input="hi").output_text == "ok"  # api restricts
    assert a.messages.create(model="c", max_tokens=5, messages=MSGS).content[0].text == "for-anthropic"
    assert chat(content="say the magic word") == "once"
    assert chat(content="say the magic word") == "ok"  # exhausted -> default
    assert lb.wait_for_requests(6, timeout=1)
    assert [r.api for r in lb.calls("/chat/completions")] == ["openai-chat"] * 4
    lb.reset()
    assert lb.requests == [] and chat(model="gpt-5-mini") == "ok"


# ------------------------------------------------------------------ faults


def test_401_raises_authentication_error(lb):
    lb.reply(status=401)
    with pytest.raises(openai.AuthenticationError) as oe:
        oai(lb).chat.completions.create(model="m", messages=MSGS)
    assert oe.value.status_code == 401 and oe.value.code == "invalid_api_key"
    assert oe.value.body["type"] == "invalid_request_error"
    with pytest.raises(anthropic.AuthenticationError) as ae:
        ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS)
    assert ae.value.body == {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"},
                             "request_id": "req_000001"}
    assert [r.status for r in lb.requests] == [401, 401]


def test_429_retry_after_is_honoured(lb):
    lb.reply(status=429, retry_after=0.05, times=1, api="openai-chat")
    lb.reply(status=429, retry_after=0.05, times=1, api="anthropic")
    r = oai(lb, retries=1).chat.completions.create(model="m", messages=MSGS)
    m = ant(lb, retries=1).messages.create(model="c", max_tokens=5, messages=MSGS)
    assert r.choices[0].message.content == "ok" and m.content[0].text == "ok"
    assert [r.status for r in lb.requests] == [429, 200, 429, 200]
    assert [r.headers["x-stainless-retry-count"] for r in lb.requests] == ["0", "1", "0", "1"]
    reqs = lb.requests
    for first, retry in ((reqs[0], reqs[1]), (reqs[2], reqs[3])):
        gap = retry.received_at - first.received_at
        # the SDKs waited retry-after (0.05 s), not their own backoff (0.375-0.5 s)
        assert 0.05 <= gap < 0.3


def test_429_without_retries_raises(lb):
    lb.reply(status=429, retry_after=7, error_message="slow down")
    with pytest.raises(openai.RateLimitError) as oe:
        oai(lb).chat.completions.create(model="m", messages=MSGS)
    assert oe.value.response.headers["retry-after"] == "7"
    assert oe.value.body["message"] == "slow down" and oe.value.code == "rate_limit_exceeded"
    with pytest.raises(anthropic.RateLimitError) as ae:
        ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS)
    assert ae.value.body["error"]["type"] == "rate_limit_error"
    assert len(lb.requests) == 2


def test_5xx(lb):
    lb.reply(status=500, api="openai-chat")
    lb.reply(status=529, api="anthropic", times=1)
    lb.reply(status=500, api="anthropic")
    with pytest.raises(openai.InternalServerError) as oe:
        oai(lb).chat.completions.create(model="m", messages=MSGS)
    assert oe.value.status_code == 500 and oe.value.body["type"] == "server_error"
    with pytest.raises(anthropic.OverloadedError):
        ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS)
    with pytest.raises(anthropic.InternalServerError) as ae:
        ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS)
    assert ae.value.body["error"]["type"] == "api_error"


async def test_cut_stream_is_an_error_not_a_clean_end(lb):
    lb.reply(TEXT, cut_after=2)
    # OpenAI: wrapped -> openai.APIConnectionError, caused by httpx2.RemoteProtocolError
    got = []
    with pytest.raises(openai.APIConnectionError) as oe:
        stream = await aoai(lb).chat.completions.create(
            model="m", messages=MSGS, stream=True, stream_options={"include_usage": True})
        async for chunk in stream:
            got.append(chunk)
    assert isinstance(oe.value.__cause__, httpx2.RemoteProtocolError)
    assert "incomplete chunked read" in str(oe.value.__cause__)
    assert "".join(c.choices[0].delta.content or "" for c in got if c.choices) == TEXT[:16]
    assert all(c.usage is None for c in got)
    rec = lb.requests[-1]
    assert rec.cut and not rec.closed_early and rec.usage is None and rec.reply_text == TEXT[:16]

    with pytest.raises(openai.APIConnectionError):
        with oai(lb).responses.stream(model="m", input="x") as s:
            for _ in s:
                pass

    # Anthropic: older SDKs let the raw httpx2.RemoteProtocolError escape; newer ones (2.17+)
    # wrap it in anthropic.APIConnectionError. Either way it is an error, never a clean end.
    text = []
    with pytest.raises((httpx2.RemoteProtocolError, anthropic.APIConnectionError)) as ae:
        async with aant(lb).messages.stream(model="c", max_tokens=64, messages=MSGS) as s:
            async for t in s.text_stream:
                text.append(t)
    raw = ae.value if isinstance(ae.value, httpx2.RemoteProtocolError) else ae.value.__cause__
    assert isinstance(raw, httpx2.RemoteProtocolError) and "incomplete chunked read" in str(raw)
    assert "".join(text) == TEXT[:16]

def test_cut_non_stream_is_connection_error(lb):
    lb.reply(TEXT, cut_after=0)
    with pytest.raises(openai.APIConnectionError) as oe:
        oai(lb).chat.completions.create(model="m", messages=MSGS)
    assert isinstance(oe.value.__cause__, httpx2.RemoteProtocolError)
    with pytest.raises(anthropic.APIConnectionError):
        ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS)
    assert all(r.cut and r.usage is None for r in lb.requests)


def test_reject_stream_options(lb):
    lb.reply("fine", reject_stream_options=True)
    c = oai(lb)
    with pytest.raises(openai.BadRequestError) as oe:
        c.chat.completions.create(model="m", messages=MSGS, stream=True, stream_options={"include_usage": True})
    assert "stream_options" in oe.value.message and oe.value.body["type"] == "invalid_request_error"
    chunks = list(c.chat.completions.create(model="m", messages=MSGS, stream=True))
    assert "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices) == "fine"
    assert [r.status for r in lb.requests] == [400, 200]


# ------------------------------------------------------------------ client hang-ups


async def test_closing_stream_early_is_detected_openai(lb):
    lb.reply(TEXT, chunk_delay=0.2)
    stream = await aoai(lb).chat.completions.create(model="m", messages=MSGS, stream=True)
    async for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            break
    await stream.close()
    rec = lb.wait_closed_early(timeout=2)
    assert rec is lb.requests[-1] and rec.closed_early
    assert rec.reply_text == TEXT[:8] and rec.usage is None and not rec.cut


async def test_closing_stream_early_is_detected_anthropic(lb):
    lb.reply(TEXT, chunk_delay=0.2)
    async with aant(lb).messages.stream(model="c", max_tokens=64, messages=MSGS) as stream:
        async for _ in stream.text_stream:
            break
    rec = lb.wait_closed_early(timeout=2)
    assert rec is not None and rec.api == "anthropic" and rec.reply_text == TEXT[:8]


def test_closing_sync_responses_stream_early_is_detected(lb):
    lb.reply(TEXT, chunk_delay=0.2)
    with oai(lb).responses.create(model="m", input="x", stream=True) as stream:
        for ev in stream:
            if ev.type == "response.output_text.delta":
                break
    rec = lb.wait_closed_early(timeout=2)
    assert rec is not None and rec.api == "openai-responses"


def test_completed_streams_are_not_closed_early(lb):
    # the sync OpenAI stream stops reading at [DONE] and closes; that is not an early close
    list(oai(lb).chat.completions.create(model="m", messages=MSGS, stream=True))
    list(ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS, stream=True))
    assert lb.wait_finished(2, timeout=2)
    assert lb.wait_closed_early(timeout=0.1) is None


def test_client_timeout_during_delay(lb):
    lb.reply("late", delay=2.0)
    with pytest.raises(openai.APITimeoutError):
        oai(lb, timeout=0.2).chat.completions.create(model="m", messages=MSGS)
    rec = lb.wait_closed_early(timeout=2)
    assert rec is not None and rec.status is None and rec.reply_text == ""


# ------------------------------------------------------------------ timing


def test_started_and_finished_at_bracket_each_request(lb):
    before = time.monotonic()
    oai(lb).chat.completions.create(model="m", messages=MSGS)
    list(ant(lb).messages.create(model="c", max_tokens=5, messages=MSGS, stream=True))
    assert lb.wait_finished(2, timeout=2)
    after = time.monotonic()
    assert len(lb.requests) == 2
    for rec in lb.requests:
        assert rec.finished and isinstance(rec.started_at, float) and isinstance(rec.finished_at, float)
        # started before the body was read (received_at), finished after the answer went out
        assert before <= rec.started_at <= rec.received_at <= rec.finished_at <= after
    first, second = lb.requests
    assert first.finished_at <= second.started_at  # the sync client waited for the first answer


def test_started_at_is_set_before_the_answer_is_seen(lb):
    # the client may look at the record the moment it has the answer: started_at is already there
    oai(lb).chat.completions.create(model="m", messages=MSGS)
    assert isinstance(lb.requests[-1].started_at, float)


def test_delay_shows_in_finished_minus_started(lb):
    lb.reply("late", delay=0.3, times=1)
    lb.reply(TEXT, chunk_delay=0.05, times=1)  # 6 pieces: 5 waits between them
    assert oai(lb).chat.completions.create(model="m", messages=MSGS).choices[0].message.content == "late"
    chunks = list(oai(lb).chat.completions.create(model="m", messages=MSGS, stream=True))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == TEXT
    assert lb.wait_finished(2, timeout=2)
    delayed, streamed = lb.requests
    assert delayed.finished_at - delayed.started_at >= 0.3
    assert streamed.finished_at - streamed.started_at >= 5 * 0.05


def test_errors_and_cuts_are_timed_too(lb):
    lb.reply("no", status=500, times=1)
    lb.reply(TEXT, cut_after=1, times=1)
    with pytest.raises(openai.InternalServerError):
        oai(lb).chat.completions.create(model="m", messages=MSGS)
    with pytest.raises(openai.APIConnectionError):
        list(oai(lb).chat.completions.create(model="m", messages=MSGS, stream=True))
    assert lb.wait_finished(2, timeout=2)
    error, cut = lb.requests
    assert error.status == 500 and cut.cut
    for rec in (error, cut):
        assert rec.started_at is not None and rec.finished_at is not None and rec.started_at <= rec.finished_at


def test_on_finished_is_called_once_per_request_after_it_finished():
    seen = []
    done = threading.Event()

    def on_finished(rec):
        seen.append((rec.index, rec.finished, rec.finished_at, rec.status))
        if len(seen) == 2:
            done.set()

    with Loopback(on_finished=on_finished) as server:
        server.reply("no", status=429, times=1)
        with pytest.raises(openai.RateLimitError):
            oai(server).chat.completions.create(model="m", messages=MSGS)
        oai(server).chat.completions.create(model="m", messages=MSGS)
        assert done.wait(2)
        assert [(i, f, s) for i, f, _, s in seen] == [(0, True, 429), (1, True, 200)]
        assert all(t == rec.finished_at for (_, _, t, _), rec in zip(seen, server.requests))


def test_a_failing_on_finished_does_not_break_the_server(capfd):
    def on_finished(rec):
        raise RuntimeError("observer bug")

    with Loopback(on_finished=on_finished) as server:
        for _ in range(2):
            assert oai(server).chat.completions.create(model="m", messages=MSGS).choices[0].message.content == "ok"
        assert server.wait_finished(2, timeout=2)
    assert "observer bug" in capfd.readouterr().err


# ------------------------------------------------------------------ other endpoints, CLI


async def test_models_list(lb):
    lb.reply("x", model="claude-haiku-4-5")
    ids = [m.id async for m in aoai(lb).models.list()]
    assert ids == ["claude-haiku-4-5", "gpt-5-mini"]
    assert oai(lb).models.retrieve("gpt-5-mini").owned_by == "openai"
    with pytest.raises(openai.NotFoundError):
        oai(lb).models.retrieve("nope")
    assert lb.requests[0].api == "openai-models" and lb.requests[0].path == "/v1/models"


def test_anthropic_count_tokens(lb):
    n = ant(lb).messages.count_tokens(model="c", messages=[{"role": "user", "content": "x" * 40}])
    assert n.input_tokens == 10


def test_standalone_mode(tmp_path):
    script = tmp_path / "rules.json"
    script.write_text(json.dumps([{"text": "scripted", "match": "hello"}]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.loopback", "--port", "0", "--text", "fallback", "--script", str(script)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("LOOPBACK http://127.0.0.1:")
        url = line.split()[1]
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0)
        say = lambda t: c.chat.completions.create(  # noqa: E731
            model="m", messages=[{"role": "user", "content": t}]).choices[0].message.content
        assert say("hello there") == "scripted" and say("bye") == "fallback"
    finally:
        proc.terminate()
        assert proc.wait(timeout=5) == 0


def _readline(proc: subprocess.Popen, timeout: float = 10.0) -> str:
    """proc.stdout.readline(), failing the test instead of hanging."""
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert got, f"no line from the loopback within {timeout} s"
    return got[0]


def test_standalone_print_requests(tmp_path):
    script = tmp_path / "rules.json"
    script.write_text(json.dumps([{"text": "slow", "match": "wait", "delay": 0.2}]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.loopback", "--port", "0", "--script", str(script), "--print-requests"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = _readline(proc).strip()
        assert line.startswith("LOOPBACK http://127.0.0.1:")
        url = line.split()[1]

        def post(content: str) -> dict:
            body = json.dumps({"model": "m", "messages": [{"role": "user", "content": content}]}).encode()
            req = urllib.request.Request(url + "/v1/chat/completions", data=body,
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=5) as resp:
                return json.load(resp)

        before = time.monotonic()
        assert post("hello")["choices"][0]["message"]["content"] == "ok"
        first = json.loads(_readline(proc))
        assert post("please wait")["choices"][0]["message"]["content"] == "slow"
        second = json.loads(_readline(proc))
        after = time.monotonic()

        assert first["index"] == 0 and second["index"] == 1
        for got, prompt in ((first, "hello"), (second, "please wait")):
            assert got["path"] == "/v1/chat/completions" and got["method"] == "POST"
            assert got["api"] == "openai-chat" and got["model"] == "m" and got["stream"] is False
            assert got["status"] == 200 and got["closedEarly"] is False and got["cut"] is False
            assert got["promptText"] == prompt
            # CLOCK_MONOTONIC is shared between processes: the loopback's times fall inside ours
            assert before <= got["startedAt"] <= got["receivedAt"] <= got["finishedAt"] <= after
        assert first["finishedAt"] <= second["startedAt"]
        assert second["finishedAt"] - second["startedAt"] >= 0.2
    finally:
        proc.terminate()
        assert proc.wait(timeout=5) == 0


def test_standalone_until_stdin_eof():
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.loopback", "--port", "0", "--until-stdin-eof"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert _readline(proc).startswith("LOOPBACK http://127.0.0.1:")
        proc.stdin.close()
        assert proc.wait(timeout=5) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
