"""EPUB books (AO3's EPUB download above all) read with ``ebooklib``: metadata and chapters.

AO3's EPUB carries the same blocks as its HTML download, spread over the spine's documents: a
preface (``div#preface``: the ``dl.tags`` of Rating, Archive Warning, Fandom, Relationship,
Character, Additional Tags, then title, byline, Summary and Notes), one ``div.meta`` heading with
its notes plus a ``div.userstuff`` text per chapter, and an afterword. Those blocks are gathered
from every spine document, in order, and read by :func:`ficdesk.formats.ao3.read_ao3`. Any other
EPUB becomes one chapter per spine document with a text, titled by its first heading; the
package metadata (``dc:title``, ``dc:creator``, ``dc:description``) fills what the text does not.

The archive is checked before ``ebooklib`` inflates anything: each part and the whole are capped
in size (the ZIP directory's sizes bound what :mod:`zipfile` inflates), and package files that
declare XML entities are refused.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile

from ficdesk.errors import InputError
from ficdesk.formats.ao3 import read_ao3
from ficdesk.formats.htmldoc import Element, html_lines, parse_html
from ficdesk.formats.model import ImportedChapter, ImportedStory
from ficdesk.formats.patterns import clean_heading, parse_chapter_heading
from ficdesk.formats.safe_zip import read_member

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 160 * 1024 * 1024
_AO3_BLOCKS = ("meta", "userstuff")


def read_epub(data: bytes, name: str, story: ImportedStory) -> ImportedStory:
    """Fill ``story`` from the EPUB file ``data``."""
    _check_archive(data, name)
    try:
        from ebooklib import ITEM_DOCUMENT, epub

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
    except InputError:
        raise
    except Exception as error:  # ebooklib raises many types (KeyError, EpubException, lxml errors)
        raise InputError(f"cannot import '{name}': the EPUB book cannot be read ({error})") from None
    documents: list[Element] = []
    for idref, *_ in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ITEM_DOCUMENT:
            continue
        root = parse_html(item.get_content().decode("utf-8", errors="replace"))
        documents.append(root.find(tag="body") or root)
    if _is_ao3(documents):
        story.source_format = "ao3-epub"
        read_ao3(_ao3_tree(documents), story)
    else:
        _read_generic(documents, story)
    _fill_from_metadata(book, story)
    story.chapters = [chapter for chapter in story.chapters if chapter.text.strip() or chapter.title]
    return story


def _check_archive(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"cannot import '{name}': it is not an EPUB book") from None
    with archive:
        infos = archive.infolist()
        if "META-INF/container.xml" not in {info.filename for info in infos}:
            raise InputError(f"cannot import '{name}': it is not an EPUB book (no META-INF/container.xml)")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                raise InputError(f"cannot import '{name}': it holds more than {MAX_TOTAL_BYTES // 1048576} MB "
                                 "uncompressed; it may be damaged or built to exhaust memory")
        for info in infos:
            package = info.filename == "META-INF/container.xml" or info.filename.endswith((".opf", ".ncx"))
            if package and b"<!ENTITY" in read_member(archive, info.filename, MAX_PART_BYTES, name):
                raise InputError(f"cannot import '{name}': its package file declares XML entities")


def _is_ao3(documents: list[Element]) -> bool:
    return any(doc.find(id_="preface") is not None for doc in documents) and any(
        doc.find(cls="userstuff") is not None for doc in documents
    )


def _ao3_tree(documents: list[Element]) -> Element:
    """One AO3-download tree: preface, the chapters' meta/userstuff blocks in order, afterword."""
    preface = Element("div", {"id": "preface"})
    chapters = Element("div", {"id": "chapters"})
    afterword = Element("div", {"id": "afterword"})
    for doc in documents:
        found_preface = doc.find(id_="preface")
        if found_preface is not None:
            preface.children.extend(found_preface.children)
        found_afterword = doc.find(id_="afterword")
        if found_afterword is not None:
            afterword.children.extend(found_afterword.children)
        chapters.children.extend(_blocks(doc, skip=(found_preface, found_afterword)))
    return Element("#document", children=[preface, chapters, afterword])


def _blocks(element: Element, skip: tuple[Element | None, ...]) -> list[Element]:
    """The outermost ``div.meta``/``div.userstuff`` blocks under ``element``, outside ``skip``."""
    found: list[Element] = []
    for child in element.elements():
        if any(child is other for other in skip):
            continue
        if child.tag == "div" and child.classes & set(_AO3_BLOCKS) and child.attrs.get("id") != "chapters":
            found.append(child)
        else:
            found.extend(_blocks(child, skip))
    return found


#: EPUB 3 structural semantics (``epub:type``) of pages that are no chapter: the title page, the back matter.
_FRONT_MATTER = frozenset({"titlepage", "halftitlepage", "frontmatter", "cover", "copyright-page", "toc"})
_BACK_MATTER = frozenset({"backmatter", "rearnotes", "endnotes", "afterword"})


def _semantics(doc: Element) -> set[str]:
    """The ``epub:type`` values on a page's body and its top-level elements."""
    found = set(doc.attrs.get("epub:type", "").split())
    for child in doc.elements():
        found.update(child.attrs.get("epub:type", "").split())
    return found


def _read_generic(documents: list[Element], story: ImportedStory) -> None:
    for doc in documents:
        roles = _semantics(doc)
        lines, chrome = html_lines(doc)
        story.dropped.extend(chrome)
        if roles & _FRONT_MATTER:
            continue  # the title page repeats the package metadata, read by _fill_from_metadata
        if roles & _BACK_MATTER:
            notes = "\n".join(line.text for line in lines[1:] if not line.level).strip()
            if notes:
                story.end_note = "\n\n".join(filter(None, (story.end_note, notes)))
            continue
        title = ""
        if lines and lines[0].level:
            heading = clean_heading(lines[0].text)
            parsed = parse_chapter_heading(heading)
            title = heading if parsed is None else parsed
            lines = lines[1:]
        text = "\n".join(line.text for line in lines).strip()
        if text:
            story.chapters.append(ImportedChapter(title=title, text=re.sub(r"\n{3,}", "\n\n", text)))


def _fill_from_metadata(book: object, story: ImportedStory) -> None:
    def first(field: str) -> str:
        values = book.get_metadata("DC", field)  # type: ignore[attr-defined]
        return str(values[0][0]).strip() if values and values[0][0] else ""

    story.title = story.title or first("title") or None
    story.author = story.author or first("creator") or None
    if not story.summary:
        description = first("description")
        if description:
            lines, _ = html_lines(parse_html(description))
            story.summary = "\n".join(line.text for line in lines).strip() or None
