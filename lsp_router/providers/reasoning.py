"""How hard an OpenAI reasoning model thinks before it answers, per task.

A reasoning model's output limit covers its reasoning too. With its default effort
(`medium` for the gpt-5 models before gpt-5.1 and for the o-series) ghost text's 192
tokens go to thinking, the answer comes back empty, and every completion escalates.
`auto` asks those models for the least effort they accept on ghost text and renames and
for `low` on explanations and refactors; every other model (gpt-5.1 and later default to
`none`, compatible servers may not know the field) gets no field at all.
"""

from __future__ import annotations

import re

from lsp_router.core import ModelRef
from lsp_router.settings import REASONING_CHOICES as CHOICES, REASONING_EFFORTS as EFFORTS  # noqa: F401  (the setting's values)

_DATE = r"(?:-\d{4}-\d{2}-\d{2})?"
# gpt-5, gpt-5-mini, gpt-5-nano: `minimal` is their least; `none` came with gpt-5.1
_GPT5 = re.compile(rf"^gpt-5(?:-mini|-nano)?{_DATE}$")
# the o-series models that take an effort: low, medium (their default), high
_O_SERIES = re.compile(rf"^(?:o1|o3|o3-mini|o4-mini){_DATE}$")
_SHORT_ANSWERS = ("autocomplete", "rename")


def effort_for(task: str, model: ModelRef, api: str, choice: str) -> str | None:
    """The effort to send for `task` on `model` (spoken to with `api`), or None for none."""
    if api not in ("openai", "openai-responses") or choice == "default":
        return None
    if choice != "auto":
        return choice
    if model.provider != "openai":  # a compatible server's model names are its own
        return None
    if _GPT5.match(model.name):
        return "minimal" if task in _SHORT_ANSWERS else "low"
    if _O_SERIES.match(model.name):
        return "low"
    return None


def spent_on_reasoning(text: str, finish_reason: str | None, reasoning_tokens: int) -> bool:
    """The answer is empty because the output limit went to reasoning."""
    return not text.strip() and reasoning_tokens > 0 and finish_reason in ("length", "max_tokens", "max_output_tokens")
