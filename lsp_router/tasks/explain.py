"""Explain: markdown about the selected code, streamed as it is written."""

from __future__ import annotations

from lsp_router.engine import Check, Job
from lsp_router.providers.base import ModelRequest, OnText
from lsp_router.tasks.common import DocView, file_context, prompt_cache_key

SYSTEM = (
    "You explain code to the developer who is reading it in their editor. Be concrete and "
    "brief: what the selected code does, how, and anything surprising (edge cases, side "
    "effects, complexity). Use Markdown; quote identifiers in backticks."
)


def build_job(view: DocView, start: tuple[int, int], end: tuple[int, int], features, on_text: OnText | None) -> Job:
    selection = view.text[view.offset(*start) : view.offset(*end)]
    prompt = (
        f"Explain lines {start[0] + 1}-{end[0] + 1} of this file:\n"
        f"```{view.language_id or ''}\n{selection}\n```"
    )
    request = ModelRequest(system=SYSTEM, context=file_context(view), prompt=prompt, max_tokens=1200, cache_key=prompt_cache_key("explain", view))

    def accept(text: str, finish_reason: str | None):
        from lsp_router.routing.checks import check_explain

        result = check_explain(text, finish_reason)
        return {"markdown": text}, Check(result.ok, result.reason)

    return Job(
        task="explain",
        uri=view.uri,
        features=features,
        request=request,
        cache_inputs={"context": request.context, "selection": selection, "start": list(start), "end": list(end)},
        accept=accept,
        on_text=on_text,
    )
