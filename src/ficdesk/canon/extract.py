"""Entities, aliases and facts from a wiki-style article: the pipeline, one module per step.

1. ``analysis``/``segment``: sentences and tokens, with document-wide capitalisation statistics;
2. ``names``: the mentions of names (titles, nicknames inside names, capitalised runs, trimmed and judged);
3. ``grouping``: mentions grouped into one entry per person or thing (honorifics, first names, surnames,
   name order, families kept apart); ``aliases``: other names the text gives join their entry;
4. ``classify`` (with ``labels`` and the weights of ``cues``): each entry's type by votes over the
   evidence around every mention; ``facts``: the sentences that state something about it;
5. ``belonging``: entries from other works named in passing are marked mentioned; ship names are
   relationships. A score (mentions and facts) orders the result.
"""

from __future__ import annotations

import math
from collections import Counter

from ficdesk.canon.aliases import article_subject, link_given_aliases
from ficdesk.canon.analysis import (
    Doc,
    Group,
    analyse,
    core,
)
from ficdesk.canon.belonging import mark_mentioned, mark_ships
from ficdesk.canon.classify import entity_type, strong_cues
from ficdesk.canon.document import PlainDocument, plain_text
from ficdesk.canon.facts import FactFinder
from ficdesk.canon.grouping import group_mentions
from ficdesk.canon.labels import LabelLines
from ficdesk.canon.lexicon import is_common_word
from ficdesk.canon.model import Entity, EntityType, Fact
from ficdesk.canon.names import find_mentions


def build_canon(text: str, fmt: str = "text") -> list[Entity]:
    """Entities of the document ``text`` (format ``text``, ``markdown`` or ``html``), most important first.

    Fact offsets index :func:`ficdesk.canon.document.plain_text` of the source, which for plain text
    and Markdown is the source itself.
    """
    return extract_entities(plain_text(text, fmt))


def extract_entities(document: PlainDocument) -> list[Entity]:
    doc = analyse(document.text)
    lines = LabelLines(doc.text)
    mentions = find_mentions(doc, document.title_spans, lines)
    cues = strong_cues(mentions, doc, lines)
    groups = link_given_aliases(group_mentions(mentions, cues), doc, lines)
    finder = FactFinder(doc, groups, article_subject(groups, doc))
    entities = [_entity(group, doc, cues, finder.facts(i)) for i, group in enumerate(groups)]
    mark_mentioned(groups, entities, doc)
    mark_ships(groups, entities, doc)
    entities.sort(key=lambda e: (-e.score, e.name.lower()))
    return entities


# --- entities ------------------------------------------------------------------------------------


def _entity(group: Group, doc: Doc, cues: dict[int, EntityType], facts: list[Fact]) -> Entity:
    name = _canonical_name(group)
    # Every written form, and each without its honorific ("Sir Samuel Vimes" -> "Samuel Vimes").
    forms = group.forms | {" ".join(core(m.words)) for m in group.mentions if not m.title and not m.family}
    aliases = sorted({f for f in forms if f != name}, key=lambda f: (-len(f.split()), f))
    lone = [m for m in group.mentions if len(m.words) == 1 and not m.title]
    if lone and sum(m.after_the for m in lone) * 2 >= len(lone) and is_common_word(lone[0].words[0]):
        the_form = f"the {lone[0].words[0]}"
        if len(group.forms) == 1:
            name, aliases = the_form, [lone[0].words[0]]
        elif the_form not in aliases:
            aliases.append(the_form)
    type_ = entity_type(group, doc, cues)
    mentions = len(group.mentions)
    score = mentions + 0.5 * len(facts) + 0.5 * math.log1p(len(group.forms))
    if any(m.start < 300 for m in group.mentions):
        score += 2  # named in the opening lines: what the article is about
    return Entity(name=name, type=type_, aliases=aliases, facts=facts, score=round(score, 3))


def _canonical_name(group: Group) -> str:
    """The fullest core form; a one-word core keeps its honorific ("Mrs Hudson", "Lord Vetinari")."""
    own = [m for m in group.mentions if not m.given] or group.mentions  # not a nickname the text gives
    counts = Counter(" ".join(core(m.words)) if not m.title else m.form for m in own)
    best = max(counts, key=lambda form: (len(form.split()), counts[form], -len(form)))
    if len(best.split()) == 1 and not any(m.title for m in own):
        titled = Counter(m.form for m in own if len(m.words) == 2 and core(m.words) != m.words)
        if titled:
            return titled.most_common(1)[0][0]
    # The written form of that core ("St Bartholomew's Hospital" keeps its apostrophe).
    surfaces = Counter(m.form for m in own if core(m.words) == m.words and " ".join(m.words) == best)
    return surfaces.most_common(1)[0][0] if surfaces else best
