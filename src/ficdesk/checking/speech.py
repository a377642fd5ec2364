"""Speech verbs and quotation marks: what dialogue rules need to tell a speech tag from an action beat.

The verb list is written from English usage (verbs that report speech or a sound made while speaking), in
past and present tense, since fic is narrated in both. Verbs that only sometimes report speech and mostly
describe an action ("smiled", "laughed", "nodded", "shrugged", "grinned") are beats and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Verbs that report speech whatever follows them.
_SPEECH = _words("""
    say ask reply respond whisper mutter murmur mumble shout yell scream shriek exclaim retort hiss sneer purr
    mew meow squeak chirp chitter interrupt remark comment state suggest declare announce insist demand repeat
    explain agree admit tease joke quip drawl stammer stutter sob whine whimper growl snarl bark bellow roar
    groan grumble sigh breathe gasp scoff snort huff grunt protest object argue complain confess concede
    counter blurt greet yelp screech rasp croak coo croon inquire enquire query muse plead beg assure reassure
    promise swear curse scold chide boast brag taunt mock prompt urge soothe console venture volunteer supply
    remind warn tell howl wail squeal squawk trill lisp slur intone grouse gripe moan pant rumble persist
    reason guess recall correct apologise apologize acknowledge affirm assent chant bleat cheep yap yip hoot
    bluster sputter splutter chatter babble gush rant rave mouth
""")
#: Verbs that report speech only when no object of another kind follows: "he added quietly" but "he added sugar".
_AMBIGUOUS = _words("""
    call cry add note offer continue observe finish order answer speak challenge point sing start begin inform
    think snap spit shoot fire press
""")
_IRREGULAR = {
    "say": ("said", "says"), "tell": ("told", "tells"), "speak": ("spoke", "speaks"), "swear": ("swore", "swears"),
    "sing": ("sang", "sings"), "begin": ("began", "begins"), "think": ("thought", "thinks"),
    "spit": ("spat", "spits"), "shoot": ("shot", "shoots"), "snap": ("snapped", "snaps"),
    "quip": ("quipped", "quips"), "sob": ("sobbed", "sobs"), "admit": ("admitted", "admits"),
    "beg": ("begged", "begs"), "yap": ("yapped", "yaps"), "yip": ("yipped", "yips"),
    "chitter": ("chittered", "chitters"), "plead": ("pleaded", "pleads"),
}


def _forms(base: str) -> tuple[str, ...]:
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if base.endswith("e"):
        return base, base + "d", base + "s"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base, base[:-1] + "ied", base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base, base + "ed", base + "es"
    return base, base + "ed", base + "s"


SPEECH_VERBS = frozenset(form for base in _SPEECH for form in _forms(base)[1:])
AMBIGUOUS_SPEECH_VERBS = frozenset(form for base in _AMBIGUOUS for form in _forms(base)[1:]) - SPEECH_VERBS
ALL_SPEECH_VERBS = SPEECH_VERBS | AMBIGUOUS_SPEECH_VERBS
#: Sounds that are also actions on their own: after a full quotation ("So it is." Jo sighed.) they are a beat;
#: after a comma or no mark at all they are a tag.
SOUND_VERBS = frozenset(form for base in _words("sigh groan gasp sob huff snort scoff grunt moan pant whimper breathe")
                        for form in _forms(base)[1:])

DOUBLE_QUOTES = "\"“”"
SINGLE_QUOTES = "'‘’"
_DOUBLE_MARK = re.compile("[\"“”]")
_SINGLE_MARK = re.compile("['‘’]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in one paragraph: ``open`` and ``close`` are the offsets of its marks.

    ``close`` is -1 when the quotation runs on past the paragraph, ``open`` -1 when it began in an earlier one.
    """

    open: int
    close: int
    double: bool

    @property
    def closed(self) -> bool:
        return self.close >= 0


def double_quotes(text: str) -> list[Quote]:
    """The paragraph's double-quoted spans: curly marks by their shape, straight ones by alternation."""
    found: list[Quote] = []
    opened = -1
    for mark in _DOUBLE_MARK.finditer(text):
        index, char = mark.start(), mark.group()
        if opened < 0 and not found and (char == "”" or (char == '"' and _closing(text, index))):
            found.append(Quote(-1, index, True))  # speech carried over from the paragraph before
        elif char == "“" or (char == '"' and opened < 0):
            if opened >= 0:
                found.append(Quote(opened, -1, True))
            opened = index
        elif opened >= 0:
            found.append(Quote(opened, index, True))
            opened = -1
    if opened >= 0:
        found.append(Quote(opened, -1, True))
    return found


def _closing(text: str, index: int) -> bool:
    """Whether a straight quote can only close: right after punctuation, before a space or the line end."""
    return index > 0 and text[index - 1] in ".,!?…—–-" and text[index + 1:index + 2] in {"", " "}


#: Words that start with an elision mark, not an opening quote: "'cause", "'em".
_ELIDED = ("cause", "em", "til", "bout", "round", "n", "tis", "twas", "kay", "course", "cept", "fore", "ere",
           "im", "er", "ow", "ello", "appen", "alf", "ave", "ad", "ome", "is", "e")


def single_quotes(text: str) -> list[Quote]:
    """Single-quoted speech (British style), conservatively.

    It opens at a word start after a space, a dash or the line start, and closes only at a mark right after
    punctuation (``.’`` ``,’`` ``!’`` ``?’``), which no apostrophe can be. Quotations that close any other
    way are not reported.
    """
    found: list[Quote] = []
    opened = -1
    for mark in _SINGLE_MARK.finditer(text):
        index, char = mark.start(), mark.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if opened < 0:
            if char in "‘'" and (before.isspace() or before in "—–(") and after.isalnum():
                word = text[index + 1:index + 8].split(" ")[0].rstrip(".,!?").lower()
                if word not in _ELIDED:
                    opened = index
        elif char in "’'" and before in ".,!?…—–-" and not after.isalnum():
            found.append(Quote(opened, index, False))
            opened = -1
    return found


def quotes(text: str) -> list[Quote]:
    """Double-quoted spans, or single-quoted ones in a paragraph without double quotes."""
    return list(_quotes(text))


@lru_cache(maxsize=64)
def _quotes(text: str) -> tuple[Quote, ...]:
    """:func:`quotes`, kept for the last paragraphs: several rules ask for the same paragraph's quotations."""
    if _DOUBLE_MARK.search(text):
        return tuple(double_quotes(text))
    if _SINGLE_MARK.search(text):
        return tuple(single_quotes(text))
    return ()


def inside_quote(spans: list[Quote], position: int, length: int) -> bool:
    return any(q.open < position and ((q.close < 0 and position < length) or position < q.close) for q in spans)
