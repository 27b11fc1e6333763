"""Cancellation, provider faults, bad settings and missing keys, through the real server."""

from __future__ import annotations

import asyncio
import os

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.conftest import ANTHROPIC_TEST_KEY, OPENAI_TEST_KEY, settings_for, stdlib_file, target

TEXTWRAP = stdlib_file("textwrap.py")
# Pin explain to one tier so each test knows which wire format answers.
PIN_MINI = {"explain": "mini", "refactor": "mini", "autocomplete": "mini", "rename": "mini"}
SELECTION = ((0, 0), (30, 0))


async def _send(session, method: str, params, msg_id: str):
    """Send a request with a known id, so the test can cancel it like an editor does."""
    future = session.client.protocol.send_request(method, params, msg_id=msg_id)
    return asyncio.wrap_future(future) if not isinstance(future, asyncio.Future) else future


def _cancel(session, msg_id: str) -> None:
    session.client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=msg_id))


async def _alive(session) -> None:
    snapshot = await session.spend()
    assert "session" in snapshot


async def test_cancel_explain_mid_stream_closes_the_upstream_call(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI))
    uri = session.open(TEXTWRAP)
    loopback.reply("word " * 200, chunk_delay=0.05)

    pending = await _send(
        session,
        types.WORKSPACE_EXECUTE_COMMAND,
        types.ExecuteCommandParams(command="lspRouter.explain", arguments=[target(uri, *SELECTION)]),
        "explain-cancel",
    )
    assert loopback.wait_for_requests(1, timeout=10)
    await asyncio.sleep(0.3)  # a few chunks arrive
    _cancel(session, "explain-cancel")

    with pytest.raises(Exception):
        await asyncio.wait_for(pending, 10)
    closed = await asyncio.to_thread(loopback.wait_closed_early, 5.0)
    assert closed is not None and closed.path.endswith("/chat/completions")
    # What the provider generated before the cancel is still billed, marked estimated.
    snapshot = await session.wait_spend(1)
    assert snapshot["last"]["outcome"] == "cancelled"
    assert snapshot["session"]["costUsd"] > 0
    # A weak negative for routing that learns: the explanation was shown and not waited for.
    quality = (await session.spend())["session"]["quality"]
    assert quality["byTask"]["explain"] == {"shown": 1, "accepted": 0, "acceptRate": 0.0,
                                            "costPerAcceptedUsd": None}
    await _alive(session)


async def test_cancelled_refactor_changes_no_document(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI))
    uri = session.open(TEXTWRAP)
    loopback.reply("```python\n" + "x = 1\n" * 100 + "```", chunk_delay=0.05)

    pending = await _send(
        session,
        types.WORKSPACE_EXECUTE_COMMAND,
        types.ExecuteCommandParams(
            command="lspRouter.refactor", arguments=[target(uri, *SELECTION, instruction="Simplify")]
        ),
        "refactor-cancel",
    )
    assert loopback.wait_for_requests(1, timeout=10)
    await asyncio.sleep(0.2)
    _cancel(session, "refactor-cancel")
    with pytest.raises(Exception):
        await asyncio.wait_for(pending, 10)
    assert await asyncio.to_thread(loopback.wait_closed_early, 5.0) is not None
    await asyncio.sleep(0.3)
    assert session.applied_edits == []


async def test_cancel_inline_completion_closes_the_stream(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI))
    uri = session.open(TEXTWRAP)
    loopback.reply("a" * 400, chunk_delay=0.05)
    pending = await _send(
        session,
        types.TEXT_DOCUMENT_INLINE_COMPLETION,
        types.InlineCompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=60, character=4),
            context=types.InlineCompletionContext(trigger_kind=types.InlineCompletionTriggerKind.Invoked),
        ),
        "inline-cancel",
    )
    assert loopback.wait_for_requests(1, timeout=10)
    await asyncio.sleep(0.2)
    _cancel(session, "inline-cancel")
    with pytest.raises(Exception):
        await asyncio.wait_for(pending, 10)
    assert await asyncio.to_thread(loopback.wait_closed_early, 5.0) is not None


@pytest.mark.parametrize(
    "fault, expected",
    [
        (dict(status=401), "rejected the API key"),
        (dict(status=500), "server error (500)"),
        (dict(status=429, retry_after=0), "rate limit"),
        (dict(cut_after=3), "closed the stream"),
    ],
)
async def test_provider_faults_give_a_clear_error_and_the_server_lives(start_server, loopback, fault, expected):
    session = await start_server(settings_for(loopback, routing=PIN_MINI, maxRetries=0))
    uri = session.open(TEXTWRAP)
    loopback.reply("partial answer that never ends " * 5, **fault)

    with pytest.raises(JsonRpcException) as caught:
        await session.explain(uri, *SELECTION)

    message = str(caught.value)
    assert expected in message
    assert OPENAI_TEST_KEY not in message and ANTHROPIC_TEST_KEY not in message
    assert session.applied_edits == []
    await _alive(session)
    # And the next request works.
    loopback.reset()
    loopback.reply("fine now")
    assert (await session.explain(uri, *SELECTION))["markdown"] == "fine now"


async def test_429_is_retried_after_retry_after(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI, maxRetries=2))
    uri = session.open(TEXTWRAP)
    loopback.reply("slow down", status=429, retry_after=0.2, times=1)
    loopback.reply("explained after a retry")

    result = await session.explain(uri, *SELECTION)

    assert result["markdown"] == "explained after a retry"
    assert [r.status for r in loopback.requests] == [429, 200]


async def test_a_slow_provider_times_out_with_a_clear_error(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI, maxRetries=0, requestTimeoutSec=1))
    uri = session.open(TEXTWRAP)
    loopback.reply("too late", delay=3)
    with pytest.raises(JsonRpcException, match="did not answer in time"):
        await session.explain(uri, *SELECTION)
    await _alive(session)


async def test_bad_settings_are_named_and_defaults_kept(start_server, loopback):
    settings = settings_for(
        loopback,
        models={"mini": "gpt4", "frontier": "nosuch:model-x"},
        routing={"explain": "cheap"},
        budget={"sessionUsd": -1},
    )
    session = await start_server(settings)
    messages = [m.message for m in await session.wait_messages(4)]
    joined = "\n".join(messages)
    for name in ("models.mini", "models.frontier", "routing.explain", "budget.sessionUsd"):
        assert f"lspRouter.{name}" in joined
    assert all(m.type == types.MessageType.Error for m in session.client.messages)

    # The server runs on the defaults: explain reaches the default models.
    uri = session.open(TEXTWRAP)
    loopback.reply("still serving")
    result = await session.explain(uri, *SELECTION)
    assert result["model"] in ("openai:gpt-5.4-mini", "anthropic:claude-opus-4-7")


async def test_a_bad_configuration_change_keeps_the_last_good_settings(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI))
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"lspRouter": {"models": {"mini": "openai:"}, "cache": {"maxSizeMb": "big"}}})
    )
    messages = [m.message for m in await session.wait_messages(2)]
    assert any("lspRouter.models.mini" in m for m in messages)
    assert any("lspRouter.cache.maxSizeMb" in m for m in messages)
    uri = session.open(TEXTWRAP)
    loopback.reply("ok")
    result = await session.explain(uri, *SELECTION)
    assert result["model"] == "openai:gpt-5.4-mini"


async def test_a_missing_key_is_reported_once_not_per_keystroke(start_server, loopback, server_env):
    env = {k: v for k, v in server_env.items() if k != "OPENAI_API_KEY"}
    session = await start_server(settings_for(loopback, routing=PIN_MINI), env={"OPENAI_API_KEY": ""})
    uri = session.open(TEXTWRAP)
    for column in range(5):
        result = await session.inline(uri, 60, column)
        assert result is None or not result.items
    await session.wait_messages(1)
    await asyncio.sleep(0.2)
    key_messages = [m for m in session.client.messages if "No API key" in m.message]
    assert len(key_messages) == 1
    assert "OPENAI_API_KEY" in key_messages[0].message
    assert session.status_events and session.status_events[0]["state"] == "noKey"
    assert session.status_events[0]["provider"] == "openai"
    assert loopback.requests == []


async def test_keys_never_reach_disk(start_server, loopback, dirs):
    session = await start_server(settings_for(loopback, routing=PIN_MINI, openai={"apiKey": "sk-from-settings-SECRET-42"}))
    uri = session.open(TEXTWRAP)
    loopback.reply("explained")
    await session.explain(uri, *SELECTION)
    assert loopback.requests[0].headers["authorization"] == "Bearer sk-from-settings-SECRET-42"
    loopback.reset()
    loopback.reply("nope", status=401)
    with pytest.raises(JsonRpcException) as caught:
        await session.explain(uri, (0, 0), (10, 0))
    assert "sk-from-settings-SECRET-42" not in str(caught.value)
    await session.client.shutdown_session()
    for folder in (dirs["data"], dirs["cache"]):
        for root, _, files in os.walk(folder):
            for name in files:
                data = open(os.path.join(root, name), "rb").read()
                assert b"sk-from-settings-SECRET-42" not in data, name
                assert OPENAI_TEST_KEY.encode() not in data, name


async def test_a_typing_burst_makes_one_upstream_call(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PIN_MINI, autocomplete={"debounceMs": 150}))
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)
    line = 60
    loopback.reply("completion")
    requests = []
    for column in range(1, 11):
        requests.append(asyncio.ensure_future(session.inline(uri, line, column)))
        await asyncio.sleep(0.02)
    results = await asyncio.gather(*requests)
    assert len(loopback.requests) == 1
    assert [len(r.items) for r in results].count(1) == 1
    assert results[-1].items[0].insert_text == "completion"


@pytest.mark.parametrize("stdin", ["pipe", "devnull", "file"])
def test_the_server_exits_cleanly_at_the_end_of_its_input(stdin, tmp_path, server_env):
    """An editor that goes away closes the pipe: the server ends (status 0), whatever stdin is."""
    import subprocess
    import sys

    source = {"pipe": None, "devnull": subprocess.DEVNULL}.get(stdin)  # input=b"": a pipe closed at once
    handle = None
    if stdin == "file":
        (tmp_path / "empty").write_bytes(b"")
        handle = source = open(tmp_path / "empty", "rb")
    try:
        proc = subprocess.run([sys.executable, "-m", "lsp_router", "serve"], stdin=source, input=b"" if stdin == "pipe" else None,
                              capture_output=True, env=server_env, timeout=60)
    finally:
        if handle is not None:
            handle.close()
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    assert b"Traceback" not in proc.stderr
