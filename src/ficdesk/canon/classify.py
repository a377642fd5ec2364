"""Entity types from the evidence around every mention of an entity.

Every mention votes and the votes of all mentions of an entity are added up:

- *settling cues* (``strong_cues``) come from the grammar around a mention: the noun before it ("the
  archer Milva", "the city of Vizima"), an apposition ("Mila, a housekeeper"), the verb of a "by" phrase
  ("translated by X", "published by X"), relations between two names ("Andrew Robinson as Elim Garak",
  "Rupert Grint played Ron", "Zach Tyler Eisen (Aang)"), the members of a list ("novels such as X"), a
  year in brackets ("X (1997)" is a work);
- *the name itself*: its last word ("Torchwood Institute", "Sorting Hat"), an acronym, an honorific;
- *nearby words*: prepositions ("in Wales", "travels to Bajor"), a possessive ("Shakespeare's play"), the
  name used as a modifier ("a Romulan senator", "a bar of Cadbury chocolate") and cue words in the sentence.

A name that looks like a person's name is a character only when nothing says otherwise: fandom
articles are about characters, but the real people and works around them must not default to one.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ficdesk.canon.analysis import Doc, Group, Mention, epithet, is_name_token, person_like
from ficdesk.canon.cues import Cue, W
from ficdesk.canon.labels import LabelLines
from ficdesk.canon.lexicon import (
    ACTING_VERBS,
    APPEARS_IN,
    AT_PERSON_VERBS,
    BY_ORG_VERBS,
    BY_PERSON_VERBS,
    CHARACTER_HEADS,
    CONNECTORS,
    CONTEXT_CUES,
    FROM_PERSON_NOUNS,
    GOODS,
    GROUP_TYPE_HEADS,
    HONORIFICS,
    KNOWN_PLACES,
    LABEL_TYPES,
    MOTION_VERBS,
    NAME_PARTICLES,
    OBJECT_HEADS,
    OF_NOUN_TYPES,
    ORG_CREATIONS,
    ORG_HEADS,
    ORG_MODIFIED,
    PAREN_CUES,
    PERSON_CREATIONS,
    PLACE_HEADS,
    PLACE_PREFIXES,
    PLACE_TYPE_HEADS,
    PLATFORM_VERBS,
    PRECEDING_PAIRS,
    ROLE_VERBS,
    SPEECH_VERBS,
    SUBJECT_VERBS,
    WORK_HEADS,
    WORK_MODIFIED,
    is_common_word,
    is_function_word,
    noun_type,
    open_classes,
    word_set,
)
from ficdesk.canon.model import EntityType
from ficdesk.canon.segment import Token

Votes = defaultdict[EntityType, float]

_PLACE_PREPOSITIONS = word_set("""
in at on from into near via across outside inside around throughout within towards toward through beyond
""")
#: Words that open a sentence with a phrase, not a subject: "In the finale, Zuko fights".
_OPENING_PREPOSITIONS = word_set("""
in on at after before during throughout for like unlike with without despite since until by from as
""")
_DETERMINERS = word_set("the a an his her their its our my your this that these those every each")
_QUANTIFIERS = word_set("one two three four five some any another no many several few former")
#: Words that end the noun phrase of an apposition.
_PHRASE_BREAKS = word_set("""
of who whom whose which that where when in on at with and or but by for from to as is was are were has had
have be been whilst while than
""")
_COPULAS = word_set("is was are were be been being become becomes became himself herself itself themselves")
_PREDICATE_VERBS = word_set("is was remains became becomes")
_PLAY_WORDS = word_set("play plays played playing in of")
_AGENT_ENDINGS = ("smith", "keeper", "maker", "wright", "monger", "man", "woman", "ist", "ian", "eer", "ess")
#: Head nouns that also name companies and works ("Random House", "Melrose Place"): weak place evidence.
_WEAK_PLACE_HEADS = word_set("house place")
_MAKER_LINKS = word_set("into in for from the a an originally first later jointly")
#: Words between a subject and its verb that keep it the subject: "Watson later said", "Davies has said".
_AUXILIARIES = word_set("has have had later also once often then publicly would will soon first frequently famously")
_CUE_WINDOW = 8
_PERSONAL = word_set("his her")
_CONTEXT_WORDS = frozenset(word for kind_cues in CONTEXT_CUES.values() for word in kind_cues)
_SUBJECT_PRONOUNS = word_set("he she it they who we i you")
_DEMONYM_ENDINGS = ("an", "ian", "ean", "ese", "ish", "i", "ic")
_YEAR = re.compile(r"\(\s*(?:\d{4}|\d{4}\s*[–-]\s*\d{2,4}|\d{4}\s*[–-]\s*present)\s*\)")
_LIFESPAN = re.compile(r"\(\s*(?:born\b|b\.\s|c\.\s*\d{4}\s*[–-]|\d{4}\s*[–-]\s*\d{4}\s*;|died\b)")
_LIST_OPENERS = (("such", "as"), ("including",), ("like",), ("include",), ("includes",))
#: "Label: value" at the start of a line, the value possibly the second or third of a list.
_LABEL = re.compile(r"\s*([A-Z][a-z']*(?: [A-Za-z][a-z']*){0,2})\s*[:;]\s*(?:[^:;.\n]{0,60},\s*)?")


# --- settling cues -------------------------------------------------------------------------------


def strong_cues(mentions: list[Mention], doc: Doc, lines: LabelLines | None = None) -> dict[int, EntityType]:
    """Types settled by the grammar around single mentions, keyed by ``id(mention)``.

    A cue carries over a coordination: in "created by Steven Moffat and Mark Gatiss" both are people.
    """
    cues: dict[int, EntityType] = {}
    ending_at = {m.last: m for m in mentions}
    starting_at = {m.first: m for m in mentions}
    lines = lines or LabelLines(doc.text)
    for mention in mentions:
        cue = (lines.type_at(mention.start, mention.end, doc.text) or _label_cue(mention, doc)
               or _preceding_cue(mention, doc) or _apposition_cue(mention, doc)
               or _predicate_cue(mention, doc) or mention.role)
        cue = _bracket_cue(mention, doc) or _brand_cue(mention, doc) or cue
        if cue is None and mention.first >= 1:
            # "played by A, B and C": a cue carries along a list
            gap_at = mention.first - 2 if doc.tokens[mention.first - 1].text == "and" else mention.first - 1
            partner = ending_at.get(gap_at)
            if (partner is not None and id(partner) in cues and partner.sentence == mention.sentence
                    and doc.text[partner.end:mention.start] in (" and ", ", ", ", and ")):
                cue = cues[id(partner)]
        if cue is not None:
            cues[id(mention)] = cue
    _list_cues(mentions, doc, cues, starting_at)
    _possessed_cues(mentions, doc, cues, starting_at)
    _role_cues(mentions, doc, cues, starting_at)
    _cast_list_cues(mentions, doc, cues)
    return cues




def _brand_cue(mention: Mention, doc: Doc) -> EntityType | None:
    """"suits from Zara", "bought at Harwell's", "Harwell's suits": a shop or brand."""
    tokens = doc.tokens
    k = mention.first - 1
    if (k >= 1 and tokens[k].text.lower() in ("from", "at") and _same_sentence(doc, k - 1, mention.first)
            and tokens[k - 1].text.lower() in GOODS):
        return EntityType.ORGANISATION  # a coordinated "and Next" takes the cue over
    n = mention.last + 1
    if (n < len(tokens) and _same_sentence(doc, mention.last, n) and not _gap(doc, mention.last, n).strip()
            and tokens[n].text.lower() in GOODS and not tokens[n].cap):
        return EntityType.ORGANISATION
    return None


def _label_cue(mention: Mention, doc: Doc) -> EntityType | None:
    """Infobox lines: "Voiced by: Mark Meer, Jennifer Hale", "Homeworld; Persephone", "Affiliation: X"."""
    window = max(0, mention.start - 120)  # labels are short: never scan back over a long line
    line_start = doc.text.rfind("\n", window, mention.start) + 1
    if line_start == 0 and window > 0:
        return None
    match = _LABEL.fullmatch(doc.text[line_start:mention.start])
    if match is None:
        return None
    words = match.group(1).lower().split()
    if len(words) >= 2 and words[-1] == "by":
        return (EntityType.PERSON if words[-2] in BY_PERSON_VERBS
                else EntityType.ORGANISATION if words[-2] in BY_ORG_VERBS else None)
    return LABEL_TYPES.get(words[-1]) or noun_type(words[-1])


def _gap(doc: Doc, left: int, right: int) -> str:
    """The text between two tokens, without a possessive ending."""
    gap = doc.text[doc.tokens[left].end:doc.tokens[right].start]
    return gap[2:] if gap[:2] in ("'s", "’s") else gap


def _same_sentence(doc: Doc, left: int, right: int) -> bool:
    return left >= 0 and right < len(doc.tokens) and doc.tokens[left].sentence == doc.tokens[right].sentence


def _noun_slot(doc: Doc, index: int) -> EntityType | None:
    """The type of the lowercase noun at ``index``, if it is used as a noun there ("to play" is a verb)."""
    token = doc.tokens[index]
    if token.cap or (not token.text.isalpha() and "-" not in token.text):
        return None
    kind = noun_type(token.text)
    if kind is None or "VERB" not in open_classes(token.text):
        return kind
    if index == 0 or not _same_sentence(doc, index - 1, index):
        return None
    before = doc.tokens[index - 1]
    classes = open_classes(before.text)
    if (before.text.lower() in _DETERMINERS or before.possessive or (before.cap and is_function_word(before.text))
            or ("ADJ" in classes and "VERB" not in classes)):
        return kind
    return None


def _opening_phrase(doc: Doc, first: int) -> bool:
    """Whether the tokens from the sentence start up to ``first`` are an introductory phrase ("In the finale")."""
    sentence = doc.tokens[first].sentence
    start = first
    while start > 0 and doc.tokens[start - 1].sentence == sentence:
        start -= 1
    return start < first and doc.tokens[start].text.lower() in _OPENING_PREPOSITIONS and first - start <= 6


def _preceding_cue(mention: Mention, doc: Doc) -> EntityType | None:
    tokens = doc.tokens
    j = mention.first - 1
    if j < 0 or not _same_sentence(doc, j, mention.first) or _gap(doc, j, mention.first).strip():
        return None
    word = tokens[j].text.lower()
    if not tokens[j].cap:
        kind = _noun_slot(doc, j)
        if kind is not None and not (kind is EntityType.WORK and _opening_phrase(doc, j)):
            return kind  # "the archer Milva", "the website IGN"; not "In the episode Owen dies"
    if word == "by":
        if j >= 1 and tokens[j - 1].cap and not tokens[j - 1].initial and len(mention.words) > 1 and person_like(
                mention.words) and not _gap(doc, j - 1, j).strip():
            return EntityType.PERSON  # "Devil's Advocate by Jonathan Maberry": a title and its author
        maker = _maker_cue(doc, j)
        if (maker is EntityType.ORGANISATION and len(mention.words) > 1 and person_like(mention.words)
                and not all(is_common_word(w) for w in mention.words)):
            return None  # "owned by Malcolm Reynolds": a person, not a company ("Electronic Arts" is one)
        return maker
    of = j - 1 if word == "the" and j >= 1 and tokens[j - 1].text == "of" else j if word == "of" else -1
    if of >= 1 and _same_sentence(doc, of - 1, of) and not _gap(doc, of - 1, of).strip():
        return OF_NOUN_TYPES.get(tokens[of - 1].text.lower())
    if word == "the" and j >= 2 and tokens[j - 1].text in ("as", "called", "named") and _same_sentence(doc, j - 2, j):
        j, word = j - 1, tokens[j - 1].text  # "a unit known as the Blue Stripes"
    if word == "as" and j >= 2 and tokens[j - 1].text == "known" and _same_sentence(doc, j - 2, j):
        j, word = j - 1, "named"
    if word in ("named", "called") and j >= 1 and _same_sentence(doc, j - 1, j):
        noun = _noun_slot(doc, j - 1)
        if noun is not None or (not tokens[j - 1].cap and "NOUN" in open_classes(tokens[j - 1].text)):
            return noun or EntityType.CHARACTER  # "a dragon named Druk"
    if word == "in" and j >= 1 and tokens[j - 1].text.lower() in APPEARS_IN:
        return EntityType.WORK  # "first appeared in Guards! Guards!"
    if j >= 1 and _same_sentence(doc, j - 1, j):
        return PRECEDING_PAIRS.get((tokens[j - 1].text.lower(), word))
    return None


def _maker_cue(doc: Doc, by: int) -> EntityType | None:
    """"written by X", "translated into English by X", "novels by X": a person; "published by X": an organisation."""
    for k in range(by - 1, max(-1, by - 5), -1):
        if not _same_sentence(doc, k, by) or _gap(doc, k, k + 1).strip():
            return None
        word = doc.tokens[k].text.lower()
        if word in BY_PERSON_VERBS:
            return EntityType.PERSON
        if word in BY_ORG_VERBS:
            return EntityType.ORGANISATION
        if _noun_slot(doc, k) is EntityType.WORK:
            return EntityType.PERSON
        if doc.tokens[k].cap and not is_function_word(doc.tokens[k].text):
            return None
        if word == "and":
            # "voiced by X in the original series and by Y": the second "by" repeats the first
            for earlier in range(k - 1, max(-1, k - 12), -1):
                if not _same_sentence(doc, earlier, k):
                    break
                if doc.tokens[earlier].text == "by":
                    return _maker_cue(doc, earlier)
            return None
        if not doc.tokens[k].cap and word not in _MAKER_LINKS:
            return None  # only "translated into English by X" reads on; "the episode she is sent by X" does not
    return None


def _apposition_cue(mention: Mention, doc: Doc) -> EntityType | None:
    """"Mila, a housekeeper in Tain's home" and "a vineyard, Corvo Bianco,": the noun says what the name is."""
    if _opening_phrase(doc, mention.first):
        return None  # "For Ianto, the series ends": a phrase, not an apposition
    after = _noun_after(mention, doc)
    previous = doc.tokens[mention.first - 1].text if mention.first > 0 else ""
    if after in (EntityType.CHARACTER, EntityType.PERSON) and previous in _PLACE_PREPOSITIONS | {"to"}:
        after = None  # "born on Cardassia Prime, the illegitimate son of ...": the subject's apposition
    return after or _noun_before(mention, doc)


def _predicate_cue(mention: Mention, doc: Doc) -> EntityType | None:
    """"Geralt of Rivia is a fictional character", "Natla is an ancient ruler": the noun after "is a"."""
    tokens = doc.tokens
    k = mention.last + 1
    if k + 1 >= len(tokens) or not _same_sentence(doc, mention.last, k + 1) or mention.possessive:
        return None
    if tokens[k].text not in _PREDICATE_VERBS or tokens[k + 1].text not in ("a", "an", "the"):
        return None
    if _gap(doc, mention.last, k).strip() or _gap(doc, k, k + 1).strip():
        return None
    previous = tokens[mention.first - 1].text if mention.first > 0 else ""
    if previous in _PLACE_PREPOSITIONS | _PHRASE_BREAKS - {"that", "when", "where", "and", "but", "as", "while"}:
        return None  # "the death of Ianto was a ...": the subject is not the name
    return _head_noun(doc, k + 1, mention.last)


def _noun_after(mention: Mention, doc: Doc) -> EntityType | None:
    """"Mila, a housekeeper in Tain's home": the noun phrase after a comma."""
    tokens = doc.tokens
    k = mention.last + 1
    if k >= len(tokens) or not _same_sentence(doc, mention.last, k) or _gap(doc, mention.last, k).strip() != ",":
        return None
    return _head_noun(doc, k, mention.last)


def _head_noun(doc: Doc, k: int, anchor: int) -> EntityType | None:
    """The type of the head of the noun phrase at ``k`` (within 8 tokens of ``anchor``): "the young doctor"."""
    tokens = doc.tokens
    if tokens[k].text.lower() in _DETERMINERS:
        k += 1
    head: int | None = None
    while k < len(tokens) and k - anchor <= 8 and _same_sentence(doc, anchor, k):
        token = tokens[k]
        if head is not None and _gap(doc, head, k).strip():
            break
        if token.possessive:
            head = None  # "the station's security chief", "Jolie's father": the head comes after
            k += 1
            continue
        if token.cap and is_function_word(token.text) and head is None:
            k += 1  # "a British science fiction series"
            continue
        if token.cap or token.text.lower() in _PHRASE_BREAKS or not token.text[:1].isalpha():
            break
        nominal = noun_type(token.text) is not None or "NOUN" in open_classes(token.text)
        if head is not None and not nominal:
            break  # "a superweapon designed from ...": the participle is not the head
        head = k
        k += 1
    if head is None:
        return None
    return noun_type(tokens[head].text) or _agent_noun(tokens[head].text)


def _agent_noun(word: str) -> EntityType | None:
    """A noun for someone by its ending: "blacksmith", "innkeeper", "magician", "florist", "heiress"."""
    lower = word.lower()
    if len(lower) < 6 or lower.endswith(("ness", "less", "tion", "ism")):
        return None
    return EntityType.CHARACTER if lower.endswith(_AGENT_ENDINGS) else None


def _noun_before(mention: Mention, doc: Doc) -> EntityType | None:
    """"a Romulan senator, Vreenak,", "his cult, the Fiamma Nera.": a noun phrase and the name it is."""
    tokens = doc.tokens
    j = mention.first - 1
    if j >= 1 and tokens[j].text == "the" and _same_sentence(doc, j - 1, j):
        j -= 1  # "his cult, the Fiamma Nera"
    if j < 1 or not _same_sentence(doc, j, mention.first) or _gap(doc, j, j + 1).strip() != ",":
        return None
    after = doc.text[doc.tokens[mention.last].end:doc.tokens[mention.last].end + 6]
    after = after[2:] if after[:2] in ("'s", "’s") else after
    if after[:1] not in ",.;:)":
        return None  # "a Romulan senator, Vreenak," but not "In the finale, Zuko fights"
    kind = _noun_slot(doc, j) or (noun_type(tokens[j].text) if not tokens[j].cap else None)
    if kind is None or kind is EntityType.WORK:
        return None  # "after the events of the series, Ianto, ...": a work noun ends many a phrase
    for k in range(j - 1, max(-1, j - 6), -1):
        if not _same_sentence(doc, k, j) or _gap(doc, k, k + 1).strip():
            return None
        word = tokens[k].text.lower()
        if word in _DETERMINERS or tokens[k].possessive:
            return None if _opening_phrase(doc, k) else kind
        if word in _PHRASE_BREAKS:
            return None
    return None


def _bracket_cue(mention: Mention, doc: Doc) -> EntityType | None:
    """"Gareth David-Lloyd (actor)", "Tomb Raider II (1997)", "Terry Pratchett (1948–2015)"."""
    following = doc.text[doc.tokens[mention.last].end:doc.tokens[mention.last].end + 40]
    following = following[2:] if following[:2] in ("'s", "’s") else following
    paren = following.lstrip(" ")
    if not paren.startswith("("):
        return None
    if _YEAR.match(paren):
        return EntityType.WORK
    if _LIFESPAN.match(paren):
        return EntityType.PERSON
    return PAREN_CUES.get(paren[1:].split(")")[0].strip().lower())


def _list_cues(mentions: list[Mention], doc: Doc, cues: dict[int, EntityType],
               starting_at: dict[int, Mention]) -> None:
    """"house-elves such as Winky", "novels including A, B and C": the noun types every member."""
    tokens = doc.tokens
    for mention in mentions:
        for opener in _LIST_OPENERS:
            noun = mention.first - len(opener) - 1
            if noun < 0 or not _same_sentence(doc, noun, mention.first):
                continue
            if [t.text.lower() for t in tokens[noun + 1:mention.first]] != list(opener):
                continue
            if any(_gap(doc, k, k + 1).strip() for k in range(noun + 1, mention.first)):
                continue
            kind = _noun_slot(doc, noun) or _list_noun(doc, noun)
            if kind is None:
                continue
            member: Mention | None = mention
            while member is not None:
                cues.setdefault(id(member), kind)
                member = _next_in_list(member, doc, starting_at)


def _list_noun(doc: Doc, index: int) -> EntityType | None:
    """A plural noun before a list opener is a noun whatever its other readings: "games like X".

    "titles include X" too; a pronoun before it makes it a verb ("he games").
    """
    token = doc.tokens[index]
    if token.cap or not token.text.endswith("s") or len(token.text) < 4:
        return None
    if index > 0 and _same_sentence(doc, index - 1, index) and doc.tokens[index - 1].text.lower() in _SUBJECT_PRONOUNS:
        return None
    return noun_type(token.text)


def _next_in_list(mention: Mention, doc: Doc, starting_at: dict[int, Mention]) -> Mention | None:
    """The name after ``mention`` in a list "A, B and C", if there is one."""
    tokens = doc.tokens
    k = mention.last + 1
    if k >= len(tokens) or not _same_sentence(doc, mention.last, k):
        return None
    gap = _gap(doc, mention.last, k).strip()
    if gap not in ("", ","):
        return None
    if tokens[k].text == "and":
        if k + 1 >= len(tokens) or _gap(doc, k, k + 1).strip():
            return None
        k += 1
    elif gap != ",":
        return None
    return starting_at.get(k)


def _possessed_cues(mentions: list[Mention], doc: Doc, cues: dict[int, EntityType],
                    starting_at: dict[int, Mention]) -> None:
    """"Joss Whedon's Buffy the Vampire Slayer" is a work; "Six Feet Under's David Fisher" a character."""
    tokens = doc.tokens
    for owner in mentions:
        if not owner.possessive or owner.title or len(owner.words) < 2:
            continue
        k = owner.last + 1
        if k < len(tokens) and tokens[k].text == "s" and doc.text[tokens[k].start - 1] in "'’":
            k += 1  # the scraped "Whedon 's"
        owned = starting_at.get(k)
        if owned is None or owned.title or not _same_sentence(doc, owner.last, k):
            continue
        if person_like(owner.words) and not person_like(owned.words):
            cues.setdefault(id(owned), EntityType.WORK)
        elif not person_like(owner.words) and person_like(owned.words):
            cues.setdefault(id(owned), EntityType.CHARACTER)


def _role_cues(mentions: list[Mention], doc: Doc, cues: dict[int, EntityType],
               starting_at: dict[int, Mention]) -> None:
    """Actor and role: "Andrew Robinson as Elim Garak", "Rupert Grint played Ron", "stars as Geralt"."""
    tokens = doc.tokens
    for mention in mentions:
        k = mention.last + 1
        if k + 1 >= len(tokens) or not _same_sentence(doc, mention.last, k + 1) or mention.title:
            continue
        after = _gap(doc, mention.last, k).strip()
        if after == "," and tokens[k].text == "who" and tokens[k + 1].text.lower() in ACTING_VERBS:
            cues[id(mention)] = EntityType.PERSON  # "David Duchovny, who played Mulder"
            continue
        if after == ",":
            k = _skip_apposition(doc, k)  # "Jon Voight, Jolie's father, played Lord Croft"
        elif after:
            continue
        if k + 1 >= len(tokens) or not _same_sentence(doc, mention.last, k + 1) or _gap(doc, k, k + 1).strip():
            continue
        word = tokens[k].text.lower()
        if [t.text.lower() for t in tokens[k:k + 4]] == ["as", "the", "voice", "of"]:
            cues[id(mention)] = EntityType.PERSON  # "with Hayley Atwell as the voice of Lara"
            continue
        role = starting_at.get(k + 1)
        if role is None or role.title or (role.possessive and word == "as"):
            continue
        if word in ACTING_VERBS or (word == "as" and k == mention.last + 1):
            cues[id(mention)] = EntityType.PERSON
            cues[id(role)] = EntityType.CHARACTER
    for mention in mentions:
        k = mention.first - 1
        if k < 1 or mention.title or not _same_sentence(doc, k - 1, mention.first):
            continue
        if _gap(doc, k, mention.first).strip():
            continue
        word, before = tokens[k].text.lower(), tokens[k - 1].text.lower()
        if word in ACTING_VERBS and before in ("who", "had", "has", "have", "also", "then", "later"):
            cues[id(mention)] = EntityType.CHARACTER  # "Basco, who had played Rufio"
        elif word == "as" and before in ROLE_VERBS:
            cues[id(mention)] = EntityType.CHARACTER  # "was cast as Kaylee"


def _skip_apposition(doc: Doc, k: int) -> int:
    """The token after a ", ... ," apposition starting at ``k``, or ``k`` when there is none."""
    tokens = doc.tokens
    for j in range(k, min(len(tokens) - 1, k + 6)):
        if not _same_sentence(doc, j, j + 1):
            return k
        if _gap(doc, j, j + 1).strip() == ",":
            return j + 1
        if _gap(doc, j, j + 1).strip():
            return k
    return k


def _cast_list_cues(mentions: list[Mention], doc: Doc, cues: dict[int, EntityType]) -> None:
    """"Rupert Giles (Anthony Stewart Head)" and "Zach Tyler Eisen (Aang)": a character and their actor.

    Wikis write casts both ways round. Within a sentence the names in brackets are all actors or all
    characters: the side that holds full names ("Anthony Stewart Head") while the other holds single
    names ("Aang") is the actors' side; without such a difference the brackets hold the actors.
    """
    ending_at = {doc.tokens[m.last].end: m for m in mentions}
    pairs: defaultdict[int, list[tuple[Mention | None, Mention]]] = defaultdict(list)
    for inner in mentions:
        if inner.title:
            continue
        before = doc.text[max(0, inner.start - 40):inner.start]
        if not before.endswith("(") or doc.text[doc.tokens[inner.last].end:doc.tokens[inner.last].end + 1] != ")":
            continue
        head = before[:-1].rstrip()
        last_word = head.split()[-1] if head.split() else ""
        if not last_word[:1].isupper() or any(w.isupper() and len(w) >= 2 and not _roman(w.lower())
                                              for w in inner.words):
            continue  # "Skyward Comics Universe (SCU)", "Dana Cole (SHIV Remake)": an acronym is no role
        pairs[inner.sentence].append((ending_at.get(max(0, inner.start - 40) + len(head)), inner))
    for sentence_pairs in pairs.values():
        # "the actor Tom Vale (Orrin Marsh)": a noun before the outer name says which side the actors are on
        if any(outer is not None and cues.get(id(outer)) is EntityType.PERSON for outer, _ in sentence_pairs):
            for outer, inner in sentence_pairs:
                if outer is not None and not outer.title:
                    cues[id(outer)] = EntityType.PERSON
                    cues[id(inner)] = EntityType.CHARACTER
            continue
        balance = 0
        for outer, inner in sentence_pairs:
            inner_full = len(inner.words) > 1 and person_like(inner.words)
            outer_full = outer is not None and len(outer.words) > 1 and person_like(outer.words)
            balance += (inner_full and not outer_full) - (outer_full and not inner_full)
        for outer, inner in sentence_pairs:
            if balance >= 0 and len(inner.words) > 1 and person_like(inner.words):
                cues[id(inner)] = EntityType.PERSON
                if outer is not None and not outer.title:
                    cues[id(outer)] = EntityType.CHARACTER
            elif balance < 0 and outer is not None and not outer.title:
                cues[id(outer)] = EntityType.PERSON
                cues[id(inner)] = EntityType.CHARACTER


# --- votes of one entity -------------------------------------------------------------------------


def entity_type(group: Group, doc: Doc, cues: dict[int, EntityType]) -> EntityType:
    votes = entity_votes(group, doc, cues)
    default = _default_type(group)
    if not votes:
        return default
    best = max(votes, key=lambda kind: votes[kind])
    if best is EntityType.WORK and votes[best] >= W[Cue.MIN_VOTES]:
        return _episode_or_work(group, doc)
    return best if votes[best] >= W[Cue.MIN_VOTES] else default


#: Words next to a title that make it one instalment, or a whole work.
_EPISODE_WORDS = word_set("episode episodes premiere finale pilot instalment installment")
_WHOLE_WORK_WORDS = word_set("""
series show film movie novel novels book books game games franchise miniseries trilogy saga comic comics manga
anime drama dramas play musical album sequel prequel adaptation spin-off universe
""")
_TITLE_NEIGHBOURS = 3


def _episode_or_work(group: Group, doc: Doc) -> EntityType:
    """A work is one episode when written in quotation marks or named next to "episode".

    Articles quote episode and short-story titles and italicise whole works; a nearby "series", "film"
    or "novel" makes it a whole work.
    """
    episode = whole = 0.0
    tokens = doc.tokens
    for mention in group.mentions:
        if mention.quoted:
            episode += W[Cue.QUOTED_TITLE_EPISODE]
        elif mention.title:
            whole += W[Cue.ITALIC_TITLE_WORK]
        sides = (range(mention.first - 1, max(-1, mention.first - 1 - _TITLE_NEIGHBOURS), -1),
                 range(mention.last + 1, min(len(tokens), mention.last + 1 + _TITLE_NEIGHBOURS)))
        for side in sides:
            for k in side:
                if tokens[k].sentence != mention.sentence:
                    break
                word = tokens[k].text.lower()
                if word in _EPISODE_WORDS:
                    episode += W[Cue.EPISODE_WORD]
                    break
                if word in _WHOLE_WORK_WORDS:
                    whole += W[Cue.WHOLE_WORK_WORD]
                    break
    return EntityType.EPISODE if episode > whole else EntityType.WORK


def entity_votes(group: Group, doc: Doc, cues: dict[int, EntityType]) -> Votes:
    """The summed evidence for each type (exposed for tuning and for explaining a type to the user)."""
    votes: Votes = defaultdict(float)
    tokens = doc.tokens
    parts = {m.words[0] for m in group.mentions if len(m.words) == 1 and not m.title}
    person_name = any(len(m.words) > 1 and person_like(m.words) for m in group.mentions)
    for mention in group.mentions:
        if mention.title:
            votes[EntityType.WORK] += W[Cue.TITLE]
        if id(mention) in cues:
            votes[cues[id(mention)]] += W[Cue.SETTLED]
        words = [w.lower() for w in mention.words]
        _head_votes(mention.words, votes, surname_used=bool(parts & set(mention.words[1:])))
        _neighbour_votes(mention, doc, votes)
        ahead = [t.text.lower() for t in tokens[mention.last + 1:mention.last + 4] if t.sentence == mention.sentence]
        if any(ahead[i:i + 2] in (["played", "by"], ["portrayed", "by"], ["voiced", "by"]) for i in range(2)):
            votes[EntityType.CHARACTER] += W[Cue.PLAYED_BY_AFTER]  # "Rose Tyler is played by Billie Piper"
        if _plays_as(mention, doc):
            votes[EntityType.PERSON] += W[Cue.PLAYS_AS]  # "David-Lloyd delivers a monologue as Ianto"
        votes[EntityType.PERSON] += _subject_verb(mention, doc)
        for i in range(max(0, mention.first - _CUE_WINDOW), min(len(tokens), mention.last + _CUE_WINDOW + 1)):
            if mention.first <= i <= mention.last or tokens[i].sentence != mention.sentence:
                continue
            word = tokens[i].text.lower()
            if word not in _CONTEXT_WORDS:
                continue
            # "in Vask's company", "Vask and his army": what someone has, not what the name is
            owned = ((mention.possessive and i == mention.last + 1)
                     or (i > 0 and tokens[i - 1].text.lower() in _PERSONAL))
            distance = mention.first - i if i < mention.first else i - mention.last
            weight = W[Cue.CONTEXT_SCALE] / (1 + distance)
            for kind, kind_cues in CONTEXT_CUES.items():
                if word in kind_cues and not (owned and kind in (EntityType.ORGANISATION, EntityType.PLACE)):
                    votes[kind] += kind_cues[word] * weight
        if words[0].rstrip(".") in HONORIFICS and len(words) > 1:
            votes[EntityType.CHARACTER] += W[Cue.HONORIFIC_BEFORE]
        if len(mention.words) == 1 and mention.words[0] in doc.company_words and not person_name:
            votes[EntityType.ORGANISATION] += W[Cue.COMPANY_WORD]  # "Eidos" next to "Eidos Interactive"
        if any(w.isupper() and sum(c.isalpha() for c in w) > 1 and not _roman(w.lower()) for w in mention.words):
            votes[EntityType.ORGANISATION] += W[Cue.ACRONYM]  # an acronym: "CERN", "HBO Max"
        elif len(words) == 1 and _camel_case(mention.words[0]):
            votes[EntityType.ORGANISATION] += W[Cue.CAMEL_CASE]  # "BioWare", "AfterElton"
    if _default_type(group) is EntityType.CHARACTER:
        # Fandom articles are about characters: cue words must outweigh that to make a name anything else.
        votes[EntityType.CHARACTER] += W[Cue.CHARACTER_PRIOR] + W[Cue.CHARACTER_PRIOR_PER_MENTION] * len(group.mentions)
    return votes


def _neighbour_votes(mention: Mention, doc: Doc, votes: Votes) -> None:
    """Evidence from the words right before and after one mention."""
    tokens = doc.tokens
    previous = tokens[mention.first - 1] if mention.first > 0 else None
    if previous is not None and previous.sentence != mention.sentence:
        previous = None
    nxt = tokens[mention.last + 1] if mention.last + 1 < len(tokens) else None
    if nxt is not None and (nxt.sentence != mention.sentence or _gap(doc, mention.last, mention.last + 1).strip()):
        nxt = None
    # "in the Star Trek franchise", "a Romulan senator": the words before belong to the noun after.
    modifier = nxt is not None and not nxt.cap and _is_noun(nxt.text)
    if previous is not None and not mention.possessive and not mention.title and not modifier:
        preposition = previous.text.lower()
        if preposition == "the" and mention.first >= 2 and _same_sentence(doc, mention.first - 2, mention.first):
            preposition = tokens[mention.first - 2].text.lower()  # "on the Promenade", "at the Hub"
        if preposition == "on" and mention.first >= 2 and tokens[mention.first - 2].text.lower() in PLATFORM_VERBS:
            votes[EntityType.ORGANISATION] += W[Cue.BROADCAST_ON]  # "broadcast on HBO Max"
        elif _place_preposition(doc, mention, preposition) or _after_place(doc, mention):
            votes[EntityType.PLACE] += (W[Cue.PLACE_PREPOSITION_ONE_WORD] if len(mention.words) == 1
                                        else W[Cue.PLACE_PREPOSITION])  # "in Wales", "in Burbank, California"
        elif preposition == "to" and _motion_before(doc, mention.first - 1):
            votes[EntityType.PLACE] += W[Cue.MOTION_TO]  # "sends them to Australia"
        elif previous.text in ("a", "an"):
            _kind_votes(mention, doc, votes)
    if mention.possessive and not mention.title:
        _possessive_votes(mention, doc, votes)
    elif nxt is not None and not nxt.cap and not mention.title:
        if nxt.text == "who":
            votes[EntityType.CHARACTER] += W[Cue.WHO_AFTER]
            votes[EntityType.PERSON] += W[Cue.WHO_AFTER]
            kind = mention.after_the and len(mention.words) == 1  # "the Ferengi who"
            votes[EntityType.SPECIES] += W[Cue.WHO_AFTER_KIND] if kind else W[Cue.WHO_AFTER_SPECIES]
        elif previous is not None and (previous.text.lower() in _DETERMINERS | _QUANTIFIERS or previous.text == "of"):
            _modifier_votes(mention, nxt, votes)
    if len(mention.words) == 1 and _plural_of_name(mention.words[0], doc):
        _plural_votes(mention, doc, votes)
    if mention.words[0] == "The" and not mention.initial and not mention.title:
        votes[EntityType.WORK] += W[Cue.THE_MID_SENTENCE]  # "The Guardian", "The Legend of Korra" written mid-sentence


def _place_preposition(doc: Doc, mention: Mention, preposition: str) -> bool:
    """"in Wales", "at the Hub"; not "smiles at Orrin" or "a letter from Ianto"."""
    if preposition not in _PLACE_PREPOSITIONS:
        return False
    at = mention.first - 1 if doc.tokens[mention.first - 1].text.lower() == preposition else mention.first - 2
    before = doc.tokens[at - 1].text.lower() if at >= 1 and _same_sentence(doc, at - 1, at) else ""
    if preposition == "at":
        return before not in AT_PERSON_VERBS
    return preposition != "from" or before not in FROM_PERSON_NOUNS


def _after_place(doc: Doc, mention: Mention) -> bool:
    """The second of two names after a place preposition: "in Burbank, California", "to Bellefleur, Oregon"."""
    tokens = doc.tokens
    k = mention.first - 1
    if k < 1 or _gap(doc, k, mention.first).strip() != "," or not tokens[k].cap:
        return False
    following = doc.text[tokens[mention.last].end:tokens[mention.last].end + 1]
    if following not in (",", ".", ";", ")", "") and not following.isspace():
        return False
    while k > 0 and tokens[k].cap and _same_sentence(doc, k - 1, k) and not _gap(doc, k - 1, k).strip():
        k -= 1
    return tokens[k].text in _PLACE_PREPOSITIONS or (tokens[k].text == "to" and _motion_before(doc, k))


def _subject_verb(mention: Mention, doc: Doc) -> float:
    """The weight of a verb of speaking or making right after the name, in the active voice ("Watson later said").

    Taking a part counts too: "Greg Baldwin took over the role" (not "Ianto plays a key role").
    """
    if mention.possessive:
        return 0.0
    following = [t.text.lower() for t in doc.tokens[mention.last + 1:mention.last + 6]
                 if t.sentence == mention.sentence]
    for i in range(1, len(following) - 1):
        if following[i] == "the" and following[i + 1] in ("role", "part") and following[i - 1] not in _PLAY_WORDS:
            gap = doc.text[doc.tokens[mention.last].end:doc.tokens[mention.last + i + 2].start]
            if not any(ch in gap for ch in ",;:"):
                return W[Cue.TAKES_THE_ROLE]
    start = mention.last + 1
    if (start + 1 < len(doc.tokens) and doc.tokens[start].text == "who" and _same_sentence(doc, mention.last, start)
            and _gap(doc, mention.last, start).strip() == ","):
        start += 1  # "W. H. Auden, who reviewed the book"
    for k in range(start, min(len(doc.tokens), start + 3)):
        if not _same_sentence(doc, k - 1, k) or (k > start and _gap(doc, k - 1, k).strip()):
            return 0.0
        word = doc.tokens[k].text.lower()
        if word in SUBJECT_VERBS:
            # Characters say and tell things in plot summaries too: bare "Jack said" counts half,
            # "Davies has said", "Watson later said" in full.
            plain_speech = word in SPEECH_VERBS and k == start
            return SUBJECT_VERBS[word] * W[Cue.PLAIN_SPEECH_SHARE] if plain_speech else SUBJECT_VERBS[word]
        if word not in _AUXILIARIES:
            return 0.0
    return 0.0


def _is_noun(word: str) -> bool:
    if is_function_word(word):
        return False
    if noun_type(word) is not None or word in ORG_MODIFIED or word in WORK_MODIFIED:
        return True
    classes = open_classes(word)
    return "NOUN" in classes and "VERB" not in classes


def _motion_before(doc: Doc, to: int) -> bool:
    """A verb of motion before "to", within the clause: "travel through the Old Forest to Bree"."""
    for k in range(to - 1, max(-1, to - 7), -1):
        if not _same_sentence(doc, k, to) or _gap(doc, k, k + 1).strip():
            return False
        if doc.tokens[k].text.lower() in MOTION_VERBS:
            return True
    return False


def _plural_of_name(word: str, doc: Doc) -> bool:
    """"Cardassians" next to "Cardassian", "Horcruxes" next to "Horcrux" (not "Jacks" next to "Jack Harkness")."""
    stem = word[:-1] if word[:-1] in doc.single_names else word[:-2] if word.endswith("es") else ""
    return len(word) > 4 and word.endswith("s") and stem in doc.single_names and stem not in doc.person_words


def _plural_votes(mention: Mention, doc: Doc, votes: Votes) -> None:
    """The plural of a name is a kind: a species when it acts ("the Cardassians had"), else an object."""
    tokens = doc.tokens
    votes[EntityType.SPECIES] += W[Cue.PLURAL_SPECIES]
    votes[EntityType.OBJECT] += W[Cue.PLURAL_OBJECT]
    k = mention.last + 1
    if k < len(tokens) and _same_sentence(doc, mention.last, k) and not _gap(doc, mention.last, k).strip():
        word = tokens[k].text.lower()
        if word in _COPULAS | {"had", "have", "were"} or (not tokens[k].cap and "VERB" in open_classes(word)
                                                          and "NOUN" not in open_classes(word)):
            votes[EntityType.SPECIES] += W[Cue.PLURAL_ACTS]
    if mention.first > 0 and tokens[mention.first - 1].possessive:
        votes[EntityType.OBJECT] += W[Cue.PLURAL_POSSESSED]  # "Voldemort's Horcruxes"


def _kind_votes(mention: Mention, doc: Doc, votes: Votes) -> None:
    """"a Changeling", "a Horcrux": a kind of thing, not a single character."""
    before = doc.tokens[mention.first - 2] if mention.first >= 2 else None
    if before is not None and before.sentence == mention.sentence and before.text.lower() in _COPULAS:
        votes[EntityType.SPECIES] += W[Cue.KIND_AFTER_COPULA]  # "who is himself a Changeling"
    else:
        votes[EntityType.OBJECT] += W[Cue.KIND_OBJECT]
        votes[EntityType.SPECIES] += W[Cue.KIND_SPECIES]


def _modifier_votes(mention: Mention, modified: Token, votes: Votes) -> None:
    """A name used before a noun: "a Romulan senator", "a bar of Cadbury chocolate", "the Netflix series"."""
    word = modified.text.lower()
    if "NOUN" not in open_classes(word) and noun_type(word) is None:
        return
    if word in ORG_MODIFIED:
        votes[EntityType.ORGANISATION] += W[Cue.MODIFIES_ORG_NOUN]
    elif word in WORK_MODIFIED:
        votes[EntityType.WORK] += W[Cue.MODIFIES_WORK_NOUN]
    elif noun_type(word) in (EntityType.CHARACTER, EntityType.PERSON) and len(mention.words) == 1:
        name = mention.words[0].lower()
        if name.endswith(_DEMONYM_ENDINGS) and len(name) > 4:
            votes[EntityType.SPECIES] += W[Cue.DEMONYM_MODIFIER]  # "a Cardassian tailor"
        else:
            votes[EntityType.ORGANISATION] += W[Cue.MODIFIES_PERSON_NOUN]  # "a Starfleet officer"
            votes[EntityType.SPECIES] += W[Cue.MODIFIES_PERSON_NOUN_SPECIES]


def _possessive_votes(mention: Mention, doc: Doc, votes: Votes) -> None:
    tokens = doc.tokens
    following = [t for t in tokens[mention.last + 1:mention.last + 5] if t.sentence == mention.sentence]
    if following and following[0].text == "s" and doc.text[following[0].start - 1] in "'’":
        following = following[1:]  # the scraped "Whedon 's"
    if not following:
        return
    if following[0].cap:
        words = mention.words
        if len(words) > 1 and not person_like(words) and is_name_token(following[0]):
            votes[EntityType.WORK] += W[Cue.POSSESSES_NAME_WORK]  # "Six Feet Under's David Fisher"
        elif len(words) > 1 and person_like(words):
            votes[EntityType.PERSON] += W[Cue.POSSESSES_NAME_PERSON]  # "Joss Whedon's Buffy the Vampire Slayer"
        return
    lowered = [t.text.lower() for t in following if not t.cap]
    person_like_name = len(mention.words) > 1 and person_like(mention.words)
    organisation = any(w in ORG_CREATIONS for w in lowered)
    if any(w in PERSON_CREATIONS or w in WORK_HEADS for w in lowered) and (person_like_name or not organisation):
        votes[EntityType.PERSON] += W[Cue.POSSESSES_CREATION]  # "Pratchett's Discworld novels", "Shakespeare's play"
    elif organisation:
        maker = EntityType.PERSON if person_like_name else EntityType.ORGANISATION
        votes[maker] += W[Cue.POSSESSES_ORG_CREATION]  # "Nickelodeon's series"


def _plays_as(mention: Mention, doc: Doc) -> bool:
    """The mention is followed, within a clause, by "as" and a capitalised name."""
    tokens = doc.tokens
    for i in range(mention.last + 1, min(len(tokens) - 1, mention.last + 6)):
        if tokens[i].sentence != mention.sentence or "," in doc.text[tokens[i - 1].end:tokens[i].start]:
            return False
        if tokens[i].text == "as" and tokens[i - 1].text.lower() in ("such", "known", "well", "same"):
            return False
        if tokens[i].text == "as" and is_name_token(tokens[i + 1]) and not is_function_word(tokens[i + 1].text):
            return True
    return False


#: Words after a leading organisation head: "Brotherhood Without Names" ("Order of X" goes by its connector).
_LEADING_HEAD_LINKS = word_set("without for against")


def _head_votes(words: tuple[str, ...], votes: Votes, *, surname_used: bool) -> None:
    """The last word of a name, or the word before its connector: "Torchwood Institute", "House of the Dead".

    A head that is also someone's surname ("Elijah Wood", "Lois Lane") counts for little when the
    document also uses that word alone as a name. A lone capitalised head noun counts a little: "the
    Navy", "the Syndicate" (but "River" alone is a name, not a river).
    """
    if len(words) < 2:
        lone = words[0].lower()
        if lone in ORG_HEADS and is_common_word(lone):
            votes[EntityType.ORGANISATION] += W[Cue.LONE_ORG_HEAD]
        if words[0] in KNOWN_PLACES:
            votes[EntityType.PLACE] += W[Cue.KNOWN_PLACE]
        return
    lowered = [w.lower() for w in words]
    if lowered[0] == "house" and len(words) == 2 and not is_common_word(words[1]):
        votes[EntityType.ORGANISATION] += W[Cue.NOBLE_HOUSE]  # "House Varrow", not "House of the Dead"
    elif lowered[0] in ORG_HEADS and lowered[1] in _LEADING_HEAD_LINKS:
        votes[EntityType.ORGANISATION] += W[Cue.LEADING_ORG_HEAD]
    last = lowered[-2] if lowered[-1].isdigit() else lowered[-1]  # "District 12"
    heads = [last.rsplit("-", 1)[-1]]
    for index, word in enumerate(lowered):
        if word in CONNECTORS and word not in NAME_PARTICLES and index > 0:
            heads.append(lowered[index - 1])
            break
    weight = W[Cue.HEAD_WORD_SURNAME] if surname_used else W[Cue.HEAD_WORD]
    if lowered[0] in PLACE_PREFIXES:
        votes[EntityType.PLACE] += weight  # "Mount Doom", "Lake Geneva"
    for head in heads:
        if head in PLACE_HEADS or head in PLACE_TYPE_HEADS:
            votes[EntityType.PLACE] += weight / 2 if head in _WEAK_PLACE_HEADS else weight
        if head in ORG_HEADS or head in GROUP_TYPE_HEADS:
            votes[EntityType.ORGANISATION] += weight
        if head in OBJECT_HEADS:
            votes[EntityType.OBJECT] += weight
        if head in CHARACTER_HEADS:
            votes[EntityType.CHARACTER] += W[Cue.CHARACTER_HEAD]  # "Cigarette Smoking Man"
        if head in WORK_HEADS:
            votes[EntityType.WORK] += W[Cue.WORK_HEAD]


def _camel_case(word: str) -> bool:
    """An inner capital that is not a name prefix: "BioWare", but not "McCormack" or "DeLisle"."""
    inner = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
    return bool(inner) and word[:inner[0]] not in ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du")


def _roman(word: str) -> bool:
    return bool(word) and all(ch in "ivxlc" for ch in word)


def _default_type(group: Group) -> EntityType:
    """Without cues: a name made of name words is a character, anything else stays "other".

    A one-word name mostly written after "the" ("the Jem'Hadar", "the Promenade") is not a person's.
    """
    words = max((m.words for m in group.mentions), key=len)
    if epithet(words):
        return EntityType.CHARACTER
    if any(w in CONNECTORS and w not in NAME_PARTICLES for w in words):
        return EntityType.OTHER
    lone = [m for m in group.mentions if len(m.words) == 1 and not m.title]
    if len(words) == 1 and 2 * sum(m.after_the for m in lone) > len(lone):
        return EntityType.OTHER
    if len(words) > 1 and person_like(words) and not all(is_common_word(w) for w in words):
        return EntityType.CHARACTER
    if len(words) == 1 and not is_common_word(words[0]):
        return EntityType.CHARACTER
    return EntityType.OTHER
