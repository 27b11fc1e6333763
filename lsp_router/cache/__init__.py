"""The result cache: a persistent `ResultCache` (diskcache by default), in-flight
de-duplication and typed-ahead reuse for inline completion.

Importing this package is cheap: diskcache is imported only when a cache is opened.
"""

from lsp_router.cache.inflight import Inflight
from lsp_router.cache.store import (
    CachedResult,
    CacheSettings,
    DiskResultCache,
    NullCache,
    ResultCache,
    make_key,
    open_cache,
)
from lsp_router.cache.typeahead import TypeAhead

__all__ = [
    "CachedResult",
    "CacheSettings",
    "DiskResultCache",
    "Inflight",
    "NullCache",
    "ResultCache",
    "TypeAhead",
    "make_key",
    "open_cache",
]
