"""Header blocks, chapter headings, notes and boilerplate in the many ways authors write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficdesk.formats import import_file, parse_text
from ficdesk.formats.patterns import ao3_rating, chapter_heading, parse_chapter_heading, parse_label

DATA = Path(__file__).parent / "data"


def test_ffn_style_header_chapters_and_chapter_notes() -> None:
    story = import_file(DATA / "ffn_harry_potter.txt")
    assert story.title == "The Last Train from King's Cross"
    assert story.author == "lumos_maxima"
    assert story.ao3_rating == "Teen And Up Audiences"
    assert story.relationships == ["Harry/Ginny", "Ron/Hermione"]
    assert story.characters == ["Harry Potter", "Ginny Weasley", "Ron Weasley", "Hermione Granger"]
    assert story.word_count == 1204
    assert story.summary == ("Nineteen years later, Harry waits on platform nine and three-quarters "
                             "for a train that will not come.")
    assert story.disclaimer == "I don't own Harry Potter; it belongs to J.K. Rowling. No money is being made from this."
    assert story.fandoms == ["Harry Potter"]  # named by the disclaimer
    assert story.start_note == "This is my first fic in years, be gentle! Reviews are love."
    assert story.extra == {"Genre": "Hurt/Comfort, Romance", "Spoilers": "Deathly Hallows"}
    assert [c.title for c in story.chapters] == ["The Platform", "Smoke", "Home"]
    smoke = story.chapters[1]
    assert smoke.start_note == "Sorry for the wait, exams ate my life."
    assert smoke.end_note == "One more chapter to go!"
    assert smoke.text == ("The whistle came first, then the smoke. Harry did not move.\n\n~*~*~\n\n"
                          "Later, he would say he had always known.")
    assert story.chapters[2].text == "They went home. It was enough.\n\nThe End"


def test_livejournal_style_dashes_parts_and_beta() -> None:
    story = import_file(DATA / "lj_sherlock.txt")
    assert story.title == "A Study in Tea"
    assert story.fandoms == ["Sherlock (TV)"]
    assert story.relationships == ["Sherlock Holmes/John Watson"]
    assert story.ao3_rating == "Teen And Up Audiences"
    assert story.warnings == ["none"]
    assert story.word_count == 2345
    assert story.extra == {"BETA": "the lovely mycroftsumbrella"}
    assert story.owner == "the BBC and Hartswood Films"
    assert [c.title for c in story.chapters] == ["Part I", "Part II"]
    assert story.chapters[1].text == ("Mrs Hudson knocked, which she never did.\n\n* * *\n\n"
                                      "\"Boys,\" she said. \"Someone's at the door.\"")


def test_scraped_blog_post_loses_its_menus_banner_and_share_buttons() -> None:
    story = import_file(DATA / "tumblr_scraped_supernatural.txt")
    assert story.title == "Salt Lines"
    assert story.author == "winchesterwrites"
    assert story.fandoms == ["Supernatural"]
    assert story.ao3_rating == "General Audiences"
    text = story.chapters[0].text
    assert text.startswith("The motel carpet had seen better decades.")
    assert text.endswith('"Salt doesn\'t care," Dean said.')
    for chrome in ("Skip to content", "cookies", "Reblog", "Share this", "Powered by", "12 notes", "#spn"):
        assert chrome not in text
        assert any(chrome in line for line in story.dropped)


def test_markdown_title_headings_emphasis_and_escapes() -> None:
    story = import_file(DATA / "prologue_md_witcher.md")
    assert story.title == "White Frost"
    assert story.author == "toss_a_coin"
    assert story.relationships == ["Geralt of Rivia/Jaskier"]
    assert story.ao3_rating == "Mature"
    assert [c.title for c in story.chapters] == ["Prologue", "The Road", "Epilogue"]
    assert story.chapters[0].text == "The winter came *early* that year, and **hard**."
    assert story.chapters[1].text == "Jaskier sang. Geralt endured it.\n\n1. This line starts with a number."


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Title: Reset", "title", "Reset"),
        ("TITLE - Reset", "title", "Reset"),
        ("Title — Reset", "title", "Reset"),
        ("**Pairing:** Jack/Ianto", "relationships", "Jack/Ianto"),
        ("Relationships: Jack/Ianto", "relationships", "Jack/Ianto"),
        ("Rating: T", "rating", "T"),
        ("Rated M for violence", "rating", "M for violence"),
        ("Disclaimer: not mine", "disclaimer", "not mine"),
        ("A/N: hello", "start_note", "hello"),
        ("AN: hello", "start_note", "hello"),
        ("Author's Note: hello", "start_note", "hello"),
        ("Authors Notes - hello", "start_note", "hello"),
        ("Word Count: 1,234", "word_count", "1,234"),
        ("Words: 900", "word_count", "900"),
        ("Spoilers: series 2", "extra", "series 2"),
        ("Beta'd by: Sam", "extra", "Sam"),
        ("Warnings: Major Character Death", "warnings", "Major Character Death"),
        ("Summary:", "summary", ""),
        ("Written by: someone", "author", "someone"),
    ],
)
def test_header_labels(line: str, field: str, value: str) -> None:
    label = parse_label(line)
    assert label is not None
    assert (label.field, label.value) == (field, value)


@pytest.mark.parametrize("line", ["Jack: I love you.", "Note that the Hub was quiet.", "The Doctor - a mad man",
                                  "Ianto said nothing.", "By the time they arrived, it was over."])
def test_prose_is_not_a_label(line: str) -> None:
    assert parse_label(line) is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Chapter 1", ""), ("Chapter One: The Rift", "The Rift"), ("# Chapter 2", ""), ("CHAPTER TWENTY-ONE", ""),
        ("Chapter 12 - Coffee", "Coffee"), ("~*Chapter 3*~", ""), ("Ch. 4: Home", "Home"), ("Part II", "Part II"),
        ("Prologue", "Prologue"), ("Epilogue: After", "Epilogue: After"), ("Chapter 5 The Long Way", "The Long Way"),
    ],
)
def test_chapter_headings(line: str, title: str) -> None:
    assert parse_chapter_heading(line) == title


@pytest.mark.parametrize("line", ["Chapter one was the best.", "Prologue and more text here.", "Partly cloudy",
                                  "The chapter ended."])
def test_prose_is_not_a_chapter_heading(line: str) -> None:
    assert parse_chapter_heading(line) is None


@pytest.mark.parametrize("title", ["", "The Rift", "Prologue", "Part II - Home", "Chapter 3", "1984"])
def test_written_headings_parse_back(title: str) -> None:
    assert parse_chapter_heading(chapter_heading(4, title)) == title


@pytest.mark.parametrize(("written", "rating"), [
    ("T", "Teen And Up Audiences"), ("K+", "General Audiences"), ("PG-13", "Teen And Up Audiences"),
    ("M for violence", "Mature"), ("NC-17", "Explicit"), ("E", "Explicit"), ("Not Rated", "Not Rated"),
    ("Gen", "General Audiences"), ("Mostly harmless", None), ("gentle NC-17", "Explicit"),
    ("Romance, Supernatural", None),
])
def test_ratings(written: str, rating: str | None) -> None:
    assert ao3_rating(written) == rating


def test_header_with_unlabelled_title_byline_and_end_note() -> None:
    text = (
        "Tea and Sympathy\nby rift_runner\n\nFandom: Torchwood\nCharacters: Ianto Jones, Gwen Cooper\n\n"
        "Ianto made the coffee the way he always did.\n\nGwen noticed anyway.\n\n"
        "A/N: Thanks for reading! Comments are cherished.\n"
    )
    story = parse_text(text)
    assert (story.title, story.author) == ("Tea and Sympathy", "rift_runner")
    assert story.characters == ["Ianto Jones", "Gwen Cooper"]
    assert story.end_note == "Thanks for reading! Comments are cherished."
    assert story.chapters[0].text == "Ianto made the coffee the way he always did.\n\nGwen noticed anyway."


def test_story_that_starts_with_prose_has_no_invented_header() -> None:
    story = parse_text("Jack looked at the sky.\nIt was raining again.\n\nHe went inside.\n")
    assert story.title is None and story.disclaimer is None and story.start_note is None
    assert story.chapters[0].text == "Jack looked at the sky.\nIt was raining again.\n\nHe went inside."


def test_hard_wrapped_paragraphs_are_unwrapped() -> None:
    paragraph = ("The rain came down on Cardiff the way it always did, without hurry and without mercy, "
                 "and Ianto watched it from the tourist office window while the coffee machine sighed.")
    import textwrap

    wrapped = "\n\n".join([textwrap.fill(paragraph, 60)] * 3)
    story = parse_text(wrapped)
    assert story.chapters[0].text == "\n\n".join([paragraph] * 3)


def test_text_copied_from_an_ao3_page() -> None:
    story = import_file(DATA / "ao3_copy_paste_mcu.txt")
    assert (story.title, story.author) == ("Till the End of the Line", "bucky_bear")
    assert story.ao3_rating == "Mature"
    assert story.warnings == ["Graphic Depictions Of Violence"]
    assert story.fandoms == ["Marvel Cinematic Universe"]
    assert story.relationships == ["Steve Rogers/Bucky Barnes"]
    assert story.characters == ["Steve Rogers", "Bucky Barnes", "Sam Wilson"]
    assert story.word_count == 3210
    assert story.summary == "Steve finds him in Bucharest. It goes about as well as you'd think."
    assert story.start_note == "Endgame fix-it, kind of."
    assert story.chapters[0].text == "The apartment smelled of plums.\n\nBucky didn't turn around."
    assert story.dropped == ["Kudos (120)", "Comments (5)"]
