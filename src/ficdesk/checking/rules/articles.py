"""a / an by the sound of the next word ("an distraction", "a hour"), and "an" typed for "and".

"an" stands for "and" before a pronoun or a determiner that starts a clause ("an then we left"), between two
names ("Jack an Gwen") and before a finite verb that no article can precede ("picked up the cup an drank");
"an injured man" and "an open door" keep their article: participles and adjectives take one.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph, Word

_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
#: Either article is in use before these ("an historic", "a hotel", US "an herb").
_EITHER = ("herb", "histor", "hotel", "hysteric", "habitual", "hypothes", "heroic")
#: Vowel letters pronounced with a consonant sound ("a university", "a one-off", "a European").
_YOU_SOUND = ("uni", "use", "usu", "usur", "ura", "ure", "uri", "uro", "ute", "uti", "uto", "ubiq", "uku",
              "ukr", "eu", "ewe", "one", "once", "ouija", "uvu")
_VOWEL_UNI = ("unin", "unim", "unid", "unil", "unir")
_ARTICLES = frozenset({"a", "an"})
_AN = frozenset({"an"})
#: After "an", these start a new clause or a list item: "an" stood for "and".
_AND_NEXT = (lx.SUBJECT_PRONOUNS | frozenset({"then", "so", "the", "his", "her", "my", "their", "your", "our",
                                              "that", "this", "now", "not"}))


def vowel_sound(word: str) -> bool | None:
    """Whether ``word`` starts with a vowel sound; None when unsure (acronyms, numbers, single letters)."""
    if len(word) < 2 or not word[0].isalpha() or (not word.isalpha() and word[1] in "-‐'’"):
        return None
    if word.isupper() or not word.isascii():
        return None
    lower = word.lower()
    if lower.startswith(_SILENT_H):
        return True
    if lower.startswith(_EITHER):
        return None
    if lower.startswith(_VOWEL_UNI):
        return True
    if lower.startswith(_YOU_SOUND):
        return False
    return lower[0] in "aeiou"


@rule("a-an", Category.GRAMMAR, "a / an")
def a_or_an(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in para.indices(_ARTICLES):
        word = para.words[index]
        if not para.next_joined(index):
            continue
        if word.text == "A" and not para.sentence_start(index):
            continue  # "Plan A is ..."
        following = para.words[index + 1]
        if word.norm == "an" and para.joined(index) and _and_meant(para, word, following, env):
            continue
        vowel = vowel_sound(following.text)
        if vowel is None:
            continue
        if word.norm == "a" and vowel:
            yield para.match(word.start, word.end, "a-an", Category.GRAMMAR,
                             f"Use “an” before a vowel sound: “an {following.text}”.", para.cased("an", word.text))
        elif word.norm == "an" and not vowel:
            yield para.match(word.start, word.end, "a-an", Category.GRAMMAR,
                             f"Use “a” before a consonant sound: “a {following.text}”.", para.cased("a", word.text))


def _and_meant(para: Paragraph, word: Word, following: Word, env: Env) -> bool:
    if following.norm in _AND_NEXT or _verb_only(following):
        return True
    if not following.is_capitalised or following.text.isupper():
        return False
    if vowel_sound(following.text) is False:
        return True  # "Jack an Gwen": "an" never stands before a consonant
    before = para.word(word.index - 1)
    # "Jack an Ianto": between two names
    return before is not None and before.is_capitalised and not before.text.isupper() and (
        following.norm in env.canon or before.norm in env.canon)


def _verb_only(word: Word) -> bool:
    """A finite verb no article can stand before: "an drank", "an runs" (not "an injured man", "an open door")."""
    if word.is_capitalised or word.norm in lx.FUNCTION_WORDS:
        return False
    found = lx.tags(word.norm)
    return bool(found & {"VBD", "VBZ"}) and not found & {"NN", "NNS", "JJ", "JJR", "JJS", "VBN", "RB"}


@rule("an-and", Category.GRAMMAR, "an for and")
def an_for_and(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in para.indices(_AN):
        word = para.words[index]
        if not para.next_joined(index) or not para.joined(index):
            continue
        if _and_meant(para, word, para.words[index + 1], env):
            yield para.match(word.start, word.end, "an-and", Category.GRAMMAR,
                             "“an” is an article; to join two words write “and”.", para.cased("and", word.text))


EXAMPLES = Examples(
    wrong=(
        'It was [an->a] distraction.',
        'She waited for [a->an] hour.',
        'She picked up the cup [an->and] drank.',
        'He grabbed his coat [an->and] went out.',
        'Jack [an->and] Gwen went home.',
        'We ate [an->and] then we left.',
    ),
    clean=(
        'An injured man lay on the road.',
        'She found an open door.',
        'It was an honest mistake.',
        'He made an educated guess.',
        'She is a university student.',
        'They bought an old house and a new car.',
    ),
)
