"""ProjectChecker: the project's checking policy from the store, shared by the window and ``ficdesk check --story``."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from ficdesk.checking import Checker, CheckerConfig
from ficdesk.checking.engine import spot_context
from ficdesk.checking.model import IgnoreSet
from ficdesk.checking.project import ProjectChecker, ProjectSettings, load_settings
from ficdesk.cli.check import LineIndex
from ficdesk.errors import FicDeskError
from ficdesk.store import Store, open_store

US_CHAPTER = "Her favorite color was gray.\nHe thought your right about that, and he’d said so."


def test_settings_come_from_the_store(sqlite_store: Store) -> None:
    project = sqlite_store.projects.create("Demo")
    assert project.language == "auto"
    sqlite_store.dictionary.add_word("Blorptastic", project.id)
    sqlite_store.dictionary.ignore_rule(project.id, "a-an")
    settings = load_settings(sqlite_store, project.id)
    assert settings.language == "auto"
    assert "Blorptastic" in settings.personal_words
    assert settings.ignored.rules == frozenset({"a-an"})
    sqlite_store.projects.set_language(project.id, "en-GB")
    assert load_settings(sqlite_store, project.id).language == "en-GB"
    with pytest.raises(FicDeskError):
        sqlite_store.projects.set_language(project.id, "fr-FR")


def test_auto_language_and_the_chapters_apostrophe_decide_for_every_paragraph() -> None:
    checker = ProjectChecker(ProjectSettings(language="auto"))
    found = checker.check(US_CHAPTER)
    assert [(US_CHAPTER[m.start:m.end], m.replacements[0]) for m in found] == [("your", "you’re")]
    # Paragraph by paragraph (the window): the style is judged over the whole chapter first.
    paragraphs = US_CHAPTER.split("\n")
    style = checker.style(paragraphs)
    assert (style.apostrophe, style.language) == ("’", "en-US")
    assert checker.check_paragraph(paragraphs[1], style)[0].replacements[0] == "you’re"
    assert checker.check_paragraph(paragraphs[0], style) == []
    fixed = ProjectChecker(ProjectSettings(language="en-GB"))
    assert [US_CHAPTER[m.start:m.end] for m in fixed.check(US_CHAPTER)][:2] == ["favorite", "color"]


def test_dictionary_words_ignored_rules_and_spots_are_not_shown() -> None:
    text = "The blorptastic snarfle was an hour late.\nI think your right.\nI think your right, again."
    plain = Checker(CheckerConfig(language="auto")).check(text)
    your = [m for m in plain if m.rule == "your"]
    spot = (your[0].rule, "your", spot_context(text, your[0]))
    settings = ProjectSettings(personal_words=frozenset({"Snarfle"}),
                               ignored=IgnoreSet(frozenset({"spelling"}), frozenset({spot})))
    checker = ProjectChecker(settings)
    shown = checker.check(text)
    assert [m.rule for m in shown] == ["your"]  # the second "your" only: the first spot is ignored once
    assert shown[0].start == your[1].start


def test_document_updates_follow_a_change_of_variety() -> None:
    checker = Checker(CheckerConfig(language="auto"))
    doc = checker.document()
    text = "The colour was lovely.\nA gray day.\n"
    assert doc.update(text) == checker.check(text)
    assert doc.style.language == "en-GB"
    edited = text + "The color of the center of the harbor, my favorite.\n"
    assert doc.update(edited) == checker.check(edited)
    assert doc.style.language == "en-US"
    assert doc.update(text) == checker.check(text)


def test_the_style_after_each_edit_is_the_style_of_the_whole_new_text() -> None:
    """style() adjusts its totals for the paragraphs that changed; it must agree with a fresh judgement."""
    lines = ["Her favorite color was gray.", "", "She walked in. She said it's fine.", "He’d turned; he’s gone.",
             "The colour of the harbour was grey.", "They ran and they laughed.", ""]
    rng = random.Random(4)
    paragraphs = [rng.choice(lines) for _ in range(40)]
    checker = ProjectChecker()
    for step in range(300):
        kind = rng.randrange(5)
        index = rng.randrange(len(paragraphs))
        if kind == 0:
            paragraphs[index] = rng.choice(lines)  # the same list changed in place, as the editor does
        elif kind == 1:
            paragraphs[index] = f"{paragraphs[index]} He’s here. She turns {step}."
        elif kind == 2:
            paragraphs.insert(index, rng.choice(lines))
        elif kind == 3 and len(paragraphs) > 1:
            del paragraphs[index]
        else:
            paragraphs = [(text + "x")[:-1] for text in paragraphs]  # equal text, other string objects
        assert checker.style(paragraphs) == ProjectChecker().style(list(paragraphs))


def test_line_index_locates_offsets() -> None:
    text = "ab\ncd\n\nef"
    index = LineIndex(text)
    for offset in range(len(text)):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        assert index.locate(offset) == (line, column)


def _ficdesk(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ficdesk", *argv], capture_output=True, text=True, check=False,
                          timeout=120)


def test_check_story_command_uses_the_projects_settings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fic.sqlite3'}"
    store = open_store(url)
    try:
        project = store.projects.create("Harbour Lights")
        story = store.stories.create(project.id, "Grey Mornings")
        store.chapters.create(story.id, "Arrival", US_CHAPTER)
        store.chapters.create(story.id, "Clean", "Nothing is wrong with this one.")
        store.dictionary.add_word("Zorblat", project.id)
        store.chapters.create(story.id, "Words", "The Zorblat sat down. She waited for a hour.")
        other = store.projects.create("Other")
        store.stories.create(other.id, "Grey Mornings")
    finally:
        store.close()
    result = _ficdesk("--database", url, "check", "--story", "grey mornings", "--project", "Harbour Lights",
                      "--format", "json")
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    chapters = {chapter["title"]: chapter["matches"] for chapter in payload["chapters"]}
    assert [m["replacements"][0] for m in chapters["Arrival"]] == ["you’re"]  # auto: US story, curly style
    assert chapters["Clean"] == []
    assert [m["rule"] for m in chapters["Words"]] == ["a-an"]
    text = _ficdesk("--database", url, "check", "--story", "Grey Mornings", "--project", "Harbour Lights")
    assert text.returncode == 1
    assert text.stdout.splitlines()[0].startswith("Grey Mornings / 1 Arrival:2:12: your:")
    clean = _ficdesk("--database", url, "check", "--story", "Grey Mornings", "--project", "Other")
    assert (clean.returncode, clean.stdout) == (0, "")
    missing = _ficdesk("--database", url, "check", "--story", "No Such Story", "--project", "Other")
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1
    both = _ficdesk("--database", url, "check", "some.txt", "--story", "Grey Mornings")
    assert both.returncode == 2
