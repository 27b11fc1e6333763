"""Routing that learns, end to end (issue 14 §1-2): the real server over stdio, providers on the
loopback, and a scripted user who accepts a ghost text only when it is what the file really
says there (the standard library's argparse.py).

Mini writes the right rest of a line it is in the middle of, but a wrong next line on an empty
line; frontier is always right. The user accepts through the item's `command` (as an LSP 3.18
client runs it) and dismisses with `lspRouter/completionOutcome`.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from decimal import Decimal

from lsprotocol import types

from lsp_router.routing.learn import features_bucket
from lsp_router.spend.ledger import SqliteLedger
from lsp_router.tasks import TaskRequest, features_for
from lsp_router.tasks.common import DocView
from tests.conftest import FRONTIER, MINI, settings_for, stdlib_file

SOURCE = stdlib_file("argparse.py")
GOOD, BAD = "autocomplete/end_of_line/l", "autocomplete/empty_line/l"
WRONG_LINE = "# TODO: handle this case"
# Both tiers priced alike, so that the 5%-of-spend bound of exploration allows as many
# explorations as the 5%-of-requests one (at list prices frontier explores about 7x less often).
SAME_PRICE = {"inputPerMTok": 1, "outputPerMTok": 4}


def _requests() -> list[tuple[str, int, int, str, str]]:
    """(kind, line, column, document text, the file's own text at the cursor), 100 of each kind."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines(True)
    good, bad = [], []
    for i, line in enumerate(lines):
        text = line.rstrip("\n")
        if not text.startswith("        ") or text.strip().startswith(("#", "@", ")", "]", "}")):
            continue
        if text.rstrip().endswith((":", "(", "[", "{", ",", "\\")):
            continue
        if " = " in text and len(text) < 70:
            column = text.index(" = ") + 3
            edited, kind, out = text[:column], GOOD, good
        else:
            column = len(text) - len(text.lstrip())
            edited, kind, out = text[:column], BAD, bad
        document = "".join(lines[:i] + [edited + "\n"] + lines[i + 1:])
        features = features_for("autocomplete", DocView("file:///a.py", document, "python", 1), TaskRequest((i, column)))
        if features_bucket(features) == kind:
            out.append((kind, i, column, document, text[column:]))
    assert len(good) >= 100 and len(bad) >= 100
    picked = random.Random(14).sample(good, 100) + random.Random(15).sample(bad, 100)
    random.Random(16).shuffle(picked)
    return picked


async def test_routing_learns_from_what_the_user_accepts(start_server, loopback, dirs):
    settings = settings_for(loopback, prices={MINI: SAME_PRICE, FRONTIER: SAME_PRICE})
    session = await start_server(settings)
    uri = session.open(SOURCE)
    shown, accepted = Counter(), Counter()
    tiers_by_kind: dict[str, list[str]] = {GOOD: [], BAD: []}

    for kind, line, column, document, truth in _requests():
        loopback.reset()
        loopback.reply(truth if kind == GOOD else WRONG_LINE, model=MINI.split(":")[1])
        loopback.reply(truth, model=FRONTIER.split(":")[1])
        session.change(uri, document)
        result = await session.inline(uri, line, column)
        (item,) = result.items
        tier = "mini" if loopback.requests[-1].model == MINI.split(":")[1] else "frontier"
        tiers_by_kind[kind].append(tier)
        shown[tier] += 1
        answer_id = item.command.arguments[0]["id"]
        assert item.command.command == "lspRouter.completionAccepted"
        if item.insert_text == truth:
            accepted[tier] += 1
            await session.command("lspRouter.completionAccepted", {"id": answer_id})
        else:
            session.client.protocol.notify("lspRouter/completionOutcome", {"id": answer_id, "outcome": "dismissed"})

    # The bad kind moved to frontier and stays there; the good kind stayed on mini.
    bad = tiers_by_kind[BAD]
    assert bad[-30:] == ["frontier"] * 30, bad
    assert tiers_by_kind[GOOD] == ["mini"] * 100
    moved_at = next(i for i in range(len(bad)) if bad[i:] == ["frontier"] * (len(bad) - i))
    assert moved_at < 70, f"the bad kind moved after {moved_at} of its 100 requests"

    # What the spend object says is what the user did.
    snapshot = (await session.spend())["session"]
    quality = snapshot["quality"]
    for tier in ("mini", "frontier"):
        assert quality["byTier"][tier]["shown"] == shown[tier]
        assert quality["byTier"][tier]["accepted"] == accepted[tier]
        assert abs(quality["byTier"][tier]["acceptRate"] - accepted[tier] / shown[tier]) < 1e-12
    assert quality["byTask"]["autocomplete"]["accepted"] == sum(accepted.values())
    mini_cost = snapshot["byTier"]["mini"]["costUsd"]
    assert abs(quality["byTier"]["mini"]["costPerAcceptedUsd"] - mini_cost / accepted["mini"]) < 1e-12

    await session.client.shutdown_session()
    with SqliteLedger(dirs["data"] / "ledger.sqlite3") as ledger:
        rows = ledger.rows()
    assert len(rows) == 200
    learned = [r for r in rows if "(learned)" in r.reason]
    explored = [r for r in rows if "(exploring)" in r.reason]
    assert learned and all(r.reason.startswith("frontier (learned): mini accepted 0% vs frontier 100% here (n=")
                           for r in learned)
    # Exploration gathered frontier's evidence in the bad kind only, within its bounds.
    assert 5 <= len(explored) <= 0.05 * len(rows)
    assert all(r.tier == "frontier" and "evidence for autocomplete/empty_line/l" in r.reason for r in explored)
    total = sum(Decimal(r.cost_usd) for r in rows)
    assert sum(Decimal(r.cost_usd) for r in explored) <= Decimal("0.05") * total

    # `lsp-router routing stats` reads the same evidence; the choice survives a restart.
    env = {"LSP_ROUTER_DATA_DIR": str(dirs["data"]), "PATH": ""}
    out = subprocess.run([sys.executable, "-m", "lsp_router", "routing", "stats", "--json"],
                         capture_output=True, text=True, env=env, check=True)
    buckets = {b["bucket"]: b for b in json.loads(out.stdout)["buckets"]}
    assert buckets[BAD]["choice"] == "frontier" and buckets[GOOD]["choice"] == "rules"
    assert buckets[BAD]["tiers"]["mini"]["accepted"] == 0
    assert buckets[GOOD]["tiers"]["mini"] == {"settled": 100, "accepted": 100, "acceptRate": 1.0}
    text = subprocess.run([sys.executable, "-m", "lsp_router", "routing", "stats"],
                          capture_output=True, text=True, env=env, check=True).stdout
    assert f"{BAD}  " in text and "frontier (learned): mini accepted 0% vs frontier 100%" in text

    again = await start_server(settings)
    kind, line, column, document, truth = next(r for r in _requests() if r[0] == BAD)
    loopback.reset()
    loopback.reply(truth)
    again.open(SOURCE, text=document)
    await again.inline(again_uri := SOURCE.resolve().as_uri(), line, column)
    assert loopback.requests[-1].model == FRONTIER.split(":")[1], "learned before the restart"
    assert again_uri

    subprocess.run([sys.executable, "-m", "lsp_router", "routing", "reset"], env=env, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-m", "lsp_router", "routing", "stats", "--json"],
                         capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout)["buckets"] == []


async def test_edits_applied_count_as_accepted_and_an_explanation_asked_again_as_dismissed(start_server, loopback):
    """Issue 14 §1: outcomes of the other tasks, as the spend object reports them."""
    from tests.conftest import target

    session = await start_server(settings_for(loopback, routing={"explain": "mini", "refactor": "mini"}))
    path = stdlib_file("textwrap.py")
    uri = session.open(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("def dedent("))
    loopback.reply("It removes the common leading whitespace.")
    first = await session.explain(uri, (start, 0), (start + 5, 0))
    await session.explain(uri, (start + 10, 0), (start + 12, 0))
    again = await session.explain(uri, (start, 0), (start + 5, 0))  # the first one again: it did not help
    assert first["answerId"] and again["answerId"] != first["answerId"]
    loopback.reset()
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("def "))
    body = lines[start:end]
    commented = [body[0], "    # the margin common to every line goes"] + body[1:]
    loopback.reply("```python\n" + "\n".join(commented) + "\n```")
    done = await session.command("lspRouter.refactor", target(uri, (start, 0), (end, 0), instruction="Add a comment"))
    assert done["applied"] is True and done["answerId"]
    quality = (await session.spend())["session"]["quality"]["byTask"]
    assert (quality["explain"]["shown"], quality["explain"]["accepted"]) == (3, 2)
    assert (quality["refactor"]["shown"], quality["refactor"]["accepted"]) == (1, 1)
