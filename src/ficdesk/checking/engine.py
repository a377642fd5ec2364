"""The built-in engine: text in, sorted matches out, paragraph by paragraph.

Rules see one paragraph (line) at a time, so a paragraph's findings depend only on its text, the document's
:class:`TextStyle` (the author's apostrophe and spelling variety, both judged over the whole document) and the
configuration. That makes :class:`Document` cheap: it keeps each paragraph's findings keyed by the paragraph's
text and re-runs the rules only on paragraphs that changed (or on all of them when the style changes).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ficdesk.checking.env import CheckerConfig, Env
from ficdesk.checking.lexicon import LANGUAGES
from ficdesk.checking.model import Match
from ficdesk.checking.parallel import check_split
from ficdesk.checking.registry import Rule, all_rules
from ficdesk.checking.tense import TenseCount, count_tense
from ficdesk.checking.tokens import LINE_ENDS, Paragraph, paragraphs
from ficdesk.checking.variety import AUTO, VarietyCount, VarietyCounter

#: Characters kept on each side of a finding (within its line) to recognise a spot ignored once.
CONTEXT_WIDTH = 24


@dataclass(frozen=True, slots=True)
class TextStyle:
    """What a document decides for all its paragraphs: the apostrophe suggestions use and the spelling variety."""

    apostrophe: str = "'"
    language: str = "en-GB"
    #: The document uses both varieties throughout (see :attr:`VarietyCount.mixed`).
    mixed: bool = False
    #: The narrative tense ("past", "present" or "" when unclear; see :mod:`ficdesk.checking.tense`).
    tense: str = ""


def apostrophe_style(text: str) -> str:
    """The apostrophe the author mostly uses: "’" or "'" (straight when there is none)."""
    return _style(text.count("’"), text.count("'"))


def _style(curly: int, straight: int) -> str:
    return "’" if curly > straight else "'"


def spot_context(text: str, match: Match) -> str:
    """The text around ``match`` (within its line) that identifies an "ignore once" spot.

    It only depends on the match's own line, so edits elsewhere keep the ignored spot ignored.
    """
    line_start = max(text.rfind(char, 0, match.start) for char in LINE_ENDS) + 1
    ends = [found for found in (text.find(char, match.end) for char in LINE_ENDS) if found != -1]
    line_end = min(ends) if ends else len(text)
    return text[max(line_start, match.start - CONTEXT_WIDTH):min(line_end, match.end + CONTEXT_WIDTH)]


class Checker:
    """Checks text with every rule that the configuration does not switch off."""

    def __init__(self, config: CheckerConfig | None = None) -> None:
        self.config = config = config or CheckerConfig()
        if config.language not in (*LANGUAGES, AUTO) or config.fallback_language not in LANGUAGES:
            raise ValueError(f"unsupported language {config.language!r}; FicDesk checks {', '.join(LANGUAGES)}")
        #: Whether the variety is judged from each document's own spellings.
        self.detects_variety = config.language == AUTO
        self.default_language = config.fallback_language if self.detects_variety else config.language
        self._envs: dict[tuple[str, bool, str], Env] = {}
        self.env = self.env_for(self.default_language)
        self.rules: list[Rule] = [r for r in all_rules() if r.id not in self.config.ignored_rules]
        self._variety: VarietyCounter | None = None
        self.env.lexicon  # noqa: B018  (load the word list and frequencies now, not on the first keystroke)
        self.env.frequency  # noqa: B018

    def env_for(self, language: str, mixed: bool = False, tense: str = "") -> Env:
        """What rules know when the document is in ``language`` and ``tense`` (built once per variety)."""
        env = self._envs.get((language, mixed, tense))
        if env is None:
            env = self._envs[(language, mixed, tense)] = Env(replace(self.config, language=language), mixed, tense)
        return env

    def variety_count(self, text: str) -> VarietyCount:
        """Variety evidence in ``text`` (nothing when the configuration fixes the variety)."""
        if not self.detects_variety:
            return VarietyCount()
        if self._variety is None:
            self._variety = VarietyCounter()
        return self._variety.count(text)

    def style_for(self, curly: int, straight: int, variety: VarietyCount,
                  tense: TenseCount | None = None) -> TextStyle:
        """The style of a document with these apostrophe counts, variety and tense evidence."""
        told = tense.tense if tense is not None else ""
        if not self.detects_variety:
            return TextStyle(_style(curly, straight), self.default_language, tense=told)
        return TextStyle(_style(curly, straight), variety.variety(self.default_language), variety.mixed, told)

    def style_of(self, text: str) -> TextStyle:
        """The style of the whole document ``text``."""
        tense = TenseCount()
        for _offset, paragraph in paragraphs(text):
            tense += count_tense(paragraph)
        return self.style_for(text.count("’"), text.count("'"), self.variety_count(text), tense)

    def check(self, text: str) -> list[Match]:
        """Every finding in ``text``, sorted by position; offsets are code points into ``text``."""
        style = self.style_of(text)
        lines = paragraphs(text)
        # A long text is shared with helper processes (ficdesk.checking.parallel); a short one is checked here.
        results = dict(check_split(self, [paragraph for _offset, paragraph in lines], style))
        found: list[Match] = []
        for offset, paragraph in lines:
            found.extend(match.shifted(offset) for match in results[paragraph])
        return found

    def check_paragraph(self, text: str, style: TextStyle | str = "'") -> list[Match]:
        """Findings in one line of text, offsets relative to it, ignored spots left out.

        ``style`` is the document's (see :meth:`style_of`); a bare apostrophe keeps the default variety.
        """
        if isinstance(style, str):
            style = TextStyle(style, self.default_language)
        env = self.env_for(style.language, style.mixed, style.tense)
        para = Paragraph(text, style.apostrophe)
        found: list[Match] = []
        # The spans kept so far never overlap, so sorted by start they are sorted by end too: a new span overlaps
        # one of them exactly when the last one starting before its end ends after its start.
        starts: list[int] = []
        ends: list[int] = []
        for rule in self.rules:
            for match in rule.run(para, env):
                before = bisect.bisect_left(starts, match.end)
                if before and ends[before - 1] > match.start:
                    continue  # an earlier rule already explains this span
                found.append(match)
                starts.insert(before, match.start)
                ends.insert(before, match.end)
        found.sort(key=lambda match: (match.start, match.end, match.rule))
        spots = self.config.ignored_spots
        if spots and found:
            found = [match for match in found
                     if (match.rule, text[match.start:match.end], spot_context(text, match)) not in spots]
        return found

    def document(self) -> Document:
        """An incremental checker for one document that changes over time (an open chapter)."""
        return Document(self)


@dataclass
class _Line:
    offset: int
    text: str
    relative: list[Match]
    absolute: list[Match]
    variety: VarietyCount
    tense: TenseCount


class Document:
    """Re-checks a changing text, running the rules only on paragraphs whose text changed.

    ``update`` compares the new text with the previous one (common prefix and suffix, found by bisection),
    re-splits only the changed region and moves the findings after it, so its cost follows the size of the
    edit and the number of findings after it, not the length of the story. The document's style (apostrophe and
    variety) is kept as running counts; when an edit changes it, every paragraph is checked again.
    """

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.checked_paragraphs = 0
        self._text: str | None = None
        self._lines: list[_Line] = []
        self._quotes = (0, 0)
        self._variety = VarietyCount()
        self._tense = TenseCount()
        self._known: dict[tuple[str, TextStyle], list[Match]] = {}

    @property
    def style(self) -> TextStyle:
        """The style the current findings were computed with."""
        return self.checker.style_for(*self._quotes, self._variety, self._tense)

    def update(self, text: str) -> list[Match]:
        """Every finding in the new full ``text`` (the same as ``checker.check(text)``)."""
        old = self._text
        if old is None:
            self._rebuild(text)
        elif old != text:
            prefix = _common_prefix(old, text)
            suffix = _common_suffix(old, text, min(len(old), len(text)) - prefix)
            old_end = len(old) - suffix
            new_end = len(text) - suffix
            curly = self._quotes[0] - old.count("’", prefix, old_end) + text.count("’", prefix, new_end)
            straight = self._quotes[1] - old.count("'", prefix, old_end) + text.count("'", prefix, new_end)
            self._splice(text, prefix, old_end, len(text) - len(old), (curly, straight))
        self._text = text
        found: list[Match] = []
        for line in self._lines:
            found.extend(line.absolute)
        return found

    def _check(self, text: str, style: TextStyle) -> list[Match]:
        key = (text, style)
        relative = self._known.get(key)
        if relative is None:
            relative = self._known[key] = self.checker.check_paragraph(text, style)
            self.checked_paragraphs += 1
        return relative

    def _line(self, offset: int, text: str, style: TextStyle, variety: VarietyCount, tense: TenseCount) -> _Line:
        relative = self._check(text, style)
        return _Line(offset, text, relative, [match.shifted(offset) for match in relative], variety, tense)

    def _rebuild(self, text: str) -> None:
        self._quotes = (text.count("’"), text.count("'"))
        found = paragraphs(text)
        counts = [self.checker.variety_count(paragraph) for _offset, paragraph in found]
        total = VarietyCount()
        for count in counts:
            total += count
        self._variety = total
        tenses = [count_tense(paragraph) for _offset, paragraph in found]
        self._tense = sum(tenses, TenseCount())
        style = self.style
        self._lines = [self._line(offset, paragraph, style, count, tense)
                       for (offset, paragraph), count, tense in zip(found, counts, tenses, strict=True)]
        self._known = {(line.text, style): line.relative for line in self._lines}

    def _splice(self, text: str, start: int, old_end: int, delta: int, quotes: tuple[int, int]) -> None:
        """Replace the lines touching ``old[start:old_end]`` and shift the ones after it by ``delta``."""
        lines = self._lines
        offsets = [line.offset for line in lines]
        # Lines that end before the edit (and whose line break is untouched) stay as they are.
        first = bisect.bisect_left(offsets, start)
        while first > 0 and lines[first - 1].offset + len(lines[first - 1].text) >= start:
            first -= 1
        # Lines that start after the edit (and after the line break before them) only move.
        last = bisect.bisect_right(offsets, old_end)
        region_start = lines[first - 1].offset + len(lines[first - 1].text) if first else 0
        region_end = lines[last].offset + delta if last < len(lines) else len(text)
        found = [(region_start + offset, paragraph) for offset, paragraph in paragraphs(text[region_start:region_end])]
        counts = [self.checker.variety_count(paragraph) for _offset, paragraph in found]
        variety = self._variety
        for line in lines[first:last]:
            variety -= line.variety
        for count in counts:
            variety += count
        tenses = [count_tense(paragraph) for _offset, paragraph in found]
        tense = self._tense
        for line in lines[first:last]:
            tense -= line.tense
        for each in tenses:
            tense += each
        old_style = self.style
        self._quotes, self._variety, self._tense = quotes, variety, tense
        style = self.style
        if style != old_style:
            self._rebuild(text)  # every suggestion that adds an apostrophe, every spelling or tense may change
            return
        middle = [self._line(offset, paragraph, style, count, each)
                  for (offset, paragraph), count, each in zip(found, counts, tenses, strict=True)]
        after = lines[last:]
        if delta:
            after = [_Line(line.offset + delta, line.text, line.relative,
                           [match.shifted(delta) for match in line.absolute], line.variety, line.tense)
                     for line in after]
        self._lines = lines[:first] + middle + after
        if len(self._known) > 2 * len(self._lines) + 64:
            self._known = {(line.text, style): line.relative for line in self._lines}


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix, by bisection over slices (C speed, O(n) copying at worst)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the longest common suffix, at most ``limit``."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:len(a) - low] == b[len(b) - middle:len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low
