"""The nano tier through the real server (issue 15 §2): `models.nano` takes the most trivial work,
a failed check climbs one rung at a time (nano, mini, frontier), and spend reports the tier.
Unset, nothing changes (every other server test runs without it)."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.conftest import settings_for, stdlib_file
from tests.test_server_spend import billed

NANO = "openai:gpt-5.4-nano"
TEXTWRAP = stdlib_file("textwrap.py")
TEXT = TEXTWRAP.read_text()
LINES = TEXT.splitlines()
# `shorten`: its first 20 lines are more than nanoExplainMaxLines
SHORT = next(i for i, line in enumerate(LINES) if line.startswith("def shorten("))


def _cut_mid_line(needle: str, keep: str) -> tuple[str, int, int]:
    """The file with the line holding `needle` cut just after `keep`: a completion that finishes the line."""
    lines = TEXT.splitlines(True)
    line = next(i for i, text in enumerate(lines) if needle in text)
    column = lines[line].index(needle) + len(keep)
    lines[line] = lines[line][:column] + "\n"
    return "".join(lines), line, column


def _models(loopback) -> list[str]:
    return [r.model for r in loopback.requests if r.api != "openai-models"]


async def test_a_completion_that_finishes_the_line_goes_nano_and_is_billed_there(start_server, loopback):
    session = await start_server(settings_for(loopback, models={"nano": NANO}))
    text, line, column = _cut_mid_line("self.width = width", "self.width = wi")
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply("dth", model="gpt-5.4-nano")

    result = await session.inline(uri, line, column)

    assert [i.insert_text for i in result.items] == ["dth"]
    assert _models(loopback) == ["gpt-5.4-nano"]
    snapshot = await session.spend()
    assert snapshot["last"]["tier"] == "nano" and snapshot["last"]["reason"].startswith("nano: ")
    nano = snapshot["session"]["byTier"]["nano"]
    call = next(r for r in loopback.requests if r.usage is not None)
    assert nano["requests"] == 1
    assert abs(nano["costUsd"] - float(billed(call))) < 1e-9
    assert set(snapshot["session"]["byTier"]) == {"nano"}
    # what frontier would have cost for the same usage, less the nano call
    assert snapshot["session"]["savedUsd"] > nano["costUsd"] > 0


@pytest.mark.parametrize("bad", ["", "dth = (((\n"], ids=["empty", "syntax-error"])
async def test_a_failed_nano_answer_climbs_one_rung_at_a_time(start_server, loopback, bad):
    session = await start_server(settings_for(loopback, models={"nano": NANO}))
    text, line, column = _cut_mid_line("self.width = width", "self.width = wi")
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply(bad, model="gpt-5.4-nano", times=1)
    loopback.reply(bad, model="gpt-5.4-mini", times=1)
    loopback.reply("dth", api="anthropic", times=1)

    result = await session.inline(uri, line, column)

    assert [i.insert_text for i in result.items] == ["dth"]
    assert _models(loopback) == ["gpt-5.4-nano", "gpt-5.4-mini", "claude-opus-4-7"]
    snapshot = await session.spend()
    assert snapshot["last"]["tier"] == "frontier" and snapshot["last"]["reason"].startswith("frontier (escalated)")
    by_tier = snapshot["session"]["byTier"]
    exact = sum(billed(r) for r in loopback.requests if r.usage is not None)
    assert abs(snapshot["session"]["costUsd"] - float(exact)) < 1e-9
    assert set(by_tier) == {"nano", "mini", "frontier"}


async def test_the_first_rung_that_passes_its_check_answers(start_server, loopback):
    session = await start_server(settings_for(loopback, models={"nano": NANO}))
    text, line, column = _cut_mid_line("self.width = width", "self.width = wi")
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply("", model="gpt-5.4-nano", times=1)
    loopback.reply("dth", model="gpt-5.4-mini", times=1)

    result = await session.inline(uri, line, column)

    assert [i.insert_text for i in result.items] == ["dth"]
    assert _models(loopback) == ["gpt-5.4-nano", "gpt-5.4-mini"]
    snapshot = await session.spend()
    assert snapshot["last"]["tier"] == "mini" and snapshot["last"]["reason"].startswith("mini (escalated)")


async def test_a_short_explanation_goes_nano_and_a_block_completion_stays_mini(start_server, loopback):
    session = await start_server(settings_for(loopback, models={"nano": NANO}))
    uri = session.open(TEXTWRAP)
    loopback.reply("Wraps a paragraph.", model="gpt-5.4-nano")
    loopback.reply("Explained.", model="gpt-5.4-mini")
    # `fill`: 11 lines, a docstring and two statements
    fill = next(i for i, line in enumerate(LINES) if line.startswith("def fill("))
    small = await session.explain(uri, (fill, 0), (fill + 11, 0))
    assert small["tier"] == "nano" and small["model"] == NANO
    longer = await session.explain(uri, (SHORT, 0), (SHORT + 20, 0))
    assert longer["tier"] == "mini"
    assert _models(loopback) == ["gpt-5.4-nano", "gpt-5.4-mini"]


async def test_nano_pins_need_models_nano(start_server, loopback):
    session = await start_server(settings_for(loopback, routing={"explain": "nano"}))
    messages = [m.message for m in await session.wait_messages(1)]
    assert any("lspRouter.routing.explain: nano needs models.nano" in m for m in messages), messages
    uri = session.open(TEXTWRAP)
    loopback.reply("explained")
    fill = next(i for i, line in enumerate(LINES) if line.startswith("def fill("))
    result = await session.explain(uri, (fill, 0), (fill + 11, 0))
    assert result["tier"] == "mini" and result["reason"].startswith("mini: ")

    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"lspRouter": settings_for(loopback, models={"nano": NANO}, routing={"explain": "nano"})}))
    loopback.reply("Explained on nano.", model="gpt-5.4-nano")
    pinned = await session.explain(uri, (SHORT, 0), (SHORT + 20, 0))
    assert pinned["tier"] == "nano" and pinned["reason"] == "nano (pinned): routing.explain = nano"
