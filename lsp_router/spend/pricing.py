"""What one upstream call costs, in exact USD (`decimal.Decimal`).

Prices come from the `genai-prices` package, with per-model overrides from settings for
private deployments. A model nobody priced is *unpriced* (`cost_usd is None`), never $0;
a local runtime (ollama, vllm) costs $0 with source "local".

Cached input is priced once, at the cached rate: `Usage.input_tokens` counts every input
token including cache reads and writes (see `lsp_router.core.Usage`), and genai-prices
splits that total into uncached input, cache reads and cache writes before pricing. The
same split is used for overrides.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from lsp_router.core import ModelRef, Usage
from lsp_router.settings import PriceOverride
from lsp_router.tokens import count_tokens

log = logging.getLogger(__name__)

__all__ = [
    "PriceOverride",
    "Price",
    "Pricer",
    "estimated_usage",
    "PRICE_SOURCES",
]

PRICE_SOURCES = ("genai-prices", "override", "local", "unpriced")

@dataclass(frozen=True)
class Price:
    """The cost of one call. `cost_usd` is None exactly when `source == "unpriced"`."""

    cost_usd: Decimal | None
    source: str  # "genai-prices" | "override" | "local" | "unpriced"

    @property
    def priced(self) -> bool:
        return self.cost_usd is not None


UNPRICED = Price(None, "unpriced")
_MISS = object()


def _genai_usage(usage: Usage) -> Any:
    from genai_prices import Usage as GenaiUsage

    # Reasoning tokens are part of output_tokens on every API we speak; not added again.
    return GenaiUsage(
        input_tokens=int(usage.input_tokens),
        output_tokens=int(usage.output_tokens),
        cache_read_tokens=int(usage.cache_read_tokens),
        cache_write_tokens=int(usage.cache_write_tokens),
    )


def _genai_total(model_price: Any, input_tokens=0, output_tokens=0, cache_read_tokens=0, cache_write_tokens=0) -> Decimal:
    from genai_prices import Usage as GenaiUsage

    usage = GenaiUsage(input_tokens=input_tokens, output_tokens=output_tokens,
                       cache_read_tokens=cache_read_tokens, cache_write_tokens=cache_write_tokens)
    return model_price.calc_price(usage)["total_price"]


class _LinearPrice:
    """A model price as per-token rates, taken from genai-prices itself.

    genai-prices works out a price's units again on every call: ~0.25 ms, twice per
    request (the call, and what frontier would have cost) before the reply. Up to its
    first tier (a tier applies to every token once the input passes its start), a price is
    linear in the four token counts, so `base + sum(count * rate)` in Decimal is exactly
    genai-prices's total. The rates are checked against genai-prices on sample usages;
    a price that disagrees, and any usage past the first tier, is priced by genai-prices.
    """

    SAMPLES = ((1_234, 56, 0, 0), (98_765, 4_321, 65_432, 1_234), (17, 3, 0, 5), (150_000, 0, 150_000, 0))

    def __init__(self, model_price: Any) -> None:
        from genai_prices.types import TieredPrices

        self.model_price = model_price  # kept: the cache is keyed by its id()
        starts = [tier.start for value in vars(model_price).values() if isinstance(value, TieredPrices)
                  for tier in value.tiers]
        self.input_limit = min(starts, default=None)
        self.rates: tuple[Decimal, ...] | None = None
        try:
            total = functools.partial(_genai_total, model_price)
            base = total()
            rate_in = total(1) - base
            rates = (base, rate_in, total(0, 1) - base, total(1, 0, 1) - base - rate_in, total(1, 0, 0, 1) - base - rate_in)
            samples = [s for s in self.SAMPLES if self.applies(*s)]
            if all(self._apply(rates, *sample) == total(*sample) for sample in samples):
                self.rates = rates
        except (ValueError, ArithmeticError, TypeError, KeyError):
            pass

    def applies(self, input_tokens: int, output_tokens: int, cache_read: int, cache_write: int) -> bool:
        return (
            min(input_tokens, output_tokens, cache_read, cache_write) >= 0
            and cache_read + cache_write <= input_tokens
            and (self.input_limit is None or input_tokens <= self.input_limit)
        )

    @staticmethod
    def _apply(rates, input_tokens: int, output_tokens: int, cache_read: int, cache_write: int) -> Decimal:
        base, rate_in, rate_out, rate_read, rate_write = rates
        return base + input_tokens * rate_in + output_tokens * rate_out + cache_read * rate_read + cache_write * rate_write

    def total(self, usage: Usage) -> Decimal:
        counts = (int(usage.input_tokens), int(usage.output_tokens), int(usage.cache_read_tokens),
                  int(usage.cache_write_tokens))
        if self.rates is not None and self.applies(*counts):
            return self._apply(self.rates, *counts)
        return self.model_price.calc_price(_genai_usage(usage))["total_price"]


class Pricer:
    """Prices calls. Cheap per call after the first lookup of each model (memoised)."""

    def __init__(
        self,
        overrides: Mapping[str, PriceOverride] | None = None,
        local_providers: Iterable[str] = ("ollama", "vllm"),
    ) -> None:
        self._overrides: dict[str, PriceOverride] = {}
        for key, override in (overrides or {}).items():
            ref = ModelRef.parse(key)  # ValueError for a key that is not provider:model
            self._overrides[str(ref)] = override
        self._local = frozenset(p.strip().lower() for p in local_providers)
        # (provider, model name) -> (genai Provider, ModelInfo) or _MISS
        self._lookup: dict[tuple[str, str], Any] = {}
        self._override_prices: dict[str, Any] = {}
        self._linear: dict[int, _LinearPrice] = {}  # id(genai ModelPrice) -> its rates
        self._lock = threading.Lock()

    @property
    def overrides(self) -> Mapping[str, PriceOverride]:
        return dict(self._overrides)

    def _find(self, model: ModelRef) -> Any:
        key = (model.provider, model.name)
        found = self._lookup.get(key)
        if found is not None:
            return found
        from genai_prices import data_snapshot

        try:
            found = data_snapshot.get_snapshot().find_provider_model(model.name, None, model.provider, None)
        except LookupError:
            found = _MISS
        with self._lock:
            self._lookup[key] = found
        return found

    def _linear_price(self, model_price: Any) -> _LinearPrice:
        linear = self._linear.get(id(model_price))
        if linear is None or linear.model_price is not model_price:
            linear = self._linear[id(model_price)] = _LinearPrice(model_price)
        return linear

    def is_local(self, model: ModelRef) -> bool:
        return model.provider.lower() in self._local

    def price(self, model: ModelRef, usage: Usage, provider_api: str = "openai") -> Price:
        """Price one call. `provider_api` (the wire format) does not change the price: the
        usage is already normalised; it is kept for callers and future per-API variants."""
        key = str(model)
        override = self._overrides.get(key)
        try:
            if override is not None:
                model_price = self._override_prices.get(key)
                if model_price is None:
                    model_price = self._override_prices[key] = override._model_price()
                return Price(self._linear_price(model_price).total(usage), "override")
            if self.is_local(model):
                return Price(Decimal(0), "local")
            found = self._find(model)
            if found is _MISS:
                return UNPRICED
            _provider, info = found
            # what `info.calc_price(usage, provider)` prices with (no request-specific context)
            model_price = info.get_prices(datetime.now(timezone.utc))
            return Price(self._linear_price(model_price).total(usage), "genai-prices")
        except (ValueError, ArithmeticError) as exc:  # inconsistent usage figures
            log.warning("cannot price %s for %r: %s", key, usage, exc)
            return UNPRICED

    def estimate(self, model: ModelRef, input_tokens: int, output_tokens: int) -> Decimal | None:
        """Pre-flight estimate (no cache discount assumed); None when the model is unpriced."""
        usage = Usage(input_tokens=max(0, int(input_tokens)), output_tokens=max(0, int(output_tokens)))
        return self.price(model, usage).cost_usd


def estimated_usage(prompt: str, generated: str) -> Usage:
    """Usage of a call the provider never reported (a cancelled or cut stream), counted here."""
    return Usage(input_tokens=count_tokens(prompt), output_tokens=count_tokens(generated), estimated=True)


def make_pricer(settings) -> Pricer:
    """The pricer for `settings`: their price overrides, and their local providers at $0."""
    local = tuple(name for name, config in settings.providers.items() if config.local)
    return Pricer(settings.prices, local_providers=local)
