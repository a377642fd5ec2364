"""Infobox lines: a label and the names it types, read once per document.

Scraped infoboxes come in many shapes: ``- Voiced by: A, B``, ``| Portrayer | A``, ``Affiliation
AVALANCHE`` (no colon), ``Portrayed byA`` (glued), and value lists that go on over the next short
lines (``English voice actor A (2002)`` then ``B (a remake)``). Every name after the label on such a
line, outside brackets, gets the label's type; a short bare line right after a person-label line
continues its list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ficdesk.canon.lexicon import BY_ORG_VERBS, BY_PERSON_VERBS, LABEL_TYPES, TITLE_SMALL_WORDS, noun_type, word_set
from ficdesk.canon.model import EntityType

#: Labels of real people's lines, also without a colon at the start of a line.
PERSON_LABELS = (
    "portrayed by", "played by", "voiced by", "performed by", "portrayer", "portrayers", "voice actors",
    "voice actor", "voice actress", "voice", "voices", "actor", "actress", "actors", "cast", "starring",
    "motion capture", "created by", "creators", "creator", "written by", "writers", "designed by", "designer",
)
#: Labels of a line of other names for the article's subject: "Aliases", "Nickname(s) | A (by B) C".
ALIAS_LABELS = (
    "also known as", "other names", "nickname(s)", "nicknames", "nickname", "aliases", "alias", "hero name",
    "epithets", "epithet",
)
#: Words that may stand before a person label: "English voice actor", "Japanese voice".
_LABEL_QUALIFIERS = word_set("english japanese original live-action live young film television tv anime game")
_COLON_LABEL = re.compile(r"([A-Z][A-Za-z'’\-]*(?: [A-Za-z][A-Za-z'’\-]*){0,3})\s*[:;|]")
_LIST_PREFIX = re.compile(r"[\s\-*•|]*")
#: A continuation line is short and is not a sentence.
_CONTINUATION_WORDS = 6


@dataclass(frozen=True, slots=True)
class LabelLine:
    #: Where the values start (after the label) and where the line ends.
    values_start: int
    end: int
    type: EntityType | None
    #: The values are other names of the article's subject.
    alias: bool = False


class LabelLines:
    """The typed infobox lines of a document, looked up by offset."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._lines: list[LabelLine] = []
        previous: LabelLine | None = None
        position = 0
        for raw in text.split("\n"):
            start, end = position, position + len(raw)
            position = end + 1
            line = _label_line(raw, start) if len(raw) <= 400 else None
            if line is None and previous is not None and previous.alias and _continues(raw) and (
                    raw.lstrip()[:1] in "-*•" or raw.rstrip().endswith(")")):
                # "  • The Lantern" under "Aliases"; "Sparrow (by his mother)" under "Nickname: A (by B)"
                line = LabelLine(start, end, None, alias=True)
            elif (line is None and previous is not None and previous.type is EntityType.PERSON
                    and text[previous.values_start:previous.end].strip(" :;|") and _continues(raw)):
                line = LabelLine(start, end, EntityType.PERSON)
            if line is not None:
                self._starts.append(start)
                self._lines.append(line)
            previous = line

    def type_at(self, start: int, end: int, text: str) -> EntityType | None:
        """The label type of a name at ``start:end``, when it stands among a labelled line's values."""
        line = self._line_of(start, end, text)
        return None if line is None else line.type

    def alias_at(self, start: int, end: int, text: str) -> bool:
        """Whether a name at ``start:end`` is listed as another name of the subject ("Aliases: ...")."""
        line = self._line_of(start, end, text)
        return line is not None and line.alias

    def _line_of(self, start: int, end: int, text: str) -> LabelLine | None:
        at = bisect_right(self._starts, start) - 1
        if at < 0:
            return None
        line = self._lines[at]
        if not (line.values_start <= start and end <= line.end):
            return None
        before = text[line.values_start:start]
        if before.count("(") > before.count(")"):
            return None  # inside brackets: "(young; anime)", "(Tywin Lannister)", "(by Gale)"
        return line


def _label_line(raw: str, start: int) -> LabelLine | None:
    lead = _LIST_PREFIX.match(raw)
    offset = lead.end() if lead else 0
    body = raw[offset:]
    lowered = body.lower()
    words = lowered.split()
    skip = 0
    while skip < len(words) and words[skip] in _LABEL_QUALIFIERS:
        skip += 1
    rest = " ".join(words[skip:])
    for alias_label in ALIAS_LABELS:
        if lowered.startswith(alias_label):
            after = body[len(alias_label):].lstrip(" ")
            if after[:1] in (":", ";", "|") or after[:1].isupper() or after[:1] in "\"“":
                values = len(alias_label) + len(body[len(alias_label):]) - len(after)
                return LabelLine(start + offset + values, start + len(raw), None, alias=True)
    for person_label in PERSON_LABELS:
        if rest.startswith(person_label):
            at = lowered.find(person_label) + len(person_label)
            after = body[at:].lstrip(" ")
            if after[:1] in (":", ";", "|") or (after[:1].isupper() and ". " not in body):
                return LabelLine(start + offset + at, start + len(raw), EntityType.PERSON)
    match = _COLON_LABEL.match(body)
    if match is None:
        return None
    label = match.group(1).lower().split()
    kind: EntityType | None
    if len(label) >= 2 and label[-1] == "by":
        kind = (EntityType.PERSON if label[-2] in BY_PERSON_VERBS
                else EntityType.ORGANISATION if label[-2] in BY_ORG_VERBS else None)
    else:
        kind = LABEL_TYPES.get(label[-1]) or noun_type(label[-1])
    if kind is None:
        return None
    return LabelLine(start + offset + match.end(), start + len(raw), kind)


def _continues(raw: str) -> bool:
    """A bare name line such as "Ada Lane (a remake)": short, capitalised, not a sentence."""
    body = raw.strip(" -*•|\t")
    head = body.split("(")[0].strip()
    words = head.split()
    return (0 < len(words) <= _CONTINUATION_WORDS
            and all(w[:1].isupper() or w[:1] in "(\"'" or w in TITLE_SMALL_WORDS for w in words[1:] + words[:1])
            and words[0][:1].isupper()
            and not head.endswith((".", ":", ";")) and ":" not in head)
