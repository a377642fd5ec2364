"""whose / who's: "who's car is that", "whose there"."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import BARE_PREDICATES, PRENOMINAL, is_modifier, object_slot, possessed_head
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_TRIGGERS = frozenset({"whose", "who's"})
_CONTRACTION_BEFORE = frozenset({"been", "not", "going", "gonna", "there", "a", "an", "the", "coming", "next",
                                 "here", "always", "never", "just", "really", "so", "gone", "got", "in", "on",
                                 "at", "up", "still", "already"})


@rule("whose", Category.GRAMMAR, "whose / who's")
def whose_or_who_is(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if not para.next_joined(index):
            continue
        after = para.norm(word.index + 1)
        if word.norm == "who's":
            head = possessed_head(para, word.index + 1, object_slot(para, word.index))
            if head is None and _question_inverted(para, word.index + 1):
                head = word.index + 1
            if head is None or (lx.is_plural_noun(para.norm(head)) and para.norm(head + 1) == "with"):
                continue
            yield para.match(word.start, word.end, "whose", Category.GRAMMAR,
                             "“who’s” means “who is”; the possessive is “whose”.", para.cased("whose", word.text))
        elif after in _CONTRACTION_BEFORE or _predicate_follows(para, word.index + 1):
            yield para.match(word.start, word.end, "whose", Category.GRAMMAR,
                             "“whose” is the possessive; “who is” is written “who’s”.",
                             para.cased(para.styled("who's"), word.text))


def _predicate_follows(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` after "whose" starts a predicate ("whose coming", "whose ready for"), not a noun phrase.

    "whose" is always followed by its noun ("whose coat", "whose old car") or, as a pronoun, by a verb of being
    ("whose is this"); an adjective or participle that no noun follows belongs to "who's".
    """
    after = para.norm(index)
    found = lx.tags(after)
    if "VBG" in found and not found & {"NN", "NNS", "JJ"}:
        return True  # "whose coming"
    if (after in PRENOMINAL or after in lx.FUNCTION_WORDS or after in lx.NATIONALITIES or found & {"NN", "NNS"}
            or not (is_modifier(after) or found & {"JJ", "VBN"})):
        return False
    while para.next_joined(index):
        index += 1
        following = para.norm(index)
        if following in lx.FUNCTION_WORDS:
            return True
        if lx.is_noun(following):
            return False  # "whose tiny little hands"
        if not lx.is_adjective(following):
            return True
    return True


def _question_inverted(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` is a noun that an inverted question follows: "who's side are you on", "is Owen".

    "Who is side are you" cannot be read; the noun is owned, so "whose" is meant.
    """
    word = para.word(index)
    if word is None or word.is_capitalised or not para.next_joined(index) or not para.next_joined(index + 1):
        return False
    found = lx.tags(word.norm)
    if (word.norm in lx.FUNCTION_WORDS or word.norm in BARE_PREDICATES or not found & {"NN", "NNS"}
            or found & {"RB", "VBN", "VBG", "VBD"}):
        return False
    subject = para.words[index + 2]
    return para.norm(index + 1) in lx.AUXILIARIES and (subject.norm in lx.SUBJECT_PRONOUNS
                                                       or subject.is_capitalised)
