"""`replay()`: the orchestration of a dry or a live run over a repository's last commits."""

from __future__ import annotations

import time

from lsp_router.replay.dry_run import _dry_run
from lsp_router.replay.errors import ReplayError
from lsp_router.replay.git import Git
from lsp_router.replay.live import _live
from lsp_router.replay.models import missing_keys
from lsp_router.replay.result import Progress, ReplayOptions, ReplayResult

__all__ = ["replay"]


def replay(options: ReplayOptions) -> ReplayResult:
    """Replay `options.repo`; raises ReplayError for a user error."""
    started = time.monotonic()
    if options.commits < 1:
        raise ReplayError("--commits must be at least 1")
    if options.max_requests < 1:
        raise ReplayError("--max-requests must be at least 1")
    settings = options.settings
    if options.compare and not options.live:
        raise ReplayError("--compare needs --live: it answers a sample of the requests on both tiers, "
                          "with the providers (API keys) and their costs")
    if options.live and options.dry_run:
        raise ReplayError("--live and --dry-run exclude each other")
    missing = [] if options.dry_run else missing_keys(settings)
    if options.live and missing:
        raise ReplayError(_missing_keys_message(settings, missing))
    if options.compare:
        mode = "live"
        note = (f"live --compare: a sample of the requests answered on both tiers and scored against the commits "
                f"(at most {options.max_requests} model calls, --max-requests)")
    elif options.dry_run:
        mode, note = "dry-run", "dry run: no model called; tokens from the tokenizer, output sizes from the commits"
    elif missing:
        mode = "dry-run"
        note = (f"dry run (no API key for {', '.join(missing)}): no model called; "
                "set the key(s) to replay against the providers")
    else:
        mode, note = "live", f"live: requests sent to the providers (at most {options.max_requests}, --max-requests)"
    git = Git(options.repo)
    result = ReplayResult(str(git.root), mode, note, str(settings.mini), str(settings.frontier), shallow=git.shallow,
                          nano=None if settings.nano is None else str(settings.nano))
    try:
        commits = git.commits(options.commits, options.since)
        result.commits = commits
        if not commits:
            result.notes.append(
                "no commits to replay" + (f" since {options.since}" if options.since else "") + (
                    "" if git.has_commits() else ": the repository is empty"
                )
            )
        if git.shallow and commits and not commits[0].parents:
            result.notes.append(f"shallow clone: history starts at {commits[0].sha[:10]}, replayed as a first commit")
        progress = Progress(len(commits), "commits", stream=options.stream, enabled=options.progress)
        progress.update(0)
        try:
            if commits:
                if options.compare:
                    from lsp_router.replay.compare import run_compare

                    run_compare(git, commits, options, result, progress)
                elif mode == "live":
                    _live(git, commits, options, result, progress)
                else:
                    _dry_run(git, commits, options, result, progress)
        finally:
            progress.close()
    finally:
        git.close()
    result.elapsed_s = time.monotonic() - started
    return result


def _missing_keys_message(settings, missing: list[str]) -> str:
    """--live without keys: which provider lacks one, and where it is looked for."""
    where = []
    for name in missing:
        config = settings.providers.get(name)
        env = getattr(config, "api_key_env", None)
        where.append(f"{name} (set {env})" if env else name)
    return f"--live needs an API key for {', '.join(where)}; without one, leave out --live for a dry run"
