"""The editor tasks, registered by name, each behind one signature.

A task module (`autocomplete`, `rename`, `explain`, `refactor`) is a `Task`: its
`build_job(view, request, features, settings)` turns an editor request into the engine's
`Job` (the prompt, the cache inputs, what it needs to read an answer), and its
`accept(job, text, finish_reason)` reads a model's text into the task's answer and checks
it. The server and the replay both go through `build` here, so a request is built the same
way in both. Modules load on first use: start-up imports none of them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from lsp_router.core import CheckResult
    from lsp_router.engine import Job
    from lsp_router.providers.base import OnText
    from lsp_router.settings import Settings
    from lsp_router.tasks.common import DocView

NAMES = ("autocomplete", "rename", "explain", "refactor")


@dataclass(frozen=True)
class TaskRequest:
    """What the editor asked for, in code points: a position, or a range, and the task's extras."""

    start: tuple[int, int]
    end: tuple[int, int] | None = None
    new_name: str | None = None  # rename
    instruction: str | None = None  # refactor
    on_text: "OnText | None" = None  # explain: partial text as it streams


class Task(Protocol):
    NAME: str

    def build_job(self, view: "DocView", request: TaskRequest, features, settings: "Settings") -> "Job | None": ...

    def accept(self, job: "Job", text: str, finish_reason: str | None) -> "tuple[dict | None, CheckResult]": ...


_loaded: dict[str, Task] = {}


def get_task(name: str) -> Task:
    task = _loaded.get(name)
    if task is None:
        if name not in NAMES:
            raise KeyError(f"no task {name!r}; the tasks are {', '.join(NAMES)}")
        task = _loaded[name] = importlib.import_module(f"{__name__}.{name}")  # type: ignore[assignment]
    return task


def features_for(task: str, view: "DocView", request: TaskRequest):
    """The classifier's reading of the request (`routing.features.RequestFeatures`)."""
    from lsp_router.routing.features import extract_features

    return extract_features(task, view.text, language=view.language, start=request.start, end=request.end,
                            instruction=request.instruction, path=view.path)


def build(task: str, view: "DocView", request: TaskRequest, settings: "Settings"):
    """(features, job) for one request, as the engine routes it; job is None when there is nothing to do."""
    features = features_for(task, view, request)
    return features, get_task(task).build_job(view, request, features, settings)
