"""The configured models' pricer, and the providers that lack a key."""

from __future__ import annotations

from lsp_router.settings import Settings

__all__ = ["make_pricer", "missing_keys"]


def make_pricer(settings: Settings):
    from lsp_router.spend.pricing import Pricer

    local = tuple(name for name, config in settings.providers.items() if config.local)
    return Pricer(settings.prices, local_providers=local)


def missing_keys(settings: Settings) -> list[str]:
    """Providers of the configured models that need a key and have none."""
    from lsp_router.providers.sdk import resolve_key

    missing = []
    for model in (settings.mini, settings.frontier):
        config = settings.providers.get(model.provider)
        if config is None or config.local or model.provider in missing:
            continue
        if not resolve_key(config):
            missing.append(model.provider)
    return missing
