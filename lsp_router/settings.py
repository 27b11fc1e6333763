"""The one typed settings tree, parsed and validated in one place.

The same camelCase shape arrives as `initializationOptions` and under `lspRouter` in
`workspace/didChangeConfiguration`. A wrong value is reported by its dotted name and the
field keeps its last good value, so a typo never stops the server.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping

from lsp_router.core import TASKS, ModelRef

ROUTING_MODES = ("auto", "mini", "frontier")
PROVIDER_APIS = ("openai", "openai-responses", "anthropic")

DEFAULT_MINI = "openai:gpt-5.4-mini"
DEFAULT_FRONTIER = "anthropic:claude-opus-4-7"


@dataclass(frozen=True)
class ProviderConfig:
    """How to reach one provider. `api` names the wire format the SDK speaks."""

    name: str
    api: str
    base_url: str | None = None
    api_key_env: str | None = None
    api_key: str | None = field(default=None, repr=False)
    local: bool = False
    context_window: int | None = None  # tokens; None: genai-prices' figure for the model, if any

    @property
    def needs_key(self) -> bool:
        return not self.local


# Built in, and known presets of OpenAI-compatible services. `base_url=None` lets the SDK
# apply its own default and its OPENAI_BASE_URL / ANTHROPIC_BASE_URL variables.
PRESETS: dict[str, ProviderConfig] = {
    "openai": ProviderConfig("openai", "openai", None, "OPENAI_API_KEY"),
    "anthropic": ProviderConfig("anthropic", "anthropic", None, "ANTHROPIC_API_KEY"),
    "deepseek": ProviderConfig("deepseek", "openai", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
    "fireworks": ProviderConfig(
        "fireworks", "openai", "https://api.fireworks.ai/inference/v1", "FIREWORKS_API_KEY"
    ),
    "openrouter": ProviderConfig(
        "openrouter", "openai", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"
    ),
    "ollama": ProviderConfig("ollama", "openai", "http://127.0.0.1:11434/v1", None, local=True),
    "vllm": ProviderConfig("vllm", "openai", "http://127.0.0.1:8000/v1", None, local=True),
}


def _routing_thresholds_default():
    from lsp_router.routing.policy import RoutingThresholds

    return RoutingThresholds()


def _budget_default():
    from lsp_router.spend.budget import BudgetSettings

    return BudgetSettings()


def _cache_default():
    from lsp_router.cache.store import CacheSettings

    return CacheSettings()


@dataclass(frozen=True)
class Settings:
    mini: ModelRef = field(default_factory=lambda: ModelRef.parse(DEFAULT_MINI))
    frontier: ModelRef = field(default_factory=lambda: ModelRef.parse(DEFAULT_FRONTIER))
    routing: Mapping[str, str] = field(default_factory=lambda: {t: "auto" for t in TASKS})
    # per task: "auto", "default" or an OpenAI reasoning effort (providers/reasoning.py)
    reasoning_effort: Mapping[str, str] = field(default_factory=lambda: {t: "auto" for t in TASKS})
    thresholds: Any = field(default_factory=_routing_thresholds_default)
    providers: Mapping[str, ProviderConfig] = field(default_factory=lambda: dict(PRESETS))
    budget: Any = field(default_factory=_budget_default)
    cache: Any = field(default_factory=_cache_default)
    prices: Mapping[str, Any] = field(default_factory=dict)
    debounce_ms: int = 150
    request_timeout_s: float = 60.0
    max_retries: int = 2
    refactor_instructions: tuple[str, ...] = ()

    def model_for(self, tier: str) -> ModelRef:
        return self.mini if tier == "mini" else self.frontier

    def provider(self, name: str) -> ProviderConfig:
        return self.providers[name]


class SettingsError(ValueError):
    """One wrong setting, named by its dotted path."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"lspRouter.{path}: {problem}")
        self.path = path


def _lookup(raw: Mapping, path: str) -> Any:
    """`models.mini` in a nested dict, or as a flat dotted key as some clients send it."""
    if path in raw:
        return raw[path]
    node: Any = raw
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


_MISSING = object()


def _number(path: str, value: Any, *, minimum: float = 0.0, integer: bool = False) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise SettingsError(path, f"expected a number, got {value!r}")
    if value < minimum:
        raise SettingsError(path, f"must be at least {minimum:g}, got {value!r}")
    return int(value) if integer else value


def _optional_str(path: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingsError(path, f"expected a string, got {value!r}")
    return value


def parse_settings(raw: Any, previous: Settings | None = None) -> tuple[Settings, list[str]]:
    """Validate `raw` (the `lspRouter` object) on top of `previous`.

    Returns the new settings and one message per wrong setting; each wrong field keeps
    its previous value.
    """
    base = previous or Settings()
    errors: list[str] = []
    if raw is None:
        return base, errors
    if not isinstance(raw, Mapping):
        return base, [f"lspRouter: expected an object of settings, got {type(raw).__name__}"]
    # Clients differ: some send {"lspRouter": {...}}, some the inner object.
    if "lspRouter" in raw and isinstance(raw["lspRouter"], Mapping):
        raw = raw["lspRouter"]

    changes: dict[str, Any] = {}

    def attempt(name: str, fn: Callable[[], Any]) -> None:
        try:
            changes[name] = fn()
        except SettingsError as exc:
            errors.append(str(exc))
        except ValueError as exc:
            errors.append(_name_error(name, str(exc)))

    providers = dict(base.providers)
    attempt_providers(raw, providers, errors)
    changes["providers"] = providers

    for tier in ("mini", "frontier"):
        value = _lookup(raw, f"models.{tier}")
        if value is not _MISSING and value is not None:
            attempt(tier, lambda v=value, t=tier: _model(f"models.{t}", v, providers))

    from lsp_router.providers.reasoning import CHOICES as EFFORT_CHOICES

    changes["routing"] = _per_task(raw, "routing", ROUTING_MODES, base.routing, errors)
    changes["reasoning_effort"] = _per_task(raw, "reasoningEffort", EFFORT_CHOICES, base.reasoning_effort, errors)

    _section(raw, "routing.thresholds", "thresholds", _thresholds_from, attempt)
    _section(raw, "budget", "budget", _budget_from, attempt)
    _section(raw, "cache", "cache", _cache_from, attempt)
    prices = _lookup(raw, "prices")
    if prices is not _MISSING and prices is not None:
        attempt("prices", lambda: _prices_from(prices))

    for path, name, kwargs in (
        ("autocomplete.debounceMs", "debounce_ms", {"integer": True}),
        ("requestTimeoutSec", "request_timeout_s", {"minimum": 1.0}),
        ("maxRetries", "max_retries", {"integer": True}),
    ):
        value = _lookup(raw, path)
        if value is not _MISSING and value is not None:
            attempt(name, lambda v=value, p=path, k=kwargs: _number(p, v, **k))

    instructions = _lookup(raw, "refactor.instructions")
    if instructions is not _MISSING and instructions is not None:
        attempt("refactor_instructions", lambda: _instructions(instructions))

    settings = replace(base, **changes)
    # A provider section may have become invalid for a model that was fine before.
    for tier in ("mini", "frontier"):
        model = settings.model_for(tier)
        if model.provider not in settings.providers:
            errors.append(f"lspRouter.models.{tier}: unknown provider {model.provider!r}")
            settings = replace(settings, **{tier: base.model_for(tier)})
    return settings, errors


def _per_task(raw: Mapping, section: str, choices: tuple[str, ...], previous: Mapping[str, str],
              errors: list[str]) -> dict[str, str]:
    """`<section>.<task>` for every task: one of `choices`, else the previous value and an error."""
    values = dict(previous)
    for task in TASKS:
        value = _lookup(raw, f"{section}.{task}")
        if value is _MISSING or value is None:
            continue
        if value not in choices:
            errors.append(str(SettingsError(f"{section}.{task}", f"expected one of {', '.join(choices)}, got {value!r}")))
        else:
            values[task] = value
    return values


def _name_error(name: str, message: str) -> str:
    """Section parsers say "budget.sessionUsd must be ..."; name it as the user writes it."""
    if message.startswith("lspRouter."):
        return message
    head = message.split(" ", 1)[0].rstrip(":")
    if "." in head and head.replace(".", "").replace("_", "").isalnum():
        return f"lspRouter.{message}"
    return f"lspRouter.{name}: {message}"


def _section(raw, path, name, parse, attempt) -> None:
    value = _lookup(raw, path)
    if value is _MISSING or value is None:
        return
    if not isinstance(value, Mapping):
        attempt(name, lambda: (_ for _ in ()).throw(SettingsError(path, f"expected an object, got {value!r}")))
        return
    attempt(name, lambda: parse(value))


def _thresholds_from(value):
    from lsp_router.routing.policy import RoutingThresholds

    return RoutingThresholds.from_dict(dict(value))


def _budget_from(value):
    from lsp_router.spend.budget import BudgetSettings

    return BudgetSettings.from_dict(dict(value))


def _cache_from(value):
    from lsp_router.cache.store import CacheSettings

    return CacheSettings.from_dict(dict(value))


def _prices_from(value) -> dict:
    from lsp_router.spend.pricing import PriceOverride

    if not isinstance(value, Mapping):
        raise SettingsError("prices", "expected an object keyed by provider:model")
    result = {}
    for model, spec in value.items():
        ModelRef.parse(model)
        if not isinstance(spec, Mapping):
            raise SettingsError(f"prices.{model}", "expected an object like {inputPerMTok, outputPerMTok}")
        try:
            result[model] = PriceOverride.from_dict(dict(spec))
        except ValueError as exc:
            raise SettingsError(f"prices.{model}", str(exc)) from None
    return result


def _instructions(value) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SettingsError("refactor.instructions", "expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _model(path: str, value: Any, providers: Mapping[str, ProviderConfig]) -> ModelRef:
    try:
        model = ModelRef.parse(value)
    except ValueError as exc:
        raise SettingsError(path, str(exc)) from None
    if model.provider not in providers:
        known = ", ".join(sorted(providers))
        raise SettingsError(path, f"unknown provider {model.provider!r} (known: {known})")
    return model


def attempt_providers(raw: Mapping, providers: dict[str, ProviderConfig], errors: list[str]) -> None:
    """`openai.*`, `anthropic.*` and `providers.<name>` into `providers`, in place."""
    for name in ("openai", "anthropic"):
        for key, attr in (("apiKey", "api_key"), ("baseUrl", "base_url")):
            value = _lookup(raw, f"{name}.{key}")
            if value is _MISSING:
                continue
            try:
                providers[name] = replace(providers[name], **{attr: _optional_str(f"{name}.{key}", value)})
            except SettingsError as exc:
                errors.append(str(exc))
    custom = _lookup(raw, "providers")
    if custom is _MISSING or custom is None:
        return
    if not isinstance(custom, Mapping):
        errors.append(str(SettingsError("providers", "expected an object keyed by provider name")))
        return
    for name, spec in custom.items():
        path = f"providers.{name}"
        try:
            providers[name] = _provider(name, spec, providers.get(name))
        except SettingsError as exc:
            errors.append(str(exc))


def _provider(name: str, spec: Any, known: ProviderConfig | None) -> ProviderConfig:
    path = f"providers.{name}"
    if not isinstance(spec, Mapping):
        raise SettingsError(path, "expected an object like {api, baseUrl, apiKeyEnv}")
    if not name.replace("-", "").replace("_", "").isalnum() or not name[:1].isalpha():
        raise SettingsError(path, "a provider name is letters, digits, - and _")
    api = spec.get("api", known.api if known else "openai")
    if api not in PROVIDER_APIS:
        raise SettingsError(f"{path}.api", f"expected one of {', '.join(PROVIDER_APIS)}, got {api!r}")
    base_url = _optional_str(f"{path}.baseUrl", spec.get("baseUrl", known.base_url if known else None))
    if base_url is None and known is None:
        raise SettingsError(f"{path}.baseUrl", "a new provider needs a baseUrl")
    key_env = _optional_str(f"{path}.apiKeyEnv", spec.get("apiKeyEnv", known.api_key_env if known else None))
    api_key = _optional_str(f"{path}.apiKey", spec.get("apiKey", known.api_key if known else None))
    local = spec.get("local", known.local if known else _is_loopback(base_url))
    if not isinstance(local, bool):
        raise SettingsError(f"{path}.local", f"expected true or false, got {local!r}")
    window = spec.get("contextWindow", known.context_window if known else None)
    if window is not None:
        window = _number(f"{path}.contextWindow", window, minimum=512, integer=True)
    return ProviderConfig(name, api, base_url, key_env, api_key, local, window)


def _is_loopback(url: str | None) -> bool:
    if not url:
        return False
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")
