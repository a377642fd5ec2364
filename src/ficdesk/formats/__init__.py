"""Importing drafts (.txt, .md, .html and .epub incl. AO3 downloads, .docx) and exporting stories (no Qt).

The exports load on first use (:mod:`ficdesk.lazy`), so the window can import small modules of
the package without loading all of it.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ficdesk.formats.export import (
        FORMATS,
        ExportChapter,
        ExportDocument,
        ExportOptions,
        document_for,
        export_bytes,
        export_story,
        render_document,
    )
    from ficdesk.formats.model import ImportedChapter, ImportedStory
    from ficdesk.formats.readers import import_file, parse_text
    from ficdesk.formats.reading import MAX_IMPORT_BYTES, DecodedText, read_text
    from ficdesk.formats.saving import save_import
    from ficdesk.formats.writing import write_atomically
else:
    from ficdesk.lazy import lazy_exports

    __getattr__ = lazy_exports(__name__, {
        "reading": ("MAX_IMPORT_BYTES", "DecodedText", "read_text"),
        "export": ("FORMATS", "ExportChapter", "ExportDocument", "ExportOptions", "document_for", "export_bytes",
                   "export_story", "render_document"),
        "model": ("ImportedChapter", "ImportedStory"),
        "readers": ("import_file", "parse_text"),
        "saving": ("save_import",),
        "writing": ("write_atomically",),
    })

__all__ = [
    "FORMATS",
    "MAX_IMPORT_BYTES",
    "DecodedText",
    "ExportChapter",
    "ExportDocument",
    "ExportOptions",
    "ImportedChapter",
    "ImportedStory",
    "document_for",
    "export_bytes",
    "export_story",
    "import_file",
    "parse_text",
    "read_text",
    "render_document",
    "save_import",
    "write_atomically",
]
