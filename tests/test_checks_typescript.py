"""The ghost-text check on correct JavaScript and TypeScript completions it used to reject
(issue 15 §4), from the public histories scripts/bench_checks.py replays: commander's
lib/command.js (vendored, tests/data/routing_src/) and typings, zod's sources (MIT).

Each correct completion passes; the same place with a broken one still fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsp_router.routing.checks import check_completion

COMMAND_JS = (Path(__file__).resolve().parent / "data" / "routing_src" / "commander_command.js").read_text(encoding="utf-8")

COMMANDER_TYPINGS = (Path(__file__).resolve().parent / "data" / "routing_src" / "commander_index.d.ts").read_text(encoding="utf-8")

# zod 4.1.12 src/v4/core/api.ts (MIT): type arguments closed at column 0.
ZOD_API = """\
export type $ZodCheckIncludesParams = CheckParams<checks.$ZodCheckIncludes, "includes" | "format" | "when" | "pattern">;
export function _includes(includes: string, params?: string | $ZodCheckIncludesParams): checks.$ZodCheckIncludes {
  return new checks.$ZodCheckIncludes({
    check: "string_format",
    format: "includes",
    ...util.normalizeParams(params),
    includes,
  });
}
export type $ZodCheckStartsWithParams = CheckParams<
  checks.$ZodCheckStartsWith,
  "prefix" | "format" | "when" | "pattern"
>;
export function _startsWith(prefix: string, params?: string | $ZodCheckStartsWithParams): checks.$ZodCheckStartsWith {
  return new checks.$ZodCheckStartsWith({
    check: "string_format",
    format: "starts_with",
    ...util.normalizeParams(params),
    prefix,
  });
}
"""

# zod 4.1.12 src/v4/classic/schemas.ts (MIT): variance annotations (TypeScript 4.7).
ZOD_SCHEMAS = """\
import * as core from "../core/index.js";
import { util } from "../core/index.js";

export interface RefinementCtx<T = unknown> extends core.ParsePayload<T> {
  addIssue(arg: string | core.$ZodRawIssue | Partial<core.$ZodIssueCustom>): void;
}

export interface ZodType<
  out Output = unknown,
  out Input = unknown,
  out Internals extends core.$ZodTypeInternals<Output, Input> = core.$ZodTypeInternals<Output, Input>,
> extends core.$ZodType<Output, Input, Internals> {
  def: Internals["def"];
  type: Internals["def"]["type"];
}
"""


def _typed_at(text: str, needle: str, typed: str) -> tuple[str, int, int, str]:
    """(document, line, character, the rest) with the first line that is `needle` (or holds
    it) typed up to the end of `typed` and the rest of it taken out."""
    lines = text.split("\n")
    row = next((i for i, line in enumerate(lines) if line == needle),
               next(i for i, line in enumerate(lines) if needle in line))
    column = lines[row].index(typed) + len(typed)
    rest = lines[row][column:]
    lines[row] = lines[row][:column]
    return "\n".join(lines), row, column, rest


def test_a_template_literal_holding_a_nested_one_goes_on_past_its_line():
    """`${this._name && ` + a template + `}` ends the line inside the outer template; the
    next line, at column 0, is still its text (the check once cut the window there)."""
    document, line, column, rest = _typed_at(COMMAND_JS, "throw new Error(`Cannot add option", "throw")
    assert rest.startswith(" new Error(`") and rest.endswith("'${matchingFlag}'")

    assert check_completion(document, line, column, rest, "javascript").ok
    assert not check_completion(document, line, column, rest.replace("${option.flags}", "${option.flags"),
                                "javascript").ok


@pytest.mark.parametrize("header", [
    "_outputHelpIfRequested(args) {",
    "#outputHelpIfRequested(args) {",  # a private method
    "async _outputHelpIfRequested(args) {",
])
def test_a_method_header_far_down_a_long_class_parses_as_a_member(header):
    """The last method of commander's 2,600-line Command class: its header typed on the line
    the body follows, the class's own header too far up to be found."""
    lines = COMMAND_JS.split("\n")
    row = lines.index("  _outputHelpIfRequested(args) {")
    assert COMMAND_JS.index("class Command extends EventEmitter") < len("\n".join(lines[:row])) - 64_000
    document = "\n".join(lines[:row] + ["  "] + lines[row + 1:])

    assert check_completion(document, row, 2, header, "javascript").ok
    assert not check_completion(document, row, 2, header.replace("(args)", "(args))"), "javascript").ok


@pytest.mark.parametrize("language", ["typescript", "javascript"])
def test_a_method_header_among_a_class_s_members(language):
    """A member written where one was: the window starts at it, inside the class body."""
    lines = COMMAND_JS.split("\n")
    row = lines.index("  addHelpText(position, text) {")
    document = "\n".join(lines[:row] + ["  "] + lines[row + 1:])
    for header in ("addHelpText(position, text) {", "#addHelpText(position, text) {"):
        assert check_completion(document, row, 2, header, language).ok, header
    assert not check_completion(document, row, 2, "addHelpText(position, text)) {", language).ok


def test_a_parameter_of_a_signature_inside_a_declared_class():
    """`parseAsync(` opens the signature, the class's header is far above it."""
    document, line, column, rest = _typed_at(COMMANDER_TYPINGS, "    argv?: readonly string[],", "    ")
    assert rest == "argv?: readonly string[],"

    assert check_completion(document, line, column, rest, "typescript").ok
    assert not check_completion(document, line, column, "argv?: readonly string[]],", "typescript").ok


def test_the_line_closing_type_arguments_at_column_0():
    document, line, column, rest = _typed_at(ZOD_API, ">;", ">")
    assert rest == ";"

    assert check_completion(document, line, column, rest, "typescript").ok
    assert not check_completion(document, line, column, ");", "typescript").ok


def test_a_type_parameter_with_a_variance_annotation():
    """tree-sitter-typescript 0.23 does not know `out T`: the file's own parameters fail to
    parse too, and the completion is judged as if the annotations were not there."""
    document, line, column, rest = _typed_at(ZOD_SCHEMAS, "out Output = unknown,", "out")
    assert rest == " Output = unknown,"

    assert check_completion(document, line, column, rest, "typescript").ok
    assert not check_completion(document, line, column, " Output = unknown),", "typescript").ok


@pytest.mark.parametrize("header", [
    "async stopClient(): Promise<void> {",
    "async #stopClient(): Promise<void> {",  # `#name(...): T {`, a private method
    "private async stopClient(): Promise<void> {",
])
def test_a_typed_method_header_in_this_repository_s_vs_code_client(header):
    """vscode-client/src/extension.ts: `stopClient`'s header typed back where it was."""
    path = Path(__file__).resolve().parents[1] / "vscode-client" / "src" / "extension.ts"
    lines = path.read_text(encoding="utf-8").split("\n")
    row = lines.index("  async stopClient(): Promise<void> {")
    document = "\n".join(lines[:row] + ["  "] + lines[row + 1:])

    assert check_completion(document, row, 2, header, "typescript").ok
    assert not check_completion(document, row, 2, header.replace("()", "())"), "typescript").ok
