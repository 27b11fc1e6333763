"""The one typed settings tree, parsed and validated in one place.

The same camelCase shape arrives as `initializationOptions` and under `lspRouter` in
`workspace/didChangeConfiguration`. A wrong value is reported by its dotted name and the
field keeps its last good value, so a typo never stops the server.

Every section's type lives here (`RoutingThresholds`, `BudgetSettings`, `CacheSettings`,
`StorageSettings`, `TeamSettings`, `PriceOverride`, `ProviderConfig`), validated by one set of validators (`number`,
`usd`, `boolean`, `choice`); the modules that use a section import its type from here,
never the reverse. `settings_schema()` describes every setting for the editor clients
(tests/test_settings_schema.py checks the VS Code manifest, its forwarded keys and the
README against it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterator, Mapping

from lsp_router.core import TASKS, ModelRef

ROUTING_MODES = ("auto", "nano", "mini", "frontier")
PROVIDER_APIS = ("openai", "openai-responses", "anthropic")
# What the OpenAI APIs accept (`reasoning_effort` in chat completions, `reasoning.effort`
# in responses); a model may take only some of them, and says which in its 400.
REASONING_EFFORTS = ("none", "minimal", "low", "medium", "high", "xhigh", "max")
# `auto`: decided in providers/reasoning.py; `default`: send nothing, the model's own default.
REASONING_CHOICES = ("auto", "default", *REASONING_EFFORTS)

DEFAULT_MINI = "openai:gpt-5.4-mini"
DEFAULT_FRONTIER = "anthropic:claude-opus-4-7"
# what the replay's "with models.nano" figure assumes when none is set
DEFAULT_NANO = "openai:gpt-5.4-nano"


class SettingsError(ValueError):
    """One wrong setting, named by its dotted path."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"lspRouter.{path}: {problem}")
        self.path = path


# --------------------------------------------------------------------------- validators
# The one set of validators every section uses; each raises SettingsError naming `path`.


def number(path: str, value: Any, *, minimum: float = 0.0, positive: bool = False, integer: bool = False,
           whole: bool = False, unit: str = "", hint: str = "") -> Any:
    """A finite number (never a bool) of at least `minimum` (above 0 with `positive`).

    `integer` truncates to an int; `whole` refuses a fraction and returns an int.
    """
    of = f" of {unit}" if unit else ""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise SettingsError(path, f"expected a number{of}, got {value!r}")
    if positive and value <= 0:
        raise SettingsError(path, f"must be a positive number{of}, got {value!r}{hint}")
    if value < minimum:
        problem = "must not be negative" if minimum == 0 else f"must be at least {minimum:g}"
        raise SettingsError(path, f"{problem}, got {value!r}{hint}")
    if whole:
        if isinstance(value, float) and not value.is_integer():
            raise SettingsError(path, f"expected a whole number, got {value!r}")
        return int(value)
    return int(value) if integer else value


def usd(path: str, value: Any, *, unit: str = "USD", nullable: bool = False) -> Decimal | None:
    """An exact, finite, non-negative amount of money: a number or a numeric string."""
    null = " or null" if nullable else ""
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise SettingsError(path, f"expected a number of {unit}{null}, got {value!r}")
    try:
        # str() first: Decimal(0.1) would carry the float's binary noise into every cost.
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise SettingsError(path, f"expected a number of {unit}{null}, got {value!r}") from None
    if not amount.is_finite() or amount < 0:
        raise SettingsError(path, f"must be a non-negative number of {unit}{null}, got {value!r}")
    return amount


def boolean(path: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(path, f"expected true or false, got {value!r}")
    return value


def choice(path: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise SettingsError(path, f"expected one of {', '.join(choices)}, got {value!r}")
    return value


def secret(path: str, value: Any) -> str | None:
    """A password or key: a string, "" or null for none. A wrong value is named by its type
    only: the error message must not echo what may be a secret."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingsError(path, f"expected a string (a password), got {_type_name(value)}")
    return value


def optional_str(path: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingsError(path, f"expected a string, got {value!r}")
    return value


def _section_items(path: str, d: Any, known: Mapping[str, Any], *, snake_case: bool = False) -> Iterator[tuple[str, Any]]:
    """The (key, value) pairs of a section object; an unknown key (a typo) is an error."""
    if not isinstance(d, Mapping):
        raise SettingsError(path, f"expected an object, got {_type_name(d)}")
    aliases = set(known.values()) if snake_case else set()
    for key, value in d.items():
        if key not in known and key not in aliases:
            raise SettingsError(f"{path}.{key}", f"unknown setting (known: {', '.join(known)})")
        yield key, value


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


# --------------------------------------------------------------------------- sections


def _doc(text: str) -> dict:
    return {"doc": text}


@dataclass(frozen=True)
class RoutingThresholds:
    """Thresholds of the `auto` classifier (settings `routing.thresholds.<camelCaseKey>`).

    Every "max" is inclusive: a value above it is what sends a request to
    frontier. Counts are ints, `budgetNearFactor` is a float >= 1.
    """

    autocomplete_block_max_methods: int = field(default=8, metadata=_doc(
        "autocompleteBlockMaxMethods: an empty-body (write a block) completion inside a class with "
        "more methods than this goes frontier."))
    autocomplete_block_max_context_tokens: int = field(default=2000, metadata=_doc(
        "autocompleteBlockMaxContextTokens: an empty-body completion whose enclosing top-level class "
        "or function is larger than this (tokens, chars/4) goes frontier."))
    rename_max_occurrences: int = field(default=80, metadata=_doc(
        "renameMaxOccurrences: any rename with more occurrences than this goes frontier, even a local."))
    rename_module_max_occurrences: int = field(default=8, metadata=_doc(
        "renameModuleMaxOccurrences: a module-level (not exported) name with more occurrences than "
        "this goes frontier."))
    rename_shared_max_occurrences: int = field(default=2, metadata=_doc(
        "renameSharedMaxOccurrences: an exported name or an attribute/method (other files may use it) "
        "with more occurrences than this goes frontier."))
    rename_max_functions: int = field(default=4, metadata=_doc(
        "renameMaxFunctions: a non-local rename whose occurrences span more functions than this goes "
        "frontier."))
    explain_max_lines: int = field(default=80, metadata=_doc(
        "explainMaxLines: explaining more lines than this goes frontier."))
    explain_complex_min_lines: int = field(default=30, metadata=_doc(
        "explainComplexMinLines: from this many lines on, deep nesting or many branches "
        "(explainMaxDepth, explainMaxBranches) also send an explanation to frontier."))
    explain_max_depth: int = field(default=5, metadata=_doc(
        "explainMaxDepth: block nesting (the function itself counts 1) above this makes code of at "
        "least explainComplexMinLines lines frontier work."))
    explain_max_branches: int = field(default=20, metadata=_doc(
        "explainMaxBranches: more decision points than this makes code of at least "
        "explainComplexMinLines lines frontier work."))
    explain_max_classes: int = field(default=1, metadata=_doc(
        "explainMaxClasses: explaining more classes than this at once goes frontier."))
    refactor_max_lines: int = field(default=40, metadata=_doc(
        "refactorMaxLines: a simplify/other refactor of more lines than this goes frontier."))
    refactor_easy_max_lines: int = field(default=150, metadata=_doc(
        "refactorEasyMaxLines: a docstring/type-hints/rename refactor of more lines than this goes "
        "frontier."))
    refactor_hard_max_lines: int = field(default=25, metadata=_doc(
        "refactorHardMaxLines: an async/extract/restructure refactor of more lines than this goes "
        "frontier."))
    refactor_max_depth: int = field(default=5, metadata=_doc(
        "refactorMaxDepth: block nesting above this makes any non-trivial refactor (not docstring/"
        "type hints/rename) frontier work."))
    refactor_max_branches: int = field(default=12, metadata=_doc(
        "refactorMaxBranches: more decision points than this makes any non-trivial refactor frontier "
        "work."))
    refactor_max_functions: int = field(default=3, metadata=_doc(
        "refactorMaxFunctions: a non-trivial refactor touching more functions than this goes "
        "frontier."))
    refactor_max_classes: int = field(default=1, metadata=_doc(
        "refactorMaxClasses: a refactor touching more classes than this goes frontier."))
    refactor_max_instruction_chars: int = field(default=240, metadata=_doc(
        "refactorMaxInstructionChars: an instruction longer than this (a detailed specification) "
        "goes frontier."))
    refactor_max_parse_errors: int = field(default=0, metadata=_doc(
        "refactorMaxParseErrors: a selection with more syntax errors than this goes frontier."))
    nano_explain_max_lines: int = field(default=12, metadata=_doc(
        "nanoExplainMaxLines: with models.nano set, explaining at most this many lines of shallow code "
        "(nesting depth 2 at most, one function at most) goes nano."))
    budget_near_factor: float = field(default=2.0, metadata=_doc(
        "budgetNearFactor: when a budget is near its cap, every size threshold above is multiplied by "
        "this, so only clearly hard work still goes frontier."))

    @staticmethod
    def keys() -> dict[str, str]:
        """camelCase setting key -> field name."""
        return {_camel(f.name): f.name for f in fields(RoutingThresholds)}

    @staticmethod
    def describe() -> dict[str, str]:
        """camelCase key -> documentation, for settings docs and errors."""
        return {_camel(f.name): f.metadata.get("doc", "") for f in fields(RoutingThresholds)}

    @classmethod
    def from_dict(cls, d: dict | None) -> "RoutingThresholds":
        """Thresholds from the camelCase settings object `routing.thresholds`.

        Missing keys keep their defaults. Raises SettingsError (a ValueError) naming
        the key for an unknown key or a negative / non-numeric value.
        """
        if d is None:
            return cls()
        path = "routing.thresholds"
        names = cls.keys()
        values = {}
        for key, value in _section_items(path, d, names, snake_case=True):
            name = names.get(key, key)
            camel = _camel(name)
            if name == "budget_near_factor":
                values[name] = float(number(f"{path}.{camel}", value, minimum=1))
            else:
                values[name] = number(f"{path}.{camel}", value, whole=True)
        return cls(**values)

    def to_dict(self) -> dict:
        """camelCase settings object (the inverse of from_dict)."""
        return {_camel(f.name): getattr(self, f.name) for f in fields(self)}

    def scaled(self, factor: float) -> "RoutingThresholds":
        """Every size threshold multiplied by `factor` (budget near its cap)."""
        if factor == 1:
            return self
        changes = {}
        for f in fields(self):
            if f.name in ("budget_near_factor", "refactor_max_parse_errors"):
                continue
            changes[f.name] = int(math.ceil(getattr(self, f.name) * factor))
        return replace(self, **changes)


RoutingThresholds.__doc__ = (RoutingThresholds.__doc__ or "") + "\n    Settings (default in brackets):\n\n" + "\n".join(
    f"    * {f.metadata['doc'].split(': ', 1)[0]} [{f.default}]: {f.metadata['doc'].split(': ', 1)[1]}"
    for f in fields(RoutingThresholds)
) + "\n"


@dataclass(frozen=True)
class BudgetSettings:
    """`budget.*`: spending caps in USD (None: no cap) and whether a cap stops paid calls.

    `budget.team.dailyUsd`, `budget.team.monthlyUsd` and `budget.user.dailyUsd` count the
    team ledger (`storage.ledger` a PostgreSQL URL): every machine's spend, the team's or
    this `team.user`'s. Without a team ledger they are not enforced (and reported so)."""

    session_usd: Decimal | None = None
    daily_usd: Decimal | None = None
    hard_stop: bool = False
    team_daily_usd: Decimal | None = None
    team_monthly_usd: Decimal | None = None
    user_daily_usd: Decimal | None = None

    _KEYS = {"sessionUsd": "session_usd", "dailyUsd": "daily_usd", "hardStop": "hard_stop",
             "team.dailyUsd": "team_daily_usd", "team.monthlyUsd": "team_monthly_usd",
             "user.dailyUsd": "user_daily_usd"}
    _NESTED = {"team": ("dailyUsd", "monthlyUsd"), "user": ("dailyUsd",)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "BudgetSettings":
        """From the `budget` settings object (camelCase keys); SettingsError naming the setting."""
        if d is None:
            return cls()
        values: dict[str, Any] = {}
        flat: list[tuple[str, Any]] = []
        known = {**cls._KEYS, **{k: k for k in cls._NESTED}}
        for key, value in _section_items("budget", d, known):
            if key in cls._NESTED:
                if value is None:
                    continue
                inner = {k: f"{key}.{k}" for k in cls._NESTED[key]}
                flat.extend((f"{key}.{k}", v) for k, v in _section_items(f"budget.{key}", value, inner))
            else:
                flat.append((key, value))
        for key, value in flat:
            if key == "hardStop":
                values["hard_stop"] = False if value is None else boolean("budget.hardStop", value)
            else:
                values[cls._KEYS[key]] = usd(f"budget.{key}", value, nullable=True)
        return cls(**values)

    @property
    def team_caps(self) -> bool:
        """Whether any cap counts the team ledger."""
        return any(v is not None for v in (self.team_daily_usd, self.team_monthly_usd, self.user_daily_usd))


LEDGER_SQLITE = "sqlite"
_PG_SCHEMES = ("postgresql", "postgres")


def redact_url(url: str) -> str:
    """`url` with its password (if any) replaced by ***: for every message and log line."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"{user}:***@{host}" + (f":{port}" if port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def ledger_choice(path: str, value: Any) -> str:
    """`sqlite` or a `postgresql://` / `postgres://` URL with a host or a socket directory."""
    from urllib.parse import parse_qs, urlsplit

    if not isinstance(value, str) or not value.strip():
        raise SettingsError(path, f"expected \"sqlite\" or a postgresql:// URL, got {value!r}")
    value = value.strip()
    if value == LEDGER_SQLITE:
        return value
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError as exc:
        raise SettingsError(path, f"not a valid URL ({exc}): {redact_url(value)}") from None
    if parts.scheme not in _PG_SCHEMES:
        raise SettingsError(path, f"expected \"sqlite\" or a postgresql://user@host/db URL, got {redact_url(value)!r}")
    if not parts.hostname and "host" not in parse_qs(parts.query):
        raise SettingsError(path, f"the URL names no host: {redact_url(value)}")
    if not parts.path.strip("/"):
        raise SettingsError(path, f"the URL names no database (postgresql://user@host/DBNAME): {redact_url(value)}")
    return value


@dataclass(frozen=True)
class TeamSettings:
    """`team.*`: who this user is in the team ledger (`user`: "" is the workspace's git
    user.email, else the OS user; see spend/team.py), the team's name, and the time zone
    its days and months are counted in (`timeZone`: an IANA name such as "UTC" or
    "Europe/Berlin"; "" is each machine's own, which splits a team across zones)."""

    user: str = ""
    name: str = ""
    time_zone: str = ""

    _KEYS = {"user": "user", "name": "name", "timeZone": "time_zone"}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "TeamSettings":
        if d is None:
            return cls()
        values: dict[str, Any] = {}
        for key, value in _section_items("team", d, cls._KEYS):
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise SettingsError(f"team.{key}", f"expected a string, got {value!r}")
            if len(value) > 200:
                raise SettingsError(f"team.{key}", "at most 200 characters")
            value = value.strip()
            if key == "timeZone" and value:
                _check_time_zone(value)
            values[cls._KEYS[key]] = value
        return cls(**values)

    def zone(self):
        """The `tzinfo` of `timeZone`, or None for the machine's own."""
        if not self.time_zone:
            return None
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.time_zone)


def _check_time_zone(value: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError("team.timeZone", f"not a time zone: {value!r} (an IANA name such as \"UTC\" or "
                                             "\"Europe/Berlin\"; empty for this machine's own)") from None


@dataclass(frozen=True)
class CacheSettings:
    """`cache.*` settings. Sizes are MiB, ages are days (fractions allowed)."""

    enabled: bool = True
    max_size_mb: float = 256
    ttl_days: float = 14
    shared: bool = False  # cache.shared: also use the team's shared level (storage.cache = redis://...)

    _KEYS = {"enabled": "enabled", "maxSizeMb": "max_size_mb", "ttlDays": "ttl_days", "shared": "shared"}
    _UNITS = {"maxSizeMb": "megabytes", "ttlDays": "days"}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "CacheSettings":
        """Parse the camelCase `cache` settings object; missing keys keep their defaults.

        Raises SettingsError naming the setting (`cache.maxSizeMb`, ...) for a bad value
        or an unknown key (a typo like `maxSizeMB` should not be silently ignored).
        """
        if d is None:
            return cls()
        values: dict[str, Any] = {}
        for key, value in _section_items("cache", d, cls._KEYS):
            if key in ("enabled", "shared"):
                values[key] = boolean(f"cache.{key}", value)
            else:
                values[cls._KEYS[key]] = float(number(
                    f"cache.{key}", value, positive=True, unit=cls._UNITS[key],
                    hint=" (to turn the cache off set cache.enabled to false)"))
        return cls(**values)

    @property
    def max_size_bytes(self) -> int:
        return int(self.max_size_mb * 1024 * 1024)

    @property
    def ttl_seconds(self) -> float:
        return self.ttl_days * 86400.0


REDIS_SCHEMES = ("redis", "rediss")


def redis_url(path: str, value: Any) -> str:
    """A `redis://` or `rediss://` URL with a host (a password in it is never echoed back)."""
    from urllib.parse import urlsplit

    from lsp_router.redis_client import redact_url

    if not isinstance(value, str):
        raise SettingsError(path, f"expected \"disk\" or a redis:// URL, got {_type_name(value)}")
    shown = redact_url(value)
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        raise SettingsError(path, f"not a valid URL: {shown!r}") from None
    if parts.scheme not in REDIS_SCHEMES:
        raise SettingsError(path, f"expected \"disk\" or a redis:// or rediss:// URL, got {shown!r}")
    if not parts.hostname:
        raise SettingsError(path, f"the URL names no host: {shown!r}")
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise SettingsError(path, f"the database in the URL must be a number, got {shown!r}")
    if port == 0:
        raise SettingsError(path, f"port 0 in {shown!r}")
    return value.strip()


@dataclass(frozen=True)
class StorageSettings:
    """`storage.*`: where what is kept lives.

    `ledger`: `sqlite` (the local file) or a PostgreSQL URL, the team ledger (rows still go
    to the local file first: the spool). The URL's password, or PGPASSWORD /
    LSP_ROUTER_PG_PASSWORD, is never logged.
    `cache`: `disk` (the local cache only) or a `redis://`/`rediss://` URL for the team's
    shared cache level (used with `cache.shared`).
    `ledgerPassword` / `cachePassword`: the passwords for those URLs when the URL has none,
    handed over by an editor from its secret store (VS Code's SecretStorage), like API keys;
    they come before LSP_ROUTER_PG_PASSWORD / LSP_ROUTER_REDIS_PASSWORD. Never shown."""

    ledger: str = LEDGER_SQLITE
    cache: str = "disk"
    ledger_password: str | None = field(default=None, repr=False)
    cache_password: str | None = field(default=None, repr=False)

    _KEYS = {"ledger": "ledger", "cache": "cache", "ledgerPassword": "ledger_password",
             "cachePassword": "cache_password"}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> "StorageSettings":
        if d is None:
            return cls()
        values: dict[str, Any] = {}
        for key, value in _section_items("storage", d, cls._KEYS):
            if key == "ledger":
                values["ledger"] = LEDGER_SQLITE if value is None else ledger_choice("storage.ledger", value)
            elif key == "cache":
                values["cache"] = "disk" if value in (None, "", "disk") else redis_url("storage.cache", value)
            else:
                values[cls._KEYS[key]] = secret(f"storage.{key}", value)
        return cls(**values)

    @property
    def team_ledger(self) -> str | None:
        """The PostgreSQL URL, or None for the local ledger only."""
        return None if self.ledger == LEDGER_SQLITE else self.ledger

    @property
    def cache_url(self) -> str | None:
        """The Redis URL of the shared cache, None for `disk`."""
        return None if self.cache == "disk" else self.cache

    def __repr__(self) -> str:  # never a password in a log line
        given = [key for key in ("ledgerPassword", "cachePassword") if getattr(self, self._KEYS[key])]
        passwords = f", passwords set: {', '.join(given)}" if given else ""
        return f"StorageSettings(ledger={redact_url(self.ledger)!r}, cache={redact_url(self.cache)!r}{passwords})"


@dataclass(frozen=True)
class PriceOverride:
    """A price set in settings (`prices["provider:model"]`), in USD per million tokens.

    Cache rates default to the input rate when not given (a deployment without
    prompt-cache discounts bills cached tokens as ordinary input).
    """

    input_mtok: Decimal
    output_mtok: Decimal
    cache_read_mtok: Decimal | None = None
    cache_write_mtok: Decimal | None = None

    _KEYS = {
        "inputPerMTok": "input_mtok",
        "outputPerMTok": "output_mtok",
        "cacheReadPerMTok": "cache_read_mtok",
        "cacheWritePerMTok": "cache_write_mtok",
    }
    _REQUIRED = ("inputPerMTok", "outputPerMTok")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], path: str = "prices") -> "PriceOverride":
        """From one camelCase price object; `path` names it in errors (`prices.<model>`)."""
        values: dict[str, Any] = {}
        for key, value in _section_items(path, d, cls._KEYS):
            if value is not None:
                values[cls._KEYS[key]] = usd(f"{path}.{key}", value, unit="USD per million tokens")
        for key in cls._REQUIRED:
            if cls._KEYS[key] not in values:
                raise SettingsError(f"{path}.{key}", "is required in a price override (USD per million tokens)")
        return cls(**values)

    def _model_price(self) -> Any:
        """This price as a genai-prices `ModelPrice` (imported only when a price is needed)."""
        from genai_prices.types import ModelPrice

        prices = {"input_mtok": self.input_mtok, "output_mtok": self.output_mtok}
        if self.cache_read_mtok is not None:
            prices["cache_read_mtok"] = self.cache_read_mtok
        if self.cache_write_mtok is not None:
            prices["cache_write_mtok"] = self.cache_write_mtok
        return ModelPrice(**prices)


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


@dataclass(frozen=True)
class RenameSettings:
    """`rename.*`: what a rename does besides the identifiers."""

    # rename.updateMentions: a model also updates mentions of the name in comments, docstrings
    # and strings, shown as a separate part of the edit that the user confirms
    update_mentions: bool = True


@dataclass(frozen=True)
class Settings:
    mini: ModelRef = field(default_factory=lambda: ModelRef.parse(DEFAULT_MINI))
    frontier: ModelRef = field(default_factory=lambda: ModelRef.parse(DEFAULT_FRONTIER))
    nano: ModelRef | None = None  # models.nano: optional; unset, no request goes to a nano tier
    routing: Mapping[str, str] = field(default_factory=lambda: {t: "auto" for t in TASKS})
    learn: bool = True  # routing.learn: route by what users accept (routing/learn.py)
    # per task: one of REASONING_CHOICES (see providers/reasoning.py)
    reasoning_effort: Mapping[str, str] = field(default_factory=lambda: {t: "auto" for t in TASKS})
    thresholds: RoutingThresholds = field(default_factory=RoutingThresholds)
    providers: Mapping[str, ProviderConfig] = field(default_factory=lambda: dict(PRESETS))
    budget: BudgetSettings = field(default_factory=BudgetSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    team: TeamSettings = field(default_factory=TeamSettings)
    prices: Mapping[str, PriceOverride] = field(default_factory=dict)
    debounce_ms: int = 150
    request_timeout_s: float = 60.0
    max_retries: int = 2
    refactor_instructions: tuple[str, ...] = ()
    rename: RenameSettings = field(default_factory=RenameSettings)

    def model_for(self, tier: str) -> ModelRef:
        if tier == "nano" and self.nano is not None:
            return self.nano
        return self.mini if tier in ("mini", "nano") else self.frontier

    def tiers(self) -> tuple[str, ...]:
        """The model tiers configured, cheapest first."""
        return ("nano", "mini", "frontier") if self.nano is not None else ("mini", "frontier")

    def provider(self, name: str) -> ProviderConfig:
        return self.providers[name]


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


# top-level numbers: setting -> (Settings field, number() options)
_NUMBERS: dict[str, tuple[str, dict[str, Any]]] = {
    "autocomplete.debounceMs": ("debounce_ms", {"integer": True}),
    "requestTimeoutSec": ("request_timeout_s", {"minimum": 1.0}),
    "maxRetries": ("max_retries", {"integer": True}),
}


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
    nano = _lookup(raw, "models.nano")
    if nano is not _MISSING:
        # "" or null unsets it (the VS Code default is "")
        attempt("nano", lambda: None if nano in (None, "") else _model("models.nano", nano, providers))

    changes["routing"] = _per_task(raw, "routing", ROUTING_MODES, base.routing, errors)
    learn = _lookup(raw, "routing.learn")
    if learn is not _MISSING and learn is not None:
        attempt("learn", lambda: boolean("routing.learn", learn))
    changes["reasoning_effort"] = _per_task(raw, "reasoningEffort", REASONING_CHOICES, base.reasoning_effort, errors)

    _section(raw, "routing.thresholds", "thresholds", RoutingThresholds.from_dict, attempt)
    _section(raw, "budget", "budget", BudgetSettings.from_dict, attempt)
    _section(raw, "cache", "cache", CacheSettings.from_dict, attempt)
    _section(raw, "storage", "storage", StorageSettings.from_dict, attempt)
    _section(raw, "team", "team", TeamSettings.from_dict, attempt)
    prices = _lookup(raw, "prices")
    if prices is not _MISSING and prices is not None:
        attempt("prices", lambda: _prices_from(prices))

    for path, (name, kwargs) in _NUMBERS.items():
        value = _lookup(raw, path)
        if value is not _MISSING and value is not None:
            attempt(name, lambda v=value, p=path, k=kwargs: number(p, v, **k))

    instructions = _lookup(raw, "refactor.instructions")
    if instructions is not _MISSING and instructions is not None:
        attempt("refactor_instructions", lambda: _instructions(instructions))
    mentions = _lookup(raw, "rename.updateMentions")
    if mentions is not _MISSING and mentions is not None:
        attempt("rename", lambda: RenameSettings(update_mentions=boolean("rename.updateMentions", mentions)))

    settings = replace(base, **changes)
    # A provider section may have become invalid for a model that was fine before.
    for tier in ("mini", "frontier"):
        model = settings.model_for(tier)
        if model.provider not in settings.providers:
            errors.append(f"lspRouter.models.{tier}: unknown provider {model.provider!r}")
            settings = replace(settings, **{tier: base.model_for(tier)})
    if settings.nano is not None and settings.nano.provider not in settings.providers:
        errors.append(f"lspRouter.models.nano: unknown provider {settings.nano.provider!r}")
        settings = replace(settings, nano=None)
    if settings.nano is None:
        settings = _without_nano_pins(settings, errors)
    if settings.cache.shared and settings.storage.cache_url is None and (
            "cache" in changes or "storage" in changes):
        errors.append("lspRouter.cache.shared: needs storage.cache to be a redis:// URL; the cache stays local")
    if settings.storage.team_ledger is None and isinstance(_lookup(raw, "budget"), Mapping):
        for key in ("team.dailyUsd", "team.monthlyUsd", "user.dailyUsd"):
            if _lookup(raw, f"budget.{key}") not in (_MISSING, None):
                errors.append(f"lspRouter.budget.{key}: counts the team ledger, and storage.ledger is sqlite; "
                              "not enforced until storage.ledger is a postgresql:// URL")
    return settings, errors


def _without_nano_pins(settings: Settings, errors: list[str]) -> Settings:
    """`routing.<task> = nano` needs `models.nano`; without it the task is routed by `auto`."""
    pinned = [task for task, mode in settings.routing.items() if mode == "nano"]
    for task in pinned:
        errors.append(f"lspRouter.routing.{task}: nano needs models.nano to be set; using auto")
    if not pinned:
        return settings
    return replace(settings, routing={t: "auto" if m == "nano" else m for t, m in settings.routing.items()})


def _per_task(raw: Mapping, section: str, choices: tuple[str, ...], previous: Mapping[str, str],
              errors: list[str]) -> dict[str, str]:
    """`<section>.<task>` for every task: one of `choices`, else the previous value and an error."""
    values = dict(previous)
    for task in TASKS:
        value = _lookup(raw, f"{section}.{task}")
        if value is _MISSING or value is None:
            continue
        try:
            values[task] = choice(f"{section}.{task}", value, choices)
        except SettingsError as exc:
            errors.append(str(exc))
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


def _prices_from(value) -> dict[str, PriceOverride]:
    if not isinstance(value, Mapping):
        raise SettingsError("prices", "expected an object keyed by provider:model")
    result = {}
    for model, spec in value.items():
        ModelRef.parse(model)
        if not isinstance(spec, Mapping):
            raise SettingsError(f"prices.{model}", "expected an object like {inputPerMTok, outputPerMTok}")
        result[model] = PriceOverride.from_dict(spec, f"prices.{model}")
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
                providers[name] = replace(providers[name], **{attr: optional_str(f"{name}.{key}", value)})
            except SettingsError as exc:
                errors.append(str(exc))
    custom = _lookup(raw, "providers")
    if custom is _MISSING or custom is None:
        return
    if not isinstance(custom, Mapping):
        errors.append(str(SettingsError("providers", "expected an object keyed by provider name")))
        return
    for name, spec in custom.items():
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
    api = choice(f"{path}.api", spec.get("api", known.api if known else "openai"), PROVIDER_APIS)
    base_url = optional_str(f"{path}.baseUrl", spec.get("baseUrl", known.base_url if known else None))
    if base_url is None and known is None:
        raise SettingsError(f"{path}.baseUrl", "a new provider needs a baseUrl")
    key_env = optional_str(f"{path}.apiKeyEnv", spec.get("apiKeyEnv", known.api_key_env if known else None))
    api_key = optional_str(f"{path}.apiKey", spec.get("apiKey", known.api_key if known else None))
    local = boolean(f"{path}.local", spec.get("local", known.local if known else _is_loopback(base_url)))
    window = spec.get("contextWindow", known.context_window if known else None)
    if window is not None:
        window = number(f"{path}.contextWindow", window, minimum=512, integer=True)
    return ProviderConfig(name, api, base_url, key_env, api_key, local, window)


def _is_loopback(url: str | None) -> bool:
    if not url:
        return False
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


# --------------------------------------------------------------------------- schema


def settings_schema() -> dict[str, dict[str, Any]]:
    """Every setting by its dotted name, as a JSON-schema fragment (`type`, `default`,
    `enum`, `minimum`/`exclusiveMinimum`, object `properties`), derived from the types above.

    `"client": False` marks the settings an editor client does not contribute (API keys:
    VS Code keeps them in Secret Storage and hands them over itself). Built on demand for
    tests and tools; the server never needs it.
    """
    defaults = Settings()
    schema: dict[str, dict[str, Any]] = {
        "models.mini": {"type": "string", "default": DEFAULT_MINI},
        "models.frontier": {"type": "string", "default": DEFAULT_FRONTIER},
        "models.nano": {"type": "string", "default": ""},
    }
    for task in TASKS:
        schema[f"routing.{task}"] = {"type": "string", "enum": list(ROUTING_MODES), "default": defaults.routing[task]}
    schema["routing.learn"] = {"type": "boolean", "default": defaults.learn}
    for key, name in RoutingThresholds.keys().items():
        value = getattr(defaults.thresholds, name)
        schema[f"routing.thresholds.{key}"] = {
            "type": "number" if isinstance(value, float) else "integer",
            "default": value,
            "minimum": 1 if name == "budget_near_factor" else 0,
        }
    for provider in ("openai", "anthropic"):
        schema[f"{provider}.baseUrl"] = {"type": "string", "default": ""}
        schema[f"{provider}.apiKey"] = {"type": "string", "default": "", "client": False}
    schema["providers"] = {"type": "object", "default": {}, "additionalProperties": {"type": "object", "properties": {
        "api": {"type": "string", "enum": list(PROVIDER_APIS)},
        "baseUrl": {"type": "string"},
        "apiKeyEnv": {"type": "string"},
        "apiKey": {"type": "string", "client": False},
        "local": {"type": "boolean"},
        "contextWindow": {"type": "integer", "minimum": 512},
    }}}
    for key, name in BudgetSettings._KEYS.items():
        value = getattr(defaults.budget, name)
        kind: Any = "boolean" if isinstance(value, bool) else ["number", "null"]
        schema[f"budget.{key}"] = {"type": kind, "default": value, **({} if kind == "boolean" else {"minimum": 0})}
    schema["storage.ledger"] = {"type": "string", "default": defaults.storage.ledger}
    for key in ("ledgerPassword", "cachePassword"):  # VS Code: from Secret Storage, never settings.json
        schema[f"storage.{key}"] = {"type": "string", "default": "", "client": False}
    for key, name in TeamSettings._KEYS.items():
        schema[f"team.{key}"] = {"type": "string", "default": getattr(defaults.team, name)}
    for key, name in CacheSettings._KEYS.items():
        value = getattr(defaults.cache, name)
        if isinstance(value, bool):
            schema[f"cache.{key}"] = {"type": "boolean", "default": value}
        else:
            schema[f"cache.{key}"] = {"type": "number", "default": value, "exclusiveMinimum": 0}
    schema["storage.cache"] = {"type": "string", "default": defaults.storage.cache}
    schema["prices"] = {"type": "object", "default": {}, "additionalProperties": {
        "type": "object",
        "properties": {key: {"type": ["number", "string"], "minimum": 0} for key in PriceOverride._KEYS},
        "required": list(PriceOverride._REQUIRED),
    }}
    for path, (name, options) in _NUMBERS.items():
        schema[path] = {
            "type": "integer" if options.get("integer") else "number",
            "default": getattr(defaults, name),
            "minimum": options.get("minimum", 0),
        }
    schema["refactor.instructions"] = {"type": "array", "items": {"type": "string"}, "default": []}
    schema["rename.updateMentions"] = {"type": "boolean", "default": defaults.rename.update_mentions}
    for task in TASKS:
        schema[f"reasoningEffort.{task}"] = {
            "type": "string", "enum": list(REASONING_CHOICES), "default": defaults.reasoning_effort[task],
        }
    return schema
