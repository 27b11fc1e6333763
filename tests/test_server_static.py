"""The static tier (issue 15 §1): renames the scope analysis is certain of, and typed-ahead
ghost text, are answered without a model, at $0, and recorded as tier static. A real server
over stdio, real stdlib files, the loopback provider (which must see no request for them)."""

from __future__ import annotations

import io
import json
import re
import tokenize
from decimal import Decimal
from pathlib import Path

from lsprotocol import types

from lsp_router.spend.ledger import SqliteLedger
from tests.conftest import _capabilities, settings_for, stdlib_file

ARGPARSE = stdlib_file("argparse.py")
TEXTWRAP = stdlib_file("textwrap.py")


def _names(text: str, name: str) -> list[tuple[int, int]]:
    """(line, column) of every NAME token `name`, 0-based: Python's own tokenizer as the oracle."""
    return [(t.start[0] - 1, t.start[1]) for t in tokenize.generate_tokens(io.StringIO(text).readline)
            if t.type == tokenize.NAME and t.string == name]


def _annotating_client() -> types.ClientCapabilities:
    """A client that shows confirmable edit groups (as VS Code does)."""
    caps = _capabilities()
    caps.workspace.workspace_edit = types.WorkspaceEditClientCapabilities(
        document_changes=True,
        change_annotation_support=types.ChangeAnnotationsSupportOptions(groups_on_label=True))
    return caps


async def _rename(session, uri: str, line: int, column: int, new_name: str) -> types.WorkspaceEdit:
    return await session.client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=column),
        new_name=new_name))


def _ledger_rows(server_env, session_id: str):
    with SqliteLedger(Path(server_env["LSP_ROUTER_DATA_DIR"]) / "ledger.sqlite3") as ledger:
        return ledger.rows(session=session_id)


async def test_a_local_in_argparse_is_renamed_exactly_without_a_model(start_server, loopback, server_env):
    session = await start_server(capabilities=_annotating_client())
    text = ARGPARSE.read_text()
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if l.strip() == "inserts = {}")
    expected = _names(text, "inserts")
    # every `inserts` of the file is this one local (of _get_actions_usage_parts), and no
    # comment or string mentions it: nothing for updateMentions (on by default) to ask about
    assert len(expected) == 20 and all(line <= l < line + 120 for l, _ in expected)
    uri = session.open(ARGPARSE)

    edit = await _rename(session, uri, line, lines[line].index("inserts"), "insertions")

    assert edit.document_changes is None
    edits = edit.changes[uri]
    assert sorted((e.range.start.line, e.range.start.character) for e in edits) == expected
    for e in edits:
        assert lines[e.range.start.line][e.range.start.character:e.range.end.character] == "inserts"
        assert e.new_text == "insertions"
    assert loopback.requests == []

    spend = await session.wait_spend(1)
    last = spend["last"]
    assert (last["task"], last["tier"], last["costUsd"], last["cached"]) == ("rename", "static", 0.0, False)
    assert last["savedUsd"] > 0  # what the frontier model would have been paid for picking them
    assert last["reason"].startswith("static: rename of a local, 20 occurrences")
    assert spend["session"]["byTier"] == {"static": {"costUsd": 0.0, "requests": 1}}
    assert spend["session"]["costUsd"] == 0.0 and spend["session"]["savedUsd"] == last["savedUsd"]
    (row,) = _ledger_rows(server_env, spend["session"]["id"])
    assert (row.task, row.tier, row.cost_usd, row.cache_hit) == ("rename", "static", Decimal(0), False)
    assert row.saved_usd > 0 and row.input_tokens == row.output_tokens == 0


async def test_a_parameter_in_textwrap_with_update_mentions_off_makes_no_call(start_server, loopback):
    session = await start_server(settings_for(loopback, rename={"updateMentions": False}),
                                 capabilities=_annotating_client())
    text = TEXTWRAP.read_text()
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if l.startswith("def indent("))
    uri = session.open(TEXTWRAP)

    edit = await _rename(session, uri, line, lines[line].index("predicate"), "keep")

    edits = edit.changes[uri]
    assert sorted((e.range.start.line, e.range.start.character) for e in edits) == _names(text, "predicate")
    assert len(edits) == 4 and edit.change_annotations is None
    assert loopback.requests == []  # the docstring mentions `predicate`, but updateMentions is off
    spend = await session.wait_spend(1)
    assert spend["last"]["tier"] == "static" and spend["last"]["costUsd"] == 0.0


async def test_update_mentions_adds_a_group_of_edits_to_confirm(start_server, loopback):
    session = await start_server(capabilities=_annotating_client())
    text = TEXTWRAP.read_text()
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if l.startswith("def indent("))
    uri = session.open(TEXTWRAP)
    # the docstring's three `predicate`: the model picks the first and the last
    loopback.reply('{"mentions": [0, 2]}')

    edit = await _rename(session, uri, line, lines[line].index("predicate"), "keep")

    (call,) = loopback.requests
    assert call.model == "gpt-5.4-mini" and "comments and strings" in call.prompt_text
    (change,) = edit.document_changes
    assert change.text_document.uri == uri
    plain = [e for e in change.edits if not isinstance(e, types.AnnotatedTextEdit)]
    annotated = [e for e in change.edits if isinstance(e, types.AnnotatedTextEdit)]
    assert sorted((e.range.start.line, e.range.start.character) for e in plain) == _names(text, "predicate")
    words = [(n, m.start()) for n in range(line, line + 20) for m in re.finditer(r"\bpredicate\b", lines[n])]
    in_docstring = [w for w in words if w not in _names(text, "predicate")]
    assert len(in_docstring) == 3
    assert [(e.range.start.line, e.range.start.character) for e in annotated] == [in_docstring[0], in_docstring[2]]
    for e in annotated:
        assert e.annotation_id == "lspRouter.mentions" and e.new_text == "keep"
        assert lines[e.range.start.line][e.range.start.character:e.range.end.character] == "predicate"
    note = edit.change_annotations["lspRouter.mentions"]
    assert note.needs_confirmation is True and note.label == "Update mentions in comments and strings"
    spend = await session.wait_spend(2)
    assert set(spend["session"]["byTier"]) == {"static", "mini"}
    assert spend["session"]["byTier"]["static"] == {"costUsd": 0.0, "requests": 1}


async def test_a_mentions_answer_that_is_not_a_mention_is_dropped(start_server, loopback):
    session = await start_server(capabilities=_annotating_client())
    text = TEXTWRAP.read_text()
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if l.startswith("def indent("))
    uri = session.open(TEXTWRAP)
    loopback.reply('{"mentions": [7]}')  # no such place

    edit = await _rename(session, uri, line, lines[line].index("predicate"), "keep")

    assert len(loopback.requests) == 1
    assert edit.document_changes is None and len(edit.changes[uri]) == 4  # the identifiers stand


async def test_an_attribute_rename_still_asks_the_model(start_server, loopback):
    from lsp_router.routing.checks import rename_occurrences
    from lsp_router.tasks import rename
    from lsp_router.tasks.common import DocView

    session = await start_server(settings_for(loopback, rename={"updateMentions": False}))
    text = TEXTWRAP.read_text()
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if "self.break_on_hyphens = break_on_hyphens" in l)
    column = lines[line].index("break_on_hyphens")
    view = DocView("file:///textwrap.py", text, "python", 1)
    places = rename.candidates(view, "break_on_hyphens", line, column)
    wanted = rename_occurrences(text, "break_on_hyphens", (line, column), "python")
    loopback.reply(json.dumps({"occurrences": [places.index(p) for p in wanted]}))
    uri = session.open(TEXTWRAP)

    edit = await _rename(session, uri, line, column, "hyphen_breaks")

    assert len(loopback.requests) == 1
    assert sorted((e.range.start.line, e.range.start.character) for e in edit.changes[uri]) == \
        [(sl, sc) for sl, sc, _, _ in wanted]
    spend = await session.wait_spend(1)
    assert spend["last"]["tier"] in ("mini", "frontier") and spend["last"]["costUsd"] > 0
    assert "static" not in spend["session"]["byTier"]


async def test_typed_ahead_ghost_text_is_static(start_server, loopback):
    session = await start_server()
    text = TEXTWRAP.read_text()
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if "self.width = width" in l)
    body = "\n".join(lines[:line] + ["        self.width = "] + lines[line + 1:]) + "\n"
    uri = session.open(TEXTWRAP, text=body)
    loopback.reply("width")

    first = await session.inline(uri, line, len("        self.width = "))
    assert [i.insert_text for i in first.items] == ["width"]
    await session.wait_spend(1)
    typed = "\n".join(lines[:line] + ["        self.width = wi"] + lines[line + 1:]) + "\n"
    session.change(uri, typed)
    second = await session.inline(uri, line, len("        self.width = wi"))

    assert [i.insert_text for i in second.items] == ["dth"]
    assert len(loopback.requests) == 1  # the rest came from memory
    spend = await session.wait_spend(2)
    last = spend["last"]
    assert (last["task"], last["tier"], last["costUsd"], last["savedUsd"]) == ("autocomplete", "static", 0.0, 0.0)
    assert spend["session"]["byTier"]["static"] == {"costUsd": 0.0, "requests": 1}
    assert spend["session"]["byTier"]["mini"]["requests"] == 1


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """The file after `edits` (one line each, as renames are), applied from the end."""
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        row = lines[e.range.start.line]
        lines[e.range.start.line] = row[:e.range.start.character] + e.new_text + row[e.range.end.character:]
    return "\n".join(lines)


async def test_a_parameter_is_renamed_at_the_keyword_arguments_of_its_calls(start_server, loopback):
    """compileall's `_walk_dir(dir, maxlevels, quiet=0)` is called as `_walk_dir(..., quiet=quiet, ...)`:
    renaming the parameter renames that keyword (the call would fail otherwise), but not the
    argument's value (compile_dir's own `quiet`), nor the `quiet=` of other functions' calls."""
    source = stdlib_file("compileall.py")
    text = source.read_text()
    lines = text.split("\n")
    row = next(i for i, l in enumerate(lines) if l.startswith("def _walk_dir("))
    session = await start_server()
    uri = session.open(source)

    edit = await _rename(session, uri, row, lines[row].index("quiet"), "verbosity")

    after = _apply(text, edit.changes[uri])
    assert "def _walk_dir(dir, maxlevels, verbosity=0):" in after
    assert "_walk_dir(dir, verbosity=quiet, maxlevels=maxlevels)" in after  # the keyword, not the value
    assert "verbosity=verbosity)" in after  # its recursive call: keyword and value are both the parameter
    assert "rx=rx, quiet=quiet," in after  # compile_file's keyword, in compile_dir
    assert "if not compile_file(file, ddir, force, rx, quiet," in after
    compile(after, "compileall.py", "exec")
    assert loopback.requests == []  # still the scope analysis alone
    assert (await session.wait_spend(1))["last"]["tier"] == "static"


async def test_a_shorthand_property_keeps_its_key_when_the_local_is_renamed(start_server, loopback):
    """In the extension's own spendHtml.ts, chartGeometry's `width` parameter is returned as
    `{ width, height, ... }`: renamed, that must read `{ width: chartWidth, ... }` or the object
    loses its `width` key."""
    source = Path(__file__).resolve().parents[1] / "vscode-client" / "src" / "spendHtml.ts"
    text = source.read_text()
    lines = text.split("\n")
    row = next(i for i, l in enumerate(lines) if l.startswith("export function chartGeometry("))
    session = await start_server()
    uri = session.open(source, "typescript")

    edit = await _rename(session, uri, row, lines[row].index("width"), "chartWidth")

    edits = edit.changes[uri]
    after = _apply(text, edits)
    assert "return { width: chartWidth, height, actual:" in after
    assert "const plotW = chartWidth - pad.left - pad.right;" in after
    assert "width = 560" not in after and "chartWidth = 560" in after
    assert sum(e.new_text == "width: chartWidth" for e in edits) == 1
    assert loopback.requests == []
