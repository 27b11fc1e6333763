"""The typed settings tree: one set of validators for every section, and settings as the lowest layer."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from lsp_router.settings import (
    BudgetSettings,
    CacheSettings,
    PriceOverride,
    RoutingThresholds,
    Settings,
    SettingsError,
    boolean,
    choice,
    number,
    parse_settings,
    usd,
)


def test_sections_are_typed_and_imported_from_settings():
    s = Settings()
    assert isinstance(s.thresholds, RoutingThresholds)
    assert isinstance(s.budget, BudgetSettings)
    assert isinstance(s.cache, CacheSettings)
    from lsp_router.cache.store import CacheSettings as StoreCache
    from lsp_router.routing.policy import RoutingThresholds as PolicyThresholds
    from lsp_router.spend.budget import BudgetSettings as SpendBudget
    from lsp_router.spend.pricing import PriceOverride as SpendPrice

    assert (StoreCache, PolicyThresholds, SpendBudget, SpendPrice) == (
        CacheSettings, RoutingThresholds, BudgetSettings, PriceOverride)


def test_settings_imports_no_higher_layer():
    code = (
        "import sys, lsp_router.settings as s; s.parse_settings({'budget': {'sessionUsd': 1}, 'prices': "
        "{'acme:m': {'inputPerMTok': 1, 'outputPerMTok': 2}}, 'routing': {'thresholds': {'explainMaxLines': 9}}}); "
        "print(sorted(m for m in sys.modules if m.startswith('lsp_router.')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert eval(loaded) == ["lsp_router.core", "lsp_router.settings"]


def test_number():
    assert number("x", 3) == 3 and number("x", 2.5) == 2.5
    assert number("x", 2.7, integer=True) == 2
    assert number("x", 4.0, whole=True) == 4 and isinstance(number("x", 4.0, whole=True), int)
    for bad, options, problem in (
        (True, {}, "expected a number, got True"),
        ("1", {}, "expected a number, got '1'"),
        (float("nan"), {}, "expected a number, got nan"),
        (float("inf"), {"unit": "days"}, "expected a number of days, got inf"),
        (-1, {}, "must not be negative, got -1"),
        (0.5, {"minimum": 1}, "must be at least 1, got 0.5"),
        (0, {"positive": True, "unit": "days"}, "must be a positive number of days, got 0"),
        (2.5, {"whole": True}, "expected a whole number, got 2.5"),
    ):
        with pytest.raises(SettingsError) as info:
            number("a.b", bad, **options)
        assert str(info.value) == f"lspRouter.a.b: {problem}"
        assert info.value.path == "a.b"


def test_usd_is_the_one_decimal_validator():
    assert usd("p", 0.1) == Decimal("0.1")  # from the float's text, not its binary value
    assert usd("p", " 2.50 ") == Decimal("2.50")
    assert usd("p", Decimal(3)) == Decimal(3)
    assert usd("p", None, nullable=True) is None
    for bad in (None, True, [1], "ten", "NaN", "Infinity", -1, "-0.01"):
        with pytest.raises(SettingsError, match=r"lspRouter\.p: "):
            usd("p", bad)
    # budget caps and price overrides both use it
    assert BudgetSettings.from_dict({"dailyUsd": "0.1"}).daily_usd == Decimal("0.1")
    assert PriceOverride.from_dict({"inputPerMTok": 0.1, "outputPerMTok": "2"}).input_mtok == Decimal("0.1")


def test_boolean_and_choice():
    assert boolean("b", False) is False
    with pytest.raises(SettingsError, match="expected true or false, got 1"):
        boolean("b", 1)
    assert choice("c", "x", ("x", "y")) == "x"
    with pytest.raises(SettingsError, match="expected one of x, y, got 'z'"):
        choice("c", "z", ("x", "y"))


@pytest.mark.parametrize(
    "raw, name",
    [
        ({"routing": {"thresholds": {"explainMaxLinez": 1}}}, "lspRouter.routing.thresholds.explainMaxLinez"),
        ({"budget": {"sessionUsd": "lots"}}, "lspRouter.budget.sessionUsd"),
        ({"cache": {"ttlDays": 0}}, "lspRouter.cache.ttlDays"),
        ({"prices": {"acme:m": {"inputPerMTok": 1, "outputPerMTok": -2}}}, "lspRouter.prices.acme:m.outputPerMTok"),
        ({"prices": {"acme:m": {"inputPerMTok": 1}}}, "lspRouter.prices.acme:m.outputPerMTok"),
        ({"requestTimeoutSec": 0.5}, "lspRouter.requestTimeoutSec"),
        ({"providers": {"acme": {"api": "soap", "baseUrl": "http://x"}}}, "lspRouter.providers.acme.api"),
        ({"reasoningEffort": {"explain": "lots"}}, "lspRouter.reasoningEffort.explain"),
    ],
)
def test_a_wrong_value_is_named_once_and_keeps_the_previous_value(raw, name):
    base = Settings()
    settings, errors = parse_settings(raw, base)
    assert len(errors) == 1 and errors[0].startswith(name + ": "), errors
    assert settings == base


def test_valid_sections_parse_as_before():
    settings, errors = parse_settings({
        "routing": {"thresholds": {"explainMaxLines": 120, "budgetNearFactor": 3}},
        "budget": {"sessionUsd": 2, "dailyUsd": "10.5", "hardStop": None},
        "cache": {"enabled": False, "maxSizeMb": 64, "ttlDays": 0.5},
        "prices": {"acme:m": {"inputPerMTok": 2, "outputPerMTok": "8", "cacheReadPerMTok": 0.5}},
        "providers": {"acme": {"api": "openai-responses", "baseUrl": "https://acme.example/v1"}},
        "autocomplete": {"debounceMs": 99.9},
        "requestTimeoutSec": 30,
        "maxRetries": 0,
    })
    assert errors == []
    assert settings.thresholds == RoutingThresholds(explain_max_lines=120, budget_near_factor=3.0)
    assert settings.budget == BudgetSettings(Decimal(2), Decimal("10.5"), False)
    assert settings.cache == CacheSettings(False, 64.0, 0.5)
    assert settings.prices == {"acme:m": PriceOverride(Decimal(2), Decimal(8), Decimal("0.5"))}
    assert settings.providers["acme"].api == "openai-responses"
    assert (settings.debounce_ms, settings.request_timeout_s, settings.max_retries) == (99, 30, 0)


def test_team_settings_are_validated_and_a_bad_value_keeps_the_default():
    from lsp_router.settings import StorageSettings, TeamSettings, parse_settings, redact_url

    good, errors = parse_settings({
        "storage": {"ledger": "postgresql://ann:s3cret@db.example/ledger"},
        "team": {"user": "ann@example.com", "name": "core"},
        "budget": {"team": {"dailyUsd": 5, "monthlyUsd": "80.50"}, "user": {"dailyUsd": 1.25}},
    })
    assert errors == []
    assert good.storage.team_ledger == "postgresql://ann:s3cret@db.example/ledger"
    assert "s3cret" not in repr(good.storage) and "s3cret" not in repr(good)
    assert good.team == TeamSettings(user="ann@example.com", name="core")
    assert (good.budget.team_daily_usd, good.budget.team_monthly_usd, good.budget.user_daily_usd) == (
        Decimal(5), Decimal("80.50"), Decimal("1.25"))

    bad, errors = parse_settings({"storage": {"ledger": "mysql://ann:s3cret@db/x"}, "team": {"user": 3},
                                  "budget": {"team": {"dailyUsd": -1}}}, good)
    assert bad.storage == good.storage and bad.team == good.team and bad.budget == good.budget
    assert any("storage.ledger" in e for e in errors) and any("team.user" in e for e in errors)
    assert any("budget.team.dailyUsd" in e for e in errors)
    assert all("s3cret" not in e for e in errors)
    assert parse_settings({"storage": {"ledger": "postgres://h"}})[1]  # no database name
    assert parse_settings({"storage": {"ledger": "sqlite"}})[0].storage == StorageSettings()
    # a team cap without a team ledger is kept, and reported as not enforced
    alone, errors = parse_settings({"budget": {"user": {"dailyUsd": 2}}})
    assert alone.budget.user_daily_usd == Decimal(2) and any("not enforced" in e for e in errors)
    assert redact_url("postgresql://u:p%40ss@h:5433/db") == "postgresql://u:***@h:5433/db"


def test_team_user_defaults_to_the_workspace_git_email_then_the_os_user(tmp_path):
    import getpass
    import subprocess

    from lsp_router.spend.team import resolve_user

    assert resolve_user("set@example.com", str(tmp_path)) == "set@example.com"
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "config", "user.email", "dev@example.com"], check=True)
    assert resolve_user("", repo.as_uri()) == "dev@example.com"
    env_free = tmp_path / "plain"
    env_free.mkdir()
    import os

    old = {k: os.environ.get(k) for k in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "HOME")}
    os.environ.update(GIT_CONFIG_GLOBAL=str(tmp_path / "none"), GIT_CONFIG_NOSYSTEM="1", HOME=str(tmp_path))
    try:
        assert resolve_user("", str(env_free)) == getpass.getuser()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_start_up_never_imports_psycopg_without_a_team_ledger():
    import subprocess
    import sys

    code = ("import sys; import lsp_router.server, lsp_router.engine, lsp_router.spend.tracker;"
            "from lsp_router.engine import open_engine; from lsp_router.settings import Settings;"
            "e = open_engine(Settings(), session='s', ledger=':memory:', with_cache=False);"
            "print('psycopg' in sys.modules, 'lsp_router.spend.team' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_storage_passwords_are_strings_hidden_from_repr_and_errors():
    from lsp_router.settings import StorageSettings, parse_settings

    good, errors = parse_settings({"storage": {
        "ledger": "postgresql://ann@db.example/ledger", "ledgerPassword": "pg-s3cret",
        "cache": "redis://10.0.0.5:6379/0", "cachePassword": "redis-s3cret"}})
    assert errors == []
    assert (good.storage.ledger_password, good.storage.cache_password) == ("pg-s3cret", "redis-s3cret")
    for shown in (repr(good.storage), repr(good), str(good.storage)):
        assert "s3cret" not in shown
    assert "passwords set: ledgerPassword, cachePassword" in repr(good.storage)
    # "" and null are no password (VS Code sends null for a cleared secret)
    cleared, errors = parse_settings({"storage": {"ledgerPassword": None, "cachePassword": ""}}, good)
    assert errors == [] and cleared.storage == StorageSettings()

    for value in (12345678, ["pw"], {"pw": 1}, True):
        bad, errors = parse_settings({"storage": {"cache": "redis://h:6379/0", "cachePassword": value}}, good)
        assert bad.storage == good.storage, value  # the section keeps its last good value
        assert len(errors) == 1 and "lspRouter.storage.cachePassword" in errors[0] and "expected a string" in errors[0]
        assert "12345678" not in errors[0] and "'pw'" not in errors[0]  # named by type, never echoed
