"""The exact cost of the requests a loopback recorded, from the usage it sent, priced with
genai-prices (independently of lsp-router's own ledger code).

    python expected_cost.py recorded.json  ->  {"costUsd": ..., "requests": [...]}
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal

from genai_prices import calc_price, extract_usage

FLAVOR = {"openai-chat": ("openai", "chat"), "openai-responses": ("openai", "responses"), "anthropic": ("anthropic", "default")}


def main() -> int:
    rows = json.load(open(sys.argv[1], encoding="utf-8"))
    total = Decimal(0)
    out = []
    for r in rows:
        if r["api"] not in FLAVOR or not r.get("usage") or r.get("status") != 200:
            continue
        provider, flavor = FLAVOR[r["api"]]
        usage = extract_usage({"usage": r["usage"]}, provider_id=provider, api_flavor=flavor).usage
        price = calc_price(usage, r["model"], provider_id=provider)
        total += Decimal(str(price.total_price))
        out.append({"api": r["api"], "model": r["model"], "costUsd": float(price.total_price),
                    "inputTokens": usage.input_tokens, "outputTokens": usage.output_tokens})
    print(json.dumps({"costUsd": float(total), "requests": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
