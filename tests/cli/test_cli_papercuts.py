"""The CLI papercuts met on the author's way (issue 15, item 16), through ``ficdesk.cli.main``."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficdesk.cli import main
from ficdesk.store import open_store


def _library(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    store = open_store(url)
    try:
        first = store.projects.create("Lighthouse Keepers")
        second = store.projects.create("Harbour Tales")
        story = store.stories.create(second.id, "The Long Night Shift")
        store.chapters.create(story.id, "One", "The lamp turned all night.")
        store.stories.create(first.id, "Fog Bank")
        store.stories.create(second.id, "Fog Bank")
        store.templates.create(first.id, "story_end_note", "Keeper footer", "Thanks from the harbour.")
    finally:
        store.close()
    return url


def test_export_finds_a_unique_title_without_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _library(tmp_path)
    out = tmp_path / "night.txt"
    assert main(["--database", url, "export", "The Long Night Shift", "--format", "txt", "-o", str(out)]) == 0
    assert "The lamp turned all night." in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--database", url, "export", "Fog Bank"]) == 2
    err = capsys.readouterr().err
    assert "more than one project" in err and "--project" in err and err.count("\n") == 1
    assert main(["--database", url, "export", "Fog Bank", "--project", "Harbour Tales", "-o", "-"]) == 0


def test_project_list_counts_stories_in_good_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _library(tmp_path)
    store = open_store(url)
    store.projects.create("Empty Shelf")
    store.close()
    assert main(["--database", url, "project", "list"]) == 0
    out = capsys.readouterr().out
    assert "Lighthouse Keepers (1 story)" in out and "Harbour Tales (2 stories)" in out
    assert "Empty Shelf (0 stories)" in out and "(1 stories)" not in out


def test_templates_list_shows_every_project_or_the_one_asked_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _library(tmp_path)
    assert main(["--database", url, "templates", "list"]) == 0
    out = capsys.readouterr().out
    assert "Keeper footer" in out and "Lighthouse Keepers:" in out and "Harbour Tales:" in out
    assert main(["--database", url, "templates", "list", "--project", "Harbour Tales"]) == 0
    assert "Keeper footer" not in capsys.readouterr().out
    assert main(["--database", url, "templates", "list", "--project", "Lighthouse Keepers"]) == 0
    assert "Keeper footer" in capsys.readouterr().out


def test_import_into_a_missing_project_says_how_or_creates_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _library(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text("Tide Tables\n\nThe water came in twice a day, as it always had.\n", encoding="utf-8")
    assert main(["--database", url, "import", str(draft), "--project", "Sea Shanties"]) == 2
    err = capsys.readouterr().err
    assert "ficdesk project new" in err and "--create" in err and err.count("\n") == 1
    assert main(["--database", url, "import", str(draft), "--project", "Sea Shanties", "--create"]) == 0
    assert "into project 'Sea Shanties'" in capsys.readouterr().out
    store = open_store(url)
    try:
        assert len(store.stories.list(store.projects.find("Sea Shanties").id)) == 1
    finally:
        store.close()
