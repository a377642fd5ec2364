"""Sentences and word tokens with their offsets, repaired for scraped text.

Tokens strip possessives ("Ianto's" -> "Ianto"), keep the capitalised head of a hyphenated
compound ("Ianto-centric" -> "Ianto"), keep initials ("C." in "Michael C. Hall") and split a name
glued to the next function word by scraping ("Genevaas" -> "Geneva" + "as").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ficdesk.canon.lexicon import is_common_word, word_set

#: Words whose trailing full stop does not end a sentence.
ABBREVIATIONS = word_set(
    "mr mrs ms dr st jr sr prof capt lt col gen sgt rev vs etc no vol inc ltd co mt ft approx fig ch ep pp "
    "e.g i.e cf al"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_TOKEN = re.compile(r"(?:[^\W\d_]\.(?=\s))|[^\W_](?:[\w'’\-]*[^\W_])?")
_CONTRACTION_TAILS = frozenset({"ll", "ve", "re", "d", "m", "t"})

#: Function words that scraping glues onto the end of a name ("McCauslandand", "Genevaas").
_GLUE_SUFFIXES = ("and", "as", "the", "was", "with", "for")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    sentence: int
    #: First word of its sentence (or of a line written in Title Case, which says nothing about names).
    initial: bool = False
    possessive: bool = False
    #: Written with a capital letter.
    cap: bool = False
    #: A contraction ("don't", "I'll"): never part of a name.
    contraction: bool = False
    #: Ends a name sequence (a truncated hyphen compound, a possessive).
    closes: bool = False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: lines are hard breaks, abbreviations and initials do not end one."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for match in _SENTENCE_END.finditer(line.group()):
            end = line.start() + match.end()
            if match.group().startswith(".") and _is_abbreviation(text, line.start() + match.start()):
                continue
            follower = _next_visible(text, end)
            if follower and (follower.islower() or follower in ",;:"):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, line.end()))
    return [(s + _lead(text, s, e), e) for s, e in spans if text[s:e].strip()]


def _lead(text: str, start: int, end: int) -> int:
    return len(text[start:end]) - len(text[start:end].lstrip())


_VISIBLE = re.compile(r"\s*([^\s\"'“‘(\[])")


def _next_visible(text: str, position: int) -> str:
    match = _VISIBLE.match(text, position)
    return match.group(1) if match else ""


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    stem = word.group(1).lower()
    if stem in ABBREVIATIONS:
        return True
    return len(stem) == 1 and text[dot - 1].isupper()  # an initial: "Michael C. Hall"


def tokenize(text: str, sentences: list[tuple[int, int]]) -> list[Token]:
    """Word tokens of every sentence, with glued names split using document-wide evidence."""
    tokens: list[Token] = []
    for index, (start, end) in enumerate(sentences):
        sentence_tokens = list(_sentence_tokens(text, start, end, index))
        if sentence_tokens:
            first = sentence_tokens[0]
            first.initial = True
            if _is_title_case_line(sentence_tokens):
                for token in sentence_tokens:
                    token.initial = True
        tokens.extend(sentence_tokens)
    return _split_glued(tokens)


def _sentence_tokens(text: str, start: int, end: int, index: int) -> Iterator[Token]:
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        token = Token(word, match.start(), match.end(), index)
        apostrophe = max(word.rfind("'"), word.rfind("’"))
        if apostrophe > 0:
            tail = word[apostrophe + 1:].lower()
            if tail == "s":
                token.text, token.end, token.possessive, token.closes = (
                    word[:apostrophe], match.start() + apostrophe, True, True)
            elif tail in _CONTRACTION_TAILS or tail.endswith("n't"):
                token.contraction = True
        if "-" in token.text:
            parts = token.text.split("-")
            head: list[str] = []
            for part in parts:
                if not part or not part[0].isupper():
                    break
                head.append(part)
            if head and len(head) < len(parts):
                token.text = "-".join(head)
                token.end = token.start + len(token.text)
                token.closes = True
        if not token.possessive and text.startswith((" 's", " ’s"), token.end):
            token.possessive = token.closes = True  # scraped "Whedon 's"
        token.cap = token.text[:1].isupper()
        yield token


def _is_title_case_line(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 3:
        return False
    capitals = sum(1 for t in words if t.cap)
    return capitals >= 0.8 * len(words)


def _split_glued(tokens: list[Token]) -> list[Token]:
    """Split "McCauslandand" into "McCausland" + "and" when the glued form is clearly an artefact.

    A token is split when the stem is seen on its own elsewhere in the document, or when the token
    occurs once, the next word continues the sentence in lower case and the junction is one that
    English names do not have ("-aas", "-andand", "-anand"; not "-land", "-eas", "-ias").
    """
    counts = Counter(t.text for t in tokens)
    known = {t.text for t in tokens if t.cap}
    result: list[Token] = []
    for index, token in enumerate(tokens):
        split = _glue_split(token, tokens[index + 1] if index + 1 < len(tokens) else None, counts, known)
        if split is None:
            result.append(token)
            continue
        stem_end = token.start + len(split)
        result.append(Token(split, token.start, stem_end, token.sentence, initial=token.initial, cap=True))
        result.append(Token(token.text[len(split):], stem_end, token.end, token.sentence,
                            possessive=token.possessive))
    return result


def _glue_split(token: Token, following: Token | None, counts: Counter[str], known: set[str]) -> str | None:
    word = token.text
    mixed_case = not word[1:].islower() and not word[2:3].isupper()  # allow "McCausland", refuse "CamelCase"
    if not token.cap or len(word) < 6 or token.possessive or mixed_case:
        return None
    for suffix in _GLUE_SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if len(stem) < 4 or is_common_word(word):
            continue
        if stem in known and counts[word] == 1 and counts[stem] >= 1:
            return stem
        continues = following is not None and following.sentence == token.sentence and following.text.islower()
        if counts[word] != 1 or not continues or is_common_word(stem):
            continue
        last = stem[-1]
        if suffix == "as" and last in "aou":
            return stem
        if suffix == "and" and last in "dnmt" and not stem.endswith("in"):
            return stem
        if suffix in ("the", "was", "with", "for") and last in "aeiouyn":
            return stem
    return None
