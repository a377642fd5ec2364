"""Acceptance on the real seed documents."""

from __future__ import annotations

from ficdesk.formats import import_file
from tests.conftest import SEEDS

SEED_000 = SEEDS / "000_8fb8497df36be136.txt"
SEED_001 = SEEDS / "001_e02c400d60941abd.txt"


def test_seed_000_is_one_story_with_its_disclaimer_and_without_the_shop_footer() -> None:
    story = import_file(SEED_000)
    assert story.title == "Goodbye My Lover, Goodbye My Friend"
    assert story.encoding == "utf-8"
    assert len(story.chapters) == 1
    assert story.disclaimer is not None and "I do not own Torchwood" in story.disclaimer
    assert story.fandoms == ["Torchwood"]
    assert story.owner == "the BBC"
    text = story.chapters[0].text
    assert text.startswith("Captain Jack Harkness cries out in his sleep")
    assert text.endswith("Then he follows them.")
    for footer in ("desktop tablet-landscape", "10% off", "Redbubble mailing list", "exclusive deals", "Kempsey"):
        assert footer not in text
        assert any(footer in line for line in story.dropped), footer
    assert "I do not own" not in text
    # the shop's product description is the story's summary, not story text
    assert story.summary is not None and story.summary.startswith("This is a short piece post Children of the Earth")


def test_seed_001_authors_note_becomes_a_note() -> None:
    story = import_file(SEED_001)
    assert story.start_note is not None
    assert story.start_note.startswith("First Torchwood fic.")
    assert story.start_note.endswith("(Set sometime during Season 2).")
    assert len(story.chapters) == 1
    text = story.chapters[0].text
    assert "Author's Note" not in text
    assert text.startswith("Jack looked up from the paperwork on his desk")
    assert text.endswith("Everything, and then some.")
    assert story.dropped == []
    assert story.to_json()["authors_note"] == story.start_note
