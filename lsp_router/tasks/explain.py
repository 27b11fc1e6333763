"""Explain: markdown about the selected code, streamed as it is written."""

from __future__ import annotations

from lsp_router.core import CheckResult
from lsp_router.engine import Job
from lsp_router.providers.base import ModelRequest
from lsp_router.tasks import TaskRequest
from lsp_router.tasks.common import DocView, file_context, prompt_cache_key

NAME = "explain"

SYSTEM = (
    "You explain code to the developer who is reading it in their editor. Be concrete and "
    "brief: what the selected code does, how, and anything surprising (edge cases, side "
    "effects, complexity). Use Markdown; quote identifiers in backticks."
)


def build_job(view: DocView, request: TaskRequest, features, settings=None) -> Job:
    start, end = request.start, request.end
    selection = view.text[view.offset(*start) : view.offset(*end)]
    prompt = (
        f"Explain lines {start[0] + 1}-{end[0] + 1} of this file:\n"
        f"```{view.language_id or ''}\n{selection}\n```"
    )
    model_request = ModelRequest(system=SYSTEM, context=file_context(view), prompt=prompt, max_tokens=1200,
                                 cache_key=prompt_cache_key("explain", view))
    return Job(
        task=NAME,
        uri=view.uri,
        features=features,
        request=model_request,
        cache_inputs={"context": model_request.context, "selection": selection, "start": list(start), "end": list(end)},
        reader=accept,
        on_text=request.on_text,
    )


def accept(job: Job, text: str, finish_reason: str | None) -> tuple[dict | None, CheckResult]:
    from lsp_router.routing.checks import check_explain

    return {"markdown": text}, check_explain(text, finish_reason)
