"""The built-in engine: text in, sorted matches out, paragraph by paragraph.

Rules see one paragraph (line) at a time, so a paragraph's findings depend only on its text, the
author's apostrophe style and the configuration. That makes :class:`Document` cheap: it keeps each
paragraph's findings keyed by the paragraph's text and re-runs the rules only on paragraphs that changed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ficdesk.checking.env import CheckerConfig, Env
from ficdesk.checking.model import Match
from ficdesk.checking.registry import Rule, all_rules
from ficdesk.checking.tokens import LINE_ENDS, Paragraph, paragraphs

_CONTEXT_WIDTH = 40


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
    return text[max(line_start, match.start - _CONTEXT_WIDTH):min(line_end, match.end + _CONTEXT_WIDTH)]


class Checker:
    """Checks text with every rule that the configuration does not switch off."""

    def __init__(self, config: CheckerConfig | None = None) -> None:
        self.config = config or CheckerConfig()
        self.env = Env(self.config)
        self.rules: list[Rule] = [r for r in all_rules() if r.id not in self.config.ignored_rules]
        self.env.lexicon  # noqa: B018  (load the word list and frequencies now, not on the first keystroke)
        self.env.frequency  # noqa: B018

    def check(self, text: str) -> list[Match]:
        """Every finding in ``text``, sorted by position; offsets are code points into ``text``."""
        style = apostrophe_style(text)
        found: list[Match] = []
        for offset, paragraph in paragraphs(text):
            found.extend(match.shifted(offset) for match in self.check_paragraph(paragraph, style))
        return found

    def check_paragraph(self, text: str, apostrophe: str = "'") -> list[Match]:
        """Findings in one line of text, offsets relative to it, ignored spots left out."""
        para = Paragraph(text, apostrophe)
        found: list[Match] = []
        taken: list[tuple[int, int]] = []
        for rule in self.rules:
            for match in rule.run(para, self.env):
                if any(match.start < end and start < match.end for start, end in taken):
                    continue  # an earlier rule already explains this span
                found.append(match)
                taken.append((match.start, match.end))
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


class Document:
    """Re-checks a changing text, running the rules only on paragraphs whose text changed.

    ``update`` compares the new text with the previous one (common prefix and suffix, found by bisection),
    re-splits only the changed region and moves the findings after it, so its cost follows the size of the
    edit and the number of findings after it, not the length of the story.
    """

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.checked_paragraphs = 0
        self._text: str | None = None
        self._lines: list[_Line] = []
        self._quotes = (0, 0)
        self._known: dict[tuple[str, str], list[Match]] = {}

    def update(self, text: str) -> list[Match]:
        """Every finding in the new full ``text`` (the same as ``checker.check(text)``)."""
        old = self._text
        if old is None:
            self._rebuild(text)
        elif old != text:
            prefix = _common_prefix(old, text)
            suffix = _common_suffix(old, text, min(len(old), len(text)) - prefix)
            old_end, new_end = len(old) - suffix, len(text) - suffix
            curly = self._quotes[0] - old.count("’", prefix, old_end) + text.count("’", prefix, new_end)
            straight = self._quotes[1] - old.count("'", prefix, old_end) + text.count("'", prefix, new_end)
            if _style(curly, straight) != _style(*self._quotes):
                self._rebuild(text)  # every suggestion that adds an apostrophe changes
            else:
                self._splice(text, prefix, old_end, len(text) - len(old))
                self._quotes = (curly, straight)
        self._text = text
        found: list[Match] = []
        for line in self._lines:
            found.extend(line.absolute)
        return found

    def _check(self, text: str) -> list[Match]:
        key = (text, _style(*self._quotes))
        relative = self._known.get(key)
        if relative is None:
            relative = self._known[key] = self.checker.check_paragraph(text, key[1])
            self.checked_paragraphs += 1
        return relative

    def _line(self, offset: int, text: str) -> _Line:
        relative = self._check(text)
        return _Line(offset, text, relative, [match.shifted(offset) for match in relative])

    def _rebuild(self, text: str) -> None:
        self._quotes = (text.count("’"), text.count("'"))
        self._lines = [self._line(offset, paragraph) for offset, paragraph in paragraphs(text)]
        self._known = {(line.text, _style(*self._quotes)): line.relative for line in self._lines}

    def _splice(self, text: str, start: int, old_end: int, delta: int) -> None:
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
        middle = [self._line(region_start + offset, paragraph)
                  for offset, paragraph in paragraphs(text[region_start:region_end])]
        after = lines[last:]
        if delta:
            after = [_Line(line.offset + delta, line.text, line.relative,
                           [match.shifted(delta) for match in line.absolute]) for line in after]
        self._lines = lines[:first] + middle + after
        if len(self._known) > 2 * len(self._lines) + 64:
            style = _style(*self._quotes)
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
