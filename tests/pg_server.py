"""A real PostgreSQL for the tests: initdb into a temp dir, postgres on a free loopback port
with its unix socket in that dir, one database per test; stopped at the end.

The binaries come from PATH, PG_BIN or /usr/lib/postgresql/*/bin; when none is found
scripts/install_postgres.sh is tried once, and the tests that need it are skipped saying so.
postgres refuses to run as root: as root it runs as the user `lsprouter-pg` (created here when
missing) through runuser.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PG_USER = "lsprouter-pg"
PASSWORD = "pg-test-secret-7d1c"


def _bin_dir() -> Path | None:
    candidates = [os.environ.get("PG_BIN", "")]
    found = shutil.which("initdb")
    if found:
        candidates.append(str(Path(found).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "postgres").exists():
            return Path(candidate)
    return None


_INSTALL_TRIED: list[str] = []


def find_binaries() -> Path:
    """The PostgreSQL bin directory, installing it once if it can; skips the test otherwise."""
    found = _bin_dir()
    if found is None and not _INSTALL_TRIED:
        script = ROOT / "scripts" / "install_postgres.sh"
        result = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=600)
        _INSTALL_TRIED.append((result.stdout + result.stderr)[-400:])
        found = _bin_dir()
    if found is None:
        pytest.skip("PostgreSQL is not installed (initdb/postgres not found) and scripts/install_postgres.sh "
                    f"could not install it: {(_INSTALL_TRIED or [''])[0].strip()}")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> list[str]:
    """The prefix that runs a PostgreSQL binary as a non-root user (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
                       check=True, capture_output=True)
    return ["runuser", "-u", PG_USER, "--"]


class PostgresServer:
    """One cluster: `start()`, `stop()`, `kill()`, `create_database()`, `url(db)`."""

    def __init__(self) -> None:
        self.bin = find_binaries()
        self.dir = Path(tempfile.mkdtemp(prefix="lsp-router-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None
        self._prefix = _run_as()
        if self._prefix:
            entry = pwd.getpwnam(PG_USER)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        os.chmod(self.dir, 0o755)
        pwfile = self.dir / "pwfile"
        pwfile.write_text(PASSWORD + "\n")
        if self._prefix:
            os.chown(pwfile, pwd.getpwnam(PG_USER).pw_uid, -1)
        subprocess.run(
            [*self._prefix, str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=scram-sha-256",
             f"--pwfile={pwfile}", "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, timeout=120,
        )

    def start(self) -> None:
        log = open(self.dir / "postgres.log", "ab")
        self.proc = subprocess.Popen(
            [*self._prefix, str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
             "-k", str(self.dir), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
             "-c", "shared_buffers=16MB", "-c", "max_connections=40"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"postgres exited: {(self.dir / 'postgres.log').read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    pass
                if self._query("postgres", "SELECT 1"):
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("postgres did not start in 30 s")

    def _query(self, db: str, sql: str) -> bool:
        import psycopg

        try:
            with psycopg.connect(self.url(db), connect_timeout=2, autocommit=True) as conn:
                conn.execute(sql)
            return True
        except psycopg.OperationalError:
            return False

    def kill(self) -> None:
        """SIGKILL the postmaster (and so its backends): a crash, not a shutdown."""
        if self.proc is None:
            return
        # runuser forks postgres as its child: the postmaster's pid is in its pid file
        pid_file = self.data / "postmaster.pid"
        pids = []
        if pid_file.exists():
            pids.append(int(pid_file.read_text().split()[0]))
        children = subprocess.run(["pgrep", "-P", str(pids[0])], capture_output=True, text=True).stdout.split() if pids else []
        for pid in [*pids, *map(int, children)]:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        self.proc.wait(10)
        self.proc = None
        # backends die with their postmaster soon after
        time.sleep(0.3)

    def stop(self) -> None:
        if self.proc is None:
            return
        subprocess.run([*self._prefix, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=60)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.proc = None

    def url(self, db: str = "postgres", *, password: bool = True) -> str:
        secret = f":{PASSWORD}" if password else ""
        return f"postgresql://postgres{secret}@127.0.0.1:{self.port}/{db}"

    def create_database(self) -> str:
        """A new, empty database; its URL (password included)."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster():
    """One PostgreSQL for the whole run (databases are per test)."""
    server = PostgresServer()
    server.start()
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh database on the shared cluster: its postgresql:// URL."""
    return pg_cluster.create_database()


@pytest.fixture
def pg_own():
    """A cluster of this test's own (to kill and restart)."""
    server = PostgresServer()
    server.start()
    yield server
    server.close()
