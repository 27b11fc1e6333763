"""The ledger and the notification equal provider usage x price, exactly, through the real server."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from genai_prices import calc_price, extract_usage
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from lsp_router.spend.ledger import SqliteLedger
from tests.conftest import settings_for, stdlib_file, target

TEXTWRAP = stdlib_file("textwrap.py")
FLAVOR = {"openai-chat": "chat", "openai-responses": "responses", "anthropic": "default"}


def billed(record) -> Decimal:
    """What the provider bills for one recorded call: its own usage x genai-prices' price."""
    provider = "anthropic" if record.api == "anthropic" else "openai"
    usage = extract_usage({"model": record.model, "usage": record.usage}, provider_id=provider, api_flavor=FLAVOR[record.api]).usage
    return calc_price(usage, record.model, provider_id=provider).total_price


def spend_cli(env: dict, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "lsp_router", "spend", *args, "--json"], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


async def test_a_scripted_session_is_billed_exactly(start_server, loopback, server_env):
    """Both providers, streaming and not, chat and responses, cached tokens, an escalation, a cancel."""
    session = await start_server(
        settings_for(loopback, routing={"explain": "frontier", "rename": "mini", "refactor": "mini"})
    )
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)

    # 1. explain on the frontier tier: Anthropic, streamed, with cache reads and writes.
    loopback.reply("Explains dedent.", api="anthropic", input_tokens=4000, cached_tokens=3000, cache_write_tokens=500, times=1)
    await session.explain(uri, (0, 0), (40, 0))

    # 2. rename on the mini tier: OpenAI chat, not streamed, with cached prompt tokens.
    line = next(i for i, l in enumerate(text.splitlines()) if "margin = None" in l)
    column = text.splitlines()[line].index("margin")
    loopback.reply('{"occurrences": []}', api="openai-chat", input_tokens=2500, cached_tokens=1024, times=1)
    with pytest.raises(JsonRpcException):
        # An empty choice fails the check; pinned mini does not escalate: the call is still billed.
        await session.client.text_document_rename_async(
            types.RenameParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=column),
                new_name="indent_margin",
            )
        )

    # 3. an auto-routed completion whose mini answer fails its check escalates to the frontier.
    lines = text.splitlines(True)
    code_line = next(i for i, l in enumerate(lines) if "self.width = width" in l)
    column = lines[code_line].index("width = width") + len("width = wi")
    lines[code_line] = lines[code_line][:column] + "\n"
    session.change(uri, "".join(lines))
    loopback.reply("dth = ((", api="openai-chat", times=1)  # leaves the file unparsable
    loopback.reply("dth", api="anthropic", times=1)
    result = await session.inline(uri, code_line, column)
    assert [i.insert_text for i in result.items] == ["dth"]
    assert "mini" in loopback.requests[2].model and "claude" in loopback.requests[3].model

    # 4. a refactor cancelled mid-stream is billed for what was generated, estimated.
    loopback.reply("```python\n" + "pass\n" * 200 + "```", api="openai-chat", chunk_delay=0.03)
    future = session.client.protocol.send_request(
        types.WORKSPACE_EXECUTE_COMMAND,
        types.ExecuteCommandParams(command="lspRouter.refactor", arguments=[target(uri, (0, 0), (20, 0), instruction="Simplify")]),
        msg_id="cancel-me",
    )
    assert loopback.wait_for_requests(5, timeout=10)
    await asyncio.sleep(0.3)
    session.client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id="cancel-me"))
    with pytest.raises(Exception):
        await asyncio.wait_for(asyncio.wrap_future(future) if not isinstance(future, asyncio.Future) else future, 10)
    await asyncio.sleep(0.3)

    snapshot = await session.spend()
    exact = [r for r in loopback.requests if r.usage is not None]
    assert len(exact) == 4 and [r.api for r in exact] == ["anthropic", "openai-chat", "openai-chat", "anthropic"]
    session_id = snapshot["session"]["id"]
    with SqliteLedger(Path(server_env["LSP_ROUTER_DATA_DIR"]) / "ledger.sqlite3") as ledger:
        rows = ledger.rows(session=session_id)
    assert [r.outcome for r in rows] == ["ok", "ok", "escalated", "ok", "cancelled"]
    (cancelled,) = [r for r in rows if r.outcome == "cancelled"]
    assert cancelled.estimated and cancelled.cost_usd > 0
    # Every billed call: the ledger's exact Decimal equals the provider's usage x price.
    assert [r.cost_usd for r in rows if r.outcome != "cancelled"] == [billed(r) for r in exact]
    total = sum(r.cost_usd for r in rows)
    cli = spend_cli(server_env, "--session", session_id, "--by", "task")
    assert cli["costUsd"] == snapshot["session"]["costUsd"] == float(total)
    assert {row["task"]: row["requests"] for row in cli["rows"]}["autocomplete"] == 1
    assert session.spend_events[-1]["session"]["costUsd"] == snapshot["session"]["costUsd"]
    assert snapshot["session"]["escalations"] == 1
    assert snapshot["session"]["byTask"]["autocomplete"]["escalations"] == 1
    assert snapshot["last"]["outcome"] == "cancelled"


async def test_responses_api_is_billed_exactly(start_server, loopback, server_env):
    session = await start_server(
        settings_for(loopback, routing={"explain": "mini"}, providers={"openai": {"api": "openai-responses"}})
    )
    uri = session.open(TEXTWRAP)
    loopback.reply("Explained.", input_tokens=3000, cached_tokens=2048, reasoning_tokens=40, output_tokens=120)
    result = await session.explain(uri, (0, 0), (30, 0))
    (call,) = loopback.requests
    assert call.api == "openai-responses"
    assert Decimal(str(result["costUsd"])) == billed(call)
    snapshot = await session.spend()
    assert snapshot["last"]["inputTokens"] == 3000  # cached tokens are part of the input, not added again


async def test_two_server_processes_share_one_ledger_exactly(start_server, loopback, server_env):
    settings = settings_for(loopback, routing={"autocomplete": "mini"}, cache={"enabled": False})
    first, second = await start_server(settings), await start_server(settings)
    text = TEXTWRAP.read_text()
    # one document per concurrent request: a newer request for the same document supersedes
    # an older one still waiting, and this test wants every request to reach the provider
    uris = [[s.open(TEXTWRAP.with_name(f"textwrap_{k}.py"), text=text) for k in range(25)] for s in (first, second)]
    loopback.reply("x")
    per_server = 150

    async def hammer(session, uris):
        for batch in range(0, per_server, 25):
            await asyncio.gather(*(session.inline(uris[i % 25], 10 + i, 0) for i in range(batch, batch + 25)))

    await asyncio.gather(hammer(first, uris[0]), hammer(second, uris[1]))
    calls = [r for r in loopback.requests if r.usage is not None]
    assert len(calls) == 2 * per_server
    ledger = spend_cli(server_env)
    assert ledger["calls"] == 2 * per_server
    assert Decimal(str(ledger["costUsd"])) == sum(billed(r) for r in calls)


async def test_a_budget_leans_to_mini_then_hard_stops_but_cache_hits_still_work(start_server, loopback):
    session = await start_server(
        settings_for(loopback, budget={"sessionUsd": 0.0001, "hardStop": False}, routing={"explain": "auto"})
    )
    uri = session.open(TEXTWRAP)
    loopback.reply("explained")
    await session.explain(uri, (0, 0), (300, 0))  # a big explain: the first call blows the tiny budget
    assert (await session.spend())["session"]["budget"]["state"] == "over"
    assert any("budget" in m.message for m in session.client.messages)

    # Over the cap, auto routing downgrades everything to the mini tier.
    result = await session.explain(uri, (0, 0), (200, 0))
    assert result["tier"] == "mini" and "budget" in result["reason"]

    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"lspRouter": {"budget": {"sessionUsd": 0.0001, "hardStop": True}}})
    )
    with pytest.raises(JsonRpcException, match="budget"):
        await session.explain(uri, (0, 0), (100, 0))
    calls_before = len(loopback.requests)
    again = await session.explain(uri, (0, 0), (200, 0))  # answered before: a free cache hit
    assert again["cached"] is True and again["costUsd"] == 0
    assert len(loopback.requests) == calls_before


def test_an_editor_that_goes_away_without_shutdown_loses_no_row(loopback, server_env, dirs):
    """The ledger row is written after the reply: an editor that reads the ghost text and
    then dies (its pipe closes, no `shutdown`) still leaves the call in the ledger."""
    dirs["work"].mkdir(parents=True, exist_ok=True)
    loopback.reply("    return x")
    proc = subprocess.Popen([sys.executable, "-m", "lsp_router", "serve"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=server_env, cwd=dirs["work"])

    def send(message: dict) -> None:
        body = json.dumps(message).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        proc.stdin.flush()

    def reply(msg_id: int) -> dict:
        while True:
            length = 0
            while (line := proc.stdout.readline().strip()):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(proc.stdout.read(length))
            if message.get("id") == msg_id and "method" not in message:
                return message

    try:
        uri = TEXTWRAP.resolve().as_uri()
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": dirs["work"].as_uri(), "capabilities": {},
            "initializationOptions": settings_for(loopback, routing={"autocomplete": "mini"})}})
        reply(1)
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "python", "version": 1, "text": TEXTWRAP.read_text()}}})
        send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/inlineCompletion", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 60, "character": 4}, "context": {"triggerKind": 1}}})
        assert reply(2)["result"]["items"]
        proc.stdin.close()  # the editor is gone: no shutdown, no exit
        assert proc.wait(timeout=30) == 0
        assert b"Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    billed_calls = [r for r in loopback.requests if r.usage is not None]
    ledger = spend_cli(server_env)
    assert len(billed_calls) == 1 and ledger["calls"] == 1
    assert Decimal(str(ledger["costUsd"])) == billed(billed_calls[0])


async def test_spend_history_compares_sessions_and_today(start_server, loopback, server_env):
    """lspRouter/spendHistory (the spend view's switch): the last sessions newest first, and today,
    with the same exact totals as the ledger; the current session is marked."""
    from tests.conftest import _plain

    session = await start_server(settings_for(loopback, routing={"explain": "mini"}))
    uri = session.open(TEXTWRAP)
    loopback.reply("Explains dedent.", input_tokens=3000, output_tokens=200)
    first = await session.explain(uri, (0, 0), (40, 0))
    old = (await session.spend())["session"]["id"]
    await session.command("lspRouter.resetSession")
    loopback.reply("Explains wrap.", input_tokens=1000, output_tokens=50)
    second = await session.explain(uri, (40, 0), (80, 0))
    loopback.reply("Explains fill.", input_tokens=1000, output_tokens=50)
    third = await session.explain(uri, (80, 0), (120, 0))
    new = (await session.spend())["session"]["id"]

    history = _plain(await session.client.protocol.send_request_async("lspRouter/spendHistory", {"limit": 5}))
    assert [s["id"] for s in history["sessions"]] == [new, old]
    assert [s["current"] for s in history["sessions"]] == [True, False]
    latest, earlier = history["sessions"]
    assert (latest["requests"], earlier["requests"]) == (2, 1)
    assert Decimal(str(earlier["costUsd"])) == Decimal(str(first["costUsd"]))
    assert abs(latest["costUsd"] - (second["costUsd"] + third["costUsd"])) < 1e-12
    assert latest["byTier"]["mini"]["requests"] == 2 and latest["byTask"]["explain"]["requests"] == 2
    assert history["today"]["requests"] == 3
    assert Decimal(str(history["today"]["costUsd"])) == Decimal(str(spend_cli(server_env, "--today")["costUsd"]))
    assert latest["start"] <= latest["end"] and earlier["end"] <= latest["start"]

    only_one = _plain(await session.client.protocol.send_request_async("lspRouter/spendHistory", {"limit": 1}))
    assert [s["id"] for s in only_one["sessions"]] == [new]
    with pytest.raises(JsonRpcException, match="limit"):
        await session.client.protocol.send_request_async("lspRouter/spendHistory", {"limit": "all"})
