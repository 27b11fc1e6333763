"""Routing through the real server: pinning, escalation on each failed check, budget lean."""

from __future__ import annotations

import io
from pathlib import Path
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
    # a method (an attribute: the model decides; a local would be static, with no model)
    line = next(i for i, l in enumerate(LINES) if "def _fix_sentence_endings" in l)
    column = LINES[line].index("_fix_sentence_endings")
    count = sum(1 for t in tokenize.generate_tokens(io.StringIO(TEXT).readline) if t.string == "_fix_sentence_endings")
    loopback.reply('{"occurrences": [0]}', api="openai-chat", times=1)  # misses the others
    loopback.reply('{"occurrences": [%s]}' % ",".join(map(str, range(count))), api="anthropic", times=1)

    edit = await session.client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=column),
            new_name="_end_sentences",
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


def _body(lines: list[str], name: str) -> tuple[int, int, str]:
    """(row of the line that ends `def name(...):`, the row after its body, the body's text)."""
    row = next(i for i, l in enumerate(lines) if l.startswith(f"def {name}("))
    indent = len(lines[row]) - len(lines[row].lstrip())
    while not lines[row].rstrip().endswith(":"):  # a signature over several lines
        row += 1
    end = row + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return row, end, "\n".join(lines[row + 1:end])


@pytest.mark.parametrize(
    "module, name, cut_at, finish_reason",
    [
        # the docstring alone is longer than the output limit: cut inside it
        pytest.param("difflib.py", "get_close_matches", 700, "length", id="cut-inside-a-docstring"),
        pytest.param("json/decoder.py", "JSONObject", 1000, "length", id="cut-inside-a-statement"),
        # a whole function body, longer than the 12 lines ghost text shows
        pytest.param("json/decoder.py", "py_scanstring", None, "stop", id="longer-than-twelve-lines"),
    ],
)
async def test_a_long_completion_is_shown_up_to_a_whole_statement_without_escalating(
        start_server, loopback, module, name, cut_at, finish_reason):
    path = stdlib_file(module)
    LINES = path.read_text().splitlines()
    row, end, body = _body(LINES, name)
    first = LINES[row + 1]
    indent = first[: len(first) - len(first.lstrip())]
    answer = body[len(indent):]  # the model answers from the cursor, after the indentation
    if cut_at is not None:
        assert answer[cut_at - 1] != "\n" and "\n" in answer[cut_at:], "the cut falls inside a line"
        answer = answer[:cut_at]
    else:
        assert answer.count("\n") > 12
    # the function's body not written yet: the cursor on its first line, indented
    text = "\n".join(LINES[: row + 1] + [indent] + LINES[end:]) + "\n"
    session = await start_server()
    uri = session.open(path, text=text)
    loopback.reply(answer, api="openai-chat", times=1, finish_reason=finish_reason)
    loopback.reply("should not be asked", api="anthropic")

    result = await session.inline(uri, row + 1, len(indent))

    assert _tiers(loopback) == ["mini"]
    assert await _escalations(session, "autocomplete") == (0, 0)
    [item] = result.items
    ghost = item.insert_text
    lines = ghost.split("\n")
    # what the user gets once they accept it is a module that compiles
    accepted = "\n".join(LINES[: row + 1] + [indent + ghost] + LINES[end:]) + "\n"
    compile(accepted, module, "exec")
    if name == "get_close_matches":
        # cut inside the docstring: its first lines, then closed where the body starts
        whole_lines = answer.split("\n")[:-1]
        assert len(whole_lines) >= 8 and lines[-1] == indent + '"""'
        assert "\n".join(lines[:-1]) == "\n".join(whole_lines[:12]).rstrip()
    else:
        # the body up to its last whole statement within the 12 lines
        assert answer.startswith(ghost) and answer[len(ghost)] == "\n" and len(lines) <= 12
        assert len(lines) >= 8


JSONPARSE = Path(__file__).parent / "data" / "routing_src" / "jsonparse.js"


@pytest.mark.parametrize(
    "path, language_id, anchor, rows",
    [
        # textwrap's `_split`: the model writes the line asked for, then the three after it
        pytest.param(TEXTWRAP, "python", "        chunks = [c for c in chunks if c]", 4, id="python-next-lines"),
        # jsonparse's `Parser.toknam`: the return line, then the `};` that closes the function
        pytest.param(JSONPARSE, "javascript", '  return code && ("0x" + code.toString(16));', 2, id="js-closing-line"),
    ],
)
async def test_a_completion_that_runs_into_the_lines_below_stops_there(start_server, loopback, path, language_id,
                                                                       anchor, rows):
    lines = path.read_text().split("\n")
    row = lines.index(anchor)
    indent = anchor[: len(anchor) - len(anchor.lstrip())]
    text = "\n".join(lines[:row] + [indent] + lines[row + 1:])
    session = await start_server()
    uri = session.open(path, language_id, text=text)
    # what models do: the line asked for, then the ones the file already has below it
    loopback.reply("\n".join([anchor.lstrip()] + lines[row + 1:row + rows]), api="openai-chat", times=1)
    loopback.reply("should not be asked", api="anthropic")

    result = await session.inline(uri, row, len(indent))

    assert [i.insert_text for i in result.items] == [anchor.lstrip()]
    assert _tiers(loopback) == ["mini"]


async def test_a_completion_that_first_writes_the_lines_above_again_shows_only_the_new_line(start_server, loopback):
    """textwrap's `_split`: asked for the line after two others, the model writes all three."""
    lines = TEXT.split("\n")
    row = lines.index("        chunks = [c for c in chunks if c]")
    text = "\n".join(lines[:row] + ["        "] + lines[row + 1:])
    session = await start_server()
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply("\n".join([lines[row - 2].lstrip()] + lines[row - 1:row + 1]), api="openai-chat", times=1)
    loopback.reply("should not be asked", api="anthropic")

    result = await session.inline(uri, row, 8)

    assert [i.insert_text for i in result.items] == ["chunks = [c for c in chunks if c]"]
    assert _tiers(loopback) == ["mini"]


async def test_a_refactor_answer_that_writes_the_lines_around_the_selection_again_is_applied_without_them(
        start_server, loopback):
    """`fill`'s body selected (not its `def` line): the model answers with the `def` line, the
    new body and the `def shorten(` line after it. Applied as answered, `def fill(` and
    `def shorten(` would be doubled; the check would have escalated it."""
    session = await start_server(settings_for(loopback, routing={"refactor": "auto"}))
    uri = session.open(TEXTWRAP)
    def_row = LINES.index("def fill(text, width=70, **kwargs):")
    body = ((def_row + 1, 0), (def_row + 11, 0))  # the docstring and the two statements
    new_body = "\n".join(LINES[def_row + 1:def_row + 9]) + "\n    return TextWrapper(width=width, **kwargs).fill(text)\n"
    answer = f"```python\n{LINES[def_row]}\n{new_body}\n\n{LINES[def_row + 12]}\n```"
    loopback.reply(answer, api="openai-chat", times=1)
    loopback.reply("should not be asked", api="anthropic")

    result = await session.command("lspRouter.refactor", target(uri, *body, instruction="Simplify"))

    assert result["tier"] == "mini" and _tiers(loopback) == ["mini"]
    assert session.applied_edits[0].document_changes[0].edits[0].new_text == new_body


async def test_a_completion_indented_from_the_cursor_column_is_shifted_to_the_line(start_server, loopback):
    """At a cursor 8 columns in, an answer whose later lines are indented as if it started at
    column 0 does not parse there; shifted by the cursor line's indentation, it does."""
    lines = TEXT.split("\n")
    row = lines.index("        chunks = [c for c in chunks if c]")
    text = "\n".join(lines[:row] + ["        "] + lines[row + 1:])
    session = await start_server()
    uri = session.open(TEXTWRAP, text=text)
    loopback.reply("if not chunks:\n    return chunks", api="openai-chat", times=1)
    loopback.reply("should not be asked", api="anthropic")

    result = await session.inline(uri, row, 8)

    assert [i.insert_text for i in result.items] == ["if not chunks:\n            return chunks"]
    assert _tiers(loopback) == ["mini"]
