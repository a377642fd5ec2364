"""Step 2 of the builder: mentions grouped into one entry per person or thing.

Honorifics are peeled off ("Captain Jack Harkness" -> "Jack Harkness"); a first name, a surname or a
name without its middle name joins the full name it belongs to; family-name-first order joins the usual
order; "Mr. X" and "Mrs. X" stay apart when several people share the surname; a shared surname alone
goes to the person just named. Other names the text gives (nicknames, acronyms) are joined afterwards
by ``aliases``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ficdesk.canon.analysis import (
    Group,
    Mention,
    bisect,
    core,
    epithet,
    person_like,
)
from ficdesk.canon.lexicon import (
    COMPANY_HEADS,
    CONNECTORS,
    HONORIFICS,
    ORG_HEADS,
    is_common_word,
)
from ficdesk.canon.model import EntityType

# --- aliases -------------------------------------------------------------------------------------






def group_mentions(mentions: list[Mention], cues: dict[int, EntityType]) -> list[Group]:
    by_core: dict[tuple[str, ...], Group] = {}
    apart = _families(mentions)
    for mention in mentions:
        key = mention.words if mention.title else core(mention.words)
        if not mention.title and len(mention.words) == 2 and mention.words[1] in apart \
                and mention.words[0].rstrip(".").lower() in _FAMILY_TITLES:
            key = (mention.words[0].rstrip("."), mention.words[1])  # "Mrs. Everdeen" is not Katniss Everdeen
            mention.family = True
        group = by_core.setdefault(key, Group())
        group.forms.add(mention.form)
        group.mentions.append(mention)
    titles = {key for key, group in by_core.items() if all(m.title for m in group.mentions)}
    # Attach shorter names to the longest full name they begin or end, most mentioned first.
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}
    cores = sorted(by_core, key=lambda k: (-len(k), -len(by_core[k].mentions)))
    stems = _stems(by_core, titles)
    person_words = {w for k in by_core if len(k) > 1 and k not in titles and person_like(k) for w in k}
    for short in sorted(by_core, key=len):
        if short in titles or short in stems:
            continue
        best: tuple[str, ...] | None = None
        best_count = -1
        for long in cores:
            if len(long) <= len(short) or long in titles or long in parent:
                continue
            bare = _without_suffix(long)  # "Thewlis" is the surname of "Malcolm Thewlis Jr."
            prefix = long[: len(short)] == short and (
                (person_like(long) and (len(short) == 1 or person_like(short)))
                or (len(short) == 1 and (epithet(long) or _company_of(short[0], long, person_words))))
            suffix = (bare[-len(short):] == short and len(bare) > len(short)
                      and not any(w in CONNECTORS or w in _ARTICLES for w in bare[1:]))
            if not (prefix or suffix):
                continue
            count = len(by_core[long].mentions)
            # Most mentioned; on a tie the one named first ("Gillian Anderson" before "Kevin J. Anderson").
            if count > best_count or (count == best_count and best is not None
                                      and by_core[long].mentions[0].start < by_core[best].mentions[0].start):
                best, best_count = long, count
        if best is not None:
            parent[short] = best
    for key, group in by_core.items():
        for mention in group.mentions:
            if mention.same_as and mention.same_as in by_core and key not in parent and mention.same_as != key:
                parent[key] = mention.same_as
    _merge_short_given_names(by_core, parent, titles)
    _merge_reordered_names(by_core, parent, titles)
    _merge_title_variants(by_core, parent, titles)
    _merge_title_heads(by_core, parent)

    def root_of(key: tuple[str, ...]) -> tuple[str, ...]:
        while key in parent:
            key = parent[key]
        return key

    _surnames_by_recency(by_core, parent, titles, root_of)

    # Full names whose given name or surname is used alone are people: "*Harry Potter* series" is another entity.
    people = {root_of(long) for short, long in parent.items() if len(short) == 1 and short not in titles
              and long not in titles
              and 2 * sum(m.after_the for m in by_core[short].mentions) < len(by_core[short].mentions)}
    merged: dict[tuple[str, ...], Group] = {}
    for key, group in by_core.items():
        root = root_of(key)
        target = merged.setdefault(root, Group())
        for mention in group.mentions:
            if mention.title and root in people and root != key and len(mention.words) == 1:
                mention.title = False  # a given name in quotes ("Ianto!", known as "Mal") is not a title
                mention.surface = mention.words[0]
            if (root != key and cues.get(id(mention)) == EntityType.WORK) or (mention.title and root in people):
                # "the series Sherlock" is not the character Sherlock Holmes: it stays on its own.
                alone = merged.setdefault(("\0work", *key), Group())
                alone.forms.add(mention.form)
                alone.mentions.append(mention)
            else:
                target.forms.add(mention.form)
                target.mentions.append(mention)
    return [group for group in merged.values() if group.mentions]


_FAMILY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mister", "madam"})
#: Words after a surname that are not the surname: "Malcolm Thewlis Jr.", "Henry Ford II".
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
#: Articles, folded; inside a name one makes it a phrase ("Mira the Dragon Tamer"), whose last word is no
#: surname, written "the" or "The" there (:data:`_ARTICLES`).
_ARTICLE_WORDS = frozenset({"the", "a", "an"})
_ARTICLES = _ARTICLE_WORDS | {"The"}
_INNER_SMALL_WORDS = frozenset({"the", "a", "an", "of", "in", "and", "on", "to", "for", "at"})


def _without_suffix(words: tuple[str, ...]) -> tuple[str, ...]:
    return words[:-1] if len(words) > 2 and words[-1].lower() in _NAME_SUFFIXES else words


def _company_of(word: str, long: tuple[str, ...], person_words: set[str]) -> bool:
    """"Vantor" of "Vantor Mining Company": the first word of a company's name, no person's name.

    Companies only: "Starfleet" is not "Starfleet Academy", nor a show "Torchwood" its "Torchwood Institute".
    """
    return long[-1].lower() in COMPANY_HEADS and word not in person_words and not is_common_word(word)


def _stems(by_core: dict[tuple[str, ...], Group], titles: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Names of two or more words that begin several longer names: a franchise or a family, no one person.

    "Star Harbour" begins "Star Harbour Legends" and "Star Harbour Tactics": it is neither of them.
    """
    continuations: dict[tuple[str, ...], set[str]] = {}
    for key in by_core:
        for cut in range(2, len(key)):
            continuations.setdefault(key[:cut], set()).add(key[cut])
    return {key for key in by_core if len(key) >= 2 and len(continuations.get(key, ())) >= 2}
_MALE_TITLES = frozenset({"mr", "mister"})


def _families(mentions: list[Mention]) -> set[str]:
    """Surnames that name several people: two full names share them, or both "Mr." and "Mrs." are used.

    "Mr. Everdeen" and "Mrs. Everdeen" are then people of their own, not Katniss Everdeen.
    """
    given: dict[str, set[str]] = {}
    titled: dict[str, set[bool]] = {}
    for mention in mentions:
        words = mention.words
        if mention.title or len(words) < 2:
            continue
        head = words[0].rstrip(".").lower()
        if len(words) == 2 and head in _FAMILY_TITLES:
            titled.setdefault(words[1], set()).add(head in _MALE_TITLES)
        elif person_like(words) and head not in HONORIFICS:
            given.setdefault(words[-1], set()).add(words[0])
    return {name for name, kinds in titled.items() if len(kinds) > 1 or len(given.get(name, ())) > 1}


def _merge_title_variants(
    by_core: dict[tuple[str, ...], Group], parent: dict[tuple[str, ...], tuple[str, ...]],
    titles: set[tuple[str, ...]],
) -> None:
    """A title written with or without an inner article, or in another case, is one title.

    "The Lamp of the Nine" and "The Lamp of Nine"; "Mira the Dragon Tamer" and "Mira The Dragon Tamer".
    """
    buckets: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key in by_core:
        folded = tuple(w.casefold() for w in key)
        if len(key) < 3 or key in parent or not (key in titles or set(folded[1:]) & _INNER_SMALL_WORDS):
            continue
        bare = folded[:1] + tuple(w for w in folded[1:] if w not in _ARTICLE_WORDS)
        buckets.setdefault(bare, []).append(key)
    for keys in buckets.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: (-len(by_core[k].mentions), by_core[k].mentions[0].start))
        for key in keys[1:]:
            parent[key] = keys[0]


def _merge_title_heads(by_core: dict[tuple[str, ...], Group], parent: dict[tuple[str, ...], tuple[str, ...]]) -> None:
    """"Brawlheim" alone is "Brawlheim: Iron Rings": a one-word main title before a subtitle.

    Only when no other name begins with that word, it is not used after "the" ("the Wardens" is a
    team, not "Wardens: Last Stand") and it is not a title of its own (an italic "*Brawlheim*").
    """
    for key, group in by_core.items():
        heads = {m.form.split(":", 1)[0].strip() for m in group.mentions if ":" in m.form}
        for head in heads:
            short = (head,)
            if (" " in head or short not in by_core or short in parent or key in parent or short == key
                    or any(k != key and k != short and k[0] == head for k in by_core)
                    or any(m.after_the or m.title for m in by_core[short].mentions)):
                continue
            parent[short] = key


def _merge_reordered_names(
    by_core: dict[tuple[str, ...], Group], parent: dict[tuple[str, ...], tuple[str, ...]],
    titles: set[tuple[str, ...]],
) -> None:
    """Family name first is the same person: "Midoriya Izuku" joins "Izuku Midoriya" (the more used order)."""
    for key in list(by_core):
        other = (key[1], key[0]) if len(key) == 2 else None
        if (other is None or other not in by_core or key in parent or other in parent or key in titles
                or other in titles or not person_like(key)):
            continue
        if (len(by_core[key].mentions), -by_core[key].mentions[0].start) < \
                (len(by_core[other].mentions), -by_core[other].mentions[0].start):
            parent[key] = other


def _surnames_by_recency(
    by_core: dict[tuple[str, ...], Group], parent: dict[tuple[str, ...], tuple[str, ...]],
    titles: set[tuple[str, ...]], root_of: Callable[[tuple[str, ...]], tuple[str, ...]],
) -> None:
    """A surname used alone that several people share goes to the one most often named just before it.

    "Gregor Clegane ... Sandor Clegane ... Clegane" is Sandor when the text mostly says "Clegane" right
    after naming Sandor; the most-mentioned full name would be a guess.
    """
    for short in [k for k in by_core if len(k) == 1 and k in parent and k not in titles]:
        owners = {root_of(k) for k in by_core if len(k) > 1 and k[-1] == short[0] and k not in titles
                  and person_like(k) and root_of(k) != root_of(short)} | {root_of(short)}
        if len(owners) < 2:
            continue
        named = sorted((m.start, root_of(k)) for k in by_core if len(k) > 1 and k[-1] == short[0]
                       and root_of(k) in owners for m in by_core[k].mentions)
        starts = [start for start, _ in named]
        votes: Counter[tuple[str, ...]] = Counter()
        for mention in by_core[short].mentions:
            at = bisect(starts, mention.start) - 1
            if at >= 0:
                votes[named[at][1]] += 1
        if votes:
            winner = max(votes, key=lambda root: (votes[root], len(by_core[root].mentions)))
            if winner != short:
                parent[short] = winner


def _merge_short_given_names(
    by_core: dict[tuple[str, ...], Group], parent: dict[tuple[str, ...], tuple[str, ...]],
    titles: set[tuple[str, ...]],
) -> None:
    """Merge two-word names into a fuller form of the same name.

    "Sam Vimes" joins "Samuel Vimes" (a shortened given name), "Hermione Granger" joins "Hermione Jean
    Granger" (a middle name).
    """
    two = [k for k in by_core if len(k) == 2 and k not in titles and k not in parent and person_like(k)]
    three = {(k[0], k[2]): k for k in by_core if len(k) == 3 and k not in titles and person_like(k)}
    for short in two:
        if short in three:
            parent[short] = three[short]
            continue
        for long in two:
            if short == long or short[1] != long[1] or long in parent or short in parent:
                continue
            shortened = len(short[0]) >= 3 and len(short[0]) < len(long[0]) and long[0].startswith(short[0])
            if shortened or (_spelling_variant(short[0], long[0])
                             and len(by_core[short].mentions) < len(by_core[long].mentions)):
                parent[short] = long
                break
    # "Vantor Company" of "Vantor Mining Company": an organisation's name without its middle words
    for short in [k for k in by_core if len(k) == 2 and k not in titles and k not in parent
                  and k[-1].lower() in ORG_HEADS | COMPANY_HEADS]:
        longer = [k for k in by_core if len(k) > 2 and k[0] == short[0] and k[-1] == short[-1] and k not in titles
                  and k not in parent]
        if len(longer) == 1:
            parent[short] = longer[0]


def _spelling_variant(one: str, other: str) -> bool:
    """Two spellings of one given name, a letter apart ("Minako" and "Minaco"): romanised names vary."""
    if len(one) != len(other) or len(one) < 5 or one[0] != other[0]:
        return False
    return sum(a != b for a, b in zip(one, other, strict=True)) == 1
