"""The real window checks with the core's ProjectChecker: the project's language, the chapter's apostrophe."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ficdesk.checking import parallel
from ficdesk.checking.env import CheckerConfig
from ficdesk.checking.project import ProjectChecker
from ficdesk.store import open_store
from ficdesk.ui.main_window import MainWindow
from ficdesk.ui.services import wire_services
from ficdesk.ui.settings import load_settings

# The first paragraph sets the chapter's style (curly apostrophes, American spelling); the error sits in a
# paragraph that has no apostrophe and no variety marker of its own.
CHAPTER = ("It’s the color of the harbor, and she’s sure it’s her favorite.\n"
           "She thinks your right about the colour of the sea.")


def test_a_curly_chapter_gets_curly_suggestions_in_the_projects_language(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    store = open_store(url)
    project = store.projects.create("Harbour")
    store.projects.set_language(project.id, "en-US")
    story = store.stories.create(project.id, "Tides")
    chapter = store.chapters.create(story.id, "One", CHAPTER)
    settings = load_settings()
    settings.language = "en-GB"  # the application's preference must not override the project's language
    window = MainWindow(wire_services(store), settings, url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_chapter(chapter.id)
    window.checker.run_now()
    assert window.checker.wait_idle(60_000)
    qtbot.waitUntil(lambda: any(issue.flagged == "your" for issue in window.issues.issues()), timeout=20_000)
    found = {issue.flagged: issue.match.replacements[0] for issue in window.issues.issues()}
    assert found["your"] == "you’re"  # the chapter's ’, although its own paragraph has none
    assert found.get("colour") == "color"  # en-US, the project's language
    assert "color" not in found and "favorite" not in found
    window.close()


def test_the_paragraphs_on_screen_are_checked_and_shown_before_the_rest(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'long.sqlite3'}"
    store = open_store(url)
    story = store.stories.create(store.projects.create("Long").id, "Epic")
    # 1,500 different paragraphs, each with an error, so the whole chapter takes a while to check.
    body = "\n".join(f"In scene {number} she thinks your right about the old mill by the river." for number in
                     range(1500))
    chapter = store.chapters.create(story.id, "One", body)
    window = MainWindow(wire_services(store), load_settings(), url)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    assert window.open_chapter(chapter.id)
    editor = window.editor
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(lambda: editor.firstVisibleBlock().blockNumber() > 500, timeout=5000)
    shown = editor.shown_paragraphs()
    assert 3 <= len(shown) < 200 and shown[0] == editor.firstVisibleBlock().text()

    updates: list[tuple[set[str], str]] = []
    window.checker.updated.connect(lambda texts: updates.append((set(texts), window.checker.state)))
    window.checker.run_now()
    assert window.checker.wait_idle(120_000)
    assert len(updates) == 2
    first, last = updates
    assert first == (set(shown), "checking")  # the screen first, while the rest is still being checked
    assert len(last[0]) == 1500
    assert all(window.checker.matches_for(text) for text in shown)
    window.close()
    store.close()


def test_a_long_chapter_is_shared_with_a_helper_process(qtbot: QtBot, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's first check of a chapter over ~100,000 words uses a real helper process, with the same
    findings as the core checking each paragraph alone."""
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)  # one helper, even on a one-core machine
    started: list[parallel._Helper] = []
    real_init = parallel._Helper.__init__

    def recording_init(helper: parallel._Helper, config: CheckerConfig) -> None:
        real_init(helper, config)
        started.append(helper)

    monkeypatch.setattr(parallel._Helper, "__init__", recording_init)
    url = f"sqlite:///{tmp_path / 'epic.sqlite3'}"
    store = open_store(url)
    story = store.stories.create(store.projects.create("Epic").id, "Saga")
    lines = ("In scene {n} she thinks your right about the old mill, and he had ran all the way there.",
             "The rain kept falling on chapter {n} of the long night while Kira waited by the airlock.",
             "They was late for the {n}th briefing, so Odo frowned at the the empty chairs.")
    body = "\n".join(lines[n % 3].format(n=n) for n in range(9_000))
    assert len(body) > 1.2 * parallel.CHARS_PER_HELPER  # the paragraphs on screen, checked first, do not count
    chapter = store.chapters.create(story.id, "One", body)
    window = MainWindow(wire_services(store), load_settings(), url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_chapter(chapter.id)
    window.checker.run_now()
    assert window.checker.wait_idle(180_000)
    assert len(started) == 1 and started[0].process.returncode is not None  # used, then stopped
    core = ProjectChecker.from_store(store, story.project_id, chapter.id)
    paragraphs = body.split("\n")
    style = core.style(paragraphs)
    for text in paragraphs:
        assert window.checker.matches_for(text) == core.check_paragraph(text, style)
    assert sum(len(window.checker.matches_for(text)) for text in paragraphs) >= 9_000
    window.close()
    store.close()
