"""Routing through the real server: pinning, escalation on each failed check, budget lean."""

from __future__ import annotations

import io
import tokenize

import pytest
from lsprotocol import types

from tests.conftest import settings_for, stdlib_file, target

TEXTWRAP = stdlib_file("textwrap.py")
TEXT = TEXTWRAP.read_text()
LINES = TEXT.splitlines()
FILL = ((385, 0), (396, 0))  # `def fill(...)`: a short helper, 0-based lines
TEXTWRAPPER_CLASS = ((16, 0), (368, 0))  # the whole TextWrapper class


def _tiers(loopback) -> list[str]:
    return ["mini" if r.api.startswith("openai") else "frontier" for r in loopback.requests if r.api != "openai-models"]


async def _escalations(session, task: str) -> tuple[int, int]:
    snapshot = await session.spend()
    return snapshot["session"]["escalations"], snapshot["session"]["byTask"][task]["escalations"]


async def test_pinning_a_task_overrides_the_classifier(start_server, loopback):
    session = await start_server(settings_for(loopback, routing={"explain": "frontier", "refactor": "mini"}))
    uri = session.open(TEXTWRAP)
    loopback.reply("short helper", times=1)
    small = await session.explain(uri, *FILL)
    assert small["tier"] == "frontier" and small["reason"].startswith("frontier (pinned)")

    converted = "\n".join(LINES[16:368]).replace("    def wrap(self, text):", "    async def wrap(self, text):")
    loopback.reply("```python\n" + converted + "\n```")
    big = await session.command("lspRouter.refactor", target(uri, *TEXTWRAPPER_CLASS, instruction="Convert this class to async"))
    assert big["tier"] == "mini" and "pinned" in big["reason"]
    assert _tiers(loopback) == ["frontier", "mini"]


async def test_auto_sends_small_work_to_mini_and_big_work_to_the_frontier(start_server, loopback):
    session = await start_server()
    uri = session.open(TEXTWRAP)
    loopback.reply("explained")
    small = await session.explain(uri, *FILL)
    big = await session.explain(uri, *TEXTWRAPPER_CLASS)
    assert (small["tier"], big["tier"]) == ("mini", "frontier")
    assert small["reason"].startswith("mini:") and big["reason"].startswith("frontier:")
    snapshot = await session.spend()
    assert snapshot["last"]["reason"] == big["reason"]


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(dict(text=""), id="empty"),
        pytest.param(dict(text="dth = (((\n"), id="syntax-error"),
    ],
)
async def test_a_failed_completion_check_escalates_once(start_server, loopback, bad):
    session = await start_server()
    lines = TEXT.splitlines(True)
    line = next(i for i, l in enumerate(lines) if "self.width = width" in l)
    column = lines[line].index("width = width") + len("width = wi")
    lines[line] = lines[line][:column] + "\n"
    uri = session.open(TEXTWRAP, text="".join(lines))
    loopback.reply(api="openai-chat", times=1, **bad)
    loopback.reply("dth", api="anthropic", times=1)

    result = await session.inline(uri, line, column)

    assert [i.insert_text for i in result.items] == ["dth"]
    assert _tiers(loopback) == ["mini", "frontier"]
    assert await _escalations(session, "autocomplete") == (1, 1)


async def test_a_completion_that_repeats_the_suffix_escalates(start_server, loopback):
    session = await start_server()
    lines = TEXT.splitlines(True)
    line = next(i for i, l in enumerate(lines) if "self.width = width" in l)
    uri = session.open(TEXTWRAP)
    # The cursor sits at the end of `self.width = width`; the next line is the suffix.
    loopback.reply(lines[line + 1].strip(), api="openai-chat", times=1)
    loopback.reply("  # the maximum line width", api="anthropic", times=1)
    result = await session.inline(uri, line, len(lines[line].rstrip("\n")))
    assert [i.insert_text for i in result.items] == ["  # the maximum line width"]
    assert _tiers(loopback) == ["mini", "frontier"]


async def test_a_wrong_rename_escalates(start_server, loopback):
    session = await start_server()
    uri = session.open(TEXTWRAP)
    line = next(i for i, l in enumerate(LINES) if "margin = None" in l)
    column = LINES[line].index("margin")
    count = sum(1 for t in tokenize.generate_tokens(io.StringIO(TEXT).readline) if t.string == "margin")
    loopback.reply('{"occurrences": [0]}', api="openai-chat", times=1)  # misses the others
    loopback.reply('{"occurrences": [%s]}' % ",".join(map(str, range(count))), api="anthropic", times=1)

    edit = await session.client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=column),
            new_name="indent_margin",
        )
    )
    assert len(edit.changes[uri]) == count
    assert _tiers(loopback) == ["mini", "frontier"]
    assert await _escalations(session, "rename") == (1, 1)


async def test_a_refactor_that_does_not_parse_escalates(start_server, loopback):
    session = await start_server()
    uri = session.open(TEXTWRAP)
    body = "\n".join(LINES[FILL[0][0] : FILL[1][0]]) + "\n"
    loopback.reply("```python\ndef fill(text, width=70, **kwargs:\n    return\n```", api="openai-chat", times=1)
    good = body.replace("def fill(", "def fill(  ", 1).replace("def fill(  ", "def fill(", 1).replace('    """', '    """Wrap and join.\n\n    ', 1)
    loopback.reply(f"```python\n{good}```", api="anthropic", times=1)

    result = await session.command("lspRouter.refactor", target(uri, *FILL, instruction="Add docstring"))

    assert result["tier"] == "frontier" and result["reason"].startswith("frontier (escalated)")
    assert session.applied_edits[0].document_changes[0].edits[0].new_text == good
    assert _tiers(loopback) == ["mini", "frontier"]
    assert await _escalations(session, "refactor") == (1, 1)


async def test_a_cut_off_explanation_escalates(start_server, loopback):
    session = await start_server()
    uri = session.open(TEXTWRAP)
    loopback.reply("`fill` wraps the text and then joins the", api="openai-chat", finish_reason="length", times=1)
    loopback.reply("`fill` wraps the text and joins the lines with newlines.", api="anthropic", times=1)
    result = await session.explain(uri, *FILL)
    assert result["markdown"] == "`fill` wraps the text and joins the lines with newlines."
    assert result["tier"] == "frontier"
    assert await _escalations(session, "explain") == (1, 1)


async def test_near_the_budget_auto_leans_to_mini(start_server, loopback):
    session = await start_server()
    uri = session.open(TEXTWRAP)
    loopback.reply("explained")
    assert (await session.explain(uri, (235, 0), (335, 0)))["tier"] == "frontier"
    first = await session.explain(uri, *FILL)
    cap = first["costUsd"] / 0.85  # 85% used: "near"
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"lspRouter": {"budget": {"sessionUsd": cap}}})
    )
    # 100 lines of TextWrapper: frontier with room in the budget, mini near its cap.
    medium = await session.explain(uri, (235, 0), (335, 0))
    assert medium["tier"] == "mini" and "budget" in medium["reason"]
    snapshot = await session.spend()
    assert snapshot["session"]["budget"]["state"] in ("near", "over")
