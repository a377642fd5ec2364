"""A real, throwaway PostgreSQL server for the test suite (no mocks of the database).

It is started from the PostgreSQL binaries installed on the machine (Debian puts them in
/usr/lib/postgresql/N/bin). initdb refuses to run as root, so under root the server runs as the
``postgres`` system user that Debian's package creates.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def find_pg_bin() -> Path | None:
    """Folder with initdb and pg_ctl, or None when PostgreSQL is not installed."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    port: int
    bin_dir: Path
    data_dir: Path
    run_as: str | None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _run(cmd: list[str], run_as: str | None) -> None:
    if run_as:
        cmd = ["runuser", "-u", run_as, "--", *cmd]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@contextlib.contextmanager
def running_pg_server() -> Iterator[PgServer]:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries not found")
    run_as: str | None = None
    if os.geteuid() == 0:
        pwd.getpwnam("postgres")  # raises KeyError when there is no such user
        run_as = "postgres"
    base = Path(tempfile.mkdtemp(prefix="ficdesk-pg-"))
    data_dir = base / "data"
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(base, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    _run([str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "postgres", "--auth=trust",
          "-E", "UTF8", "--no-sync"], run_as)
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    _run([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l", str(base / "log"),
          "-w", "start"], run_as)
    server = PgServer(port=port, bin_dir=bin_dir, data_dir=data_dir, run_as=run_as)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _run([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "stop"], run_as)
        shutil.rmtree(base, ignore_errors=True)
