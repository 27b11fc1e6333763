"""Typed-ahead reuse for inline completion.

When the user types exactly the first characters of the ghost text that was just
shown, the rest of it is served from memory, without a new model call (as the best
completion engines do). Deleting back to the spot where it was shown brings the whole
completion back.

Cost and trade-off. A lookup must not cost O(document): it runs on every keystroke. For
each remembered completion we keep the length of the prefix it was shown after plus
its last `tail_chars` (256) and first `head_chars` (64) characters. A new prefix matches
when it is at least that long, its slice at the old cursor ends with the stored tail,
it starts with the stored head, and the text after the old cursor (the typed text) is a
start of the completion. That is O(len(typed) + 320) whatever the document size.
What it cannot see: an edit that keeps the length of the text and lies between the
first 64 and the last 256 characters before the old cursor (e.g. replacing one character
far above). The server should call `forget(uri)` when a `didChange` edits anything
other than the text at the cursor; a stale completion is otherwise at worst a
suggestion written for a slightly different context, which the user can ignore.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class _Shown:
    prefix_len: int
    head: str
    tail: str
    completion: str
    meta: dict


class TypeAhead:
    """In memory, per document, bounded: LRU over documents, a few entries each."""

    def __init__(
        self,
        max_documents: int = 64,
        per_document: int = 4,
        tail_chars: int = 256,
        head_chars: int = 64,
    ) -> None:
        if max_documents < 1 or per_document < 1 or tail_chars < 1 or head_chars < 0:
            raise ValueError("TypeAhead bounds must be positive")
        self.max_documents = max_documents
        self.per_document = per_document
        self.tail_chars = tail_chars
        self.head_chars = head_chars
        self._docs: OrderedDict[str, list[_Shown]] = OrderedDict()

    def remember(
        self, uri: str, text_before_cursor: str, completion: str, meta: dict | None = None
    ) -> None:
        """Record that `completion` was shown after `text_before_cursor` in `uri`."""
        if not completion:
            return
        n = len(text_before_cursor)
        shown = _Shown(
            prefix_len=n,
            head=text_before_cursor[: min(self.head_chars, n)],
            tail=text_before_cursor[max(0, n - self.tail_chars) :],
            completion=completion,
            meta=dict(meta) if meta else {},
        )
        entries = self._docs.get(uri)
        if entries is None:
            entries = self._docs[uri] = []
        else:
            self._docs.move_to_end(uri)
            # The same spot shown again replaces the older entry.
            entries[:] = [e for e in entries if not self._same_spot(e, shown)]
        entries.append(shown)  # newest last
        del entries[: -self.per_document]
        while len(self._docs) > self.max_documents:
            self._docs.popitem(last=False)

    def lookup(self, uri: str, text_before_cursor: str) -> tuple[str, dict] | None:
        """The rest of a shown completion the user is typing through, and its meta.

        `typed == ""` (the prefix is exactly where it was shown, e.g. after deleting back)
        returns the whole completion. Typing all of it, or a character that differs,
        returns None.
        """
        entries = self._docs.get(uri)
        if not entries:
            return None
        text = text_before_cursor
        n = len(text)
        for shown in reversed(entries):  # newest first
            start = shown.prefix_len
            if n < start or n - start >= len(shown.completion):
                continue
            if text[start - len(shown.tail) : start] != shown.tail:
                continue
            if not text.startswith(shown.head):
                continue
            typed = text[start:]
            if not shown.completion.startswith(typed):
                continue
            self._docs.move_to_end(uri)
            return shown.completion[len(typed) :], dict(shown.meta)
        return None

    def forget(self, uri: str) -> None:
        self._docs.pop(uri, None)

    def clear(self) -> None:
        self._docs.clear()

    def __len__(self) -> int:
        """Number of documents remembered."""
        return len(self._docs)

    @staticmethod
    def _same_spot(a: _Shown, b: _Shown) -> bool:
        return a.prefix_len == b.prefix_len and a.tail == b.tail and a.head == b.head
