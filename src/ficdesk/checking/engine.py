"""The built-in engine: text in, sorted matches out, paragraph by paragraph.

Rules see one paragraph (line) at a time, so a paragraph's findings depend only on its text, the
author's apostrophe style and the configuration. That makes :class:`Document` cheap: it keeps each
paragraph's findings keyed by the paragraph's text and re-runs the rules only on paragraphs that changed.
"""

from __future__ import annotations

from ficdesk.checking.env import CheckerConfig, Env
from ficdesk.checking.model import Match
from ficdesk.checking.registry import Rule, all_rules
from ficdesk.checking.tokens import Paragraph, paragraphs

_CONTEXT_WIDTH = 40


def apostrophe_style(text: str) -> str:
    """The apostrophe the author mostly uses: "’" or "'" (straight when there is none)."""
    return "’" if text.count("’") > text.count("'") else "'"


def spot_context(text: str, match: Match) -> str:
    """The text around ``match`` (within its line) that identifies an "ignore once" spot.

    It only depends on the match's own line, so edits elsewhere keep the ignored spot ignored.
    """
    line_start = max(text.rfind("\n", 0, match.start), text.rfind("\r", 0, match.start)) + 1
    ends = [found for found in (text.find("\n", match.end), text.find("\r", match.end)) if found != -1]
    line_end = min(ends) if ends else len(text)
    return text[max(line_start, match.start - _CONTEXT_WIDTH):min(line_end, match.end + _CONTEXT_WIDTH)]


class Checker:
    """Checks text with every rule that the configuration does not switch off."""

    def __init__(self, config: CheckerConfig | None = None) -> None:
        self.config = config or CheckerConfig()
        self.env = Env(self.config)
        self.rules: list[Rule] = [r for r in all_rules() if r.id not in self.config.ignored_rules]
        self.env.lexicon  # noqa: B018  (load the word list now, not on the first keystroke)

    def check(self, text: str) -> list[Match]:
        """Every finding in ``text``, sorted by position; offsets are code points into ``text``."""
        style = apostrophe_style(text)
        found: list[Match] = []
        for offset, paragraph in paragraphs(text):
            found.extend(match.shifted(offset) for match in self.check_paragraph(paragraph, style))
        return self.without_ignored(text, found)

    def check_paragraph(self, text: str, apostrophe: str = "'") -> list[Match]:
        """Findings in one line of text, offsets relative to it."""
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
        return found

    def without_ignored(self, text: str, found: list[Match]) -> list[Match]:
        spots = self.config.ignored_spots
        if not spots:
            return found
        return [match for match in found
                if (match.rule, text[match.start:match.end], spot_context(text, match)) not in spots]

    def document(self) -> Document:
        """An incremental checker for one document that changes over time (an open chapter)."""
        return Document(self)


class Document:
    """Re-checks a changing text, running the rules only on paragraphs whose text changed."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self._cache: dict[tuple[str, str], list[Match]] = {}
        self.checked_paragraphs = 0

    def update(self, text: str) -> list[Match]:
        """Every finding in the new full ``text`` (the same as ``checker.check(text)``)."""
        style = apostrophe_style(text)
        cache: dict[tuple[str, str], list[Match]] = {}
        found: list[Match] = []
        for offset, paragraph in paragraphs(text):
            key = (paragraph, style)
            matches = cache.get(key)
            if matches is None:
                matches = self._cache.get(key)
                if matches is None:
                    matches = self.checker.check_paragraph(paragraph, style)
                    self.checked_paragraphs += 1
                cache[key] = matches
            if matches:
                found.extend(match.shifted(offset) for match in matches)
        self._cache = cache
        return self.checker.without_ignored(text, found)
