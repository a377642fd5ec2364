"""Which entities belong to the article's fandom, and which come from other works, named only in passing.

Articles compare their characters with those of other shows ("compared to Vex Arno in *Starfall
Nine*", "unlike *Harbour Lights*' Tom Reyes"). Those names are real entities, but not this fandom's:
they are marked ``mentioned`` and listed apart. An entity is *mentioned* when every sentence that
names it is a comparison (a comparison word such as "compared", "unlike", "contrasted") and at least
one of those sentences names another work: a work entity that itself only appears in comparisons,
or the possessor in "another work's character" ("Starfall Nine's Vex Arno", "24's ..."). The
article's main work (its most important work entity) is never another work.
"""

from __future__ import annotations

from ficdesk.canon.analysis import Doc, Group, Mention
from ficdesk.canon.lexicon import word_set
from ficdesk.canon.model import Entity, EntityType

COMPARISON_WORDS = word_set("""
compared comparison comparisons comparing compares compare contrasted contrast contrasts contrasting unlike likened
likens resembles resembling reminiscent akin analogous parallels paralleled
""")
_WORKS = (EntityType.WORK, EntityType.EPISODE)


def mark_mentioned(groups: list[Group], entities: list[Entity], doc: Doc) -> None:
    """Set ``Entity.mentioned`` on the entities of other works; ``groups[i]`` is the group of ``entities[i]``."""
    comparing = _comparison_sentences(doc)
    if not comparing:
        return
    works = [i for i, e in enumerate(entities) if e.type in _WORKS]
    home = max(works, key=lambda i: entities[i].score, default=None)
    sentences = [{m.sentence for m in group.mentions} for group in groups]
    foreign = {i for i in works if i != home and sentences[i] <= comparing}
    ending = {m.last: i for i, group in enumerate(groups) for m in group.mentions}
    foreign_sentences = {m.sentence for i in foreign for m in groups[i].mentions}
    framed: set[int] = set()  # entities named as another work's: "Starfall Nine's Vex Arno"
    for i, group in enumerate(groups):
        if any(_possessed_by_other_work(m, doc, ending, foreign) for m in group.mentions):
            framed.add(i)
    foreign_sentences |= {m.sentence for i in framed for m in groups[i].mentions}
    for i, entity in enumerate(entities):
        if i == home or not sentences[i] or not sentences[i] <= comparing:
            continue
        if i in foreign or i in framed or sentences[i] & foreign_sentences:
            entity.mentioned = True


def _comparison_sentences(doc: Doc) -> set[int]:
    return {t.sentence for t in doc.tokens if not t.cap and t.text.lower() in COMPARISON_WORDS}


def _possessed_by_other_work(mention: Mention, doc: Doc, ending: dict[int, int], foreign: set[int]) -> bool:
    """The mention follows a possessive that is another work's title, or a bare number used as one ("24's")."""
    k = mention.first - 1
    tokens = doc.tokens
    if k >= 1 and tokens[k].text == "s" and tokens[k - 1].possessive:
        k -= 1  # the scraped "24 's"
    if k < 0 or not tokens[k].possessive or tokens[k].sentence != mention.sentence:
        return False
    return tokens[k].text.isdigit() or ending.get(k) in foreign


#: Words around a ship name: "a portmanteau used by the shipping fandom", "Janto fans".
SHIP_WORDS = word_set("""
portmanteau ship ships shipping shipper shippers shipped pairing pairings otp couple romance romantic fans fandom
slash
""")


def mark_ships(groups: list[Group], entities: list[Entity], doc: Doc) -> None:
    """A one-word name blended from two characters' names ("Jack" + "Ianto" = "Janto") is their ship.

    Only when a sentence naming it talks about shipping or fans, so an ordinary name that happens to
    blend two others stays a character.
    """
    people = {e.name.split()[0] for e in entities
              if e.type is EntityType.CHARACTER and not e.mentioned and e.name[:1].isupper()}
    people |= {a for e in entities if e.type is EntityType.CHARACTER for a in e.aliases if " " not in a}
    starts: dict[str, set[str]] = {}
    ends: dict[str, set[str]] = {}
    for name in people:
        lower = name.lower()
        for cut in range(2, len(lower) + 1):
            starts.setdefault(lower[:cut], set()).add(name)
            ends.setdefault(lower[-cut:], set()).add(name)
    for group, entity in zip(groups, entities, strict=True):
        word = entity.name
        if " " in word or len(word) < 4 or entity.type in (EntityType.PERSON, EntityType.RELATIONSHIP):
            continue
        pair = _blend(word, starts, ends)
        if pair is None:
            continue
        talk = {w.strip(".,;:!?\"'()[]").lower() for m in group.mentions
                for w in doc.text[slice(*doc.sentences[m.sentence])].split()}
        if talk & SHIP_WORDS:
            entity.type = EntityType.RELATIONSHIP
            entity.aliases.append(f"{pair[0]}/{pair[1]}")


def _blend(word: str, starts: dict[str, set[str]], ends: dict[str, set[str]]) -> tuple[str, str] | None:
    """Two names whose start and end make ``word``: at least two letters of each, neither the word itself."""
    lower = word.lower()
    for cut in range(2, len(lower) - 1):
        firsts = {n for n in starts.get(lower[:cut], ()) if n.lower() != lower}
        seconds = {n for n in ends.get(lower[cut:], ()) if n.lower() != lower}
        for first in sorted(firsts):
            for second in sorted(seconds - {first}):
                return first, second
    return None
