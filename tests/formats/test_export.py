"""Export formats and the round trip: exported text imports back into the same chapters and text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficdesk.errors import FicDeskError
from ficdesk.formats import (
    ExportChapter,
    ExportDocument,
    ExportOptions,
    export_story,
    import_file,
    parse_text,
    render_document,
)
from ficdesk.formats.export import HTML_TAGS, unlabelled_note
from ficdesk.formats.patterns import chapter_heading
from ficdesk.store import Store
from tests.conftest import SEEDS
from tests.html_tags import TagCollector

AO3_ALLOWED = {
    "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u",
    "ul", "var",
}
CHAPTERS = [
    ("Prologue", "The Hub was quiet.\nToo quiet, Ianto thought.\n\nHe made *coffee* anyway — **strong** coffee.",
     "Set after series 1.", ""),
    ("Rift & Ruin", 'Jack said, "5 < 6 & 7 > 3" and <b>laughed</b>.\n\n* * *\n\nLater: # not a heading, '
                    "1. not a list, _under_score_, back\\slash, [brackets].", "", "Thanks for reading this far!"),
    ("", "Gwen’s “curly” quotes stay curly. Café, naïve, 日本語.", "", ""),
]


def _story(store: Store) -> int:
    project = store.projects.create("Exports")
    story = store.stories.create(
        project.id, "Coffee & Rifts", author="tea_and_rift", fandoms=["Torchwood"], relationships=["Jack/Ianto"],
        characters=["Jack Harkness", "Ianto Jones"], rating="Teen And Up Audiences",
        warnings=["No Archive Warnings Apply"], summary="Coffee, and the end of the world.",
        disclaimer="I don't own Torchwood; it belongs to the BBC.", start_note="For my beta, with love.",
        end_note="Comments are cherished.",
    )
    for title, body, start, end in CHAPTERS:
        chapter = store.chapters.create(story.id, title, body)
        store.chapters.set_notes(chapter.id, start_note=start, end_note=end)
    return story.id


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_round_trip_through_a_file(store: Store, tmp_path: Path, fmt: str) -> None:
    story_id = _story(store)
    path = tmp_path / f"story.{fmt}"
    path.write_text(export_story(store, story_id, fmt), encoding="utf-8")
    imported = import_file(path)
    assert [(c.title, c.text) for c in imported.chapters] == [(t, body) for t, body, _, _ in CHAPTERS]
    assert [(c.start_note, c.end_note) for c in imported.chapters] == [(s, e) for _, _, s, e in CHAPTERS]
    assert imported.title == "Coffee & Rifts"
    assert imported.author == "tea_and_rift"
    assert imported.fandoms == ["Torchwood"]
    assert imported.relationships == ["Jack/Ianto"]
    assert imported.characters == ["Jack Harkness", "Ianto Jones"]
    assert imported.rating == "Teen And Up Audiences"
    assert imported.warnings == ["No Archive Warnings Apply"]
    assert imported.summary == "Coffee, and the end of the world."
    assert imported.disclaimer == "I don't own Torchwood; it belongs to the BBC."
    assert imported.start_note == "For my beta, with love."
    assert imported.end_note == "Comments are cherished."
    assert imported.word_count == store.stories.word_count(story_id)


def test_plain_text_layout_and_options(store: Store) -> None:
    story_id = _story(store)
    text = export_story(store, story_id, "txt")
    assert text.startswith("Title: Coffee & Rifts\nAuthor: tea_and_rift\nFandom: Torchwood\n")
    order = ["Title:", "Disclaimer:", "Notes: For my beta", "Prologue", "Chapter Notes:", "The Hub was quiet",
             "Chapter 2: Rift & Ruin", "Chapter End Notes:", "Chapter 3", "Gwen’s", "\n\nEnd Notes:"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    bare = export_story(store, story_id, "txt", ExportOptions(include_metadata=False, include_notes=False))
    assert "Title:" not in bare and "Disclaimer" not in bare and "Notes" not in bare and "beta" not in bare
    assert bare.startswith("Prologue\n\nThe Hub was quiet.")
    wrapped = export_story(store, story_id, "txt", ExportOptions(wrap=30))
    assert max(len(line) for line in wrapped.splitlines() if " " in line) <= 30
    with pytest.raises(FicDeskError, match="wrap"):
        export_story(store, story_id, "txt", ExportOptions(wrap=5))
    with pytest.raises(FicDeskError, match="unknown export format"):
        export_story(store, story_id, "pdf")


def test_html_uses_only_ao3_tags_and_escapes_the_authors_text(store: Store) -> None:
    html = export_story(store, _story(store), "html")
    collector = TagCollector()
    collector.feed(html)
    assert collector.tags <= HTML_TAGS <= AO3_ALLOWED
    assert collector.attributes == []
    assert "<b>laughed</b>" not in html and "&lt;b&gt;laughed&lt;/b&gt;" in html
    assert "5 &lt; 6 &amp; 7 &gt; 3" in html
    assert "<em>coffee</em>" in html and "<strong>strong</strong>" in html
    assert "<hr />" in html
    assert "<p>The Hub was quiet.<br />Too quiet, Ianto thought.</p>" in html
    assert "<h1>Coffee &amp; Rifts</h1>" in html


def test_markdown_escapes_what_markdown_would_misread(store: Store) -> None:
    markdown = export_story(store, _story(store), "md")
    assert markdown.startswith("# Coffee \\& Rifts\n\n**Author:** tea\\_and\\_rift")  # "&amp;" stays literal
    assert "## Prologue" in markdown and "## Chapter 2: Rift \\& Ruin" in markdown
    assert "\\<b\\>laughed\\</b\\>" in markdown and "back\\\\slash" in markdown and "\\_under\\_score\\_" in markdown
    assert "The Hub was quiet.  \nToo quiet" in markdown


_WORDS = st.sampled_from(
    ["Jack", "Ianto", "coffee", "the", "rift", "said,", "“Hello”", "it’s", "5", "<b>", "&", "café", "*quietly*",
     "**loud**", "# hash", "1.", "_x_", "back\\slash", "[link]", "—", "over.", "fine?", "wait!"]
)
_LINE = st.lists(_WORDS, min_size=3, max_size=12).map(" ".join).map(lambda s: s[0].upper() + s[1:] + ".")
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=2).map("\n".join)
_BODY = st.lists(_PARAGRAPH, min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "The Rift", "Prologue", "Coffee & Cake", "Part II"]), _BODY),
                min_size=1, max_size=3),
       st.sampled_from(["txt", "md", "html"]))
def test_round_trip_property(chapters: list[tuple[str, str]], fmt: str) -> None:
    document = ExportDocument(title="Any Title", author="someone", chapters=[ExportChapter(t, b) for t, b in chapters])
    text = render_document(document, fmt, ExportOptions())
    imported = parse_text(text, source_format=fmt)
    assert [(c.title, c.text) for c in imported.chapters] == chapters
    assert imported.title == "Any Title"


@pytest.mark.parametrize("width", [30, 50, 72, 80])
def test_wrapped_text_round_trips(width: int) -> None:
    """Hard wrapping is recognised and undone on import (real prose: the seed stories)."""
    bodies = [import_file(SEEDS / name).chapters[0].text for name in
              ("001_e02c400d60941abd.txt", "000_8fb8497df36be136.txt")]
    bodies = ["\n\n".join(p.replace("\n", " ") for p in body.split("\n\n")) for body in bodies]
    document = ExportDocument(title="Wrapped", chapters=[ExportChapter(f"Part {i}", b) for i, b in
                                                         enumerate(bodies, start=1)])
    text = render_document(document, "txt", ExportOptions(wrap=width))
    assert max(len(line) for line in text.splitlines()) <= width
    imported = parse_text(text)
    assert [c.text for c in imported.chapters] == bodies


def test_a_disclaimer_that_carries_its_own_label_is_not_labelled_twice(store: Store) -> None:
    project = store.projects.create("Labels")
    story = store.stories.create(project.id, "Reset", fandoms=["Torchwood"],
                                 disclaimer="Disclaimer: I don't own Torchwood.")
    store.chapters.create(story.id, "One", "Owen frowns.")
    for fmt in ("txt", "md", "html"):
        exported = export_story(store, story.id, fmt)
        assert exported.count("Disclaimer") == 1, fmt
        assert "I don't own Torchwood." in exported or "I don&#x27;t own Torchwood." in exported


@pytest.mark.parametrize(("number", "title", "heading"), [
    (1, "Chapter 1", "Chapter 1"), (2, "Chapter Two", "Chapter Two"), (4, "Chapter IV: Home", "Chapter IV: Home"),
    (21, "Chapter Twenty-One", "Chapter Twenty-One"), (3, "Chapter 1", "Chapter 3: Chapter 1"),
    (1, "Arrival", "Chapter 1: Arrival"), (1, "", "Chapter 1"), (1, "Prologue", "Prologue"),
])
def test_a_title_that_is_already_the_chapters_heading_is_not_doubled(number: int, title: str, heading: str) -> None:
    assert chapter_heading(number, title) == heading


@pytest.mark.parametrize(("note", "body"), [
    ("Author's Note: Thanks!", "Thanks!"), ("A/N: hi there", "hi there"), ("AN: hi", "hi"),
    ("End notes - bye", "bye"), ("Author’s Notes:\nTwo lines", "Two lines"), ("Chapter Note — ok", "ok"),
    ("Annie said hi", "Annie said hi"), ("Note to self: buy milk", "Note to self: buy milk"),
    ("Notes are fun", "Notes are fun"), ("Anyway: yes", "Anyway: yes"),
])
def test_a_notes_own_label_is_dropped_so_exports_label_it_once(note: str, body: str) -> None:
    assert unlabelled_note(note) == body
