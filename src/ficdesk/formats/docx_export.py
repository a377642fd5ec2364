"""A story as a Word ``.docx`` for beta readers and fanfiction.net's Doc Manager (python-docx).

Only what the Doc Manager keeps is written: plain paragraphs, bold and italic runs, line breaks,
centred paragraphs, and the built-in Title / Heading 2 styles. No tables, images, headers, footers,
comments or fields. The layout mirrors the Markdown export (title, labelled header block, chapter
headings, labelled notes), so FicDesk's own import reads it back into the same story.
"""

from __future__ import annotations

import io

from ficdesk.formats.export import ExportChapter, ExportDocument, ExportOptions, one_paragraph, paragraphs, show_heading
from ficdesk.formats.markup import inline_spans
from ficdesk.formats.patterns import chapter_heading, is_scene_break


class _Word:
    """A python-docx document being written paragraph by paragraph."""

    def __init__(self, title: str, author: str) -> None:
        import docx

        self.document = docx.Document()
        properties = self.document.core_properties
        properties.title = title[:255]
        properties.author = author[:255]
        properties.comments = ""

    def text(self, text: str, label: str = "") -> None:
        """One paragraph: an optional bold label, then the text's lines with their ``*``/``**`` emphasis."""
        paragraph = self.document.add_paragraph()
        if label:
            paragraph.add_run(f"{label}:").bold = True
            paragraph.add_run(" ")
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            for span, bold, italic in inline_spans(line):
                run = paragraph.add_run(span)
                run.bold = bold or None
                run.italic = italic or None

    def labelled(self, name: str, text: str) -> None:
        if text.strip():
            self.text(one_paragraph(text), name)

    def chapter_text(self, text: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for paragraph in paragraphs(text):
            if "\n" not in paragraph and is_scene_break(paragraph):
                self.document.add_paragraph(paragraph.strip()).alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                self.text(paragraph)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def render_docx(document: ExportDocument, options: ExportOptions) -> bytes:
    """The bytes of a ``.docx`` file holding ``document``."""
    document = document.publishable()
    word = _Word(document.title, document.author)
    word.document.add_paragraph(document.title, style="Title")
    if options.include_metadata:
        for key, value in document.metadata():
            word.labelled(key, value)
        word.labelled("Disclaimer", document.disclaimer)
    if options.include_notes:
        word.labelled("Notes", document.start_note)
    for number, chapter in enumerate(document.chapters, start=1):
        if show_heading(document, chapter):
            word.document.add_heading(chapter_heading(number, chapter.title), level=2)
        if options.include_notes:
            word.labelled("Chapter Notes", chapter.start_note)
        word.chapter_text(chapter.text)
        if options.include_notes:
            word.labelled("Chapter End Notes", chapter.end_note)
    if options.include_notes:
        word.labelled("End Notes", document.end_note)
    return word.bytes()


def render_chapter_docx(chapter: ExportChapter, *, author: str = "") -> bytes:
    """One chapter for fanfiction.net's Doc Manager: its author's notes ("A/N:") around its text, no title.

    The site asks for the chapter title in its own form field, so the document holds only what is
    shown as the chapter.
    """
    chapter = ExportDocument(title="", chapters=[chapter]).publishable().chapters[0]
    word = _Word(chapter.title, author)
    word.labelled("A/N", chapter.start_note)
    word.chapter_text(chapter.text)
    word.labelled("A/N", chapter.end_note)
    return word.bytes()
