"""The sample project created on first start: the two seed stories and the wiki article as canon."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ficdesk.canon import read_document
from ficdesk.formats import import_file, save_import
from ficdesk.resources import seeds_dir

if TYPE_CHECKING:
    from ficdesk.store import Store

SAMPLE_PROJECT = "Sample: Torchwood"
#: Seed files imported as stories, and the wiki-style article that becomes the canon source.
SAMPLE_STORIES = ("000_8fb8497df36be136.txt", "001_e02c400d60941abd.txt")
SAMPLE_CANON = "002_82af6f4747969ed5.txt"
SAMPLE_CANON_NAME = "Ianto Jones (wiki article)"


def create_sample_project(store: Store) -> int | None:
    """Create the sample project if the database has no projects at all (trash included).

    Returns the new project's id, or None when there already were projects (so it is safe to call
    on every start).
    """
    if store.projects.list(include_deleted=True):
        return None
    imported = [import_file(seeds_dir() / name) for name in SAMPLE_STORIES]
    project = store.projects.create(SAMPLE_PROJECT)
    for story in imported:
        title = story.title or _opening_words(story.chapters[0].text if story.chapters else "")
        save_import(store, project.id, story, title=title)
    text, fmt = read_document(seeds_dir() / SAMPLE_CANON)
    store.canon.import_source(project.id, SAMPLE_CANON_NAME, text, fmt)
    return project.id


def _opening_words(text: str, count: int = 6) -> str:
    """A title for an untitled draft: its first words, as editors do for untitled documents."""
    words = text.split()
    if not words:
        return "Untitled story"
    opening = " ".join(words[:count]).rstrip(",.;:")
    return f"{opening}…" if len(words) > count else opening
