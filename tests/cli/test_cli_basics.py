"""The ``ficdesk`` command: version, info, data-safety commands and one-line errors."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ficdesk import __version__
from ficdesk.cli import main
from ficdesk.store import open_store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_from_the_installed_entry_point() -> None:
    exe = shutil.which("ficdesk", path=str(Path(sys.executable).parent))
    assert exe is not None
    result = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"ficdesk {__version__}"


def test_info_reports_folder_url_and_schema(capsys: pytest.CaptureFixture[str], _isolated_data_dir: Path) -> None:
    open_store().close()  # the default database, as the first start of the window makes it
    code, out, _ = run(capsys, "info")
    assert code == 0
    assert str(_isolated_data_dir) in out
    assert "ficdesk.sqlite3" in out
    assert "schema version:" in out


def test_database_option_and_environment(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'explicit.sqlite3'}"
    assert run(capsys, "--database", url, "project", "new", "P")[0] == 0
    code, out, _ = run(capsys, "--database", url, "info")
    assert code == 0 and "explicit.sqlite3" in out
    monkeypatch.setenv("FICDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'from-env.sqlite3'}")
    assert run(capsys, "project", "new", "P")[0] == 0
    code, out, _ = run(capsys, "info")
    assert code == 0 and "from-env.sqlite3" in out


@pytest.mark.parametrize("url, fragment", [
    ("not-a-url", "not a database URL"),
    ("postgresql://nobody@127.0.0.1:1/none", "cannot reach the database server"),
    ("mysql+nosuchdriver://x/y", "unsupported database URL"),
])
def test_wrong_database_gives_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], url: str,
                                                  fragment: str) -> None:
    code, out, err = run(capsys, "--database", url, "info")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err


def test_unreadable_or_foreign_file_gives_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite3"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, _, err = run(capsys, "--database", f"sqlite:///{path}", "info")
    assert code == 2 and "not a FicDesk database" in err and err.count("\n") == 1
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run(capsys, "--database", f"sqlite:///{folder}", "info")
    assert code == 2 and "is a folder" in err


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["no-such-command"])
    assert raised.value.code == 2


def test_backup_and_restore_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    url = f"sqlite:///{db}"
    store = open_store(url)
    project = store.projects.create("P")
    story = store.stories.create(project.id, "Reset")
    chapter = store.chapters.create(story.id, "One", "First draft.")
    store.close()
    code, out, _ = run(capsys, "--database", url, "backup")
    assert code == 0
    backup = Path(out.strip())
    assert backup.exists()
    store = open_store(url)
    store.chapters.save_text(chapter.id, "Second draft.", expected_version=chapter.version)
    store.close()
    code, out, _ = run(capsys, "--database", url, "restore", str(backup))
    assert code == 0 and "restored" in out
    store = open_store(url)
    assert store.chapters.get(chapter.id).body == "First draft."
    store.close()
    junk = tmp_path / "junk.txt"
    junk.write_text("hello")
    code, _, err = run(capsys, "--database", url, "restore", str(junk))
    assert code == 2 and "not a FicDesk database" in err


def _chapter_body(path: Path) -> str:
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        body = str(conn.execute("SELECT body FROM chapter").fetchone()[0])
    conn.close()
    return body


def test_restore_the_oldest_of_many_backups_from_inside_the_rotating_folder(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "ficdesk.sqlite3"
    url = f"sqlite:///{db}"
    store = open_store(url)
    story = store.stories.create(store.projects.create("P").id, "Reset")
    chapter = store.chapters.create(story.id, "One", "draft 0")
    version = chapter.version
    for i in range(11):
        version = store.chapters.save_text(chapter.id, f"draft {i + 1}", expected_version=version).version
        code, _, err = run(capsys, "--database", url, "backup")
        assert code == 0, err
    store.close()
    code, out, _ = run(capsys, "--database", url, "backup", "--list")
    listed = [Path(line.split("\t")[0]) for line in out.splitlines()]
    assert len(listed) == 10
    oldest = listed[-1]
    assert _chapter_body(oldest) == "draft 2"
    code, out, err = run(capsys, "--database", url, "restore", str(oldest))
    assert (code, err) == (0, "")
    assert oldest.exists()
    assert _chapter_body(db) == "draft 2"
    code, out, _ = run(capsys, "--database", url, "backup", "--list")
    assert any("before-restore" in line for line in out.splitlines())


def test_restore_over_a_damaged_database_and_from_a_wal_source(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    source_db = tmp_path / "laptop" / "ficdesk.sqlite3"
    source_db.parent.mkdir()
    store = open_store(f"sqlite:///{source_db}")
    store.chapters.create(store.stories.create(store.projects.create("P").id, "S").id, "One", "Checkpointed.")
    store.close()
    writer = sqlite3.connect(source_db)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE chapter SET body = 'Committed, still in the WAL.'")
    writer.commit()
    source = tmp_path / "copied.sqlite3"
    shutil.copyfile(source_db, source)
    shutil.copyfile(f"{source_db}-wal", f"{source}-wal")
    writer.close()
    db = tmp_path / "ficdesk.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.stories.create(store.projects.create("Q").id, "Long", summary="words " * 30000)
    store.close()
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    damaged = data[: len(data) // 3]
    code, out, err = run(capsys, "--database", f"sqlite:///{db}", "info")
    assert code == 2 and "restore" in err
    code, out, err = run(capsys, "--database", f"sqlite:///{db}", "restore", str(source))
    assert (code, err) == (0, "")
    assert "moved aside" in out
    aside = Path(out.strip().rsplit(" ", 1)[-1])
    assert aside.read_bytes() == damaged
    assert _chapter_body(db) == "Committed, still in the WAL."


def test_backup_list_shows_only_this_databases_backups(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    urls = []
    for name in ("a", "b"):
        db = tmp_path / name / "ficdesk.sqlite3"
        db.parent.mkdir()
        open_store(f"sqlite:///{db}").close()
        urls.append(f"sqlite:///{db}")
    code, out, _ = run(capsys, "--database", urls[0], "backup")
    assert code == 0
    first_backup = out.strip()
    for _ in range(10):
        assert run(capsys, "--database", urls[1], "backup")[0] == 0
    code, out, _ = run(capsys, "--database", urls[0], "backup", "--list")
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == [first_backup]
    code, out, _ = run(capsys, "--database", urls[1], "backup", "--list")
    assert code == 0 and len(out.splitlines()) == 10 and first_backup not in out


def test_read_only_commands_never_create_and_memory_is_refused_for_writes(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, _isolated_data_dir: Path) -> None:
    typo = tmp_path / "Documnets" / "ficdesk.sqlite3"
    for argv in (["info"], ["project", "list"], ["templates", "list"], ["canon", "search", "Jack"]):
        code, out, err = run(capsys, "--database", f"sqlite:///{typo}", *argv)
        assert code == 2 and err.count("\n") == 1 and "nothing was created" in err, (argv, err)
    assert not typo.parent.exists()
    code, _, err = run(capsys, "info")  # the default database before FicDesk ever ran
    assert code == 2 and "nothing was created" in err
    assert list(_isolated_data_dir.iterdir()) == []
    for url in ("sqlite://", "sqlite:///:memory:"):
        code, out, err = run(capsys, "--database", url, "project", "new", "Lost")
        assert (code, out) == (2, "") and err.count("\n") == 1 and "in-memory" in err


def test_snapshot_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    store = open_store(url)
    project = store.projects.create("P")
    story = store.stories.create(project.id, "Reset")
    chapter = store.chapters.create(story.id, "One", "Owen frowns.")
    store.close()
    code, out, _ = run(capsys, "--database", url, "snapshot", "take", "Reset", "1", "--reason", "before beta")
    assert code == 0
    snapshot_id = out.split()[1]
    store = open_store(url)
    store.chapters.save_text(chapter.id, "Owen grins.", expected_version=chapter.version)
    store.close()
    code, out, _ = run(capsys, "--database", url, "snapshot", "list", "Reset", "1")
    assert "before beta" in out
    code, out, _ = run(capsys, "--database", url, "snapshot", "diff", snapshot_id)
    assert "-Owen frowns." in out and "+Owen grins." in out
    code, out, _ = run(capsys, "--database", url, "snapshot", "restore", snapshot_id)
    assert code == 0
    store = open_store(url)
    assert store.chapters.get(chapter.id).body == "Owen frowns."
    store.close()
    code, _, err = run(capsys, "--database", url, "snapshot", "take", "Reset", "5")
    assert code == 2 and "no chapter 5" in err


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    actions = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return set(actions[0].choices)


def test_each_command_is_found_in_the_one_module_the_cli_imports_for_it() -> None:
    from ficdesk.cli import COMMAND_MODULES, COMMANDS, build_parser

    assert _commands(build_parser()) == set(COMMANDS)
    assert set(COMMANDS.values()) == set(COMMAND_MODULES)
    for command in COMMANDS:
        assert command in _commands(build_parser(command))
