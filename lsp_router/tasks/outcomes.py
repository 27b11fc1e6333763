"""What became of each answer shown: ids for the client's signals, and the outcome of an
answer that got none, read from the typing that follows it (issue 14 §1).

An answer is "shown" when it is returned. Rename and refactor edits are "accepted" once applied
(a client may report "undone"); an explanation is "accepted" unless the same code is explained
again, which dismisses the earlier one. The client may say `accepted`, `partial` or
`dismissed` (`lspRouter/completionOutcome`, `lspRouter.completionAccepted`). Without a
signal, ghost text is judged by what the user types next at that document: typing its own
text out is `accepted`; a text before the cursor that no longer extends the spot where it
was shown (or that differs from it) is `dismissed`. Nothing of the code is kept beyond what
is needed to recognise the spot (as `cache/typeahead.py` does), and nothing of it is stored:
the ledger gets ids, task, tier, the features bucket and the outcome.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections import OrderedDict
from dataclasses import dataclass

from lsp_router.routing.learn import features_bucket

log = logging.getLogger(__name__)

VERDICTS = ("accepted", "partial", "dismissed", "undone")
OUTCOMES = ("shown", *VERDICTS)
_HEAD = 64
_TAIL = 256


@dataclass
class _Pending:
    uri: str
    prefix_len: int
    head: str
    tail: str
    completion: str


class Answers:
    """The answers of one server process: registered when shown, settled once."""

    def __init__(self, tracker, max_pending: int = 256, on_outcome=None) -> None:
        self.tracker = tracker
        # (bucket, tier, previous outcome or None, outcome): what routing learns from
        self.on_outcome = on_outcome
        self._outcome: dict[str, str] = {}
        self._explained: dict[tuple, str] = {}  # (uri, start, end) -> the answer id of its explanation
        self.max_pending = max_pending
        self._prefix = os.urandom(4).hex()
        self._counter = itertools.count(1)
        self._info: dict[str, tuple[str, str, str, str]] = {}  # id -> request_id, task, tier, bucket
        self._pending: OrderedDict[str, _Pending] = OrderedDict()  # ghost text without a verdict

    def shown(self, result, features, task: str) -> str:
        """A new id for an answer served from `result` (engine.JobResult), recorded as shown."""
        answer_id = f"{self._prefix}-{next(self._counter)}"
        bucket = features_bucket(features) if features is not None else f"{task}/-/-"
        self._info[answer_id] = (result.request_id, task, result.tier, bucket)
        while len(self._info) > 4 * self.max_pending:
            oldest = next(iter(self._info))
            del self._info[oldest]
            self._outcome.pop(oldest, None)
        self._record(answer_id, "shown")
        return answer_id

    def applied(self, result, features, task: str, applied: bool = True) -> str:
        """A rename or refactor edit: accepted when the client applied it (a client that
        reports an undo at once turns it into "undone" with `lspRouter/completionOutcome`)."""
        answer_id = self.shown(result, features, task)
        self.settle(answer_id, "accepted" if applied else "dismissed")
        return answer_id

    def explained(self, result, features, key: tuple) -> str:
        """An explanation: accepted unless the same code is explained again in this session,
        which turns the earlier answer into "dismissed" (a weak negative, and the only one)."""
        previous = self._explained.pop(key, None)
        if previous is not None and previous in self._info:
            self.settle(previous, "dismissed")
        answer_id = self.shown(result, features, "explain")
        self.settle(answer_id, "accepted")
        self._explained[key] = answer_id
        while len(self._explained) > self.max_pending:
            self._explained.pop(next(iter(self._explained)))
        return answer_id

    def cancelled(self, features, task: str, tier: str) -> str:
        """A request the user cancelled before its answer came: shown as far as it streamed, and
        dismissed (the call's own ledger row says what it cost)."""
        from types import SimpleNamespace

        answer_id = self.shown(SimpleNamespace(request_id="", tier=tier), features, task)
        self.settle(answer_id, "dismissed")
        return answer_id

    def watch(self, answer_id: str, uri: str, before: str, completion: str) -> None:
        """Judge ghost text `answer_id`, shown after `before` in `uri`, by the typing that follows."""
        n = len(before)
        self._pending[answer_id] = _Pending(uri, n, before[: min(_HEAD, n)], before[max(0, n - _TAIL):], completion)
        while len(self._pending) > self.max_pending:
            self._pending.popitem(last=False)  # stays "shown"

    def observe(self, uri: str, before: str) -> None:
        """A new ghost text request at `uri` with `before` the text before the cursor."""
        for answer_id, p in list(self._pending.items()):
            if p.uri != uri:
                continue
            n = len(before)
            same_spot = (n >= p.prefix_len and before.startswith(p.head)
                         and before[p.prefix_len - len(p.tail): p.prefix_len] == p.tail)
            typed = before[p.prefix_len:] if same_spot else None
            if typed is not None and typed.startswith(p.completion):
                self.settle(answer_id, "accepted", len(p.completion))
            elif typed is not None and p.completion.startswith(typed):
                continue  # being typed out (typed-ahead reuse serves the rest), or back at the spot
            else:
                self.settle(answer_id, "dismissed")

    def known(self, answer_id: str) -> bool:
        return answer_id in self._info

    def settle(self, answer_id: str, outcome: str, accepted_chars: int | None = None) -> bool:
        """Record a verdict; False for an unknown id or outcome."""
        if answer_id not in self._info or outcome not in OUTCOMES:
            return False
        if outcome == "shown":
            return True  # recorded when it was returned
        self._pending.pop(answer_id, None)
        self._record(answer_id, outcome, accepted_chars)
        return True

    def _record(self, answer_id: str, outcome: str, accepted_chars: int | None = None) -> None:
        request_id, task, tier, bucket = self._info[answer_id]
        previous = self._outcome.get(answer_id)
        self._outcome[answer_id] = outcome
        if self.on_outcome is not None and previous != outcome:
            self.on_outcome(bucket, tier, previous, outcome)
        self.tracker.record_answer(answer_id, request_id=request_id, task=task, tier=tier, bucket=bucket,
                                   outcome=outcome, accepted_chars=accepted_chars)
