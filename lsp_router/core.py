"""Plain types shared by every layer: tasks, tiers, model names, usage, completions and check verdicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# cheapest first: `static` needs no model ($0), `nano` is optional (models.nano)
TIERS: tuple[str, ...] = ("static", "nano", "mini", "frontier")
TASKS: tuple[str, ...] = ("autocomplete", "rename", "explain", "refactor")

_MODEL_RE = re.compile(r"^(?P<provider>[a-z][a-z0-9_-]*):(?P<name>\S+)$")


@dataclass(frozen=True)
class ModelRef:
    """A model named as `provider:model`, e.g. `openai:gpt-5.4-mini`."""

    provider: str
    name: str

    @classmethod
    def parse(cls, text: str) -> "ModelRef":
        match = _MODEL_RE.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise ValueError(
                f"{text!r} is not a model name of the form provider:model "
                "(e.g. openai:gpt-5.4-mini, anthropic:claude-opus-4-7)"
            )
        return cls(match["provider"], match["name"])

    def __str__(self) -> str:
        return f"{self.provider}:{self.name}"


# The ledger's model column for an answer no model gave (tier static): no provider, no price.
STATIC_MODEL = ModelRef("lsp-router", "static")


@dataclass
class Usage:
    """Token usage as the provider reported it, normalised to genai-prices' meaning.

    `input_tokens` counts every input token, including cache reads and cache writes
    (OpenAI's `prompt_tokens` already do; Anthropic's `input_tokens` do not, so the
    normaliser adds them). `estimated` marks figures we counted ourselves because
    the provider never sent usage (a cancelled or cut stream).
    """

    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    reasoning_tokens: int = 0
    estimated: bool = False


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer: a failed check escalates once."""

    ok: bool
    reason: str = "ok"  # short and human, e.g. "completion repeats the text after the cursor"


@dataclass
class Completion:
    """What one upstream call produced."""

    text: str
    model: ModelRef
    usage: Usage
    api: str  # wire format: "openai-chat" | "openai-responses" | "anthropic"
    finish_reason: str | None = None
    latency_ms: float = 0.0
    raw_usage: dict = field(default_factory=dict)
