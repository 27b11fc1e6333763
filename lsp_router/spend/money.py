"""The one dollar formatter of the terminal tables (`lsp-router spend`, `lsp-router replay`)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["format_usd"]


def format_usd(value: Decimal, *, unpriced: int = 0, requests: int | None = None, mark: str = "*") -> str:
    """Dollars: 2 decimals from $1, 4 below, and below a cent as many as needed (up to 10).

    `unpriced`: how many of the summed requests had no price (they are not in `value`): the
    amount is then followed by `mark`, or is "unpriced" when they are all of `requests`.
    """
    if unpriced and requests is not None and unpriced >= requests:
        return "unpriced"
    return _dollars(value) + (mark if unpriced else "")


def _dollars(value: Decimal) -> str:
    if value == 0:
        return "$0.00"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1:
        return f"{sign}${value.quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}"
    if value >= Decimal("0.01"):
        return f"{sign}${value.quantize(Decimal('0.0001'), ROUND_HALF_UP)}"
    text = f"{value.quantize(Decimal('1e-10'), ROUND_HALF_UP):.10f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    text = f"{whole}.{decimals.ljust(4, '0')}"
    return f"{sign}${text}"
