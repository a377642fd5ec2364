"""Spelling against the bundled en-GB / en-US word lists (plus ``informal-en.txt``: interjections, fandom words).

Precision first. Not flagged: names (capitalised words, except a sentence's first word when it is a clear slip of a
common word: "Definately"), shouted words, words with digits, stretched words ("sooo"), Roman numerals, dropped-g
forms of known words ("nothin'"), honorifics after a hyphen ("Naruto-kun"), anything inside a URL, an e-mail
address, an @handle, a #hashtag or a user_name, and words whose best suggestion is not a confident one (a rare word
or a costly slip: "kwami" is a word of its fandom, not a typo of "kami"). A word of the other variety ("color" in
en-GB) is flagged with this variety's spelling, unless the document mixes both varieties throughout. Suggestions are
ranked by :mod:`ficdesk.checking.spelling_suggest` (slip cost against word frequency); a left-out apostrophe is put
back first ("whats" -> "what's").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.spelling_suggest import ranked, slip_cost
from ficdesk.checking.tokens import APOSTROPHES, Paragraph, Word, normalise

_CLITICS = ("'s", "'d", "'ll", "'ve", "'re", "'m")
_ELONGATED = re.compile(r"(.)\1\1")
_PART = re.compile(r"[^\-‐]+")
#: Spans no word inside of which is checked: URLs, e-mail addresses, @handles, #hashtags, file names.
_NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)[@#][\w.\-]+|\b\w+\.(?:com|org|net|io|txt)\b",
                        re.IGNORECASE)
_ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
#: Words the lists keep (lemminflect gives them as plurals) that written English only has with an apostrophe.
APOSTROPHE_ONLY = frozenset({
    "whats", "thats", "todays", "tonights", "heres", "theres", "wheres", "whos", "hows", "everyones", "someones",
    "anyones", "nobodys", "somebodys", "everybodys", "anybodys",
})
#: Honorifics written after a name with a hyphen ("Sasuke-kun", "Hinata-sama").
HONORIFICS = frozenset({"san", "kun", "chan", "sama", "senpai", "sempai", "sensei", "dono", "tan", "chin", "nii",
                        "nee", "niisan", "neesan", "oniisan", "oneesan", "kohai", "shi", "ssi", "nim", "ah", "ya"})
#: A best suggestion must score at least this well (slip cost minus Zipf frequency) to be worth a flag.
CONFIDENT = -1.0
#: A capitalised first word of a sentence is flagged only for a cheap slip of a common word (names start
#: sentences too).
SENTENCE_START_CONFIDENT = -2.5
SENTENCE_START_MIN_LENGTH = 6
SENTENCE_START_MAX_COST = 1.5
#: Phrases commonly run together into one word, which no name resembles, so they are flagged at the start of a
#: sentence too ("Noone" is left out: it is a surname).
RUN_TOGETHER = {"alot": "a lot", "eachother": "each other", "atleast": "at least", "aswell": "as well",
                "everytime": "every time", "infront": "in front", "ontop": "on top", "inbetween": "in between",
                "alittle": "a little", "thankyou": "thank you"}


#: What a word alone gives: ``(offset, piece, message, suggestions)`` of each misspelt hyphen-free part.
_Findings = tuple[tuple[int, str, str, tuple[str, ...]], ...]


@rule("spelling", Category.SPELLING, "spelling")
def spelling(para: Paragraph, env: Env) -> Iterator[Match]:
    # What a word alone gives depends on the word and the Env only: each distinct word is judged once, and
    # a paragraph whose words have no findings is done after a few set operations. Where a word stands
    # (opening a sentence, in a URL, "nothin'") is looked at only for a word with findings.
    memo: dict[str, _Findings] = env.memo("spelling")
    texts = {word.text for word in para.words}
    new = texts.difference(memo)
    if new:
        known = env.lexicon.words.among(new)
        for text in new:
            memo[text] = (() if text in known and normalise(text) not in APOSTROPHE_ONLY
                          else _word_findings(text, env))
    flagged = {text for text in texts if memo[text]}
    if not flagged:
        return
    masked: list[tuple[int, int]] | None = None
    for index in para.indices({normalise(text) for text in flagged}):
        word = para.words[index]
        if word.text not in flagged:
            continue  # "paris" is unknown, "Paris" is not
        if word.is_capitalised and not _first_of_sentence(para, index):
            continue
        if masked is None:
            masked = _masked(para.text)
        if _not_prose(para, word, masked) or _dropped_g(para, word, env):
            continue
        for offset, piece, message, suggestions in memo[word.text]:
            start = word.start + offset
            styled = [para.styled(s, piece) if "'" in s else s for s in suggestions]
            yield para.match(start, start + len(piece), "spelling", Category.SPELLING, message, *styled)


def _word_findings(text: str, env: Env) -> _Findings:
    """The misspelt parts of ``text``, a word not in the lexicon or written without its apostrophe.

    A capitalised word is judged as the first word of a sentence (elsewhere it is a name and never flagged).
    """
    if not text.isalpha() and not _plain(text):
        return ()
    sentence_start = text[:1].isupper()
    split = RUN_TOGETHER.get(text.lower()) if sentence_start else None
    if split is not None:  # "Alot of people came": too short for the sentence-start check below, and no name
        return ((0, text, f"“{text}” is written as two words.", (split[:1].upper() + split[1:],)),)
    if sentence_start and not (text[1:].islower() and (len(text) >= SENTENCE_START_MIN_LENGTH
                                                       or normalise(text) in APOSTROPHE_ONLY)):
        return ()
    found = []
    for number, part in enumerate(_PART.finditer(text)):
        piece = part.group()
        if number and piece.lower() in HONORIFICS:
            continue
        checked = _check_piece(piece, env, sentence_start and number == 0)
        if checked is not None:
            message, suggestions = checked
            found.append((part.start(), piece, message, tuple(suggestions)))
    return tuple(found)


def _masked(text: str) -> list[tuple[int, int]]:
    """The spans of URLs, e-mail addresses, handles and file names in ``text``."""
    return [match.span() for match in _NOT_PROSE.finditer(text)] if _may_hold_markup(text) else []


def _not_prose(para: Paragraph, word: Word, masked: list[tuple[int, int]]) -> bool:
    """Whether ``word`` is inside a masked span or part of a user name or file name ("sentinel_fan")."""
    if masked and any(start <= word.start < end for start, end in masked):
        return True
    return para.text[word.start - 1:word.start] == "_" or para.text[word.end:word.end + 1] == "_"


def _check_piece(piece: str, env: Env, sentence_start: bool) -> tuple[str, list[str]] | None:
    """The message and suggestions for a misspelt ``piece`` (one hyphen-free part of a word), or None."""
    norm = piece.replace("’", "'").replace("ʼ", "'")
    if len(norm) < 3 or _ELONGATED.search(norm):
        return None
    lower = norm.lower()
    apostrophe_only = lower in APOSTROPHE_ONLY
    if not apostrophe_only and (_known(lower, env) if sentence_start else norm[:1].isupper() or _known(norm, env)):
        return None
    other_variety = env.other_lexicon.knows(norm)
    if other_variety and env.both_varieties:
        return None
    scored = ranked(lower, env.lexicon, env.frequency, near_only=True)
    if not scored:
        return None
    threshold = SENTENCE_START_CONFIDENT if sentence_start else CONFIDENT
    if not other_variety and not apostrophe_only and scored[0][0] >= threshold:
        return None
    if sentence_start:
        best = scored[0][1]
        if (" " in best or slip_cost(lower, best) > SENTENCE_START_MAX_COST
                or best.capitalize() in env.lexicon.words):
            return None  # a name may start the sentence: "Morgana" next to the name "Morgan"
    suggestions = [candidate for _score, candidate in scored[:5]]
    if piece[:1].isupper():
        suggestions = [candidate[:1].upper() + candidate[1:] for candidate in suggestions]
    message = f"“{piece}” is not in the {env.config.language} dictionary."
    if other_variety:
        other = "American" if env.config.language == "en-GB" else "British"
        message = f"“{piece}” is the {other} spelling."
    return message, suggestions


def _may_hold_markup(text: str) -> bool:
    return "@" in text or "#" in text or "://" in text or "www." in text or ".com" in text or ".txt" in text


def _first_of_sentence(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` opens a sentence after a full stop, question or exclamation mark (or the line)."""
    if index == 0:
        return True
    gap = para.gap_before(index)
    return any(mark in gap for mark in ".!?") and not any(mark in gap for mark in "“\"‘'")


def _dropped_g(para: Paragraph, word: Word, env: Env) -> bool:
    """A known "-ing" word written with its g left out and an apostrophe: "nothin'", "somethin’"."""
    return (word.norm.endswith("in") and para.char_after(word.index) in APOSTROPHES
            and env.lexicon.knows(word.norm + "g"))


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
    if _ROMAN.fullmatch(lower):
        return True  # "chapter xiv", "part ii"
    for clitic in _CLITICS:
        if lower.endswith(clitic) and len(lower) > len(clitic):
            stem = norm[: -len(clitic)]
            return stem.lower() in env.accepted or env.lexicon.knows(stem) or stem.lower() in APOSTROPHE_ONLY
    return False
