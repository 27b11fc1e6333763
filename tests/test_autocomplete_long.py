"""Long ghost text (issue 15 §4): what is kept of an answer over 12 lines
(`autocomplete.kept_lines`), by the server and by replay alike, and the check passes it.

Real code as material: this repository's VS Code client, zod's locales (MIT), commander's
lib/command.js (vendored in tests/data/routing_src/), the standard library."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsp_router.replay.synth import Lines, _ghost_end
from lsp_router.routing.checks import check_completion
from lsp_router.tasks.autocomplete import MAX_LINES, REACH_LINES, kept_lines, whole_statements
from tests.conftest import stdlib_file

SRC = Path(__file__).resolve().parent / "data" / "routing_src"

# vscode-client/src/extension.ts (this repository): the middleware's arrow function.
EXTENSION_TS = """\
export class Router {
  private startClient(resolved: Resolved): void {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: this.output,
      initializationOptions: () => this.currentSettings,
      middleware: {
        provideInlineCompletionItems: async (document, position, context, token, next) => {
          const result = await next(document, position, context, token);
          const items = Array.isArray(result) ? result : (result?.items ?? []);
          const ours = items.find((item) => answerIdOf(item.command));
          const id = answerIdOf(ours?.command);
          const shown =
            ours && id
              ? {
                  id,
                  uri: document.uri.toString(),
                  offset: document.offsetAt(position),
                  insertText: typeof ours.insertText === 'string' ? ours.insertText : ours.insertText.value,
                }
              : undefined;
          const cursor = document.offsetAt(position);
          this.outcomes.replace(document.uri.toString(), shown, (offset) =>
            offset <= cursor ? document.getText().slice(offset, cursor) : '',
          );
          return result;
        },
        executeCommand: async (command, args, next) => {
          if (command === COMPLETION_ACCEPTED) {
            const id = answerIdOf({ command, arguments: args });
            if (id) this.outcomes.markAccepted(id);
          }
          return next(command, args);
        },
      },
    };
    this.client = new LanguageClient('lspRouter', 'LSP Router', serverOptions, clientOptions);
  }
}
"""

# zod 4.1.12 src/v4/locales/uk.ts (MIT): an arrow function whose body is one long `switch`.
ZOD_UK = """\
const error: () => errors.$ZodErrorMap = () => {
  return (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return `Неправильні вхідні дані: очікується ${issue.expected}, отримано ${parsedType(issue.input)}`;
      // return `Неправильні вхідні дані: очікується ${issue.expected}, отримано ${util.getParsedType(issue.input)}`;
      case "invalid_value":
        if (issue.values.length === 1)
          return `Неправильні вхідні дані: очікується ${util.stringifyPrimitive(issue.values[0])}`;
        return `Неправильна опція: очікується одне з ${util.joinValues(issue.values, "|")}`;
      case "too_big": {
        const adj = issue.inclusive ? "<=" : "<";
        const sizing = getSizing(issue.origin);
        if (sizing)
          return `Занадто велике: очікується, що ${issue.origin ?? "значення"} ${sizing.verb} ${adj}${issue.maximum.toString()} ${sizing.unit ?? "елементів"}`;
        return `Занадто велике: очікується, що ${issue.origin ?? "значення"} буде ${adj}${issue.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue.inclusive ? ">=" : ">";
        const sizing = getSizing(issue.origin);
        if (sizing) {
          return `Занадто мале: очікується, що ${issue.origin} ${sizing.verb} ${adj}${issue.minimum.toString()} ${sizing.unit}`;
        }
        return `Занадто мале: очікується, що ${issue.origin} буде ${adj}${issue.minimum.toString()}`;
      }
      default:
        return `Неправильні вхідні дані`;
    }
  };
};
"""

# zod 4.1.12 src/v4/locales/lt.ts (MIT): entries of a long object literal.
ZOD_LT = """\
  const Sizable: Record<string, SizingInfo> = {
    set: {
      unit: {
        one: "elementą",
        few: "elementus",
        many: "elementų",
      },
      verb: {
        smaller: {
          inclusive: "turi turėti ne daugiau kaip",
          notInclusive: "turi turėti mažiau kaip",
        },
        bigger: {
          inclusive: "turi turėti ne mažiau kaip",
          notInclusive: "turi turėti daugiau kaip",
        },
      },
    },
  };
"""


def _body_at(text: str, header: str) -> tuple[str, int, int, str]:
    """(document without the body, cursor line, column, the body as answered from the cursor)
    for the block whose header line is `header`."""
    lines = text.split("\n")
    row = lines.index(header) + 1
    margin = len(header) - len(header.lstrip())
    end = row
    while end + 1 < len(lines) and (not lines[end + 1].strip() or len(lines[end + 1]) - len(lines[end + 1].lstrip()) > margin):
        end += 1
    column = len(lines[row]) - len(lines[row].lstrip())
    body = "\n".join(lines[row:end + 1])[column:]
    document = "\n".join(lines[:row] + [lines[row][:column]] + lines[end + 1:])
    return document, row, column, body


async def test_a_long_arrow_function_body_is_shown_up_to_its_last_whole_statement(start_server, loopback):
    """The model answers the middleware's whole body (18 lines). Cut at 12, `ours && id ? {...}`
    lost its `: undefined` and the check rejected the server's own cut (escalated, then the
    frontier's answer cut the same way): the 4 whole statements above it are shown."""
    session = await start_server()
    header = "        provideInlineCompletionItems: async (document, position, context, token, next) => {"
    document, line, column, body = _body_at(EXTENSION_TS, header)
    assert body.count("\n") + 1 > MAX_LINES
    uri = session.open(SRC / "extension.ts", language_id="typescript", text=document)
    loopback.reply(body)

    result = await session.inline(uri, line, column)

    shown = "\n".join(body.split("\n")[:4])
    assert shown.endswith("const id = answerIdOf(ours?.command);")
    assert [item.insert_text for item in result.items] == [shown]
    assert len(loopback.requests) == 1  # mini's answer shown, not escalated


def test_a_line_that_the_next_one_continues_ends_no_statement():
    lines = EXTENSION_TS.split("\n")
    start = lines.index("          const result = await next(document, position, context, token);")
    answer = lines[start:start + 14]
    assert answer[5].strip() == "ours && id" and answer[6].strip() == "? {"
    assert kept_lines(answer, hash_comments=False) == (4, "")


def test_a_statement_longer_than_the_reach_is_shown_closed_after_its_last_whole_inner_one():
    """A `switch` longer than REACH_LINES: nothing is whole at its own level, so the first
    lines, up to the last whole statement inside it, are shown, and the switch closed."""
    document, line, column, body = _body_at(ZOD_UK, "  return (issue) => {")
    lines = body.split("\n")
    longer = lines[:-1] + lines[2:11] * 3 + lines[-1:]  # the switch past REACH_LINES
    assert len(longer) > REACH_LINES

    shown = whole_statements("\n".join(longer), hash_comments=False, indent=" " * column)

    # `if (sizing)` (row 11) opens a statement: the `case` block and the switch are closed after row 10
    assert shown == "\n".join(lines[:11]) + "\n      }\n    }"
    assert check_completion(document, line, column, shown, "typescript").ok
    assert not check_completion(document, line, column, "\n".join(lines[:12]), "typescript").ok


def test_entries_of_a_long_literal_are_shown_up_to_the_last_whole_one():
    document, line, column, body = _body_at(ZOD_LT, "    set: {")
    lines = body.split("\n")
    longer = lines + lines[:5] * 3  # more entries than ghost text shows
    shown = whole_statements("\n".join(longer), hash_comments=False, indent=" " * column)

    assert shown == "\n".join(lines[:5]) and shown.endswith("},")
    assert check_completion(document, line, column, shown, "typescript").ok


# zod 4.1.12 src/v4/classic/tests/string.test.ts (MIT)
ZOD_EMAILS = """\
test("email validations", () => {
  const validEmails = [
    `email@domain.com`,
    `firstname.lastname@domain.com`,
    `email@subdomain.domain.com`,
    `firstname+lastname@domain.com`,
    `1234567890@domain.com`,
    `email@domain-one.com`,
    `_______@domain.com`,
    `email@domain.name`,
    `email@domain.co.jp`,
    `firstname-lastname@domain.com`,
    `very.common@example.com`,
    `disposable.style.email.with+symbol@example.com`,
    `other.email-with-hyphen@example.com`,
    `fully-qualified-domain@example.com`,
  ];
  for (const email of validEmails) {
    expect(z.string().email().safeParse(email).success).toBe(true);
  }
});
"""


def test_a_long_list_cut_by_the_output_limit_is_shown_closed_after_its_last_whole_entry():
    document, line, column, body = _body_at(ZOD_EMAILS, 'test("email validations", () => {')
    cut = body[: body.index("`fully-qualified")  + 5]  # the output limit stops the answer mid-entry
    lines = cut.split("\n")

    shown = whole_statements(cut, cut=True, hash_comments=False, indent=" " * column)

    assert shown == "\n".join(lines[:MAX_LINES]) + "\n  ]"
    assert check_completion(document, line, column, shown, "typescript").ok
    assert not check_completion(document, line, column, "\n".join(lines[:MAX_LINES]), "typescript").ok


def _block_bodies(text: str, hash_comments: bool):
    """(row, last row) of every block body over MAX_LINES lines (after a `{` or `:` line)."""
    lines = Lines(text)
    for row in range(1, len(lines)):
        above = lines.row(row - 1).rstrip()
        if not above.endswith(("{", ":")) or not lines.row(row).strip():
            continue
        margin = len(above) - len(above.lstrip())
        if len(lines.row(row)) - len(lines.row(row).lstrip()) <= margin:
            continue
        end = row
        while end + 1 < len(lines) and (not lines.row(end + 1).strip()
                                        or len(lines.row(end + 1)) - len(lines.row(end + 1).lstrip()) > margin):
            end += 1
        while not lines.row(end).strip():
            end -= 1
        if end - row + 1 > MAX_LINES:
            yield lines, row, end


@pytest.mark.parametrize("path, hash_comments", [
    (SRC / "commander_command.js", False),
    (SRC / "semver_range.js", False),
    (stdlib_file("difflib.py"), True),
    (stdlib_file("argparse.py"), True),
])
def test_replay_cuts_a_block_body_as_the_server_trims_the_same_answer(path, hash_comments):
    """Every block body over 12 lines: the ghost text replay makes of it is what the server
    shows when a model answers that body (one rule: `kept_lines`)."""
    text = path.read_text(encoding="utf-8")
    compared = 0
    for lines, row, end in _block_bodies(text, hash_comments):
        first = lines.row(row)
        column = len(first) - len(first.lstrip())
        answer = "\n".join(lines.row(r) for r in range(row, end + 1))[column:]
        last, closing = _ghost_end(lines, row, end, hash_comments)
        replayed = "\n".join(lines.row(r) for r in range(row, last + 1))[column:].rstrip()
        if closing:
            replayed += "\n" + closing
        assert replayed == whole_statements(answer, hash_comments=hash_comments, indent=first[:column]), (path.name, row)
        compared += 1
    assert compared >= 10


# zod 4.1.12 src/v4/classic/tests/refine.test.ts (MIT): an inline snapshot's lines.
ZOD_SNAPSHOT = """\
      {
        "origin": "string",
        "code": "too_small",
        "minimum": 8,
        "inclusive": true,
        "path": [
          "password"
        ],
        "message": "Too small: expected string to have >=8 characters"
      },"""


def test_with_nothing_whole_replay_keeps_what_the_server_keeps():
    """A body whose first statement (an inline snapshot) runs past REACH_LINES inside a
    template string: the server shows MAX_LINES lines as they come, and replay used to keep
    REACH_LINES."""
    text = ("test(\"when\", () => {\n  expect(schema.safeParse(undefined)).toMatchInlineSnapshot(`\n    [\n"
            + "\n".join([ZOD_SNAPSHOT] * 5) + "\n    ]\n  `);\n});\n")
    lines = Lines(text)
    end = len(lines) - 2
    assert end - 1 > REACH_LINES
    assert _ghost_end(lines, 1, end, False) == (MAX_LINES, "")
    assert kept_lines([lines.row(r) for r in range(1, end + 1)], hash_comments=False).lines == MAX_LINES
