"""Read the provider's own usage figures through genai-prices' extractor."""

from __future__ import annotations

from lsp_router.core import Usage

# genai-prices' `api_flavor` for each wire format we speak.
_FLAVOR = {"openai-chat": "chat", "openai-responses": "responses", "anthropic": "default"}
_GENAI_PROVIDER = {"openai-chat": "openai", "openai-responses": "openai", "anthropic": "anthropic"}


def usage_from_wire(raw_usage: dict, api: str) -> Usage:
    """Normalise a wire-format `usage` object (as sent by the provider) into `Usage`."""
    from genai_prices import extract_usage

    # No model in the payload: extraction depends only on the wire format, and a model
    # genai-prices does not know (a local or private one) must still have its usage read.
    extracted = extract_usage(
        {"usage": raw_usage},
        provider_id=_GENAI_PROVIDER[api],
        api_flavor=_FLAVOR[api],
    ).usage
    return Usage(
        input_tokens=int(extracted.input_tokens or 0),
        output_tokens=int(extracted.output_tokens or 0),
        cache_read_tokens=int(extracted.cache_read_tokens or 0),
        cache_write_tokens=int(extracted.cache_write_tokens or 0),
        reasoning_tokens=int(getattr(extracted, "output_reasoning_tokens", 0) or 0),
    )
