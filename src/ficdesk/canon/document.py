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
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from ficdesk.errors import FicDeskError, InputError
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

_SKIP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "math", "form",
    "button", "select", "textarea", "iframe", "object", "head", "title", "figure", "menu",
})
_SKIP_CLASSES = frozenset({
    "navbox", "mw-editsection", "reference", "references", "reflist", "noprint", "toc", "sidebar",
    "mw-jump-link", "catlinks", "printfooter", "navigation", "breadcrumbs", "mw-cite-backlink", "hatnote",
    "metadata", "ambox", "page-header", "page-footer", "wds-global-navigation", "global-navigation",
})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "caption", "tbody", "thead",
})
_CELL_TAGS = frozenset({"td", "th"})
_TITLE_TAGS = frozenset({"i", "em", "cite"})
_VOID_TAGS = frozenset({
    "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param",
})


class _TextExtractor(HTMLParser):
    """Collects visible text; skipped elements are tracked by tag name and nesting depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.title_starts: list[int] = []
        self.title_spans: list[tuple[int, int]] = []

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _break(self, separator: str) -> None:
        if self.parts and not self.parts[-1].endswith(("\n", separator)):
            self._write(separator)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag and tag not in _VOID_TAGS:
                self.skip_depth += 1
            return
        attributes = {key: value or "" for key, value in attrs}
        classes = set(attributes.get("class", "").split())
        hidden = "hidden" in attributes or "display:none" in attributes.get("style", "").replace(" ", "")
        if tag in _SKIP_TAGS or classes & _SKIP_CLASSES or attributes.get("role") in _SKIP_ROLES or hidden:
            if tag not in _VOID_TAGS:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in _BLOCK_TAGS:
            self._break("\n")
        elif tag in _CELL_TAGS:
            self._break("; ")
        elif tag in _TITLE_TAGS:
            self.title_starts.append(self.length)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in _BLOCK_TAGS:
            self._break("\n")
        elif tag in _CELL_TAGS:
            self._break("; ")
        elif tag in _TITLE_TAGS and self.title_starts:
            start = self.title_starts.pop()
            if self.length > start:
                self.title_spans.append((start, self.length))

    def handle_data(self, data: str) -> None:
        if self.skip_tag is None and data:
            self._write(re.sub(r"\s+", " ", data))


def html_to_text(source: str) -> PlainDocument:
    """Visible text of an HTML page: navigation, scripts, styles and page chrome removed.

    Nothing is executed or fetched; the parser only reads the markup.
    """
    parser = _TextExtractor()
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError) as error:  # pragma: no cover - html.parser is very lenient
        raise InputError(f"cannot read the HTML document: {error}") from error
    raw = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n\s*", "\n", raw)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return PlainDocument(text, _find_spans(text, raw, parser.title_spans))


def _find_spans(text: str, raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Find each titled span of ``raw`` again in the whitespace-collapsed ``text`` (in order)."""
    result: list[tuple[int, int]] = []
    cursor = 0
    for start, end in sorted(spans):
        piece = re.sub(r"\s+", " ", raw[start:end]).strip()
        found = text.find(piece, cursor) if piece else -1
        if found >= 0:
            result.append((found, found + len(piece)))
            cursor = found
    return result


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
