"""Reading canon sources: bytes to text, and HTML or Markdown to plain text.

``read_document`` refuses binary files, undecodable text and oversized files with an
:class:`~ficdesk.errors.InputError`. ``plain_text`` turns the decoded source into the text the
builder works on; fact offsets index that text. Plain text and Markdown keep their length (markup
is blanked out with spaces), so for them the offsets also index the source itself.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ficdesk.errors import FicDeskError, InputError
from ficdesk.formats.htmldoc import SKIP, Skipping, html_lines, parse_html
from ficdesk.formats.reading import decode, read_text

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html")
MAX_BYTES = 20 * 1024 * 1024
#: The builder's limit in characters (a 20 MB file of plain ASCII is 20 million characters).
MAX_CHARS = 20_000_000

_SUFFIX_FORMATS: dict[str, Format] = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text",
}


@dataclass(frozen=True)
class PlainDocument:
    """The text the builder reads, plus spans the markup marked as titles (italics in HTML/Markdown)."""

    text: str
    title_spans: list[tuple[int, int]] = field(default_factory=list)


def read_document(path: str | Path, *, encoding: str | None = None) -> tuple[str, Format]:
    """Decode the file at ``path`` (:mod:`ficdesk.formats.reading`); its text and format (suffix, else content)."""
    file = Path(path)
    decoded = read_text(file, limit=MAX_BYTES, encoding=encoding)
    text = _normalised(decoded.text, str(file))
    fmt = _SUFFIX_FORMATS.get(file.suffix.lower()) or sniff_format(text)
    return text, fmt


def decode_bytes(data: bytes, *, name: str = "the document") -> str:
    """Bytes to text through :func:`ficdesk.formats.reading.decode`, with newlines and Unicode normalised."""
    return _normalised(decode(data, name).text, name)


def _normalised(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"cannot read '{name}': the file is empty")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def sniff_format(text: str) -> Format:
    """Guess the format of text whose file name says nothing."""
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head):
        return "html"
    if re.search(r"(?m)^#{1,6} \S|\[[^\]\n]+\]\([^)\s]+\)|^\s*[-*] \S.*\n\s*[-*] \S", text[:20_000]):
        return "markdown"
    return "text"


def plain_text(text: str, fmt: str) -> PlainDocument:
    """The plain text the builder reads from a source in format ``fmt``."""
    if fmt not in FORMATS:
        raise FicDeskError(f"unknown document format '{fmt}' (expected one of {', '.join(FORMATS)})")
    if len(text) > MAX_CHARS:
        raise InputError(f"the document has {len(text):,} characters; canon sources are limited to {MAX_CHARS:,}")
    if fmt == "html":
        return html_to_text(text)
    if fmt == "markdown":
        return markdown_to_text(text)
    return PlainDocument(text)


# --- HTML ---------------------------------------------------------------------------------------

#: A wiki article's chrome, besides what a draft drops: page headers, figures, reference lists, navigation boxes.
_ARTICLE = Skipping(
    tags=SKIP | {"header", "title", "figure", "math", "textarea"},
    classes=frozenset({
        "navbox", "mw-editsection", "reference", "references", "reflist", "noprint", "toc", "sidebar",
        "mw-jump-link", "catlinks", "printfooter", "navigation", "breadcrumbs", "mw-cite-backlink", "hatnote",
        "metadata", "ambox", "page-header", "page-footer", "wds-global-navigation", "global-navigation",
    }),
    roles=frozenset({"navigation", "banner", "contentinfo", "search", "complementary"}),
    hidden=True,
    cell_separator="; ",
)


def html_to_text(source: str) -> PlainDocument:
    """Visible text of an HTML page: navigation, scripts, styles and page chrome removed.

    The one HTML reader of the core (:mod:`ficdesk.formats.htmldoc`) turns the page into draft text, where
    ``<i>``/``<em>``/``<cite>`` are ``*marked*``; the Markdown path then takes those marks as title spans.
    Nothing is executed or fetched; the parser only reads the markup.
    """
    lines, _chrome = html_lines(parse_html(source), _ARTICLE)
    marked = markdown_to_text("\n".join(line.text for line in lines if line.text))
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t]{2,}", " ", marked.text)).strip()
    return PlainDocument(text, _found_again(text, marked))


def _found_again(text: str, marked: PlainDocument) -> list[tuple[int, int]]:
    """The title spans of ``marked`` in ``text``, its whitespace-collapsed copy (searched in order)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for start, end in marked.title_spans:
        piece = " ".join(marked.text[start:end].split())
        found = text.find(piece, cursor) if piece else -1
        if found >= 0:
            spans.append((found, found + len(piece)))
            cursor = found
    return spans


# --- Markdown ----------------------------------------------------------------------------------

_MD_FENCE = re.compile(r"(?ms)^(```|~~~).*?^\1[ \t]*$")
_MD_LINKDEF = re.compile(r"(?m)^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$")
_MD_IMAGE_OR_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_MD_LINE_MARK = re.compile(r"(?m)^([ \t]*)(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)")
_MD_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
#: *emphasis* and _emphasis_, one pattern per marker: the body never holds its own marker or a line break, so a
#: line of unmatched markers ("_a _a _a …") is scanned once, not once per marker (no quadratic backtracking).
_MD_EMPHASES = tuple(re.compile(rf"(?<![\w*])({mark}{{1,3}})(?=\S)([^{mark}\n]+?)(?<=\S)\1(?![\w*])")
                     for mark in (r"\*", "_"))
_MD_CODE = re.compile(r"`+")


def markdown_to_text(source: str) -> PlainDocument:
    """Markdown with its markup blanked out by spaces, so every offset still indexes the source."""
    chars = list(source)

    def blank(start: int, end: int, keep_newlines: bool = True) -> None:
        for i in range(start, end):
            if not (keep_newlines and chars[i] == "\n"):
                chars[i] = " "

    for match in _MD_FENCE.finditer(source):
        blank(match.start(), match.end())
    for match in _MD_LINKDEF.finditer(source):
        blank(match.start(), match.end())
    for match in _MD_TABLE_RULE.finditer(source):
        blank(match.start(), match.end())
    for match in _MD_IMAGE_OR_LINK.finditer(source):
        blank(match.start(), match.start(1))
        blank(match.end(1), match.end())
    for match in _MD_HTML_TAG.finditer(source):
        blank(match.start(), match.end())
    for match in _MD_LINE_MARK.finditer(source):
        blank(match.start(2), match.end(2))
    masked = "".join(chars)
    spans: list[tuple[int, int]] = []
    for match in (found for pattern in _MD_EMPHASES for found in pattern.finditer(masked)):
        marker = len(match.group(1))
        blank(match.start(), match.start() + marker)
        blank(match.end() - marker, match.end())
        if marker == 1:  # *italic* marks titles; **bold** is emphasis
            spans.append((match.start(2), match.end(2)))
    masked = "".join(chars)
    masked = _MD_CODE.sub(lambda m: " " * len(m.group()), masked)
    # Table cells: pipes become semicolons so that neighbouring cells never join into one name.
    masked = masked.replace("|", ";")
    return PlainDocument(_unescape_same_length(masked), sorted(spans))


def _unescape_same_length(text: str) -> str:
    """Replace HTML entities by their character padded with spaces, keeping offsets."""
    def replace(match: re.Match[str]) -> str:
        value = html.unescape(match.group())
        return value + " " * (len(match.group()) - len(value)) if len(value) <= len(match.group()) else match.group()

    return re.sub(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);", replace, text)
