"""Readers for each importable format; all end in :func:`ficdesk.formats.textparse.parse_lines`."""

from __future__ import annotations

import re
from pathlib import Path

from ficdesk.errors import InputError
from ficdesk.formats import reading
from ficdesk.formats.ao3 import is_ao3_download, read_ao3
from ficdesk.formats.docx import docx_lines
from ficdesk.formats.epub import read_epub
from ficdesk.formats.htmldoc import html_lines, parse_html
from ficdesk.formats.markup import unescape_markdown
from ficdesk.formats.model import ImportedStory
from ficdesk.formats.textparse import Line, lines_from_text, parse_lines

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", "": "txt", ".md": "md", ".markdown": "md", ".mdown": "md",
                 ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".epub": "epub"}
UNSUPPORTED = {".doc": "an old Word .doc file", ".pdf": "a PDF", ".odt": "an OpenDocument file",
               ".rtf": "an RTF file", ".mobi": "a MOBI book", ".pages": "a Pages file"}


def import_file(path: str | Path, *, encoding: str | None = None) -> ImportedStory:
    """Parse ``path`` (.txt, .md, .html, .docx, .epub) into an :class:`ImportedStory`; stores nothing.

    ``encoding`` overrides the detected text encoding. Raises :class:`ficdesk.errors.InputError`
    with one clear sentence for missing, empty, binary, oversized or unreadable files and for
    anything that is not a regular file.
    """
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in UNSUPPORTED:
        raise InputError(f"cannot import '{path.name}': it is {UNSUPPORTED[suffix]}; save it as .docx, .txt or .html")
    data = reading.read_bytes(path, limit=reading.MAX_IMPORT_BYTES, verb="import")
    kind = TEXT_SUFFIXES.get(suffix, "txt")
    story = ImportedStory(source_name=path.name, source_format=kind)
    if kind == "docx":
        story.encoding = "docx"
        story = parse_lines(docx_lines(data, path.name), story)
    elif kind == "epub":
        story.encoding = "epub"
        story = read_epub(data, path.name, story)
    else:
        decoded = reading.decode(data, path.name, encoding=encoding, verb="import")
        text = decoded.text
        story.encoding, story.encoding_guessed = decoded.encoding, decoded.guessed
        if kind == "txt" and re.match(r"\s*(<!DOCTYPE html|<html\b)", text[:500], re.IGNORECASE):
            kind = story.source_format = "html"
        if not text.strip():
            raise InputError(f"cannot import '{path.name}': the file is empty")
        if kind == "html":
            story = read_html(text, story)
        elif kind == "md":
            story = parse_lines(markdown_lines(text), story)
        else:
            story = parse_lines(lines_from_text(text), story)
    if not any(chapter.text.strip() for chapter in story.chapters):
        raise InputError(f"cannot import '{path.name}': no story text was found in it")
    return story


def parse_text(text: str, *, source_format: str = "txt", name: str = "text") -> ImportedStory:
    """Parse text already in memory (pasted, or from a test) the way :func:`import_file` would."""
    story = ImportedStory(source_name=name, source_format=source_format)
    if source_format == "html":
        return read_html(text, story)
    if source_format == "md":
        return parse_lines(markdown_lines(text), story)
    return parse_lines(lines_from_text(text), story)


def markdown_lines(text: str) -> list[Line]:
    """Markdown as draft lines: ATX/setext headings get a level, escapes and ``_emphasis_`` are undone."""
    lines = lines_from_text(text)
    out: list[Line] = []
    in_fence = False
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        heading = re.match(r"(#{1,6})\s+(\S.*)", stripped)
        if heading:
            # closing hashes stripped in Python: a regex for them backtracks on long runs of spaces
            title = heading.group(2).rstrip("#").rstrip() or heading.group(2)
            out.append(Line(unescape_markdown(title), len(heading.group(1))))
            continue
        if re.fullmatch(r"=+|-{2,}", stripped) and out and not out[-1].blank and not out[-1].level \
                and (index < 2 or lines[index - 2].blank) and not re.fullmatch(r"-+", out[-1].text.strip()):
            out[-1] = Line(out[-1].text.strip(), 1 if stripped.startswith("=") else 2)
            continue
        if re.fullmatch(r"(?:-\s*){3,}|(?:_\s*){3,}", stripped):
            out.append(Line("* * *"))
            continue
        text_line = re.sub(r"^>\s?", "", line.text)
        out.append(Line(unescape_markdown(text_line)))
    return out


def read_html(text: str, story: ImportedStory) -> ImportedStory:
    """An HTML page or fragment; AO3 downloads get their own reader."""
    root = parse_html(text)
    if is_ao3_download(root):
        story.source_format = "ao3-html"
        return read_ao3(root, story)
    body = root.find(tag="body") or root
    lines, chrome = html_lines(body)
    story.dropped.extend(chrome)
    return parse_lines(lines, story)
