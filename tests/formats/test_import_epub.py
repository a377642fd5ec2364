"""EPUB import: a book in AO3's EPUB download layout and a plain EPUB, both built here with ebooklib."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from ebooklib import epub

from ficdesk.errors import InputError
from ficdesk.formats import epub as epub_reader
from ficdesk.formats import import_file

PREFACE = """<div id="preface">
  <p class="message"><b>The Lighthouse Keeper</b><br/>Posted originally on the
    <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://example.org/works/1">here</a>.</p>
  <div class="meta">
    <dl class="tags">
      <dt class="rating">Rating:</dt>
      <dd class="rating tags"><ul class="tags"><li><a class="tag">Mature</a></li></ul></dd>
      <dt class="warning">Archive Warning:</dt>
      <dd class="warning tags"><ul class="tags"><li><a class="tag">No Archive Warnings Apply</a></li></ul></dd>
      <dt class="fandom">Fandom:</dt>
      <dd class="fandom tags"><ul class="tags"><li><a class="tag">Torchwood</a></li>
        <li><a class="tag">Doctor Who</a></li></ul></dd>
      <dt class="relationship">Relationship:</dt>
      <dd class="relationship tags"><ul class="tags"><li><a class="tag">Jack Harkness/Ianto Jones</a></li></ul></dd>
      <dt class="character">Characters:</dt>
      <dd class="character tags"><ul class="tags"><li><a class="tag">Jack Harkness</a></li>
        <li><a class="tag">Ianto Jones</a></li></ul></dd>
      <dt class="freeform">Additional Tags:</dt>
      <dd class="freeform tags"><ul class="tags"><li><a class="tag">Lighthouses</a></li>
        <li><a class="tag">Slow Burn</a></li></ul></dd>
      <dt class="stats">Stats:</dt><dd class="stats">Published: 2021-03-01 Chapters: 2/2 Words: 61</dd>
    </dl>
    <h1>The Lighthouse Keeper</h1>
    <div class="byline">by <a rel="author" href="https://example.org/users/wickwright">wickwright</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>Ianto keeps a light on a rock in the Bristol Channel. Jack keeps visiting.</p>
    </blockquote>
    <p>Notes</p>
    <blockquote class="userstuff"><p>Written for a prompt about islands.</p></blockquote>
  </div>
</div>"""

CHAPTERS = [
    ("Chapter 1: The Rock", "The first storm came in the second week.",
     ["Ianto trimmed the wick and wrote the time in the log.", "The sea was loud; the lamp was louder."]),
    ("Chapter 2: The Boat", "",
     ["A boat came in at dawn, which boats never did.", "Jack stepped off it as if he owned the rock."]),
]
AFTERWORD = """<div id="afterword"><div id="endnotes"><p>End Notes</p>
<blockquote class="userstuff"><p>Thank you for reading!</p></blockquote></div></div>"""


def _page(name: str, title: str, html: str) -> epub.EpubHtml:
    page = epub.EpubHtml(title=title, file_name=name, lang="en")
    page.content = f"<html><head><title>{title}</title></head><body>{html}</body></html>"
    return page


def ao3_epub(path: Path) -> Path:
    """An EPUB laid out the way AO3's EPUB download is: preface, one file per chapter, afterword."""
    book = epub.EpubBook()
    book.set_identifier("ficdesk-test-lighthouse")
    book.set_title("The Lighthouse Keeper")
    book.set_language("en")
    book.add_author("wickwright")
    book.add_metadata("DC", "publisher", "Archive of Our Own")
    book.add_metadata("DC", "subject", "Torchwood")
    pages = [_page("preface.xhtml", "Preface", PREFACE)]
    for number, (heading, note, paragraphs) in enumerate(CHAPTERS, start=1):
        notes = f'<p>Chapter Notes</p><blockquote class="userstuff"><p>{note}</p></blockquote>' if note else ""
        text = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        html = (f'<div class="meta group"><h2 class="heading">{heading}</h2>{notes}</div>'
                f'<div class="userstuff"><h3 class="landmark heading">Chapter Text</h3>{text}</div>')
        pages.append(_page(f"chapter{number}.xhtml", heading, html))
    pages.append(_page("afterword.xhtml", "Afterword", AFTERWORD))
    for page in pages:
        book.add_item(page)
    book.toc = pages
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *pages]
    epub.write_epub(str(path), book)
    return path


def test_an_ao3_epub_imports_with_its_metadata_and_chapters(tmp_path: Path) -> None:
    story = import_file(ao3_epub(tmp_path / "lighthouse.epub"))
    assert story.source_format == "ao3-epub" and story.encoding == "epub"
    assert story.title == "The Lighthouse Keeper" and story.author == "wickwright"
    assert story.fandoms == ["Torchwood", "Doctor Who"]
    assert (story.rating, story.ao3_rating) == ("Mature", "Mature")
    assert story.warnings == ["No Archive Warnings Apply"]
    assert story.relationships == ["Jack Harkness/Ianto Jones"]
    assert story.characters == ["Jack Harkness", "Ianto Jones"]
    assert story.extra["Additional Tags"] == "Lighthouses, Slow Burn"
    assert story.word_count == 61
    assert story.summary == "Ianto keeps a light on a rock in the Bristol Channel. Jack keeps visiting."
    assert story.start_note == "Written for a prompt about islands."
    assert story.end_note == "Thank you for reading!"
    assert [chapter.title for chapter in story.chapters] == ["The Rock", "The Boat"]
    assert story.chapters[0].start_note == "The first storm came in the second week."
    for chapter, (_, _, paragraphs) in zip(story.chapters, CHAPTERS, strict=True):
        assert chapter.text == "\n\n".join(paragraphs)
    assert story.sources["rating"] == "Rating: Mature"


def test_a_plain_epub_becomes_one_chapter_per_document(tmp_path: Path) -> None:
    book = epub.EpubBook()
    book.set_identifier("ficdesk-test-plain")
    book.set_title("Notes from a Small Moon")
    book.set_language("en")
    book.add_author("Orla Finch")
    book.add_metadata("DC", "description", "<p>A moon, a radio, a very long wait.</p>")
    pages = [_page("one.xhtml", "One", "<h1>Static</h1><p>The radio crackled at noon.</p><p>Nobody answered.</p>"),
             _page("two.xhtml", "Two", "<h1>Signal</h1><p>On the ninth day, somebody did.</p>")]
    for page in pages:
        book.add_item(page)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = pages
    path = tmp_path / "moon.epub"
    epub.write_epub(str(path), book)
    story = import_file(path)
    assert (story.title, story.author) == ("Notes from a Small Moon", "Orla Finch")
    assert story.summary == "A moon, a radio, a very long wait."
    assert [(c.title, c.text) for c in story.chapters] == [
        ("Static", "The radio crackled at noon.\n\nNobody answered."), ("Signal", "On the ninth day, somebody did.")]


def test_an_epub_with_an_oversized_part_is_refused_before_it_is_read(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = ao3_epub(tmp_path / "lighthouse.epub")
    monkeypatch.setattr(epub_reader, "MAX_PART_BYTES", 1024)
    with pytest.raises(InputError, match="built to exhaust memory"):
        import_file(path)


def test_an_epub_declaring_xml_entities_is_refused(tmp_path: Path) -> None:
    source = ao3_epub(tmp_path / "lighthouse.epub")
    target = tmp_path / "entities.epub"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.endswith(".opf"):
                data = data.replace(b"<package", b'<!DOCTYPE package [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                    b"<package", 1)
            copy.writestr(info, data)
    with pytest.raises(InputError, match="XML entities"):
        import_file(target)


def test_not_an_epub_is_one_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(b"PK\x03\x04 but not really a zip")
    with pytest.raises(InputError, match="not an EPUB book"):
        import_file(path)


def test_epub_export_then_import_keeps_every_chapter(tmp_path: Path) -> None:
    """Import a draft, export it as EPUB, import the book: the same chapters, and no title page taken for one."""
    from ficdesk.cli import main

    database = f"sqlite:///{tmp_path / 'round.sqlite3'}"
    source = tmp_path / "draft.txt"
    source.write_text("Title: Round Trip\nAuthor: Wren\n\nChapter 1: Out\n\nThe tide went out at six.\n\n"
                      "It took the boats with it.\n\nChapter 2: Back\n\nAt noon the tide came back, boats and all.\n",
                      encoding="utf-8")
    assert main(["--database", database, "project", "new", "Round"]) == 0
    assert main(["--database", database, "import", str(source)]) == 0
    book = tmp_path / "round.epub"
    assert main(["--database", database, "export", "Round Trip", "--format", "epub", "-o", str(book)]) == 0
    story = import_file(book)
    texts = [chapter.text for chapter in story.chapters if chapter.text]
    assert texts == ["The tide went out at six.\n\nIt took the boats with it.",
                     "At noon the tide came back, boats and all."]
