"""Read-only git plumbing: the commits, each commit's patch and the blobs, through `git` subprocesses."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lsp_router.replay.errors import ReplayError
from lsp_router.replay.files import MAX_FILE_BYTES
from lsp_router.replay.patch import FileChange, parse_patch

__all__ = ["Commit", "Git"]


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    time: int  # committer time, unix seconds
    subject: str


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    # Read only: no index refresh, no pager, no prompt, no lazy fetch of a partial clone's blobs.
    env.update(GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0", GIT_NO_LAZY_FETCH="1", GIT_PAGER="cat")
    return env


class Git:
    """Read-only access to one repository through `git` subprocesses."""

    def __init__(self, path: str | os.PathLike):
        self.requested = Path(path).expanduser()
        if not self.requested.exists():
            raise ReplayError(f"{path}: no such file or directory")
        if not self.requested.is_dir():
            raise ReplayError(f"{path} is not a directory (give the path of a git repository)")
        self.cwd = self.requested.resolve()
        self._batch: subprocess.Popen | None = None
        probe = self._run("rev-parse", "--is-bare-repository", "--is-shallow-repository", "--git-dir", check=False)
        if probe.returncode != 0:
            detail = probe.stderr.decode("utf-8", "replace").strip().splitlines()
            cause = detail[-1].removeprefix("fatal: ") if detail else ""
            # git's own words say the same thing again unless something else went wrong
            said_twice = not cause or cause.startswith("not a git repository")
            raise ReplayError(f"{path} is not a git repository" + ("" if said_twice else f" ({cause})"))
        bare, shallow, _ = (probe.stdout.decode("utf-8", "replace").splitlines() + ["", "", ""])[:3]
        self.bare = bare.strip() == "true"
        self.shallow = shallow.strip() == "true"
        self.root = self.cwd
        self.prefix = ""
        if not self.bare:
            top = self._run("rev-parse", "--show-toplevel", "--show-prefix", check=False)
            if top.returncode == 0:
                parts = top.stdout.decode("utf-8", "replace").splitlines()
                if parts:
                    self.root = Path(parts[0])
                self.prefix = parts[1] if len(parts) > 1 else ""

    # -- plumbing --------------------------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        try:
            done = subprocess.run(
                ["git", "-C", str(self.cwd), "--no-pager", "-c", "core.quotepath=on", *args],
                capture_output=True, env=_git_env(), stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError:
            raise ReplayError("git is not installed (or not on PATH): replay reads history with git") from None
        if check and done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ReplayError(f"git {args[0]} failed in {self.cwd}: {detail[-1] if detail else done.returncode}")
        return done

    def _pathspec(self) -> list[str]:
        return ["--", "."] if self.prefix else []

    # -- history ---------------------------------------------------------------------------

    def has_commits(self) -> bool:
        return self._run("rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False).returncode == 0

    def commits(self, count: int, since: str | None = None) -> list[Commit]:
        """The last `count` non-merge commits reachable from HEAD, oldest first."""
        if not self.has_commits():
            return []
        args = ["-c", "i18n.logOutputEncoding=UTF-8", "log", "--no-merges", "--no-show-signature",
                "--format=%H%x1f%P%x1f%ct%x1f%s%x1e", f"--max-count={count}"]
        if since:
            if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", since):
                since = since.strip() + " 00:00:00"  # the whole day (git alone keeps today's time of day)
            args.append(f"--since={since}")
        out = self._run(*args, "HEAD", *self._pathspec()).stdout.decode("utf-8", "replace")
        found = []
        for record in out.split("\x1e"):
            record = record.strip("\n")
            if not record:
                continue
            sha, parents, ts, subject = (record.split("\x1f") + ["", "", "", ""])[:4]
            found.append(Commit(sha, tuple(parents.split()), int(ts or 0), subject.strip()))
        found.reverse()
        return found

    def changes(self, commit: Commit) -> list[FileChange]:
        out = self._run(
            "show", "--format=", "--patch", "-U0", "-M", "--full-index", "--no-color", "--no-ext-diff",
            "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules", commit.sha,
            *self._pathspec(),
        ).stdout
        return parse_patch(out)

    def blob(self, sha: str | None, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, int | None]:
        """(bytes, size) of a blob; (None, size) when larger than `limit`; (None, None) when
        missing (a shallow or partial clone)."""
        if not sha:
            return None, None
        if self._batch is None or self._batch.poll() is not None:
            try:
                self._batch = subprocess.Popen(
                    ["git", "-C", str(self.cwd), "cat-file", "--batch"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_git_env(),
                )
            except FileNotFoundError:
                raise ReplayError("git is not installed (or not on PATH)") from None
        proc = self._batch
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(sha.encode() + b"\n")
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) != 3:  # "<sha> missing" (or a broken pipe)
            return None, None
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)  # the newline after the contents
        return (data if size <= limit else None), size

    def close(self) -> None:
        if self._batch is not None:
            try:
                if self._batch.stdin:
                    self._batch.stdin.close()
                self._batch.wait(timeout=5)
            except Exception:  # noqa: BLE001 - closing must not mask the result
                self._batch.kill()
            self._batch = None
