"""The ledger's answers table (issue 14 §1): schema 2, migration of a schema-1 file, outcomes."""

from __future__ import annotations

import sqlite3
import time
from decimal import Decimal

import pytest

from lsp_router.spend import ledger as ledger_module
from lsp_router.spend.ledger import AnswerOutcome, LedgerError, SqliteLedger

from .test_spend_ledger import make_row

# The schema-1 DDL as it shipped (calls only), written by hand so the test does not depend on
# the current module's statements.
_SCHEMA_1 = """
CREATE TABLE calls (
    request_id VARCHAR(200) PRIMARY KEY, ts DOUBLE PRECISION NOT NULL, session VARCHAR(200) NOT NULL,
    workspace TEXT NOT NULL, task VARCHAR(40) NOT NULL, tier VARCHAR(40) NOT NULL,
    model VARCHAR(300) NOT NULL, provider VARCHAR(100) NOT NULL, input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL, cache_read_tokens BIGINT NOT NULL, cache_write_tokens BIGINT NOT NULL,
    reasoning_tokens BIGINT NOT NULL, cost_usd TEXT, saved_usd TEXT NOT NULL, priced INTEGER NOT NULL,
    price_source VARCHAR(40) NOT NULL, latency_ms DOUBLE PRECISION NOT NULL, outcome VARCHAR(20) NOT NULL,
    cache_hit INTEGER NOT NULL, estimated INTEGER NOT NULL, reason TEXT NOT NULL, error TEXT NOT NULL
);
"""


def answer(answer_id: str, outcome: str, **kw) -> AnswerOutcome:
    values = dict(
        answer_id=answer_id, request_id="r1", ts=time.time(), session="s1", task="autocomplete",
        tier="mini", bucket="autocomplete/end_of_line/xs", outcome=outcome,
    )
    values.update(kw)
    return AnswerOutcome(**values)


def test_schema_version_is_3():
    assert ledger_module.SCHEMA_VERSION == 3  # 3: the team ledger's spool (team_outbox)


def test_a_schema_1_ledger_migrates_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA_1)
    conn.execute(
        "INSERT INTO calls VALUES ('old-1', 1.0, 's0', '/w', 'autocomplete', 'mini', 'openai:m', 'openai',"
        " 10, 2, 0, 0, 0, '0.0001', '0', 1, 'genai-prices', 5.0, 'ok', 0, 0, '', '')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    with SqliteLedger(path) as ledger:
        assert [r.request_id for r in ledger.rows()] == ["old-1"]
        assert ledger.total_cost() == Decimal("0.0001")
        assert ledger.answers() == []
        ledger.record_answer(answer("a1", "shown", request_id="old-1"))
        assert [a.answer_id for a in ledger.answers()] == ["a1"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM team_outbox").fetchone()[0] == 0
    conn.close()
    with SqliteLedger(path) as again:  # reopening a migrated file changes nothing
        assert [a.request_id for a in again.answers()] == ["old-1"]


def test_outcome_replaces_shown_and_shown_never_undoes_it(tmp_path):
    with SqliteLedger(tmp_path / "l.sqlite3") as ledger:
        ledger.append(make_row("r1", Decimal("0.001")))
        ledger.record_answer(answer("a1", "shown"))
        ledger.record_answer(answer("a2", "shown"))
        ledger.record_answer(answer("a1", "partial", accepted_chars=3))
        ledger.record_answer(answer("a1", "shown"))
        ledger.record_answer(answer("a2", "dismissed"))
        got = {a.answer_id: (a.outcome, a.accepted_chars) for a in ledger.answers()}
        assert got == {"a1": ("partial", 3), "a2": ("dismissed", None)}
        assert ledger.answers(session="other") == []


def test_unknown_outcome_is_refused(tmp_path):
    with SqliteLedger(tmp_path / "l.sqlite3") as ledger:
        with pytest.raises(LedgerError, match="unknown answer outcome"):
            ledger.record_answer(answer("a1", "loved"))


def test_memory_ledger_has_the_answers_table():
    with SqliteLedger(":memory:") as ledger:
        ledger.record_answer(answer("a1", "accepted"))
        assert ledger.answers()[0].outcome == "accepted"
