"""What the canon builder knows about a document while it reads it: tokens, capitalisation counts, mentions.

Shared by the extractor (``extract``) and the type classifier (``classify``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ficdesk.canon.lexicon import (
    CONNECTORS,
    HONORIFICS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    ORG_HEADS,
    PLACE_HEADS,
    TITLE_SMALL_WORDS,
    WORK_HEADS,
    is_common_word,
)
from ficdesk.canon.model import EntityType
from ficdesk.canon.segment import Token, split_sentences, tokenize

QUOTES_OPEN = "\"“"
#: Small words that are never part of a person's name (particles such as "de" are connectors).
_NEVER_IN_NAMES = TITLE_SMALL_WORDS | {
    "under", "over", "without", "within", "against", "our", "my", "your", "his", "her", "its", "their", "this", "that",
}


@dataclass(slots=True)
class Mention:
    """One occurrence of a name in the text."""

    words: tuple[str, ...]
    start: int
    end: int
    sentence: int
    first: int  # index of the first token
    last: int  # index of the last token
    title: bool = False  # a quoted or italic title
    quoted: bool = False  # a title in quotation marks (episodes, short stories), not italics (whole works)
    #: Given in the text as another name of an entity named otherwise ("nicknamed X"): never its main name.
    given: bool = False
    family: bool = False  # "Mrs. Everdeen" where several people share the surname: the title stays part of it
    initial: bool = False  # starts its sentence
    after_the: bool = False  # preceded by a lowercase "the"
    weak: bool = False  # left over after trimming a sentence starter
    possessive: bool = False  # "Ianto's"
    #: The name as written (titles keep their punctuation: "Guards! Guards!").
    surface: str = ""
    #: Core of another name this one is known to share an entity with (a nickname).
    same_as: tuple[str, ...] | None = None
    #: The type its place in a glued "character actor" run gives it ("Jack Bauer Kiefer Sutherland").
    role: EntityType | None = None

    @property
    def form(self) -> str:
        return self.surface or " ".join(self.words)


@dataclass
class Group:
    forms: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Doc:
    text: str
    sentences: list[tuple[int, int]]
    tokens: list[Token]
    #: Per word form: capitalised mid-sentence, capitalised sentence-initially, lowercase.
    cap_mid: Counter[str]
    cap_start: Counter[str]
    lower: Counter[str]
    #: Token index by start offset.
    index: dict[int, int] = field(default_factory=dict)
    #: How often each capitalised word follows "the" mid-sentence ("the Watch").
    after_the: Counter[str] = field(default_factory=Counter)
    #: The one-word names found, once the mentions are known ("Cardassian" makes "Cardassians" a plural).
    single_names: set[str] = field(default_factory=set)
    #: First words of company names ("Eidos" of "Eidos Interactive"), once the mentions are known.
    company_words: set[str] = field(default_factory=set)
    #: Words of people's full names ("Jack" of "Jack Harkness"), once the mentions are known.
    person_words: set[str] = field(default_factory=set)


def analyse(text: str) -> Doc:
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    cap_mid: Counter[str] = Counter()
    cap_start: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for token in tokens:
        if not token.cap:
            lower[token.text.lower()] += 1
        elif token.initial or after_opening_quote(text, token):
            cap_start[token.text] += 1
        else:
            cap_mid[token.text] += 1
    after_the = Counter(
        tokens[i].text for i in range(1, len(tokens))
        if tokens[i].cap and tokens[i - 1].text == "the" and tokens[i - 1].sentence == tokens[i].sentence
    )
    return Doc(text, sentences, tokens, cap_mid, cap_start, lower, {t.start: i for i, t in enumerate(tokens)},
                after_the)


def after_opening_quote(text: str, token: Token) -> bool:
    before = text[max(0, token.start - 2):token.start].strip()
    return before[-1:] in QUOTES_OPEN + "‘("


def bisect(starts: list[int], position: int) -> int:
    low, high = 0, len(starts)
    while low < high:
        mid = (low + high) // 2
        if starts[mid] < position:
            low = mid + 1
        else:
            high = mid
    return low


def is_name_token(token: Token) -> bool:
    return token.cap and not token.contraction and token.text[:1].isalpha()


def is_initial(token: Token) -> bool:
    bare = token.text.rstrip(".")
    return len(bare) == 1 and bare.isupper() and bare not in "IA"


def joined(doc: Doc, left: Token, right: Token) -> bool:
    """Whether only spaces (no punctuation, no line break) separate two tokens."""
    gap = doc.text[left.end:right.start]
    return left.sentence == right.sentence and not left.closes and gap.strip(" \t") == ""


def core(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name without leading honorifics: "Captain Jack" -> "Jack", "Section Chief Ann Lee" -> "Ann Lee"."""
    index = 0
    while (index < len(words) - 1 and words[index].lower().rstrip(".") in HONORIFICS
           and words[index + 1] not in CONNECTORS):
        index += 1
    if index == 0 and len(words) >= 4 and words[1].lower().rstrip(".") in HONORIFICS and words[2] not in CONNECTORS:
        index = 2  # a two-word title before a full name
    return words[index:]


def epithet(words: tuple[str, ...]) -> bool:
    """A given name with a place: "Geralt of Rivia", "Yennefer of Vengerberg" (not "Children of Earth")."""
    return (len(words) == 3 and words[1] == "of" and words[0][:1].isupper() and words[2][:1].isupper()
            and not is_common_word(words[0]) and words[0].lower() not in HONORIFICS)


def person_like(words: tuple[str, ...]) -> bool:
    """A name made of given names and surnames (one may be shortened to the others)."""
    if len(words) < 2 or len(words) > 4 or any(w in CONNECTORS and w not in NAME_PARTICLES for w in words):
        return False
    last = words[-1].lower()
    if last in PLACE_HEADS or last in ORG_HEADS or last in WORK_HEADS or last in NUMBER_WORDS or roman(last):
        return False
    if any(w.lower() in _NEVER_IN_NAMES or w.lower() in NUMBER_WORDS or w.isdigit() for w in words):
        return False  # "Six Feet Under"
    return not any(w.isupper() and sum(c.isalpha() for c in w) > 1 for w in words)  # "CD Projekt", not "C."


def roman(word: str) -> bool:
    return bool(word) and all(ch in "ivxlc" for ch in word)


def is_initial_word(word: str) -> bool:
    bare = word.rstrip(".")
    return len(bare) == 1 and bare.isupper()
