"""Set phrases heard rather than read: "baited breath" -> "bated breath", "tow the line" -> "toe the line".

Each entry is a whole phrase, matched word for word with only spaces between (so "tow, the line" or a line break
is never one), and replaced as a whole. Only phrases whose wrong form has no ordinary reading of its own are
listed: "piece of mind" is flagged but "a piece of my mind" is the idiom itself; "poured over" counts only before
something read ("poured over the map"), not "the rain poured over the rocks". Phrases with a literal reading that
occurs ("one in the same drawer", "in a feeble position", "hunger pains") are left out. Verbs are listed in the forms an
author writes them ("wrecked havoc", "towing the line").
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import Paragraph

_RULE = "idiom"

#: (wrong phrase, right phrase, what the right one means). Lower case, words separated by single spaces.
_PHRASES: tuple[tuple[str, str, str], ...] = (
    ("baited breath", "bated breath", "“bated” is “held back”"),
    ("wreck havoc", "wreak havoc", "to “wreak” is to inflict"),
    ("wrecked havoc", "wreaked havoc", "to “wreak” is to inflict"),
    ("wrecking havoc", "wreaking havoc", "to “wreak” is to inflict"),
    ("wrecks havoc", "wreaks havoc", "to “wreak” is to inflict"),
    ("reek havoc", "wreak havoc", "to “wreak” is to inflict"),
    ("reeked havoc", "wreaked havoc", "to “wreak” is to inflict"),
    ("for all intensive purposes", "for all intents and purposes", "in every practical sense"),
    ("for all intents and purpose", "for all intents and purposes", "in every practical sense"),
    ("tow the line", "toe the line", "to stand with your toes on the line"),
    ("towed the line", "toed the line", "to stand with your toes on the line"),
    ("towing the line", "toeing the line", "to stand with your toes on the line"),
    ("tows the line", "toes the line", "to stand with your toes on the line"),
    ("deep seeded", "deep-seated", "seated deep down"),
    ("deep-seeded", "deep-seated", "seated deep down"),
    ("shoe-in", "shoo-in", "a sure winner"),
    ("mute point", "moot point", "a point no longer worth arguing"),
    ("sneak peak", "sneak peek", "a quick look"),
    ("sneak peaks", "sneak peeks", "a quick look"),
    ("doggy-dog world", "dog-eat-dog world", "ruthless competition"),
    ("doggy dog world", "dog-eat-dog world", "ruthless competition"),
    ("sigh of relieve", "sigh of relief", "the noun is “relief”"),
    ("case and point", "case in point", "an example of what was just said"),
    ("nip it in the butt", "nip it in the bud", "stop it before it grows"),
    ("nipped it in the butt", "nipped it in the bud", "stop it before it grows"),
    ("make due with", "make do with", "manage with"),
    ("made due with", "made do with", "manage with"),
    ("making due with", "making do with", "manage with"),
    ("hard road to hoe", "hard row to hoe", "a row of crops to weed"),
    ("tough road to hoe", "tough row to hoe", "a row of crops to weed"),
    ("all of the sudden", "all of a sudden", "suddenly"),
    ("by in large", "by and large", "on the whole"),
    ("statue of limitations", "statute of limitations", "a statute is a law"),
    ("escape goat", "scapegoat", "one blamed for others"),
    ("piece of mind", "peace of mind", "calm (“a piece of my mind” is a scolding)"),
    ("slight of hand", "sleight of hand", "“sleight” is skill"),
    ("bare with me", "bear with me", "to “bear with” is to be patient"),
    ("bare with us", "bear with us", "to “bear with” is to be patient"),
    ("beckon call", "beck and call", "ready at a gesture"),
    ("low and behold", "lo and behold", "“lo” is “look”"),
    ("tongue and cheek", "tongue-in-cheek", "not meant seriously"),
    ("worse case scenario", "worst-case scenario", "the worst that can happen"),
    ("extract revenge", "exact revenge", "to “exact” is to demand"),
    ("extracted revenge", "exacted revenge", "to “exact” is to demand"),
    ("heart-rendering", "heart-rending", "to “rend” is to tear"),
    ("taken for granite", "taken for granted", "assumed"),
    ("take it for granite", "take it for granted", "assume it"),
    ("nerve wrecking", "nerve-racking", "straining the nerves"),
    ("nerve-wrecking", "nerve-racking", "straining the nerves"),
    ("do diligence", "due diligence", "the care that is due"),
    ("on tender hooks", "on tenterhooks", "in suspense"),
    ("in the throws of", "in the throes of", "“throes” are violent pangs"),
    ("throws of passion", "throes of passion", "“throes” are violent pangs"),
    ("hair's breath", "hair's breadth", "the width of a hair"),
    ("hairs breath", "hair's breadth", "the width of a hair"),
    ("change tact", "change tack", "“tack” is a sailing course"),
    ("changed tact", "changed tack", "“tack” is a sailing course"),
    ("wet your appetite", "whet your appetite", "to “whet” is to sharpen"),
    ("wet my appetite", "whet my appetite", "to “whet” is to sharpen"),
    ("wet his appetite", "whet his appetite", "to “whet” is to sharpen"),
    ("wet her appetite", "whet her appetite", "to “whet” is to sharpen"),
    ("wet their appetite", "whet their appetite", "to “whet” is to sharpen"),
    ("damp squid", "damp squib", "a firework that fails to go off"),
)
#: "poured over" means "read closely" ("pored over") only before something read.
_READ_THINGS = frozenset({
    "map", "maps", "book", "books", "notes", "pages", "papers", "letter", "letters", "documents", "files", "scrolls",
    "texts", "reports", "records", "plans", "tomes", "manuscript", "manuscripts", "details", "photographs", "photos",
    "charts", "journal", "journals", "diary", "ledger", "ledgers", "report", "file", "document", "scroll",
    "textbook", "textbooks", "spellbook", "newspaper", "newspapers", "contract", "blueprints",
})
_READ_OPENERS = frozenset({"the", "his", "her", "their", "my", "our", "your", "its", "every", "old", "those",
                           "these", "each"})
_PORED = {"poured": "pored", "pouring": "poring", "pour": "pore", "pours": "pores"}
_POURED = frozenset(_PORED)


def _table() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """The phrases by their first word."""
    found: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for wrong, right, meaning in _PHRASES:
        words = tuple(wrong.split(" "))
        found.setdefault(words[0], []).append((words, right, meaning))
    return found


_BY_FIRST = _table()
_FIRST_WORDS = frozenset(_BY_FIRST) | _POURED


@rule(_RULE, Category.GRAMMAR, "set phrases misheard: “baited breath”, “tow the line”")
def idioms(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in para.indices(_FIRST_WORDS):
        norm = para.norm(index)
        if norm in _POURED:
            found = _pored(para, index)
            if found is not None:
                yield found
            continue
        for words, right, meaning in _BY_FIRST[norm]:
            last = index + len(words) - 1
            if all(para.norm(index + offset) == word and (offset == 0 or para.joined(index + offset))
                   for offset, word in enumerate(words)):
                first, end = para.words[index], para.words[last]
                yield para.match(first.start, end.end, _RULE, Category.GRAMMAR,
                                 f"The set phrase is “{right}” ({meaning}).",
                                 para.styled(para.cased(right, first.text), para.text[first.start:end.end]))
                break


def _pored(para: Paragraph, index: int) -> Match | None:
    """"poured over the map" -> "pored over": to pore over is to read closely."""
    if not (para.norm(index + 1) == "over" and para.joined(index + 1) and para.joined(index + 2)):
        return None
    thing = index + 2
    if para.norm(thing) in _READ_OPENERS and para.joined(thing + 1):
        thing += 1
        if para.norm(thing) not in _READ_THINGS and para.joined(thing + 1):
            thing += 1  # one adjective: "the old map"
    if para.norm(thing) not in _READ_THINGS:
        return None
    word = para.words[index]
    fixed = _PORED[word.norm]
    return para.match(word.start, word.end, _RULE, Category.GRAMMAR,
                      "To read closely is to “pore over” something.", para.cased(fixed, word.text))


EXAMPLES = Examples(
    wrong=(
        "We waited with [baited breath->bated breath] for the results.",
        "The storm [wrecked havoc->wreaked havoc] on the harbour.",
        "[For all intensive purposes->For all intents and purposes], the war was over.",
        "You'll have to [tow the line->toe the line] for a while.",
        "It was a [deep seeded->deep-seated] fear of water.",
        "She was a [shoe-in->shoo-in] for head girl.",
        "Here's a [sneak peak->sneak peek] at the next chapter.",
        "It's a [doggy-dog world->dog-eat-dog world] out there.",
        "He let out a [sigh of relieve->sigh of relief].",
        "We need to [nip it in the butt->nip it in the bud].",
        "They had to [make due with->make do with] what was left.",
        "[All of the sudden->All of a sudden], the lights went out.",
        "For my own [piece of mind->peace of mind], tell me.",
        "Please [bare with me->bear with me] while I fix this.",
        "She [poured->pored] over the map all night.",
        "He spent hours [pouring->poring] over his old notes.",
        "It was [heart-rendering->heart-rending] to watch.",
        "That really [wet my appetite->whet my appetite].",
        "The curse [extracted revenge->exacted revenge] on them all.",
    ),
    clean=(
        "She gave him a piece of her mind.",
        "I'll give you a piece of my mind!",
        "The rain poured over the rocks.",
        "She poured over the salad a dressing of lemon and oil.",
        "He poured the tea over the ice.",
        "They towed the car to the garage.",
        "The tow line snapped.",
        "She sat on the bare floor with me.",
        "The seeds were deep in the soil.",
        "She took off one shoe, in a hurry.",
        "The bill was due with the rent.",
        "We waited with bated breath.",
        "It was a hard road, to be fair.",
        "It was wet, my appetite gone.",
        "He found another one in the same drawer.",
        "The garrison was in a feeble position.",
    ),
)
