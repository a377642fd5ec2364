"""Spelling against the bundled en-GB / en-US word lists.

Precision first: capitalised words (names), shouted words, words with digits, elongated interjections
("sooo") and words with no dictionary word one edit away are not flagged. Suggestions are ranked by
:mod:`ficdesk.checking.spelling_suggest` (slip cost against word frequency). A word of the other variety
("color" in en-GB) is flagged with this variety's spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.spelling_suggest import suggest
from ficdesk.checking.tokens import Paragraph

_CLITICS = ("'s", "'d", "'ll", "'ve", "'re", "'m")
_ELONGATED = re.compile(r"(.)\1\1")
_PART = re.compile(r"[^\-‐]+")


@rule("spelling", Category.SPELLING, "spelling")
def spelling(para: Paragraph, env: Env) -> Iterator[Match]:
    lexicon = env.lexicon
    known = lexicon.words
    for word in para.words:
        text = word.text
        if text in known or word.is_capitalised or (not text.isalpha() and not _plain(text)):
            continue
        for part in _PART.finditer(text):
            piece = part.group()
            norm = piece.replace("’", "'").replace("ʼ", "'")
            if len(norm) < 3 or norm[:1].isupper() or _known(norm, env) or _ELONGATED.search(norm):
                continue
            suggestions = suggest(norm, lexicon, frequency=env.frequency, near_only=True)
            if not suggestions:
                continue
            start = word.start + part.start()
            message = f"“{piece}” is not in the {env.config.language} dictionary."
            if env.other_lexicon.knows(norm):
                other = "American" if env.config.language == "en-GB" else "British"
                message = f"“{piece}” is the {other} spelling."
            styled = [para.styled(s, piece) if "'" in s else s for s in suggestions]
            yield para.match(start, start + len(piece), "spelling", Category.SPELLING, message, *styled)


def _plain(text: str) -> bool:
    """Letters with inner apostrophes or hyphens only (no digits, no other scripts' marks)."""
    return all(ch.isalpha() or ch in "'’ʼ-‐" for ch in text)


def _known(norm: str, env: Env) -> bool:
    lower = norm.lower()
    if lower in env.accepted or env.lexicon.knows(norm):
        return True
    if not norm.isascii():
        return True  # accented and foreign words: the lists cannot judge them
    if env.config.language == "en-GB" and "iz" in lower and env.lexicon.knows(lower.replace("iz", "is")):
        return True  # Oxford spelling: "realize", "agonizingly"
    for clitic in _CLITICS:
        if lower.endswith(clitic) and len(lower) > len(clitic):
            stem = norm[: -len(clitic)]
            return stem.lower() in env.accepted or env.lexicon.knows(stem)
    return False
