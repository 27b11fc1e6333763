"""Which `Provider` speaks which wire format: factories registered by `api`.

`ProviderConfig.api` (a settings value: "openai", "openai-responses",
"anthropic") names the wire format; `provider_for(config)` builds the provider
registered for it. The built-in formats all go through the official SDKs
(`providers/sdk.py`), imported only when the first provider is built: start-up
must not pay for the SDKs.

Another wire format is one `register(api, factory)` call, where `factory`
takes the `ProviderConfig` and returns an object with the `base.Provider`
interface.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from lsp_router.providers.base import Provider
    from lsp_router.settings import ProviderConfig

__all__ = ["ProviderFactory", "register", "provider_for", "registered_apis"]

ProviderFactory = Callable[["ProviderConfig"], "Provider"]

_factories: dict[str, ProviderFactory] = {}


def register(api: str, factory: ProviderFactory) -> None:
    """Build providers for configurations with this `api` with `factory` (replaces an earlier one)."""
    _factories[api] = factory


def registered_apis() -> tuple[str, ...]:
    return tuple(_factories)


def provider_for(config: ProviderConfig) -> Provider:
    """A new provider for `config`, from the factory registered for `config.api`."""
    factory = _factories.get(config.api)
    if factory is None:
        known = ", ".join(_factories) or "none"
        raise ValueError(f"no provider for api {config.api!r} of provider {config.name!r} (registered: {known})")
    return factory(config)


def _sdk_provider(config: ProviderConfig) -> Provider:
    from lsp_router.providers.sdk import SdkProvider  # the SDKs load on the first call, not here

    return SdkProvider(config)


for _api in ("openai", "openai-responses", "anthropic"):
    register(_api, _sdk_provider)
del _api
