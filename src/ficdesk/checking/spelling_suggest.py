"""Spelling suggestions: dictionary words close to a misspelling, the likeliest first.

Ranking is a small noisy-channel model. A candidate's score is the cost of the slips that would turn it into the
misspelling minus its Zipf frequency (log10 of occurrences per billion words, see :mod:`frequency`). Costs are in
the same log10 units: a slip that costs 1 is taken to be about ten times rarer than typing the word right, so one
point of cost weighs as much as a factor of ten in how common the word is. Slips people make all the time are cheap
(a wrong vowel "seperate", a dropped or doubled letter "definatly", "untill", a missing apostrophe "couldnt"); typing
slips cost a little more (swapped letters, a neighbouring key); anything else is dear, and a wrong first letter,
which writers rarely get wrong, costs one more. Edit distance alone would offer "defiantly" for "definatly" (one
swap); the frequency term prefers "definitely" (two cheap slips, a hundred times more common).

Candidates are the lexicon words one edit away, two words run together ("alot" -> "a lot") and, through a
sound-alike index of common words (vowels dropped, doubled letters single), words further away ("tounge" ->
"tongue").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from ficdesk.checking import lexicon as lx
from ficdesk.checking.data import checker_data
from ficdesk.checking.frequency import Frequencies, frequencies
from ficdesk.checking.lexicon import Lexicon

_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_VOWELS = frozenset("aeiouy")  # for substitutions: "happyness"
_GAP_VOWELS = frozenset("aeiou")  # for letters left out or added: "definatly", "truely" (not "finaly" -> "final")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, str] = {}
for _row_index, _row in enumerate(_ROWS):
    for _col, _key in enumerate(_row):
        near = _row[max(0, _col - 1):_col] + _row[_col + 1:_col + 2]
        for _other in (_row_index - 1, _row_index + 1):
            if 0 <= _other < len(_ROWS):
                near += _ROWS[_other][max(0, _col - 1):_col + 2]
        _NEIGHBOURS[_key] = near

#: Costs of single slips (log10 units, see the module docstring).
VOWEL_FOR_VOWEL = 1.0
NEIGHBOUR_KEY = 1.5
OTHER_LETTER = 2.5
SWAP = 1.5
DOUBLING = 1.0  # a letter doubled or undoubled: "untill", "tomorow"
VOWEL_GAP = 1.0  # a vowel dropped or added: "definatly", "truely"
APOSTROPHE_GAP = 0.2  # "couldnt", "youre": often left out on purpose
OTHER_GAP = 2.0
FIRST_LETTER = 1.0  # extra, when the first letters differ
RUN_TOGETHER = 1.0  # "alot" for "a lot"
#: Sound-alike candidates further than this are not offered.
MAX_SOUND_ALIKE_COST = 3.0
#: Words at least this common (Zipf) go into the sound-alike index.
COMMON = 3.0
#: Words run together ("alot") are split only into words this common (once in ten thousand words).
VERY_COMMON = 5.0


def edits(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away from ``word``."""
    found: set[str] = set()
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            found.add(left + right[1:])
            for letter in _LETTERS:
                found.add(left + letter + right[1:])
        if len(right) > 1:
            found.add(left + right[1] + right[0] + right[2:])
        for letter in _LETTERS:
            found.add(left + letter + right)
    found.discard(word)
    found.discard("")
    return found


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return VOWEL_FOR_VOWEL
    return NEIGHBOUR_KEY if b in _NEIGHBOURS.get(a, "") else OTHER_LETTER


def _gap(word: str, index: int) -> float:
    """Cost of ``word[index]`` being left out (or added): cheap when it doubles a neighbour or is a vowel."""
    char = word[index]
    if (index and word[index - 1] == char) or word[index + 1:index + 2] == char:
        return DOUBLING
    if char in _GAP_VOWELS:
        return VOWEL_GAP
    return APOSTROPHE_GAP if char == "'" else OTHER_GAP


def slip_cost(typed: str, meant: str) -> float:
    """Cheapest slips turning ``meant`` into ``typed`` (a weighted optimal-string-alignment distance)."""
    cols = len(meant) + 1
    meant_gaps = [_gap(meant, j) for j in range(len(meant))]
    previous2: list[float] = []
    previous = [0.0] * cols
    for j in range(1, cols):
        previous[j] = previous[j - 1] + meant_gaps[j - 1]
    before = ""
    for i, char in enumerate(typed):
        gap = _gap(typed, i)
        costs = _SUBSTITUTIONS.get(char)
        if costs is None:
            costs = _SUBSTITUTIONS.setdefault(char, {})
        left = previous[0] + gap
        current = [left]
        swappable = i > 0 and char != before
        for j in range(1, cols):
            other = meant[j - 1]
            substitution = costs.get(other)
            if substitution is None:
                substitution = costs[other] = _substitution(char, other)
            # The cheapest of a typed letter added, a meant letter left out and a substitution (the same value as
            # min() of the three, without the call).
            best = previous[j] + gap
            cost = left + meant_gaps[j - 1]
            if cost < best:
                best = cost
            cost = previous[j - 1] + substitution
            if cost < best:
                best = cost
            if swappable and j > 1 and char == meant[j - 2] and before == other:
                cost = previous2[j - 2] + SWAP
                if cost < best:
                    best = cost
            current.append(best)
            left = best
        previous2, previous = previous, current
        before = char
    cost = previous[-1]
    if typed[:1] != meant[:1]:
        cost += FIRST_LETTER
    return cost


#: Substitution costs by typed letter, then meant letter (filled as met: a slip cost's inner loop looks them up).
_SUBSTITUTIONS: dict[str, dict[str, float]] = {}


def sound_key(word: str) -> str:
    """``word`` without vowels after its first letter, doubled letters single: "tongue" and "tounge" -> "tng"."""
    return word[:1] + _DOUBLES.sub(r"\1", _NOT_KEY.sub("", word[1:]))


_DOUBLES = re.compile(r"(.)\1+")
_NOT_KEY = re.compile(r"[aeiouy']")
_index_lock = threading.Lock()
_sound_index: dict[str, str] | None = None
_doubled: dict[str, str] | None = None


def _blocks(text: str) -> dict[str, str]:
    """A prebuilt index of ``checker-en.dat`` (a block of keys, a block of space-separated words): key -> words."""
    keys, words = text.split("\x1e")
    return dict(zip(keys.split("\n"), words.split("\n"), strict=True))


def _sound_alikes_of(word: str, lexicon: Lexicon, frequency: Frequencies) -> list[str]:
    """Common words of ``lexicon`` with the :func:`sound_key` of ``word``.

    The index of every word at least :data:`COMMON` by its sound key is prebuilt in ``checker-en.dat`` (the
    ``frequency`` table is the same data) and read on first need.
    """
    global _sound_index
    if _sound_index is None:
        with _index_lock:
            if _sound_index is None:
                _sound_index = _blocks(checker_data().sound_alikes())
    found = _sound_index.get(sound_key(word))
    if not found:
        return []
    words = lexicon.words
    return [known for known in found.split(" ") if known in words]


def skeleton(word: str) -> str:
    """``word`` with doubled letters single: "tommorow" and "tomorrow" both give "tomorow"."""
    return _DOUBLES.sub(r"\1", word)


def _doubled_words() -> dict[str, str]:
    """Skeleton -> the lower-case words with a doubled letter that have it, space-separated (prebuilt)."""
    global _doubled
    if _doubled is None:
        with _index_lock:
            if _doubled is None:
                _doubled = _blocks(checker_data().doubled())
    return _doubled


def _doubles_fallback(word: str, lexicon: Lexicon) -> list[str]:
    """Words a doubled letter and one edit away ("comittee"), when nothing nearer exists."""
    doubled = _doubled_words()
    words = lexicon.words
    short = skeleton(word)
    variants = {short} | edits(short)
    found: set[str] = set()
    for variant in variants & doubled.keys():
        found.update(doubled[variant].split(" "))
    # A word without doubled letters is its own skeleton.
    found.update(variant for variant in words.among(variants) if variant.islower() and skeleton(variant) == variant)
    found.discard(word)
    return sorted(words.among(found))


_SPLIT_WORDS = lx.DETERMINERS | lx.PREPOSITIONS


def _run_together(word: str, lexicon: Lexicon, frequency: Frequencies) -> Iterable[tuple[str, float]]:
    """Splits of ``word`` into a determiner or preposition and a very common word ("infront", "eachother").

    Each comes with the rarer word's frequency, which approximates the phrase's: such pairs are usually set phrases
    ("in front", "each other"). Compounds the lexicon lacks ("lightsaber", "carefull") are not split.
    """
    words = lexicon.words
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        function, other = (left, right) if left in _SPLIT_WORDS else (right, left)
        if function in _SPLIT_WORDS and len(other) > 1 and left in words and right in words:
            zipf = min(frequency.zipf(left), frequency.zipf(right))
            if zipf >= VERY_COMMON:
                yield f"{left} {right}", zipf


#: Clitics a missing apostrophe leaves glued to a word: "whats" -> "what's", "todays" -> "today's".
_CLITICS = ("s", "ll", "re", "ve", "d", "m")


def _apostrophe_restored(word: str, lexicon: Lexicon, frequency: Frequencies) -> Iterable[tuple[str, float]]:
    """``word`` with the apostrophe of a contraction or possessive put back, when what precedes it is a word.

    Possessives and most contractions are not in the word lists (the checker strips them), so they are offered
    here, with the frequency of the word they attach to.
    """
    words = lexicon.words
    for clitic in _CLITICS:
        stem = word[:-len(clitic)]
        if word.endswith(clitic) and len(stem) > 1 and stem in words and (clitic == "s" or stem in _CONTRACTING):
            yield f"{stem}'{clitic}", frequency.zipf(stem)


#: Words that take a contracted auxiliary ("you'll", "they're", "we've", "I'd", "I'm").
_CONTRACTING = lx.SUBJECT_PRONOUNS | frozenset({"that", "there", "who", "what", "where", "how", "it", "this"})


#: Ranked candidates of words seen before, per (word, variety, near_only): repeated unknown words (a fandom's
#: terms, an author's habitual slips) and re-checks of an edited paragraph cost nothing.
_RANKED_LIMIT = 50_000
_ranked: dict[tuple[str, str, bool], list[tuple[float, str]]] = {}


def ranked(word: str, lexicon: Lexicon, frequency: Frequencies | None = None,
           near_only: bool = False) -> list[tuple[float, str]]:
    """Candidates for ``word`` with their scores (slip cost minus Zipf frequency), best first (do not mutate)."""
    shared = frequency is None or frequency is frequencies()
    key = (word.lower(), lexicon.language, near_only)
    if shared:
        found = _ranked.get(key)
        if found is not None:
            return found
    found = _rank(word, lexicon, frequencies() if frequency is None else frequency, near_only)
    if shared:
        if len(_ranked) >= _RANKED_LIMIT:
            _ranked.clear()
        _ranked[key] = found
    return found


def _rank(word: str, lexicon: Lexicon, frequency: Frequencies, near_only: bool) -> list[tuple[float, str]]:
    lower = word.lower()
    words = lexicon.words
    costs = {candidate: slip_cost(lower, candidate) for candidate in words.among(edits(lower))}
    if not costs:
        for candidate in _doubles_fallback(lower, lexicon):
            costs[candidate] = slip_cost(lower, candidate)
    split = [(RUN_TOGETHER - zipf, pair) for pair, zipf in _run_together(lower, lexicon, frequency)]
    restored = [(APOSTROPHE_GAP - zipf, form) for form, zipf in _apostrophe_restored(lower, lexicon, frequency)
                if form not in costs]
    if near_only and not costs and not split and not restored:
        return []
    for candidate in _sound_alikes_of(lower, lexicon, frequency):
        if candidate != lower and candidate not in costs:
            cost = slip_cost(lower, candidate)
            if cost <= MAX_SOUND_ALIKE_COST:
                costs[candidate] = cost
    scored = [(cost - frequency.zipf(candidate), candidate) for candidate, cost in costs.items()] + split + restored
    scored.sort()
    return scored


def suggest(word: str, lexicon: Lexicon, limit: int = 5, frequency: Frequencies | None = None,
            near_only: bool = False) -> list[str]:
    """Up to ``limit`` corrections of ``word``, best first (see the module docstring for the ranking).

    With ``near_only``, nothing is returned unless a word one edit (or a doubled letter and one edit) away exists,
    two words ran together or an apostrophe was left out: the spelling rule stays quiet on unknown words far from
    every dictionary word (fandom words, slang), and sound-alikes only take part in the ranking.
    """
    out = [candidate for _score, candidate in ranked(word, lexicon, frequency, near_only)[:limit]]
    if word[:1].isupper():
        out = [candidate[:1].upper() + candidate[1:] for candidate in out]
    return out


def distance_one(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[
            diffs[0]]
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))
