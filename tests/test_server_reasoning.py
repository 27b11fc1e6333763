"""OpenAI reasoning models: the effort asked per task, and an answer lost to reasoning said plainly."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.conftest import settings_for, stdlib_file

TEXTWRAP = stdlib_file("textwrap.py")
LINES = TEXTWRAP.read_text().splitlines()
FILL = ((385, 0), (396, 0))  # `def fill(...)`: a short helper, 0-based lines
CURSOR = next(i for i, line in enumerate(LINES) if "self.width = width" in line)


def _completion_spot() -> tuple[str, int, int]:
    """textwrap.py with `self.width = wi` typed: (text, line, column)."""
    lines = TEXTWRAP.read_text().splitlines(True)
    column = lines[CURSOR].index("width = width") + len("width = wi")
    lines[CURSOR] = lines[CURSOR][:column] + "\n"
    return "".join(lines), CURSOR, column


def _effort(request) -> str | None:
    body = request.body
    return body.get("reasoning_effort") or (body.get("reasoning") or {}).get("effort")


@pytest.mark.parametrize(
    "mini, api, settings, efforts",
    [
        # gpt-5.4-mini reasons at `none` unless asked: nothing is sent
        pytest.param("gpt-5.4-mini", "openai", {}, (None, None), id="gpt-5.4-mini-auto"),
        # gpt-5-mini defaults to `medium`: the least it takes for ghost text, low for explanations
        pytest.param("gpt-5-mini", "openai", {}, ("minimal", "low"), id="gpt-5-mini-auto"),
        pytest.param("o4-mini", "openai-responses", {}, ("low", "low"), id="o4-mini-auto-responses"),
        pytest.param("gpt-5-mini", "openai-responses", {"autocomplete": "low", "explain": "default"},
                     ("low", None), id="set-per-task"),
    ],
)
async def test_the_effort_asked_of_a_reasoning_model_per_task(start_server, loopback, mini, api, settings, efforts):
    session = await start_server(settings_for(
        loopback, models={"mini": f"openai:{mini}"}, routing={"explain": "mini"},
        providers={"openai": {"api": api}}, reasoningEffort=settings,
    ))
    text, line, column = _completion_spot()
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply("dth", times=1)
    loopback.reply("It fills a paragraph.", times=1)

    completion = await session.inline(uri, line, column)
    explained = await session.explain(uri, *FILL)

    assert [i.insert_text for i in completion.items] == ["dth"] and explained["markdown"] == "It fills a paragraph."
    assert [r.api for r in loopback.requests] == ["openai-chat" if api == "openai" else "openai-responses"] * 2
    assert tuple(_effort(r) for r in loopback.requests) == efforts
    assert all(r.model == mini for r in loopback.requests)


async def test_an_answer_lost_to_reasoning_escalates_and_says_which_setting_fixes_it(start_server, loopback):
    session = await start_server(settings_for(loopback, models={"mini": "openai:gpt-5-mini"},
                                              reasoningEffort={"autocomplete": "default"}))
    text, line, column = _completion_spot()
    uri = session.open(TEXTWRAP, text=text)
    # the whole output limit went to reasoning: no text, cut at the limit
    loopback.reply("", api="openai-chat", finish_reason="length", output_tokens=192, reasoning_tokens=192)
    loopback.reply("dth", api="anthropic")

    first = await session.inline(uri, line, column)
    session.change(uri, text.replace("width = wi\n", "width = w\n", 1))
    second = await session.inline(uri, line, column - 1)

    assert [i.insert_text for i in first.items] == ["dth"] and [i.insert_text for i in second.items] == ["dth"]
    assert "reasoning_effort" not in loopback.requests[0].body  # "default": the model's own effort
    snapshot = await session.spend()
    assert snapshot["session"]["escalations"] == 2
    [message] = [m for m in await session.wait_messages() if "reasoning" in m.message]  # once, not per request
    assert message.type == types.MessageType.Warning
    assert "gpt-5-mini spent its 192-token output limit on reasoning (192 tokens)" in message.message
    assert "lspRouter.reasoningEffort.autocomplete" in message.message


async def test_a_wrong_effort_is_named_and_the_default_kept(start_server, loopback):
    session = await start_server(settings_for(loopback, models={"mini": "openai:gpt-5-mini"},
                                              reasoningEffort={"autocomplete": "lots", "explain": "high"}))
    messages = await session.wait_messages()
    assert any("lspRouter.reasoningEffort.autocomplete" in m.message and "'lots'" in m.message for m in messages)
    text, line, column = _completion_spot()
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply("dth", times=1)
    await session.inline(uri, line, column)
    assert _effort(loopback.requests[0]) == "minimal"  # still auto
