"""A third, OpenAI-compatible provider as a tier: its own port, its own key variable."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from decimal import Decimal

import pytest
from genai_prices import calc_price, extract_usage
from pygls.exceptions import JsonRpcException

from tests.conftest import settings_for, stdlib_file
from tests.loopback import Loopback

TEXTWRAP = stdlib_file("textwrap.py")
SELECTION = ((0, 0), (40, 0))
DEEPSEEK_KEY = "sk-deepseek-test-0123456789"


@pytest.fixture
def third():
    with Loopback(models=("deepseek-v4-flash", "qwen3-coder")) as server:
        yield server


def _deepseek(loopback, third, **extra) -> dict:
    return settings_for(
        loopback,
        models={"mini": "deepseek:deepseek-v4-flash"},
        routing={"explain": "mini", "refactor": "mini"},
        providers={"deepseek": {"baseUrl": third.openai_base_url, **extra}},
    )


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_a_preset_provider_serves_the_mini_tier_and_is_priced(start_server, loopback, third):
    session = await start_server(_deepseek(loopback, third), env={"DEEPSEEK_API_KEY": DEEPSEEK_KEY})
    uri = session.open(TEXTWRAP)
    third.reply("Explained by DeepSeek.", input_tokens=3000, cached_tokens=1000)

    result = await session.explain(uri, *SELECTION)

    assert result["markdown"] == "Explained by DeepSeek." and result["model"] == "deepseek:deepseek-v4-flash"
    assert loopback.requests == []
    (call,) = third.requests
    assert call.headers["authorization"] == f"Bearer {DEEPSEEK_KEY}"
    usage = extract_usage({"usage": call.usage}, provider_id="deepseek", api_flavor="chat").usage
    assert Decimal(str(result["costUsd"])) == calc_price(usage, "deepseek-v4-flash", provider_id="deepseek").total_price


async def test_a_custom_provider_is_unpriced_until_given_a_price(start_server, loopback, third):
    settings = settings_for(
        loopback,
        models={"mini": "corp:qwen3-coder"},
        routing={"explain": "mini"},
        providers={"corp": {"api": "openai", "baseUrl": third.openai_base_url, "apiKeyEnv": "CORP_LLM_KEY", "local": False}},
    )
    session = await start_server(settings, env={"CORP_LLM_KEY": "corp-secret-1"})
    uri = session.open(TEXTWRAP)
    third.reply("ok", input_tokens=2_000_000, output_tokens=1_000_000)
    result = await session.explain(uri, *SELECTION)
    assert result["costUsd"] is None  # unpriced, never a silent $0
    snapshot = await session.spend()
    assert snapshot["session"]["unpriced"] == 1 and snapshot["last"]["priced"] is False

    settings["prices"] = {"corp:qwen3-coder": {"inputPerMTok": 0.5, "outputPerMTok": 2}}
    from lsprotocol import types

    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"lspRouter": settings}))
    result = await session.explain(uri, (0, 0), (41, 0))
    assert result["costUsd"] == pytest.approx(0.5 * 2 + 2 * 1, rel=0, abs=1e-12)


async def test_a_local_provider_needs_no_key_and_costs_nothing(start_server, loopback, third):
    settings = settings_for(
        loopback,
        models={"mini": "ollama:qwen3-coder"},
        routing={"explain": "mini"},
        providers={"ollama": {"baseUrl": third.openai_base_url}},
    )
    session = await start_server(settings)
    uri = session.open(TEXTWRAP)
    third.reply("local answer")
    result = await session.explain(uri, *SELECTION)
    assert result["costUsd"] == 0 and result["markdown"] == "local answer"
    snapshot = await session.spend()
    assert snapshot["last"]["priced"] is True


async def test_a_missing_key_names_the_providers_variable(start_server, loopback, third):
    session = await start_server(_deepseek(loopback, third), env={"DEEPSEEK_API_KEY": ""})
    uri = session.open(TEXTWRAP)
    with pytest.raises(JsonRpcException, match="DEEPSEEK_API_KEY"):
        await session.explain(uri, *SELECTION)
    assert third.requests == []
    assert session.status_events[-1]["provider"] == "deepseek"


async def test_an_unreachable_provider_gives_a_clear_error(start_server, loopback):
    settings = settings_for(
        loopback,
        models={"mini": "deepseek:deepseek-v4-flash"},
        routing={"explain": "mini"},
        providers={"deepseek": {"baseUrl": f"http://127.0.0.1:{_closed_port()}/v1"}},
        maxRetries=0,
    )
    session = await start_server(settings, env={"DEEPSEEK_API_KEY": DEEPSEEK_KEY})
    uri = session.open(TEXTWRAP)
    with pytest.raises(JsonRpcException, match="Cannot reach deepseek"):
        await session.explain(uri, *SELECTION)
    assert "session" in await session.spend()


async def test_a_provider_that_rejects_stream_options_still_works(start_server, loopback, third, server_env):
    session = await start_server(_deepseek(loopback, third), env={"DEEPSEEK_API_KEY": DEEPSEEK_KEY})
    uri = session.open(TEXTWRAP)
    third.reply("no usage in my streams", reject_stream_options=True)

    result = await session.explain(uri, *SELECTION)
    assert result["markdown"] == "no usage in my streams"
    assert [("stream_options" in r.body, r.status) for r in third.requests] == [(True, 400), (False, 200)]
    snapshot = await session.spend()
    assert snapshot["last"]["estimated"] is True and snapshot["last"]["inputTokens"] > 0

    await session.explain(uri, (0, 0), (41, 0))  # remembered: no second rejected attempt
    assert len(third.requests) == 3


async def test_a_small_context_window_trims_the_prompt(start_server, loopback, third):
    settings = _deepseek(loopback, third, contextWindow=2048)
    session = await start_server(settings, env={"DEEPSEEK_API_KEY": DEEPSEEK_KEY})
    uri = session.open(TEXTWRAP)
    third.reply("short")
    await session.explain(uri, (0, 0), (20, 0))
    (call,) = third.requests
    assert len(call.prompt_text) < 2048 * 3
    assert "(trimmed)" in call.prompt_text


def test_doctor_checks_each_configured_provider(tmp_path, loopback, third, server_env):
    settings = _deepseek(loopback, third)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(settings))
    env = {**server_env, "DEEPSEEK_API_KEY": DEEPSEEK_KEY}
    ok = subprocess.run([sys.executable, "-m", "lsp_router", "doctor", "--settings", str(path), "--json"], env=env, capture_output=True, text=True)
    report = json.loads(ok.stdout)
    rows = {r["model"]: r for r in report["providers"]}
    assert rows["deepseek:deepseek-v4-flash"]["listed"] == "yes"
    assert rows["deepseek:deepseek-v4-flash"]["key"] == "yes"
    assert rows["deepseek:deepseek-v4-flash"]["priced"].startswith("$")
    assert rows["anthropic:claude-opus-4-7"]["reachable"] == "yes"

    env["DEEPSEEK_API_KEY"] = ""
    missing = subprocess.run([sys.executable, "-m", "lsp_router", "doctor", "--settings", str(path)], env=env, capture_output=True, text=True)
    assert missing.returncode == 1
    assert "DEEPSEEK_API_KEY" in missing.stdout


def test_doctor_without_a_key_skips_the_call_and_says_why_a_call_failed(tmp_path, server_env):
    import socket

    with socket.socket() as probe:  # a loopback port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"openai": {"baseUrl": f"http://127.0.0.1:{port}/v1"},
                                "anthropic": {"baseUrl": f"http://127.0.0.1:{port}"}}))
    env = {**server_env, "OPENAI_API_KEY": "", "ANTHROPIC_API_KEY": ""}
    doctor = [sys.executable, "-m", "lsp_router", "doctor", "--settings", str(path), "--json"]
    rows = json.loads(subprocess.run(doctor, env=env, capture_output=True, text=True).stdout)["providers"]
    assert [(r["key"], r["reachable"]) for r in rows] == [("MISSING", "not tried (no key)")] * 2
    assert not any("cannot reach" in fix for r in rows for fix in r["fixes"])

    env["OPENAI_API_KEY"] = "sk-test-doctor"
    rows = json.loads(subprocess.run(doctor, env=env, capture_output=True, text=True).stdout)["providers"]
    openai_row = next(r for r in rows if r["provider"] == "openai")
    assert openai_row["reachable"] == "no: connection refused"
    assert any(fix.startswith(f"cannot reach openai at http://127.0.0.1:{port}/v1 (connection refused): nothing listens there")
               for fix in openai_row["fixes"]), openai_row["fixes"]
