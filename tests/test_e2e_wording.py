"""The VS Code e2e's messages: plurals by count, no double spaces, details cut at a word boundary."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

E2E = Path(__file__).resolve().parent.parent / "vscode-client" / "test" / "e2e.mjs"


def test_e2e_messages_have_no_fixed_plural_nor_double_space():
    text = E2E.read_text(encoding="utf-8")
    assert not re.search(r"\$\{[^}]*(length|count)[^}]*\} requests", text)
    for message in re.findall(r"(?<![.\w])(?:check|log)\((?:'([^'\n]*)'|`([^`\n]*)`)", text):
        s = "".join(message)
        assert "  " not in s, s


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_e2e_cut_stops_at_a_field_boundary():
    src = E2E.read_text(encoding="utf-8")
    m = re.search(r"const plural = .*?\n(?://.*\n)?function cut\(.*?\n}\n", src, re.S)
    assert m, "plural/cut helpers"
    js = m.group(0) + (
        "const s = cut('{\"requests\": 3, \"escalations\": 0, \"errors\": 0, \"cost\": 1}', 40);"
        "console.log(s); console.log(plural(1, 'request')); console.log(plural(2, 'request'));"
    )
    out = subprocess.run(["node", "--input-type=module", "-e", js], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    cut_line, one, two = out.stdout.splitlines()
    assert cut_line.endswith("…") and '"error' not in cut_line.replace('"errors"', ""), cut_line
    assert cut_line.rstrip(" …").endswith("0"), cut_line
    assert (one, two) == ("1 request", "2 requests")
