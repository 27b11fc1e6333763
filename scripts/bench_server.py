#!/usr/bin/env python3
"""Benchmark the real language server over stdio (`python -m lsp_router serve`).

What it measures, in one run (figures are printed, never asserted):

* start: wall time from spawn to the `initialize` reply (median of --runs; the runs share a
  cache directory, as an editor's starts do, and a first start with an empty one is shown
  apart: it compiles what lsp_router/startup_codecache.py keeps for the later ones), next to
  - the pygls floor: spawn to exit of `python -c "import pygls.lsp.server"`, and the same
    spawn -> `initialize` reply for a minimal pygls server (no features);
  - GitHub's Copilot language server (`@github/copilot-language-server` from the npm
    registry, cached under ${LSP_ROUTER_BENCH_HOME:-~/.cache/lsp-router-bench}), when it can
    be installed; otherwise "peer: not available";
* resident memory (VmRSS from /proc/PID/status; for the peer, summed over its process tree)
  at rest (2 s after `initialized`) and, for lsp-router, once a document is open (the server
  then loads its SDKs in the background) and after 10,000 more requests (result-cache hits);
* router overhead per request: inline completions that each miss the cache (a different
  cursor each time), `autocomplete.debounceMs` 0, the loopback provider answering at once.
  overhead = the client's round trip - the provider's own time, where the provider's time
  is measured inside the loopback process (from the start of reading the HTTP request body
  to the end of writing the answer; CLOCK_MONOTONIC is shared by all processes). The
  loopback's HTTP header parsing therefore counts as overhead (a few tens of microseconds).
  Beside it, the floor any pygls server that forwards requests through the official SDK
  pays: the OpenAI SDK alone and its HTTP client (httpx2) alone, making the same streaming
  call from this process, and a pygls server that answers the same requests at once
  (ECHO_PYGLS_SERVER), as pygls ships and with lsp-router's stdin reader;
* a typing burst: 30 keystrokes 40 ms apart (`didChange` of one character, then an inline
  completion request, the previous one cancelled with `$/cancelRequest` as VS Code does),
  default debounce (150 ms): how many upstream calls it made; once after the server has warmed
  up, and once right after the file opens (while it loads its SDKs in the background);

The client is a small asyncio JSON-RPC client (Content-Length framing over the pipes); the
loopback provider (tests/loopback.py) runs in its own process so that it never competes
with the client for the GIL. Documents are real Python standard-library files.

    python scripts/bench_server.py [--runs 10] [--requests 1000] [--memory-requests 10000]
                                   [--no-peer] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])
MINI = "openai:gpt-5.4-mini"
FRONTIER = "anthropic:claude-opus-4-7"
OPENAI_TEST_KEY = "sk-test-openai-0123456789abcdef"
ANTHROPIC_TEST_KEY = "sk-ant-test-0123456789abcdef"
SERVER_CMD = [sys.executable, "-m", "lsp_router", "serve"]
GENERATION_PATHS = ("/chat/completions", "/responses", "/messages")
BENCH_HOME = Path(os.environ.get("LSP_ROUTER_BENCH_HOME") or Path.home() / ".cache" / "lsp-router-bench")
COPILOT_PACKAGE = "@github/copilot-language-server"

# Targets from the issue (printed next to the figures, never asserted).
TARGET_PEER_START = 2.0  # at least 2x faster start than the peer
TARGET_PEER_MEMORY = 4.0  # at least 4x less memory than the peer
TARGET_FLOOR = 1.3  # start within 1.3x of the pygls import floor
TARGET_OVERHEAD_P99_MS = 1.0
TARGET_CACHED_MS = 5.0

MINIMAL_PYGLS_SERVER = """
from pygls.lsp.server import LanguageServer
LanguageServer("floor", "0").start_io()
"""

# The least any pygls server does for an inline completion: the same request structured
# into lsprotocol types, an async handler, the same reply written back. No model, no work.
ECHO_PYGLS_SERVER = """
import sys
from lsprotocol import types
from pygls.lsp.server import LanguageServer
server = LanguageServer("floor", "0")
@server.feature(types.TEXT_DOCUMENT_INLINE_COMPLETION, types.InlineCompletionOptions())
async def complete(ls, params):
    here = types.Range(params.position, params.position)
    return types.InlineCompletionList(items=[types.InlineCompletionItem(insert_text="  # ok", range=here)])
if "--loop-stdin" in sys.argv:  # stdin read in the event loop, as lsp-router serves
    from lsp_router.server import _serve_stdio_in_loop
    _serve_stdio_in_loop(server) or server.start_io()
else:
    server.start_io()
"""


# ----------------------------------------------------------------------------- JSON-RPC client


@dataclass
class Reply:
    result: Any
    error: dict | None
    rtt: float  # seconds, from just before the request was written to the reply fully read
    received: float  # time.monotonic() when the reply was read


class LspProcess:
    """One language server process and a minimal JSON-RPC client on its stdio."""

    def __init__(self, cmd: list[str], env: dict | None = None, cwd: str | None = None, stderr=None):
        self.cmd = cmd
        self.env = env
        self.cwd = cwd
        self.stderr = stderr
        self.proc: asyncio.subprocess.Process | None = None
        self.spawned_at = 0.0
        self._next_id = 0
        self._pending: dict[int, tuple[float, asyncio.Future]] = {}
        self.notifications: list[tuple[float, str, Any]] = []
        self.listeners: list[Callable[[float, str, Any], None]] = []
        self._reader: asyncio.Task | None = None
        self.closed = asyncio.Event()

    async def spawn(self) -> None:
        self.spawned_at = time.monotonic()
        self.proc = await asyncio.create_subprocess_exec(
            *self.cmd,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self.stderr if self.stderr is not None else asyncio.subprocess.DEVNULL,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,  # its own process group: the whole tree can be stopped
            limit=1 << 24,
        )
        self._reader = asyncio.create_task(self._read_loop())

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def _read_loop(self) -> None:
        stream = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = await stream.readline()
                    if not line:
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    key, _, value = line.partition(b":")
                    if key.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    continue
                body = await stream.readexactly(length)
                now = time.monotonic()
                message = json.loads(body)
                if "method" not in message:
                    entry = self._pending.pop(message.get("id"), None)
                    if entry is not None and not entry[1].done():
                        entry[1].set_result(Reply(message.get("result"), message.get("error"), now - entry[0], now))
                elif "id" in message:
                    self._answer_server_request(message)
                else:
                    self.notifications.append((now, message["method"], message.get("params")))
                    for listener in self.listeners:
                        listener(now, message["method"], message.get("params"))
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        finally:
            self.closed.set()
            for _, future in self._pending.values():
                if not future.done():
                    future.set_exception(ConnectionError("the server closed its stdout"))

    def _answer_server_request(self, message: dict) -> None:
        method = message["method"]
        result: Any = None
        if method == "workspace/configuration":
            result = [None for _ in (message.get("params") or {}).get("items", [])]
        elif method == "workspace/applyEdit":
            result = {"applied": True}
        self._write({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def _write(self, obj: dict) -> None:
        data = json.dumps(obj, separators=(",", ":")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(data), data))

    def send_request(self, method: str, params: Any) -> tuple[int, asyncio.Future]:
        self._next_id += 1
        rid = self._next_id
        future = asyncio.get_running_loop().create_future()
        data = json.dumps({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}, separators=(",", ":")).encode()
        frame = b"Content-Length: %d\r\n\r\n%s" % (len(data), data)
        self._pending[rid] = (time.monotonic(), future)  # the clock starts as the bytes leave
        self.proc.stdin.write(frame)
        return rid, future

    async def request(self, method: str, params: Any = None, timeout: float = 60.0) -> Reply:
        _, future = self.send_request(method, params)
        await self.proc.stdin.drain()
        return await asyncio.wait_for(future, timeout)

    async def notify(self, method: str, params: Any = None) -> None:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})
        await self.proc.stdin.drain()

    async def wait_for(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Until `condition()` holds (checked as messages arrive), or `timeout` s."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.0005)
        return True

    async def cancel(self, rid: int) -> None:
        await self.notify("$/cancelRequest", {"id": rid})

    async def close(self, timeout: float = 5.0) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        try:
            await self.request("shutdown", None, timeout=timeout)
            await self.notify("exit", None)
            self.proc.stdin.close()
            await asyncio.wait_for(self.proc.wait(), timeout)
        except (asyncio.TimeoutError, ConnectionError, BrokenPipeError, OSError):
            pass
        finally:
            self.kill_tree()
            if self._reader is not None:
                self._reader.cancel()

    def kill_tree(self) -> None:
        if self.proc is None:
            return
        for pid in reversed(process_tree(self.proc.pid)):
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass


# ----------------------------------------------------------------------------- helpers


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants (from /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def tree_rss_kb(root: int) -> int:
    return sum(rss_kb(pid) for pid in process_tree(root))


async def settled_rss(pid: int, quiet: float = 1.5, limit: float = 20.0) -> int:
    """VmRSS once it has not grown for `quiet` seconds (background loading done), at most `limit` s."""
    deadline = time.monotonic() + limit
    value, stable_since = rss_kb(pid), time.monotonic()
    while time.monotonic() < deadline:
        await asyncio.sleep(0.25)
        now = rss_kb(pid)
        if now > value + 256:
            value, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since >= quiet:
            break
    return rss_kb(pid)


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram = 0
    try:
        with open("/proc/meminfo") as f:
            ram = int(f.readline().split()[1]) // 1024
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_mb": ram, "python": platform.python_version()}


def load() -> str:
    """The 1/5/15-minute load averages: other work on the machine skews every timing."""
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "?"


def settings(openai_url: str, anthropic_url: str, debounce_ms: int | None = 0, **extra) -> dict:
    value: dict[str, Any] = {
        "models": {"mini": MINI, "frontier": FRONTIER},
        "openai": {"baseUrl": openai_url},
        "anthropic": {"baseUrl": anthropic_url},
        "routing": {"autocomplete": "mini"},
        "maxRetries": 1,
    }
    if debounce_ms is not None:
        value["autocomplete"] = {"debounceMs": debounce_ms}
    value.update(extra)
    return value


def server_env(home: Path, cache: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY") and not k.endswith("_BASE_URL")}
    env.update(
        LSP_ROUTER_DATA_DIR=str(home / "data"),
        LSP_ROUTER_CACHE_DIR=str(cache or home / "cache"),
        OPENAI_API_KEY=OPENAI_TEST_KEY,
        ANTHROPIC_API_KEY=ANTHROPIC_TEST_KEY,
        PYTHONPATH=str(ROOT) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else ""),
    )
    return env


def client_capabilities() -> dict:
    return {
        "window": {"workDoneProgress": True, "showMessage": {}},
        "workspace": {"applyEdit": True, "workspaceEdit": {"documentChanges": True}, "configuration": True},
        "textDocument": {
            "synchronization": {"didSave": True},
            "inlineCompletion": {},
            "rename": {"prepareSupport": True},
            "codeAction": {"resolveSupport": {"properties": ["edit"]}, "dataSupport": True},
        },
    }


def initialize_params(root: Path, options: dict | None) -> dict:
    return {
        "processId": os.getpid(),
        "clientInfo": {"name": "lsp-router-bench", "version": "1"},
        "rootUri": root.as_uri(),
        "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
        "capabilities": client_capabilities(),
        "initializationOptions": options,
    }


# ----------------------------------------------------------------------------- loopback process


class LoopbackProcess:
    """tests/loopback.py in its own process, reporting every request's provider-side time.

    Runs ``python -m tests.loopback --print-requests``: one JSON line per finished request,
    with the loopback's own ``startedAt`` (request line and headers parsed, before the body
    is read) and ``finishedAt`` (just after the final write of the answer), both
    time.monotonic() seconds, which this process can compare with its own clock.
    """

    def __init__(self, text: str = "ok", delay: float = 0.0):
        self.text = text
        self.delay = delay
        self.spans: list[dict] = []
        self._new = asyncio.Event()
        self.url = ""

    async def __aenter__(self) -> "LoopbackProcess":
        command = [sys.executable, "-m", "tests.loopback", "--port", "0", "--text", self.text, "--print-requests",
                   "--until-stdin-eof"]  # stops when our end of its stdin closes, even if we die
        self._script: str | None = None
        if self.delay:  # a rule answering every request with the text, after the delay
            with tempfile.NamedTemporaryFile("w", prefix="bench-loopback-", suffix=".json", delete=False) as f:
                json.dump([{"text": self.text, "delay": self.delay}], f)
            self._script = f.name
            command += ["--script", self._script]
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, cwd=str(ROOT), env=env,
            limit=1 << 24,  # a line holds the whole prompt
        )
        line = (await asyncio.wait_for(self.proc.stdout.readline(), 30)).decode().strip()
        if not line.startswith("LOOPBACK "):
            raise RuntimeError(f"the loopback did not start: {line!r}")
        self.url = line.split()[1]
        self._reader = asyncio.create_task(self._read())
        return self

    @staticmethod
    def span(request: dict) -> dict:
        """One --print-requests line -> what the phases use (t0/t1: the provider's own time)."""
        # the text before each cursor mark (the system prompt names the mark too)
        parts = (request.get("promptText") or "").split("<|cursor|>")[:-1]
        return {
            "path": request["path"],
            "t0": request["startedAt"],
            "t1": request["finishedAt"],
            "before_cursor": [part[-60:] for part in parts],
        }

    async def _read(self) -> None:
        while True:
            line = await self.proc.stdout.readline()
            if not line:
                return
            self.spans.append(self.span(json.loads(line)))
            self._new.set()

    @property
    def openai_base_url(self) -> str:
        return self.url + "/v1"

    @property
    def anthropic_base_url(self) -> str:
        return self.url

    def calls(self) -> list[dict]:
        return [s for s in self.spans if any(p in s["path"] for p in GENERATION_PATHS)]

    async def wait_calls(self, n: int, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        while len(self.calls()) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self._new.clear()
            try:
                await asyncio.wait_for(self._new.wait(), remaining)
            except asyncio.TimeoutError:
                return False
        return True

    async def __aexit__(self, *exc: Any) -> None:
        self.proc.stdin.close()  # the loopback stops when its stdin closes
        try:
            await asyncio.wait_for(self.proc.wait(), 5)
        except asyncio.TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        self._reader.cancel()
        if self._script:
            os.unlink(self._script)


# ----------------------------------------------------------------------------- documents


@dataclass
class Doc:
    path: Path
    uri: str
    text: str
    lines: list[str] = field(default_factory=list)


def load_doc(relative: str) -> Doc:
    path = STDLIB / relative
    text = path.read_text(encoding="utf-8")
    return Doc(path, path.as_uri(), text, text.split("\n"))


def line_end_positions(doc: Doc, limit: int) -> list[tuple[int, int]]:
    """Cursors at the end of code lines (the usual ghost-text spot), spread over the file."""
    spots = []
    for number, line in enumerate(doc.lines):
        stripped = line.strip()
        if len(stripped) >= 8 and not stripped.endswith("\\") and not stripped.startswith("#"):
            spots.append((number, utf16_len(line)))
    if len(spots) > limit:
        step = len(spots) / limit
        spots = [spots[int(i * step)] for i in range(limit)]
    return spots


async def did_open(server: LspProcess, doc: Doc) -> None:
    await server.notify("textDocument/didOpen", {
        "textDocument": {"uri": doc.uri, "languageId": "python", "version": 1, "text": doc.text}
    })


def inline_params(uri: str, line: int, character: int) -> dict:
    return {
        "textDocument": {"uri": uri},
        "position": {"line": line, "character": character},
        "context": {"triggerKind": 2},  # Automatic
    }


async def start_router(home: Path, options: dict, cache: Path | None = None) -> tuple[LspProcess, Reply, Reply]:
    """Spawn lsp-router, initialize it and wait until its engine is up (first lspRouter/spend).
    `cache`: a cache directory shared with earlier starts (else a new one: a first start)."""
    home.mkdir(parents=True, exist_ok=True)
    stderr = open(home / "server.log", "ab")
    server = LspProcess(SERVER_CMD, env=server_env(home, cache), cwd=str(home), stderr=stderr)
    await server.spawn()
    init = await server.request("initialize", initialize_params(home, options))
    init.rtt = init.received - server.spawned_at
    await server.notify("initialized", {})
    ready = await server.request("lspRouter/spend", None)
    ready.rtt = ready.received - server.spawned_at
    return server, init, ready


# ----------------------------------------------------------------------------- start time


async def time_process_exit(cmd: list[str]) -> float:
    start = time.monotonic()
    proc = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.DEVNULL)
    await proc.wait()
    return time.monotonic() - start


async def time_initialize(cmd: list[str], env: dict | None, cwd: Path, options: dict | None,
                          settle: float | None = None) -> tuple[float, int | None]:
    """Spawn -> `initialize` reply; with `settle`, also the tree's RSS `settle` s after `initialized`."""
    server = LspProcess(cmd, env=env, cwd=str(cwd))
    try:
        await server.spawn()
        reply = await server.request("initialize", initialize_params(cwd, options), timeout=60)
        elapsed = reply.received - server.spawned_at
        if reply.error:
            raise RuntimeError(f"initialize failed: {reply.error}")
        await server.notify("initialized", {})
        rss = None
        if settle is not None:
            await asyncio.sleep(settle)
            rss = tree_rss_kb(server.pid)
        return elapsed, rss
    finally:
        await server.close()


def find_copilot() -> tuple[list[str] | None, str]:
    """The Copilot language server's command, installing it from the npm registry once."""
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None:
        return None, "node is not installed"
    prefix = BENCH_HOME / "copilot"
    script = prefix / "node_modules" / "@github" / "copilot-language-server" / "dist" / "language-server.js"
    if not script.exists():
        if npm is None:
            return None, "npm is not installed"
        prefix.mkdir(parents=True, exist_ok=True)
        try:
            done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix), COPILOT_PACKAGE],
                                  capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"npm install failed: {exc}"
        if done.returncode != 0 or not script.exists():
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
            return None, f"npm install failed: {tail[0]}"
    version = "?"
    try:
        version = json.loads((script.parent.parent / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        pass
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    return [node, str(script), "--stdio"], f"{COPILOT_PACKAGE} {version} on node {node_version}"


COPILOT_OPTIONS = {
    "editorInfo": {"name": "lsp-router-bench", "version": "1.0"},
    "editorPluginInfo": {"name": "lsp-router-bench", "version": "1.0"},
}


# ----------------------------------------------------------------------------- the phases


async def phase_start(args, work: Path, results: dict, out: Callable[[str], None]) -> None:
    out("## Start time (spawn -> initialize reply) and memory at rest")
    options = settings("http://127.0.0.1:9/v1", "http://127.0.0.1:9", debounce_ms=0)
    env_home = work / "start"
    env_home.mkdir(parents=True, exist_ok=True)

    peer_cmd, about = (None, "--no-peer") if args.no_peer else find_copilot()
    peer_home = work / "peer"
    peer_home.mkdir(parents=True, exist_ok=True)
    peer_env = {**os.environ, "HOME": str(peer_home), "XDG_CONFIG_HOME": str(peer_home / "config")}
    peer, peer_rss = [], []

    # As `pip install` of a wheel leaves them, or Python's first import where it may write
    # bytecode: without, an editable install compiles lsp-router's modules at every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lsp_router")], check=False,
                   stdout=subprocess.DEVNULL)
    if sys.flags.dont_write_bytecode:
        out("lsp-router's modules byte-compiled first (python -m compileall), as a wheel's install does: "
            "this machine sets PYTHONDONTWRITEBYTECODE, so each start would otherwise compile them (~40 ms)")

    # The runs are interleaved (floor, minimal server, lsp-router, peer, floor, ...) so that
    # other load on the machine weighs on every figure alike.
    floor_import, floor_server, ours, ours_ready = [], [], [], []
    # A first start on a machine compiles the code attrs generates for lsprotocol and keeps
    # it in the cache directory (lsp_router/startup_codecache.py); every later start reads it. The
    # timed runs share one cache directory, as an editor's starts do; this one has none yet.
    shared_cache = env_home / "shared-cache"
    first_server, first_init, _ = await start_router(env_home / "first", options, shared_cache)
    results["first_start_s"] = first_init.rtt
    await first_server.close()
    for i in range(max(args.runs, args.peer_runs)):
        if i < args.runs:
            floor_import.append(await time_process_exit([sys.executable, "-c", "import pygls.lsp.server"]))
            elapsed, _ = await time_initialize([sys.executable, "-c", MINIMAL_PYGLS_SERVER], None, env_home, None)
            floor_server.append(elapsed)
            server, init, ready = await start_router(env_home / f"run{i}", options, shared_cache)
            ours.append(init.rtt)
            ours_ready.append(ready.rtt)
            if i == 0:
                await asyncio.sleep(2.0)
                results["rss_rest_kb"] = rss_kb(server.pid)
                await did_open(server, load_doc("textwrap.py"))
                results["rss_open_kb"] = await settled_rss(server.pid)
            await server.close()
        if peer_cmd is not None and i < args.peer_runs:
            try:
                elapsed, rss = await time_initialize(peer_cmd, peer_env, peer_home, COPILOT_OPTIONS,
                                                     settle=2.0 if i == 0 else None)
            except Exception as exc:  # the peer is a comparison, not the subject
                about = f"{about}: {type(exc).__name__}: {exc}"
                peer_cmd = None
                continue
            peer.append(elapsed)
            if rss is not None:
                peer_rss.append(rss)

    results["start_s"] = statistics.median(ours)
    results["ready_s"] = statistics.median(ours_ready)
    results["floor_import_s"] = statistics.median(floor_import)
    results["floor_server_s"] = statistics.median(floor_server)
    out(f"lsp-router             spawn -> initialize reply: median {ms(results['start_s'])} "
        f"(min {ms(min(ours))}, max {ms(max(ours))}, {args.runs} runs)")
    out(f"lsp-router             the first start on this machine (no cached attrs code yet): "
        f"{ms(results['first_start_s'])}")
    out(f"lsp-router             spawn -> engine ready (first lspRouter/spend reply after initialized): "
        f"median {ms(results['ready_s'])}")
    out(f"pygls floor            spawn -> exit of `python -c 'import pygls.lsp.server'`: median {ms(results['floor_import_s'])}")
    out(f"minimal pygls server   spawn -> initialize reply: median {ms(results['floor_server_s'])}")
    out(f"lsp-router             resident memory at rest (2 s after initialized): {mb(results['rss_rest_kb'])}; "
        f"once a document is open and the server has warmed up (SDKs and tokenizer loaded in the background), "
        f"no request yet: {mb(results['rss_open_kb'])}")
    if peer_cmd is None or not peer or not peer_rss:
        out(f"peer: not available ({about})")
        return
    results["peer"] = about
    results["peer_start_s"] = statistics.median(peer)
    results["peer_rss_kb"] = peer_rss[0]
    out(f"peer                   {about}")
    out(f"peer                   spawn -> initialize reply: median {ms(results['peer_start_s'])} "
        f"(min {ms(min(peer))}, max {ms(max(peer))}, {len(peer)} runs)")
    out(f"peer                   resident memory at rest (2 s after initialized, process tree): {mb(peer_rss[0])}")


async def phase_requests(args, work: Path, results: dict, out: Callable[[str], None]) -> None:
    out("")
    out("## Router overhead per request, and memory after many requests")
    async with LoopbackProcess(text="  # ok") as lb:
        server, _, _ = await start_router(work / "requests", settings(lb.openai_base_url, lb.anthropic_base_url, debounce_ms=0))
        try:
            cached_flags: list[bool] = []
            call_ms: list[float] = []  # the server's own timing of each upstream call (last.latencyMs)

            def on_spend(t, m, p) -> None:
                if m == "lspRouter/spendChanged" and p and p.get("last"):
                    cached_flags.append(bool(p["last"]["cached"]))
                    if not p["last"]["cached"]:
                        call_ms.append(float(p["last"].get("latencyMs") or 0.0))

            server.listeners.append(on_spend)
            docs = [load_doc(name) for name in args.files]
            for doc in docs:
                await did_open(server, doc)
            per_doc = -(-args.requests // len(docs))
            spots = [(doc, line, col) for doc in docs for line, col in line_end_positions(doc, per_doc)]
            random.Random(1).shuffle(spots)
            spots = spots[: args.requests]
            await server.request("lspRouter/spend")  # every didOpen is processed

            # warm-up on a separate document: the SDK import and the first connection
            warm = Doc(work / "warm.py", (work / "warm.py").as_uri(), "import os\nprint(os.getcwd())\n")
            warm.lines = warm.text.split("\n")
            await did_open(server, warm)
            for i in range(args.warmup):
                await server.request("textDocument/inlineCompletion", inline_params(warm.uri, 1, 17 - (i % 3)))
            await lb.wait_calls(1)

            rtts, provider, overhead, by_file = [], [], [], {}
            around_call, in_client = [], []  # the overhead split where the server times the call
            empty = 0
            for doc, line, col in spots:
                before, timed_before = len(lb.calls()), len(call_ms)
                reply = await server.request("textDocument/inlineCompletion", inline_params(doc.uri, line, col))
                if reply.error or not (reply.result or {}).get("items"):
                    empty += 1
                if not await lb.wait_calls(before + 1, timeout=2.0):
                    continue  # answered without an upstream call (no overhead sample)
                # as an editor's next keystroke would: once this request's bookkeeping (ledger
                # row, cache store, spendChanged, all written just after the reply) is done
                await server.wait_for(lambda: len(call_ms) > timed_before, timeout=2.0)
                span = lb.calls()[before]
                upstream = span["t1"] - span["t0"]
                rtts.append(reply.rtt)
                provider.append(upstream)
                overhead.append(reply.rtt - upstream)
                by_file.setdefault(doc.path.name, []).append(reply.rtt - upstream)
                if len(call_ms) > timed_before:
                    call = call_ms[-1] / 1000
                    around_call.append(reply.rtt - call)
                    in_client.append(call - upstream)
            results["overhead_p50_ms"] = pct(overhead, 50) * 1000
            results["overhead_p99_ms"] = pct(overhead, 99) * 1000
            out("method: overhead = client round trip - provider time measured inside the loopback process "
                "(start of reading the HTTP body -> end of writing the answer)")
            out(f"requests: {len(overhead)} inline completions, each a cache miss (a different cursor), "
                f"debounceMs 0, loopback answering at once; {empty} came back without an item")
            out(f"documents: {', '.join(args.files)} (Python stdlib)")
            out(f"round trip             p50 {ms(pct(rtts, 50))}  p99 {ms(pct(rtts, 99))}  max {ms(max(rtts))}")
            out(f"provider (loopback)    p50 {ms(pct(provider, 50))}  p99 {ms(pct(provider, 99))}")
            out(f"router overhead        p50 {ms(pct(overhead, 50))}  p99 {ms(pct(overhead, 99))}  max {ms(max(overhead))}")
            if around_call:
                results["own_p50_ms"] = pct(around_call, 50) * 1000
                results["own_p99_ms"] = pct(around_call, 99) * 1000
                results["client_p50_ms"] = pct(in_client, 50) * 1000
                results["client_p99_ms"] = pct(in_client, 99) * 1000
                out(f"  of which lsp-router's own work around the upstream call (round trip - the call as the "
                    f"server timed it, last.latencyMs): p50 {ms(pct(around_call, 50))}  p99 {ms(pct(around_call, 99))}")
                out(f"  of which the SDK and its HTTP client (the call as the server timed it - the loopback's "
                    f"time): p50 {ms(pct(in_client, 50))}  p99 {ms(pct(in_client, 99))}")
            for name, values in by_file.items():
                size = len((STDLIB / next(f for f in args.files if f.endswith(name))).read_bytes()) // 1024
                out(f"  {name:<22} ({size:>3} KB) overhead p50 {ms(pct(values, 50))}  p99 {ms(pct(values, 99))}")

            await sdk_floor(lb, docs[0].text, args.sdk_calls, results, out)
            await http_floor(lb, docs[0].text, args.sdk_calls, results, out)
            await pygls_floor(work, spots, results, out)
            await pygls_floor(work, spots, results, out, loop_stdin=True)
            floors_summary(results, out)

            # many cached requests for the memory figure
            results["rss_before_many_kb"] = rss_kb(server.pid)
            cached_flags.clear()
            calls_before = len(lb.calls())
            order = spots * (-(-args.memory_requests // len(spots)))
            cached_rtts = []
            for doc, line, col in order[: args.memory_requests]:
                reply = await server.request("textDocument/inlineCompletion", inline_params(doc.uri, line, col))
                cached_rtts.append(reply.rtt)
            await server.request("lspRouter/spend")
            results["rss_after_many_kb"] = rss_kb(server.pid)
            results["cached_p50_ms"] = pct(cached_rtts, 50) * 1000
            results["cached_p99_ms"] = pct(cached_rtts, 99) * 1000
            new_calls = len(lb.calls()) - calls_before
            out(f"then {args.memory_requests} inline completions at the same cursors, in turn (result-cache hits: "
                f"{sum(cached_flags)} spendChanged with cached=true, {new_calls} upstream calls)")
            out(f"cached round trip      p50 {ms(pct(cached_rtts, 50))}  p99 {ms(pct(cached_rtts, 99))}  "
                f"max {ms(max(cached_rtts))}")
            out(f"resident memory        after the cache-miss requests {mb(results['rss_before_many_kb'])}, "
                f"after {args.memory_requests} more requests {mb(results['rss_after_many_kb'])} "
                f"(at rest before any request: {mb(results.get('rss_rest_kb', 0))})")
        finally:
            await server.close()


async def sdk_floor(lb: LoopbackProcess, text: str, calls: int, results: dict, out: Callable[[str], None]) -> None:
    """The OpenAI SDK's own cost per call (what the router pays on every upstream call).

    The same kind of call the server makes for a completion (a streaming chat completion
    with usage, a ~6,000-character prompt), from this process to the same loopback; its
    round trip minus the loopback's own time.
    """
    try:
        from openai import AsyncOpenAI, AsyncStream
        from openai.types.chat import ChatCompletion
    except ImportError:
        out("OpenAI SDK alone: not measured (openai is not importable here)")
        return
    client = AsyncOpenAI(base_url=lb.openai_base_url, api_key=OPENAI_TEST_KEY, max_retries=0)
    prompt = f"Language: python\n```\n{text[:6000]}<|cursor|>{text[6000:8000]}\n```\nText to insert at <|cursor|>:"
    values = []
    try:
        for i in range(calls + 5):
            before = len(lb.calls())
            started = time.monotonic()
            # the call the server makes (providers/sdk.py `_open_chat_stream`): the SDK's
            # client, auth, errors and SSE decoding, chunks as plain dicts
            stream = await client.post("/chat/completions", body={
                "model": MINI.split(":", 1)[1], "max_completion_tokens": 192, "stream": True,
                "stream_options": {"include_usage": True},
                "messages": [{"role": "system", "content": "You are a code completion engine."},
                             {"role": "user", "content": prompt}],
            }, cast_to=ChatCompletion, stream=True, stream_cls=AsyncStream[object])
            async for _ in stream:
                pass
            elapsed = time.monotonic() - started
            if not await lb.wait_calls(before + 1, timeout=2.0):
                continue
            span = lb.calls()[before]
            if i >= 5:  # the first calls open the connection
                values.append(elapsed - (span["t1"] - span["t0"]))
    finally:
        await client.close()
    results["sdk_p50_ms"] = pct(values, 50) * 1000
    results["sdk_p99_ms"] = pct(values, 99) * 1000
    out(f"OpenAI SDK alone       p50 {ms(pct(values, 50))}  p99 {ms(pct(values, 99))}  ({len(values)} streaming chat "
        f"completions from this process to the same loopback, minus the loopback's time: part of the overhead above)")


async def http_floor(lb: LoopbackProcess, text: str, calls: int, results: dict, out: Callable[[str], None]) -> None:
    """The SDK's HTTP client alone (httpx2, which the OpenAI SDK is built on): the same
    streaming request, read line by line, with no SDK around it."""
    try:
        import httpx2
    except ImportError:
        out("HTTP client alone: not measured (httpx2 is not importable here)")
        return
    prompt = f"Language: python\n```\n{text[:6000]}<|cursor|>{text[6000:8000]}\n```\nText to insert at <|cursor|>:"
    body = {
        "model": MINI.split(":", 1)[1], "max_completion_tokens": 192, "stream": True,
        "stream_options": {"include_usage": True},
        "messages": [{"role": "system", "content": "You are a code completion engine."},
                     {"role": "user", "content": prompt}],
    }
    values = []
    async with httpx2.AsyncClient(base_url=lb.openai_base_url, headers={"Authorization": f"Bearer {OPENAI_TEST_KEY}"}) as client:
        for i in range(calls + 5):
            before = len(lb.calls())
            started = time.monotonic()
            async with client.stream("POST", "/chat/completions", json=body) as response:
                async for _ in response.aiter_lines():
                    pass
            elapsed = time.monotonic() - started
            if not await lb.wait_calls(before + 1, timeout=2.0):
                continue
            span = lb.calls()[before]
            if i >= 5:
                values.append(elapsed - (span["t1"] - span["t0"]))
    results["http_p50_ms"] = pct(values, 50) * 1000
    results["http_p99_ms"] = pct(values, 99) * 1000
    out(f"HTTP client alone      p50 {ms(pct(values, 50))}  p99 {ms(pct(values, 99))}  (the same {len(values)} streaming "
        f"requests with httpx2, the SDK's HTTP client, and no SDK: part of the SDK's figure above)")


async def pygls_floor(work: Path, spots: list, results: dict, out: Callable[[str], None], loop_stdin: bool = False) -> None:
    """A pygls server that answers every inline completion at once (ECHO_PYGLS_SERVER), asked
    the same requests one after another: what stdio, JSON-RPC and lsprotocol cost any
    pygls server, before it does any work. As pygls ships (its stdin reader hands each
    message to a thread), and with `loop_stdin` with lsp-router's reader in the event loop."""
    home = work / ("echo-loop" if loop_stdin else "echo")
    home.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-c", ECHO_PYGLS_SERVER] + (["--loop-stdin"] if loop_stdin else [])
    server = LspProcess(cmd, cwd=str(home))
    await server.spawn()
    try:
        await server.request("initialize", initialize_params(home, None))
        await server.notify("initialized", {})
        rtts = []
        for i, (doc, line, col) in enumerate(spots):
            reply = await server.request("textDocument/inlineCompletion", inline_params(doc.uri, line, col))
            if i >= 20 and not reply.error:
                rtts.append(reply.rtt)
    finally:
        await server.close()
    if loop_stdin:
        results["pygls_p50_ms"] = pct(rtts, 50) * 1000
        results["pygls_p99_ms"] = pct(rtts, 99) * 1000
        out(f"  same, stdin read     p50 {ms(pct(rtts, 50))}  p99 {ms(pct(rtts, 99))}  (lsp-router's stdin reader, "
            f"in the event loop: the protocol's part of the overhead)")
    else:
        results["pygls_stock_p50_ms"] = pct(rtts, 50) * 1000
        results["pygls_stock_p99_ms"] = pct(rtts, 99) * 1000
        out(f"pygls server alone     p50 {ms(pct(rtts, 50))}  p99 {ms(pct(rtts, 99))}  ({len(rtts)} of the same requests "
            f"to a pygls server that answers them at once, as pygls ships (start_io))")


def floors_summary(results: dict, out: Callable[[str], None]) -> None:
    """What any pygls server that calls a provider through the official SDK pays per request."""
    if "pygls_p50_ms" not in results or "sdk_p50_ms" not in results:
        return
    p50 = results["pygls_p50_ms"] + results["sdk_p50_ms"]
    p99 = results["pygls_p99_ms"] + results["sdk_p99_ms"]
    results["floor_overhead_p50_ms"], results["floor_overhead_p99_ms"] = p50, p99
    out(f"floor                  p50 {p50:.2f} ms  p99 {p99:.2f} ms  (pygls server alone, stdin read in the loop, + OpenAI SDK alone: the overhead "
        f"of a pygls server that does nothing but forward the request through the SDK; the p99s add up to an upper bound)")


async def phase_burst(args, work: Path, results: dict, out: Callable[[str], None], warm: bool = True) -> None:
    """30 keystrokes; `warm`: after a first completion and the background warm-up; otherwise
    right after the file opens, while the server still loads its SDKs."""
    out("")
    out("## Typing burst" + ("" if warm else ", right after the file opens (no warm-up)"))
    key = "burst" if warm else "burst_cold"
    work = work / key
    completion = "\n    return [shorten(text, width) for text in texts]"
    typed = "def shorten_all(texts, width):"  # 30 characters
    assert len(typed) == 30
    async with LoopbackProcess(text=completion, delay=args.burst_provider_delay) as lb:
        server, _, _ = await start_router(work, settings(lb.openai_base_url, lb.anthropic_base_url, debounce_ms=None))
        try:
            doc = load_doc("textwrap.py")
            line = next(i for i, l in enumerate(doc.lines) if l.startswith("def indent("))
            doc.lines.insert(line, "")  # a fresh line above `def indent(`, where the user types
            doc.lines.insert(line, "")
            doc.text = "\n".join(doc.lines)
            await did_open(server, doc)
            cold = None
            if warm:
                # a first completion on another document, then wait for the background warm-up:
                # the SDK import and the first connection are a one-off cost after start, not a burst's
                warm_doc = Doc(work / "warm.py", (work / "warm.py").as_uri(), "import os\nprint(os.getcwd())\n")
                await did_open(server, warm_doc)
                cold = await server.request("textDocument/inlineCompletion", inline_params(warm_doc.uri, 1, 17))
                await lb.wait_calls(1)
                await settled_rss(server.pid)  # the background warm-up (SDK imports) is over
            warm_calls = len(lb.calls())
            version = 1
            previous: tuple[int, asyncio.Future] | None = None
            futures: list[asyncio.Future] = []
            sent_at: list[float] = []
            started = time.monotonic()
            for i, char in enumerate(typed):
                await asyncio.sleep(max(0.0, started + i * args.keystroke_ms / 1000 - time.monotonic()))
                version += 1
                await server.notify("textDocument/didChange", {
                    "textDocument": {"uri": doc.uri, "version": version},
                    "contentChanges": [{
                        "range": {"start": {"line": line, "character": i}, "end": {"line": line, "character": i}},
                        "text": char,
                    }],
                })
                if previous is not None and not previous[1].done():
                    await server.cancel(previous[0])
                previous = server.send_request("textDocument/inlineCompletion", inline_params(doc.uri, line, i + 1))
                last_sent = time.monotonic()
                sent_at.append(last_sent)
                futures.append(previous[1])
                await server.proc.stdin.drain()
            replies = await asyncio.gather(*futures)
            answered_at = replies[-1].received
            await asyncio.sleep(1.0)  # anything still on its way upstream shows up here
            calls = len(lb.calls()) - warm_calls
            cancelled = sum(1 for r in replies if r.error and r.error.get("code") == -32800)
            with_items = sum(1 for r in replies if not r.error and (r.result or {}).get("items"))
            empty = len(replies) - cancelled - with_items
            last = replies[-1].result or {}
            shown = (last.get("items") or [{}])[0].get("insertText")
            results[f"{key}_upstream_calls"] = calls
            gaps = [b - a for a, b in zip(sent_at, sent_at[1:])]
            for_keys = []
            for span in lb.calls()[warm_calls:]:
                windows = span.get("before_cursor") or []
                typed_len = max((k for k in range(1, len(typed) + 1) for w in windows if w.endswith(typed[:k])), default=0)
                for_keys.append(f"#{typed_len} (at +{(span['t0'] - started) * 1000:.0f} ms)")
            empties = [i + 1 for i, r in enumerate(replies) if not r.error and not (r.result or {}).get("items")]
            results[f"{key}_latency_ms"] = (answered_at - last_sent) * 1000
            out(f"{len(typed)} keystrokes {args.keystroke_ms} ms apart (didChange of one character + inline completion, "
                f"the previous request cancelled), debounceMs 150 (default), provider delay {args.burst_provider_delay * 1000:.0f} ms")
            out(f"upstream calls: {calls}, for keystroke {', '.join(for_keys) or '-'} "
                f"(keystrokes sent at +0..+{(sent_at[-1] - started) * 1000:.0f} ms, largest gap {max(gaps) * 1000:.0f} ms)")
            out(f"replies: {cancelled} cancelled, {empty} empty{' (keystroke ' + ', '.join(f'#{i}' for i in empties) + ')' if empties else ''}, "
                f"{with_items} with ghost text (last: {'the expected completion' if shown == completion else repr(shown)})")
            out(f"last keystroke -> ghost text: {results[f'{key}_latency_ms']:.0f} ms (the debounce is part of it"
                + (f"; the first completion after start, made before the burst, took {ms(cold.rtt)})" if cold else ")"))
        finally:
            await server.close()


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def summary(results: dict, out: Callable[[str], None]) -> None:
    out("")
    out("## Summary")
    start, floor = results["start_s"], results["floor_import_s"]
    out(f"start: {ms(start)}; {start / floor:.2f}x the pygls import floor ({ms(floor)}) "
        f"[target <= {TARGET_FLOOR}x: {verdict(start / floor <= TARGET_FLOOR)}]; "
        f"{start / results['floor_server_s']:.2f}x a minimal pygls server ({ms(results['floor_server_s'])}); "
        f"the first start on a machine (no cached attrs code yet): {ms(results['first_start_s'])}")
    out(f"memory: {mb(results['rss_rest_kb'])} at rest, {mb(results['rss_open_kb'])} with a document open "
        f"(SDKs warmed up), {mb(results['rss_after_many_kb'])} after {results['memory_requests']} requests")
    if "peer_start_s" in results:
        s_ratio = results["peer_start_s"] / start
        m_ratio = results["peer_rss_kb"] / results["rss_rest_kb"]
        m_ratio_open = results["peer_rss_kb"] / results["rss_open_kb"]
        m_ratio_busy = results["peer_rss_kb"] / results["rss_after_many_kb"]
        out(f"vs peer ({results['peer']}): start {ms(results['peer_start_s'])} vs {ms(start)} = {s_ratio:.2f}x faster "
            f"[target >= {TARGET_PEER_START}x: {verdict(s_ratio >= TARGET_PEER_START)}]; "
            f"{results['peer_start_s'] / results['first_start_s']:.2f}x against our first start")
        out(f"vs peer: memory {mb(results['peer_rss_kb'])} vs {mb(results['rss_rest_kb'])} at rest = {m_ratio:.1f}x smaller "
            f"[target >= {TARGET_PEER_MEMORY}x: {verdict(m_ratio >= TARGET_PEER_MEMORY)}]; "
            f"{m_ratio_open:.1f}x against ours with a document open "
            f"[{verdict(m_ratio_open >= TARGET_PEER_MEMORY)}]; "
            f"{m_ratio_busy:.1f}x against ours after {results['memory_requests']} requests")
    else:
        out("vs peer: not available")
    out(f"router overhead: p50 {results['overhead_p50_ms']:.2f} ms, p99 {results['overhead_p99_ms']:.2f} ms "
        f"[target p99 < {TARGET_OVERHEAD_P99_MS:.0f} ms: {verdict(results['overhead_p99_ms'] < TARGET_OVERHEAD_P99_MS)}]")
    if "own_p50_ms" in results:
        out(f"of which lsp-router's own work around the upstream call: p50 {results['own_p50_ms']:.2f} ms, "
            f"p99 {results['own_p99_ms']:.2f} ms [target p99 < {TARGET_OVERHEAD_P99_MS:.0f} ms: "
            f"{verdict(results['own_p99_ms'] < TARGET_OVERHEAD_P99_MS)}]; the SDK and its HTTP client in the call: "
            f"p50 {results['client_p50_ms']:.2f} ms, p99 {results['client_p99_ms']:.2f} ms")
    if "sdk_p50_ms" in results:
        out(f"the OpenAI SDK's own cost per call, measured alone: p50 {results['sdk_p50_ms']:.2f} ms, "
            f"p99 {results['sdk_p99_ms']:.2f} ms" + (
                f"; its HTTP client alone: p50 {results['http_p50_ms']:.2f} ms, p99 {results['http_p99_ms']:.2f} ms"
                if "http_p50_ms" in results else ""))
    if "floor_overhead_p50_ms" in results:
        out(f"a pygls server that only forwards each request through the SDK (measured apart, summed): "
            f"p50 {results['floor_overhead_p50_ms']:.2f} ms, p99 up to {results['floor_overhead_p99_ms']:.2f} ms "
            f"(of which pygls p50 {results['pygls_p50_ms']:.2f} ms, p99 {results['pygls_p99_ms']:.2f} ms; as pygls ships, "
            f"p50 {results['pygls_stock_p50_ms']:.2f} ms, p99 {results['pygls_stock_p99_ms']:.2f} ms) "
            f"[target p99 < {TARGET_OVERHEAD_P99_MS:.0f} ms: "
            f"{verdict(results['pygls_p50_ms'] + results['sdk_p50_ms'] < TARGET_OVERHEAD_P99_MS)} at its p50 already]; "
            f"lsp-router's overhead p50 is {results['overhead_p50_ms'] / results['floor_overhead_p50_ms']:.2f}x this floor")
    out(f"cached inline completion round trip: p50 {results['cached_p50_ms']:.2f} ms, p99 {results['cached_p99_ms']:.2f} ms "
        f"[target < {TARGET_CACHED_MS:.0f} ms: p50 {verdict(results['cached_p50_ms'] < TARGET_CACHED_MS)}, "
        f"p99 {verdict(results['cached_p99_ms'] < TARGET_CACHED_MS)}]")
    out(f"typing burst: {results['burst_upstream_calls']} upstream call(s) for 30 keystrokes "
        f"[target 1: {verdict(results['burst_upstream_calls'] == 1)}]; ghost text "
        f"{results['burst_latency_ms']:.0f} ms after the last keystroke; typing right after the file opened "
        f"(SDKs still loading): {results['burst_cold_upstream_calls']} upstream call(s)")


async def main_async(args) -> dict:
    results: dict[str, Any] = {"memory_requests": args.memory_requests, "machine": machine()}
    m = results["machine"]

    def out(line: str) -> None:
        print(line, flush=True)

    out(f"# bench_server: {time.strftime('%Y-%m-%d %H:%M')} on {m['cpu']}, {m['cores']} cores, "
        f"{m['ram_mb'] / 1024:.0f} GB RAM, Python {m['python']}; load average {load()}")
    with tempfile.TemporaryDirectory(prefix="lsp-router-bench-") as tmp:
        work = Path(tmp)
        await phase_start(args, work, results, out)
        await phase_requests(args, work, results, out)
        await phase_burst(args, work, results, out)
        await phase_burst(args, work, results, out, warm=False)
    summary(results, out)
    out(f"(load average at the end: {load()})")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="spawns per start-time figure")
    parser.add_argument("--peer-runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=1000, help="cache-miss requests for the overhead figure")
    parser.add_argument("--memory-requests", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--sdk-calls", type=int, default=200, help="direct OpenAI SDK calls for the SDK's own cost")
    parser.add_argument("--files", nargs="+", default=["textwrap.py", "shlex.py", "csv.py", "dataclasses.py", "argparse.py"])
    parser.add_argument("--keystroke-ms", type=float, default=40.0)
    parser.add_argument("--burst-provider-delay", type=float, default=0.0, help="seconds the loopback waits before answering")
    parser.add_argument("--no-peer", action="store_true", help="skip the Copilot language server")
    parser.add_argument("--json", help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    results = asyncio.run(main_async(args))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
