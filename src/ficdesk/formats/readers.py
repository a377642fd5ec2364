"""Readers for each importable format; all end in :func:`ficdesk.formats.textparse.parse_lines`."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ficdesk.errors import InputError
from ficdesk.formats.ao3 import is_ao3_download, read_ao3
from ficdesk.formats.decoding import decode_text, read_limited
from ficdesk.formats.htmldoc import html_lines, parse_html
from ficdesk.formats.markup import unescape_markdown
from ficdesk.formats.model import ImportedStory
from ficdesk.formats.textparse import Line, lines_from_text, parse_lines

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", "": "txt", ".md": "md", ".markdown": "md", ".mdown": "md",
                 ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx"}
UNSUPPORTED = {".doc": "an old Word .doc file", ".pdf": "a PDF", ".odt": "an OpenDocument file",
               ".rtf": "an RTF file", ".epub": "an EPUB book", ".mobi": "a MOBI book", ".pages": "a Pages file"}


def import_file(path: str | Path) -> ImportedStory:
    """Parse ``path`` (.txt, .md, .html, .docx) into an :class:`ImportedStory`; stores nothing.

    Raises :class:`ficdesk.errors.InputError` with one clear sentence for missing, empty, binary,
    oversized or unreadable files.
    """
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix in UNSUPPORTED:
        raise InputError(f"cannot import '{path.name}': it is {UNSUPPORTED[suffix]}; save it as .docx, .txt or .html")
    data = read_limited(path)
    kind = TEXT_SUFFIXES.get(suffix, "txt")
    story = ImportedStory(source_name=path.name, source_format=kind)
    if kind == "docx":
        story.encoding = "docx"
        story = _read_docx(data, path.name, story)
    else:
        text, story.encoding = decode_text(data, path.name)
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
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", stripped)
        if heading:
            out.append(Line(unescape_markdown(heading.group(2)), len(heading.group(1))))
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


def _read_docx(data: bytes, name: str, story: ImportedStory) -> ImportedStory:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"cannot import '{name}': it is not a Word .docx document")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged files
        raise InputError(f"cannot import '{name}': the Word document cannot be read ({error})") from error
    lines: list[Line] = []
    for paragraph in document.paragraphs:
        text = _docx_runs(paragraph)
        if not text.strip():
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = 0
        heading = re.match(r"(?i)heading\s*(\d)", style)
        if heading:
            level = int(heading.group(1))
        elif style.casefold() == "title":
            level = 1
        if lines:
            lines.append(Line(""))
        if level:
            lines.append(Line(text.replace("\n", " ").strip(), level))
        else:
            lines.extend(Line(part.rstrip()) for part in text.split("\n"))
    return parse_lines(lines, story)


def _docx_runs(paragraph: object) -> str:
    """A paragraph's text with italic runs as ``*x*`` and bold runs as ``**x**``.

    Word splits text into runs arbitrarily (spell-check marks, revisions), so runs with the same
    emphasis are merged before the markers are placed.
    """
    groups: list[tuple[str, list[str]]] = []
    for run in getattr(paragraph, "runs", []):
        text = str(run.text or "")
        if not text:
            continue
        marker = "**" if run.bold else "*" if run.italic else ""
        if groups and groups[-1][0] == marker:
            groups[-1][1].append(text)
        else:
            groups.append((marker, [text]))
    parts: list[str] = []
    for marker, texts in groups:
        text = "".join(texts)
        if marker and text.strip():
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):]
            text = f"{lead}{marker}{text.strip()}{marker}{trail}"
        parts.append(text)
    return "".join(parts).replace("\t", " ").replace("\x0b", "\n")
