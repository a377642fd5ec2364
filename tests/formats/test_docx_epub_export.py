"""DOCX and EPUB export: read back with python-docx / ebooklib, imported by FicDesk, validated by epubcheck."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from ebooklib import ITEM_DOCUMENT, epub

from ficdesk.formats import ExportOptions, export_bytes, import_file
from ficdesk.store import Store
from tests.formats.test_export import CHAPTERS, _story


def test_docx_paragraphs_read_back_one_by_one(store: Store) -> None:
    story_id = _story(store)
    data = export_bytes(store, story_id, "docx")
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    assert paragraphs == [
        ("Title", "Coffee & Rifts"),
        ("Normal", "Author: tea_and_rift"),
        ("Normal", "Fandom: Torchwood"),
        ("Normal", "Relationships: Jack/Ianto"),
        ("Normal", "Characters: Jack Harkness, Ianto Jones"),
        ("Normal", "Rating: Teen And Up Audiences"),
        ("Normal", "Warnings: No Archive Warnings Apply"),
        ("Normal", f"Word Count: {store.stories.word_count(story_id):,}"),
        ("Normal", "Summary: Coffee, and the end of the world."),
        ("Normal", "Disclaimer: I don't own Torchwood; it belongs to the BBC."),
        ("Normal", "Notes: For my beta, with love."),
        ("Heading 2", "Prologue"),
        ("Normal", "Chapter Notes: Set after series 1."),
        ("Normal", "The Hub was quiet.\nToo quiet, Ianto thought."),
        ("Normal", "He made coffee anyway — strong coffee."),
        ("Heading 2", "Chapter 2: Rift & Ruin"),
        ("Normal", 'Jack said, "5 < 6 & 7 > 3" and <b>laughed</b>.'),
        ("Normal", "* * *"),
        ("Normal", "Later: # not a heading, 1. not a list, _under_score_, back\\slash, [brackets]."),
        ("Normal", "Chapter End Notes: Thanks for reading this far!"),
        ("Heading 2", "Chapter 3"),
        ("Normal", "Gwen’s “curly” quotes stay curly. Café, naïve, 日本語."),
        ("Normal", "End Notes: Comments are cherished."),
    ]
    emphasis = [(run.text, bool(run.bold), bool(run.italic)) for run in document.paragraphs[14].runs]
    assert emphasis == [("He made ", False, False), ("coffee", False, True), (" anyway — ", False, False),
                        ("strong", True, False), (" coffee.", False, False)]
    assert document.paragraphs[17].alignment == WD_ALIGN_PARAGRAPH.CENTER  # the scene break
    assert document.core_properties.title == "Coffee & Rifts" and document.core_properties.author == "tea_and_rift"
    # Plain paragraphs only: nothing the Doc Manager would drop or choke on.
    assert document.tables == [] and len(document.inline_shapes) == 0
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if n.startswith(("word/media", "word/comments", "word/header", "word/footer"))]


def test_docx_imports_back_into_the_same_story(store: Store, tmp_path: Path) -> None:
    story_id = _story(store)
    path = tmp_path / "story.docx"
    path.write_bytes(export_bytes(store, story_id, "docx"))
    imported = import_file(path)
    assert [(c.title, c.text) for c in imported.chapters] == [(t, body) for t, body, _, _ in CHAPTERS]
    assert [(c.start_note, c.end_note) for c in imported.chapters] == [(s, e) for _, _, s, e in CHAPTERS]
    assert (imported.title, imported.author, imported.rating) == ("Coffee & Rifts", "tea_and_rift",
                                                                  "Teen And Up Audiences")
    assert imported.fandoms == ["Torchwood"] and imported.relationships == ["Jack/Ianto"]
    assert imported.characters == ["Jack Harkness", "Ianto Jones"]
    assert imported.warnings == ["No Archive Warnings Apply"]
    assert imported.summary == "Coffee, and the end of the world."
    assert imported.disclaimer == "I don't own Torchwood; it belongs to the BBC."
    assert (imported.start_note, imported.end_note) == ("For my beta, with love.", "Comments are cherished.")


def test_docx_without_metadata_or_notes(store: Store) -> None:
    data = export_bytes(store, _story(store), "docx", ExportOptions(include_metadata=False, include_notes=False))
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert texts[:2] == ["Coffee & Rifts", "Prologue"]
    assert not [t for t in texts if "Notes:" in t or "Author:" in t or "Disclaimer" in t]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("p", "br", "h2", "div"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def _book(store: Store) -> epub.EpubBook:
    data = export_bytes(store, _story(store), "epub")
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"ficdesk-test-{os.getpid()}.epub"
    path.write_bytes(data)
    try:
        return epub.read_epub(str(path), {"ignore_ncx": False})
    finally:
        path.unlink()


def test_epub_has_a_file_per_chapter_toc_and_metadata(store: Store) -> None:
    book = _book(store)
    assert book.get_metadata("DC", "title")[0][0] == "Coffee & Rifts"
    assert book.get_metadata("DC", "creator")[0][0] == "tea_and_rift"
    # The test project's language is "auto" (the checker judges each text), which a book states as plain "en".
    assert book.get_metadata("DC", "language")[0][0] == "en"
    assert [s for s, _ in book.get_metadata("DC", "subject")] == ["Torchwood", "Jack/Ianto"]
    assert book.get_metadata("DC", "description")[0][0] == "Coffee, and the end of the world."
    names = sorted(item.get_name() for item in book.get_items_of_type(ITEM_DOCUMENT))
    assert names == ["chapter-001.xhtml", "chapter-002.xhtml", "chapter-003.xhtml", "end-notes.xhtml", "nav.xhtml",
                     "title.xhtml"]
    assert book.get_item_with_id("ncx") is not None
    assert [link.title for link in book.toc] == ["Prologue", "Chapter 2: Rift & Ruin", "Chapter 3", "End Notes"]
    texts = {}
    for name in ("chapter-001.xhtml", "chapter-002.xhtml", "chapter-003.xhtml", "title.xhtml"):
        parser = _Text()
        parser.feed(book.get_item_with_href(name).get_content().decode("utf-8"))
        texts[name] = parser
    for number, (_title, body, start, end) in enumerate(CHAPTERS, start=1):
        text = texts[f"chapter-{number:03d}.xhtml"].text()
        plain = " ".join(body.replace("**", "").replace("*coffee*", "coffee").split())
        assert plain in text
        if start:
            assert text.index(start) < text.index(plain[:20])  # start notes before the chapter text
        if end:
            assert text.index(end) > text.index(plain[-20:])  # end notes after it
    assert "em" in texts["chapter-001.xhtml"].tags and "strong" in texts["chapter-001.xhtml"].tags
    assert "b" not in texts["chapter-002.xhtml"].tags  # the author's literal "<b>" is text, not markup
    front = texts["title.xhtml"].text()
    assert "I don't own Torchwood" in front and "For my beta, with love." in front


def _epubcheck() -> list[str] | None:
    found = shutil.which("epubcheck")
    if found is None:
        return None
    real = os.path.realpath(found)
    if real.endswith(".jar"):  # Debian installs the jar itself; run it with java in case binfmt is off
        java = shutil.which("java")
        return [java, "-jar", real] if java else None
    return [found]


@pytest.mark.skipif(_epubcheck() is None, reason="epubcheck is not installed (Debian: apt-get install epubcheck)")
def test_epub_passes_epubcheck(tmp_path: Path, sqlite_store: Store) -> None:
    project = sqlite_store.projects.create("Books")
    story = sqlite_store.stories.create(
        project.id, "Ünïcode & “Quotes”", author="Zoë", fandoms=["Fandom One"], relationships=["Åsa/Björn"],
        summary="A *summary* — with dashes.", disclaimer="Not mine.", start_note="Hello, readers.",
        end_note="Merci!",
    )
    bodies = [
        "She *ran*.\nThen stopped.\n\n* * *\n\nLater, **much** later: 日本語, ελληνικά, עברית.",
        "Second chapter, with <angle> brackets & ampersands.\n\n~~~\n\nAfter the break.",
        "Third — the end. Emoji too: 🌙.",
    ]
    for number, body in enumerate(bodies, start=1):
        chapter = sqlite_store.chapters.create(story.id, f"Part {number}" if number != 3 else "", body)
        sqlite_store.chapters.set_notes(chapter.id, start_note=f"Before {number}.", end_note=f"After *{number}*.")
    path = tmp_path / "book.epub"
    path.write_bytes(export_bytes(sqlite_store, story.id, "epub"))
    command = _epubcheck()
    assert command is not None
    result = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout + result.stderr


def test_epub_import_keeps_every_chapters_text(store: Store, tmp_path: Path) -> None:
    """FicDesk's own EPUB import reads every paragraph of every chapter back, in order, and the title."""
    path = tmp_path / "story.epub"
    path.write_bytes(export_bytes(store, _story(store), "epub"))
    imported = import_file(path)
    texts = "\n\n".join(chapter.text for chapter in imported.chapters)
    position = 0
    for _title, body, _start, _end in CHAPTERS:
        for paragraph in body.split("\n\n"):
            found = texts.find(paragraph, position)
            assert found >= 0, paragraph
            position = found + len(paragraph)
    assert imported.title == "Coffee & Rifts"
