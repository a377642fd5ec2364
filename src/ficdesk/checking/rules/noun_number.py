"""A singular noun where "one of" asks for a plural: "one of my best friend" -> "friends".

"One of", "each of", "several of" ... pick from a group, so the noun after "of the"/"of my" is plural. Nouns that
name a group themselves ("one of the family", "one of the crew") and names are left alone, and so is a noun that
goes on into a compound ("one of the school buses").
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_RULE = "noun-number"
_PICKERS = frozenset({"one", "each", "several", "both", "many", "few", "either", "neither"})
_DETERMINERS = frozenset({"the", "my", "his", "her", "their", "our", "your", "these", "those"})
#: Singular nouns that name a group or a mass, so "one of the family" is right.
_GROUPS = frozenset({
    "family", "team", "staff", "crew", "gang", "band", "group", "party", "pack", "crowd", "class", "club", "clan",
    "army", "squad", "council", "committee", "company", "household", "tribe", "audience", "public", "police",
    "people", "kind", "sort", "type", "lot", "bunch", "pair", "couple", "guard", "unit", "order", "house",
    "cast", "choir", "jury", "litter", "herd", "flock", "generation", "species", "series", "fish", "sheep", "deer",
    "aircraft", "offspring", "folk", "rest", "world", "two", "three", "four", "five", "time", "day", "night",
    "week", "year", "money", "work", "stuff", "food", "hair", "furniture", "luggage", "equipment", "information",
    "advice", "news", "evidence", "research", "homework", "music", "art", "magic", "family's", "gentry", "nobility",
    "royalty", "faculty", "personnel", "elite", "populace", "youth", "clergy", "brotherhood", "sisterhood",
    "resistance", "opposition", "alliance", "pantheon", "pride", "swarm", "troop", "fleet", "senate", "court",
})
_AFTER = frozenset({"who", "that", "which", "whom", "i", "you", "he", "she", "we", "they", "from", "in", "at",
                    "on", "with", "and", "or", "to", "for", "is", "was", "has", "had", "would", "will", "could"})


@rule(_RULE, Category.GRAMMAR, "a singular noun after “one of”")
def noun_number(para: Paragraph, env: Env) -> Iterator[Match]:
    if "of" not in para.vocabulary or para.vocabulary.isdisjoint(_PICKERS):
        return
    for index in para.indices(_PICKERS):
        if para.norm(index + 1) == "of" and para.next_joined(index):
            found = _singular_after(para, index + 2, para.words[index].text)
            if found is not None:
                yield found


def _singular_noun_word(norm: str) -> bool:
    return not norm.endswith("s") and "NN" in lx.tags(norm) and norm not in _GROUPS


def _singular_after(para: Paragraph, index: int, picker: str) -> Match | None:
    determiner = para.word(index)
    if determiner is None or not para.joined(index):
        return None
    possessive_name = determiner.is_capitalised and determiner.norm.endswith("'s") and para.tag(index) == "NNP"
    if determiner.norm not in _DETERMINERS and not possessive_name:
        return None
    # words first: a possible singular noun that ends the phrase, before the tagger is asked
    if not any(_singular_noun_word(para.norm(i)) and (not para.next_joined(i) or para.norm(i + 1) in _AFTER)
               for i in range(index + 1, min(len(para.words), index + 5))):
        return None
    position = index + 1
    while para.joined(position) and para.tag(position) in {"JJ", "JJS", "JJR"} and position - index < 4:
        position += 1
    noun = para.word(position)
    if noun is None or not para.joined(position) or para.tag(position) != "NN" or noun.is_capitalised:
        return None
    if noun.norm in _GROUPS or noun.norm in lx.FUNCTION_WORDS or "'" in noun.norm \
            or para.char_after(position) in "'’" or not lx.tags(noun.norm) & {"NN"}:
        return None
    if para.next_joined(position) and para.norm(position + 1) not in _AFTER:
        return None  # "one of the school buses", "one of my best friend's": the noun goes on
    plural = lx.inflect(noun.norm, "NNS")
    if not plural or plural == noun.norm or not plural.endswith("s"):
        return None
    return para.match(noun.start, noun.end, _RULE, Category.GRAMMAR,
                      f"“{picker} of …” picks from several: “{plural}”.", plural)


EXAMPLES = Examples(
    wrong=(
        "He is one of my oldest [friend->friends].",
        "She was one of Ash's best [student->students] that year.",
        "Each of the [room->rooms] had a fireplace.",
    ),
    clean=(
        "He is one of my oldest friends.",
        "She is one of the family now.",
        "He was one of the crew.",
        "It was one of the school buses.",
        "One of the best is yet to come.",
        "She is one of a kind.",
        "One of my friend's cats ran off.",
        "It is one of the Doctor's tricks.",
    ),
)
