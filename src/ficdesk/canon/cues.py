"""The registry of type cues and the one table of their weights.

Every piece of evidence the classifier (``classify``) counts has a name here and one weight. A mention's
votes for each type are the weights of the cues it shows; an entity's type is the type with the most
votes over all its mentions (at least ``Cue.MIN_VOTES``). Tuning means changing this table, nowhere else;
the per-word weights of cue vocabularies ("city" 3 for a place, "said" 2 for a real person) live with the
words in ``lexicon`` (``CONTEXT_CUES``, ``SUBJECT_VERBS``).
The weights were tuned on the project's own test articles (``tests/data/canon``) and checked on a
development set of real articles.
"""

from __future__ import annotations

from enum import StrEnum


class Cue(StrEnum):
    # settling evidence
    SETTLED = "settled"  # a grammatical cue that settles one mention: "the city of X", "played by X", an infobox label
    TITLE = "title"  # a quoted or italic title
    PLAYED_BY_AFTER = "played-by-after"  # "X is played by Y": X is a character
    TAKES_THE_ROLE = "takes-the-role"  # "X took over the role"
    PLAYS_AS = "plays-as"  # "X delivers a monologue as Ianto"
    # the name itself
    HEAD_WORD = "head-word"  # last word of the name: "Torchwood Institute", "Mount Doom"
    HEAD_WORD_SURNAME = "head-word-surname"  # ... when that word is also used alone as a name ("Elijah Wood")
    CHARACTER_HEAD = "character-head"  # "Cigarette Smoking Man"
    WORK_HEAD = "work-head"  # "The Hobbit Trilogy"
    LONE_ORG_HEAD = "lone-org-head"  # "the Navy"
    HONORIFIC_BEFORE = "honorific-before"  # "Captain Jack"
    COMPANY_WORD = "company-word"  # "Eidos" next to "Eidos Interactive"
    ACRONYM = "acronym"  # "CERN"
    KNOWN_PLACE = "known-place"  # a country, continent or planet by name: "Peru", "Jupiter"
    NOBLE_HOUSE = "noble-house"  # "House Varrow": a family as an institution
    LEADING_ORG_HEAD = "leading-org-head"  # "Order of the Lamp", "Brotherhood Without Names"
    CAMEL_CASE = "camel-case"  # "BioWare"
    THE_MID_SENTENCE = "the-mid-sentence"  # "The Guardian" written mid-sentence
    # words around a mention
    CONTEXT_SCALE = "context-scale"  # a cue word in the sentence counts its weight * scale / (1 + distance)
    BROADCAST_ON = "broadcast-on"  # "broadcast on HBO Max"
    PLACE_PREPOSITION = "place-preposition"  # "in Burbank, California"
    PLACE_PREPOSITION_ONE_WORD = "place-preposition-one-word"  # "in Wales"
    MOTION_TO = "motion-to"  # "sends them to Australia"
    WHO_AFTER = "who-after"  # "X who ...": a character or a person
    WHO_AFTER_KIND = "who-after-kind"  # "the Ferengi who"
    WHO_AFTER_SPECIES = "who-after-species"
    PLAIN_SPEECH_SHARE = "plain-speech-share"  # a bare "Jack said" counts this share of a speech verb's weight
    # plurals, kinds and modifiers
    PLURAL_SPECIES = "plural-species"  # "Cardassians" next to "Cardassian"
    PLURAL_OBJECT = "plural-object"
    PLURAL_ACTS = "plural-acts"  # "the Cardassians had"
    PLURAL_POSSESSED = "plural-possessed"  # "Voldemort's Horcruxes"
    KIND_AFTER_COPULA = "kind-after-copula"  # "who is himself a Changeling"
    KIND_OBJECT = "kind-object"  # "a Horcrux"
    KIND_SPECIES = "kind-species"
    MODIFIES_ORG_NOUN = "modifies-org-noun"  # "the Netflix series"
    MODIFIES_WORK_NOUN = "modifies-work-noun"
    DEMONYM_MODIFIER = "demonym-modifier"  # "a Cardassian tailor"
    MODIFIES_PERSON_NOUN = "modifies-person-noun"  # "a Starfleet officer"
    MODIFIES_PERSON_NOUN_SPECIES = "modifies-person-noun-species"
    # possessives
    POSSESSES_NAME_WORK = "possesses-name-work"  # "Six Feet Under's David Fisher"
    POSSESSES_NAME_PERSON = "possesses-name-person"  # "Joss Whedon's Buffy"
    POSSESSES_CREATION = "possesses-creation"  # "Shakespeare's play"
    POSSESSES_ORG_CREATION = "possesses-org-creation"  # "Nickelodeon's series"
    # priors and thresholds
    CHARACTER_PRIOR = "character-prior"  # a person-like name in a fandom article is a character ...
    CHARACTER_PRIOR_PER_MENTION = "character-prior-per-mention"  # ... the more so the more it is named
    MIN_VOTES = "min-votes"  # below this, the default type
    # episode or whole work
    QUOTED_TITLE_EPISODE = "quoted-title-episode"
    ITALIC_TITLE_WORK = "italic-title-work"
    EPISODE_WORD = "episode-word"  # "the episode X", "the premiere X"
    WHOLE_WORK_WORD = "whole-work-word"  # "the film X", "X series"


WEIGHTS: dict[Cue, float] = {
    Cue.SETTLED: 6.0, Cue.TITLE: 10.0, Cue.PLAYED_BY_AFTER: 6.0, Cue.TAKES_THE_ROLE: 3.0, Cue.PLAYS_AS: 2.5,
    Cue.HEAD_WORD: 8.0, Cue.HEAD_WORD_SURNAME: 2.0, Cue.CHARACTER_HEAD: 5.0, Cue.WORK_HEAD: 5.0,
    Cue.LONE_ORG_HEAD: 2.0, Cue.KNOWN_PLACE: 4.0, Cue.NOBLE_HOUSE: 8.0, Cue.LEADING_ORG_HEAD: 6.0,
    Cue.HONORIFIC_BEFORE: 1.5, Cue.COMPANY_WORD: 3.0, Cue.ACRONYM: 2.0, Cue.CAMEL_CASE: 1.5,
    Cue.THE_MID_SENTENCE: 2.0,
    Cue.CONTEXT_SCALE: 2.0, Cue.BROADCAST_ON: 3.0, Cue.PLACE_PREPOSITION: 1.0, Cue.PLACE_PREPOSITION_ONE_WORD: 1.5,
    Cue.MOTION_TO: 2.0, Cue.WHO_AFTER: 1.0, Cue.WHO_AFTER_KIND: 3.0, Cue.WHO_AFTER_SPECIES: 1.0,
    Cue.PLAIN_SPEECH_SHARE: 0.5,
    Cue.PLURAL_SPECIES: 1.5, Cue.PLURAL_OBJECT: 1.0, Cue.PLURAL_ACTS: 2.0, Cue.PLURAL_POSSESSED: 2.0,
    Cue.KIND_AFTER_COPULA: 2.5, Cue.KIND_OBJECT: 1.5, Cue.KIND_SPECIES: 1.0,
    Cue.MODIFIES_ORG_NOUN: 2.0, Cue.MODIFIES_WORK_NOUN: 1.0, Cue.DEMONYM_MODIFIER: 3.0, Cue.MODIFIES_PERSON_NOUN: 1.5,
    Cue.MODIFIES_PERSON_NOUN_SPECIES: 1.0,
    Cue.POSSESSES_NAME_WORK: 3.0, Cue.POSSESSES_NAME_PERSON: 1.5, Cue.POSSESSES_CREATION: 3.0,
    Cue.POSSESSES_ORG_CREATION: 3.0,
    Cue.CHARACTER_PRIOR: 0.5, Cue.CHARACTER_PRIOR_PER_MENTION: 0.25, Cue.MIN_VOTES: 1.0,
    Cue.QUOTED_TITLE_EPISODE: 1.0, Cue.ITALIC_TITLE_WORK: 1.0, Cue.EPISODE_WORD: 2.0, Cue.WHOLE_WORK_WORD: 2.0,
}
W = WEIGHTS
