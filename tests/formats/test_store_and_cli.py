"""Saving imports (all or nothing), the sample project and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficdesk.cli import main
from ficdesk.formats import ImportedChapter, ImportedStory, import_file, save_import
from ficdesk.sample import SAMPLE_PROJECT, create_sample_project
from ficdesk.store import Store, open_store
from ficdesk.store.services import imports as imports_service
from tests.conftest import SEEDS

DATA = Path(__file__).parent / "data"
SEED_000 = SEEDS / "000_8fb8497df36be136.txt"
JSON_KEYS = ["title", "author", "fandom", "relationships", "characters", "rating", "warnings", "summary",
             "disclaimer", "authors_note", "word_count", "encoding", "chapters", "dropped", "ao3_rating",
             "encoding_guessed", "sources"]


def test_save_import_stores_story_chapters_and_notes(store: Store) -> None:
    project = store.projects.create("Imports")
    story_id = save_import(store, project.id, import_file(DATA / "ffn_harry_potter.txt"))
    story = store.stories.get(story_id)
    assert story.title == "The Last Train from King's Cross"
    assert story.rating == "Teen And Up Audiences"
    assert story.fandoms == ["Harry Potter"] and story.owner == "J.K. Rowling"
    assert story.start_note == ("This is my first fic in years, be gentle! Reviews are love.\n\n"
                                "Genre: Hurt/Comfort, Romance\nSpoilers: Deathly Hallows")
    chapters = store.chapters.list(story_id)
    assert [c.title for c in chapters] == ["The Platform", "Smoke", "Home"]
    assert chapters[1].start_note == "Sorry for the wait, exams ate my life."
    assert chapters[1].word_count > 0
    assert store.stories.word_count(story_id) == sum(c.word_count for c in chapters)


def test_save_import_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    project = store.projects.create("Imports")
    imported = ImportedStory(title="Doomed", chapters=[ImportedChapter("One", "Fine."), ImportedChapter("Two", "Boom")])
    calls = {"n": 0}

    def failing_count(text: str) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return 1

    monkeypatch.setattr(imports_service, "count_words", failing_count)
    with pytest.raises(RuntimeError):
        save_import(store, project.id, imported)
    assert store.stories.list(project.id, include_deleted=True) == []


def test_unrated_text_is_kept_in_the_start_note(store: Store) -> None:
    project = store.projects.create("Imports")
    imported = ImportedStory(title="Odd", rating="Mostly harmless", chapters=[ImportedChapter("", "Text.")])
    story = store.stories.get(save_import(store, project.id, imported))
    assert story.rating == "Not Rated"
    assert story.start_note == "Rating: Mostly harmless"


def test_sample_project_is_created_once(store: Store) -> None:
    project_id = create_sample_project(store)
    assert project_id is not None
    assert store.projects.get(project_id).name == SAMPLE_PROJECT
    stories = store.stories.list(project_id)
    assert stories[0].title == "Goodbye My Lover, Goodbye My Friend"
    assert stories[1].title == "Jack looked up from the paperwork…"
    assert stories[1].start_note.startswith("First Torchwood fic.")
    assert stories[0].disclaimer.startswith("Just thought I’d let everyone know")
    assert "Redbubble" not in store.chapters.list(stories[0].id)[0].body
    assert store.templates.list(project_id)
    canon_names = {entity.name for entity in store.canon.entities(project_id)}
    assert {"Ianto Jones", "Jack Harkness"} <= canon_names
    assert create_sample_project(store) is None
    assert len(store.projects.list()) == 1


def test_no_sample_when_projects_exist(store: Store) -> None:
    store.projects.create("Mine")
    assert create_sample_project(store) is None


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_dry_run_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "import", str(SEED_000), "--dry-run", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == JSON_KEYS
    assert document["title"] == "Goodbye My Lover, Goodbye My Friend"
    assert document["authors_note"] is None and document["word_count"] is None and document["author"] is None
    assert document["encoding"] == "utf-8"
    assert document["chapters"][0]["title"] == "" and len(document["chapters"]) == 1
    assert "10% off" in document["dropped"]
    code, out, _ = _run(capsys, "import", str(DATA / "lj_sherlock.txt"), "--dry-run", "--format", "json")
    document = json.loads(out)
    assert document["word_count"] == 2345 and document["relationships"] == ["Sherlock Holmes/John Watson"]
    assert document["rating"] == "PG-13" and document["ao3_rating"] == "Teen And Up Audiences"
    assert document["warnings"] == "none" and document["sources"]["rating"] == "RATING - PG-13"


def test_cli_import_export_and_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--database", f"sqlite:///{tmp_path / 'cli.sqlite3'}"]
    code, _, err = _run(capsys, *db, "import", str(SEED_000))
    assert code == 2 and "no project yet" in err
    assert _run(capsys, *db, "project", "new", "Torchwood")[0] == 0
    code, out, _ = _run(capsys, *db, "import", str(DATA / "ffn_harry_potter.txt"), "--project", "torchwood")
    assert code == 0 and "imported 'The Last Train from King's Cross'" in out
    code, out, _ = _run(capsys, *db, "project", "list")
    assert "Torchwood (1 story)" in out

    target = tmp_path / "out.html"
    title = "The Last Train from King's Cross"
    code, out, _ = _run(capsys, *db, "export", title, "--format", "html", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<h1>The Last Train from King's Cross</h1>")
    again = import_file(target)
    assert [c.title for c in again.chapters] == ["The Platform", "Smoke", "Home"]
    code, out, _ = _run(capsys, *db, "export", "1", "--format", "txt", "--no-notes")
    assert code == 0 and out.startswith("Title: The Last Train") and "A/N" not in out and "exams" not in out

    code, out, _ = _run(capsys, *db, "templates", "list")
    assert code == 0 and "Standard disclaimer" in out
    code, out, _ = _run(capsys, *db, "templates", "render", "standard disclaimer", "--story", "1")
    assert code == 0 and "I don't own Harry Potter" in out and "J.K. Rowling" in out
    code, out, _ = _run(capsys, *db, "templates", "render", "Chapter welcome", "--story", "1", "--chapter", "2")
    assert code == 0 and "chapter 2" in out
    code, _, err = _run(capsys, *db, "templates", "render", "Chapter welcome", "--story", "1", "--chapter", "9")
    assert code == 2 and "not 9" in err
    code, out, _ = _run(capsys, *db, "templates", "show", "Header block")
    assert code == 0 and "placeholders: title, author" in out

    store = open_store(db[1])
    try:
        project = store.projects.find("Torchwood")
        store.templates.create(project.id, "disclaimer", "Broken", "Not mine: {fandom} {owner.__class__} {fandm}")
    finally:
        store.close()
    code, out, err = _run(capsys, *db, "templates", "render", "Broken", "--story", "1")
    assert code == 1
    assert out.strip() == "Not mine: Harry Potter {owner.__class__} {fandm}"
    assert "malformed placeholder {owner.__class__}" in err and "unknown placeholder {fandm}" in err


@pytest.mark.parametrize(("content", "message"), [(b"", "is empty"), (b"\x00\x01\x02\x03" * 100, "binary")])
def test_cli_bad_file_is_one_line_and_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     content: bytes, message: str) -> None:
    db = ["--database", f"sqlite:///{tmp_path / 'cli.sqlite3'}"]
    _run(capsys, *db, "project", "new", "P")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = _run(capsys, *db, "import", str(bad))
    assert code == 2 and message in err and err.count("\n") == 1 and "Traceback" not in err
    code, out, _ = _run(capsys, *db, "project", "list")
    assert "P (0 stories)" in out
