"""The replay's user errors."""

from __future__ import annotations

__all__ = ["ReplayError", "ReplayCancelled"]


class ReplayError(Exception):
    """A user error (not a repository, git missing, bad option): one line, exit status 2."""

    exit_code = 2


class ReplayCancelled(ReplayError):
    """The user said no when asked to confirm a cost: one line, exit status 1."""

    exit_code = 1
