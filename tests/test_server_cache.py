"""Repeated work is answered for free: through the real server, across restarts and processes."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

from lsprotocol import types

from tests.conftest import settings_for, stdlib_file, target

TEXTWRAP = stdlib_file("textwrap.py")
SELECTION = ((0, 0), (40, 0))
PINNED = {"explain": "mini", "refactor": "mini", "autocomplete": "mini"}


def ledger_rows(env: dict) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "lsp_router", "spend", "--json", "--by", "task"], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


async def test_a_repeat_is_a_free_hit_recorded_as_saved(start_server, loopback, server_env):
    session = await start_server(settings_for(loopback, routing=PINNED))
    uri = session.open(TEXTWRAP)
    loopback.reply("Explains the module header.")

    first = await session.explain(uri, *SELECTION)
    second = await session.explain(uri, *SELECTION)

    assert len(loopback.requests) == 1
    assert first["cached"] is False and first["costUsd"] > 0
    assert second["cached"] is True and second["costUsd"] == 0
    assert second["markdown"] == first["markdown"]
    snapshot = await session.spend()
    assert snapshot["session"]["cacheHits"] == 1
    assert snapshot["last"]["cached"] is True
    # The hit saved what the original call cost (on top of what mini saved against frontier).
    by_task = snapshot["session"]["byTask"]["explain"]
    assert by_task["requests"] == 2 and by_task["cacheHits"] == 1
    ledger = ledger_rows(server_env)
    assert ledger["calls"] == 2 and ledger["cacheHits"] == 1
    assert ledger["costUsd"] == first["costUsd"]


async def test_a_restarted_server_still_hits(start_server, loopback):
    settings = settings_for(loopback, routing=PINNED)
    first = await start_server(settings)
    uri = first.open(TEXTWRAP)
    loopback.reply("Explained once.")
    await first.explain(uri, *SELECTION)
    await first.client.shutdown_session()

    second = await start_server(settings)
    uri = second.open(TEXTWRAP)
    result = await second.explain(uri, *SELECTION)
    assert result["cached"] is True and result["markdown"] == "Explained once."
    assert len(loopback.requests) == 1


async def test_two_processes_share_hits(start_server, loopback):
    settings = settings_for(loopback, routing=PINNED)
    one, two = await start_server(settings), await start_server(settings)
    loopback.reply("Shared answer.")
    await one.explain(one.open(TEXTWRAP), *SELECTION)
    result = await two.explain(two.open(TEXTWRAP), *SELECTION)
    assert result["cached"] is True
    assert len(loopback.requests) == 1


async def test_identical_requests_in_flight_share_one_call(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PINNED))
    uri = session.open(TEXTWRAP)
    loopback.reply("One slow answer for everyone.", chunk_delay=0.05)
    results = await asyncio.gather(*(session.explain(uri, *SELECTION) for _ in range(5)))
    assert len(loopback.requests) == 1
    assert {r["markdown"] for r in results} == {"One slow answer for everyone."}


async def test_typing_the_ghost_text_reuses_it_without_a_call(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PINNED))
    text = TEXTWRAP.read_text()
    lines = text.splitlines(True)
    line = next(i for i, l in enumerate(lines) if "self.width = width" in l)
    column = lines[line].index("width = width")
    lines[line] = lines[line][:column] + "\n"
    uri = session.open(TEXTWRAP, text="".join(lines))
    loopback.reply("width = width")

    shown = await session.inline(uri, line, column)
    assert [i.insert_text for i in shown.items] == ["width = width"]

    # The user types "wid": the rest comes from memory.
    lines[line] = lines[line][:column] + "wid\n"
    session.change(uri, "".join(lines))
    rest = await session.inline(uri, line, column + 3)
    assert [i.insert_text for i in rest.items] == ["th = width"]
    assert len(loopback.requests) == 1

    # A keystroke that departs from the ghost text asks the model again.
    lines[line] = lines[line][:column] + "widx\n"
    session.change(uri, "".join(lines))
    loopback.reply("_factor = 2")
    await session.inline(uri, line, column + 4)
    assert len(loopback.requests) == 2


async def test_changing_the_model_or_the_instruction_misses(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PINNED))
    uri = session.open(TEXTWRAP)
    loopback.reply("```python\nx = 1\n```")
    await session.command("lspRouter.refactor", target(uri, (0, 0), (3, 0), instruction="Simplify"))
    await session.command("lspRouter.refactor", target(uri, (0, 0), (3, 0), instruction="Simplify"))
    assert len(loopback.requests) == 1
    await session.command("lspRouter.refactor", target(uri, (0, 0), (3, 0), instruction="Add type hints"))
    assert len(loopback.requests) == 2

    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"lspRouter": {"models": {"mini": "openai:gpt-5.4-nano"}}})
    )
    await session.command("lspRouter.refactor", target(uri, (0, 0), (3, 0), instruction="Simplify"))
    assert len(loopback.requests) == 3
    assert loopback.requests[-1].model == "gpt-5.4-nano"


async def test_a_corrupt_cache_is_survived(start_server, loopback, dirs):
    results = dirs["cache"] / "results"
    results.mkdir(parents=True)
    (results / "cache.db").write_bytes(b"this is not a database" * 100)

    session = await start_server(settings_for(loopback, routing=PINNED))
    messages = await session.wait_messages(1)
    assert any("cache" in m.message.lower() for m in messages)
    uri = session.open(TEXTWRAP)
    loopback.reply("Works without a cache.")
    assert (await session.explain(uri, *SELECTION))["markdown"] == "Works without a cache."
    assert (await session.explain(uri, *SELECTION))["markdown"] == "Works without a cache."
    assert len([m for m in session.client.messages if "cache" in m.message.lower()]) == 1


async def test_anthropic_prompts_mark_the_stable_prefix_for_caching(start_server, loopback):
    session = await start_server(settings_for(loopback, routing={"explain": "frontier"}))
    uri = session.open(TEXTWRAP)
    loopback.reply("ok", cached_tokens=2000, input_tokens=2600)
    result = await session.explain(uri, *SELECTION)
    (call,) = loopback.requests
    blocks = call.body["messages"][0]["content"]
    assert blocks[0]["cache_control"] == {"type": "ephemeral"}
    assert "class TextWrapper" in blocks[0]["text"]  # the file context is the cached prefix
    assert "cache_control" not in blocks[-1]  # the changing part is not
    snapshot = await session.spend()
    assert snapshot["last"]["inputTokens"] == 2600
    assert result["costUsd"] > 0


async def test_openai_prompts_carry_a_prompt_cache_key(start_server, loopback):
    session = await start_server(settings_for(loopback, routing=PINNED))
    uri = session.open(TEXTWRAP)
    loopback.reply("ok")
    await session.explain(uri, *SELECTION)
    (call,) = loopback.requests
    assert call.body["prompt_cache_key"].startswith("explain:")
    assert call.body["messages"][0]["role"] == "system"
