"""The "words today" tally: net words written today, never shown below zero.

An author who spends a morning cutting yesterday's scene has written nothing new, but has not "written
-300 words" either: the status bar shows 0 then. The tally itself stays net (words added minus words
removed, unfloored), so undoing a deletion puts the words back without counting them as new writing,
and words typed after a cut first make the cut good. A new day starts from zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DailyWords:
    """Net words (may be negative) changed on ``day``."""

    day: date
    net: int = 0

    def on(self, today: date) -> DailyWords:
        """The tally as of ``today``: one from an earlier day starts again at zero."""
        return self if self.day == today else DailyWords(today)

    def add(self, delta: int, today: date) -> DailyWords:
        """The tally after a save that changed the chapter's count by ``delta`` words."""
        current = self.on(today)
        return DailyWords(today, current.net + delta)

    def shown(self, today: date) -> int:
        """What the author is shown for ``today``: the net count, never below zero."""
        return max(0, self.on(today).net)
