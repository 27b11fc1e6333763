"""The provider registry: a configuration's `api` picks the factory; the SDKs load only when called."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lsp_router.providers import ProviderPool, registry
from lsp_router.settings import PRESETS, PROVIDER_APIS, ProviderConfig


def test_every_settings_api_has_a_provider():
    assert set(PROVIDER_APIS) <= set(registry.registered_apis())


def test_the_pool_builds_the_registered_provider_once_per_config(monkeypatch):
    built = []

    class Fake:
        name = "fake"
        api = "fake-wire"

        def __init__(self, config):
            built.append(config)

        async def complete(self, model, request, state, on_text=None):
            raise NotImplementedError

        async def aclose(self):
            pass

    monkeypatch.setitem(registry._factories, "fake-wire", Fake)
    configs = {"fake": ProviderConfig("fake", "fake-wire", "http://127.0.0.1:1/v1", None, local=True)}
    pool = ProviderPool()
    first = pool.get("fake", configs)
    assert isinstance(first, Fake) and pool.get("fake", configs) is first and len(built) == 1


def test_an_unknown_api_is_refused():
    with pytest.raises(ValueError, match="no provider for api 'nope'"):
        registry.provider_for(ProviderConfig("x", "nope", "http://127.0.0.1:1/v1"))


def test_building_sdk_providers_does_not_import_the_sdks():
    code = (
        "import sys\n"
        "from lsp_router.providers.registry import provider_for\n"
        "from lsp_router.settings import PRESETS\n"
        "for name in ('openai', 'anthropic'):\n"
        "    assert type(provider_for(PRESETS[name])).__name__ == 'SdkProvider'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openai', 'anthropic')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
