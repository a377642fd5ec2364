"""Bad input of every kind gets one clear message (FicDeskError / exit 2) and loses nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from ficdesk.canon import build_canon, read_document
from ficdesk.cli import main
from ficdesk.errors import FicDeskError, StoreError
from ficdesk.formats import import_file
from ficdesk.store import open_store

HUNDRED_MB = 100 * 1024 * 1024


def _huge(path: Path) -> Path:
    """A real 100 MB file (sparse on disk, but 100 MB to anyone who reads it)."""
    with path.open("wb") as handle:
        handle.truncate(HUNDRED_MB)
    return path


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_huge_files_are_refused_before_being_read(tmp_path: Path, suffix: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    huge = _huge(tmp_path / f"huge{suffix}")
    with pytest.raises(FicDeskError, match=r"MB limit|limited to|too large"):
        import_file(huge)
    with pytest.raises(FicDeskError, match=r"MB limit|limited to|too large"):
        read_document(huge)
    assert main(["check", str(huge)]) == 2
    assert main(["import", str(huge), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 2


def test_mixed_encodings_are_decoded_and_reported(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    first = "Jack watched Ianto make coffee in the Hub’s tiny kitchen, the way he always did.\n\n".encode()
    second = "“Café au lait,” Ianto said – and smiled.\n\n".encode("cp1252")
    third = b"Gwen laughed at both of them; the Rift was quiet for once.\n"
    mixed.write_bytes(first + second + third)
    story = import_file(mixed)
    body = "\n\n".join(chapter.text for chapter in story.chapters)
    assert story.encoding == "utf-8 with some windows-1252"
    assert "Hub’s tiny kitchen" in body and "“Café au lait,” Ianto said – and smiled." in body
    assert "Rift was quiet" in body


def test_wiki_document_with_scripts_never_runs_them(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    page = tmp_path / "wiki.html"
    page.write_text(
        f"<html><head><script>require('fs').writeFileSync('{marker}','x')</script><style>p{{}}</style></head>"
        "<body><nav>Home | Random page</nav><p onload=\"alert(1)\">Ianto Jones is played by Gareth "
        "David-Lloyd.</p><script>document.write('Evil Entity')</script></body></html>",
        encoding="utf-8",
    )
    text, fmt = read_document(page)
    names = {entity.name for entity in build_canon(text, fmt=fmt)}
    assert "Ianto Jones" in names
    assert not any("Evil" in name for name in names)
    assert not marker.exists()


def test_missing_or_unusable_data_folder_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("FICDESK_DATA_DIR", str(blocker / "FicDesk"))
    with pytest.raises(StoreError, match="cannot create the data folder"):
        open_store()
    assert main(["info"]) == 2
    assert "cannot create the data folder" in capsys.readouterr().err
    assert blocker.read_text() == "a file where the data folder should be"


def test_locked_database_gives_a_clear_error_and_keeps_the_text(tmp_path: Path, qtbot: QtBot) -> None:
    from ficdesk.ui.app import open_window
    from tests.ui.modal import ModalAnswers

    db = tmp_path / "locked.sqlite3"
    store = open_store(f"sqlite:///{db}")
    project = store.projects.create("P")
    story = store.stories.create(project.id, "S")
    chapter = store.chapters.create(story.id, "One", "Safe text.")
    other = store.chapters.create(story.id, "Two", "Other text.")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(8.0, holder.rollback)
    release.start()
    try:
        with pytest.raises(StoreError, match="locked"):
            store.chapters.save_text(chapter.id, "New text.", expected_version=chapter.version)
    finally:
        release.cancel()
        holder.rollback()
    assert store.chapters.get(chapter.id).body == "Safe text."

    # The real window, the real busy timeout: the lock outlasts it through a chapter switch and a close.
    window = open_window(f"sqlite:///{db}")
    qtbot.addWidget(window)
    window.show()
    assert window.open_chapter(chapter.id)
    qtbot.keyClicks(window.editor, "Typed while locked. ")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        answers = ModalAnswers("Keep Editing", "Keep Editing")
        assert not window.open_chapter(other.id)
        assert not window.close()
        assert answers.done and all("locked" in seen for seen in answers.seen)
        assert window.chapter_id == chapter.id
        assert window.editor.chapter_text() == "Typed while locked. Safe text."
    finally:
        holder.rollback()
        holder.close()
    assert window.close()  # the lock is gone: closing stores the text without asking
    window.store.close()
    assert store.chapters.get(chapter.id).body == "Typed while locked. Safe text."
    store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md", ".html", ".docx"]))
def test_importers_never_crash_on_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        story = import_file(path)
    except FicDeskError as error:
        assert str(error).strip()
    else:
        assert all(chapter.text is not None for chapter in story.chapters)
    try:
        text, fmt = read_document(path)
    except FicDeskError as error:
        assert str(error).strip()
    else:
        build_canon(text, fmt=fmt)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=3000), fmt=st.sampled_from(["text", "markdown", "html"]))
def test_canon_builder_never_crashes_on_arbitrary_text(text: str, fmt: str) -> None:
    for entity in build_canon(text, fmt=fmt):
        assert entity.name.strip()
