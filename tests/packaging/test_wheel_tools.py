"""The wheel check's own tools: the contents comparison and the source-tree guard catch what they claim to."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.packaging.conftest import PACKAGING, REPO, load_tool

verify_wheel = load_tool("verify_wheel")


def write_wheel(path: Path, members: set[str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(members):
            archive.writestr(name, b"x")
        archive.writestr("ficdesk-0.1.0.dist-info/RECORD", b"")
    return path


def test_expected_members_cover_code_data_and_seeds_but_not_screenshots() -> None:
    members = verify_wheel.expected_members()
    assert set(verify_wheel.ESSENTIAL) <= members
    assert any(m.startswith("ficdesk/store/migrations/versions/") for m in members)
    assert not any("screenshots" in m or "__pycache__" in m for m in members)
    seeds = {p.name for p in (REPO / "seeds").iterdir() if p.is_file()}
    assert {m.rsplit("/", 1)[1] for m in members if m.startswith("ficdesk/resources/seeds/")} == seeds


def test_complete_wheel_passes(tmp_path: Path) -> None:
    wheel = write_wheel(tmp_path / "ficdesk-0.1.0-py3-none-any.whl", verify_wheel.expected_members())
    assert verify_wheel.problems(wheel) == []


def test_missing_word_list_and_stray_files_are_reported(tmp_path: Path) -> None:
    members = verify_wheel.expected_members() - {"ficdesk/resources/wordlists/en-GB.txt.gz"}
    members |= {"ficdesk/resources/screenshots/main-window.png", "tests/conftest.py"}
    found = verify_wheel.problems(write_wheel(tmp_path / "ficdesk-0.1.0-py3-none-any.whl", members))
    assert found == [
        "missing from the wheel: ficdesk/resources/wordlists/en-GB.txt.gz",
        "missing essential file: ficdesk/resources/wordlists/en-GB.txt.gz",
        "not expected in the wheel: ficdesk/resources/screenshots/main-window.png",
        "not expected in the wheel: tests/conftest.py",
    ]


def guarded(forbidden: Path, *argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-I", str(PACKAGING / "tools" / "guarded_run.py"), str(forbidden), *argv],
                          capture_output=True, text=True, cwd=cwd, env=env, check=False)


def test_guard_stops_an_app_that_reads_the_forbidden_tree(tmp_path: Path) -> None:
    tree = tmp_path / "source-tree"
    tree.mkdir()
    (tree / "draft.txt").write_text("Their going to the shop.\n", encoding="utf-8")
    result = guarded(tree, "check", str(tree / "draft.txt"), cwd=tmp_path)
    assert result.returncode == 70
    assert f"installed FicDesk touched the source tree (open): {tree.resolve() / 'draft.txt'}" in result.stderr


def test_guard_lets_the_app_run_when_it_stays_out(tmp_path: Path) -> None:
    result = guarded(tmp_path / "elsewhere", "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ficdesk ")
