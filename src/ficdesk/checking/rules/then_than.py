"""then / than: "better then ever" (comparison) and "and than he left" (time)."""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.grammar import is_finite_verb
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_TRIGGERS = frozenset({"then", "than"})
_ALWAYS_THAN = frozenset({"rather", "other"})
_COMPARATIVES = frozenset({"more", "less", "fewer", "better", "worse", "further", "farther", "rather", "other",
                           "sooner", "older", "younger", "bigger", "smaller"})
#: What follows "than" in a comparison; after "then" (time) these are rare without a comma.
_COMPARED = frozenset({
    "i", "me", "you", "him", "her", "us", "them", "it", "he", "she", "we", "they", "ever", "before", "usual",
    "expected", "anyone", "anything", "anybody", "everyone", "everything", "everybody", "someone",
    "something", "nothing", "the", "a", "an", "that", "this", "his", "my", "your", "their", "our", "its", "any",
    "most", "all", "once", "twice", "what", "normal", "necessary", "needed", "planned", "last", "yesterday",
    "average", "mine", "yours", "hers", "ours", "theirs", "anywhere", "those", "these", "one", "two",
    "three", "half", "many", "imagined", "i'd", "i'm", "you'd", "he'd", "she'd", "they'd",
})
_TIME_BEFORE = frozenset({"and", "since", "until", "till", "by", "just", "back", "but"})
#: "would rather ... then": what comes before "rather" / "sooner" when it states a preference.
_PREFERENCE_BEFORE = frozenset({"would", "wouldn't", "had", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd",
                                "it'd", "who'd", "much", "far"})
#: Words that end the clause a comparison lives in: "I'd rather stay and then ...".
_CLAUSE_BREAKS = lx.CONJUNCTIONS - {"than", "as"} | frozenset({"then", "or", "so", "which", "who"})
#: After a comparison with a phrase between ("better at lying then me"), only these make "then" a slip for
#: "than": what is compared, never the start of a new clause.
_GAP_COMPARED = frozenset({"me", "him", "us", "them", "anyone", "anybody", "anything", "everyone", "everybody",
                           "everything", "ever", "usual", "expected", "before", "necessary", "needed", "planned",
                           "mine", "yours", "hers", "ours", "theirs", "most", "average", "normal"})
_MAX_GAP = 8


@rule("then-than", Category.GRAMMAR, "then / than")
def then_or_than(para: Paragraph, env: Env) -> Iterator[Match]:
    words = para.words
    for index in para.indices(_TRIGGERS):
        word = words[index]
        if word.norm == "then" and para.joined(index) and para.next_joined(index):
            before = para.norm(index - 1)
            after = para.word(index + 1)
            assert after is not None
            comparative = before in _COMPARATIVES or bool(lx.tags(before) & {"JJR", "RBR"}) or (
                para.norm(index - 2) in {"more", "less"} and para.joined(index - 1))
            if para.norm(index - 2) == "rather" and para.joined(index - 1):
                before = "rather"  # "I'd rather die then ..."
            compared = (after.norm in _COMPARED or after.is_capitalised or after.text.isdigit()
                        or (lx.only(after.norm, {"VBG", "NN"}) and "VBG" in lx.tags(after.norm)))
            if before in _ALWAYS_THAN or (comparative and compared) or _preference_before(para, index) or (
                    _comparative_phrase_before(para, index) and _compared_after_gap(para, index + 1)):
                yield para.match(word.start, word.end, "then-than", Category.GRAMMAR,
                                 "Comparisons take “than”; “then” is about time.", para.cased("than", word.text))
        elif word.norm == "than":
            before = para.norm(index - 1) if para.joined(index) else ""
            opens = para.sentence_start(index) and word.is_capitalised
            if (before in _TIME_BEFORE and para.norm(index - 2) not in {"more", "less", "rather"}) or (
                    opens and para.norm(index + 1) in lx.SUBJECT_PRONOUNS | {"the", "his", "her", "their"}):
                yield para.match(word.start, word.end, "then-than", Category.GRAMMAR,
                                 "“than” compares; for what comes next in time write “then”.",
                                 para.cased("then", word.text))


def _preference_before(para: Paragraph, index: int) -> bool:
    """Whether "then" at ``index`` ends "would rather / sooner ..." in the same clause ("I'd rather walk then ride")."""
    after = para.norm(index + 1)
    if after in {"and", "or", "again"} or (after in lx.SUBJECT_PRONOUNS and para.next_joined(index + 1)):
        return False  # "then and there", "then you can follow": time, or a new clause
    position = index - 1
    while position > 0 and index - position <= _MAX_GAP and para.joined(position + 1):
        norm = para.norm(position)
        if norm in {"rather", "sooner"}:
            return para.joined(position) and para.norm(position - 1) in _PREFERENCE_BEFORE
        if norm in _CLAUSE_BREAKS or norm in _WH_WORDS or _past_only(norm):
            return False  # "I'd rather not know what happened then": "then" belongs to another clause
        position -= 1
    return False


_WH_WORDS = frozenset({"what", "who", "whom", "where", "when", "why", "how", "which", "that", "whatever"})


def _past_only(norm: str) -> bool:
    """A past tense that is not also a bare verb ("told", not "put"): after "would rather" it starts a clause."""
    found = lx.tags(norm)
    return "VBD" in found and not found & {"VB", "VBP"}


def _is_comparative(para: Paragraph, index: int) -> bool:
    norm = para.norm(index)
    if norm in _COMPARATIVES or lx.tags(norm) & {"JJR", "RBR"}:
        return True
    return para.joined(index) and para.norm(index - 1) in {"more", "less"} and lx.is_adjective(norm)


def _comparative_phrase_before(para: Paragraph, index: int) -> bool:
    """Whether "then" at ``index`` follows a comparative and a short phrase ("better at lying then")."""
    position = index - 1
    while position > 1 and index - position <= 4 and para.joined(position + 1):
        norm = para.norm(position)
        if norm in _CLAUSE_BREAKS or is_finite_verb(norm):
            return False
        if norm in lx.PREPOSITIONS and para.joined(position):
            return _is_comparative(para, position - 1)
        position -= 1
    return False


def _compared_after_gap(para: Paragraph, index: int) -> bool:
    """What follows "then" is the thing compared: "me", "anyone", or a subject with its auxiliary ("I would")."""
    word = para.word(index)
    if word is None:
        return False
    if word.norm in _GAP_COMPARED:
        return True
    if word.norm in lx.SUBJECT_PRONOUNS or (word.is_capitalised and word.norm not in lx.FUNCTION_WORDS):
        return not para.next_joined(index) or para.norm(index + 1) in lx.AUXILIARIES
    return False
