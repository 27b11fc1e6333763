#!/usr/bin/env python3
"""Replay a pinned public history: click's PyPI releases as git commits, routed and priced.

`lsp-router replay` wants a git history. This machine reaches package registries but no git
host, so the history is rebuilt from the project's own published source distributions: the
pinned sdists of consecutive click releases (Pallets) are downloaded from
files.pythonhosted.org, checked against their pinned sha256, and committed one per release,
in order, into a local repository dated with each release's upload time. The same pins
always give the same commit hashes. The replay is then the real command, run as a
subprocess with no API key in its environment:

    python -m lsp_router replay REPO --commits N --dry-run [--json]

with N = releases - 1: the first release is the base, and each later commit is diffed
against the release before it. (Replay diffs a root commit against nothing, so the first
release would count as the whole project typed at once.)

A release is not a developer's commit: it bundles weeks of them, and replay samples a fixed
number of requests per commit (`MAX_COMPLETIONS_PER_COMMIT` and friends in
lsp_router/replay/synth.py), so this measures the routed/always-frontier cost *ratio* on real
code changes, not what a developer's month of editing would cost.

    python scripts/bench_replay.py [--home DIR] [--offline] [--settings FILE]

Downloads are cached under ${LSP_ROUTER_BENCH_HOME:-~/.cache/lsp-router-bench}/pypi/ and the
repository is kept at .../history/click (rebuilt only when the pins change), so a second
run needs no network. Exit status 2: a download failed, a checksum did not match, or git is
missing; one line on stderr says which.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "click"
AUTHOR = ("Pallets", "contact@palletsprojects.com")
# Bump when the way a history is built changes: an old repository is then rebuilt.
BUILD_FORMAT = 1
# Files the sdist build adds that are not the project's source (metadata, not edits).
NOISE_NAMES = ("PKG-INFO",)
NOISE_SUFFIXES = (".egg-info",)


@dataclass(frozen=True)
class Release:
    version: str
    uploaded: str  # UTC upload time on PyPI, ISO 8601 to the second
    sha256: str
    url: str

    @property
    def timestamp(self) -> int:
        return int(datetime.strptime(self.uploaded, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())

    @property
    def filename(self) -> str:
        return self.url.rsplit("/", 1)[-1]


# From https://pypi.org/pypi/click/json (sdists only), copied once; never queried at run time.
# 8.2.2 was later yanked on PyPI (a regression); its sdist is still published and is part of
# the history. Total download: 3.7 MB.
RELEASES: tuple[Release, ...] = (
    Release("8.1.0", "2022-03-28T17:37:50Z", "977c213473c7665d3aa092b41ff12063227751c41d7b17165013e10069cc5cd2",
            "https://files.pythonhosted.org/packages/45/2b/7ebad1e59a99207d417c0784f7fb67893465eef84b5b47c788324f1b4095/click-8.1.0.tar.gz"),
    Release("8.1.1", "2022-03-30T20:14:16Z", "7ab900e38149c9872376e8f9b5986ddcaf68c0f413cf73678a0bca5547e6f976",
            "https://files.pythonhosted.org/packages/ba/1c/9490d7fd88dd612f2f6ced0fac0560f160d434f28bf3f2fe4173d6b79cae/click-8.1.1.tar.gz"),
    Release("8.1.2", "2022-03-31T20:52:52Z", "479707fe14d9ec9a0757618b7a100a0ae4c4e236fac5b7f80ca68028141a1a72",
            "https://files.pythonhosted.org/packages/42/e1/4cb2d3a2416bcd871ac93f12b5616f7755a6800bccae05e5a99d3673eb69/click-8.1.2.tar.gz"),
    Release("8.1.3", "2022-04-28T17:36:09Z", "7682dc8afb30297001674575ea00d1814d808d6a36af415a82bd481d37ba7b8e",
            "https://files.pythonhosted.org/packages/59/87/84326af34517fca8c58418d148f2403df25303e02736832403587318e9e8/click-8.1.3.tar.gz"),
    Release("8.1.4", "2023-07-06T18:27:16Z", "b97d0c74955da062a7d4ef92fadb583806a585b2ea81958a81bd72726cbb8e37",
            "https://files.pythonhosted.org/packages/77/88/b0cc5fe95c31c301e9823ea9b028f669c0dcfa205ff71111037a5ed4892c/click-8.1.4.tar.gz"),
    Release("8.1.5", "2023-07-13T15:07:11Z", "4be4b1af8d665c6d942909916d31a213a106800c47d0eeba73d34da3cbc11367",
            "https://files.pythonhosted.org/packages/7e/ad/7a6a96fab480fb2fbf52f782b2deb3abe1d2c81eca3ef68a575b5a6a4f2e/click-8.1.5.tar.gz"),
    Release("8.1.6", "2023-07-18T20:05:13Z", "48ee849951919527a045bfe3bf7baa8a959c423134e1a5b98c05c20ba75a1cbd",
            "https://files.pythonhosted.org/packages/72/bd/fedc277e7351917b6c4e0ac751853a97af261278a4c7808babafa8ef2120/click-8.1.6.tar.gz"),
    Release("8.1.7", "2023-08-17T17:29:11Z", "ca9853ad459e787e2192211578cc907e7594e294c7ccc834310722b41b9ca6de",
            "https://files.pythonhosted.org/packages/96/d3/f04c7bfcf5c1862a2a5b845c6b2b360488cf47af55dfa79c98f6a6bf98b5/click-8.1.7.tar.gz"),
    Release("8.1.8", "2024-12-21T18:38:44Z", "ed53c9d8990d83c2a27deae68e4ee337473f6330c040a31d4225c9574d16096a",
            "https://files.pythonhosted.org/packages/b9/2e/0090cbf739cee7d23781ad4b89a9894a41538e4fcf4c31dcdd705b78eb8b/click-8.1.8.tar.gz"),
    Release("8.2.0", "2025-05-10T22:21:03Z", "f5452aeddd9988eefa20f90f05ab66f17fce1ee2a36907fd30b05bbb5953814d",
            "https://files.pythonhosted.org/packages/cd/0f/62ca20172d4f87d93cf89665fbaedcd560ac48b465bd1d92bfc7ea6b0a41/click-8.2.0.tar.gz"),
    Release("8.2.1", "2025-05-20T23:19:49Z", "27c491cc05d968d271d5a1db13e3b5a184636d9d930f148c50b038f0d0646202",
            "https://files.pythonhosted.org/packages/60/6c/8ca2efa64cf75a977a0d7fac081354553ebe483345c734fb6b6515d96bbc/click-8.2.1.tar.gz"),
    Release("8.2.2", "2025-08-02T02:23:41Z", "068616e6ef9705a07b6db727cb9c248f4eb9dae437a30239f56fa94b18b852ef",
            "https://files.pythonhosted.org/packages/e9/87/105111999772ec9730e3d4d910c723ea9763ece2ec441533a5cea1e87e3c/click-8.2.2.tar.gz"),
)


class BenchError(Exception):
    """Why the benchmark cannot run: one line, exit status 2."""


def bench_home(override: str | None = None) -> Path:
    return Path(override or os.environ.get("LSP_ROUTER_BENCH_HOME") or Path.home() / ".cache" / "lsp-router-bench")


def pins_digest(releases: Sequence[Release], project: str = PROJECT, keep: tuple[str, ...] | None = None) -> str:
    """What a built history depends on: the pins, the folders kept and the build format."""
    shape = [BUILD_FORMAT, project, [vars(r) for r in releases]] + ([list(keep)] if keep else [])
    data = json.dumps(shape, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


# ------------------------------------------------------------------------- downloads


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(release: Release, cache: Path, *, offline: bool = False,
          opener: Callable = urllib.request.urlopen) -> Path:
    """The release's sdist in `cache`, downloaded if needed; its sha256 is always checked."""
    target = cache / release.filename
    if target.is_file():
        if _sha256(target) == release.sha256:
            return target
        target.unlink()  # a corrupt or foreign file: never used, fetched again
    if offline:
        raise BenchError(f"--offline and {release.filename} is not in the cache ({cache})")
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=release.filename + ".", suffix=".part", dir=cache)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                with opener(release.url, timeout=60) as response:
                    shutil.copyfileobj(response, out)
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", None) or exc
                raise BenchError(f"cannot download {release.url}: {reason} "
                                 f"(no network? a run with network access fills the cache in {cache})") from None
        got = _sha256(tmp)
        if got != release.sha256:
            raise BenchError(f"sha256 mismatch for {release.url}: expected {release.sha256}, got {got}; "
                             "the file was discarded")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


# --------------------------------------------------------------------------- history


# Set inside a git hook, say; they would point git at another repository.
_GIT_REPO_VARS = frozenset({"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"})


def _git(repo: Path, *args: str, env: dict[str, str] | None = None,
         author: tuple[str, str] = AUTHOR) -> str:
    # No user or system config (hooks, signing, autocrlf, templates): the same pins give the
    # same hashes on every machine.
    # Identity from the environment would override the config, so it is set there too.
    name, email = author
    full_env = {k: v for k, v in os.environ.items() if k not in _GIT_REPO_VARS}
    full_env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0",
                    GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name,
                    GIT_COMMITTER_EMAIL=email, **(env or {}))
    cmd = ["git", "-C", str(repo), "-c", f"user.name={name}", "-c", f"user.email={email}",
           "-c", "core.autocrlf=false", "-c", "core.fileMode=true", "-c", "commit.gpgSign=false", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=full_env, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise BenchError("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise BenchError(f"git {args[0]} failed in {repo}: {detail}")
    return done.stdout


def _is_noise(parts: tuple[str, ...]) -> bool:
    return (len(parts) == 1 and parts[0] in NOISE_NAMES) or any(p.endswith(NOISE_SUFFIXES) for p in parts)


def unpack_sdist(tarball: Path, dest: Path, keep: tuple[str, ...] | None = None) -> int:
    """The sdist's (or npm tarball's) regular files into `dest`, without its top folder;
    returns the file count. `keep`: only the files under these folders (an npm package's
    sources, not the compiled output published beside them).

    Only contents and the executable bit are kept (no owners, times or other modes), so the
    tree git records depends on the archive alone.
    """
    count = 0
    with tarfile.open(tarball, "r:*") as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts[1:]  # strip "click-X.Y.Z/"
            if not parts or any(p in ("", ".", "..") for p in parts) or member.name.startswith("/") or _is_noise(parts):
                continue
            if keep and parts[0] not in keep:
                continue
            target = dest.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            target.write_bytes(source.read())
            target.chmod(0o755 if member.mode & 0o100 else 0o644)
            count += 1
    return count


def _clear_work_tree(repo: Path) -> None:
    for entry in repo.iterdir():
        if entry.name == ".git":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def build_history(releases: Sequence[Release], tarballs: Sequence[Path], repo: Path,
                  project: str = PROJECT, *, keep: tuple[str, ...] | None = None,
                  author: tuple[str, str] = AUTHOR, source: str = "the PyPI sdist") -> tuple[str, bool]:
    """(HEAD, reused): a repository with one commit per release, oldest first (`keep`: see
    `unpack_sdist`).

    An existing repository built from the same pins is reused as it is.
    """
    digest = pins_digest(releases, project, keep)
    marker = repo / ".git" / "lsp-router-bench-pins"
    if marker.is_file() and marker.read_text().strip() == digest:
        try:
            return _git(repo, "rev-parse", "HEAD", author=author).strip(), True
        except BenchError:
            pass  # a damaged repository: build it again
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir(parents=True)
    _git(repo, "init", "--quiet", "--initial-branch=main", author=author)
    for release, tarball in zip(releases, tarballs, strict=True):
        _clear_work_tree(repo)
        unpack_sdist(tarball, repo, keep)
        _git(repo, "add", "--all", author=author)
        date = f"{release.timestamp} +0000"
        _git(repo, "commit", "--quiet", "--allow-empty", "--no-verify",
             "-m", f"{project} {release.version} (from {source}, sha256 {release.sha256[:12]})",
             "-m", f"{release.url}\nsha256 {release.sha256}\nuploaded {release.uploaded}",
             env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}, author=author)
    marker.write_text(digest + "\n")  # last: a build that stopped half way is not reused
    return _git(repo, "rev-parse", "HEAD", author=author).strip(), False


def release_stats(repo: Path) -> list[tuple[str, str]]:
    """(subject, `--shortstat` line) per commit, oldest first."""
    out = _git(repo, "log", "--reverse", "--format=%x1e%s", "--shortstat")
    stats = []
    for record in out.split("\x1e")[1:]:
        lines = [line.strip() for line in record.strip().splitlines() if line.strip()]
        stats.append((lines[0], lines[1] if len(lines) > 1 else "no changes"))
    return stats


# ---------------------------------------------------------------------------- replay


def replay_env() -> dict[str, str]:
    """This environment without provider keys: the replay can only be a dry run."""
    return {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and k not in _GIT_REPO_VARS}


def run_replay(repo: Path, commits: int, *, as_json: bool, settings: str | None = None) -> str:
    cmd = [sys.executable, "-m", "lsp_router", "replay", str(repo), "--commits", str(commits), "--dry-run"]
    if settings:
        cmd += ["--settings", settings]
    if as_json:
        cmd.append("--json")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=replay_env(), stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise BenchError(f"lsp-router replay failed: {detail}")
    return done.stdout


def _usd(value: float | None) -> str:
    from lsp_router.spend.money import format_usd

    return "unpriced" if value is None else format_usd(Decimal(str(value)))


def summary_lines(project: str, releases: Sequence[Release], data: dict) -> list[str]:
    """The `## Summary` lines, from `lsp-router replay --json`."""
    cost = data["costUsd"]
    span = f"{project} {releases[0].version}..{releases[-1].version}"
    head = (f"replay of {span} ({len(releases)} PyPI releases as {data['commits']} commits): "
            f"{data['requests']:,} requests")
    ratio = data.get("ratio")
    if ratio is None:
        head += f"; routed {_usd(cost['routed'])} vs always-frontier {_usd(cost['frontier'])} (ratio n/a)"
    else:
        saved = (cost["frontier"] - cost["routed"]) / cost["frontier"] * 100
        head += (f"; routed {_usd(cost['routed'])} vs always-frontier {_usd(cost['frontier'])} = "
                 f"{ratio:.1f}x cheaper (saves {saved:.0f}%)")
    head += f"; always-mini {_usd(cost['mini'])}"
    check = data.get("selfCheck") or {}
    if check.get("checked"):
        head += f"; check failures on the release's own text: {check['failed']} of {check['checked']}"
    tasks = ", ".join(
        f"{task} {t['requests']:,} ({', '.join(f'{n} {tier}' for tier, n in sorted(t['tiers'].items()))})"
        for task, t in data["byTask"].items()
    )
    tokens = data["tokens"]
    lines = [head, f"requests by task and tier: {tasks}; tokens in {tokens['input']:,}, out {tokens['output']:,}"]
    alt = data.get("alternative")
    if alt and alt.get("ratio") is not None:
        shares = " · ".join(f"{tier} {share:.0%}" for tier, share in alt["tierShares"].items())
        which = f"with models.nano = {alt['nano']}" if alt["nano"] else "without models.nano"
        lines.append(f"{which}: {alt['ratio']:.1f}x ({shares})")
    return lines


# ------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", metavar="DIR",
                        help="cache and history folder (default: $LSP_ROUTER_BENCH_HOME or ~/.cache/lsp-router-bench)")
    parser.add_argument("--offline", action="store_true", help="use only cached downloads")
    parser.add_argument("--settings", metavar="FILE", help="lspRouter settings JSON passed to replay")
    args = parser.parse_args(argv)
    home = bench_home(args.home)
    releases = RELEASES
    try:
        started = time.monotonic()
        tarballs = [fetch(r, home / "pypi", offline=args.offline) for r in releases]
        size = sum(t.stat().st_size for t in tarballs)
        repo = home / "history" / PROJECT
        head, reused = build_history(releases, tarballs, repo)
        prepared = time.monotonic() - started
        commits = len(releases) - 1
        table = run_replay(repo, commits, as_json=False, settings=args.settings)
        data = json.loads(run_replay(repo, commits, as_json=True, settings=args.settings))
    except BenchError as exc:
        print(f"bench_replay: {exc}", file=sys.stderr)
        return 2
    from lsp_router.replay import synth as lr

    caps = (f"{lr.MAX_COMPLETIONS_PER_COMMIT} completions, {lr.MAX_EXPLAINS_PER_COMMIT} explains, "
            f"{lr.MAX_REFACTORS_PER_COMMIT} refactors and {lr.MAX_RENAMES_PER_COMMIT} renames")
    first, last = releases[0], releases[-1]
    print(f"# {PROJECT} release history replayed (pinned PyPI sdists)")
    print(f"project: {PROJECT} (Pallets), {len(releases)} consecutive releases {first.version} .. {last.version} "
          f"({first.uploaded[:10]} .. {last.uploaded[:10]}), {size / 1e6:.1f} MB of sdists, sha256-verified")
    print(f"history: {repo}, {len(releases)} commits, HEAD {head[:12]} "
          f"({'reused' if reused else 'built'}; sdists and history ready in {prepared:.1f} s)")
    print(f"replayed: the last {commits} commits ({releases[1].version} .. {last.version}), each against the "
          f"release before; {first.version} is the base")
    print(f"caps: replay samples at most {caps} per commit, and a release bundles many commits: the dollar "
          "figures are a sample of the work, the ratio is the figure to read")
    print()
    for subject, stat in release_stats(repo):
        print(f"  {subject.split(' (')[0]:<14} {stat}")
    print()
    print(table.rstrip())
    print()
    print("## Summary")
    for line in summary_lines(PROJECT, releases, data):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
