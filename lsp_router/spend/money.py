"""The one money format of every table and message (`lsp-router spend`, `lsp-router replay`,
budget messages), the same as the VS Code extension's `formatUsd`: cents from one cent up, two
significant digits below it. Exact values are in the JSON."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["format_usd"]

_CENT = Decimal("0.01")


def format_usd(value: Decimal, *, unpriced: int = 0, requests: int | None = None, mark: str = "*") -> str:
    """$12.50, $0.31, $0.0021, $0.00073; $0.00 for nothing.

    `unpriced`: how many of the summed requests had no price (they are not in `value`): the
    amount is then followed by `mark`, or is "unpriced" when they are all of `requests`.
    """
    if unpriced and requests is not None and unpriced >= requests:
        return "unpriced"
    return _dollars(Decimal(value)) + (mark if unpriced else "")


def _dollars(value: Decimal) -> str:
    if value == 0:
        return "$0.00"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value < _CENT:
        # two significant digits: 0.00210375 -> 0.0021
        step = Decimal(1).scaleb(value.adjusted() - 1)
        rounded = value.quantize(step, ROUND_HALF_UP)
        if rounded < _CENT:
            return f"{sign}${rounded:f}"
    return f"{sign}${value.quantize(_CENT, ROUND_HALF_UP):,.2f}"
