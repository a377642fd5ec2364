"""File-level behaviour: encodings, HTML (AO3 and scraped pages), Word documents, refusals."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from ficdesk.errors import InputError
from ficdesk.formats import import_file, reading

DATA = Path(__file__).parent / "data"
STORY = ("Title: Pâtisserie\nFandom: Hannibal (TV)\n\n"
         "Will’s café smelled of “crème brûlée” – and of rain.\n\nHe didn’t mind.\n")


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
     ("utf-16-be", "utf-16-be"), ("cp1252", "cp1252")],
)
def test_encodings_are_detected_and_reported(tmp_path: Path, encoding: str, reported: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode(encoding))
    story = import_file(path)
    assert story.encoding == reported
    assert story.title == "Pâtisserie"
    assert story.chapters[0].text == "Will’s café smelled of “crème brûlée” – and of rain.\n\nHe didn’t mind."


def test_ao3_download_html() -> None:
    story = import_file(DATA / "ao3_good_omens.html")
    assert story.source_format == "ao3-html"
    assert story.title == "The Bookshop at the End of the World"
    assert story.author == "quillandquire"
    assert story.ao3_rating == "Teen And Up Audiences"
    assert story.warnings == ["No Archive Warnings Apply"]
    assert story.fandoms == ["Good Omens (TV)", "Good Omens - Neil Gaiman & Terry Pratchett"]
    assert story.relationships == ["Aziraphale/Crowley (Good Omens)"]
    assert story.characters == ["Aziraphale (Good Omens)", "Crowley (Good Omens)", "Anathema Device"]
    assert story.word_count == 1032
    assert story.summary == "The world did not end. The bookshop, on the other hand, has *opinions* about that."
    assert story.start_note == "Written for the summer fic exchange. Thank you to my beta, who knows what she did."
    assert story.end_note == "Thank you for reading! Come and find me on tumblr."
    assert story.extra["Additional Tags"] == "Fluff, Post-Canon, Bookshops"
    assert [c.title for c in story.chapters] == ["Dust Jackets", ""]
    first, second = story.chapters
    assert first.start_note == "Set a week after the not-Apocalypse."
    assert first.end_note == "Next time: a customer. Gasp."
    assert first.text.split("\n\n") == [
        "Aziraphale had dusted the first editions three times that morning, which was two times more than they "
        "deserved and one time fewer than he would have liked.",
        '"You\'re *fretting*," said Crowley from the sofa. He did not look up from his phone. He did not need to.',
        '"I am **not** fretting. I am curating. There is a difference & you know it."',
        "* * *",
        "By noon the shop smelled of cocoa <and> old paper, and nobody had bought anything, which was exactly how "
        "Aziraphale liked it.",
    ]
    assert second.text.endswith('"Do you buy second-hand?" she asked.\n"Only reluctantly," said Aziraphale.')
    assert any("Posted originally on the Archive of Our Own" in line for line in story.dropped)
    assert any("drop by the Archive and comment" in line for line in story.dropped)


def test_scraped_html_page_skips_scripts_menus_and_footers(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Stars | My Fic Blog</title><style>p{color:red}</style>
    <script>var x = "<p>not text</p>";</script></head><body>
    <nav><a href="/">Home</a> <a href="/fics">Fics</a></nav>
    <article><h1>Stars Over Gallifrey</h1><p><b>Fandom:</b> Doctor Who</p><p><b>Rating:</b> G</p>
    <p>The Doctor looked up. <i>Too many stars,</i> she thought.</p>
    <p>Yaz handed her a tea.</p></article>
    <footer>© 2024 My Fic Blog. All rights reserved.</footer>
    <div class="share">Share this: Twitter | Facebook</div></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    story = import_file(path)
    assert story.title == "Stars Over Gallifrey"
    assert story.fandoms == ["Doctor Who"]
    assert story.ao3_rating == "General Audiences"
    assert story.chapters[0].text == "The Doctor looked up. *Too many stars,* she thought.\n\nYaz handed her a tea."
    assert any("Home" in line for line in story.dropped)
    assert any("All rights reserved" in line for line in story.dropped)
    assert any("Share this" in line for line in story.dropped)


def test_docx_with_headings_emphasis_and_header(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Title: Gold and Grey")
    document.add_paragraph("Pairing: Phryne Fisher/Jack Robinson")
    document.add_paragraph("Rating: K+")
    document.add_heading("Chapter 1: The Dock", level=1)
    paragraph = document.add_paragraph("Miss Fisher was ")
    paragraph.add_run("late").italic = True
    paragraph.add_run(", as ")
    paragraph.add_run("always").bold = True
    paragraph.add_run(".")
    document.add_paragraph("")
    document.add_paragraph("Jack sighed.")
    document.add_heading("Chapter 2", level=1)
    document.add_paragraph("A/N: short one today!")
    document.add_paragraph("The tea was cold.")
    path = tmp_path / "gold.docx"
    document.save(str(path))
    story = import_file(path)
    assert story.encoding == "docx"
    assert story.title == "Gold and Grey"
    assert story.relationships == ["Phryne Fisher/Jack Robinson"]
    assert story.ao3_rating == "General Audiences"
    assert [c.title for c in story.chapters] == ["The Dock", ""]
    assert story.chapters[0].text == "Miss Fisher was *late*, as **always**.\n\nJack sighed."
    assert story.chapters[1].start_note == "short one today!"
    assert story.chapters[1].text == "The tea was cold."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"   \n\n  \n", "is empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("data.txt", bytes(range(256)) * 8, "binary"),
        ("fake.docx", b"this is not a zip file at all", "not a Word .docx document"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "old Word .doc"),
        ("only_header.txt", b"Title: Nothing\nRating: T\n", "no story text"),
    ],
)
def test_bad_files_give_one_clear_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        import_file(path)
    assert "\n" not in str(caught.value)


def test_missing_folder_and_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="not a file"):
        import_file(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("Word. " * 2000, encoding="utf-8")
    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", 1024 * 1024 // 128)
    with pytest.raises(InputError, match="limit"):
        import_file(big)
