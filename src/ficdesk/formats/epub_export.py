"""A story as an EPUB 3 book for e-readers (ebooklib), valid for ``epubcheck``.

One XHTML file per chapter (its start notes before the text, end notes after), a title page with
the header block, summary, disclaimer and the story's notes, an end-notes page when there are any,
and both tables of contents (EPUB 3 nav and EPUB 2 NCX). Fandoms and relationships become
``dc:subject``, the summary ``dc:description``. All text goes through :func:`inline_html`, so it is
escaped and only ``em``/``strong`` come from the author's markup.
"""

from __future__ import annotations

import io
import uuid
from typing import Any

from ficdesk.formats.export import ExportDocument, ExportOptions, one_paragraph, paragraphs, show_heading
from ficdesk.formats.markup import escape_html, inline_html
from ficdesk.formats.patterns import chapter_heading, is_scene_break

_STYLE = """body { font-family: serif; line-height: 1.4; }
h1, h2 { text-align: center; }
p { margin: 0 0 0.8em 0; }
hr.scene-break { border: none; text-align: center; margin: 1.2em 0; }
hr.scene-break::after { content: "* * *"; }
p.scene-break { text-align: center; }
div.notes { margin: 1em 0; padding: 0.5em 1em; border-left: 2px solid #999; }
p.label { font-weight: bold; margin-bottom: 0.3em; }
dl.meta dt { font-weight: bold; }
"""

#: A fixed namespace so the same story always gets the same book identifier (e-readers keep the reading position).
_NAMESPACE = uuid.UUID("6b1f2d9a-4c1e-4f55-9a55-1f0c3f6a2e10")


def render_epub(document: ExportDocument, options: ExportOptions) -> bytes:
    """The bytes of an ``.epub`` file holding ``document``."""
    from ebooklib import epub

    document = document.publishable()
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid.uuid5(_NAMESPACE, document.title + chr(0) + document.author)}")
    book.set_title(document.title or "Untitled")
    book.set_language(document.language or "en")
    if document.author:
        book.add_author(document.author)
    for subject in [*document.fandoms, *document.relationships]:
        book.add_metadata("DC", "subject", subject)
    if document.summary.strip():
        book.add_metadata("DC", "description", one_paragraph(document.summary))
    style = epub.EpubItem(uid="style", file_name="style/book.css", media_type="text/css", content=_STYLE)
    book.add_item(style)

    def page(name: str, title: str, body: list[str], role: str = "") -> Any:
        item = epub.EpubHtml(title=title, file_name=f"{name}.xhtml", lang=document.language or "en")
        content = "\n".join(body)
        # EPUB 3 structural semantics, so a reader (FicDesk's import among them) knows which pages are no chapter.
        item.content = f'<section epub:type="{role}">{content}</section>' if role else content
        item.add_item(style)
        book.add_item(item)
        return item

    title_body = [f"<h1>{escape_html(document.title or 'Untitled')}</h1>"]
    if options.include_metadata:
        pairs = [(k, v) for k, v in document.metadata() if k != "Summary"]
        if pairs:
            title_body.append('<dl class="meta">' + "".join(
                f"<dt>{escape_html(k)}</dt><dd>{escape_html(v)}</dd>" for k, v in pairs) + "</dl>")
        title_body += _notes("Summary", document.summary) + _notes("Disclaimer", document.disclaimer)
    if options.include_notes:
        title_body += _notes("Notes", document.start_note)
    spine: list[Any] = [page("title", document.title or "Untitled", title_body, "titlepage"), "nav"]
    toc: list[Any] = []
    for number, chapter in enumerate(document.chapters, start=1):
        heading = chapter_heading(number, chapter.title) if show_heading(document, chapter) else document.title
        body = [f"<h2>{escape_html(heading)}</h2>"]
        if options.include_notes:
            body += _notes("Chapter Notes", chapter.start_note)
        for paragraph in paragraphs(chapter.text):
            if "\n" not in paragraph and is_scene_break(paragraph):
                body.append(f'<p class="scene-break">{escape_html(paragraph.strip())}</p>')
            else:
                body.append("<p>" + "<br />".join(inline_html(line) for line in paragraph.split("\n")) + "</p>")
        if options.include_notes:
            body += _notes("Chapter End Notes", chapter.end_note)
        item = page(f"chapter-{number:03d}", heading or f"Chapter {number}", body)
        spine.append(item)
        toc.append(item)
    if options.include_notes and document.end_note.strip():
        item = page("end-notes", "End Notes", ["<h2>End Notes</h2>", *_notes("", document.end_note)], "backmatter")
        spine.append(item)
        toc.append(item)
    book.toc = toc
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = spine
    out = io.BytesIO()
    epub.write_epub(out, book, {"epub3_pages": False})
    return out.getvalue()


def _notes(label: str, text: str) -> list[str]:
    if not text.strip():
        return []
    lines = "<br />".join(inline_html(line) for line in one_paragraph(text).split("\n"))
    heading = f'<p class="label">{escape_html(label)}</p>' if label else ""
    return [f'<div class="notes">{heading}<p>{lines}</p></div>']
