"""The import rules of docs/ARCHITECTURE.md: a module imports only its own package and the
layers below it, never a layer above; routing, providers, spend and cache (one layer) never
import each other. Imports inside functions count too (most of ours are lazy)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lsp_router"

# Lowest first. A module's unit is its first name under lsp_router (`spend` for
# lsp_router.spend.tracker); a `cli` module is a command, whatever package holds it.
LAYERS: list[set[str]] = [
    {"lsp_router", "core", "paths", "tokens", "startup_codecache", "redis_client"},  # plain types and helpers
    {"settings"},  # the one typed settings tree
    {"routing", "providers", "spend", "cache"},  # pure policy and analysis; providers; storage
    {"engine", "learning"},  # one pipeline for every task; what routing learned
    {"tasks"},  # the editor tasks, registered by name
    {"server", "replay", "doctor"},  # what drives the engine: the language server, the replay
    {"cli", "__main__"},  # commands
]
# Inside routing/: the analysis (parsing, the line scanner, features) sits below the checks and
# the policy, which both use it.
# The packages of this layer stay apart: the policy never reads storage, storage never calls a provider.
APART = 2
ROUTING_ANALYSIS = {"routing.parsing", "routing.lines", "routing.features"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The lsp_router modules `path` imports, anywhere in it."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from lsp_router.tasks import autocomplete` imports the module too
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {t for t in found if t == "lsp_router" or t.startswith("lsp_router.")}


def unit(module: str) -> str:
    parts = module.split(".")
    if parts[-1] == "cli" or parts[-1] == "__main__":
        return parts[-1]
    return parts[1] if len(parts) > 1 else "lsp_router"


def layer(module: str) -> int:
    u = unit(module)
    for index, units in enumerate(LAYERS):
        if u in units:
            return index
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS and to docs/ARCHITECTURE.md")


def existing(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").exists() or (PACKAGE / relative / "__init__.py").exists()


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        for target in sorted(imports_of(path)):
            if not existing(target) or target == source:
                continue  # a name imported from a module, not a module
            if unit(source) == unit(target):
                short = lambda m: ".".join(m.split(".")[1:3])  # noqa: E731
                if short(source) in ROUTING_ANALYSIS and short(target) not in ROUTING_ANALYSIS and short(target) != "routing":
                    found.append(f"{source} imports {target}: routing's analysis sits below its checks and policy")
                continue
            if layer(target) > layer(source):
                found.append(f"{source} (layer {layer(source)}) imports {target} (layer {layer(target)}), a layer above")
            elif layer(target) == layer(source) == APART:
                found.append(f"{source} imports {target}: packages of one layer do not import each other")
    return found


def test_every_module_is_in_a_layer():
    for path in PACKAGE.rglob("*.py"):
        layer(module_name(path))


def test_no_module_imports_a_layer_above_or_beside_it():
    assert violations() == []


def test_the_rules_see_a_violation(tmp_path, monkeypatch):
    # a test that cannot fail is a defect: the same check on a package that breaks each rule
    fake = tmp_path / "lsp_router"
    (fake / "spend").mkdir(parents=True)
    (fake / "routing").mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "engine.py").write_text("")
    (fake / "spend" / "__init__.py").write_text("")
    (fake / "spend" / "tracker.py").write_text("def f():\n    from lsp_router.engine import Engine\n")
    (fake / "routing" / "__init__.py").write_text("")
    (fake / "routing" / "policy.py").write_text("")
    (fake / "routing" / "features.py").write_text("from . import policy\nfrom lsp_router.spend import tracker\n")
    monkeypatch.setitem(globals(), "PACKAGE", fake)
    found = violations()
    assert any("lsp_router.spend.tracker (layer 2) imports lsp_router.engine" in v for v in found), found
    assert any("routing.features imports lsp_router.routing.policy" in v for v in found), found
    assert any("features imports lsp_router.spend.tracker: packages of one layer" in v for v in found), found
