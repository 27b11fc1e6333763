"""Providers behind one small interface (`base.Provider`), one instance per configured provider.

Which class serves a configuration is up to `registry` (by its `api`).
"""

from __future__ import annotations

from typing import Mapping

from lsp_router.providers.base import MissingKey, ModelRequest, Provider, ProviderError, StreamState
from lsp_router.providers.registry import provider_for
from lsp_router.settings import ProviderConfig

__all__ = ["MissingKey", "ModelRequest", "Provider", "ProviderError", "ProviderPool", "StreamState"]


class ProviderPool:
    """Keeps one provider (and its HTTP connection pool) per configuration."""

    def __init__(self) -> None:
        self._providers: dict[str, tuple[ProviderConfig, Provider]] = {}

    def get(self, name: str, configs: Mapping[str, ProviderConfig]) -> Provider:
        config = configs[name]
        known = self._providers.get(name)
        if known is not None and known[0] == config:
            return known[1]
        provider = provider_for(config)
        self._providers[name] = (config, provider)
        return provider
