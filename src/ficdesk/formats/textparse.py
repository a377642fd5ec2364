"""From lines of text to an :class:`ImportedStory`: the part every input format shares.

Each format reader turns its file into :class:`Line` objects (plain text, with a heading level
where the format marks headings) and calls :func:`parse_lines`, which

1. drops web-page chrome at the start and end of the document,
2. reads the header block at the top (labelled fields, an unlabelled title line, a byline and an
   unlabelled disclaimer sentence),
3. takes labelled sections off the end of a scraped page (a shop's "Description", an end note),
4. splits chapters on headings and takes each chapter's own notes off its start and end,
5. unwraps hard-wrapped paragraphs.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ficdesk.formats import boilerplate
from ficdesk.formats.model import ImportedChapter, ImportedStory
from ficdesk.formats.patterns import (
    MULTILINE_FIELDS,
    NOTE_FIELDS,
    Label,
    clean_heading,
    disclaimer_facts,
    is_scene_break,
    looks_like_disclaimer,
    normalise_rating,
    parse_chapter_heading,
    parse_label,
    parse_word_count,
    split_list,
)


@dataclass
class Line:
    """One line of an imported document; ``level`` > 0 marks a heading the format itself declared."""

    text: str
    level: int = 0

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def lines_from_text(text: str) -> list[Line]:
    """Lines of plain text with line endings, a stray BOM and trailing spaces normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u2028", "\n")
    return [Line(line.rstrip()) for line in text.split("\n")]


@dataclass
class _Header:
    """Raw header values, finished into the story once the block has been read."""

    values: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)

    def add(self, label: Label) -> None:
        if label.field == "extra":
            self.extra.setdefault(label.written.strip(), []).append(label.value)
        else:
            self.values.setdefault(label.field, []).append(label.value)

    def extend(self, label: Label, text: str) -> None:
        if label.field == "extra":
            self.extra[label.written.strip()].append(text)
        else:
            self.values[label.field].append(text)


def parse_lines(lines: list[Line], story: ImportedStory) -> ImportedStory:
    """Fill ``story`` (which carries source name, format and encoding) from ``lines``."""
    texts = [line.text for line in lines]
    start, dropped_start = boilerplate.trim_start(texts)
    end, dropped_end = boilerplate.trim_end(texts[start:])
    lines = lines[start : start + end]
    story.dropped.extend(dropped_start)

    joiner = "\n"
    header = _Header()
    first_chapter_note: list[str] = []
    position = _read_header(lines, story, header, first_chapter_note, joiner)
    body = lines[position:]
    wrapped = _hard_wrapped(body)

    tail_dropped: list[str] = []
    if dropped_end:
        body = _take_footer_sections(body, story, tail_dropped)

    _finish_header(story, header, joiner)
    body = _drop_repeated_title(body, story)
    chapters = _split_chapters(body)
    for index, (title, chapter_lines) in enumerate(chapters):
        chapter = _build_chapter(title, chapter_lines, story, wrapped,
                                 last=index == len(chapters) - 1, single=len(chapters) == 1)
        story.chapters.append(chapter)
    if first_chapter_note and story.chapters:
        story.chapters[0].start_note = "\n\n".join(
            note for note in ("\n".join(first_chapter_note), story.chapters[0].start_note) if note
        )
    story.chapters = [c for c in story.chapters if c.text or c.title or c.start_note or c.end_note]
    story.dropped.extend(tail_dropped + dropped_end)
    infer_from_disclaimer(story)
    return story


def infer_from_disclaimer(story: ImportedStory) -> None:
    """Fandom and rights holder named in the disclaimer, when the header did not name them."""
    if not story.disclaimer:
        return
    fandom, owner = disclaimer_facts(story.disclaimer)
    if fandom and not story.fandoms:
        story.fandoms.append(fandom)
    if owner and not story.owner:
        story.owner = owner


# --- header --------------------------------------------------------------------------------------

_BYLINE = re.compile(r"(?i)^(?:by|written\s+by|a\s+(?:story|fic|fanfic)\s+by|story\s+by|~)\s+(\S.{0,80})$")
_ENDS_SENTENCE = (".", ",", ";", ":", '"', "”", "’")


def _looks_like_title(lines: list[Line], index: int) -> bool:
    text = lines[index].text.strip()
    if len(text) > 150 or len(text.split()) > 15 or text.endswith(_ENDS_SENTENCE):
        return False
    if parse_label(text) or parse_chapter_heading(text) is not None or is_scene_break(text):
        return False
    if looks_like_disclaimer(text):
        return False
    following = index + 1
    if following < len(lines) and not lines[following].blank and parse_label(lines[following].text) is None \
            and not _BYLINE.match(lines[following].text.strip()):
        return False  # the first line of a paragraph, not a title on its own
    return any(not line.blank for line in lines[following:])


def _read_header(lines: list[Line], story: ImportedStory, header: _Header, chapter_note: list[str],
                 joiner: str) -> int:
    """Read the header block at the top; returns the index of the first body line."""
    i = _skip_blank(lines, 0)
    n = len(lines)
    structural_title = i < n and lines[i].level and parse_chapter_heading(lines[i].text) is None
    if structural_title or (i < n and _looks_like_title(lines, i)):
        story.title = clean_heading(lines[i].text)
        i += 1
    if story.title:
        j = _skip_blank(lines, i)
        byline = _BYLINE.match(lines[j].text.strip()) if j < n else None
        if byline:
            story.author = byline.group(1).strip()
            i = j + 1
    current: Label | None = None
    pending: Label | None = None
    previous_blank = True
    found_any = bool(story.title)
    while i < n:
        line = lines[i]
        text = line.text.strip()
        if line.blank:
            previous_blank = True
            i += 1
            continue
        if line.level or (previous_blank and parse_chapter_heading(text) is not None):
            break
        label = parse_label(text)
        if label is not None and label.field == "body_start":
            if found_any and not label.value:
                i += 1  # AO3's "Work Text:" line: the story starts here
            break
        if label is not None and (previous_blank or current is not None):
            if label.field in {"chapter_start_note", "chapter_summary"}:
                paragraph, i = _paragraph(lines, i)
                chapter_note.append(_label_paragraph(label, paragraph[1:], joiner))
                previous_blank = False
                current = pending = None
                continue
            header.add(label)
            current = label
            pending = label if not label.value else None
            found_any = True
            previous_blank = False
            i += 1
            continue
        if current is not None and not previous_blank and current.field in MULTILINE_FIELDS:
            header.extend(current, text)
            i += 1
            continue
        if pending is not None:
            paragraph, i = _paragraph(lines, i, stop_at_label=True)
            header.extend(pending, joiner.join(paragraph))
            current, pending, previous_blank = pending, None, False
            continue
        current = None
        if found_any and story.title is None and previous_blank and _title_block(lines, i):
            paragraph, i = _paragraph(lines, i)
            story.title = paragraph[0]
            if len(paragraph) == 2:
                story.author = re.sub(r"(?i)^by\s+", "", paragraph[1])
            continue
        if found_any and is_scene_break(text):
            i += 1
            previous_blank = True
            continue
        paragraph, after = _paragraph(lines, i)
        if story.disclaimer is None and "disclaimer" not in header.values \
                and looks_like_disclaimer(" ".join(paragraph)):
            story.disclaimer = joiner.join(paragraph)
            found_any = True
            i = after
            continue
        break
    return i


def _label_paragraph(label: Label, rest: list[str], joiner: str) -> str:
    text = joiner.join([label.value, *rest]).strip()
    return f"Summary: {text}" if label.field == "chapter_summary" else text


def _join_parts(parts: list[str], joiner: str) -> str:
    """Continuation lines of a header value: a line ending mid-sentence runs on with a space."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not text:
            text = part
        elif text.endswith((".", "!", "?", ":", '"', "”", "…", ")")):
            text = f"{text}{joiner}{part}"
        else:
            text = f"{text} {part}"
    return text


def _finish_header(story: ImportedStory, header: _Header, joiner: str) -> None:
    values = {key: _join_parts(parts, joiner) for key, parts in header.values.items()}
    if values.get("title"):
        if story.title and story.title.casefold() != values["title"].casefold():
            story.dropped.append(story.title)
        story.title = values["title"]
    if values.get("author"):
        story.author = values["author"]
    for key in ("fandom", "relationships", "characters", "warnings"):
        if values.get(key):
            items = split_list(values[key].replace("\n", ", "))
            target = "fandoms" if key == "fandom" else key
            getattr(story, target).extend(items)
    if values.get("rating"):
        story.rating = normalise_rating(values["rating"])
    for key in ("summary", "disclaimer"):
        if values.get(key):
            setattr(story, key, _joined(getattr(story, key), values[key]))
    if values.get("start_note"):
        story.start_note = _joined(story.start_note, values["start_note"])
    if values.get("end_note"):
        story.end_note = _joined(values["end_note"], story.end_note)
    if values.get("word_count"):
        story.word_count = parse_word_count(values["word_count"])
    stats = " ".join(" ".join(parts) for parts in header.extra.values())  # AO3 "Stats: … Words: 3,210 …"
    words = re.search(r"(?i)\bwords:\s*([\d,. ]+)", stats)
    if story.word_count is None and words:
        story.word_count = parse_word_count(words.group(1))
    for written, parts in header.extra.items():
        value = _join_parts(parts, joiner)
        if value:
            story.extra[written] = value


def _joined(first: str | None, second: str | None) -> str | None:
    parts = [p for p in (first, second) if p]
    return "\n\n".join(parts) if parts else None


# --- footer sections, repeated title ------------------------------------------------------------

_SECTION_FIELDS = frozenset({"summary", "disclaimer", "start_note", "end_note", "chapter_end_note"})


def _take_footer_sections(body: list[Line], story: ImportedStory, dropped: list[str]) -> list[Line]:
    """On a scraped page, take labelled sections ("Artist's Description", "A/N") off the end.

    Short chrome lines between the story and those sections go too (we are inside the page footer).
    """
    for _ in range(4):
        paragraphs = _paragraph_spans(body)
        pending: list[str] = []
        taken = False
        for start, stop in reversed(paragraphs[-4:]):
            texts = [line.text.strip() for line in body[start:stop]]
            label = parse_label(texts[0])
            if label is not None and label.field in _SECTION_FIELDS:
                value = "\n".join(part for part in [label.value, *texts[1:]] if part)
                value = "\n\n".join(part for part in [value, *reversed(pending)] if part)
                if value:
                    _assign_section(story, label.field, value)
                    body = body[:start]
                    taken = True
                break
            if story.disclaimer is None and not pending and looks_like_disclaimer(" ".join(texts)):
                story.disclaimer = "\n".join(texts)
                body = body[:start]
                taken = True
                break
            pending.append("\n".join(texts))
            if len(pending) > 2:
                break
        end, chrome = boilerplate.trim_end([line.text for line in body], in_footer=True)
        dropped[:0] = chrome
        body = body[:end]
        if not taken and not chrome:
            break
    return body


def _assign_section(story: ImportedStory, field_name: str, value: str) -> None:
    if field_name == "summary":
        story.summary = _joined(value, story.summary)
    elif field_name == "disclaimer":
        story.disclaimer = _joined(story.disclaimer, value)
    else:
        story.end_note = _joined(value, story.end_note)


def _comparable(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _drop_repeated_title(body: list[Line], story: ImportedStory) -> list[Line]:
    if not story.title:
        return body
    i = _skip_blank(body, 0)
    if i < len(body) and _comparable(clean_heading(body[i].text)) == _comparable(story.title) \
            and (i + 1 >= len(body) or body[i + 1].blank):
        story.dropped.append(body[i].text.strip())
        return body[i + 1 :]
    return body


# --- chapters ------------------------------------------------------------------------------------

def _split_chapters(body: list[Line]) -> list[tuple[str, list[Line]]]:
    levels = [line.level for line in body if line.level]
    chapter_level = min(levels) if levels else 0
    chapters: list[tuple[str, list[Line]]] = []
    title = ""
    current: list[Line] = []
    previous_blank = True
    for line in body:
        heading: str | None = None
        if line.level and line.level == chapter_level:
            parsed = parse_chapter_heading(line.text)
            heading = clean_heading(line.text) if parsed is None else parsed
        elif previous_blank and not line.blank:
            heading = parse_chapter_heading(line.text)
        if heading is not None:
            if any(not item.blank for item in current) or chapters or title:
                chapters.append((title, current))
            title, current = heading, []
            previous_blank = True
            continue
        current.append(Line(clean_heading(line.text)) if line.level else line)
        previous_blank = line.blank
    chapters.append((title, current))
    return chapters


def _build_chapter(title: str, lines: list[Line], story: ImportedStory, wrapped: bool, *, last: bool,
                   single: bool) -> ImportedChapter:
    joiner = " " if wrapped else "\n"
    chapter = ImportedChapter(title=title)
    spans = _paragraph_spans(lines)
    start_notes: list[str] = []
    first = 0
    while first < len(spans):
        start, stop = spans[first]
        texts = [line.text.strip() for line in lines[start:stop]]
        label = parse_label(texts[0])
        if label is None or label.field not in NOTE_FIELDS or label.field == "end_note":
            break
        first += 1
        rest = texts[1:]
        if not label.value and not rest and first < len(spans):
            start, stop = spans[first]
            rest = [line.text.strip() for line in lines[start:stop]]
            first += 1
        start_notes.append(_label_paragraph(label, rest, joiner))
    end_notes: list[str] = []
    story_end: list[str] = []
    last_index = len(spans)
    while last_index > first:
        start, stop = spans[last_index - 1]
        texts = [line.text.strip() for line in lines[start:stop]]
        label = parse_label(texts[0])
        if label is None or label.field not in {"start_note", "end_note", "chapter_end_note"}:
            break
        last_index -= 1
        note = _label_paragraph(label, texts[1:], joiner)
        if (label.field == "end_note" and last) or (single and label.field == "start_note"):
            story_end.insert(0, note)
        else:
            end_notes.insert(0, note)
    chapter.start_note = "\n\n".join(n for n in start_notes if n)
    chapter.end_note = "\n\n".join(n for n in end_notes if n)
    if story_end:
        story.end_note = _joined("\n\n".join(story_end), story.end_note)
    if first < last_index:
        body_lines = lines[spans[first][0] : spans[last_index - 1][1]]
        chapter.text = _body_text(body_lines, wrapped)
    return chapter


def _body_text(lines: list[Line], wrapped: bool) -> str:
    paragraphs: list[str] = []
    for start, stop in _paragraph_spans(lines):
        texts = [line.text.rstrip() for line in lines[start:stop]]
        if wrapped and not any(is_scene_break(t) for t in texts):
            paragraphs.append(" ".join(t.strip() for t in texts))
        else:
            paragraphs.append("\n".join(texts))
    return "\n\n".join(paragraphs)


# --- helpers -------------------------------------------------------------------------------------

def _skip_blank(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index].blank:
        index += 1
    return index


def _title_block(lines: list[Line], index: int) -> bool:
    """A title (and author) paragraph between header fields, as in text copied from an AO3 page."""
    paragraph, after = _paragraph(lines, index)
    if not 1 <= len(paragraph) <= 2 or (len(paragraph[-1].split()) > 4 and len(paragraph) == 2):
        return False
    if not _looks_like_title(lines, index) and len(paragraph) == 1:
        return False
    first = paragraph[0]
    if len(first.split()) > 15 or first.endswith(_ENDS_SENTENCE) or any(parse_label(p) for p in paragraph):
        return False
    following = _skip_blank(lines, after)
    return following < len(lines) and parse_label(lines[following].text) is not None


def _paragraph(lines: list[Line], index: int, *, stop_at_label: bool = False) -> tuple[list[str], int]:
    """The stripped lines of the paragraph starting at ``index`` and the index after it."""
    out: list[str] = []
    while index < len(lines) and not lines[index].blank and not (out and lines[index].level) \
            and not (out and stop_at_label and parse_label(lines[index].text) is not None):
        out.append(lines[index].text.strip())
        index += 1
    return out, index


def _paragraph_spans(lines: list[Line]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate(lines):
        if line.blank:
            if start is not None:
                spans.append((start, index))
                start = None
        elif start is None:
            start = index
    if start is not None:
        spans.append((start, len(lines)))
    return spans


def _hard_wrapped(lines: list[Line]) -> bool:
    """True when paragraphs were wrapped at a fixed width (≤ 100 characters).

    The sign of wrapping is the wrapper's own rule: no line could have taken the next line's first
    word without passing the width, and most lines stop mid-sentence. Dialogue on separate lines
    and verse fail that test.
    """
    pairs: list[tuple[str, str]] = []  # (line, next line) inside one paragraph
    lengths: list[int] = []
    total = 0
    for start, stop in _paragraph_spans(lines):
        texts = [line.text for line in lines[start:stop]]
        total += len(texts)
        lengths.extend(len(text) for text in texts)
        pairs.extend(itertools.pairwise(texts))
    if len(pairs) < 3 or len(pairs) < total * 0.3:
        return False
    width = max(lengths)
    if not 20 <= width <= 100:
        return False
    full = sum(1 for text, following in pairs if len(text) + 1 + len(following.split()[0]) > width)
    sentence_ends = sum(1 for text, _ in pairs if text.endswith((".", "!", "?", '"', "”", "’", "…", ":")))
    return full >= len(pairs) * 0.9 and sentence_ends < len(pairs) * 0.5
