"""Cheap answer checks on real code: stdlib files (read at test time) and vendored JavaScript."""

from __future__ import annotations

import re
import sysconfig
from pathlib import Path

import pytest

from lsp_router.routing import parsing
from lsp_router.routing.checks import (
    CheckResult,
    check_completion,
    check_explain,
    check_refactor,
    check_rename,
    rename_occurrences,
)

STDLIB = Path(sysconfig.get_paths()["stdlib"])
SRC = Path(__file__).resolve().parent / "data" / "routing_src"


def stdlib(rel: str) -> str:
    return (STDLIB / rel).read_text(encoding="utf-8")


def src(name: str) -> str:
    return (SRC / name).read_text(encoding="utf-8")


def pos_of(text: str, needle: str, at: int = 0, nth: int = 0) -> tuple[int, int]:
    off = -1
    for _ in range(nth + 1):
        off = text.index(needle, off + 1)
    off += at
    return text.count("\n", 0, off), off - (text.rfind("\n", 0, off) + 1)


def span_of_definition(text: str, header: str, language: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """(start, end) of the definition whose header line contains `header` (whole lines)."""
    line, _ = pos_of(text, header)
    tree = parsing.parse(text, language)
    doc = parsing.doc_for(text)
    col = len(doc.lines[line]) - len(doc.lines[line].lstrip())
    b = doc.byte(line, col)
    node = tree.root_node.descendant_for_byte_range(b, b)
    best = None
    while node is not None and node.parent is not None and node.start_byte == b:
        best = node
        node = node.parent
    return (line, 0), doc.pos_of_point(best.end_point)


def replace_range(text: str, start, end, new: str) -> str:
    doc = parsing.doc_for(text)
    return text[: doc.offset(*start)] + new + text[doc.offset(*end):]


def failed(result: CheckResult, *words: str) -> bool:
    assert isinstance(result, CheckResult)
    assert not result.ok, result
    for w in words:
        assert w in result.reason, result.reason
    assert len(result.reason) < 120
    return True


# --------------------------------------------------------------------------
# check_completion
# --------------------------------------------------------------------------

DECODER = "json/decoder.py"


def _typing_at(text: str, needle: str, at: int, keep: str = "") -> tuple[str, int, int]:
    """The document as the user types `needle[:at]` (rest of the line replaced by `keep`)."""
    line, col = pos_of(text, needle, at)
    doc = parsing.doc_for(text)
    a = doc.offset(line, col)
    eol = text.find("\n", a)
    return text[:a] + keep + text[eol:], line, col


def test_completion_good_mid_line():
    text, line, col = _typing_at(stdlib(DECODER), "end = _w(s, end).end()", 9, keep=")")
    assert check_completion(text, line, col, "s, end", "python").ok


def test_completion_empty():
    text, line, col = _typing_at(stdlib(DECODER), "end = _w(s, end).end()", 9, keep=")")
    assert failed(check_completion(text, line, col, "", "python"), "empty")
    assert failed(check_completion(text, line, col, "  \n ", "python"), "empty")


def test_completion_repeating_the_text_after_the_cursor():
    text = stdlib(DECODER)
    line, col = pos_of(text, 'raise JSONDecodeError("Extra data", s, end)', 6)
    assert failed(check_completion(text, line, col, 'JSONDecodeError("Extra data", s, end)', "python"),
                  "repeats the text after the cursor")
    # whitespace differences do not hide a repeat
    assert failed(check_completion(text, line, col, 'JSONDecodeError("Extra data",  s, end)', "python"), "repeats")
    text2, line2, col2 = _typing_at(text, "end = _w(s, end).end()", 9, keep=")")
    assert failed(check_completion(text2, line2, col2, ")", "python"), "repeats")


def test_completion_repeating_the_line_above():
    text = stdlib(DECODER)
    line, _ = pos_of(text, "    chunks = []")
    doc = parsing.doc_for(text)
    a = doc.offset(line + 1, 0)
    text = text[:a] + "    \n" + text[a:]
    assert failed(check_completion(text, line + 1, 4, "chunks = []", "python"), "line above")
    assert check_completion(text, line + 1, 4, "_extend = chunks.extend", "python").ok


def test_completion_adding_a_syntax_error():
    text, line, col = _typing_at(stdlib(DECODER), "end = _w(s, end).end()", 9, keep=")")
    assert failed(check_completion(text, line, col, "s, end))", "python"), "syntax error")
    assert failed(check_completion(text, line, col, "s, end]:", "python"), "syntax error")


def test_completion_of_an_empty_body():
    text = stdlib(DECODER)
    start, end = span_of_definition(text, "def _decode_uXXXX(", "python")
    header = "def _decode_uXXXX(s, pos):\n    "
    doc_text = replace_range(text, start, end, header)
    line, col = start[0] + 1, 4
    body = ("esc = s[pos + 1:pos + 5]\n"
            "    if len(esc) == 4 and esc[1] not in 'xX':\n"
            "        try:\n"
            "            return int(esc, 16)\n"
            "        except ValueError:\n"
            "            pass\n"
            "    msg = \"Invalid \\\\uXXXX escape\"\n"
            "    raise JSONDecodeError(msg, s, pos)")
    assert check_completion(doc_text, line, col, body, "python").ok
    bad = body.replace("        try:\n", "        try\n")
    assert failed(check_completion(doc_text, line, col, bad, "python"), "syntax error")
    unindented = body.replace("            return int(esc, 16)", "        return int(esc, 16)")
    assert failed(check_completion(doc_text, line, col, unindented, "python"), "block opened on line", "not indented")
    # tree-sitter takes a header followed by a line no deeper without an error; Python does not
    flat = body.replace("            pass\n", "        pass\n")
    assert failed(check_completion(doc_text, line, col, flat, "python"), "not indented")
    # a header over several lines: its body is deeper than its first line, not its last
    wrapped = body.replace("if len(esc) == 4 and esc[1] not in 'xX':",
                           "if (len(esc) == 4 and\n                esc[1] not in 'xX'):")
    assert check_completion(doc_text, line, col, wrapped, "python").ok


def test_completion_javascript():
    text, line, col = _typing_at(
        src("semver_range.js"),
        "const comparators = rangeList.map(comp => new Comparator(comp, this.options))", 57, keep="))")
    assert check_completion(text, line, col, "comp, this.options", "javascript").ok
    assert failed(check_completion(text, line, col, "comp, this.options))", "javascript"), "syntax error")
    assert failed(check_completion(text, line, col, "))", "javascript"), "repeats")


def test_a_closer_above_the_same_closer_one_level_out_is_not_a_repeat():
    """jsonparse's `} else {` ... `    }` above `  }`: typing the inner `}` at its own
    indentation is not repeating the outer one; the same text at the same indentation is."""
    text = src("jsonparse.js")
    lines = text.split("\n")
    row = next(i for i in range(len(lines) - 1) if lines[i] == "    }" and lines[i + 1] == "  }")
    typed = "\n".join(lines[:row] + ["    "] + lines[row + 1:])
    assert check_completion(typed, row, 4, "}", "javascript").ok
    lines[row + 1] = "    }"  # the next line at the cursor's indentation: a real repeat
    same = "\n".join(lines[:row] + ["    "] + lines[row + 1:])
    assert failed(check_completion(same, row, 4, "}", "javascript"), "repeats the next line")


def test_completion_unsupported_language():
    text = "fn main() {\n    let x = \n}\n"
    assert check_completion(text, 1, 12, "1;", "rust").ok
    assert check_completion(text, 1, 12, "1;;;(((", None).ok  # no grammar: no parse check
    assert failed(check_completion(text, 1, 12, "", "plaintext"), "empty")
    assert failed(check_completion("a = b + c\n", 0, 4, "b + c", None), "repeats")


# --------------------------------------------------------------------------
# rename_occurrences and check_rename
# --------------------------------------------------------------------------


def test_rename_occurrences_local_is_scoped_to_its_function():
    text = stdlib("colorsys.py")
    hls = rename_occurrences(text, "maxc", pos_of(text, "maxc = max(r, g, b)"), "python")
    hsv = rename_occurrences(text, "maxc", pos_of(text, "maxc = max(r, g, b)", nth=1), "python")
    assert len(hls) >= 5 and len(hsv) >= 5
    assert not set(hls) & set(hsv)
    start_hls, end_hls = span_of_definition(text, "def rgb_to_hls(", "python")
    start_hsv, end_hsv = span_of_definition(text, "def rgb_to_hsv(", "python")
    assert all(start_hls[0] <= r[0] <= end_hls[0] for r in hls)
    assert all(start_hsv[0] <= r[0] <= end_hsv[0] for r in hsv)
    lines = text.split("\n")
    assert all(lines[sl][sc:ec] == "maxc" for sl, sc, _el, ec in hls + hsv)
    # every whole-word occurrence in the file is in exactly one of the two
    assert len(hls) + len(hsv) == len(re.findall(r"\bmaxc\b", text))


def test_rename_occurrences_skip_strings_and_comments():
    text = stdlib("textwrap.py")
    occ = rename_occurrences(text, "margin", pos_of(text, "margin = None"), "python")
    start, end = span_of_definition(text, "def dedent(text):", "python")
    words = [m.start() for m in re.finditer(r"\bmargin\b", text)]
    doc = parsing.doc_for(text)
    in_dedent = [doc.pos_of_offset(o) for o in words if start[0] <= doc.pos_of_offset(o)[0] <= end[0]]
    string_hit = pos_of(text, 'margin = %r"')
    assert string_hit in in_dedent
    assert (string_hit[0], string_hit[1], string_hit[0], string_hit[1] + 6) not in occ
    assert len(occ) == len(in_dedent) - 1


def test_rename_occurrences_parameter_default_and_module_names():
    text = stdlib(DECODER)
    occ = rename_occurrences(text, "BACKSLASH", pos_of(text, "BACKSLASH = {"), "python")
    assert len(occ) == 2  # the definition and the default value `_b=BACKSLASH`
    assert rename_occurrences(text, "BACKSLASH", (0, 0), "python") == []


def test_rename_occurrences_attribute():
    text = stdlib("textwrap.py")
    occ = rename_occurrences(text, "width", pos_of(text, "self.width = width", 5), "python")
    lines = text.split("\n")
    assert occ and all(lines[sl][sc - 1] == "." for sl, sc, _el, _ec in occ)  # only `x.width`
    param = pos_of(text, "def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width)", 64)
    assert (param[0], param[1], param[0], param[1] + 5) not in occ


def test_rename_occurrences_javascript():
    text = src("semver_range.js")
    occ = rename_occurrences(text, "testComparator", pos_of(text, "let testComparator", 4), "javascript")
    assert len(occ) == 3
    text = src("jsonparse.js")
    n_write = rename_occurrences(text, "n", pos_of(text, "var n;", 4), "javascript")
    assert len(n_write) > 30
    start, end = span_of_definition(text, "proto.write = function (buffer) {", "javascript")
    assert all(start[0] <= r[0] <= end[0] for r in n_write)


def test_rename_occurrences_unsupported_language_is_a_word_scan():
    text = "let total = 1;\n// total here too\nlet totals = total + 1;\n"
    occ = rename_occurrences(text, "total", (0, 5), "rust")
    assert occ == [(0, 4, 0, 9), (1, 3, 1, 8), (2, 13, 2, 18)]


def test_check_rename_good():
    text = stdlib(DECODER)
    p = pos_of(text, "esc = s[pos + 1:pos + 5]")
    edits = rename_occurrences(text, "esc", p, "python")
    assert len(edits) == 4
    r = check_rename(text, "esc", "escape", edits, "python", p)
    assert r.ok, r


def test_check_rename_missing_and_extra_occurrences():
    text = stdlib(DECODER)
    p = pos_of(text, "esc = s[pos + 1:pos + 5]")
    edits = rename_occurrences(text, "esc", p, "python")
    assert failed(check_rename(text, "esc", "escape", edits[:-1], "python", p), "misses 1 occurrence")
    other = pos_of(text, "esc = s[end]")  # the same name in py_scanstring
    extra = edits + [(other[0], other[1], other[0], other[1] + 3)]
    assert failed(check_rename(text, "esc", "escape", extra, "python", p), "not an occurrence")


def test_check_rename_edit_not_on_the_old_name():
    text = stdlib(DECODER)
    p = pos_of(text, "esc = s[pos + 1:pos + 5]")
    edits = rename_occurrences(text, "esc", p, "python")
    shifted = [(sl, sc + 1, el, ec + 1) for sl, sc, el, ec in edits]
    assert failed(check_rename(text, "esc", "escape", shifted, "python", p), "does not cover 'esc'")


def test_check_rename_edit_inside_a_string():
    text = stdlib("textwrap.py")
    p = pos_of(text, "margin = None")
    edits = rename_occurrences(text, "margin", p, "python")
    s = pos_of(text, 'margin = %r"')
    assert failed(check_rename(text, "margin", "common", edits + [(s[0], s[1], s[0], s[1] + 6)], "python", p),
                  "not an occurrence")


def test_check_rename_bad_names_and_clashes():
    text = stdlib(DECODER)
    p = pos_of(text, "esc = s[pos + 1:pos + 5]")
    edits = rename_occurrences(text, "esc", p, "python")
    assert failed(check_rename(text, "esc", "1esc", edits, "python", p), "not a valid identifier")
    assert failed(check_rename(text, "esc", "class", edits, "python", p), "not a valid identifier")
    assert failed(check_rename(text, "esc", "esc", edits, "python", p), "same as the old name")
    assert failed(check_rename(text, "esc", "pos", edits, "python", p), "already used")
    assert failed(check_rename(text, "esc", "escape", [], "python", p), "changes nothing")


def test_check_rename_module_level_and_javascript():
    text = stdlib("shutil.py")
    p = pos_of(text, "def _fastcopy_sendfile(", 4)
    edits = rename_occurrences(text, "_fastcopy_sendfile", p, "python")
    assert len(edits) == 2
    assert check_rename(text, "_fastcopy_sendfile", "_copy_with_sendfile", edits, "python", p).ok
    assert failed(check_rename(text, "_fastcopy_sendfile", "copyfile", edits, "python", p), "module-level name")
    js = src("semver_range.js")
    p = pos_of(js, "let testComparator", 4)
    edits = rename_occurrences(js, "testComparator", p, "javascript")
    assert check_rename(js, "testComparator", "current", edits, "javascript", p).ok
    assert failed(check_rename(js, "testComparator", "current", edits[1:], "javascript", p), "misses")
    assert failed(check_rename(js, "testComparator", "const", edits, "javascript", p), "valid identifier")


def test_check_rename_unsupported_language():
    text = "let total = 1;\nlet totals = total + 1;\n"
    assert check_rename(text, "total", "sum", [(0, 4, 0, 9), (1, 13, 1, 18)], "rust", (0, 5)).ok
    # without scopes a subset is fine as long as the symbol itself is renamed
    assert check_rename(text, "total", "sum", [(0, 4, 0, 9)], "rust", (0, 5)).ok
    assert failed(check_rename(text, "total", "sum", [(1, 13, 1, 18)], "rust", (0, 5)), "does not include")
    assert failed(check_rename(text, "total", "sum", [(1, 4, 1, 9)], "rust", (0, 5)), "longer word")


# --------------------------------------------------------------------------
# check_refactor
# --------------------------------------------------------------------------

DECODE_U = '''def _decode_uXXXX(s, pos):
    """Return the code point of the \\\\uXXXX escape at s[pos]."""
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        try:
            return int(esc, 16)
        except ValueError:
            pass
    msg = "Invalid \\\\uXXXX escape"
    raise JSONDecodeError(msg, s, pos)
'''


def test_refactor_good():
    text = stdlib(DECODER)
    start, end = span_of_definition(text, "def _decode_uXXXX(", "python")
    r = check_refactor(text, start, end, DECODE_U.rstrip("\n"), "python")
    assert r.ok, r
    # renaming a local of a selected function is fine: nothing outside uses it
    assert check_refactor(text, start, end, DECODE_U.replace("esc", "digits").rstrip("\n"), "python").ok


def test_refactor_empty_or_unchanged():
    text = stdlib(DECODER)
    start, end = span_of_definition(text, "def _decode_uXXXX(", "python")
    assert failed(check_refactor(text, start, end, "  \n", "python"), "no code")
    doc = parsing.doc_for(text)
    same = text[doc.offset(*start):doc.offset(*end)]
    assert failed(check_refactor(text, start, end, same + "\n", "python"), "unchanged")


def test_refactor_that_does_not_parse():
    text = stdlib(DECODER)
    start, end = span_of_definition(text, "def _decode_uXXXX(", "python")
    broken = DECODE_U.replace("        try:\n", "        try\n").rstrip("\n")
    assert failed(check_refactor(text, start, end, broken, "python"), "does not parse")


def test_refactor_dropping_a_name_used_outside():
    text = stdlib(DECODER)
    start, end = span_of_definition(text, "def _decode_uXXXX(", "python")
    renamed = DECODE_U.replace("def _decode_uXXXX(", "def _decode_escape(").rstrip("\n")
    assert failed(check_refactor(text, start, end, renamed, "python"), "drops '_decode_uXXXX'")


def test_refactor_dropping_a_method_used_outside():
    text = stdlib("csv.py")
    start, end = span_of_definition(text, "    def _dict_to_list(self, rowdict):", "python")
    doc = parsing.doc_for(text)
    old = text[doc.offset(*start):doc.offset(*end)]
    assert check_refactor(text, start, end, old.replace("wrong_fields", "extra"), "python").ok
    assert failed(check_refactor(text, start, end, old.replace("_dict_to_list", "_as_row"), "python"),
                  "drops '_dict_to_list'")


def test_refactor_dropping_a_keyword_parameter():
    text = stdlib("textwrap.py")
    start, end = span_of_definition(text, "    def __init__(self,", "python")
    doc = parsing.doc_for(text)
    old = text[doc.offset(*start):doc.offset(*end)]
    # renaming the parameter (not the attribute): shorten() passes `max_lines=1` by name
    renamed = re.sub(r"(?<!\.)\bmax_lines\b", "line_limit", old)
    assert failed(check_refactor(text, start, end, renamed, "python"), "parameter 'max_lines'")
    # renaming the attribute too breaks the methods that read self.max_lines
    renamed_all = re.sub(r"\bmax_lines\b", "line_limit", old)
    assert failed(check_refactor(text, start, end, renamed_all, "python"), "drops 'max_lines'")
    # a local rename inside the constructor is fine
    assert check_refactor(text, start, end, old.replace("self.width = width", "self.width = (width)"), "python").ok


def test_refactor_echoing_context_outside_the_selection():
    text = stdlib(DECODER)
    start, end = span_of_definition(text, "    def raw_decode(self, s, idx=0):", "python")
    doc = parsing.doc_for(text)
    old = text[doc.offset(*start):doc.offset(*end)]
    before = "        return obj\n\n"
    assert failed(check_refactor(text, start, end, before + old.replace("err.value", "err.value or idx"), "python"),
                  "before the selection")


def test_refactor_javascript():
    text = src("semver_range.js")
    start, end = span_of_definition(text, "const isSatisfiable = (comparators, options) => {", "javascript")
    doc = parsing.doc_for(text)
    old = text[doc.offset(*start):doc.offset(*end)]
    assert check_refactor(text, start, end, old.replace("testComparator", "current"), "javascript").ok
    assert failed(check_refactor(text, start, end, old.replace("isSatisfiable", "satisfiable"), "javascript"),
                  "drops 'isSatisfiable'")
    assert failed(check_refactor(text, start, end, old.replace("=> {", "=> {{"), "javascript"), "does not parse")


def test_refactor_unsupported_language():
    text = "fn a() {\n    1\n}\n\nfn b() {\n    a()\n}\n"
    assert check_refactor(text, (0, 0), (2, 1), "fn a() -> i32 {\n    1\n}", "rust").ok
    assert failed(check_refactor(text, (0, 0), (2, 1), "fn a() {\n    1\n}", "rust"), "unchanged")
    assert failed(check_refactor(text, (0, 0), (2, 1), "", None), "no code")


# --------------------------------------------------------------------------
# check_explain
# --------------------------------------------------------------------------

GOOD_EXPLANATION = """`_decode_uXXXX` reads the four hex digits after a `\\u` escape.

```python
esc = s[pos + 1:pos + 5]
```

It returns the code point, or raises `JSONDecodeError` when the digits are invalid.
"""


def test_explain_good():
    assert check_explain(GOOD_EXPLANATION, "stop").ok
    assert check_explain(GOOD_EXPLANATION, None).ok
    assert check_explain("Steps:\n\n1. read the digits\n2. convert them", "end_turn").ok
    assert check_explain("Returns the index:\n\n```python\nx = 1\n```", "stop").ok


def test_explain_empty():
    assert failed(check_explain("", "stop"), "empty")
    assert failed(check_explain(" \n\n", None), "empty")


@pytest.mark.parametrize("reason", ["length", "max_tokens", "MAX_TOKENS", "max_output_tokens"])
def test_explain_cut_off_by_the_token_limit(reason):
    assert failed(check_explain(GOOD_EXPLANATION, reason), "cut off")


def test_explain_ending_inside_an_unclosed_fence():
    cut = GOOD_EXPLANATION.split("```python")[0] + "```python\nesc = s[pos + 1:pos +"
    assert failed(check_explain(cut, "stop"), "unclosed ```")


def test_explain_ending_mid_sentence():
    assert failed(check_explain("It reads four hex digits and then converts the", "stop"), "mid-sentence")
    assert failed(check_explain("It reads four hex digits,", "stop"), "mid-sentence")
    assert check_explain("It reads four hex digits.", "stop").ok


# --------------------------------------------------------------------------
# TypeScript and language detection
# --------------------------------------------------------------------------

TS = """export function total(items: number[]): number {
  let sum = 0
  for (const item of items) { sum += item }
  return sum
}

const sum = 3
export const doubled = sum * 2
"""


def test_typescript_rename_and_checks():
    local = rename_occurrences(TS, "sum", (1, 6), "typescript")
    assert local == [(1, 6, 1, 9), (2, 30, 2, 33), (3, 9, 3, 12)]
    module = rename_occurrences(TS, "sum", (6, 7), "typescript")
    assert module == [(6, 6, 6, 9), (7, 23, 7, 26)]
    assert check_rename(TS, "sum", "acc", local, "typescript", (1, 6)).ok
    assert failed(check_rename(TS, "sum", "acc", local + module, "typescript", (1, 6)), "not an occurrence")
    assert check_completion(TS, 3, 9, "", "typescript").ok is False
    assert failed(check_completion(TS.replace("  return sum\n", "  return \n"), 3, 9, "sum)", "typescript"),
                  "syntax error")
    assert check_completion(TS.replace("  return sum\n", "  return \n"), 3, 9, "sum", "typescript").ok


@pytest.mark.parametrize(
    "language_id, path, expected",
    [
        ("python", None, "python"),
        ("javascriptreact", None, "javascript"),
        ("typescriptreact", None, "tsx"),
        ("TypeScript", None, "typescript"),
        (None, "/x/y/z.tsx", "tsx"),
        (None, "file:///x/lib.mjs", "javascript"),
        ("plaintext", "notes.txt", None),
        ("rust", "main.rs", None),
        ("plaintext", "script.py", "python"),  # an unknown languageId falls back to the extension
        (None, None, None),
    ],
)
def test_language_for(language_id, path, expected):
    assert parsing.language_for(language_id, path) == expected


def test_parse_cache_and_error_count():
    text = "def f(:\n    return (1,\n"
    tree = parsing.parse(text, "python")
    assert tree is parsing.parse(text, "python")  # cached per text version
    assert parsing.count_errors(tree.root_node) >= 1
    assert parsing.count_errors(parsing.parse("x = 1\n", "python").root_node) == 0
    assert parsing.parse(text, "rust") is None


def test_completion_unclosed_bracket_inside_a_long_class():
    """The parse check starts at the enclosing block, not inside the class docstring far above."""
    text = stdlib("textwrap.py")
    lines = text.splitlines(True)
    i = next(n for n, ln in enumerate(lines) if "self.width = width" in ln)
    col = lines[i].index("width = width") + len("width = wi")
    lines[i] = lines[i][:col] + "\n"
    doc = "".join(lines)
    assert check_completion(doc, i, col, "dth", "python").ok
    assert failed(check_completion(doc, i, col, "dth = ((", "python"), "syntax error")


# --------------------------------------------------------------------------
# check_completion on the text developers committed (replay's self-check)
# --------------------------------------------------------------------------


def _rest_of_line(text: str, needle: str, at: int) -> tuple[str, int, int, str]:
    """(document without the rest of the line, line, column, the rest of the line): a perfect completion."""
    line, col = pos_of(text, needle, at)
    doc = parsing.doc_for(text)
    a = doc.offset(line, col)
    eol = text.find("\n", a)
    return text[:a] + text[eol:], line, col, text[a:eol].rstrip()


def _first_word(line: str) -> int:
    m = re.match(r"\s*(?:[A-Za-z_$][\w$]*|\d+|\S)", line)
    return m.end() if m else 0


def _prose_lines_complete(text: str, first: int, last: int, language: str) -> list:
    """check_completion of every line in [first, last) cut after its first word (rejections only)."""
    rejected = []
    lines = text.split("\n")
    for row in range(first, last):
        col = _first_word(lines[row])
        if not lines[row].strip() or col >= len(lines[row].rstrip()):
            continue
        doc, line, c, rest = _rest_of_line(text, lines[row], col) if text.count(lines[row]) == 1 else (None,) * 4
        if doc is None:
            continue
        result = check_completion(doc, line, c, rest, language)
        if not result.ok:
            rejected.append((row + 1, lines[row].strip(), result.reason))
    return rejected


def test_completion_inside_a_module_docstring():
    """The parse window never starts inside a docstring: its prose lines at column 0 are no code."""
    text = stdlib("string.py")  # `whitespace -- a string containing all ASCII whitespace`, ...
    end = text.index('"""', 3)
    assert _prose_lines_complete(text, 0, text.count("\n", 0, end) + 1, "python") == []
    # a docstring after a licence comment block (its opening quote stands alone on its line)
    text = stdlib("sqlite3/__init__.py")
    first = text.count("\n", 0, text.index('"""'))
    last = text.count("\n", 0, text.index('"""', text.index('"""') + 3)) + 1
    assert last - first > 20
    assert _prose_lines_complete(text, first, last, "python") == []
    # closing the docstring early leaves code that does not parse
    doc, line, col, rest = _rest_of_line(text, "interface to the SQLite library", 9)
    assert failed(check_completion(doc, line, col, ' to the """ SQLite library', "python"), "syntax error")


def test_completion_inside_a_licence_header():
    text = src("jsonparse.js")
    end = text.count("\n", 0, text.index("*/")) + 1
    assert end > 25
    assert _prose_lines_complete(text, 0, end, "javascript") == []


@pytest.mark.parametrize(
    "name, needle, far",
    [
        ("jsonparse.js", "proto.write = function (buffer) {", True),
        ("jsonparse.js", "  for (var i = 0, l = buffer.length; i < l; i++) {", True),
        ("jsonparse.js", "    if (this.tState === START){", True),
        ("jsonparse.js", "  if(this.state === VALUE){", True),
        ("semver_range.js", "    } else if (isX(m)) {", False),
        ("semver_range.js", "  for (let i = 0; i < set.length; i++) {", False),
    ],
)
def test_completion_opening_a_block_in_existing_code(name, needle, far):
    """A line that opens a block (`for (...) {`, `} else if (...) {`), often with its `}` far further down."""
    text = src(name)
    start = text.index(needle)
    if far:  # more than the parse window's reach past the cursor line
        assert text.index("\n" + needle[: _indent_len(needle)] + "}", start) - start > 800
    for at in (_indent_len(needle), _first_word(needle)):
        doc, line, col, rest = _rest_of_line(text, needle, at)
        result = check_completion(doc, line, col, rest, "javascript")
        assert result.ok, (at, result)
    # the same line with a bracket too many or too few is still caught
    doc, line, col, rest = _rest_of_line(text, needle, _first_word(needle))
    assert failed(check_completion(doc, line, col, rest.replace("(", "((", 1), "javascript"), "syntax error")
    assert failed(check_completion(doc, line, col, rest.replace(")", "", 1), "javascript"), "syntax error")


def _indent_len(line: str) -> int:
    return len(line) - len(line.lstrip())


def test_completion_of_a_word_the_next_line_starts_with():
    """`import warnings` typed at `import |` is no repeat because the next line starts with `warnings.warn(`."""
    text = stdlib("_pyio.py")
    needle = "        import warnings\n        warnings.warn(\"line buffering"
    doc, line, col, rest = _rest_of_line(text, needle, len("        import "))
    assert rest == "warnings"
    assert check_completion(doc, line, col, rest, "python").ok
    # typing the whole next line (or the next lines) at the end of this one is a repeat
    following = text[text.index(needle):].split("\n")[1:4]
    nxt = following[0].strip()
    end = len(text.split("\n")[line])
    assert failed(check_completion(text, line, end, nxt, "python"), "repeats the next line")
    assert failed(check_completion(text, line, end, "\n" + "\n".join(following), "python"), "repeats")
    # and so is typing it on a blank line just before it
    lines = text.split("\n")
    blank = "\n".join(lines[: line + 1] + ["        "] + lines[line + 1:])
    assert failed(check_completion(blank, line + 1, 8, nxt, "python"), "repeats the next line")
    # with text after the cursor, re-typing it (or its start) is a repeat
    assert failed(check_completion(text, line, len("        import "), "warn", "python"), "repeats the text after the cursor")


def test_completion_checks_that_must_still_fail():
    text = stdlib("textwrap.py")
    lines = text.splitlines(True)
    i = next(n for n, ln in enumerate(lines) if "self.width = width" in ln)
    col = lines[i].index("width = width") + len("width = wi")
    cut = "".join(lines[:i] + [lines[i][:col] + "\n"] + lines[i + 1:])
    assert failed(check_completion(cut, i, col, "", "python"), "empty")
    assert failed(check_completion(cut, i, col, "dth = (((", "python"), "syntax error")
    assert failed(check_completion(cut, i, col, "dth = ((", "python"), "syntax error")
    assert failed(check_completion(cut, i, col, "dth)", "python"), "syntax error")
    assert check_completion(cut, i, col, "dth  # the maximum line width", "python").ok
    # the next line's text typed at the end of `self.width = width`
    end = len(lines[i].rstrip("\n"))
    assert failed(check_completion(text, i, end, lines[i + 1].strip(), "python"), "repeats")
    assert check_completion(text, i, end, "  # the maximum line width", "python").ok


def test_partial_completion_that_opens_a_block():
    """A completion may open a block or bracket whose body is what the user types next."""
    text = src("jsonparse.js")
    needle = "  var n;\n"
    at = text.index(needle) + len(needle)
    doc = text[:at] + "  \n" + text[at:]
    line = doc.count("\n", 0, at)
    assert check_completion(doc, line, 2, "if (typeof buffer === \"number\") {", "javascript").ok
    assert check_completion(doc, line, 2, "this.onToken(LEFT_BRACE, function (value) {", "javascript").ok
    assert check_completion(doc, line, 2, "var codes = [", "javascript").ok
    # opened in its middle or doubled, the bracket is no partial completion
    assert failed(check_completion(doc, line, 2, "var codes = [[", "javascript"), "syntax error")
    assert failed(check_completion(doc, line, 2, "foo(a, (b);", "javascript"), "syntax error")
    text = stdlib(DECODER)
    needle = "        _append(content)\n"
    at = text.index(needle) + len(needle)
    doc = text[:at] + "        \n" + text[at:]
    line = doc.count("\n", 0, at)
    assert check_completion(doc, line, 8, "if not content:", "python").ok
    assert check_completion(doc, line, 8, "chunks.extend(", "python").ok
    assert failed(check_completion(doc, line, 8, "chunks.extend((", "python"), "syntax error")


def test_completion_inside_a_long_literal_that_closes_below_the_window():
    """A line of a 40-line tuple whose item goes on on the next line: the tuple opens
    above the window's first line and closes below its cut. Closing it at the cut
    forgives nothing the completion leaves open itself."""
    text = (Path(__file__).resolve().parents[1] / "scripts" / "bench_replay.py").read_text(encoding="utf-8")
    lines = text.splitlines(True)
    i = next(n for n, ln in enumerate(lines) if ln.startswith('    Release("8.1.2"'))
    col = len("    Release")
    rest = lines[i][col:].rstrip("\n")
    assert rest.endswith(",") and lines[i + 1].strip().endswith("),")
    cut = "".join(lines[:i] + [lines[i][:col] + "\n"] + lines[i + 1:])
    assert check_completion(cut, i, col, rest, "python").ok
    assert failed(check_completion(cut, i, col, rest.replace('("8.1.2"', '(("8.1.2"'), "python"), "syntax error")
    assert failed(check_completion(cut, i, col, rest + ")", "python"), "syntax error")


def test_completion_whose_own_line_breaks_while_it_mends_the_lines_below():
    """`if` typed above an `else:`: without the condition's line, the body below is an
    unexpected indent and the `else:` an orphan, two errors the right completion mends.
    One more character (`:)`) mends them too but breaks its own line: one error for two
    is still an error the completion adds, on a line that parsed before."""
    text = stdlib("textwrap.py")
    cut, line, col = _typing_at(text, "            if self.max_lines > 1:", len("            if"))
    assert check_completion(cut, line, col, " self.max_lines > 1:", "python").ok
    assert failed(check_completion(cut, line, col, " self.max_lines > 1:)", "python"), "syntax error")
    assert failed(check_completion(cut, line, col, " self.max_lines > (1:", "python"), "syntax error")
    assert check_completion(cut, line, col, " self.max_lines > 1:  # more than one line", "python").ok


def test_prose_in_a_module_docstring_is_not_read_as_code():
    """Issue 15 §4: a line of this project's own module docstring, completed as it was written,
    was rejected ("adds a syntax error"): the parse window read the docstring's prose as code."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "lsp_router" / "replay" / "__init__.py").read_text(encoding="utf-8")
    needle = "(`@generated` / `DO NOT EDIT` near the top)."
    assert needle in text
    doc, line, col, rest = _rest_of_line(text, needle, len("(`@gener"))
    assert check_completion(doc, line, col, rest, "python").ok
    # A completion that could close the docstring is not waved through as prose.
    from lsp_router.routing.checks import _prose_stays_prose

    off = parsing.doc_for(doc).offset(line, col)
    typed = doc.splitlines()[line][:col]
    assert _prose_stays_prose(doc, line, off, typed, rest, "python")
    assert not _prose_stays_prose(doc, line, off, typed, rest + ' """', "python")
    # In code, the same prose is a syntax error.
    # Code is never taken for prose.
    code_doc, code_line, code_col, code_rest = _rest_of_line(text, "owner = _OWNERS.get(name)", len("owner = "))
    code_off = parsing.doc_for(code_doc).offset(code_line, code_col)
    assert not _prose_stays_prose(code_doc, code_line, code_off, "    owner = ", code_rest, "python")


def test_a_parameter_takes_the_keyword_arguments_of_calls_to_its_function():
    """Renaming a parameter renames `f(name=...)` at calls of that function (a method's
    through `obj.f(...)`, `__init__`'s through the class), never another function's keyword,
    and nothing for `*args`, `**kwargs` or a positional-only parameter (no caller can name them)."""
    from lsp_router.routing import parsing

    src = (
        "def area(width, height=2, /, depth=1, *, scale=1):\n"  # 0
        "    return width * height * depth * scale\n"
        "\n"
        "class Box:\n"  # 3
        "    def __init__(self, size, *args, **opts):\n"  # 4
        "        self.size = size\n"
        "\n"
        "    def grow(self, by):\n"  # 7
        "        return Box(size=self.size + by)\n"
        "\n"
        "def main(depth):\n"  # 10
        "    a = area(3, 4, depth=depth, scale=2)\n"  # 11
        "    b = Box(size=3).grow(by=2)\n"  # 12
        "    return max(a, key=len, depth=b)\n"  # 13: another function's keyword
    )

    def occurrences(line, col):
        return parsing.find_symbol(src, (line, col), "python").occurrences

    assert occurrences(0, 29) == ((0, 29, 0, 34), (1, 28, 1, 33), (11, 19, 11, 24))  # depth: area's call only
    assert occurrences(0, 42) == ((0, 41, 0, 46), (1, 36, 1, 41), (11, 32, 11, 37))  # keyword-only scale
    assert occurrences(0, 16) == ((0, 16, 0, 22), (1, 19, 1, 25))  # positional-only height: no keyword
    assert occurrences(4, 24) == ((4, 23, 4, 27), (5, 20, 5, 24), (8, 19, 8, 23), (12, 12, 12, 16))  # via Box(...)
    assert occurrences(4, 31) == ((4, 30, 4, 34),)  # *args
    assert occurrences(7, 20) == ((7, 19, 7, 21), (8, 36, 8, 38), (12, 25, 12, 27))  # a method, via .grow(...)
    # main's own `depth` is another symbol: its parameter and the value passed, not area's keyword
    assert occurrences(10, 10) == ((10, 9, 10, 14), (11, 25, 11, 30))
