"""Importing drafts (.txt, .md, .html incl. AO3 downloads, .docx) and exporting stories (no Qt)."""

from ficdesk.formats.decoding import MAX_IMPORT_BYTES
from ficdesk.formats.export import (
    FORMATS,
    ExportChapter,
    ExportDocument,
    ExportOptions,
    document_for,
    export_story,
    render_document,
)
from ficdesk.formats.model import ImportedChapter, ImportedStory
from ficdesk.formats.readers import import_file, parse_text
from ficdesk.formats.saving import save_import

__all__ = [
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "ExportChapter",
    "ExportDocument",
    "ExportOptions",
    "ImportedChapter",
    "ImportedStory",
    "document_for",
    "export_story",
    "import_file",
    "parse_text",
    "render_document",
    "save_import",
]
