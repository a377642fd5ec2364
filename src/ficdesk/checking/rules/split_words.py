"""A compound written as two words: "every where" -> "everywhere", "hall way" -> "hallway", "bed room" -> "bedroom".

Flagged when the two words, joined, make a common word of the lexicon and either the pair is one of the closed
forms that are never two words ("every where", "some how", "no where", "any where", "some where", "any how"), or
both parts are content words that the lexicon knows as nouns (not function words, not verbs, adverbs or particles:
"work out", "may be", "every day", "in to", "no body" and "any way" are correct as two words and stay clean).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

#: Pairs that are never right as two words.
CLOSED = frozenset({("every", "where"), ("some", "how"), ("no", "where"), ("any", "where"), ("some", "where"),
                    ("any", "how"), ("her", "self"), ("him", "self"), ("them", "selves"), ("my", "self"),
                    ("your", "self"), ("it", "self")})
#: The joined word must be at least this common (Zipf): a word writers know, not a rare coinage.
COMMON = 3.0
_NOUN = frozenset({"NN", "NNS"})
_NOT_NOUN = frozenset({"VBD", "VBG", "VBN", "VBZ", "RB", "RBR", "RBS", "JJ", "JJR", "JJS"})

#: Function words, which are no half of a compound unless they are one of a closed pair ("some how").
_NEVER_FIRST = (lx.FUNCTION_WORDS | lx.PREPOSITIONS) - {first for first, _second in CLOSED}
_NEVER_SECOND = (lx.FUNCTION_WORDS | lx.PREPOSITIONS) - {second for _first, second in CLOSED}


@rule("split-word", Category.SPELLING, "compound written as two words")
def split_word(para: Paragraph, env: Env) -> Iterator[Match]:
    # Most neighbours join into no word at all: one set intersection of the joined pairs (of words that can be
    # halves of a compound) with the word list finds the few that do, and only those are looked at more closely.
    words = para.words
    norms = [word.norm for word in words]
    compounds = env.lexicon.words.among({a + b for a, b in pairwise(norms)
                                         if a not in _NEVER_FIRST and b not in _NEVER_SECOND})
    if not compounds:
        return
    for index in range(1, len(norms)):
        a, b = norms[index - 1], norms[index]
        if a in _NEVER_FIRST or b in _NEVER_SECOND:
            continue
        joined = a + b
        if joined not in compounds or not para.joined(index):
            continue
        first, second = words[index - 1], words[index]
        if para.text[first.end:second.start] != " ":
            continue
        if not a.isalpha() or not b.isalpha() or (second.is_capitalised and not first.is_capitalised):
            continue
        if env.frequency.zipf(joined) < COMMON:
            continue
        if (a, b) not in CLOSED and not (_noun(a, _NOT_NOUN) and _noun(b, _NOT_NOUN) and len(a) > 2 and len(b) > 2):
            continue
        fix = first.text + second.text.lower() if first.is_capitalised else joined
        yield para.match(first.start, second.end, "split-word", Category.SPELLING,
                         f"“{joined}” is written as one word.", fix)


def _noun(word: str, excluded: frozenset[str]) -> bool:
    if word in lx.FUNCTION_WORDS or word in lx.PREPOSITIONS:
        return False
    found = lx.tags(word)
    return bool(found & _NOUN) and not found & excluded
