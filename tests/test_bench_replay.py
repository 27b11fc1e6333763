"""scripts/bench_replay.py without the network: local sdists made from stdlib files, file:// pins."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import stdlib_file
from tests.test_replay import HELPER

ROOT = Path(__file__).resolve().parents[1]


def _load_script():
    spec = importlib.util.spec_from_file_location("bench_replay", ROOT / "scripts" / "bench_replay.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


bench = _load_script()

SPLIT_HELPER = '''

def split_lines(text, comments=False):
    """Split every line of `text` like a shell would, one list per non-blank line."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        out.append(split(line, comments=comments, posix=True))
    return out
'''


def _sdist(folder: Path, version: str, files: dict[str, str]) -> Path:
    """A minimal sdist like PyPI's: everything under `mini-<version>/`, with build metadata."""
    files = {**files, "PKG-INFO": f"Name: mini\nVersion: {version}\n",
             "mini.egg-info/PKG-INFO": f"Name: mini\nVersion: {version}\n"}
    path = folder / f"mini-{version}.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, text in sorted(files.items()):
            data = text.encode()
            info = tarfile.TarInfo(f"mini-{version}/{name}")
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            archive.addfile(info, io.BytesIO(data))
    return path


def _release(tarball: Path, version: str, uploaded: str):
    sha = hashlib.sha256(tarball.read_bytes()).hexdigest()
    return bench.Release(version, uploaded, sha, tarball.as_uri())


@pytest.fixture(scope="module")
def pins(tmp_path_factory) -> list:
    """Three releases of a tiny package: a base, then a helper in each module, then a rewrite."""
    folder = tmp_path_factory.mktemp("sdists")
    textwrap = stdlib_file("textwrap.py").read_text(encoding="utf-8")
    shlex = stdlib_file("shlex.py").read_text(encoding="utf-8")
    v2_textwrap = textwrap + HELPER
    v3_textwrap = v2_textwrap.replace("placeholder=' [...]'", "placeholder='...'").replace(
        "    result = []\n    for line in lines:", "    result = []\n    width = max(width, 1)\n    for line in lines:")
    versions = [
        ("1.0", "2021-01-05T10:00:00Z", {"mini/textwrap.py": textwrap, "mini/shlex.py": shlex, "README.md": "mini\n"}),
        ("1.1", "2021-02-07T11:30:15Z", {"mini/textwrap.py": v2_textwrap, "mini/shlex.py": shlex + SPLIT_HELPER,
                                         "README.md": "mini\n\nNow with helpers.\n"}),
        ("1.2", "2021-03-09T12:45:30Z", {"mini/textwrap.py": v3_textwrap, "mini/shlex.py": shlex + SPLIT_HELPER,
                                         "README.md": "mini\n\nNow with helpers.\n"}),
    ]
    return [_release(_sdist(folder, v, files), v, when) for v, when, files in versions]


def _fetch_all(pins, home: Path, **kw) -> list[Path]:
    return [bench.fetch(r, home / "pypi", **kw) for r in pins]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def test_a_checksum_mismatch_is_an_error_and_nothing_is_kept(pins, tmp_path):
    wrong = bench.Release(pins[0].version, pins[0].uploaded, "0" * 64, pins[0].url)
    with pytest.raises(bench.BenchError, match=r"sha256 mismatch for file://.*expected 0{64}, got [0-9a-f]{64}"):
        bench.fetch(wrong, tmp_path / "pypi")
    assert list((tmp_path / "pypi").iterdir()) == []  # no file, no partial download


def test_downloads_are_cached_and_offline_needs_the_cache(pins, tmp_path):
    first = _fetch_all(pins, tmp_path)
    assert [p.read_bytes() for p in first] == [Path(r.url.removeprefix("file://")).read_bytes() for r in pins]

    def no_network(url, timeout=None):
        raise AssertionError(f"downloaded {url} again")

    assert _fetch_all(pins, tmp_path, offline=True, opener=no_network) == first
    # a corrupt cached file is never used
    first[0].write_bytes(b"not a tarball")
    with pytest.raises(bench.BenchError, match="--offline and mini-1.0.tar.gz is not in the cache"):
        bench.fetch(pins[0], tmp_path / "pypi", offline=True)
    assert bench.fetch(pins[0], tmp_path / "pypi").read_bytes() != b"not a tarball"


def test_offline_without_a_cache_exits_2_with_one_line(tmp_path, capsys):
    assert bench.main(["--home", str(tmp_path), "--offline"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--offline and click-8.1.0.tar.gz is not in the cache" in err


def test_history_has_one_dated_commit_per_release_and_is_deterministic(pins, tmp_path):
    tarballs = _fetch_all(pins, tmp_path)
    repo = tmp_path / "history" / "mini"
    head, reused = bench.build_history(pins, tarballs, repo, project="mini")
    assert not reused
    log = _git(repo, "log", "--reverse", "--format=%H|%at|%ct|%an <%ae>|%s").splitlines()
    assert len(log) == len(pins)
    for line, release in zip(log, pins):
        sha, author_time, commit_time, author, subject = line.split("|")
        assert int(author_time) == int(commit_time) == release.timestamp
        assert author == "Pallets <contact@palletsprojects.com>"
        assert subject == f"mini {release.version} (from the PyPI sdist, sha256 {release.sha256[:12]})"
    assert log[-1].startswith(head)
    # the sdist's top folder is stripped and its build metadata left out
    assert _git(repo, "ls-files").split() == ["README.md", "mini/shlex.py", "mini/textwrap.py"]
    assert "def shorten_lines" in _git(repo, "show", "HEAD:mini/textwrap.py")

    # same pins: reused as is; built again elsewhere: the same hashes
    assert bench.build_history(pins, tarballs, repo, project="mini") == (head, True)
    other = tmp_path / "elsewhere" / "mini"
    assert bench.build_history(pins, tarballs, other, project="mini") == (head, False)
    # other pins: rebuilt
    head2, reused2 = bench.build_history(pins[:2], tarballs[:2], repo, project="mini")
    assert not reused2 and head2 != head and len(_git(repo, "log", "--format=%H").split()) == 2


def test_replay_of_the_history_prints_a_cost_ratio(pins, tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-not-reach-the-replay")
    assert "OPENAI_API_KEY" not in bench.replay_env()
    repo = tmp_path / "history" / "mini"
    bench.build_history(pins, _fetch_all(pins, tmp_path), repo, project="mini")
    data = json.loads(bench.run_replay(repo, len(pins) - 1, as_json=True))
    assert data["mode"] == "dry-run" and data["commits"] == 2 and data["requests"] > 0
    lines = bench.summary_lines("mini", pins, data)
    assert lines[0].startswith(f"replay of mini 1.0..1.2 (3 PyPI releases as 2 commits): {data['requests']} requests; ")
    m = re.search(r"routed \$[\d.]+ vs always-frontier \$[\d.]+ = (\d+\.\d)x cheaper \(saves (\d+)%\)", lines[0])
    assert m, lines[0]
    assert float(m.group(1)) == pytest.approx(data["ratio"], abs=0.05)
    assert re.search(r"check failures on the release's own text: \d+ of \d+$", lines[0])
    assert lines[1].startswith("requests by task and tier: autocomplete ")
    # the figure with models.nano, from the same run
    assert re.match(r"with models\.nano = openai:gpt-5\.4-nano: \d+\.\dx \(nano \d+%", lines[2]), lines
