"""The four AI features end to end: a real server over stdio, real SDKs, the loopback provider."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from lsprotocol import types

from tests.conftest import FRONTIER, MINI, settings_for, stdlib_file, target

TEXTWRAP = stdlib_file("textwrap.py")


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines()):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in file")


def _function_span(text: str, header: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Lines of a top-level function, from its `def` to the last line of its body."""
    lines = text.splitlines()
    start = _line_of(text, header)
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "\t"))):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return (start, 0), (end - 1, len(lines[end - 1]))


async def test_capabilities_advertise_every_feature(start_server):
    session = await start_server()
    caps = session.init.capabilities
    assert caps.inline_completion_provider is not None
    assert caps.rename_provider.prepare_provider is True
    assert caps.code_action_provider.resolve_provider is True
    assert types.CodeActionKind.RefactorRewrite in caps.code_action_provider.code_action_kinds
    assert {"lspRouter.explain", "lspRouter.refactor"} <= set(caps.execute_command_provider.commands)


async def test_explain_streams_progress_and_returns_markdown(start_server, loopback):
    session = await start_server()
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)
    start, end = _function_span(text, "def dedent(text):")
    answer = "`dedent` removes the common leading whitespace from every line.\n\nIt ignores blank lines."
    loopback.reply(answer)

    session.client.progress_reports["explain-1"] = []
    result = await session.explain(uri, start, end, token="explain-1")

    assert result["markdown"] == answer
    assert result["tier"] in ("mini", "frontier")
    assert result["model"] == (MINI if result["tier"] == "mini" else FRONTIER)
    assert result["cached"] is False
    assert result["costUsd"] > 0
    reports = session.client.progress_reports["explain-1"]
    streamed = "".join(r.message or "" for r in reports if isinstance(r, types.WorkDoneProgressReport))
    assert streamed == answer
    assert isinstance(reports[0], types.WorkDoneProgressBegin) and isinstance(reports[-1], types.WorkDoneProgressEnd)
    (call,) = loopback.requests
    assert call.stream is True
    assert "def dedent(text):" in call.prompt_text
    assert "class TextWrapper" in call.prompt_text  # the file is the context


async def test_inline_completion_fills_in_the_middle(start_server, loopback):
    session = await start_server()
    lines = TEXTWRAP.read_text().splitlines(True)
    line = next(i for i, l in enumerate(lines) if "self.width = width" in l)
    column = lines[line].index("width = width") + len("width = wi")
    lines[line] = lines[line][:column] + "\n"  # the user is typing this line
    uri = session.open(TEXTWRAP, text="".join(lines))
    loopback.reply("dth")

    result = await session.inline(uri, line, column)

    (item,) = result.items
    assert item.insert_text == "dth"
    assert item.range.start == item.range.end == types.Position(line=line, character=column)
    (call,) = loopback.requests
    # The model sees the prefix and the suffix around the cursor.
    assert "self.width = wi<|cursor|>\n" + lines[line + 1] in call.prompt_text


async def test_a_completion_that_starts_like_the_typed_text_is_not_an_echo(start_server, loopback):
    """`/` typed at the start of a comment line and `/ if ANY ...` answered: the comment goes
    on (`// if ANY ...`). Dropping the "echoed" `/` would leave a broken line and escalate."""
    session = await start_server()
    path = Path(__file__).resolve().parent / "data" / "routing_src" / "semver_range.js"
    lines = path.read_text(encoding="utf-8").splitlines(True)
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("// if ANY of the sets match"))
    column = lines[line].index("//") + 1
    rest = lines[line][column:].rstrip("\n")
    lines[line] = lines[line][:column] + "\n"
    uri = session.open(path, language_id="javascript", text="".join(lines))
    loopback.reply(rest)

    result = await session.inline(uri, line, column)

    assert [i.insert_text for i in result.items] == [rest]
    assert len(loopback.requests) == 1  # accepted from mini: no escalation


@pytest.mark.parametrize(
    "typed, answer",
    [
        # `import` typed, ` importlib` answered: the line goes on after a space
        pytest.param("import", " importlib", id="space-after-the-typed-word"),
        # `import importlib` answered whole: the typed word repeated, then the rest
        pytest.param("import", "import importlib", id="the-whole-line-repeated"),
    ],
)
async def test_an_answer_that_goes_on_after_a_space_is_not_an_echo(start_server, loopback, typed, answer):
    session = await start_server()
    path = stdlib_file("pkgutil.py")
    lines = path.read_text(encoding="utf-8").splitlines(True)
    line = lines.index("import importlib\n")
    lines[line] = typed + "\n"
    uri = session.open(path, text="".join(lines))
    loopback.reply(answer, api="openai-chat")

    result = await session.inline(uri, line, len(typed))

    assert [i.insert_text for i in result.items] == [" importlib"]
    assert len(loopback.requests) == 1


async def test_inline_completion_inserts_only_what_is_missing(start_server, loopback):
    session = await start_server()
    text = "import os\n\ndef home():\n    return os.path.join(os.sep, )\n"
    uri = session.open(stdlib_file("os.py"), text=text)
    # The model repeats the line and closes the bracket the suffix already has.
    loopback.reply("return os.path.join(os.sep, 'home')")

    result = await session.inline(uri, 3, len("    return os.path.join(os.sep, "))

    assert [i.insert_text for i in result.items] == ["'home'"]


async def test_rename_edits_every_occurrence_of_the_symbol(start_server, loopback):
    session = await start_server()
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)
    line = _line_of(text, "margin = None")
    column = text.splitlines()[line].index("margin")
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.NAME and t.string == "margin"]
    loopback.reply('{"occurrences": [%s]}' % ", ".join(str(i) for i in range(len(tokens))))

    prepared = await session.client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=column))
    )
    assert prepared.placeholder == "margin"
    assert loopback.requests == []  # prepareRename never calls a model

    edit = await session.client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=column),
            new_name="common_indent",
        )
    )
    edits = edit.changes[uri]
    assert len(edits) == len(tokens) > 3
    lines = text.splitlines()
    assert {(e.range.start.line + 1, e.range.start.character) for e in edits} == {t.start for t in tokens}
    for e in edits:
        assert lines[e.range.start.line][e.range.start.character : e.range.end.character] == "margin"
        assert e.new_text == "common_indent"


async def test_rename_rejects_a_name_that_is_not_an_identifier(start_server, loopback):
    session = await start_server()
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)
    line = _line_of(text, "margin = None")
    with pytest.raises(Exception, match="not a valid identifier"):
        await session.client.text_document_rename_async(
            types.RenameParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=text.splitlines()[line].index("margin")),
                new_name="not valid",
            )
        )
    assert loopback.requests == []


async def test_code_actions_list_without_calling_a_model_and_resolve_to_an_edit(start_server, loopback):
    session = await start_server(settings_for(loopback, refactor={"instructions": ["Use pathlib instead of os.path"]}))
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)
    start, end = _function_span(text, "def indent(text, prefix, predicate=None):")
    selection = types.Range(start=types.Position(*start), end=types.Position(*end))

    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=selection,
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    titles = [a.title for a in actions]
    assert [t.split(" (")[0] for t in titles] == ["Simplify", "Add type hints", "Add docstring", "Use pathlib instead of os.path"]
    for title in titles:
        assert re.search(r"\((mini|frontier), ~\$(\d+\.\d\d|0\.00[1-9]\d?|0\.000\d+)\)$", title), title
    assert all(a.kind == types.CodeActionKind.RefactorRewrite and a.edit is None for a in actions)
    assert loopback.requests == []

    body = "\n".join(text.splitlines()[start[0] : end[0] + 1])
    docstring = body.replace(
        "def indent(text, prefix, predicate=None):\n",
        'def indent(text, prefix, predicate=None):\n    """Add prefix to the selected lines of text."""\n',
        1,
    )
    loopback.reply(f"```python\n{docstring}\n```")
    resolved = await session.client.code_action_resolve_async(actions[2])
    (change,) = resolved.edit.document_changes
    (edit,) = change.edits
    assert edit.range == selection
    assert edit.new_text == docstring
    assert len(loopback.requests) == 1


async def test_refactor_command_applies_its_edit(start_server, loopback):
    session = await start_server()
    text = TEXTWRAP.read_text()
    uri = session.open(TEXTWRAP)
    start, end = _function_span(text, "def indent(text, prefix, predicate=None):")
    body = "\n".join(text.splitlines()[start[0] : end[0] + 1])
    new_body = body.replace("prefixed_lines", "out_lines")
    loopback.reply(f"Here you go:\n```python\n{new_body}\n```\n")

    result = await session.command("lspRouter.refactor", target(uri, start, end, instruction="Rename prefixed_lines to out_lines"))

    assert result["applied"] is True
    (edit,) = session.applied_edits
    (change,) = edit.document_changes
    assert change.text_document.uri == uri and change.text_document.version == 1
    assert change.edits[0].new_text == new_body
    assert (change.edits[0].range.start.line, change.edits[0].range.end.line) == (start[0], end[0])
    assert "Rename prefixed_lines to out_lines" in loopback.requests[0].prompt_text


async def test_a_language_without_special_support_still_works(start_server, loopback):
    session = await start_server()
    rust = (
        "use std::collections::HashMap;\n\n"
        "fn word_count(text: &str) -> HashMap<&str, usize> {\n"
        "    let mut counts = HashMap::new();\n"
        "    for word in text.split_whitespace() {\n"
        "        *counts.entry(word).or_insert(0) += 1;\n"
        "    }\n"
        "    counts\n"
        "}\n"
    )
    uri = session.open(stdlib_file("os.py").with_name("word_count.rs"), language_id="rust", text=rust)
    loopback.reply("Counts how often each whitespace-separated word occurs.", times=1)
    result = await session.explain(uri, (2, 0), (8, 1))
    assert result["markdown"].startswith("Counts how often")

    typing = rust.replace("text.split_whitespace() {", "text.split")
    session.change(uri, typing)
    loopback.reply("_whitespace() {")
    completion = await session.inline(uri, 4, len("    for word in text.split"))
    assert [i.insert_text for i in completion.items] == ["_whitespace() {"]
