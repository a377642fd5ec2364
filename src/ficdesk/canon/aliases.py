"""Other names the text gives for someone: nicknames, "known as", infobox alias lines, acronyms, romanised names.

Runs after names are grouped (``extract._group``): each cue joins the group of the name it gives to the
group it belongs to, so "Izuku Midoriya ... nicknamed "Deku"" is one entry. The owner is the nearest
name before the cue in the same sentence, else the article's subject (the most-named entity of the
opening lines). A group never absorbs one that is named more often than itself.
"""

from __future__ import annotations

import re

from ficdesk.canon.analysis import Doc, Group, Mention, person_like, roman
from ficdesk.canon.labels import LabelLines
from ficdesk.canon.lexicon import is_common_word, word_set

#: Words that introduce another name of someone named before: "nicknamed X", "also known as X".
_CUE_WORDS = word_set("nicknamed nickname nicknames known a.k.a aka alias dubbed codenamed nee née")
#: Words allowed between a cue and the name it gives: "known by his hero name X", "nickname is X".
_BRIDGE = word_set("as by his her their its the a hero super code name names is was simply just fans many also")
#: Words of marriage: a woman named with two surnames is one person when the text says she married.
_MARRIAGE_WORDS = word_set("wife husband married marries marry marrying marriage widow widowed nee née maiden")
#: Bracket labels of another spelling of the name just before: "(Japanese: ..., Hepburn: X)", "(born X)".
_BRACKET_CUES = word_set("hepburn romanized romanised romanization romanisation born nee née")
_OPENING = 500
_MAX_BRIDGE = 4


def link_given_aliases(groups: list[Group], doc: Doc, lines: LabelLines) -> list[Group]:
    """Merge the groups of names the text gives as other names into their owners' groups."""
    owner_of: dict[int, int] = {}  # id(mention) -> group index
    starting: dict[int, Mention] = {}
    for index, group in enumerate(groups):
        for mention in group.mentions:
            owner_of[id(mention)] = index
            starting.setdefault(mention.first, mention)
    ordered = sorted((m for g in groups for m in g.mentions), key=lambda m: m.first)
    subject = article_subject(groups, doc)
    parent: dict[int, int] = {}

    def root(index: int) -> int:
        while index in parent:
            index = parent[index]
        return index

    given: dict[int, int] = {}  # group index -> how many of its mentions a cue gives

    def join(alias: int, owner: int, *, defined: bool = False) -> None:
        """Only a name mostly used where it is given joins, not an entry of its own ("The Hunger Games").

        A name defined in brackets right after another ("(MCU)", "(born X)") always joins.
        """
        alias, owner = root(alias), root(owner)
        own_uses = len(groups[alias].mentions) - given.get(alias, 0)
        # a name used often on its own is an entry of its own, unless it is a plain name its owner dwarfs
        own_entry = own_uses > 2 and (2 * sum(m.title for m in groups[alias].mentions) >= len(groups[alias].mentions)
                                      or own_uses * 4 > len(groups[owner].mentions))
        if alias == owner or (not defined and (len(groups[alias].mentions) > len(groups[owner].mentions)
                                                or own_entry)):
            return
        parent[alias] = owner

    joins: list[tuple[int, int]] = []
    defined: list[tuple[int, int]] = []
    previous: Mention | None = None
    for mention in ordered:
        if previous is not None and (_in_bracket_after(previous, mention, doc)
                                     or _acronym_of(previous, mention, doc)):
            defined.append((owner_of[id(mention)], owner_of[id(previous)]))
            continue  # the bracketed name does not become the "name before" of the next cue
        cued = _given_by_cue(mention, doc, previous) or _named_predicate(mention, doc, previous)
        listed = not cued and lines.alias_at(mention.start, mention.end, doc.text) and not (
            len(mention.words) == 1 and is_common_word(mention.words[0]) and not _whole_item(mention, doc))
        if (cued or listed) and subject is not None:
            before = previous if cued and previous is not None and previous.sentence == mention.sentence else None
            owner = owner_of[id(before)] if before is not None and _personal(groups[owner_of[id(before)]]) else subject
            joins.append((owner_of[id(mention)], owner))
        previous = mention
    for alias, _owner in joins:
        given[alias] = given.get(alias, 0) + 1
    for alias, owner in defined:
        join(alias, owner, defined=True)
    for alias, owner in joins:
        join(alias, owner)
    for alias, owner in _short_forms(groups) + _acronyms(groups) + _married_names(groups, doc):
        join(alias, owner, defined=True)  # a short form is used on its own by nature
    if not parent:
        return groups
    merged: dict[int, Group] = {}
    for index, group in enumerate(groups):
        if root(index) != index:
            for mention in group.mentions:
                mention.given = True
        target = merged.setdefault(root(index), Group())
        target.forms |= group.forms
        target.mentions.extend(group.mentions)
    for group in merged.values():
        group.mentions.sort(key=lambda m: m.start)
    return list(merged.values())


def _whole_item(mention: Mention, doc: Doc) -> bool:
    """An ordinary word that is a whole item of an alias list ("Sparrow (by his mother)").

    Not the start of an unquoted longer name ("Boy" of "Boy of Ash").
    """
    after = doc.text[mention.end:mention.end + 3].lstrip(" ")
    before = doc.text[max(0, mention.start - 3):mention.start].rstrip(" ")
    return after[:1] in ("(", ",", ";", "|", "\n", "") and before[-1:] in (")", ",", ";", "|", ":", "\n", "•", "")


def article_subject(groups: list[Group], doc: Doc | None = None) -> int | None:
    """The article's subject: the entry its title line names, else the most-named of the opening lines.

    A wiki page opens with its title ("= Dara Quill =", "Dara Quill (character) |"), which may be made
    of ordinary words that no sentence would take for a name.
    """
    titled = _title_line_subject(groups, doc) if doc is not None else None
    if titled is not None:
        return titled
    opening = [i for i, g in enumerate(groups) if any(m.start < _OPENING and not m.title for m in g.mentions)]
    candidates = opening or list(range(len(groups)))
    return max(candidates, key=lambda i: len(groups[i].mentions), default=None)


def _title_line_subject(groups: list[Group], doc: Doc) -> int | None:
    """The entry whose name is the document's first line, without heading marks and a bracketed qualifier."""
    first = doc.text.lstrip().split("\n", 1)[0]
    title = re.sub(r"\s*\([^()]*\)\s*", " ", first.strip(" =#*|\t")).strip(" =#*|\t")
    if not title or len(title.split()) > 6:
        return None
    matches = [i for i, g in enumerate(groups) if title in g.forms and any(not m.title for m in g.mentions)]
    return matches[0] if len(matches) == 1 else None


def _personal(group: Group) -> bool:
    return any(not m.title for m in group.mentions) and any(
        person_like(m.words) or len(m.words) == 1 for m in group.mentions if not m.title)


def _given_by_cue(mention: Mention, doc: Doc, previous: Mention | None) -> bool:
    """A cue word (and at most a few bridge words, quotes) right before the mention."""
    tokens = doc.tokens
    k = mention.first - 1
    bridge = 0
    while k >= 0 and tokens[k].sentence == mention.sentence and bridge <= _MAX_BRIDGE:
        word = tokens[k].text.lower()
        if previous is not None and k <= previous.last:
            return False
        if word in _CUE_WORDS or (word == "k.a" or word.replace(".", "") == "aka"):
            if word == "known" and tokens[k + 1].text.lower() not in ("as", "by"):
                return False
            return word.startswith("nickname") or not _names_a_kind(doc, k, previous)
        if word not in _BRIDGE:
            return False
        bridge += 1
        k -= 1
    return False


_COPULA = word_set("is was becomes became remains")


def _named_predicate(mention: Mention, doc: Doc, previous: Mention | None) -> bool:
    """"Oriel is a fisherman named Tolan": the name the subject goes by in that role.

    The subject is the name right before the copula; "a dragon named Druk" with no subject names another.
    """
    tokens = doc.tokens
    k = mention.first - 1
    if previous is None or k < 3 or tokens[k].text.lower() not in ("named", "called"):
        return False
    k -= 1
    nouns = 0
    while k >= 0 and not tokens[k].cap and tokens[k].text.isalpha() and tokens[k].text not in ("a", "an") \
            and nouns < 3:
        nouns += 1
        k -= 1
    if not nouns or k < 1 or tokens[k].text not in ("a", "an") or tokens[k - 1].text.lower() not in _COPULA:
        return False
    return previous.last == k - 2 and previous.sentence == mention.sentence


_ADVERBS = word_set("also better commonly often simply later widely affectionately sometimes")
_PRONOUNS = word_set("he she they it who is was be being been are were and")


def _names_a_kind(doc: Doc, cue: int, previous: Mention | None) -> bool:
    """"a race known as the Cetra", "an event known as X": the cue names the noun before it, not a person."""
    tokens = doc.tokens
    k = cue - 1
    while k >= 0 and tokens[k].text.lower() in _ADVERBS and tokens[k].sentence == tokens[cue].sentence:
        k -= 1
    if k < 0 or tokens[k].sentence != tokens[cue].sentence:
        return False
    if previous is not None and k == previous.last:
        return False  # "Izuku Midoriya, also known as"
    if doc.text[tokens[k].end:tokens[k + 1].start].strip() in (",", "(", "-", "–", "—"):
        return False
    return not tokens[k].cap and tokens[k].text.lower() not in _PRONOUNS


def _short_forms(groups: list[Group]) -> list[tuple[int, int]]:
    """One-word short forms of a longer given name: "Tosh" of Toshiko, "Cass" of Castiel.

    The short form starts the longer name (a doubled last letter allowed: "Cass"), belongs to exactly one
    entry, and that entry is named more often.
    """
    lone: dict[int, str] = {}
    given: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        people = [m for m in group.mentions if not m.title]
        if not people:
            continue
        if all(len(m.words) == 1 for m in people) and len({m.words[0] for m in people}) == 1:
            lone[index] = people[0].words[0]
        for mention in people:
            if len(mention.words) <= 3 and (len(mention.words) == 1 or person_like(mention.words)):
                given.setdefault(mention.words[0], set()).add(index)
    found: list[tuple[int, int]] = []
    for index, short in lone.items():
        if len(short) < 3 or is_common_word(short) or not short[0].isupper():
            continue
        stems = {short} | ({short[:-1]} if len(short) >= 4 and short[-1] == short[-2] else set())
        owners = {owner for name, owners_of in given.items() if len(name) > len(short) and name[1:].islower()
                  and any(name.startswith(stem) for stem in stems) for owner in owners_of} - {index}
        if len(owners) == 1:
            owner = owners.pop()
            if len(groups[owner].mentions) > len(groups[index].mentions):
                found.append((index, owner))
    return found


def _in_bracket_after(previous: Mention, mention: Mention, doc: Doc) -> bool:
    """"Cloud Strife (Japanese: ..., Hepburn: Kuraudo Sutoraifu)": the bracket opens right after the name."""
    gap = doc.text[previous.end:mention.start]
    if "(" not in gap[:3] or ")" in gap or len(gap) > 80:
        return False
    k = mention.first - 1
    label = doc.tokens[k].text.lower() if k >= 0 else ""
    return label in _BRACKET_CUES


def _acronym_of(previous: Mention, mention: Mention, doc: Doc) -> bool:
    """"Marvel Cinematic Universe (MCU)": capitals in brackets that spell the initials of the name before."""
    if len(mention.words) != 1 or len(previous.words) < 2:
        return False
    if doc.text[previous.end:mention.start] not in (" (", "("):
        return False
    if doc.text[mention.end:mention.end + 1] != ")":
        return False
    acronym = mention.words[0]
    initials = "".join(w[0] for w in previous.words if w[:1].isupper())
    return acronym.isupper() and len(acronym) >= 2 and acronym == initials


def _initials(words: tuple[str, ...]) -> str:
    """"Star Harbour IV" -> "SHIV": capitalised words give their first letter, numerals stay whole."""
    return "".join(w.upper() if roman(w.lower()) or w.isdigit() else w[0] for w in words
                   if w[:1].isupper() or w.isdigit())


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not roman(word.lower())


def _acronyms(groups: list[Group]) -> list[tuple[int, int]]:
    """An acronym used alone spells the initials of one longer name: "SHIV", "SHIV Remake", "SCU".

    The acronym may stand for the opening words only ("SHIV Remake" = "Star Harbour IV Remake"); it
    joins only when exactly one name of the text fits.
    """
    forms: dict[tuple[str, ...], set[int]] = {}
    for index, group in enumerate(groups):
        for mention in group.mentions:
            if len(mention.words) >= 2:
                forms.setdefault(mention.words, set()).add(index)
    found: list[tuple[int, int]] = []
    for index, group in enumerate(groups):
        shorts = {m.words for m in group.mentions}
        if not shorts or any(not _is_acronym(words[0]) for words in shorts):
            continue
        owners: set[int] = set()
        for words in shorts:
            head, rest = words[0], words[1:]
            for long, indices in forms.items():
                if (len(long) > len(words) and long[len(long) - len(rest):] == rest
                        and _initials(long[:len(long) - len(rest)]) == head):
                    owners |= indices
        owners.discard(index)
        if len(owners) == 1:
            found.append((index, owners.pop()))
    return found


def _married_names(groups: list[Group], doc: Doc) -> list[tuple[int, int]]:
    """"Lydia Fenwick" and "Lydia Carrow": one given name with two surnames, one of them a family's of the text.

    Only when exactly two entries carry the given name, one surname is also another person's (the spouse's
    family), and a sentence naming either speaks of marriage ("his wife", "married", "née"). Two people
    who only share a given name stay apart.
    """
    full: dict[int, set[tuple[str, str]]] = {}
    for index, group in enumerate(groups):
        names = {(m.words[-2], m.words[-1]) for m in group.mentions
                 if not m.title and len(m.words) >= 2 and person_like(m.words[-2:])}
        if names:
            full[index] = names
    by_given: dict[str, set[int]] = {}
    surnames: dict[str, set[str]] = {}
    for index, names in full.items():
        for given, surname in names:
            by_given.setdefault(given, set()).add(index)
            surnames.setdefault(surname, set()).add(given)
    found: list[tuple[int, int]] = []
    marriage: set[int] | None = None
    for given, owners in by_given.items():
        if len(owners) != 2 or is_common_word(given):
            continue
        first, second = sorted(owners, key=lambda i: (-len(groups[i].mentions), i))
        family = {s for i in owners for g, s in full[i] if g == given}
        if len(family) != 2 or not any(surnames[s] - {given} for s in family):
            continue
        if marriage is None:
            marriage = {t.sentence for t in doc.tokens if t.text.lower() in _MARRIAGE_WORDS}
        if any(m.sentence in marriage for i in owners for m in groups[i].mentions):
            found.append((second, first))
    return found
