"""Reading canon sources: formats, encodings, bad input, markup removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficdesk.canon import build_canon, read_document
from ficdesk.canon import document as document_module
from ficdesk.canon.document import html_to_text, markdown_to_text, plain_text
from ficdesk.errors import FicDeskError, InputError


def test_formats_by_suffix_and_content(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Title\n\nText.", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<p>Hello</p>", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Plain words.", encoding="utf-8")
    (tmp_path / "saved_page").write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>", encoding="utf-8")
    assert read_document(tmp_path / "a.md")[1] == "markdown"
    assert read_document(tmp_path / "b.htm")[1] == "html"
    assert read_document(tmp_path / "c.txt") == ("Plain words.", "text")
    assert read_document(tmp_path / "saved_page")[1] == "html"


def test_encodings(tmp_path: Path) -> None:
    text = "Ianto Jones lived in Caerdydd, café owner’s nephew.\r\nSecond line."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes(
        ("Ianto Jones drank café crème in Geneva with Genève's finest. " * 20).encode("cp1252"))
    expected = text.replace("\r\n", "\n")
    assert read_document(tmp_path / "bom.txt")[0] == expected
    assert read_document(tmp_path / "utf16.txt")[0] == expected
    assert "café crème" in read_document(tmp_path / "latin.txt")[0]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"   \n  ", "empty"),
    (b"%PDF-1.7 binary", "PDF"),
    (b"PK\x03\x04zipped", "ZIP"),
    (b"text\x00with\x00nulls" * 10, "binary"),
    (bytes(range(1, 32)) * 50, "binary"),
])
def test_bad_input_is_refused_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_missing_folder_and_oversized_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    monkeypatch.setattr(document_module, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match="limited to"):
        read_document(big)
    monkeypatch.setattr(document_module, "MAX_CHARS", 10)
    with pytest.raises(InputError, match="limited to"):
        build_canon("Ianto Jones and Jack Harkness")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(FicDeskError, match="unknown document format"):
        build_canon("text", fmt="docx")


def test_html_strips_chrome_and_never_runs_scripts() -> None:
    page = (
        "<html><head><title>Wiki</title><style>p{color:red}</style></head><body>"
        "<nav><a>Home</a> Explore</nav><header>Site Header</header>"
        "<script>alert('Evil Popup')</script><noscript>Enable Javascript</noscript>"
        "<p>Owen Harper is a <i>Torchwood</i> character.<sup class='reference'>[3]</sup></p>"
        "<div style='display: none'>Hidden Spam</div><aside>Related Pages</aside>"
        "<ul><li>First item</li><li>Second item</li></ul>"
        "<table><tr><th>Portrayed by</th><td>Burn Gorman</td></tr></table>"
        "<footer>Footer Links</footer><p>Caf&eacute; &amp; more</p></body></html>"
    )
    document = html_to_text(page)
    for gone in ("Home", "Site Header", "Evil", "Enable", "[3]", "Hidden", "Related", "Footer", "color", "Wiki"):
        assert gone not in document.text
    assert "Owen Harper is a Torchwood character." in document.text
    assert "First item\nSecond item" in document.text
    assert "Portrayed by; Burn Gorman" in document.text
    assert "Café & more" in document.text
    start, end = document.title_spans[0]
    assert document.text[start:end] == "Torchwood"


def test_markdown_markup_is_blanked_and_offsets_kept() -> None:
    source = "# Owen Harper\n\n**Owen** is a doctor in [Torchwood](https://example.org) and *Doctor Who*.\n"
    document = markdown_to_text(source)
    assert len(document.text) == len(source)
    assert "#" not in document.text and "*" not in document.text and "https" not in document.text
    assert document.text.split() == ["Owen", "Harper", "Owen", "is", "a", "doctor", "in", "Torchwood", "and",
                                     "Doctor", "Who", "."]
    start, end = document.title_spans[0]
    assert source[start:end] == "Doctor Who"
    assert plain_text(source, "markdown").text == document.text
