"""``ficdesk post``: one file per chapter in the site's form, plus ``metadata.json`` with every other box."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ficdesk.errors import FicDeskError
from ficdesk.formats.export import ExportDocument, document_for
from ficdesk.formats.writing import write_atomically
from ficdesk.posting.limits import Problem
from ficdesk.posting.sites import Box, Posting, prepare_posting

if TYPE_CHECKING:
    from ficdesk.store import Store

#: Site -> suffix of the chapter files (fanfiction.net's Doc Manager takes .docx).
SUFFIXES = {"ao3": ".html", "ffn": ".docx", "wattpad": ".txt", "tumblr": ".txt"}


@dataclass(frozen=True)
class PostOutput:
    files: list[Path]
    problems: list[Problem]


def posting_for(store: Store, story_id: int, site: str) -> Posting:
    """The posting boxes of a stored story."""
    return prepare_posting(document_for(store, story_id), site)


def write_post_files(document: ExportDocument, site: str, folder: str | Path, chapter: int | None = None,
                     ) -> PostOutput:
    """Write the chapter files and ``metadata.json`` into ``folder`` (created if missing, its parent must exist)."""
    posting = prepare_posting(document, site)
    numbers = [c.number for c in posting.chapters]
    if chapter is not None and chapter not in numbers:
        raise FicDeskError(f"there is no chapter {chapter}; the story has {len(numbers)} chapter(s)")
    chosen = [c for c in posting.chapters if chapter is None or c.number == chapter]
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise FicDeskError(f"cannot write into '{folder}': it is not a folder")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise FicDeskError(f"cannot create the folder '{folder}': {error.strerror or error}") from error
    files: list[Path] = []
    chapters_meta: list[dict[str, Any]] = []
    width = max(2, len(str(len(numbers))))
    for post in chosen:
        name = f"chapter-{post.number:0{width}d}{SUFFIXES[site]}"
        if site == "ffn":
            from ficdesk.formats.docx_export import render_chapter_docx

            data: bytes | str = render_chapter_docx(document.chapters[post.number - 1], author=document.author)
        else:
            data = post.text.text + "\n"
        files.append(write_atomically(folder / name, data))
        chapters_meta.append({"number": post.number, "file": name,
                              **{box.key: box.text for box in (post.title, post.summary, post.start_notes,
                                                               post.end_notes)}})
    problems = [p for p in posting.problems if p.chapter is None or chapter is None or p.chapter == chapter]
    metadata = {
        "site": site,
        "work": {box.key: _field(box) for box in posting.work},
        "chapters": chapters_meta,
        "problems": [{"field": p.field, "chapter": p.chapter, "message": p.message} for p in problems],
    }
    files.append(write_atomically(folder / "metadata.json", json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"))
    return PostOutput(files, problems)


def _field(box: Box) -> str | list[str]:
    """Tag fields as lists in the JSON, text fields as text."""
    return list(box.values) if box.values is not None else box.text
