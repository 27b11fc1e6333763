"""The language server: thin protocol handlers over the task modules and the engine."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import uuid
from decimal import Decimal
from typing import Any, Callable

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from lsp_router import __version__
from lsp_router.settings import Settings, parse_settings

log = logging.getLogger("lsp_router")

EXPLAIN = "lspRouter.explain"
REFACTOR = "lspRouter.refactor"
RESET_SESSION = "lspRouter.resetSession"
COMPLETION_ACCEPTED = "lspRouter.completionAccepted"
COMPLETION_OUTCOME = "lspRouter/completionOutcome"
SPEND_CHANGED = "lspRouter/spendChanged"
SPEND = "lspRouter/spend"
SPEND_HISTORY = "lspRouter/spendHistory"
STATUS = "lspRouter/status"
MENTIONS_ANNOTATION = "lspRouter.mentions"


class RequestFailed(JsonRpcException):
    """LSP's RequestFailed: the request was valid but could not be served."""

    CODE = -32803


class RouterProtocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]):
        # JSON-RPC allows a request without params (vscode-languageclient and Neovim send
        # `lspRouter/spend` so); pygls' fallback type for custom methods requires the field.
        if isinstance(data, dict) and "method" in data and "params" not in data:
            data = {**data, "params": None}
        return super().structure_message(data)

    @lsp_method(types.WORKSPACE_EXECUTE_COMMAND)
    async def lsp_workspace__execute_command(self, params: types.ExecuteCommandParams) -> Any:
        # pygls runs commands behind an outer future that $/cancelRequest cancels without
        # touching the handler. Awaiting the handler here makes this coroutine the request
        # itself, so a cancel interrupts the upstream call. Handlers get the whole params
        # (they need the workDoneToken).
        handler = self.fm.commands.get(params.command)
        if handler is None:
            raise JsonRpcInvalidParams(f"Command name {params.command!r} is not defined")
        return await handler(params)

    def _send_handler_result(self, future, *, msg_id):
        super()._send_handler_result(future, msg_id=msg_id)
        # the reply is out: now the bookkeeping the answer did not wait for
        self._server.run_after_reply()


class RouterServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("lsp-router", __version__, protocol_cls=RouterProtocol)
        self.settings = Settings()
        self.session = uuid.uuid4().hex[:12]
        self.engine = None  # built at `initialized`: start-up stays lean
        self.ghost_text = None  # tasks.autocomplete.GhostText, with the engine
        self.answers = None  # tasks.outcomes.Answers, with the engine
        self.views: dict = {}  # uri -> tasks.common.DocView of its latest version
        self._warned: set[tuple[str, str]] = set()
        self._pending_messages: list[tuple[types.MessageType, str]] = []
        self._after_reply: list = []
        self.client_gone = False

    @property
    def converter(self):
        return self.protocol._converter

    # -- messages ------------------------------------------------------------------------

    def show(self, kind: types.MessageType, message: str) -> None:
        log.log(logging.ERROR if kind == types.MessageType.Error else logging.WARNING, "%s", message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def show_once(self, key: tuple[str, str], kind: types.MessageType, message: str) -> None:
        if key in self._warned:
            log.info("%s", message)
            return
        self._warned.add(key)
        self.show(kind, message)

    def notify_spend(self) -> None:
        if self.engine is not None and not self.client_gone:
            self.protocol.notify(SPEND_CHANGED, self.engine.tracker.snapshot())

    # -- settings ------------------------------------------------------------------------

    def apply_settings(self, raw: Any) -> None:
        settings, errors = parse_settings(raw, self.settings)
        for error in errors:
            message = f"lsp-router: {error}. Keeping the previous value."
            if self.engine is None:
                self._pending_messages.append((types.MessageType.Error, message))
            else:
                self.show(types.MessageType.Error, message)
        self.settings = settings
        self._warned.clear()
        if self.engine is not None:
            self.engine.configure(settings)

    def start_engine(self) -> None:
        from lsp_router.engine import open_engine
        from lsp_router.tasks.autocomplete import GhostText
        from lsp_router.tasks.outcomes import Answers

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None

        def team_changed() -> None:  # from the team ledger's thread: online / offline
            if loop is not None and not loop.is_closed():
                loop.call_soon_threadsafe(self.notify_spend)

        def team_problem(message: str) -> None:  # from that thread: a cause a setting must fix, once
            if loop is not None and not loop.is_closed():
                loop.call_soon_threadsafe(self.show_once, ("team", "ledger"), types.MessageType.Warning,
                                          f"lsp-router: {message}. Spend is kept locally and sent once it is fixed.")

        self.engine = open_engine(
            self.settings,
            on_team_change=team_changed,
            on_team_problem=team_problem,
            session=self.session,
            workspace=self.workspace.root_uri or "",
            on_ledger_unavailable=lambda m: self.show(
                types.MessageType.Error, f"lsp-router: {m}. Spend is kept for this session only."),
            notify_spend=self.notify_spend,
            on_budget_warning=lambda m: self.show(types.MessageType.Warning, f"lsp-router: {m}"),
            on_ledger_error=lambda m: self.show_once(
                ("ledger", "write"), types.MessageType.Error, f"lsp-router: {m}. Spend is kept in memory and written when the ledger recovers."
            ),
            on_advice=lambda key, m: self.show_once(("advice", key), types.MessageType.Warning, m),
            on_cache_warning=lambda m: self.show(types.MessageType.Warning, f"lsp-router: {m}"),
        )
        self.engine.after_reply = self.after_reply
        from lsp_router.learning import LearnedRouting

        self.engine.learning = LearnedRouting(
            self.engine.tracker.ledger, warn=lambda m: self.show(types.MessageType.Warning, f"lsp-router: {m}"))
        self.engine.explore = True
        self.answers = Answers(self.engine.tracker, on_outcome=self.engine.learning.observe)
        self.ghost_text = GhostText(self.answers)
        for kind, message in self._pending_messages:
            self.show(kind, message)
        self._pending_messages.clear()

    # -- work after the reply -------------------------------------------------------------

    def after_reply(self, work) -> None:
        """Run `work` once the current request's reply is written (the ledger write, the
        cache store, the spend notification): the user's wait does not include it. A
        timer runs it anyway should no reply follow soon (a request answered elsewhere)."""
        self._after_reply.append(work)
        if len(self._after_reply) == 1:
            try:
                asyncio.get_running_loop().call_later(0.05, self.run_after_reply)
            except RuntimeError:  # no event loop (shutting down): now
                self.run_after_reply()

    def run_after_reply(self) -> None:
        while self._after_reply:
            work = self._after_reply.pop(0)
            try:
                work()
            except Exception:  # bookkeeping must never take the server down
                log.exception("lsp-router: bookkeeping after a reply failed")

    # -- errors --------------------------------------------------------------------------

    def provider_failed(self, exc, task: str) -> RequestFailed:
        from lsp_router.providers.base import MissingKey

        if isinstance(exc, MissingKey):
            self.show_once((exc.provider, "missing_key"), types.MessageType.Error, f"lsp-router: {exc.message}")
            self.protocol.notify(STATUS, {"state": "noKey", "provider": exc.provider, "message": exc.message})
        elif task == "autocomplete":
            # Ghost text fails quietly after the first message: it fires on every keystroke.
            self.show_once((exc.provider, exc.kind), types.MessageType.Warning, f"lsp-router ({task}): {exc.message}")
        else:
            log.warning("%s failed: %s", task, exc.message)
        return RequestFailed(f"lsp-router ({task}): {exc.message}")

    # -- warm-up -------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Import the cheapest tier's SDK in the background once there is work.

        It costs 1-3 s and 30-40 MB: not at start-up (the editor waits for `initialize`) and
        not on the first keystroke (the user waits for ghost text), but when a document opens.
        Only the cheapest tier's (nano when set, else mini): ghost text runs there on every burst of typing; the frontier's
        SDK loads when a frontier request first needs it.
        """
        if getattr(self, "_warmed", False):
            return
        self._warmed = True
        cheapest = self.settings.model_for(self.settings.tiers()[0])  # nano when set: ghost text goes there
        api = self.settings.providers[cheapest.provider].api
        module = "anthropic" if api == "anthropic" else "openai"
        threading.Thread(target=_import_quietly, args=(module,), name="lsp-router-warm-up", daemon=True).start()


def _import_quietly(module: str) -> None:
    import gc
    import importlib

    # As at start-up: a full collection mid-import (~70 ms, the GIL held) would stall the
    # typing; so would one at the end. Young collections run; what survives them is frozen.
    gc.set_threshold(700, 10, 1_000_000)
    try:
        importlib.import_module(module)
    except Exception as exc:  # the request that needs it will report the problem
        log.warning("could not load %s: %s", module, exc)
    finally:
        _settle_heap(collect=False)


def _settle_heap_once() -> None:
    global _heap_settled
    if not _heap_settled:
        _heap_settled = True
        _settle_heap()


_heap_settled = False
_after_start: list[Callable[[], None]] = []


def _started() -> None:
    """Start-up is over (`initialize` served, the engine built): run what waited for it."""
    while _after_start:
        try:
            _after_start.pop()()
        except Exception:  # noqa: BLE001 - start-up extras never stop the server
            log.exception("after start-up")


def _settle_heap(collect: bool = True) -> None:
    """Collect the garbage of loading, move what is left out of the collector's sight, and
    let full collections run again.

    Modules, classes and settings live as long as the server: walking them again in every
    full collection costs tens of milliseconds that some keystroke's request would wait.
    """
    import gc

    if collect:
        gc.collect()
    gc.freeze()
    gc.set_threshold(700, 10, 10)  # Python's defaults


server = RouterServer()


def _view(ls: RouterServer, uri: str):
    from lsp_router.tasks.common import DocView

    document = ls.workspace.get_text_document(uri)
    try:
        source = document.source
    except OSError as exc:
        raise RequestFailed(f"lsp-router: cannot read {uri}: {exc.strerror or exc}") from None
    # one view per document version: splitting a large file into lines on every keystroke's
    # request would cost more than the routing itself
    cached = ls.views.get(uri)
    if cached is not None and cached.text is source and cached.version == document.version:
        return document, cached
    view = DocView(uri, source, document.language_id, document.version, document.path,
                   shown_path=_shown_path(ls, document.path))
    ls.views[uri] = view
    if len(ls.views) > 32:
        del ls.views[next(iter(ls.views))]
    return document, view


def _shown_path(ls: RouterServer, path: str | None) -> str | None:
    """`path` relative to the innermost workspace folder that holds it, else its file name."""
    if not path:
        return None
    import os

    from pygls.uris import to_fs_path

    best = None
    for folder in ls.workspace.folders.values():
        root = to_fs_path(folder.uri)
        if root and (path == root or path.startswith(root.rstrip(os.sep) + os.sep)):
            if best is None or len(root) > len(best):
                best = root
    if best is None and ls.workspace.root_path and path.startswith(ls.workspace.root_path.rstrip(os.sep) + os.sep):
        best = ls.workspace.root_path
    shown = os.path.relpath(path, best) if best else os.path.basename(path)
    return shown.replace(os.sep, "/")


def _build(ls: RouterServer, task: str, view, request):
    from lsp_router import tasks

    return tasks.build(task, view, request, ls.settings)[1]


async def _run(ls: RouterServer, job, task: str):
    from lsp_router.engine import BudgetStopped
    from lsp_router.providers.base import ProviderError

    try:
        return await ls.engine.run(job)
    except ProviderError as exc:
        raise ls.provider_failed(exc, task) from None
    except BudgetStopped as exc:
        ls.show_once(("budget", "stopped"), types.MessageType.Error, f"lsp-router: {exc}")
        raise RequestFailed(f"lsp-router: {exc}") from None


# -- lifecycle ------------------------------------------------------------------------------


@server.feature(types.INITIALIZE)
def on_initialize(ls: RouterServer, params: types.InitializeParams) -> None:
    ls.apply_settings(params.initialization_options)
    # after the reply (a client that never sends `initialized` gets it all the same)
    try:
        loop = asyncio.get_running_loop()
        loop.call_later(0.2, _settle_heap_once)
        loop.call_later(0.2, _started)
    except RuntimeError:  # served without an event loop
        _settle_heap_once()
        _started()


@server.feature(types.INITIALIZED)
def on_initialized(ls: RouterServer, params: types.InitializedParams) -> None:
    # the heap settles 0.2 s after `initialize` (a full collection: ~40 ms the editor's
    # first `lspRouter/spend` would otherwise wait for)
    ls.start_engine()
    _started()
    log.info("lsp-router %s ready: session %s, mini %s, frontier %s", __version__, ls.session, ls.settings.mini, ls.settings.frontier)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def on_open(ls: RouterServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.warm_up()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def on_configuration(ls: RouterServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings
    if isinstance(settings, dict) and "lspRouter" in settings:
        settings = settings["lspRouter"]
    ls.apply_settings(settings)
    ls.notify_spend()


@server.feature(types.SHUTDOWN)
async def on_shutdown(ls: RouterServer, params: None) -> None:
    ls.run_after_reply()
    if ls.engine is not None:
        from lsp_router.engine import close_engine

        await ls.engine.aclose()
        close_engine(ls.engine)


# -- autocomplete ---------------------------------------------------------------------------


@server.feature(types.TEXT_DOCUMENT_INLINE_COMPLETION, types.InlineCompletionOptions())
async def inline_completion(ls: RouterServer, params: types.InlineCompletionParams):
    from lsp_router.engine import BudgetStopped
    from lsp_router.providers.base import ProviderError
    from lsp_router.tasks.common import client_to_point

    uri = params.text_document.uri
    generation = ls.ghost_text.supersede(uri)
    document, view = _view(ls, uri)
    line, character = client_to_point(document, params.position, view.lines)
    text, answer_id = "", None
    try:
        text, answer_id = await ls.ghost_text.complete_item(ls.engine, view, line, character, generation)
    except ProviderError as exc:
        ls.provider_failed(exc, "autocomplete")
    except BudgetStopped as exc:
        ls.show_once(("budget", "stopped"), types.MessageType.Error, f"lsp-router: {exc}")
    here = types.Range(params.position, params.position)
    if not text:
        return types.InlineCompletionList(items=[])
    command = None
    if answer_id is not None:
        command = types.Command(title="lsp-router: completion accepted", command=COMPLETION_ACCEPTED,
                                arguments=[{"id": answer_id}])
    return types.InlineCompletionList(items=[types.InlineCompletionItem(insert_text=text, range=here, command=command)])


def _plain(params: Any) -> Any:
    """pygls hands a custom notification's params over as attribute objects: plain values."""
    if params is None or isinstance(params, (str, int, float, bool)):
        return params
    if hasattr(params, "_asdict"):
        return {k: _plain(v) for k, v in params._asdict().items()}
    if isinstance(params, dict):
        return {k: _plain(v) for k, v in params.items()}
    if isinstance(params, (list, tuple)):
        return [_plain(v) for v in params]
    if hasattr(params, "__dict__"):
        return {k: _plain(v) for k, v in vars(params).items()}
    return params


def _outcome_args(raw: Any) -> tuple[str, str, int | None] | str:
    """(id, outcome, acceptedChars) from a completionOutcome's params, or what is wrong with them."""
    from lsp_router.tasks.outcomes import OUTCOMES

    if not isinstance(raw, dict):
        return "params must be an object with \"id\" and \"outcome\""
    answer_id, outcome, chars = raw.get("id"), raw.get("outcome"), raw.get("acceptedChars")
    if not isinstance(answer_id, str) or not answer_id:
        return "\"id\" must be a non-empty string"
    if outcome not in OUTCOMES:
        return f"\"outcome\" must be one of {', '.join(OUTCOMES)}"
    if chars is not None and (isinstance(chars, bool) or not isinstance(chars, int) or chars < 0):
        return "\"acceptedChars\" must be a non-negative integer"
    return answer_id, outcome, chars


@server.feature(COMPLETION_OUTCOME)
def completion_outcome(ls: RouterServer, params: Any = None) -> None:
    parsed = _outcome_args(_plain(params))
    if isinstance(parsed, str):
        log.warning("%s ignored: %s", COMPLETION_OUTCOME, parsed)
        return
    if ls.answers is None or not ls.answers.settle(*parsed):
        log.warning("%s ignored: unknown id %r", COMPLETION_OUTCOME, parsed[0])
        return
    if parsed[1] != "shown":  # "shown" was recorded when the item was returned
        ls.after_reply(ls.notify_spend)


@server.command(COMPLETION_ACCEPTED)
async def completion_accepted(ls: RouterServer, params: types.ExecuteCommandParams):
    args = params.arguments or []
    arg = args[0] if len(args) == 1 else None
    parsed = _outcome_args({**arg, "outcome": "accepted"} if isinstance(arg, dict) else None)
    if isinstance(parsed, str):
        raise JsonRpcInvalidParams(f"{COMPLETION_ACCEPTED}: give one argument {{\"id\": ...}}; {parsed}")
    if ls.answers is None or not ls.answers.known(parsed[0]):
        raise JsonRpcInvalidParams(f"{COMPLETION_ACCEPTED}: unknown completion id {parsed[0]!r}")
    ls.answers.settle(parsed[0], "accepted", arg.get("acceptedChars"))
    ls.notify_spend()
    return {"id": parsed[0], "outcome": "accepted"}


# -- rename ---------------------------------------------------------------------------------


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: RouterServer, params: types.PrepareRenameParams):
    from lsp_router.tasks import rename
    from lsp_router.tasks.common import client_range, client_to_point

    document, view = _view(ls, params.text_document.uri)
    line, character = client_to_point(document, params.position, view.lines)
    found = rename.symbol_at(view, line, character)
    if found is None or not rename.candidates(view, found[0], line, character):
        return None
    name, start, end = found
    return types.PrepareRenamePlaceholder(range=client_range(document, (line, start), (line, end), view.lines), placeholder=name)


@server.feature(types.TEXT_DOCUMENT_RENAME)
async def rename_symbol(ls: RouterServer, params: types.RenameParams):
    from lsp_router.tasks import TaskRequest, rename
    from lsp_router.tasks.common import client_range, client_to_point

    uri = params.text_document.uri
    document, view = _view(ls, uri)
    line, character = client_to_point(document, params.position, view.lines)
    if not rename.is_valid_name(params.new_name, view.language):
        raise JsonRpcInvalidParams(f"lsp-router: {params.new_name!r} is not a valid identifier")
    job = _build(ls, "rename", view, TaskRequest((line, character), new_name=params.new_name))
    if job is None:
        raise RequestFailed("lsp-router: there is no symbol to rename here")
    result = await _run(ls, job, "rename")
    if result.answer is None or not result.check.ok:
        raise RequestFailed(f"lsp-router: the rename could not be computed ({result.check.reason})")
    edits = [
        types.TextEdit(range=client_range(document, (sl, sc), (el, ec), view.lines), new_text=params.new_name)
        for sl, sc, el, ec in result.answer["edits"]
    ]
    if ls.answers is not None:
        ls.answers.applied(result, job.features, "rename")  # a client applies what rename returns
    mentions = await _mentions(ls, view, job) if _confirmable_edits(ls) else []
    if not mentions:
        return types.WorkspaceEdit(changes={uri: edits})
    # Mentions are a guess about prose: their own group, which the editor asks the user to
    # confirm (VS Code: the refactor preview), never mixed into the identifier edits.
    annotated = [
        types.AnnotatedTextEdit(range=client_range(document, (sl, sc), (el, ec), view.lines),
                                new_text=params.new_name, annotation_id=MENTIONS_ANNOTATION)
        for sl, sc, el, ec in mentions
    ]
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=view.version),
            edits=[*edits, *annotated])],
        change_annotations={MENTIONS_ANNOTATION: types.ChangeAnnotation(
            label="Update mentions in comments and strings", needs_confirmation=True,
            description=f"{len(annotated)} mention{'s' if len(annotated) != 1 else ''} of "
                        f"'{result.answer['oldName']}' in comments, docstrings and strings")},
    )


def _confirmable_edits(ls: RouterServer) -> bool:
    """Whether the client can show a confirmable group of edits: without that, mentions would
    be applied unasked, so they are not computed (nor paid for)."""
    if not ls.settings.rename.update_mentions:
        return False
    workspace = getattr(ls.client_capabilities, "workspace", None)
    edit = getattr(workspace, "workspace_edit", None)
    return bool(edit is not None and edit.document_changes and edit.change_annotation_support is not None)


async def _mentions(ls: RouterServer, view, job) -> list:
    """The comment and string mentions the model picked, checked; [] when the file has none
    (no call), or when the call fails: the identifier rename stands on its own."""
    from lsp_router.engine import BudgetStopped
    from lsp_router.providers.base import ProviderError
    from lsp_router.tasks import rename

    mentions_job = rename.build_mentions_job(view, job, job.features)
    if mentions_job is None:
        return []
    try:
        # mini reads prose well enough, and the user confirms each mention anyway
        found = await ls.engine.run_on(mentions_job, "mini", reason="mini: mentions in comments and strings")
    except (ProviderError, BudgetStopped) as exc:
        log.warning("rename: mentions not updated: %s", exc)
        return []
    if found.answer is None or not found.check.ok:
        log.info("rename: mentions not updated: %s", found.check.reason)
        return []
    return found.answer["edits"]


# -- explain --------------------------------------------------------------------------------


def _target(ls: RouterServer, params: types.ExecuteCommandParams, command: str):
    from lsp_router.tasks.common import client_to_point

    args = params.arguments or []
    if len(args) != 1 or not isinstance(args[0], dict):
        raise JsonRpcInvalidParams(f"{command} takes one argument: {{\"textDocument\": {{\"uri\"}}, \"range\"}}")
    arg = args[0]
    try:
        uri = arg["textDocument"]["uri"]
        span = ls.converter.structure(arg["range"], types.Range)
    except (KeyError, TypeError, ValueError) as exc:
        raise JsonRpcInvalidParams(f"{command}: bad argument ({exc}); expected {{\"textDocument\": {{\"uri\"}}, \"range\"}}") from None
    document, view = _view(ls, uri)
    start, end = client_to_point(document, span.start, view.lines), client_to_point(document, span.end, view.lines)
    if end < start:
        start, end = end, start
    if start == end:
        raise JsonRpcInvalidParams(f"{command}: the range is empty; select some code first")
    return arg, uri, document, view, start, end


@server.command(EXPLAIN)
async def explain(ls: RouterServer, params: types.ExecuteCommandParams):
    from lsp_router.tasks import TaskRequest

    _, uri, document, view, start, end = _target(ls, params, EXPLAIN)
    token = params.work_done_token
    on_text = None
    if token is not None:
        ls.work_done_progress.begin(token, types.WorkDoneProgressBegin(title="Explaining", cancellable=True))

        def on_text(piece: str) -> None:
            ls.work_done_progress.report(token, types.WorkDoneProgressReport(message=piece))

    job = _build(ls, "explain", view, TaskRequest(start, end, on_text=on_text))
    try:
        result = await _run(ls, job, "explain")
    except asyncio.CancelledError:
        if ls.answers is not None:  # a weak negative: the user did not wait for it
            ls.answers.cancelled(job.features, "explain", ls.engine.plan(job).decision.tier)
        raise
    finally:
        if token is not None:
            ls.work_done_progress.end(token, types.WorkDoneProgressEnd())
    if result.answer is None:
        raise RequestFailed(f"lsp-router: no explanation ({result.check.reason})")
    answer_id = None
    if ls.answers is not None:
        answer_id = ls.answers.explained(result, job.features, (uri, start, end))
        ls.after_reply(ls.notify_spend)
    return {"markdown": result.answer["markdown"], **result.summary(), "answerId": answer_id}


# -- refactor -------------------------------------------------------------------------------


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.RefactorRewrite], resolve_provider=True),
)
def code_actions(ls: RouterServer, params: types.CodeActionParams):
    """Lists AI refactors with their tier and a pre-flight cost. Never calls a model."""
    from lsp_router.tasks import TaskRequest, features_for, refactor
    from lsp_router.tasks.common import client_to_point

    if params.context.only and not any(
        kind == types.CodeActionKind.RefactorRewrite or types.CodeActionKind.RefactorRewrite.value.startswith(kind)
        for kind in params.context.only
    ):
        return None
    if ls.engine is None:
        return None
    document, view = _view(ls, params.text_document.uri)
    start, end = client_to_point(document, params.range.start, view.lines), client_to_point(document, params.range.end, view.lines)
    if start == end:
        return None
    tokens_in, tokens_out = refactor.estimate_tokens(view, start, end)
    result = []
    for title, instruction in refactor.actions(ls.settings.refactor_instructions):
        features = features_for("refactor", view, TaskRequest(start, end, instruction=instruction))
        decision, cost = ls.engine.estimate("refactor", features, tokens_in, tokens_out)
        result.append(
            types.CodeAction(
                title=f"{title} ({decision.tier}, {format_estimate(cost)})",
                kind=types.CodeActionKind.RefactorRewrite,
                data={"uri": params.text_document.uri, "range": ls.converter.unstructure(params.range), "instruction": instruction},
            )
        )
    return result


def format_estimate(cost: Decimal | None) -> str:
    from lsp_router.spend.money import format_usd

    return "unpriced" if cost is None else "~" + format_usd(cost)


async def _refactor_edit(ls: RouterServer, uri: str, span: types.Range, instruction: str):
    from lsp_router.tasks import TaskRequest
    from lsp_router.tasks.common import client_to_point

    document, view = _view(ls, uri)
    start, end = client_to_point(document, span.start, view.lines), client_to_point(document, span.end, view.lines)
    job = _build(ls, "refactor", view, TaskRequest(start, end, instruction=instruction))
    result = await _run(ls, job, "refactor")
    if result.answer is None or not result.check.ok:
        raise RequestFailed(f"lsp-router: the refactor was not applied: {result.check.reason}")
    edit = types.TextEdit(range=span, new_text=result.answer["newText"])
    versioned = types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=document.version),
        edits=[edit],
    )
    workspace_edit = (types.WorkspaceEdit(document_changes=[versioned]) if document.version is not None
                      else types.WorkspaceEdit(changes={uri: [edit]}))
    return workspace_edit, result, job


@server.feature(types.CODE_ACTION_RESOLVE)
async def resolve_code_action(ls: RouterServer, action: types.CodeAction):
    data = action.data or {}
    try:
        span = ls.converter.structure(data["range"], types.Range)
        uri, instruction = data["uri"], data["instruction"]
    except (KeyError, TypeError, ValueError):
        raise JsonRpcInvalidParams("lsp-router: this code action has no data to resolve") from None
    action.edit, result, job = await _refactor_edit(ls, uri, span, instruction)
    if ls.answers is not None:
        ls.answers.applied(result, job.features, "refactor")  # a client applies the resolved action
        ls.after_reply(ls.notify_spend)
    return action


@server.command(REFACTOR)
async def refactor_command(ls: RouterServer, params: types.ExecuteCommandParams):
    arg, uri, document, view, start, end = _target(ls, params, REFACTOR)
    instruction = arg.get("instruction")
    if not isinstance(instruction, str) or not instruction.strip():
        raise JsonRpcInvalidParams(f"{REFACTOR}: give an \"instruction\"")
    span = ls.converter.structure(arg["range"], types.Range)
    edit, result, job = await _refactor_edit(ls, uri, span, instruction.strip())
    # Cancelled before this point: nothing is applied.
    applied = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label=f"lsp-router: {instruction[:40]}"))
    answer_id = None
    if ls.answers is not None:
        answer_id = ls.answers.applied(result, job.features, "refactor", bool(applied.applied))
        ls.after_reply(ls.notify_spend)
    return {"applied": bool(applied.applied), "newText": result.answer["newText"], **result.summary(),
            "answerId": answer_id}


# -- spend ----------------------------------------------------------------------------------


@server.feature(SPEND)
def spend(ls: RouterServer, params: Any = None) -> dict:
    if ls.engine is None:
        raise RequestFailed("lsp-router: not initialized yet")
    return ls.engine.tracker.snapshot()


@server.feature(SPEND_HISTORY)
async def spend_history(ls: RouterServer, params: Any = None) -> dict:
    """Today's totals and the last sessions' (the spend view's switch), read off the event loop:
    a long ledger must not hold up a keystroke."""
    from lsp_router.spend.history import SESSIONS_LIMIT, spend_history as read_history
    from lsp_router.spend.ledger import LedgerError

    if ls.engine is None:
        raise RequestFailed("lsp-router: not initialized yet")
    limit = getattr(params, "limit", None) if params is not None and not isinstance(params, dict) else (params or {}).get("limit")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or not 0 <= limit <= 100):
        raise JsonRpcInvalidParams(f"{SPEND_HISTORY}: \"limit\" is a whole number from 0 to 100, not {limit!r}")
    tracker = ls.engine.tracker
    try:
        tracker.flush()  # rows counted but not written yet belong in the figures
    except LedgerError as exc:
        log.warning("spend history: %s", exc)
    try:
        return await asyncio.to_thread(read_history, tracker.ledger, sessions=SESSIONS_LIMIT if limit is None else limit,
                                       current=tracker.session)
    except LedgerError as exc:
        raise RequestFailed(f"lsp-router: {exc}") from exc


@server.command(RESET_SESSION)
async def reset_session(ls: RouterServer, params: types.ExecuteCommandParams):
    ls.session = uuid.uuid4().hex[:12]
    ls.engine.tracker.reset_session(ls.session)
    ls.notify_spend()
    return {"session": ls.session}


def serve(after_start: Callable[[], None] | None = None) -> None:
    """Serve on stdio; `after_start` runs once `initialize` is served and the engine built."""
    if after_start is not None:
        _after_start.append(after_start)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # pygls logs whole messages at INFO, initializationOptions included, which may hold a key.
    logging.getLogger("pygls").setLevel(logging.WARNING)
    for noisy in ("httpx", "httpx2", "httpcore", "openai", "anthropic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        if not _serve_stdio_in_loop(server):
            server.start_io()
    finally:
        # the client went away (after `shutdown` or not): keep its rows, tell nobody
        server.client_gone = True
        server.run_after_reply()
        _started()  # a client gone before start-up was over: the start-up code cache is written all the same


class _LoopStdin:
    """stdin read by the event loop itself, for pygls's `run_async`.

    pygls's own stdin reader hands every header line and every body to a worker
    thread: three thread hops per message, about 1 ms, and up to the interpreter's
    5 ms switch interval when the event loop is busy. Every keystroke pays that.
    """

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self.stream = stream

    def readline(self):
        return self.stream.readline()

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self.stream.readexactly(n)
        except asyncio.IncompleteReadError as exc:
            return exc.partial  # end of input: run_async stops on a short read


def _serve_stdio_in_loop(ls: RouterServer) -> bool:
    """Serve stdio like `start_io`, reading stdin in the event loop; False when stdin is not
    a pipe or a socket (a terminal, /dev/null, a regular file: epoll cannot watch those)
    or on Windows: then `start_io` serves."""
    import os
    import stat

    from pygls.io_ import StdoutWriter, run_async

    try:
        fd = sys.stdin.fileno()
        mode = os.fstat(fd).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    if sys.platform == "win32" or not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        return False

    async def read_messages() -> None:
        stream = asyncio.StreamReader(limit=1 << 24)
        loop = asyncio.get_running_loop()
        # a duplicate: the transport closes its pipe at the end of input, sys.stdin stays
        pipe = os.fdopen(os.dup(fd), "rb", buffering=0)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), pipe)
        await run_async(stop_event=ls._stop_event, reader=_LoopStdin(stream), protocol=ls.protocol,
                        logger=logging.getLogger("pygls.io_"), error_handler=ls.report_server_error)

    ls._stop_event = threading.Event()  # what `start_io` sets up; `shutdown` sets it
    ls.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    blocking = os.get_blocking(fd)
    try:
        asyncio.run(read_messages())
    except BrokenPipeError:
        log.error("Connection to the client is lost! Shutting down the server.")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        ls.shutdown()
        try:
            os.set_blocking(fd, blocking)  # the pipe may be shared with other processes
        except OSError:
            pass
    return True
