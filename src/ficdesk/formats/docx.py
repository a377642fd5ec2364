"""Word .docx drafts as draft lines, reading only the two parts needed and never more than a set size.

A .docx is a ZIP archive. Only ``word/document.xml`` (the text) and ``word/styles.xml`` (which
style is a heading) are read, each through a stream that stops at :data:`MAX_PART_BYTES`
uncompressed, so a small file holding a huge unused or compressed part (a "zip bomb") costs
nothing. Italic runs become ``*x*`` and bold runs ``**x**``; Heading/Title styles give a level.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import IO
from xml.etree import ElementTree

from ficdesk.errors import InputError
from ficdesk.formats.safe_zip import open_member
from ficdesk.formats.textparse import Line

#: The largest part read uncompressed (a 500,000-word novel's document.xml is about 30 MB).
MAX_PART_BYTES = 64 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = {"0", "false", "off", "none"}


def docx_lines(data: bytes, name: str) -> list[Line]:
    """The paragraphs of a .docx file's body as draft lines (a blank line between paragraphs)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"cannot import '{name}': it is not a Word .docx document") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise InputError(f"cannot import '{name}': it is not a Word .docx document (no word/document.xml)")
        styles = _style_names(archive, name) if "word/styles.xml" in names else {}
        lines: list[Line] = []
        with open_member(archive, "word/document.xml", MAX_PART_BYTES, name) as stream:
            for style_id, text in _paragraphs(stream, name):
                if not text.strip():
                    continue
                level = _level(styles.get(style_id, style_id))
                if lines:
                    lines.append(Line(""))
                if level:
                    lines.append(Line(text.replace("\n", " ").strip(), level))
                else:
                    lines.extend(Line(part.rstrip()) for part in text.split("\n"))
    return lines


def _level(style: str) -> int:
    heading = re.match(r"(?i)heading\s*(\d)", style)
    if heading:
        return int(heading.group(1))
    return 1 if style.casefold() == "title" else 0


def _style_names(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    names: dict[str, str] = {}
    with open_member(archive, "word/styles.xml", MAX_PART_BYTES, name) as stream:
        for _, element in _iterparse(stream, name):
            if element.tag == f"{_W}style":
                style_id = element.get(f"{_W}styleId", "")
                label = element.find(f"{_W}name")
                if style_id and label is not None:
                    names[style_id] = label.get(f"{_W}val", style_id)
                element.clear()
    return names


def _iterparse(stream: IO[bytes], name: str) -> Iterator[tuple[str, ElementTree.Element]]:
    try:
        yield from ElementTree.iterparse(stream, events=("end",))
    except ElementTree.ParseError as error:
        raise InputError(f"cannot import '{name}': the Word document is damaged ({error})") from None


def _paragraphs(stream: IO[bytes], name: str) -> Iterator[tuple[str, str]]:
    """``(style id, text)`` of each paragraph of the document body, in order."""
    for _, element in _iterparse(stream, name):
        if element.tag != f"{_W}p":
            continue
        style = element.find(f"{_W}pPr/{_W}pStyle")
        yield (style.get(f"{_W}val", "") if style is not None else ""), _paragraph_text(element)
        element.clear()


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    """A paragraph's text with italic runs as ``*x*`` and bold runs as ``**x**``.

    Word splits text into runs arbitrarily (spell-check marks, revisions), so runs with the same
    emphasis are merged before the markers are placed.
    """
    groups: list[tuple[str, list[str]]] = []
    for run in paragraph.iter(f"{_W}r"):
        text = _run_text(run)
        if not text:
            continue
        props = run.find(f"{_W}rPr")
        marker = "**" if _on(props, "b") else "*" if _on(props, "i") else ""
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
    return "".join(parts).replace("\t", " ")


def _run_text(run: ElementTree.Element) -> str:
    out: list[str] = []
    for child in run:
        if child.tag == f"{_W}t":
            out.append(child.text or "")
        elif child.tag == f"{_W}tab":
            out.append(" ")
        elif child.tag in {f"{_W}br", f"{_W}cr"}:
            out.append("\n")
    return "".join(out)


def _on(props: ElementTree.Element | None, tag: str) -> bool:
    if props is None:
        return False
    flag = props.find(f"{_W}{tag}")
    return flag is not None and flag.get(f"{_W}val", "true").casefold() not in _OFF
