"""Realistic benchmark prose: varied fan-fiction-like text over a vocabulary of thousands of words, with errors.

Sentences come from a few dozen narration and dialogue patterns whose slots are filled from word pools drawn from
the checker's own frequency list (common nouns, plurals, past-tense verbs, adjectives, adverbs), so a 60,000-word
text has thousands of distinct words, as real chapters do, not the hundred or so of a template repeated. About one
sentence in nine carries an error of a kind real drafts have (a typo in a word, "your" for "you're", "its" for
"it's", "could of", "a" for "an", "he's" for "his", a dropped apostrophe, "there" for "their"): roughly one error
per 150 words. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from functools import cache

NAMES = ("Jack", "Ianto", "Gwen", "Owen", "Tosh", "Rhys", "Martha", "Sherlock", "John", "Molly", "Harry", "Hermione",
         "Ron", "Draco", "Luna", "Dean", "Sam", "Castiel", "Steve", "Bucky", "Natasha", "Tony", "Loki", "Thor",
         "Kirk", "Spock", "Mulder", "Scully", "Buffy", "Willow", "Aziraphale", "Crowley", "Katniss", "Peeta", "Izuku",
         "Shouto", "Arya", "Sansa", "Geralt", "Jaskier", "Yennefer", "Zuko", "Katara", "Sokka", "Lexa", "Clarke")
PLACES = ("the kitchen", "the library", "the Hub", "the common room", "the bunker", "the TARDIS", "the market",
          "the tower", "the harbour", "the hospital wing", "the flat", "the motel", "the castle", "the forest",
          "the station", "the rooftop", "the archives", "the car park", "the tavern", "the training room")
SAYING = ("said", "whispered", "muttered", "asked", "replied", "snapped", "called", "murmured", "admitted", "added")
LINES = ("I can't do this any more", "You're right, of course", "It's been three days", "We need to go now",
         "Don't you dare", "I should have known", "Put the kettle on", "Whose turn is it", "Tell me the truth",
         "I'm not leaving without you", "That's not what I meant", "We'll figure it out", "You've got to be kidding",
         "Where were you", "It doesn't matter now", "They're waiting for us")
WRONG_LINES = ("Your right, of course", "Its been three days", "I should of known", "Whose going to tell him",
               "Their waiting for us", "I dont know", "Thats not what I meant", "We'll figure it out, wont we")


@cache
def pools() -> dict[str, tuple[str, ...]]:
    """Common English words by part of speech (lemminflect tags), from the checker's frequency list."""
    from ficdesk.checking import lexicon as lx
    from ficdesk.checking.frequency import frequencies

    known = lx.lexicon("en-GB").words
    candidates = sorted(word for word in frequencies().common(3.2)
                        if word.isalpha() and word.islower() and len(word) > 2 and word in known
                        and word not in lx.FUNCTION_WORDS)
    rng = random.Random(11)
    sample = rng.sample(candidates, min(4000, len(candidates)))
    found: dict[str, list[str]] = {"noun": [], "nouns": [], "past": [], "adjective": [], "adverb": []}
    for word in sorted(sample):
        tags = lx.tags(word)
        if tags == {"NN"}:
            found["noun"].append(word)
        elif tags == {"NNS"}:
            found["nouns"].append(word)
        elif "VBD" in tags and not tags & {"NN", "NNS", "JJ"}:
            found["past"].append(word)
        elif tags <= {"JJ", "JJR", "JJS"} and tags:
            found["adjective"].append(word)
        elif word.endswith("ly") and tags == {"RB"}:
            found["adverb"].append(word)
    return {kind: tuple(words) for kind, words in found.items()}


def _typo(word: str, rng: random.Random) -> str:
    """A realistic slip: a letter dropped, doubled, swapped with its neighbour or a vowel changed."""
    if len(word) < 5:
        return word
    index = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:index] + word[index + 1:]
    if kind == 1:
        return word[:index] + word[index] + word[index:]
    if kind == 2:
        return word[:index] + word[index + 1] + word[index] + word[index + 2:]
    vowels = [i for i, char in enumerate(word) if char in "aeiou" and i > 0]
    if not vowels:
        return word[:index] + word[index + 1:]
    at = rng.choice(vowels)
    return word[:at] + rng.choice([v for v in "aeiou" if v != word[at]]) + word[at + 1:]


def sentence(rng: random.Random, error_rate: float = 0.11) -> str:
    words = pools()
    name, other = rng.sample(NAMES, 2)
    wrong = rng.random() < error_rate
    noun, noun2 = rng.choice(words["noun"]), rng.choice(words["noun"])
    nouns = rng.choice(words["nouns"])
    past, past2 = rng.choice(words["past"]), rng.choice(words["past"])
    adjective, adjective2 = rng.choice(words["adjective"]), rng.choice(words["adjective"])
    adverb = rng.choice(words["adverb"])
    if wrong and rng.random() < 0.5:  # a typo in one content word of the sentence
        noun = _typo(noun, rng)
        wrong = False
    pattern = rng.randrange(12)
    if pattern == 0:
        line = rng.choice(WRONG_LINES if wrong else LINES)
        return f"“{line},” {name} {rng.choice(SAYING)}, {adverb} turning towards {other}."
    if pattern == 1:
        return f"{name} {past} the {adjective} {noun} in {rng.choice(PLACES)} while {other} {past2} the {nouns}."
    if pattern == 2:
        pronoun = "he's" if wrong else "his"
        return (f"There was something {adjective} about the way {name} held {pronoun} {noun}, and {other} "
                f"pretended not to notice.")
    if pattern == 3:
        return (f"By the time they reached {rng.choice(PLACES)}, the {noun} had gone {adjective} and {name} was "
                f"{rng.choice(['already', 'still', 'barely'])} awake.")
    if pattern == 4:
        verb = "get" if wrong else "gets"
        return f"{name} {adverb} {past} the {noun}, because {other} never {verb} anything right."
    if pattern == 5:
        article, word = rng.choice([("an", "odd"), ("a", "long"), ("an", "unusual"), ("a", "quiet"), ("an", "old")])
        if wrong:
            article = "a" if article == "an" else "an"
        return f"It was {article} {word} {noun}, and the {nouns} in {rng.choice(PLACES)} were {adjective2}."
    if pattern == 6:
        return f"*{rng.choice(LINES)},* {name} thought, watching the {noun} — {adjective}, {adjective2}, {adverb} so."
    if pattern == 7:
        possessive = "their" if not wrong else "there"
        return (f"{name}’s {noun} lay beside {other}’s {noun2}, and neither of them mentioned {possessive} "
                f"{nouns}.")
    if pattern == 8:
        its = "its" if wrong else "it's"
        return f"“Honestly, {its} {adjective},” {other} {rng.choice(SAYING)}. “The {noun} and the {nouns}…”"
    if pattern == 9:
        return (f"{rng.choice(['Later', 'Afterwards', 'Somehow', 'Eventually', 'Still'])}, {name} {past} that "
                f"{other} had been right about the {noun} all along.")
    if pattern == 10:
        return f"The {adjective} {nouns} {past} {adverb}; {name} {past2} the {noun2} and waited."
    return (f"{name} had {rng.randint(2, 12)} {nouns} and one {adjective} {noun}, which {other} {past} "
            f"{'could of' if wrong else 'could have'} been worse.")


def story(words: int, seed: int = 5) -> str:
    """About ``words`` words of paragraphs (2-7 sentences) separated by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)
