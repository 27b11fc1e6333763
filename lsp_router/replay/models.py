"""The providers of the configured models that lack a key."""

from __future__ import annotations

from lsp_router.settings import Settings

__all__ = ["missing_keys"]


def missing_keys(settings: Settings) -> list[str]:
    """Providers of the configured models that need a key and have none."""
    from lsp_router.providers.sdk import resolve_key

    missing = []
    for model in (settings.model_for(tier) for tier in settings.tiers()):
        config = settings.providers.get(model.provider)
        if config is None or config.local or model.provider in missing:
            continue
        if not resolve_key(config):
            missing.append(model.provider)
    return missing
