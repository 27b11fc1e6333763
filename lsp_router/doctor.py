"""`lsp-router doctor`: is each configured provider usable? Key, reachability, model, price."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path

from lsp_router.core import ModelRef, Usage
from lsp_router.settings import ProviderConfig, Settings, parse_settings


@dataclass
class Finding:
    provider: str
    model: str
    key: str = "-"
    reachable: str = "-"
    listed: str = "-"
    priced: str = "-"
    fixes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.fixes


def load_settings(path: str | None) -> tuple[Settings, list[str]]:
    if not path:
        return parse_settings({})
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return Settings(), [f"cannot read {path}: {exc}"]
    return parse_settings(raw)


async def check_provider(config: ProviderConfig, models: list[ModelRef], settings: Settings, timeout: float = 10.0) -> list[Finding]:
    from lsp_router.providers.sdk import missing_key_message, resolve_key
    from lsp_router.spend.pricing import make_pricer

    pricer = make_pricer(settings)
    findings = [Finding(config.name, str(m)) for m in models]
    key = resolve_key(config)
    for f in findings:
        f.key = "yes" if key else ("not needed" if config.local else "MISSING")
        if not key and not config.local:
            f.fixes.append(missing_key_message(config))
    listed: set[str] | None = None
    advice = ""
    where = config.base_url or "the SDK's default address"
    if not key and not config.local:
        reach = "not tried (no key)"  # a call without a key can only fail: say what to fix at once
    else:
        try:
            listed = await asyncio.wait_for(_list_models(config, key), timeout)
            reach = "yes"
        except asyncio.TimeoutError:
            reach, advice = "no: timeout", f"no answer in {timeout:.0f} s: check the address and the network (a proxy?)"
        except Exception as exc:  # any SDK error: report it, never a traceback
            status = getattr(exc, "status_code", None)
            if status in (401, 403, 404, 405):
                reach = f"yes ({status})"
            else:
                cause, advice = why_unreachable(exc, config.name)
                reach = f"no: {cause}"
            if status in (401, 403):
                for f in findings:
                    f.fixes.append(f"{config.name} rejected the key ({status}): set a valid key")
    for f, model in zip(findings, models):
        f.reachable = reach
        if advice:
            f.fixes.append(f"cannot reach {config.name} at {where} ({reach[4:]}): {advice}")
        if listed is not None:
            f.listed = "yes" if model.name in listed else "NO"
            if model.name not in listed:
                f.fixes.append(f"{config.name} does not list model {model.name!r}: check lspRouter.models.*")
        price = pricer.price(model, Usage(input_tokens=1_000_000, output_tokens=0), provider_api=config.api)
        if price.cost_usd is None:
            f.priced = "UNPRICED"
            f.fixes.append(f"no price known for {model}: add lspRouter.prices[\"{model}\"] = {{inputPerMTok, outputPerMTok}}")
        else:
            f.priced = f"${price.cost_usd:.2f}/MTok in ({price.source})"
    return findings


def why_unreachable(exc: BaseException, provider: str) -> tuple[str, str]:
    """(what failed, what to do) for a call that never got an HTTP answer, in words."""
    import socket
    import ssl

    seen: list[BaseException] = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__
    setting = f"lspRouter.providers.{provider}.baseUrl"
    for err in seen:
        if isinstance(err, socket.gaierror):
            return "DNS lookup failed", f"its host name does not resolve: check {setting} and the network's DNS"
        if isinstance(err, ConnectionRefusedError):
            return "connection refused", f"nothing listens there: is the server running, is {setting} right?"
        if isinstance(err, ssl.SSLError):
            return "TLS handshake failed", f"check http:// vs https:// in {setting}, or a proxy's certificate"
        if isinstance(err, (TimeoutError, socket.timeout)) or "Timeout" in type(err).__name__:
            return "timeout", "no answer: check the address and the network (a proxy?)"
    name = type(seen[-1]).__name__ if seen else "error"
    return f"{name}", f"check {setting} and the network"


async def _list_models(config: ProviderConfig, key: str | None) -> set[str]:
    if config.api == "anthropic":
        import anthropic

        client = anthropic.AsyncAnthropic(api_key=key or "none", base_url=config.base_url or None, max_retries=0)
    else:
        import openai

        client = openai.AsyncOpenAI(api_key=key or "none", base_url=config.base_url or None, max_retries=0)
    try:
        page = await client.models.list()
        return {model.id async for model in page}
    finally:
        await client.close()


def run_doctor(args, storage_check=None) -> int:
    """Check each configured provider; and the team storage with `storage_check` (the CLI's
    `spend.cli.storage_check`, a layer above this one) when the settings configure it."""
    settings, errors = load_settings(getattr(args, "settings", None))
    by_provider: dict[str, list[ModelRef]] = {}
    for model in (settings.model_for(tier) for tier in settings.tiers()):
        by_provider.setdefault(model.provider, []).append(model)

    # Import the SDKs before any clock starts: the import alone can take seconds.
    import anthropic  # noqa: F401
    import openai  # noqa: F401

    async def gather():
        results = await asyncio.gather(
            *(check_provider(settings.providers[name], models, settings) for name, models in by_provider.items())
        )
        return [f for group in results for f in group]

    findings = asyncio.run(gather())
    # the team's backends too, when configured: what `lsp-router storage check` says
    storage, storage_lines, storage_ok = None, [], True
    if storage_check is not None and (settings.storage.team_ledger or settings.storage.cache_url):
        storage, storage_lines, storage_ok = storage_check(args, settings)
    ready = all(f.ok for f in findings) and not errors
    if getattr(args, "json", False):
        out = {"settingsErrors": errors, "providers": [f.__dict__ | {"ok": f.ok} for f in findings]}
        if storage is not None:
            out["storage"] = storage
        print(json.dumps(out, indent=2))
    else:
        for error in errors:
            print(f"settings: {error}")
        header = ("provider", "model", "key", "reachable", "listed", "priced")
        rows = [header] + [(f.provider, f.model, f.key, f.reachable, f.listed, f.priced) for f in findings]
        widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
        for row in rows:
            print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
        for f in findings:
            for fix in f.fixes:
                print(f"fix ({f.model}): {fix}")
        if ready:
            print("all providers ready")
        if storage is not None:
            print()
            print("team storage (as `lsp-router storage check`):")
            for line in storage_lines:
                print(f"  {line}")
    return 0 if ready and storage_ok else 1
