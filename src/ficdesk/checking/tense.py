"""A document's narrative tense (past or present), judged cheaply from its narration.

Only narration counts: quoted speech and ``*italic*`` thoughts are cut out first, since dialogue is in any tense.
Evidence is a subject pronoun directly followed by a finite verb whose form shows the tense: "she was", "he
turned", "they said" are past; "she is", "he turns", "they are" are present. No tagger is needed, so every
paragraph can be counted on every edit. The document's tense is decided only when the evidence is plentiful and
clear (:data:`MIN_VERBS` verbs in :data:`MIN_PARAGRAPHS` paragraphs, :data:`SHARE` of them in one tense);
otherwise it is "" and the tense rule stays quiet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ficdesk.checking.speech import Quote, quotes

PAST = "past"
PRESENT = "present"
MIN_VERBS = 12
MIN_PARAGRAPHS = 2
SHARE = 0.8

_ITALICS = re.compile(r"\*[^*\n]+\*|(?<!\w)_[^_\n]+_(?!\w)")
_EVIDENCE = re.compile(r"\b([Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[A-Z][a-z]+)\b(?=\s+([a-z]+)\b)")
#: Capitalised words that are not the names evidence is about.
_NOT_NAMES = frozenset({
    "the", "a", "an", "then", "but", "and", "or", "so", "when", "if", "this", "that", "these", "those", "it", "his",
    "her", "their", "my", "our", "your", "its", "there", "here", "as", "at", "in", "on", "of", "for", "with", "by",
    "from", "to", "after", "before", "while", "what", "who", "how", "why", "where", "all", "some", "no", "one",
    "every", "each", "now", "just", "only", "even", "still", "maybe", "perhaps", "once", "nothing", "everything",
    "someone", "something", "everyone", "nobody", "you", "me", "him", "them", "us", "not", "yes", "oh", "well",
})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "said", "made", "took", "went", "came", "saw", "knew", "thought", "felt", "got",
    "gave", "told", "found", "left", "stood", "sat", "ran", "began", "kept", "held", "brought", "heard", "meant",
    "fell", "caught", "led", "fled", "sped", "lost", "paid", "met", "slept", "spoke", "wrote", "drove", "rode",
    "woke", "froze", "chose", "broke", "stole", "shook", "threw", "grew", "drew", "wore", "tore", "swore", "hid",
    "bit", "ate", "drank", "sang", "rang", "swam", "sank", "became", "forgot", "understood", "bent", "sent", "spent",
    "built", "lit", "sought", "taught", "bought", "fought", "swung", "hung", "stuck", "struck", "dug", "slid",
})
_PRESENT_WORDS = frozenset({"is", "are", "am", "has", "have", "does", "do", "says", "goes"})
#: Words ending in "s" or "ed" after a pronoun that are not verbs of that tense.
_NOT_EVIDENCE = frozenset({"always", "perhaps", "sometimes", "nevertheless", "afterwards", "towards", "was", "has",
                           "is", "does", "us", "less", "unless", "as", "thus", "plus", "yes", "this",
                           "need", "feed", "bleed", "speed", "proceed", "succeed", "exceed", "heed", "indeed",
                           "shed", "wed", "bed", "red", "bred", "seed", "weed"})
_PLURAL = frozenset({"they", "i", "we"})


@dataclass(frozen=True, slots=True)
class TenseCount:
    """Past and present finite verbs in a text's narration, and whether the text had any (a paragraph counts)."""

    past: int = 0
    present: int = 0
    paragraphs: int = 0

    def __add__(self, other: TenseCount) -> TenseCount:
        return TenseCount(self.past + other.past, self.present + other.present, self.paragraphs + other.paragraphs)

    def __sub__(self, other: TenseCount) -> TenseCount:
        return TenseCount(self.past - other.past, self.present - other.present, self.paragraphs - other.paragraphs)

    @property
    def tense(self) -> str:
        """``PAST``, ``PRESENT``, or "" when the evidence is too thin or too mixed."""
        total = self.past + self.present
        if total < MIN_VERBS or self.paragraphs < MIN_PARAGRAPHS:
            return ""
        if self.past >= SHARE * total:
            return PAST
        if self.present >= SHARE * total:
            return PRESENT
        return ""


@lru_cache(maxsize=16_384)
def narration(text: str) -> str:
    """``text`` with quoted speech and italic thoughts blanked out (offsets kept).

    Cached by text: the document's tense and the tense rule both read every paragraph's narration.
    """
    blanked = text
    spans = quotes(text)
    if spans:
        pieces: list[str] = []
        done = 0  # text[:done] is settled
        for quote in sorted(spans, key=_OPEN):
            start = max(quote.open, 0, done)
            end = quote.close + 1 if quote.closed else len(text)
            if end > start:
                pieces += (text[done:start], " " * (end - start))
                done = end
        pieces.append(text[done:])
        blanked = "".join(pieces)
    if "*" in blanked or "_" in blanked:
        blanked = _ITALICS.sub(lambda found: " " * len(found.group()), blanked)
    return blanked


def _OPEN(quote: Quote) -> int:
    return quote.open


def count_tense(paragraph: str) -> TenseCount:
    """The tense evidence in one paragraph's narration."""
    past = present = 0
    for subject, verb in _EVIDENCE.findall(narration(paragraph)):
        subject = subject.lower()
        if subject in _NOT_NAMES:
            continue
        if verb in _PAST_WORDS:
            past += 1
        elif verb in _PRESENT_WORDS:
            present += 1
        elif verb in _NOT_EVIDENCE:
            continue
        elif verb.endswith("ed") and len(verb) > 4:
            past += 1
        elif subject not in _PLURAL and verb.endswith("s") and not verb.endswith(("ss", "us", "is")) and len(verb) > 3:
            present += 1
    return TenseCount(past, present, 1 if past or present else 0)
