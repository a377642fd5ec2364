"""An apostrophe in a plural: "his eye’s screwed shut", "the boy's are late", "two cat's", "the Weasley's came".

The plural shows in what counts it ("two", "several", "thousands of", "all the", "other" with no determiner) when
no noun follows for a possessive to own, in a plural verb after it ("are", "were"), or in a past tense that
"has" cannot take ("the dragon's took off").
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import NUMBER_WORDS, in_dialogue
from ficdesk.checking.marks import apostrophe_words
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph, Word

_PLURAL_VERBS = frozenset({"are", "were", "have", "aren't", "weren't", "haven't", "don't"})
#: Nouns of amount before "of" that count more than one thing ("thousands of stars", "a pair of shoes").
_AMOUNTS = frozenset({"thousands", "hundreds", "dozens", "millions", "lots", "loads", "couple", "pair", "bunch",
                      "handful", "pile", "heap", "group", "set", "herd", "flock", "pack", "row", "crowd", "swarm",
                      "number", "plenty", "tons", "rows", "piles", "stacks", "stack", "box", "bag"})
#: "all of the", "some of the": a part of several.
_PART_OF = frozenset({"all", "both", "many", "some", "most", "several", "few", "none", "half"})
_QUANTIFIERS = (NUMBER_WORDS - {"one"}) | frozenset({"many", "several", "few", "both", "these", "those",
                                                        "various", "numerous", "multiple", "countless"})
#: Things people have two (or more) of: "his eye's screwed shut" describes both eyes.
_PAIRED = frozenset({"eye", "ear", "hand", "arm", "leg", "knee", "shoulder", "cheek", "lip", "hip", "wrist",
                     "ankle", "finger", "toe", "thumb", "fist", "wing", "boot", "shoe", "sock", "glove", "lung",
                     "brow", "eyebrow", "eyelid", "lash", "eyelash", "palm", "elbow", "thigh", "foot"})


@rule("plural-apostrophe", Category.GRAMMAR, "apostrophe in a plural")
def plural_apostrophe(para: Paragraph, env: Env) -> Iterator[Match]:
    for word in apostrophe_words(para):
        norm = word.norm
        if word.is_capitalised and norm.endswith("'s"):
            family = _family_plural(para, word)
            if family is not None:
                yield para.match(word.start, word.end, "plural-apostrophe", Category.GRAMMAR,
                                 "A family's name in the plural takes no apostrophe: “the Weasleys”.", family)
                continue
        if not norm.endswith("'s") or (word.is_capitalised and not _title_case_count(para, word.index)):
            continue
        base = norm[:-2]
        if base in lx.FUNCTION_WORDS or not lx.is_noun(base) or "'" in base:
            continue
        if "NN" not in lx.tags(base) or lx.inflect(base, "NNS") == base:
            continue  # "people's", "children's", "sheep's": the plural itself takes 's
        if _plural_meant(para, word, base):
            plural = para.cased(lx.inflect(base, "NNS") or base + "s", word.text)
            yield para.match(word.start, word.end, "plural-apostrophe", Category.GRAMMAR,
                             "A plural takes no apostrophe.", plural)


def _family_plural(para: Paragraph, word: Word) -> str | None:
    """"the Weasley's came" -> "Weasleys": "the" and a capitalised name with 's before a plural verb.

    A past tense counts when "has" cannot take it ("came"), so the 's is no "has": "the Doctor's gone" stays.
    """
    index = word.index
    if not (para.joined(index) and para.norm(index - 1) == "the" and para.next_joined(index)):
        return None
    name = word.text[:-2]
    if not name.isalpha() or name.isupper() or name.lower().endswith(("s", "x", "z", "ch", "sh")):
        return None  # "the Joneses" is a plural of its own
    after = para.norm(index + 1)
    if after not in _PLURAL_VERBS and lx.tags(after) != {"VBD"}:
        return None
    return name + "s"


def _title_case_count(para: Paragraph, index: int) -> bool:
    """"Five Night's": a capitalised count word before a capitalised noun (a title in title case)."""
    return para.joined(index) and para.words[index - 1].is_capitalised and para.norm(index - 1) in _QUANTIFIERS \
        and not para.words[index].text.isupper()


def _quantified(para: Paragraph, index: int) -> bool:
    """Whether word ``index`` (the word before the noun) counts more than one thing.

    A count word ("two", "several"), "other" with no determiner before it ("of other cats"; "the other cat" is
    one), or a noun modifier after one of those ("two clan cats", "five police officers").
    """
    before = para.norm(index)
    if before in _QUANTIFIERS or before in {"some", "any"}:
        return True
    if before == "of" and para.joined(index) and para.norm(index - 1) in _AMOUNTS:
        return True  # "thousands of star's", "a pair of shoe's"
    if before == "other":
        # "I prefer other people's." leaves the possessed noun out: only a word after the noun settles it
        return para.next_joined(index + 1) and not (
            para.joined(index) and para.norm(index - 1) in lx.DETERMINERS | {"one", "every", "each"})
    word = para.word(index)
    if word is None or word.is_capitalised or before in lx.FUNCTION_WORDS or not para.joined(index) \
            or lx.tags(before) - {"NN"} or not lx.is_noun(before):
        return False
    return _quantified(para, index - 1) and para.norm(index - 1) != before


_PHRASE_STARTS = lx.PREPOSITIONS | lx.DETERMINERS | lx.OBJECT_PRONOUNS


def _verb_follows(para: Paragraph, index: int) -> bool:
    """"cats crossing onto the road": a participle that takes its own object or phrase, not a noun."""
    after = para.norm(index)
    if not (after.endswith("ing") and "VBG" in lx.tags(after)) or not para.next_joined(index):
        return False
    return para.norm(index + 1) in _PHRASE_STARTS


def _plural_meant(para: Paragraph, word: Word, base: str) -> bool:
    index = word.index
    after = para.norm(index + 1) if para.next_joined(index) else ""
    before = para.norm(index - 1) if para.joined(index) else ""
    if after in _PLURAL_VERBS:
        return True
    noun_follows = bool(after) and (lx.is_noun(after) or after in lx.DETERMINERS) \
        and not _verb_follows(para, index + 1)
    if before and (_quantified(para, index - 1) or (para.gap_before(index).strip() == "" and before.isdigit())) \
            and not noun_follows:
        return True
    if before in lx.POSSESSIVE_DETERMINERS | {"the"} and para.joined(index - 1) and not noun_follows and (
            para.norm(index - 2) in {"both", "all"} or (para.norm(index - 2) == "of" and para.joined(index - 2)
                                                       and para.norm(index - 3) in _PART_OF)):
        return True  # "both our dad's", "all the girl's laughed", "some of the boy's": more than one
    if before in lx.POSSESSIVE_DETERMINERS | {"the", "these", "those"} and after and lx.tags(after) == {"VBD"}:
        return True  # "their hand's shook", "the dragon's took off": "has shook" is no English, so a plural subject
    if before in lx.POSSESSIVE_DETERMINERS and base in _PAIRED:
        if not after:
            # "from the corner of their eye's.": a possessive needs its noun; a paired noun at a phrase's end
            # after "their"/"our" is the plural
            return para.norm(index - 1) in {"their", "our"} and para.gap_after(index).strip()[:1] in set(".!?,;")
        found = lx.tags(after)
        if ("VBG" in found and not found & {"NN", "NNS"} and "," in para.gap_before(index - 1)
                and before in {"their", "our"}):
            return True  # "..., their eye's blazing": an absolute phrase, the plural noun and its participle
        return "VBN" in found and not found & {"NN", "NNS"} and not in_dialogue(para, word.start)
    return False


EXAMPLES = Examples(
    wrong=(
        "She poured two [cup's->cups] of tea.",
        "The [cat's->cats] were hungry again.",
        "I do not own Five [Night's->Nights] at Midnight.",
        "They saw other clan [cat's->cats] crossing onto their land.",
        "He watched two [dog's->dogs] running across the lawn.",
        "Five police [officer's->officers] were waiting outside.",
        "All the [girl's->girls] laughed.",
        "Thousands of [star's->stars] shone.",
        "The [dragon's->dragons] took off at dawn.",
        "I bought some [apple's->apples] for the pie.",
        "The [Weasley's->Weasleys] came for dinner.",
        "The [Malfoy's->Malfoys] were waiting in the hall.",
        "The [Hobbit's->Hobbits] were singing.",
    ),
    clean=(
        "The other cat's crossing the road.",
        "One other cat's bowl was empty.",
        "Two cats' toys lay on the floor.",
        "Three months' pay went missing, and the boss's car with it.",
        "The dog's running days are over.",
        "The Doctor's gone again.",
        "The Weasley's house was crowded.",
        "The Doctor's arrived.",
        "The Joneses were late.",
        "Each other's eyes met across the room.",
        "Her work bored her; she preferred other people's.",
        "Two children's bikes lay in the road.",
        "The dragon's roar shook the cave, and the door's opened.",
        "All the boy's friends came.",
        "One of the girl's brothers laughed.",
        "Some boy's bike was stolen, and a pair of shoe's laces snapped.",
        "The cat's bowl was empty.",
    ),
)
