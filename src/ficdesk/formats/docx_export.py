"""A story as a Word ``.docx`` for beta readers and fanfiction.net's Doc Manager (python-docx).

Only what the Doc Manager keeps is written: plain paragraphs, bold and italic runs, line breaks,
centred paragraphs, and the built-in Title / Heading 2 styles. No tables, images, headers, footers,
comments or fields. The layout mirrors the Markdown export (title, labelled header block, chapter
headings, labelled notes), so FicDesk's own import reads it back into the same story.
"""

from __future__ import annotations

import io
from typing import Any

from ficdesk.formats.export import ExportDocument, ExportOptions, one_paragraph, paragraphs, show_heading
from ficdesk.formats.markup import inline_spans
from ficdesk.formats.patterns import chapter_heading, is_scene_break


def render_docx(document: ExportDocument, options: ExportOptions) -> bytes:
    """The bytes of a ``.docx`` file holding ``document``."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = document.publishable()
    word = docx.Document()
    properties = word.core_properties
    properties.title = document.title[:255]
    properties.author = document.author[:255]
    properties.comments = ""

    def text_paragraph(text: str, label: str = "") -> Any:
        paragraph = word.add_paragraph()
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
        return paragraph

    def labelled(name: str, text: str) -> None:
        if text.strip():
            text_paragraph(one_paragraph(text), name)

    word.add_paragraph(document.title, style="Title")
    if options.include_metadata:
        for key, value in document.metadata():
            labelled(key, value)
        labelled("Disclaimer", document.disclaimer)
    if options.include_notes:
        labelled("Notes", document.start_note)
    for number, chapter in enumerate(document.chapters, start=1):
        if show_heading(document, chapter):
            word.add_heading(chapter_heading(number, chapter.title), level=2)
        if options.include_notes:
            labelled("Chapter Notes", chapter.start_note)
        for paragraph in paragraphs(chapter.text):
            if "\n" not in paragraph and is_scene_break(paragraph):
                word.add_paragraph(paragraph.strip()).alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                text_paragraph(paragraph)
        if options.include_notes:
            labelled("Chapter End Notes", chapter.end_note)
    if options.include_notes:
        labelled("End Notes", document.end_note)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
