"""Exporting a stored story as plain text, Markdown or AO3-ready HTML.

The renderers take an :class:`ExportDocument` (plain values) so they are pure functions; only
:func:`export_story` touches the store. Each format is read back by the importer into the same
chapters and text (see tests/formats/test_round_trip.py).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ficdesk.errors import FicDeskError
from ficdesk.formats.markup import escape_html, escape_markdown, inline_html
from ficdesk.formats.patterns import chapter_heading, is_scene_break
from ficdesk.text.controls import publishable
from ficdesk.text.counting import count_words

if TYPE_CHECKING:
    from ficdesk.store import Store

#: Text formats (rendered to ``str``) and binary ones (rendered to ``bytes`` by their own modules).
TEXT_FORMATS = ("txt", "md", "html")
BINARY_FORMATS = ("docx", "epub")
FORMATS = TEXT_FORMATS + BINARY_FORMATS


@dataclass(frozen=True)
class ExportOptions:
    """``wrap``: None keeps paragraphs on one line; a width (>= 20) wraps plain text at it."""

    include_metadata: bool = True
    include_notes: bool = True
    wrap: int | None = None


@dataclass(frozen=True)
class ExportChapter:
    title: str
    text: str
    start_note: str = ""
    end_note: str = ""


@dataclass(frozen=True)
class ExportDocument:
    """Everything an export shows, as plain values."""

    title: str
    chapters: list[ExportChapter]
    author: str = ""
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    rating: str = ""
    warnings: list[str] = field(default_factory=list)
    summary: str = ""
    disclaimer: str = ""
    start_note: str = ""
    end_note: str = ""
    word_count: int | None = None
    language: str = "en"

    def metadata(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the header block, skipping empty ones."""
        words = self.word_count if self.word_count is not None else sum(count_words(c.text) for c in self.chapters)
        pairs = [
            ("Author", self.author), ("Fandom", ", ".join(self.fandoms)),
            ("Relationships", ", ".join(self.relationships)), ("Characters", ", ".join(self.characters)),
            ("Rating", self.rating), ("Warnings", ", ".join(self.warnings)), ("Word Count", f"{words:,}"),
            ("Summary", one_paragraph(self.summary)),
        ]
        return [(label, value) for label, value in pairs if value]

    def publishable(self) -> ExportDocument:
        """A copy without control, bidi-override and non-character code points in any field."""
        def clean(values: list[str]) -> list[str]:
            return [publishable(value) for value in values]

        return replace(
            self, title=publishable(self.title), author=publishable(self.author), fandoms=clean(self.fandoms),
            relationships=clean(self.relationships), characters=clean(self.characters),
            rating=publishable(self.rating), warnings=clean(self.warnings), summary=publishable(self.summary),
            disclaimer=publishable(self.disclaimer), start_note=publishable(self.start_note),
            end_note=publishable(self.end_note),
            chapters=[ExportChapter(publishable(c.title), publishable(c.text), publishable(c.start_note),
                                    publishable(c.end_note)) for c in self.chapters],
        )


def document_for(store: Store, story_id: int) -> ExportDocument:
    """The export document of a stored story (live chapters in reading order)."""
    story = store.stories.get(story_id)
    chapters = [ExportChapter(c.title, c.body, unlabelled_note(c.start_note), unlabelled_note(c.end_note))
                for c in store.chapters.list(story_id)]
    return ExportDocument(
        title=story.title, chapters=chapters, author=story.author, fandoms=list(story.fandoms),
        relationships=list(story.relationships), characters=list(story.characters), rating=story.rating,
        warnings=list(story.warnings), summary=story.summary, disclaimer=_unlabelled(story.disclaimer),
        start_note=unlabelled_note(story.start_note), end_note=unlabelled_note(story.end_note),
        word_count=store.stories.word_count(story_id),
        language=language_tag(story.language),
    )


def language_tag(language: str | None) -> str:
    """A BCP 47 tag for a story's language: "auto" (the checker judges each text) and unset become "en"."""
    return language if language and language != "auto" else "en"


def export_story(store: Store, story_id: int, fmt: str, options: ExportOptions | None = None) -> str:
    """The story as ``fmt`` ("txt", "md" or "html") text."""
    return render_document(document_for(store, story_id), fmt, options or ExportOptions())


def export_bytes(store: Store, story_id: int, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The story as the bytes of a file in any of :data:`FORMATS` (text formats as UTF-8)."""
    document = document_for(store, story_id)
    options = options or ExportOptions()
    if fmt == "docx":
        from ficdesk.formats.docx_export import render_docx

        return render_docx(document, options)
    if fmt == "epub":
        from ficdesk.formats.epub_export import render_epub

        return render_epub(document, options)
    return render_document(document, fmt, options).encode("utf-8")


_DISCLAIMER_LABEL = re.compile(r"\A\s*disclaimer\s*[:\-–—]\s*", re.IGNORECASE)


def _unlabelled(disclaimer: str) -> str:
    """The disclaimer without a leading "Disclaimer:" of its own: every format adds that label once."""
    return _DISCLAIMER_LABEL.sub("", disclaimer, count=1)


#: A note's own opening label: "Author's Note:", "A/N:", "AN -", "Notes:", "End notes:", "Chapter Note —".
_NOTE_LABEL = re.compile(
    r"\A\s*(?:(?:(?:authors?|author[’']s|authors[’']|story|chapter|end|closing|opening|final)\s+)*notes?"
    r"|a\s*/\s*n|an(?=\s*:))\s*(?::|\s[\-–—]\s|[–—])\s*",
    re.IGNORECASE)


def unlabelled_note(note: str) -> str:
    """A note without a label of its own ("Author's Note: …"): every format labels notes once ("Notes: …")."""
    return _NOTE_LABEL.sub("", note, count=1)


def render_document(document: ExportDocument, fmt: str, options: ExportOptions) -> str:
    if options.wrap is not None and options.wrap < 20:
        raise FicDeskError("the wrap width must be at least 20 characters")
    document = document.publishable()
    if fmt == "txt":
        return render_txt(document, options)
    if fmt == "md":
        return render_markdown(document, options)
    if fmt == "html":
        return render_html(document, options)
    raise FicDeskError(f"unknown export format '{fmt}' (one of: {', '.join(TEXT_FORMATS)})")


def one_paragraph(text: str) -> str:
    """Notes and summaries are written as one paragraph (their own line breaks kept)."""
    return "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())


def paragraphs(text: str) -> list[str]:
    """The blank-line separated paragraphs of a chapter (a paragraph's own line breaks kept)."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def show_heading(document: ExportDocument, chapter: ExportChapter) -> bool:
    """Headings are written for every chapter of a multi-chapter story and for a titled single chapter."""
    return len(document.chapters) > 1 or bool(chapter.title.strip())


# --- plain text ----------------------------------------------------------------------------------

def render_txt(document: ExportDocument, options: ExportOptions) -> str:
    blocks: list[str] = []

    def add(text: str) -> None:
        if options.wrap:
            text = "\n".join(_wrap_line(line, options.wrap) for line in text.split("\n"))
        blocks.append(text)

    if options.include_metadata:
        add("\n".join([f"Title: {document.title}"] + [f"{k}: {v}" for k, v in document.metadata()]))
        if document.disclaimer.strip():
            add(f"Disclaimer: {one_paragraph(document.disclaimer)}")
    if options.include_notes and document.start_note.strip():
        add(f"Notes: {one_paragraph(document.start_note)}")
    for number, chapter in enumerate(document.chapters, start=1):
        if show_heading(document, chapter):
            blocks.append(chapter_heading(number, chapter.title))
        if options.include_notes and chapter.start_note.strip():
            add(f"Chapter Notes: {one_paragraph(chapter.start_note)}")
        for paragraph in paragraphs(chapter.text):
            add(paragraph)
        if options.include_notes and chapter.end_note.strip():
            add(f"Chapter End Notes: {one_paragraph(chapter.end_note)}")
    if options.include_notes and document.end_note.strip():
        add(f"End Notes: {one_paragraph(document.end_note)}")
    return "\n\n".join(blocks) + "\n"


def _wrap_line(line: str, width: int) -> str:
    if len(line) <= width or is_scene_break(line):
        return line
    return textwrap.fill(line, width=width, break_long_words=False, break_on_hyphens=False)


# --- Markdown ------------------------------------------------------------------------------------

def render_markdown(document: ExportDocument, options: ExportOptions) -> str:
    blocks: list[str] = []

    def label(name: str, text: str) -> str:
        lines = [escape_markdown(line) for line in one_paragraph(text).split("\n")]
        return f"**{name}:** " + "  \n".join(lines)

    blocks.append(f"# {escape_markdown(document.title)}")
    if options.include_metadata:
        blocks.extend(label(k, v) for k, v in document.metadata())
        if document.disclaimer.strip():
            blocks.append(label("Disclaimer", document.disclaimer))
    if options.include_notes and document.start_note.strip():
        blocks.append(label("Notes", document.start_note))
    for number, chapter in enumerate(document.chapters, start=1):
        if show_heading(document, chapter):
            blocks.append(f"## {escape_markdown(chapter_heading(number, chapter.title))}")
        if options.include_notes and chapter.start_note.strip():
            blocks.append(label("Chapter Notes", chapter.start_note))
        for paragraph in paragraphs(chapter.text):
            blocks.append("  \n".join(escape_markdown(line) for line in paragraph.split("\n")))
        if options.include_notes and chapter.end_note.strip():
            blocks.append(label("Chapter End Notes", chapter.end_note))
    if options.include_notes and document.end_note.strip():
        blocks.append(label("End Notes", document.end_note))
    return "\n\n".join(blocks) + "\n"


# --- AO3-ready HTML ------------------------------------------------------------------------------

#: The tags this exporter writes; all of them are on AO3's allow-list for work text.
HTML_TAGS = frozenset({"h1", "h2", "p", "em", "strong", "br", "hr"})


def render_html(document: ExportDocument, options: ExportOptions) -> str:
    """A fragment to paste into AO3's HTML editor: p, em, strong, br, hr and headings only."""
    out: list[str] = [f"<h1>{escape_html(document.title)}</h1>"]

    def label(name: str, text: str) -> None:
        body = "<br />".join(inline_html(line) for line in one_paragraph(text).split("\n"))
        out.append(f"<p><strong>{name}:</strong> {body}</p>")

    if options.include_metadata:
        for key, value in document.metadata():
            label(key, value)
        if document.disclaimer.strip():
            label("Disclaimer", document.disclaimer)
    if options.include_notes and document.start_note.strip():
        label("Notes", document.start_note)
    for number, chapter in enumerate(document.chapters, start=1):
        if show_heading(document, chapter):
            out.append(f"<h2>{escape_html(chapter_heading(number, chapter.title))}</h2>")
        if options.include_notes and chapter.start_note.strip():
            label("Chapter Notes", chapter.start_note)
        out.extend(html_blocks(chapter.text))
        if options.include_notes and chapter.end_note.strip():
            label("Chapter End Notes", chapter.end_note)
    if options.include_notes and document.end_note.strip():
        label("End Notes", document.end_note)
    return "\n".join(out) + "\n"


def html_blocks(text: str) -> list[str]:
    """A chapter's text as AO3-ready blocks: ``<p>`` paragraphs (``<br />`` inside) and ``<hr />`` scene breaks."""
    blocks: list[str] = []
    for paragraph in paragraphs(text):
        if "\n" not in paragraph and is_scene_break(paragraph):
            blocks.append("<hr />")
        else:
            blocks.append("<p>" + "<br />".join(inline_html(line) for line in paragraph.split("\n")) + "</p>")
    return blocks
