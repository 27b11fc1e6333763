"""Drive the real server over stdio with pytest-lsp's client, providers on the loopback."""

from __future__ import annotations

import asyncio
import os
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import make_test_lsp_client

from tests.loopback import Loopback
from tests.redis_server import redis_server  # noqa: F401  (a fixture: a real redis-server)

STDLIB = Path(sysconfig.get_paths()["stdlib"])
OPENAI_TEST_KEY = "sk-test-openai-0123456789abcdef"
ANTHROPIC_TEST_KEY = "sk-ant-test-0123456789abcdef"
MINI = "openai:gpt-5.4-mini"
FRONTIER = "anthropic:claude-opus-4-7"


def stdlib_file(relative: str) -> Path:
    return STDLIB / relative


@dataclass
class Session:
    """One server process and what it told its client."""

    client: LanguageClient
    init: types.InitializeResult
    spend_events: list[dict] = field(default_factory=list)
    status_events: list[dict] = field(default_factory=list)
    applied_edits: list[types.WorkspaceEdit] = field(default_factory=list)
    _versions: dict[str, int] = field(default_factory=dict)

    def open(self, path: Path, language_id: str = "python", text: str | None = None) -> str:
        uri = path.resolve().as_uri()
        body = path.read_text(encoding="utf-8") if text is None else text
        self._versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=body)
            )
        )
        return uri

    def change(self, uri: str, text: str) -> None:
        self._versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self._versions[uri]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def inline(self, uri: str, line: int, character: int):
        return await self.client.text_document_inline_completion_async(
            types.InlineCompletionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=character),
                context=types.InlineCompletionContext(trigger_kind=types.InlineCompletionTriggerKind.Automatic),
            )
        )

    async def command(self, name: str, *arguments: Any, token: str | None = None):
        return await self.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=name, arguments=list(arguments), work_done_token=token)
        )

    async def explain(self, uri: str, start: tuple[int, int], end: tuple[int, int], token: str | None = None):
        return await self.command("lspRouter.explain", target(uri, start, end), token=token)

    async def spend(self) -> dict:
        return _plain(await self.client.protocol.send_request_async("lspRouter/spend", None))

    async def wait_spend(self, count: int, timeout: float = 10.0) -> dict:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.spend_events) < count:
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"expected {count} spendChanged notifications, got {len(self.spend_events)}")
            await asyncio.sleep(0.02)
        return self.spend_events[-1]

    async def wait_messages(self, count: int = 1, timeout: float = 10.0) -> list[types.ShowMessageParams]:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.client.messages) < count:
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"expected {count} window/showMessage, got {self.client.messages}")
            await asyncio.sleep(0.02)
        return self.client.messages


def target(uri: str, start: tuple[int, int], end: tuple[int, int], **extra) -> dict:
    return {
        "textDocument": {"uri": uri},
        "range": {
            "start": {"line": start[0], "character": start[1]},
            "end": {"line": end[0], "character": end[1]},
        },
        **extra,
    }


def settings_for(loopback: Loopback, **overrides) -> dict:
    settings: dict[str, Any] = {
        "models": {"mini": MINI, "frontier": FRONTIER},
        "openai": {"baseUrl": loopback.openai_base_url},
        "anthropic": {"baseUrl": loopback.anthropic_base_url},
        "autocomplete": {"debounceMs": 0},
        "maxRetries": 1,
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(settings.get(key), dict):
            settings[key] = {**settings[key], **value}
        else:
            settings[key] = value
    return settings


@pytest.fixture
def loopback():
    with Loopback() as server:
        yield server


@pytest.fixture
def dirs(tmp_path) -> dict[str, Path]:
    return {"data": tmp_path / "data", "cache": tmp_path / "cache", "work": tmp_path / "work"}


@pytest.fixture
def server_env(dirs) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and not k.endswith("_BASE_URL")}
    env.update(
        LSP_ROUTER_DATA_DIR=str(dirs["data"]),
        LSP_ROUTER_CACHE_DIR=str(dirs["cache"]),
        OPENAI_API_KEY=OPENAI_TEST_KEY,
        ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY,
        PYTHONUNBUFFERED="1",
    )
    return env


def _client_factory(session_box: list):
    def make() -> LanguageClient:
        client = make_test_lsp_client()

        @client.feature("lspRouter/spendChanged")
        def _spend(ls, params):
            session_box[0].spend_events.append(_plain(params))

        @client.feature("lspRouter/status")
        def _status(ls, params):
            session_box[0].status_events.append(_plain(params))

        @client.feature(types.WORKSPACE_APPLY_EDIT)
        def _apply(ls, params: types.ApplyWorkspaceEditParams):
            session_box[0].applied_edits.append(params.edit)
            return types.ApplyWorkspaceEditResult(applied=True)

        return client

    return make


def _plain(params: Any) -> Any:
    """pygls hands custom notification params over as attribute objects; tests want dicts."""
    if isinstance(params, (str, int, float, bool)) or params is None:
        return params
    if hasattr(params, "_asdict"):
        return {k: _plain(v) for k, v in params._asdict().items()}
    if isinstance(params, (list, tuple)):
        return [_plain(v) for v in params]
    if isinstance(params, dict):
        return {k: _plain(v) for k, v in params.items()}
    if hasattr(params, "__dict__"):
        return {k: _plain(v) for k, v in vars(params).items()}
    return params


@pytest_asyncio.fixture
async def start_server(server_env, dirs, loopback):
    """`await start_server(settings=None, env=None, root=None)` -> a running, initialized Session
    (`root`: the workspace root folder, dirs["work"] by default)."""
    sessions: list[Session] = []

    async def start(settings: dict | None = None, env: dict | None = None, capabilities=None,
                    root: Path | None = None) -> Session:
        box: list = [None]
        config = ClientServerConfig(
            server_command=[sys.executable, "-m", "lsp_router", "serve"],
            client_factory=_client_factory(box),
            server_env={**server_env, **(env or {})},
        )
        client = await config.start()
        workspace = dirs["work"] if root is None else Path(root)
        workspace.mkdir(parents=True, exist_ok=True)
        init = await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities or _capabilities(),
                root_uri=workspace.as_uri(),
                initialization_options=settings if settings is not None else settings_for(loopback),
            )
        )
        session = Session(client, init)
        box[0] = session
        sessions.append(session)
        # `initialized` opens the ledger and the cache; ask once so tests start from a ready server.
        await session.spend()
        return session

    yield start
    for session in sessions:
        try:
            await asyncio.wait_for(session.client.shutdown_session(), 10)
        except Exception:
            pass
        await session.client.stop()


def _capabilities() -> types.ClientCapabilities:
    return types.ClientCapabilities(
        window=types.WindowClientCapabilities(work_done_progress=True, show_message=types.ShowMessageRequestClientCapabilities()),
        workspace=types.WorkspaceClientCapabilities(
            apply_edit=True,
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            configuration=True,
        ),
        text_document=types.TextDocumentClientCapabilities(
            inline_completion=types.InlineCompletionClientCapabilities(),
            rename=types.RenameClientCapabilities(prepare_support=True),
            code_action=types.CodeActionClientCapabilities(
                resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]),
                data_support=True,
            ),
        ),
    )
