"""Fixtures shared by every test: isolated data folders and real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ficdesk.store import Store, open_store
from tests.support.pgserver import PgServer, find_pg_bin, running_pg_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
_db_counter = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the developer's real FicDesk data."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FICDESK_DATA_DIR", str(folder))
    monkeypatch.delenv("FICDESK_DATABASE_URL", raising=False)
    return folder


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if find_pg_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL binaries are missing on CI; .ci/run must install them")
        pytest.skip("PostgreSQL is not installed on this machine")
    with running_pg_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    return pg_server.create_database(f"ficdesk_test_{os.getpid()}_{next(_db_counter)}")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    yield opened
    opened.close()
