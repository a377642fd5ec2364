"""What goes into each box of a site's posting form, chapter by chapter, and what the site would refuse.

:func:`prepare_posting` turns an :class:`~ficdesk.formats.ExportDocument` into a :class:`Posting`:
the work's fields (for AO3 exactly its form: rating, archive warnings, fandoms, relationships,
characters, additional tags, title, summary, notes, end notes) and, per chapter, its title, text in
the site's form, summary, start notes and end notes. Each box carries the limit problems of its
own field, so the posting view can show them next to it and ``ficdesk post`` can list them all.

Per site:

- **ao3**: HTML for the work text and the summary/notes boxes, with only ``p``, ``br``, ``hr``,
  ``em`` and ``strong`` (all on AO3's allow-list) and every character escaped.
- **ffn**: plain text boxes; the chapter itself is uploaded as a ``.docx`` to the Doc Manager
  (``ficdesk post`` writes one per chapter). The rating is mapped to FictionRatings (below).
- **wattpad**, **tumblr**: formatted plain text: paragraphs separated by a blank line, line breaks
  kept, scene breaks as ``* * *``; ``*``/``**`` markers are removed because a plain-text paste
  cannot carry emphasis.

Where things come from: a chapter's summary is a first paragraph of its start note written as
"Summary: …" (how AO3 downloads are imported); the story's additional tags are a line
"Additional Tags: a, b" (or "Tags: …") in its start note. Both are taken out of the notes box.
The disclaimer opens the work's notes (AO3 has no field of its own for it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ficdesk.formats.export import ExportChapter, ExportDocument, html_blocks, one_paragraph, paragraphs
from ficdesk.formats.markup import inline_html, inline_spans
from ficdesk.formats.patterns import is_scene_break
from ficdesk.posting.limits import Problem, over_limit

#: Site id -> name shown to the author.
SITES: dict[str, str] = {"ao3": "AO3", "ffn": "FanFiction.Net", "wattpad": "Wattpad", "tumblr": "tumblr"}

#: AO3 rating -> FictionRatings (fanfiction.net). General Audiences -> K+, not K: K must be free of any
#: violence or coarse language, which AO3's General does not promise; K+ allows mild content. An author
#: sure of K can lower it on the site. Explicit has no FFN rating (MA is not allowed there): M plus a problem.
FFN_RATINGS: dict[str, str] = {"General Audiences": "K+", "Teen And Up Audiences": "T", "Mature": "M", "Explicit": "M"}

AO3_WARNINGS = frozenset({
    "creator chose not to use archive warnings", "choose not to use archive warnings", "no archive warnings apply",
    "graphic depictions of violence", "major character death", "rape/non-con", "underage", "underage sex",
})

_SUMMARY = re.compile(r"\A\s*(?:chapter\s+)?summary\s*:\s*", re.IGNORECASE)
_TAGS = re.compile(r"^\s*(?:additional\s+tags|tags|freeforms?)\s*:\s*(?P<tags>.+?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Box:
    """One field of the site's form: its label, the text to paste, and what the site would refuse in it."""

    key: str
    label: str
    text: str
    problems: tuple[Problem, ...] = ()
    #: For tag fields: the tags one by one (``text`` joins them with ", ").
    values: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ChapterPost:
    number: int
    title: Box
    text: Box
    summary: Box
    start_notes: Box
    end_notes: Box

    @property
    def boxes(self) -> tuple[Box, ...]:
        return (self.title, self.summary, self.start_notes, self.text, self.end_notes)


@dataclass(frozen=True)
class Posting:
    """Everything to paste into ``site``'s forms for one story."""

    site: str
    title: str
    work: tuple[Box, ...]
    chapters: tuple[ChapterPost, ...]
    #: Problems of the work as a whole (tag total, missing required fields).
    general: tuple[Problem, ...] = field(default=())

    @property
    def problems(self) -> list[Problem]:
        found = list(self.general)
        for box in self.work:
            found.extend(box.problems)
        for chapter in self.chapters:
            for box in chapter.boxes:
                found.extend(box.problems)
        return found

    def work_box(self, key: str) -> Box:
        return next(box for box in self.work if box.key == key)


def split_chapter_summary(start_note: str) -> tuple[str, str]:
    """(summary, remaining notes) of a chapter's start note whose first paragraph is "Summary: …"."""
    blocks = re.split(r"\n\s*\n", start_note.strip(), maxsplit=1) if start_note.strip() else [""]
    match = _SUMMARY.match(blocks[0])
    if not match:
        return "", start_note.strip()
    return blocks[0][match.end():].strip(), (blocks[1].strip() if len(blocks) > 1 else "")


def split_additional_tags(start_note: str) -> tuple[list[str], str]:
    """(additional tags, remaining notes) of a story's start note holding an "Additional Tags: a, b" line."""
    tags: list[str] = []
    for match in _TAGS.finditer(start_note):
        tags.extend(tag.strip() for tag in match.group("tags").split(",") if tag.strip())
    rest = _TAGS.sub("", start_note)
    return tags, re.sub(r"\n{3,}", "\n\n", rest).strip()


def prepare_posting(document: ExportDocument, site: str) -> Posting:
    """The boxes of ``site``'s forms for ``document`` (one of :data:`SITES`)."""
    if site not in SITES:
        raise ValueError(f"unknown site {site!r}")
    document = document.publishable()
    tags, story_notes = split_additional_tags(document.start_note)
    work_notes = "\n\n".join(part for part in (_disclaimer(document.disclaimer), story_notes) if part.strip())
    general: list[Problem] = []
    work: list[Box] = [_text_box(site, "title", "Title", document.title, "title")]
    if site == "ao3":
        work += _ao3_fields(document, tags, general)
    elif site == "ffn":
        work += _ffn_fields(document)
    else:
        work.append(Box("rating", "Rating", document.rating))
        every = (*document.fandoms, *document.relationships, *document.characters, *tags)
        work.append(Box("tags", "Tags", ", ".join(every), values=every))
    work.append(_prose_box(site, "summary", "Summary", document.summary, "summary"))
    work.append(_prose_box(site, "notes", "Notes", work_notes, "notes"))
    work.append(_prose_box(site, "end_notes", "End Notes", document.end_note, "notes"))
    chapters = tuple(_chapter(site, number, chapter) for number, chapter in enumerate(document.chapters, start=1))
    return Posting(site, document.title, tuple(work), chapters, tuple(general))


def _disclaimer(text: str) -> str:
    return f"Disclaimer: {one_paragraph(text)}" if text.strip() else ""


def _ao3_fields(document: ExportDocument, additional: list[str], general: list[Problem]) -> list[Box]:
    rating = document.rating if document.rating else "Not Rated"
    warnings = list(document.warnings)
    warning_problems = tuple(
        Problem("ao3", "Archive Warnings", f"'{w}' is not one of AO3's archive warnings; put it in Additional Tags")
        for w in warnings if w.strip().casefold() not in AO3_WARNINGS
    )
    if not warnings:
        warning_problems += (Problem("ao3", "Archive Warnings", "AO3 needs at least one archive warning"),)
    boxes = [
        Box("rating", "Rating", rating),
        Box("warnings", "Archive Warnings", ", ".join(warnings), warning_problems, tuple(warnings)),
    ]
    groups = (("fandoms", "Fandoms", document.fandoms), ("relationships", "Relationships", document.relationships),
              ("characters", "Characters", document.characters), ("additional_tags", "Additional Tags", additional))
    for key, label, values in groups:
        checked = (over_limit("ao3", "tag", _tag_field(label, value), len(value)) for value in values)
        problems = tuple(problem for problem in checked if problem)
        if key == "fandoms" and not values:
            problems += (Problem("ao3", "Fandoms", "AO3 needs at least one fandom"),)
        boxes.append(Box(key, label, ", ".join(values), problems, tuple(values)))
    total = sum(len(values) for _key, _label, values in groups)
    problem = over_limit("ao3", "tags", "Tags (fandoms, relationships, characters, additional tags)", total)
    if problem:
        general.append(problem)
    return boxes


def _tag_field(label: str, tag: str) -> str:
    """``Fandoms 'tag'`` with a long tag cut to 40 characters, so the message stays one readable line."""
    shown = tag if len(tag) <= 40 else tag[:40] + "…"
    return f"{label} '{shown}'"


def _ffn_fields(document: ExportDocument) -> list[Box]:
    rating = FFN_RATINGS.get(document.rating, "")
    problems: tuple[Problem, ...] = ()
    if document.rating == "Explicit":
        problems = (Problem("ffn", "Rating", "explicit (MA) stories are not allowed on fanfiction.net; M is the "
                                             "highest rating there"),)
    elif not rating:
        problems = (Problem("ffn", "Rating", "the story is not rated; choose K, K+, T or M"),)
    characters = list(document.characters)
    limit = over_limit("ffn", "characters", "Characters", len(characters))
    return [
        Box("rating", "Rating", rating, problems),
        Box("fandoms", "Category", ", ".join(document.fandoms), values=tuple(document.fandoms)),
        Box("characters", "Characters", ", ".join(characters), (limit,) if limit else (), tuple(characters)),
    ]


def _chapter(site: str, number: int, chapter: ExportChapter) -> ChapterPost:
    summary, start = split_chapter_summary(chapter.start_note)
    text = chapter_text(site, chapter.text)
    problem = over_limit(site, "chapter_text", "Chapter Text", len(text), number)
    title = _text_box(site, "chapter_title", "Chapter Title", chapter.title, "chapter_title", number)
    return ChapterPost(
        number=number,
        title=title,
        text=Box("text", "Chapter Text", text, (problem,) if problem else ()),
        summary=_prose_box(site, "summary", "Chapter Summary", summary, "summary", number),
        start_notes=_prose_box(site, "start_notes", "Chapter Notes", start, "notes", number),
        end_notes=_prose_box(site, "end_notes", "Chapter End Notes", chapter.end_note, "notes", number),
    )


def chapter_text(site: str, text: str) -> str:
    """A chapter's text in ``site``'s form: AO3 HTML, or formatted plain text for the others."""
    if site == "ao3":
        return "\n".join(html_blocks(text))
    return plain_text(text)


def plain_text(text: str) -> str:
    """Paragraphs separated by a blank line, emphasis markers removed, scene breaks as ``* * *``."""
    out: list[str] = []
    for paragraph in paragraphs(text):
        if "\n" not in paragraph and is_scene_break(paragraph):
            out.append("* * *")
        else:
            out.append("\n".join("".join(span for span, _b, _i in inline_spans(line.strip()))
                                 for line in paragraph.split("\n")))
    return "\n\n".join(out)


def _prose_box(site: str, key: str, label: str, text: str, limit: str, chapter: int | None = None) -> Box:
    """A summary or notes box: HTML paragraphs for AO3, plain text elsewhere; checked against ``limit``."""
    if site == "ao3":
        value = "\n".join("<p>" + "<br />".join(inline_html(line) for line in block.split("\n")) + "</p>"
                          for block in paragraphs(text))
    else:
        value = plain_text(text)
    problem = over_limit(site, limit, label, len(value), chapter)
    return Box(key, label, value, (problem,) if problem else ())


def _text_box(site: str, key: str, label: str, text: str, limit: str, chapter: int | None = None) -> Box:
    value = " ".join(text.split())
    problem = over_limit(site, limit, label, len(value), chapter)
    return Box(key, label, value, (problem,) if problem else ())
