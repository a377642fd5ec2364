"""Deterministic synthetic fan-fiction text: varied generated sentences, never one paragraph repeated."""

from __future__ import annotations

import random

NAMES = ("Jack", "Ianto", "Gwen", "Owen", "Toshiko", "Rhys", "Martha", "Andy", "Lois", "Rex", "Esther", "Mica")
PLACES = ("the Hub", "the Plass", "the tourist office", "the archives", "Cardiff Bay", "the SUV", "the Rift",
          "the boardroom", "the roof", "the old warehouse")
VERBS = ("looks at", "smiles at", "turns to", "waits for", "reaches for", "listens to", "argues with",
         "walks past", "glances at", "laughs with")
ADVERBS = ("quietly", "slowly", "suddenly", "carefully", "finally", "softly", "briefly", "reluctantly")
OBJECTS = ("a mug of coffee", "the paperwork", "his coat", "the files", "a broken device", "the map",
           "an old photograph", "the keys", "her notebook", "the radio")
OPENERS = ("Later that night,", "Without a word,", "For a moment,", "Outside,", "In the silence,",
           "After a while,", "Somewhere above them,", "By morning,")
DIALOGUE = ("“We should go,” {a} says.", "“Not yet,” {a} whispers, “not like this.”",
            "‘Are you sure?’ {a} asks.", "“I’m fine,” {a} lies, and {b} knows it.",
            "“Coffee?” {a} offers; {b} nods.")


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(NAMES, 2)
    kind = rng.randrange(5)
    if kind == 0:
        return f"{rng.choice(OPENERS)} {a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)}."
    if kind == 1:
        return f"{a} {rng.choice(ADVERBS)} picks up {rng.choice(OBJECTS)} and {rng.choice(VERBS)} {b}."
    if kind == 2:
        return rng.choice(DIALOGUE).format(a=a, b=b)
    if kind == 3:
        return (f"It was {rng.choice(ADVERBS)} clear that {a} had never trusted {rng.choice(OBJECTS)}, "
                f"not since {rng.choice(PLACES)}.")
    return f"{b} waits — {rng.choice(ADVERBS)}, patiently — while {a} {rng.choice(VERBS)} {rng.choice(OBJECTS)}…"


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))


def story_text(words: int, *, seed: int = 1) -> str:
    """About ``words`` words of paragraphs separated by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < words:
        text = paragraph(rng)
        paragraphs.append(text)
        total += len(text.split())
    return "\n\n".join(paragraphs)


def chapters(words: int, count: int, *, seed: int = 1) -> list[str]:
    """``count`` chapters adding up to about ``words`` words."""
    return [story_text(words // count, seed=seed * 1000 + index) for index in range(count)]
