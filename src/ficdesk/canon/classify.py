"""Entity types from the evidence around every mention of an entity.

Each mention votes: cue words before it ("played by", "the city of"), the noun of an apposition
("Mila, a housekeeper"), relations with other names ("A as B", "A (B)"), the head of the name
itself ("Torchwood Institute") and context words nearby. The group's votes are summed; a name that
looks like a person's name is a character only when nothing says otherwise.
"""

from __future__ import annotations

from collections import defaultdict

from ficdesk.canon.analysis import Doc, Group, Mention, is_name_token, person_like
from ficdesk.canon.lexicon import (
    CONNECTORS,
    CONTEXT_CUES,
    HONORIFICS,
    NAME_PARTICLES,
    ORG_HEADS,
    PAREN_CUES,
    PLACE_HEADS,
    PRECEDING_CUES,
    PRECEDING_PAIRS,
    WORK_HEADS,
    is_common_word,
    is_function_word,
    word_set,
)
from ficdesk.canon.model import EntityType

#: Words before a single capitalised common word that make it a place ("in Wales").
_PLACE_PREPOSITIONS = word_set("in at on from into near via across outside inside around")
_CUE_WINDOW = 8
#: Words after a possessive name that make the name a creator: "Joss Whedon's Buffy the Vampire Slayer".
_CREATION_WORDS = word_set("novels books films stories plays comics creation universe")


def strong_cues(mentions: list[Mention], doc: Doc) -> dict[int, EntityType]:
    """Types settled by the words just before a mention ("played by X") or in brackets after it.

    A cue carries over a coordination: in "created by Steven Moffat and Mark Gatiss" both are people.
    """
    tokens = doc.tokens
    cues: dict[int, EntityType] = {}
    ending_at: dict[int, Mention] = {m.last: m for m in mentions}
    for mention in mentions:
        previous = [tokens[i].text.lower() for i in range(max(0, mention.first - 2), mention.first)
                    if tokens[i].sentence == mention.sentence]
        cue: EntityType | None = None
        if previous and previous[-1] in PRECEDING_CUES and not doc.text[tokens[mention.first - 1].end:
                                                                        mention.start].strip():
            cue = PRECEDING_CUES[previous[-1]]
        if len(previous) == 2 and (previous[0], previous[1]) in PRECEDING_PAIRS:
            cue = PRECEDING_PAIRS[(previous[0], previous[1])]
        paren = doc.text[mention.end:mention.end + 24].lstrip()
        if paren.startswith("("):
            inner = paren[1:].split(")")[0].strip().lower()
            cue = PAREN_CUES.get(inner, cue)
        if cue is None and previous and previous[-1] == "and":
            partner = ending_at.get(mention.first - 2)
            if partner is not None and id(partner) in cues and doc.text[partner.end:mention.start] == " and ":
                cue = cues[id(partner)]
        if cue is not None:
            cues[id(mention)] = cue
    _cast_list_cues(mentions, doc, cues)
    return cues


def _cast_list_cues(mentions: list[Mention], doc: Doc, cues: dict[int, EntityType]) -> None:
    """"Rupert Giles (Anthony Stewart Head)": a character with the person who plays them in brackets.

    Wikis write casts this way everywhere. The bracketed name must look like a person's full name and
    follow a capitalised word; the name before the bracket, when it was found, is the character.
    """
    ending_at = {m.end: m for m in mentions}
    for inner in mentions:
        if inner.title or len(inner.words) < 2 or not person_like(inner.words):
            continue
        before = doc.text[max(0, inner.start - 40):inner.start]
        if not before.endswith("(") or doc.text[inner.end:inner.end + 1] != ")":
            continue
        head = before[:-1].rstrip()
        last_word = head.split()[-1] if head.split() else ""
        if not last_word[:1].isupper():
            continue
        cues[id(inner)] = EntityType.PERSON
        outer = ending_at.get(len(head) + max(0, inner.start - 40))
        if outer is not None and not outer.title:
            cues[id(outer)] = EntityType.CHARACTER


def entity_type(group: Group, doc: Doc, cues: dict[int, EntityType]) -> EntityType:
    scores: defaultdict[EntityType, float] = defaultdict(float)
    tokens = doc.tokens
    for mention in group.mentions:
        if mention.title:
            scores[EntityType.WORK] += 10
        if id(mention) in cues:
            scores[cues[id(mention)]] += 6
        words = [w.lower() for w in mention.words]
        _head_cues(words, scores)
        previous = tokens[mention.first - 1] if mention.first > 0 else None
        if (previous is not None and previous.sentence == mention.sentence
                and previous.text in _PLACE_PREPOSITIONS and not mention.possessive):
            scores[EntityType.PLACE] += 1.0 if len(mention.words) == 1 else 0.5
        following = tokens[mention.last + 1:mention.last + 4]
        if mention.possessive and any(t.text.lower() in WORK_HEADS | _CREATION_WORDS for t in following):
            scores[EntityType.PERSON] += 3  # "Terry Pratchett's Discworld novels"
        ahead = [t.text.lower() for t in following if t.sentence == mention.sentence]
        if any(ahead[i:i + 2] in (["played", "by"], ["portrayed", "by"], ["voiced", "by"]) for i in range(2)):
            scores[EntityType.CHARACTER] += 6  # "Rose Tyler is played by Billie Piper"
        if _plays_as(mention, doc):
            scores[EntityType.PERSON] += 2.5  # "David-Lloyd delivers a monologue as Ianto"
        for i in range(max(0, mention.first - _CUE_WINDOW), min(len(tokens), mention.last + _CUE_WINDOW + 1)):
            if mention.first <= i <= mention.last or tokens[i].sentence != mention.sentence:
                continue
            word = tokens[i].text.lower()
            distance = mention.first - i if i < mention.first else i - mention.last
            weight = 2 / (1 + distance)
            for kind, kind_cues in CONTEXT_CUES.items():
                if word in kind_cues:
                    scores[kind] += kind_cues[word] * weight
        if words[0].rstrip(".") in HONORIFICS and len(words) > 1:
            scores[EntityType.CHARACTER] += 1.5
        if len(words) == 1 and mention.words[0].isupper() and len(words[0]) > 1:
            scores[EntityType.ORGANISATION] += 2  # an acronym
    default = _default_type(group)
    if default is EntityType.CHARACTER:
        # Fandom articles are about characters: cue words must outweigh that to make a name anything else.
        scores[EntityType.CHARACTER] += 0.5 + 0.25 * len(group.mentions)
    if not scores:
        return default
    best = max(scores, key=lambda kind: scores[kind])
    return best if scores[best] >= 1.0 else default


def _plays_as(mention: Mention, doc: Doc) -> bool:
    """The mention is followed, within a clause, by "as" and a capitalised name."""
    tokens = doc.tokens
    for i in range(mention.last + 1, min(len(tokens) - 1, mention.last + 6)):
        if tokens[i].sentence != mention.sentence or "," in doc.text[tokens[i - 1].end:tokens[i].start]:
            return False
        if tokens[i].text == "as" and is_name_token(tokens[i + 1]) and not is_function_word(tokens[i + 1].text):
            return True
    return False


def _head_cues(words: list[str], scores: defaultdict[EntityType, float]) -> None:
    if len(words) < 2:
        return  # "River" alone is a name, not a river
    heads = [words[-1]]
    for index, word in enumerate(words):
        if word in CONNECTORS and word not in NAME_PARTICLES and index > 0:
            heads.append(words[index - 1])
            break
    for head in heads:
        if head in PLACE_HEADS:
            scores[EntityType.PLACE] += 8
        if head in ORG_HEADS:
            scores[EntityType.ORGANISATION] += 8
        if head in WORK_HEADS:
            scores[EntityType.WORK] += 5


def _default_type(group: Group) -> EntityType:
    """Without cues: a name made of name words is a character, anything else stays "other"."""
    words = max((m.words for m in group.mentions), key=len)
    if any(w in CONNECTORS and w not in NAME_PARTICLES for w in words):
        return EntityType.OTHER
    if len(words) > 1 and person_like(words) and not all(is_common_word(w) for w in words):
        return EntityType.CHARACTER
    if len(words) == 1 and not is_common_word(words[0]):
        return EntityType.CHARACTER
    return EntityType.OTHER
