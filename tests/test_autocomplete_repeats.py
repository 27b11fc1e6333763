"""The line above written again (issue 15 §4): a real repeat is shown, a model's echo of a line
nobody writes twice is rejected (`checks._never_twice`).

Real code as material: the standard library (inspect.py pops its stack twice, optparse.py
dedents twice) and zod's tests (MIT), which check a regex's lastIndex five times."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsp_router.routing.checks import check_completion
from tests.conftest import stdlib_file

# zod 4.1.12 src/v4/classic/tests/string.test.ts (MIT)
ZOD_STRING_TEST = """\
import { expect, test } from "vitest";
import * as z from "zod/v4";

test("regex lastIndex reset", () => {
  const schema = z.string().regex(/^\\d+$/g);
  expect(schema.safeParse("123").success).toEqual(true);
  expect(schema.safeParse("123").success).toEqual(true);
  expect(schema.safeParse("123").success).toEqual(true);
  expect(schema.safeParse("123").success).toEqual(true);
  expect(schema.safeParse("123").success).toEqual(true);
});
"""


def _second_of(text: str, line_text: str, nth: int = 2) -> tuple[str, int, int]:
    """(document, line, column): the `nth` of the same consecutive lines `line_text` left blank
    (its indentation kept), where the cursor is."""
    lines = text.split("\n")
    first = lines.index(line_text)
    row = first + nth - 1
    assert lines[row] == line_text
    margin = line_text[: len(line_text) - len(line_text.lstrip())]
    return "\n".join(lines[:row] + [margin] + lines[row + 1:]), row, len(margin)


async def test_a_call_written_twice_is_shown(start_server, loopback):
    """inspect.py's `_ClassFinder` pops the two names it pushed: the second `self.stack.pop()`."""
    session = await start_server()
    path = stdlib_file("inspect.py")
    document, line, column = _second_of(path.read_text(encoding="utf-8"), "        self.stack.pop()")
    uri = session.open(path, text=document)
    loopback.reply("self.stack.pop()")

    result = await session.inline(uri, line, column)

    assert [item.insert_text for item in result.items] == ["self.stack.pop()"]
    assert len(loopback.requests) == 1  # mini's answer shown, not escalated


async def test_an_echo_of_a_return_is_rejected(start_server, loopback):
    """The line above again where nothing follows it: a `return` twice is unreachable, the
    model echoed it; the frontier's answer is shown instead."""
    session = await start_server()
    path = stdlib_file("textwrap.py")
    lines = path.read_text(encoding="utf-8").split("\n")
    row = lines.index("        return chunks") + 1
    document = "\n".join(lines[:row] + ["        "] + lines[row:])
    uri = session.open(path, text=document)
    loopback.reply("return chunks", times=1)
    loopback.reply("")

    result = await session.inline(uri, row, 8)

    assert [item.insert_text for item in result.items] == []
    assert len(loopback.requests) == 2  # escalated


@pytest.mark.parametrize("nth", [2, 3, 5])
def test_a_test_that_checks_the_same_thing_again_is_no_echo(nth):
    """The second, a middle (same line above and below) and the last of zod's five checks."""
    line_text = '  expect(schema.safeParse("123").success).toEqual(true);'
    document, line, column = _second_of(ZOD_STRING_TEST, line_text, nth)
    assert check_completion(document, line, column, line_text.strip(), "typescript").ok
    assert not check_completion(document, line, column, line_text.strip() + ")", "typescript").ok


def test_a_method_called_twice_in_the_standard_library():
    path = stdlib_file("optparse.py")
    document, line, column = _second_of(path.read_text(encoding="utf-8"), "        self.dedent()")
    assert check_completion(document, line, column, "self.dedent()", "python").ok


@pytest.mark.parametrize("above, language", [
    ("import re", "python"),
    ("from typing import Any", "python"),
    ("def wrap(text, width=70, **kwargs):", "python"),
    ("return chunks", "python"),
    ("raise ValueError(\"invalid width %r (must be > 0)\" % self.width)", "python"),
    ("chunks = []", "python"),
    ("const schema = z.string().regex(/^\\d+$/g);", "typescript"),
    ('import * as z from "zod/v4";', "typescript"),
    ('test("regex lastIndex reset", () => {', "typescript"),
    ("throw new Error(`Unexpected value for position to addHelpText.`);", "javascript"),
])
def test_an_echo_of_a_line_nobody_writes_twice_is_rejected(above, language):
    document = f"{above}\n\n"
    assert not check_completion(document, 1, 0, above, language).ok


@pytest.mark.parametrize("above", ["count = count + 1", "self._c = np.moveaxis(self._c, 1, 0)", "total += 1"])
def test_an_assignment_that_reads_its_target_may_be_written_twice(above):
    document = f"{above}\n\n"
    assert check_completion(document, 1, 0, above, "python").ok
