"""Bundled templates, their installation into new projects, and contexts built from stored stories."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ficdesk.errors import FicDeskError
from ficdesk.store import Store
from ficdesk.store.services.templates import TEMPLATE_KINDS
from ficdesk.templates import TemplateContext, check_template, default_templates, find_placeholders, render
from ficdesk.templates.defaults import KINDS, parse_template_file


def test_bundled_templates_cover_every_kind_and_are_clean() -> None:
    templates = default_templates()
    assert KINDS == TEMPLATE_KINDS
    assert {kind for kind, _, _ in templates} == set(TEMPLATE_KINDS)
    for kind, name, body in templates:
        assert name and body.strip(), (kind, name)
        assert check_template(body) == [], name
        assert find_placeholders(body), f"{name} uses no placeholder"


def test_template_file_format_errors_are_clear(tmp_path: Path) -> None:
    assert parse_template_file("kind: disclaimer\nname: Mine\n\nNot mine.\n") == ("disclaimer", "Mine", "Not mine.")
    with pytest.raises(ValueError, match="blank line"):
        parse_template_file("kind: disclaimer\nname: x\nbody")
    with pytest.raises(ValueError, match="kind"):
        parse_template_file("kind: poem\nname: x\n\nbody")
    (tmp_path / "a.txt").write_text("kind: header\nname: Tiny\n\nTitle: {title}\n", encoding="utf-8")
    assert default_templates(tmp_path) == [("header", "Tiny", "Title: {title}")]


def test_new_project_gets_the_default_templates(store: Store) -> None:
    project = store.projects.create("Torchwood fics")
    stored = sorted((t.kind, t.name, t.body) for t in store.templates.list(project.id))
    assert stored == default_templates()
    bare = store.projects.create("Bare", with_templates=False)
    assert store.templates.list(bare.id) == []


def test_context_from_a_stored_story(store: Store) -> None:
    project = store.projects.create("P")
    story = store.stories.create(project.id, "Reset", author="tea", fandoms=["Torchwood"], owner="the BBC",
                                 relationships=["Jack/Ianto"], rating="Mature")
    store.chapters.create(story.id, "Rift", "One two three.")
    second = store.chapters.create(story.id, "Coffee", "Four five.")
    context = TemplateContext.for_story(store, story.id, second.id, today=date(2024, 1, 2))
    disclaimer = next(t for t in store.templates.list(project.id, "disclaimer") if t.name == "Standard disclaimer")
    result = render(disclaimer.body, context)
    assert result.problems == []
    assert "I don't own Torchwood" in result.text and "belong to the BBC" in result.text
    text = render("{title}: chapter {chapter_number} of {chapter_count}, {chapter_title}, {word_count} words, {date}",
                  context).text
    assert text == "Reset: chapter 2 of 2, Coffee, 5 words, 2024-01-02"
    other = store.stories.create(project.id, "Other")
    with pytest.raises(FicDeskError, match="does not belong"):
        TemplateContext.for_story(store, other.id, second.id)
