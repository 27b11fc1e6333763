"""The clients and the docs describe the settings the server parses, and nothing else.

`lsp_router.settings.settings_schema()` is derived from the typed settings. These tests read
the VS Code manifest (`contributes.configuration`), the keys `vscode-client/src/config.ts`
forwards, the README's settings table and docs/ROUTING.md's thresholds table, and fail when any of them drifts from it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lsp_router.core import TASKS
from lsp_router.settings import PROVIDER_APIS, REASONING_CHOICES, RoutingThresholds, settings_schema

ROOT = Path(__file__).resolve().parent.parent
# how the extension starts the server, and whether it is VS Code's rename provider: never sent to it
CLIENT_ONLY = ("server.", "trace.", "rename.asDefault")

SCHEMA = settings_schema()
CLIENT_KEYS = {key for key, spec in SCHEMA.items() if spec.get("client", True)}


def _contributed() -> dict[str, dict]:
    manifest = json.loads((ROOT / "vscode-client" / "package.json").read_text(encoding="utf-8"))
    out = {}
    for group in manifest["contributes"]["configuration"]:
        for key, spec in group["properties"].items():
            assert key.startswith("lspRouter."), key
            out[key.removeprefix("lspRouter.")] = spec
    return out


CONTRIBUTED = _contributed()
SENT = {key: spec for key, spec in CONTRIBUTED.items() if not key.startswith(CLIENT_ONLY)}


def _forwarded() -> list[str]:
    source = (ROOT / "vscode-client" / "src" / "config.ts").read_text(encoding="utf-8")
    body = re.search(r"export const FORWARDED_SETTINGS = \[(.*?)\] as const;", source, re.S)
    assert body, "FORWARDED_SETTINGS not found in config.ts"
    return re.findall(r"'([^']+)'", body.group(1))


def _types(spec: dict) -> set[str]:
    kind = spec.get("type")
    return set(kind) if isinstance(kind, list) else {kind}


def _check_value_spec(where: str, ours: dict, theirs: dict) -> None:
    """The client's schema of one value agrees with the server's: same type (a client may ask
    for integers where the server takes any number), same choices, and never a looser bound."""
    server, client = _types(ours), _types(theirs)
    if "number" in server:
        client = {"number" if t == "integer" else t for t in client}
    assert client == server, f"{where}: type {theirs.get('type')!r}, the server takes {ours['type']!r}"
    if "enum" in ours or "enum" in theirs:
        assert theirs.get("enum") == ours.get("enum"), f"{where}: choices differ from the server's"
        if "enumDescriptions" in theirs:
            assert len(theirs["enumDescriptions"]) == len(theirs["enum"]), f"{where}: one description per choice"
    if "minimum" in ours:
        low = theirs.get("minimum", theirs.get("exclusiveMinimum"))
        assert low is not None and low >= ours["minimum"], f"{where}: the server needs at least {ours['minimum']}"
    if "exclusiveMinimum" in ours:
        assert theirs.get("exclusiveMinimum", float("-inf")) >= ours["exclusiveMinimum"] or (
            theirs.get("minimum", float("-inf")) > ours["exclusiveMinimum"]
        ), f"{where}: the server needs more than {ours['exclusiveMinimum']}"


def test_every_setting_the_server_parses_is_contributed_and_nothing_else():
    assert sorted(set(SENT) - CLIENT_KEYS) == [], "contributed in package.json but unknown to the server"
    assert sorted(CLIENT_KEYS - set(SENT)) == [], "parsed by the server but missing from package.json"


@pytest.mark.parametrize("key", sorted(CLIENT_KEYS))
def test_contributed_setting_matches_the_schema(key):
    ours, theirs = SCHEMA[key], SENT[key]
    assert theirs.get("default") == ours["default"], f"{key}: default {theirs.get('default')!r}, server {ours['default']!r}"
    _check_value_spec(key, ours, theirs)
    if ours["type"] == "array":
        assert theirs.get("items") == ours["items"], key
    if "additionalProperties" in ours:  # providers, prices: an object of objects
        inner, client_inner = ours["additionalProperties"], theirs.get("additionalProperties", {})
        assert client_inner.get("type") == "object", key
        wanted = {name for name, spec in inner["properties"].items() if spec.get("client", True)}
        assert set(client_inner.get("properties", {})) == wanted, f"{key}: entry keys differ from the server's"
        for name in wanted:
            _check_value_spec(f"{key}.<entry>.{name}", inner["properties"][name], client_inner["properties"][name])
        assert set(inner.get("required", [])) <= set(client_inner.get("required", [])), key


def test_config_ts_forwards_exactly_the_contributed_server_settings():
    forwarded = _forwarded()
    assert len(forwarded) == len(set(forwarded)), "a key is forwarded twice"
    assert sorted(forwarded) == sorted(CLIENT_KEYS)


def test_provider_apis_reach_the_client():
    api = SENT["providers"]["additionalProperties"]["properties"]["api"]
    assert api["enum"] == list(PROVIDER_APIS)
    for name in PROVIDER_APIS:
        assert f"`{name}`" in SENT["providers"]["markdownDescription"], name


# ------------------------------------------------------------------------------ README


def _table_after(text: str, heading: str) -> list[list[str]]:
    """The rows (cells) of the first Markdown table after `heading`."""
    start = text.index(heading)
    rows = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if not set("".join(cells)) <= set("- "):
                rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header


README = (ROOT / "README.md").read_text(encoding="utf-8")
ROUTING_DOC = (ROOT / "docs" / "ROUTING.md").read_text(encoding="utf-8")  # the thresholds table


def _readme_settings() -> dict[str, str | None]:
    """Setting -> the README's default for it (None: not a single literal)."""
    thresholds = [f"routing.thresholds.{k}" for k in RoutingThresholds.keys()]
    out: dict[str, str | None] = {}
    for cells in _table_after(README, "## Settings"):
        names = re.findall(r"`([^`]+)`", cells[0])
        defaults = re.findall(r"`([^`]+)`", cells[1])
        keys: list[str] = []
        for name in names:
            if name.endswith(".<task>"):
                keys += [f"{name[:-len('<task>')]}{task}" for task in TASKS]
            elif name == "routing.thresholds.*":
                keys += thresholds
            elif name.startswith("providers.<"):
                keys.append("providers")
            elif name.startswith("prices["):
                keys.append("prices")
            else:
                keys.append(name)
        if len(defaults) == 1:
            defaults = defaults * len(keys)
        for i, key in enumerate(keys):
            assert key not in out, f"README lists {key} twice"
            out[key] = defaults[i] if len(defaults) == len(keys) else None
    return out


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else json.dumps(value)


def test_readme_settings_table_lists_every_setting():
    documented = _readme_settings()
    assert sorted(set(documented) - set(SCHEMA)) == [], "in the README but not a setting"
    assert sorted(set(SCHEMA) - set(documented)) == [], "a setting the README does not list"
    for key, default in documented.items():
        if default is not None:
            assert default == _literal(SCHEMA[key]["default"]), f"README: {key} defaults to {default}"


def test_readme_names_every_choice():
    rows = {cells[0]: cells[2] for cells in _table_after(README, "## Settings")}
    providers = next(text for name, text in rows.items() if "providers.<name>" in name)
    for api in PROVIDER_APIS:
        assert f'"{api}"' in providers, api
    effort = next(text for name, text in rows.items() if "reasoningEffort" in name)
    for value in REASONING_CHOICES:
        assert f"`{value}`" in effort, value


def test_readme_thresholds_table_matches_the_thresholds():
    rows = _table_after(ROUTING_DOC, "Thresholds (all settings")
    documented = {re.fullmatch(r"`routing\.thresholds\.(\w+)`", cells[0]).group(1): cells for cells in rows}
    docs = RoutingThresholds.describe()
    assert list(documented) == list(docs)
    for key, (_, default, meaning) in documented.items():
        assert default == str(SCHEMA[f"routing.thresholds.{key}"]["default"]), key
        assert meaning == docs[key].split(": ", 1)[1], key
