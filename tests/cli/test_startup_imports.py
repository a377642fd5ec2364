"""What a store command imports in a fresh process: the listing commands run Core selects only.

Not a timing test (speed is measured by ``make bench``): it keeps the modules that made up about a third
of ``ficdesk project list``'s start-up (the ORM, the mapped models, Alembic, the services a command does
not call) out of the commands that do not need them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ficdesk.store import open_store

PROBE = """
import contextlib, io, json, sys
from ficdesk.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""
HEAVY = ("sqlalchemy.orm", "alembic", "ficdesk.store.models", "ficdesk.store.services.canon",
         "ficdesk.store.services.chapters", "ficdesk.checking", "ficdesk.formats")


def _run_fresh(*argv: str) -> tuple[int, str, set[str]]:
    """``ficdesk ARGV`` in a new interpreter: exit code, output and every module it imported."""
    result = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    return int(data["code"]), str(data["out"]), set(data["modules"])


@pytest.mark.parametrize("command", [["project", "list"], ["info"]])
def test_listing_commands_load_neither_the_orm_nor_alembic(tmp_path: Path, command: list[str]) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    store = open_store(url)
    project = store.projects.create("Torchwood fics")
    store.stories.create(project.id, "Goodbye My Lover")
    store.close()
    code, out, modules = _run_fresh("--database", url, *command)
    assert code == 0
    assert "Torchwood fics (1 story)" in out
    assert "sqlalchemy" in modules
    assert not [name for name in HEAVY if name in modules]
