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
from ficdesk.formats.headerlines import (
    body_chrome,
    dateline,
    journal_author,
    page_chrome,
    split_inline_fields,
    tagline_fandom,
    title_by_author,
)
from ficdesk.formats.model import ImportedChapter, ImportedStory
from ficdesk.formats.patterns import (
    MULTILINE_FIELDS,
    NOTE_FIELDS,
    Label,
    ao3_rating,
    clean_heading,
    clean_rating,
    disclaimer_facts,
    is_scene_break,
    looks_like_disclaimer,
    normalise_label,
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
    sources: dict[str, str] = field(default_factory=dict)
    notes_before: list[str] = field(default_factory=list)  # unlabelled notes above the labelled fields
    chapter_title: str | None = None  # a chapter heading read inside the header

    def add(self, label: Label, line: str = "") -> None:
        if label.field == "extra":
            self.extra.setdefault(label.written.strip(), []).append(label.value)
        else:
            self.values.setdefault(label.field, []).append(label.value)
            self.sources.setdefault(label.field, line.strip() or f"{label.written}: {label.value}")

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

    lines = _split_inline_fields(_lines_as_paragraphs(lines))
    joiner = "\n"
    header = _Header()
    first_chapter_note: list[str] = []
    position = _read_header(lines, story, header, first_chapter_note, joiner)
    body = _drop_body_chrome(lines[position:], story)
    if position == 0 and not story.title:
        body = _info_line_after_story(body, story, header)
    wrapped = _hard_wrapped(body)

    tail_dropped: list[str] = []
    if dropped_end:
        body = _take_footer_sections(body, story, tail_dropped)

    _finish_header(story, header, joiner)
    body = _drop_repeated_title(body, story)
    chapters = _split_chapters(body)
    if header.chapter_title is not None and chapters and not chapters[0][0]:
        chapters[0] = (header.chapter_title, chapters[0][1])
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


_TOP_LINES = 150  # the header is looked for in the first lines only
_TOP_WORDS = 700  # ... and before this much unlabelled prose


def _split_inline_fields(lines: list[Line]) -> list[Line]:
    """Lines near the top holding several labelled fields, one line per field."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index < _TOP_LINES and not line.level and ":" in line.text:
            out.extend(Line(part) for part in split_inline_fields(line.text))
        else:
            out.append(line)
    return out


def _lines_as_paragraphs(lines: list[Line]) -> list[Line]:
    """A page with no blank lines at all (tumblr, some mirrors) and no hard wrapping: each line a paragraph."""
    texts = [line for line in lines if not line.blank]
    inner = [index for index, line in enumerate(lines) if not line.blank]
    blanks = (inner[-1] - inner[0] + 1 - len(inner)) if inner else 0
    if len(texts) < 8 or blanks > len(texts) * 0.02 or _hard_wrapped(lines):
        return lines
    if sum(len(line.text) for line in texts) / len(texts) < 60:
        return lines  # short lines without blanks: verse or a list, not paragraphs
    out: list[Line] = []
    for line in lines:
        if out and not line.blank and not out[-1].blank:
            out.append(Line(""))
        out.append(line)
    return out


def _first_label(lines: list[Line]) -> int | None:
    """Index of the first labelled header line near the top, or None."""
    words = 0
    for index, line in enumerate(lines[:_TOP_LINES]):
        if line.blank:
            continue
        text = line.text.strip()
        label = parse_label(text)
        if label is not None and label.field != "body_start" and (":" in text[:60] or label.field == "start_note"):
            return index
        words += len(text.split())
        if words > _TOP_WORDS:
            return None
    return None


def _title_line(text: str) -> bool:
    """A line that could be a title on its own: short, no sentence punctuation at the end, not a label."""
    text = text.strip()
    if not any(ch.isalnum() for ch in text) or len(text) > 150 or len(text.split()) > 15 \
            or text.endswith(_ENDS_SENTENCE):
        return False
    if parse_label(text) or parse_chapter_heading(text) is not None or is_scene_break(text):
        return False
    return not (looks_like_disclaimer(text) or body_chrome(text)
                or re.match(r"(?i)(?:for|written\s+for|a\s+gift\s+for)\s", text))


def _read_preamble(lines: list[Line], end: int, story: ImportedStory, header: _Header, joiner: str) -> None:
    """What stands above the labelled fields: chrome, a subject or title line, a byline, notes."""
    has_title_label = any((label := parse_label(line.text)) is not None and label.field == "title"
                          for line in lines[end:end + 60])
    title_at: int | None = None
    prose: list[tuple[int, str]] = []
    first_content = True
    for start, stop in _paragraph_spans(lines[:end]):
        index = start
        while index < stop:
            text = lines[index].text.strip()
            index += 1
            author = journal_author(text)
            if author or page_chrome(text) or dateline(text):
                if author and not story.author:
                    story.author = author
                    header.sources.setdefault("author", text)
                story.dropped.append(text)
                continue
            heading = parse_chapter_heading(text)
            if heading is not None and not lines[index - 1].blank:
                header.chapter_title = heading
                continue
            fandom = tagline_fandom(text)
            if fandom and "fandom" not in header.values:
                header.values["fandom"] = [fandom]
                header.sources["fandom"] = text
                continue
            byline = _BYLINE.match(text)
            if byline and not story.author:
                story.author = byline.group(1).strip()
                header.sources["author"] = text
                continue
            split = title_by_author(text) if first_content and not has_title_label else None
            first_content = False
            if split and stop - start == 1:
                story.title, story.author = split
                header.sources["title"] = header.sources["author"] = text
                title_at = len(prose)
                continue
            if _title_line(text) and (stop - index == 0 or _BYLINE.match(lines[index].text.strip())):
                if has_title_label:
                    story.dropped.append(text)
                else:
                    story.title = clean_heading(text)
                    header.sources["title"] = text
                    title_at = len(prose)
                continue
            paragraph = [text] + [line.text.strip() for line in lines[index:stop]]
            prose.append((start, joiner.join(paragraph)))
            break
    before, after = (prose[:title_at], prose[title_at:]) if title_at is not None else ([], prose)
    story.dropped.extend(text for _, text in before)
    for _, text in after:
        if story.disclaimer is None and looks_like_disclaimer(text):
            story.disclaimer = text
            header.sources.setdefault("disclaimer", text.split("\n")[0])
        else:
            header.notes_before.append(text)
            header.sources.setdefault("start_note", text.split("\n")[0])


def _title_block_at(lines: list[Line], index: int) -> tuple[str, str | None, int] | None:
    """A title block: a title line, optionally a byline (blank lines allowed) and date/copyright lines.

    Returns ``(title, author, index after the block)``; the block must be followed by a blank line.
    """
    n = len(lines)
    text = lines[index].text.strip()
    if not _title_line(text) or (index + 1 < n and not lines[index + 1].blank
                                 and not _BYLINE.match(lines[index + 1].text.strip())
                                 and not dateline(lines[index + 1].text)):
        return None
    title, author, i = clean_heading(text), None, index + 1
    j = _skip_blank(lines, i)
    if j < n and j - i <= 3 and _BYLINE.match(lines[j].text.strip()):
        author = _BYLINE.match(lines[j].text.strip()).group(1).strip()  # type: ignore[union-attr]
        i = j + 1
    while i < n and not lines[i].blank and body_chrome(lines[i].text):
        i += 1
    if i < n and not lines[i].blank:
        return None
    return title, author, i


def _next_paragraph(lines: list[Line], index: int, count: int) -> list[int]:
    """Start indices of the next ``count`` paragraphs from ``index``."""
    starts: list[int] = []
    i = index
    while len(starts) < count:
        i = _skip_blank(lines, i)
        if i >= len(lines):
            break
        starts.append(i)
        while i < len(lines) and not lines[i].blank:
            i += 1
    return starts


def _ends_header(lines: list[Line], index: int) -> bool:
    """A paragraph that belongs to the header's end: a label, title block, scene break or chapter heading."""
    text = lines[index].text.strip()
    if lines[index].level or is_scene_break(text) or parse_chapter_heading(text) is not None:
        return True
    label = parse_label(text)
    if label is not None and label.field != "body_start":
        return True
    return _title_block_at(lines, index) is not None


def _continues_note(lines: list[Line], index: int) -> bool:
    """An unlabelled paragraph after a note that is still the note: more header follows within three paragraphs."""
    starts = _next_paragraph(lines, index, 4)[1:]
    return any(_ends_header(lines, start) for start in starts)


_UNKNOWN_LABEL = re.compile(r"^(?P<label>[A-Za-z][\w'’+/&-]*(?:\s+[\w'’+/&-]+){0,3})\s*:\s+(?P<value>\S.*)$")
_NOTE_LIKE = frozenset({"start_note", "summary", "disclaimer", "end_note"})


def _read_header(lines: list[Line], story: ImportedStory, header: _Header, chapter_note: list[str],
                 joiner: str) -> int:
    """Read the header block near the top; returns the index of the first body line."""
    n = len(lines)
    first = _first_label(lines)
    i = _skip_blank(lines, 0)
    if first is not None and first > i:
        _read_preamble(lines, first, story, header, joiner)
        i = first
    elif first is None:
        split = title_by_author(lines[i].text) if i < n and not lines[i].level else None
        structural_title = i < n and lines[i].level and parse_chapter_heading(lines[i].text) is None
        if structural_title or (i < n and _looks_like_title(lines, i)):
            story.title = clean_heading(lines[i].text)
            header.sources["title"] = lines[i].text.strip()
            i += 1
        elif split and i + 1 < n and lines[i + 1].blank:
            story.title, story.author = split
            header.sources["title"] = header.sources["author"] = lines[i].text.strip()
            i += 1
        if story.title:
            j = _skip_blank(lines, i)
            byline = _BYLINE.match(lines[j].text.strip()) if j < n else None
            if byline:
                story.author = byline.group(1).strip()
                header.sources["author"] = lines[j].text.strip()
                i = j + 1
    current: Label | None = None
    pending: Label | None = None
    previous_blank = True
    found_any = bool(story.title) or first is not None
    while i < n:
        line = lines[i]
        text = line.text.strip()
        if line.blank:
            previous_blank = True
            i += 1
            continue
        if line.level or (previous_blank and parse_chapter_heading(text) is not None):
            following = _next_paragraph(lines, i + 1, 1)
            label_next = following and parse_label(lines[following[0]].text) is not None
            if found_any and not line.level and label_next and header.chapter_title is None:
                header.chapter_title = parse_chapter_heading(text)
                i += 1
                continue
            break
        label = parse_label(text)
        if label is None and found_any and (current is not None or previous_blank):
            unknown = _UNKNOWN_LABEL.match(text) if len(text) <= 250 and not re.match(r"(?i)chap", text) else None
            titled = _title_block_at(lines, i) if previous_blank else None
            if unknown and not text.startswith(("\"", "“", "'")) and not (titled and titled[1]):
                label = Label("extra", unknown.group("label"), unknown.group("value").strip())
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
            header.add(label, text)
            current = label
            pending = label if not label.value else None
            found_any = True
            previous_blank = False
            i += 1
            continue
        if current is not None and not previous_blank and current.field in MULTILINE_FIELDS \
                and parse_chapter_heading(text) is None:
            header.extend(current, text)
            pending = None
            i += 1
            continue
        if pending is not None:
            paragraph, i = _paragraph(lines, i, stop_at_label=True)
            header.extend(pending, joiner.join(paragraph))
            current, pending, previous_blank = pending, None, False
            continue
        if current is not None and current.field in _NOTE_LIKE and previous_blank \
                and not _ends_header(lines, i) and _continues_note(lines, i):
            paragraph, i = _paragraph(lines, i, stop_at_label=True)
            header.extend(current, "\n" + joiner.join(paragraph))
            previous_blank = False
            continue
        current = None
        block = _title_block_at(lines, i) if found_any and previous_blank else None
        if block is not None:
            title, author, after = block
            same = story.title is not None and _comparable(title) == _comparable(story.title)
            if story.title is None or same:
                if not same and story.title:
                    story.dropped.append(story.title)
                if not same:
                    story.title = title
                    header.sources["title"] = text
                else:
                    story.dropped.append(text)
                if author and not story.author:
                    story.author = author
                    header.sources["author"] = author
                story.dropped.extend(line.text.strip() for line in lines[i + 1:after] if body_chrome(line.text))
                i = after
                following = _next_paragraph(lines, i, 1)
                if following and not _ends_header(lines, following[0]):
                    break
                continue
        if found_any and story.title is None and previous_blank and _title_block(lines, i):
            paragraph, i = _paragraph(lines, i)
            story.title = paragraph[0]
            header.sources["title"] = paragraph[0]
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
            header.sources["disclaimer"] = paragraph[0]
            found_any = True
            i = after
            continue
        break
    return i


_INFO_SEPARATOR = re.compile(r"\s+\|\s+")


def _info_line_after_story(body: list[Line], story: ImportedStory, header: _Header) -> list[Line]:
    """A drabble or short chapter posted with nothing above it, then an info line, then the author's note.

    The info line is pipe-separated with at least one labelled segment ("Challenge | Prompt | Word
    Count: 100"); its labelled segments are header fields and the paragraphs after it the end note.
    """
    spans = _paragraph_spans(body)
    for number, (start, stop) in enumerate(spans[:12]):
        text = body[start].text.strip()
        segments = _INFO_SEPARATOR.split(text)
        if number == 0 or stop - start != 1 or len(segments) < 3 or len(text) > 300:
            continue
        labels = [label for segment in segments if (label := parse_label(segment)) is not None
                  and ":" in segment and label.field not in {"body_start", "extra"}]
        if not labels:
            continue
        for label in labels:
            header.add(label, text)
        story.extra["Info"] = text
        after = [line.text.strip() for line in body[stop:]]
        note = "\n".join(after).strip()
        if note:
            story.end_note = _joined(story.end_note, re.sub(r"\n{3,}", "\n\n", note))
            header.sources.setdefault("end_note", after[_skip_blank(body[stop:], 0)] if body[stop:] else text)
        return body[:start]
    return body


def _drop_body_chrome(body: list[Line], story: ImportedStory) -> list[Line]:
    """Page chrome at the very start of the story text (counters, tag lines, vote prompts, dates)."""
    i = 0
    while i < len(body) and i < 40:
        if body[i].blank:
            i += 1
            continue
        if body[i].level or not (body_chrome(body[i].text) or is_scene_break(body[i].text)
                                 or re.fullmatch(r"\s*(?:[oO0]{3,}|[xX]{3,})\s*", body[i].text)):
            break
        story.dropped.append(body[i].text.strip())
        i += 1
    return body[i:] if any(not line.blank for line in body[:i]) else body


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
    _second_disclaimer(header)
    if header.notes_before:
        header.values["start_note"] = [*header.notes_before, *header.values.get("start_note", [])]
    values = {key: _join_parts(parts, joiner) for key, parts in header.values.items()}
    if values.get("title"):
        if story.title and story.title.casefold() != values["title"].casefold():
            story.dropped.append(story.title)
        story.title = values["title"]
    if values.get("author"):
        story.author = values["author"]
    for key in ("fandom", "relationships", "characters", "warnings"):
        if values.get(key):
            items = split_list(values[key].replace("\n", ", "), names=key == "characters")
            target = "fandoms" if key == "fandom" else key
            getattr(story, target).extend(items)
    if values.get("warnings"):
        story.warnings_text = " ".join(values["warnings"].split())
    if values.get("cast"):  # "characters/pairings: Heero/Duo, Trowa": pairings one way, characters the other
        for item in split_list(values["cast"].replace("\n", ", ")):
            cast = story.relationships if re.search(r"/|\s[x&]\s", item) else story.characters
            cast.append(item)
    _finish_rating(story, values.get("rating"), header)
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
    if not story.relationships:
        story.relationships.extend(_category_pairings(story.extra))
    if not story.fandoms:
        story.fandoms.extend(_category_fandom(story.extra))
    sources = {"start_note": "authors_note", "fandom": "fandom", "cast": "relationships"}
    for key, line in header.sources.items():
        story.sources.setdefault(sources.get(key, key), line)


def _finish_rating(story: ImportedStory, rating: str | None, header: _Header) -> None:
    """The rating as written, AO3's name for it, and the fix for swapped "Genre"/"Rated" labels."""
    if not rating:
        return
    written = clean_rating(rating)
    mapped = ao3_rating(written)
    if mapped is None:
        for label, parts in header.extra.items():
            other = " ".join(parts).strip()
            if normalise_label(label) in {"genre", "genres"} and other and ao3_rating(other):
                header.extra[label] = [written]  # the author swapped the two labels
                written, mapped = clean_rating(other), ao3_rating(other)
                break
    story.rating, story.ao3_rating = written, mapped


def _second_disclaimer(header: _Header) -> None:
    """A second "Disclaimer:" that disclaims nothing is the summary (a label copied and not renamed)."""
    parts = header.values.get("disclaimer", [])
    if len(parts) < 2 or "summary" in header.values:
        return
    for index in range(1, len(parts)):
        if parts[index] and not looks_like_disclaimer(parts[index]) and len(parts[index].split()) > 3:
            header.values["summary"] = parts[index:]
            header.values["disclaimer"] = parts[:index]
            return


_AO3_CATEGORIES = frozenset({"f/m", "m/m", "f/f", "gen", "multi", "other", "slash", "het", "femslash", "none"})


def _category_fandom(extra: dict[str, str]) -> list[str]:
    """fanfiction.net's "Category: Naruto" is the fandom (AO3's "Category: M/M" is not)."""
    for label, value in extra.items():
        if normalise_label(label) in {"category", "categories"} and ">" not in value:
            items = split_list(value, names=False)
            if items and not any(item.casefold() in _AO3_CATEGORIES for item in items) and len(items) <= 2:
                return items
    return []


def _category_pairings(extra: dict[str, str]) -> list[str]:
    """Pairings named only in an archive's category path ("Slash Pairings > McKay/Sheppard")."""
    found: list[str] = []
    for label, value in extra.items():
        if normalise_label(label) not in {"category", "categories"} or ">" not in value:
            continue
        for part in re.split(r"\s*[,;]\s*", value):
            last = part.split(">")[-1].strip()
            if re.fullmatch(r"[^/]{2,}(?:\s*/\s*[^/]{2,})+", last):
                found.append(last)
    return found


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
            and (i + 1 >= len(body) or body[i + 1].blank or not body[i].text.rstrip().endswith((".", "!", "?"))):
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
