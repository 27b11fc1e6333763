"""What routing has learned, kept across sessions (issue 14 §2; `routing.learn`).

The counts are not a second store: they are read from the spend ledger's answers (one row per
answer shown, with its features bucket, tier and outcome), so two editor windows and a restart
see the same evidence. The data dir keeps one small file beside the ledger,
`routing-learned.json`, with the moment of the last `lsp-router routing reset`: only outcomes
after it count. A file that cannot be read is reported and rebuilt (learning from every outcome
in the ledger), never a crash.

`LearnedRouting.table` is plain data for `routing.policy.classify` (the policy stays pure);
the server adds each new verdict to it as it comes in, and re-reads the ledger now and then to
pick up another window's outcomes and a reset made from the CLI.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Callable

from lsp_router import paths
from lsp_router.routing.learn import TierCounts, verdict

log = logging.getLogger(__name__)

__all__ = ["LearnedRouting", "state_path", "ACCEPTED"]

STATE_FILE = "routing-learned.json"
STATE_VERSION = 1
ACCEPTED = ("accepted", "partial")
_REFRESH_S = 30.0


def state_path() -> Path:
    return paths.data_dir() / STATE_FILE


class LearnedRouting:
    def __init__(self, ledger, path: Path | None = None, *, warn: Callable[[str], None] = log.warning,
                 clock: Callable[[], float] = time.time) -> None:
        self.ledger = ledger
        self.path = path or state_path()
        self._warn = warn
        self._clock = clock
        self.table: dict[str, dict[str, TierCounts]] = {}
        self.reset_at = 0.0
        self._state_mtime: float | None = None
        self._loaded_at = 0.0
        self.reload()

    # -- state file -----------------------------------------------------------------------

    def _read_state(self) -> None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self.reset_at, self._state_mtime = 0.0, None
            return
        except OSError as exc:
            self._warn(f"routing state {self.path}: cannot read it ({exc}); learning from every outcome")
            self.reset_at = 0.0
            return
        self._state_mtime = stat.st_mtime
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
                raise ValueError(f"expected {{\"version\": {STATE_VERSION}, \"resetAt\": ...}}")
            reset_at = state.get("resetAt", 0)
            if isinstance(reset_at, bool) or not isinstance(reset_at, (int, float)) or reset_at < 0:
                raise ValueError("resetAt must be a time in seconds")
            self.reset_at = float(reset_at)
        except (ValueError, UnicodeDecodeError) as exc:
            self._warn(f"routing state {self.path} is corrupt ({exc}); rebuilt from the ledger's outcomes")
            self.reset_at = 0.0
            self._write_state()

    def _write_state(self) -> None:
        try:
            paths.private_dir(self.path.parent)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"version": STATE_VERSION, "resetAt": self.reset_at}) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
            self._state_mtime = self.path.stat().st_mtime
        except OSError as exc:
            self._warn(f"routing state {self.path}: cannot write it ({exc})")

    # -- counts -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the reset mark and the counts since it from the ledger."""
        self._read_state()
        table: dict[str, dict[str, TierCounts]] = {}
        counts = getattr(self.ledger, "answer_counts", None)
        if counts is not None:
            try:
                for (bucket, tier), (settled, accepted) in counts(since=self.reset_at).items():
                    table.setdefault(bucket, {})[tier] = TierCounts(settled, accepted)
            except Exception as exc:  # a ledger that cannot be read: learn from this session only
                self._warn(f"routing: cannot read the outcomes in the ledger ({exc}); learning from this session")
                table = self.table
        self.table = table
        self._loaded_at = self._clock()

    def refresh(self) -> None:
        """Re-read, at most every 30 s or at once after a reset from elsewhere."""
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            mtime = None
        if mtime != self._state_mtime or self._clock() - self._loaded_at >= _REFRESH_S:
            self.reload()

    def observe(self, bucket: str, tier: str, previous: str | None, outcome: str) -> None:
        """An answer's outcome went from `previous` ("shown", a verdict or None) to `outcome`."""
        was_settled = previous not in (None, "shown")
        settled = (outcome != "shown") - was_settled
        accepted = (outcome in ACCEPTED) - (previous in ACCEPTED)
        if settled or accepted:
            tiers = self.table.setdefault(bucket, {})
            tiers[tier] = tiers.get(tier, TierCounts()).plus(settled, accepted)

    def reset(self) -> None:
        """Forget what was learned: only outcomes from now on count."""
        self.reset_at = self._clock()
        self._write_state()
        self.table = {}
        self._loaded_at = self._clock()

    # -- report -----------------------------------------------------------------------------

    def stats(self) -> list[dict]:
        """One entry per bucket: counts and rates per tier, and the learned choice."""
        rows = []
        for bucket in sorted(self.table):
            tiers = self.table[bucket]
            found = verdict(tiers)
            rows.append({
                "bucket": bucket,
                "tiers": {tier: {"settled": c.settled, "accepted": c.accepted, "acceptRate": c.rate}
                          for tier, c in sorted(tiers.items())},
                "choice": found.tier if found else "rules",
                "why": found.why if found else "not enough evidence to differ from the rules",
            })
            if "nano" in tiers:  # what the bucket's nano requests do: judged against mini
                up = verdict(tiers, "nano", "mini")
                rows[-1]["nanoChoice"] = up.tier if up else "rules"
                rows[-1]["nanoWhy"] = up.why if up else "not enough evidence to differ from the rules"
        return rows
