"""A work downloaded from the Archive of Our Own as HTML: preface, chapters, afterword.

The download has a ``div#preface`` (a ``dl.tags`` of Rating, Archive Warning, Fandom, Relationship,
Character, … then ``h1`` title, ``div.byline``, Summary and Notes blockquotes), a ``div#chapters``
(one ``div.userstuff`` or, for several chapters, ``div.meta.group`` headings with notes followed by
``div.userstuff`` texts and optional end-note blocks) and a ``div#afterword`` with end notes.
"""

from __future__ import annotations

import re

from ficdesk.formats.htmldoc import Element, html_lines, html_text
from ficdesk.formats.model import ImportedChapter, ImportedStory
from ficdesk.formats.patterns import ao3_rating, clean_rating, normalise_label, parse_chapter_heading, parse_word_count

_TAG_FIELDS = {
    "rating": "rating", "ratings": "rating",
    "archive warning": "warnings", "archive warnings": "warnings",
    "fandom": "fandoms", "fandoms": "fandoms",
    "relationship": "relationships", "relationships": "relationships",
    "character": "characters", "characters": "characters",
}


def is_ao3_download(root: Element) -> bool:
    """True for AO3's downloaded-work HTML."""
    return root.find(id_="preface") is not None and root.find(id_="chapters") is not None


def read_ao3(root: Element, story: ImportedStory) -> ImportedStory:
    """Fill ``story`` from an AO3 download's element tree."""
    preface = root.find(id_="preface")
    assert preface is not None
    _read_tags(preface, story)
    meta = preface.find(cls="meta") or preface
    heading = meta.find(tag="h1")
    title = heading.text() if heading is not None else ""
    if not title:
        message = preface.find(cls="message")
        bold = message.find(tag="b") if message is not None else None
        title = bold.text() if bold is not None else ""
    story.title = title or None
    byline = meta.find(cls="byline")
    if byline is not None:
        story.author = re.sub(r"(?i)^by\s+", "", byline.text()).strip() or None
    labelled = _labelled_blocks(meta)
    story.summary = labelled.get("summary")
    story.start_note = labelled.get("notes")
    message = preface.find(cls="message")
    if message is not None:
        story.dropped.append(message.text())

    chapters_div = root.find(id_="chapters")
    assert chapters_div is not None
    groups = [child for child in chapters_div.elements() if "meta" in child.classes or "userstuff" in child.classes]
    if not any("meta" in child.classes for child in groups):
        texts = [child for child in groups if "userstuff" in child.classes] or [chapters_div]
        story.chapters.append(ImportedChapter(text="\n\n".join(_text(t) for t in texts)))
    else:
        chapter: ImportedChapter | None = None
        for child in groups:
            if "meta" in child.classes and child.find(tag="h2") is not None:
                chapter = ImportedChapter(title=_chapter_title(child))
                story.chapters.append(chapter)
                notes = _labelled_blocks(child)
                summary = notes.get("chapter summary")
                start = [f"Summary: {summary}" if summary else "", notes.get("chapter notes", "")]
                chapter.start_note = "\n\n".join(n for n in start if n)
            elif "meta" in child.classes and chapter is not None:
                chapter.end_note = _labelled_blocks(child).get("chapter end notes", "")
            elif "userstuff" in child.classes:
                if chapter is None:
                    chapter = ImportedChapter()
                    story.chapters.append(chapter)
                chapter.text = _joined(chapter.text, _text(child))

    afterword = root.find(id_="afterword")
    if afterword is not None:
        endnotes = afterword.find(id_="endnotes")
        if endnotes is not None:
            story.end_note = _labelled_blocks(endnotes).get("end notes")
        message = afterword.find(cls="message")
        if message is not None:
            story.dropped.append(message.text())
    return story


def _read_tags(preface: Element, story: ImportedStory) -> None:
    tags = preface.find(tag="dl")
    if tags is None:
        return
    label = ""
    for item in tags.elements():
        if item.tag == "dt":
            label = normalise_label(item.text())
        elif item.tag == "dd" and label:
            links = [link.text() for link in item.find_all(tag="a") if link.text()]
            values = links or [v.strip() for v in item.text().split(",") if v.strip()]
            field = _TAG_FIELDS.get(label)
            source_key = {"fandoms": "fandom"}.get(field or "", field)
            if source_key:
                story.sources.setdefault(source_key, f"{item_label(tags, item)}: {item.text()}")
            if field == "rating":
                story.rating = clean_rating(values[0]) if values else None
                story.ao3_rating = ao3_rating(values[0]) if values else None
            elif field is not None:
                getattr(story, field).extend(values)
            elif label == "stats":
                match = re.search(r"Words:\s*([\d,. ]+)", item.text())
                story.word_count = parse_word_count(match.group(1)) if match else None
                story.extra["Stats"] = item.text()
            else:
                story.extra[item_label(tags, item)] = ", ".join(values)


def item_label(tags: Element, dd: Element) -> str:
    """The written label (``<dt>``) before ``dd``, without its colon."""
    previous = ""
    for item in tags.elements():
        if item is dd:
            break
        if item.tag == "dt":
            previous = item.text().rstrip(":").strip()
    return previous


def _labelled_blocks(container: Element) -> dict[str, str]:
    """AO3's ``<p>Summary</p><blockquote class="userstuff">…</blockquote>`` pairs, by normalised label."""
    found: dict[str, str] = {}
    label = ""
    for child in container.elements():
        if child.tag == "p" and not child.classes:
            label = normalise_label(child.text())
        elif child.tag == "blockquote" and label:
            found[label] = _joined(found.get(label, ""), _text(child))
        elif child.tag == "div" and child.attrs.get("id", "").startswith("endnotes"):
            found.update(_labelled_blocks(child))
    return found


def _chapter_title(group: Element) -> str:
    heading = group.find(tag="h2")
    text = heading.text() if heading is not None else ""
    parsed = parse_chapter_heading(text)
    return text if parsed is None else parsed


def _text(element: Element) -> str:
    lines, _ = html_lines(element)
    return "\n".join(line.text for line in lines).strip() if lines else html_text(element)


def _joined(first: str, second: str) -> str:
    return "\n\n".join(part for part in (first, second) if part)
