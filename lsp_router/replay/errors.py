"""The replay's user error."""

from __future__ import annotations

__all__ = ["ReplayError"]


class ReplayError(Exception):
    """A user error (not a repository, git missing, bad option): one line, exit status 2."""
