"""Verb forms: "had ran" -> "run", "would have gave" -> "given", "he brung" -> "brought", "she seen" -> "saw".

Patterns (each with its exceptions):

* a form of *have* as auxiliary (optionally with "never", "not", "already" ... between) before a verb form that
  can only be a past tense: the participle is meant. Only irregular past tenses are looked at ("got" is left out:
  "had got" is British English); those that are also nouns ("had rose petals", "have saw blades") count only when
  the tagger reads them as verbs in context.
* a subject pronoun directly before a form that can only be a participle ("she seen", "he thrown"), outside
  dialogue (where "you seen my keys?" is the character's voice): the past tense is meant.
* a noun phrase in an object slot followed by a past-tense-only form and "by": "a story wrote by" -> "written".
* non-standard past forms: "brung", "brang" -> "brought".
* a bare verb after "he"/"she"/"it" or a name, joined by "and" to a past tense: "Ash frown and glared" -> "frowned"
  (the agreement rule would say "frowns"; the coordinated past tense shows the tense).
* "want"/"need"/"have"/"get" + a noun phrase + a past-tense-only form: "I want a story wrote about me" ->
  "written" (the object is done to, so the participle).
* "lead" for "led" after a form of "be" or "have" before a particle or object: "was lead astray", "had lead the
  way" ("had lead pipes", "the pipe was lead" stay).
* a bare verb after "had"/"has"/"have" before an object, when the word is no noun: "she had open the door" ->
  "opened".
* "drug" with an object in a past-tense paragraph: "and drug her down the road" -> "dragged".
* a past or participle form after a modal or "don't"/"doesn't" (one adverb may stand between): "would acted" ->
  "have acted" or "act", "can swam" -> "swim", "would been" -> "have been", "doesn't likes" -> "like"; not where the
  modal opens a question or inversion ("Why would armed men ..."), nor where "will", "can", "might" ... is the noun
  ("against his will", and always before an -s form: "divine will exists"); "'d" is left out ("she'd acted").
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import CLAUSE_VERBS, in_dialogue
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tokens import APOSTROPHES, Paragraph

_HAVE = frozenset({"have", "has", "had", "'ve", "having", "haven't", "hasn't", "hadn't"})
_HAVE_CONTRACTIONS = ("'ve", "'d")
_BETWEEN = frozenset({"never", "not", "already", "just", "always", "ever", "all", "both", "finally", "only",
                      "since", "recently", "nearly", "almost", "probably", "definitely", "certainly", "really",
                      "actually", "clearly", "obviously", "once", "long", "still", "even"})
#: Participles lemminflect gets wrong or leaves out (it gives "waked", "lied").
_PARTICIPLES = {"wake": "woken", "awake": "awoken", "lie": "lain", "shine": "shone", "dive": "dived",
                "strive": "striven", "stride": "stridden", "weave": "woven"}
_NON_STANDARD = {"brung": "brought", "brang": "brought"}
#: Irregular past tenses whose participle differs ("ran" / "run"): only these are looked up in the lexicon, which
#: keeps the rule from loading it for ordinary text.
_IRREGULAR_PAST = frozenset({
    "ran", "took", "went", "gave", "wrote", "came", "saw", "ate", "did", "rose", "bit", "hid", "sang", "drank",
    "knew", "became", "fell", "rang", "woke", "shook", "swam", "forgot", "spoke", "drove", "began", "broke",
    "chose", "froze", "stole", "threw", "grew", "flew", "drew", "blew", "tore", "wore", "swore", "bore", "rode",
    "strode", "sank", "shrank", "stank", "sprang", "forgave", "forbade", "arose", "awoke", "mistook", "undertook",
    "overtook", "overcame", "withdrew", "slew", "outgrew", "overthrew", "foresaw", "forsook",
    "partook", "underwent", "overate", "rewrote",
})
#: Irregular participles that are never past tenses ("seen", "thrown").
_IRREGULAR_PARTICIPLES = frozenset({
    "seen", "thrown", "done", "gone", "taken", "given", "written", "eaten", "spoken", "known", "shown", "grown",
    "drawn", "flown", "driven", "ridden", "risen", "forgotten", "chosen", "frozen", "stolen", "begun", "sung",
    "swum", "rung", "sunk", "shaken", "hidden", "bitten", "fallen", "woken", "worn", "torn", "sworn", "blown",
    "mistaken", "forgiven", "forbidden", "overtaken", "undertaken",
})
_SUBJECTS = frozenset({"i", "he", "she", "we", "they"})
_VERB_TAGS = frozenset({"VBD", "VBN", "VB", "VBP", "VBZ"})


def _participle(word: str) -> str | None:
    lemma = lx.verb_lemma(word)
    if lemma is None:
        return None
    return _PARTICIPLES.get(lemma) or lx.inflect(lemma, "VBN")


def _past_only(para: Paragraph, index: int) -> str | None:
    """The participle when word ``index`` can only be a past tense (or is read as a verb in context)."""
    word = para.words[index]
    if word.norm not in _IRREGULAR_PAST or word.is_capitalised:
        return None
    found = lx.tags(word.norm)
    if "VBD" not in found or "VBN" in found:
        return None
    if found - {"VBD"} and (para.tag(index) not in _VERB_TAGS
                            or (para.next_joined(index) and para.tag(index + 1) in {"NN", "NNS"})):
        return None  # "had rose petals", "have saw blades"
    fixed = _participle(word.norm)
    return fixed if fixed and fixed != word.norm else None


def _after_have(para: Paragraph, index: int) -> bool:
    position = index - 1
    while position >= 0 and para.joined(position + 1) and para.norm(position) in _BETWEEN:
        position -= 1
    if position < 0 or not para.joined(position + 1):
        return False
    norm = para.norm(position)
    if norm in _HAVE:
        return True
    # "I've ran", "she'd went" ('d is "had" or "would"; either way the past tense is wrong)
    return norm.endswith(_HAVE_CONTRACTIONS) and para.words[position].norm.split("'")[0] in (
        _SUBJECTS | {"you", "it", "who", "that", "there"})


@rule("verb-form", Category.GRAMMAR, "verb form after have, and participles used as past tenses")
def verb_forms(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in _candidates(para):
        word = para.words[index]
        if word.norm in _NON_STANDARD:
            standard = _NON_STANDARD[word.norm]
            yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                             f"The past of “bring” is “{standard}”.", para.cased(standard, word.text))
            continue
        if not para.joined(index):
            continue
        before = para.norm(index - 1)
        if word.norm == "lead":
            found = _lead(para, index)
            if found is not None:
                yield found
                continue
        if word.norm == "drug" and _dragged(para, index):
            yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                             "The past of “drag” is “dragged”.", "dragged", "drugged")
            continue
        if before in _BASE_AFTER or (para.joined(index - 1) and para.norm(index - 2) in _DID
                                     and before in _SUBJECTS | {"you", "it"}):
            base = _base_after_did(para, index)
            if base:
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                                 f"After “{para.words[index - 1].text}” the verb takes its base form: “{base}”.",
                                 base)
                continue
        modal = _modal_before(para, index)
        if modal is not None:
            fixes = _after_modal(para, index, modal)
            if fixes:
                after = f"After “{para.words[modal].text}” the verb takes its base form"
                message = f"{after}: “{fixes[0]}”." if len(fixes) == 1 else f"{after}, or “have” and its participle."
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR, message, *fixes)
                continue
        if before in _HAVE or before in _BETWEEN or before.endswith(_HAVE_CONTRACTIONS):
            fixed: str | None = _past_only(para, index) if _after_have(para, index) else None
            if fixed is None and before in _HAVE_AUXILIARY:
                fixed = _bare_after_have(para, index)
            if fixed:
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                                 f"After “have” the verb takes its participle: “{fixed}”.", fixed)
            continue
        if word.norm in _IRREGULAR_PAST and _causative_object_before(para, index):
            fixed = _past_only(para, index)
            if fixed:
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                                 f"A thing someone wants done takes the participle: “{fixed}”.", fixed)
                continue
        if para.norm(index + 1) == "by" and para.next_joined(index):
            fixed = _past_only(para, index)
            if fixed and _object_noun_before(para, index):
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                                 f"A thing done by someone takes the participle: “{fixed}”.", fixed)
            continue
        if para.norm(index + 1) == "and" and para.next_joined(index) and _bare_before_past(para, index, env):
            lemma = lx.verb_lemma(word.norm)
            fixed = lx.inflect(lemma, "VBD") if lemma else None
            if fixed and fixed != word.norm:
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                                 f"The verb it is joined to is in the past: “{fixed}”.", fixed)
                continue
        if (before in _SUBJECTS or (before == "it" and _opens_clause(para, index - 1))) \
                and _finite_participle(para, index):
            lemma = lx.verb_lemma(word.norm)
            fixed = lx.inflect(lemma, "VBD") if lemma else None
            if fixed and fixed != word.norm:
                yield para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                                 f"Without “had” or “has” the past tense is “{fixed}”.", fixed)


#: Modal verbs and the negative forms of do, after which only a base form can follow ("would acted" -> "act" or
#: "have acted", "doesn't likes" -> "like"). "'d" is left out: "she'd acted" is "she had acted".
_MODAL_FORMS = frozenset({
    "would", "could", "should", "might", "must", "will", "shall", "can", "may", "cannot", "wouldn't", "couldn't",
    "shouldn't", "mightn't", "mustn't", "won't", "shan't", "can't", "wouldnt", "couldnt", "shouldnt", "wont",
    "cant", "doesn't", "don't", "doesnt",
})
#: Modals that are nouns too ("against his will", "a can of soup", "with all her might", "a must"): only when the
#: tagger reads them as modals.
_NOUN_MODALS = frozenset({"will", "can", "may", "might", "must"})
#: The modals after which a participle most likely lost its "have" ("would acted" -> "would have acted").
_PAST_MODALS = frozenset({"would", "could", "should", "might", "must", "wouldn't", "couldn't", "shouldn't",
                          "mightn't", "mustn't", "wouldnt", "couldnt", "shouldnt"})
_DO_NEGATIVES = frozenset({"doesn't", "don't", "doesnt"})
#: Words before a modal that make it part of a question or an inversion ("Why would armed men ...", "Nor could
#: tired eyes ..."), where the next word belongs to the subject.
_INVERTING = frozenset({"why", "how", "what", "where", "when", "who", "which", "whom", "nor", "neither", "so",
                        "only", "rarely", "never", "seldom"})


#: "would been" -> "have been", "could had" -> "have" (auxiliaries are otherwise left alone).
_AUXILIARY_FIXES = {"been": ("have been", "be"), "had": ("have", "have had")}
#: What may stand before a modal that is also a noun, for it to be read as the modal: a subject or an adverb.
_SUBJECT_TAGS = frozenset({"PRP", "NNP", "NNPS", "NN", "NNS", "EX", "WDT", "WP", "RB"})
_NOUN_MARKERS = lx.DETERMINERS | lx.POSSESSIVE_PRONOUNS | {"her", "his", "its", "their", "my", "your", "our"}


def _noun_phrase_before(para: Paragraph, index: int) -> bool:
    """Word ``index`` ends a noun phrase: a determiner or possessive, then up to two modifiers ("his iron (will)")."""
    position = index - 1
    while position >= 0 and index - position <= 3 and para.joined(position + 1):
        if para.norm(position) in _NOUN_MARKERS:
            return True
        if para.tag(position) not in {"JJ", "NN", "VBN"}:
            return False
        position -= 1
    return False


def _inverted(para: Paragraph, modal: int) -> bool:
    """The modal opens a question or an inversion, so the words after it are the subject's.

    "Would armed men come?", "Why can't trained dogs ..."
    """
    return modal == 0 or para.sentence_start(modal) or para.norm(modal - 1) in _INVERTING


def _modal_before(para: Paragraph, index: int) -> int | None:
    """The index of a modal right before word ``index``, or with one adverb between ("would never agreed")."""
    for position in (index - 1, index - 2):
        if position < 0 or not para.joined(position + 1):
            return None
        norm = para.norm(position)
        if norm in _MODAL_FORMS:
            return position
        if norm not in _BETWEEN:
            return None
    return None


def _after_modal(para: Paragraph, index: int, modal: int) -> tuple[str, ...]:
    """Fixes for a past or -s form after a modal: "would acted" -> ("have acted", "act"), "can swims" -> "swim"."""
    word = para.words[index]
    norm = word.norm
    if norm in _AUXILIARY_FIXES and para.norm(modal) not in _DO_NEGATIVES and not _inverted(para, modal):
        return _AUXILIARY_FIXES[norm]
    if word.is_capitalised or norm in {"used", "got"} or norm in lx.FUNCTION_WORDS:
        return ()  # "didn't used to" is a common variant; "got" is British
    found = lx.tags(norm)
    if not found or found & {"VB", "VBP", "VBG"}:
        return ()
    third_person = "VBZ" in found
    if third_person:
        if not found <= {"VBZ", "NNS", "NN"}:
            return ()  # (a plural noun after a modal opens an inverted subject: "Don't kids love it?", below)
    elif not found & {"VBD", "VBN"} or not found <= {"VBD", "VBN", "JJ", "NN"}:
        return ()
    modal_norm = para.norm(modal)
    if modal_norm in _DO_NEGATIVES and not third_person and norm not in _IRREGULAR_PAST:
        return ()  # after "don't" a regular past form is left to the tagger-free rules ("don't worried" is rare)
    if _inverted(para, modal):
        return ()
    if modal_norm in _NOUN_MODALS and (third_person or para.tag(modal) != "MD" or _noun_phrase_before(para, modal)
                                       or para.tag(modal - 1) not in _SUBJECT_TAGS):
        # "against his will", "the will stated"; before an -s form it is the noun: "divine will exists", "might
        # makes right", "the can opens"
        return ()
    if found - {"VBD", "VBN", "VBZ"} and para.next_joined(index) and para.tag(index + 1) in {"NN", "NNS", "NNP"}:
        return ()  # "could married couples": an adjective before its noun
    lemma = lx.verb_lemma(norm)
    if not lemma or lemma == norm:
        return ()
    base = para.cased(lemma, word.text)
    if third_person or ("VBN" not in found and norm not in _IRREGULAR_PAST):
        return (base,)
    participle = _PARTICIPLES.get(lemma) or lx.inflect(lemma, "VBN") or norm
    with_have = f"have {participle}"
    if modal_norm in _PAST_MODALS:
        return (with_have, base)
    return (base, with_have)


def _candidates(para: Paragraph) -> list[int]:
    """Indices of the words :func:`verb_forms` looks at, in order: every word a pattern can flag.

    Most patterns flag only the forms they name (:data:`_SELF_TRIGGERS`: after "to", "not", "'ve" or "never"
    only an irregular past tense is flagged). Other words are flagged only after "had"/"has"/"have" ("had open"),
    after "did" or two words after it ("didn't wanted", "did he want", "did not wanted") and as a subject's verb
    before "and" ("Ash frown and glared").
    """
    found = set(para.indices(para.vocabulary & _SELF_TRIGGERS))
    found.update(index + 1 for index in para.indices(_NEXT_TRIGGERS))
    found.update(index + 2 for index in para.indices(_DID))
    for index in para.indices(_MODAL_FORMS):  # "would acted", "would never agreed"
        found.update((index + 1, index + 2))
    words = para.words
    # "Ash frown and glared" (_bare_before_past) needs "he", "she", "it" or a capitalised word before the verb
    found.update(index - 1 for index in para.indices(_AND)
                 if index > 1 and (words[index - 2].norm in _THIRD_PERSON or words[index - 2].is_capitalised))
    last = len(words)
    return sorted(index for index in found if index < last)


def _finite_participle(para: Paragraph, index: int) -> bool:
    """"she seen it": a participle-only form right after a subject pronoun, outside dialogue."""
    word = para.words[index]
    if word.norm not in _IRREGULAR_PARTICIPLES or word.is_capitalised or in_dialogue(para, word.start):
        return False
    if lx.tags(word.norm) != {"VBN"}:
        return False  # "frozen", "known" are adjectives too
    before = para.norm(index - 2) if para.joined(index - 1) else ""
    # "had she seen", "have they gone"; "I thought he gone" is too unclear to fix
    return before not in lx.AUXILIARIES and before not in CLAUSE_VERBS - {"said", "says"}


_THIRD_PERSON = frozenset({"he", "she", "it"})


def _bare_before_past(para: Paragraph, index: int, env: Env) -> bool:
    """"Ash frown and glared": subject + bare verb + "and" + a past tense."""
    word = para.words[index]
    subject = para.words[index - 1]
    if word.is_capitalised or word.norm in lx.FUNCTION_WORDS or not para.next_joined(index + 1):
        return False
    if "'" in subject.norm or para.char_after(index - 1) in APOSTROPHES:
        return False  # "over Sheppard's shoulder and prodded": a possessive, not a subject
    if subject.norm not in _THIRD_PERSON and not (subject.is_capitalised and subject.norm not in lx.FUNCTION_WORDS):
        return False
    past = para.norm(index + 2)
    found = lx.tags(word.norm)
    if not found or not found <= {"VB", "VBP", "NN"} or not lx.tags(past) & {"VBD"}:
        return False
    if "VBN" in lx.tags(past) and (para.tag(index + 2) not in {"VBD", "VBN"} or para.norm(index + 3) == "by"):
        return False  # "walked" may be a participle; the tagger decides (right after "and" it is the past)
    if para.joined(index - 1) and para.norm(index - 2) in lx.AUXILIARIES | lx.DETERMINERS:
        return False  # "did he frown and ...", "the Ash frown"
    # a capitalised singular noun with no determiner before it is a name ("Ash", "Hope")
    return (subject.norm in _THIRD_PERSON or para.tag(index - 1) in {"NNP", "NN"}
            or not env.lexicon.knows(subject.norm))


def _object_noun_before(para: Paragraph, index: int) -> bool:
    """A determiner + noun after a verb or preposition, right before ``index``: "read a story (wrote by)"."""
    noun = index - 1
    if para.tag(noun) not in {"NN", "NNS"} or not para.joined(noun):
        return False
    determiner = noun - 1
    while determiner > 0 and para.tag(determiner) in {"JJ", "NN"} and para.joined(determiner):
        determiner -= 1
    if para.norm(determiner) not in lx.DETERMINERS or not para.joined(determiner):
        return False
    governor = para.norm(determiner - 1)
    return (para.tag(determiner - 1) in {"VB", "VBD", "VBZ", "VBP", "IN"}
            and governor not in CLAUSE_VERBS - lx.BE_FORMS and governor not in lx.CONJUNCTIONS)


_DID = frozenset({"did", "didn't", "didnt"})
#: Words after which only a verb's base form can follow: "didn't went", "did not knew", "to took".
_BASE_AFTER = _DID | {"to", "not"}
_MODALS = frozenset({"do", "does", "could", "would", "should", "will", "can", "must", "might", "may", "shall"})


def _base_after_did(para: Paragraph, index: int) -> str | None:
    """"didn't went" -> "go", "did he saw" -> "see", "to took" -> "take": a past form where the base is needed."""
    word = para.words[index]
    before = para.norm(index - 1)
    if word.is_capitalised or word.norm in {"used", "got"} or word.norm in lx.FUNCTION_WORDS:
        return None  # "didn't used to" is a common variant; "got" is British
    if before == "did":
        return None  # "What I did made it worse": "did" is the main verb; only "didn't", "did not", "did he"
    if before == "not" and para.norm(index - 2) not in _DID | _MODALS:
        return None  # "had not went" wants the participle: see _past_only
    found = lx.tags(word.norm)
    if before == "to" or (before == "not" and para.norm(index - 2) not in _DID):
        # after "to" only irregular past tenses that are nothing else ("to went"; "to saw" may be a noun)
        if word.norm not in _IRREGULAR_PAST or found != {"VBD"}:
            return None
    elif not found or "VBD" not in found or not found <= {"VBD", "VBN", "JJ"}:
        return None
    elif "JJ" in found and para.next_joined(index) and para.norm(index + 1) not in _OBJECT_STARTS | {"to"}:
        return None  # "What did interested parties say?": an adjective before the subject's noun
    lemma = lx.verb_lemma(word.norm)
    fixed = lemma if lemma and lemma != word.norm else None
    return fixed


_HAVE_AUXILIARY = frozenset({"have", "has", "had", "having", "haven't", "hasn't", "hadn't"})
_OBJECT_STARTS = frozenset({"the", "a", "an", "his", "her", "their", "my", "our", "your", "its", "this", "that",
                            "these", "those", "him", "them", "me", "us", "it"})
_CAUSATIVES = frozenset({"want", "wants", "wanted", "need", "needs", "needed", "have", "has", "had", "get", "gets",
                         "got"})
_LEAD_AFTER = frozenset({"to", "on", "by", "away", "astray", "out", "into", "back", "through", "down", "up", "off",
                         "inside", "outside", "around", "the", "him", "her", "them", "us", "me", "a", "an", "his",
                         "their", "our", "my", "your"})
_CLAUSE_OPENERS = frozenset({"before", "when", "after", "as", "since", "until", "once", "because", "if", "and",
                             "but", "while", "though", "although", "that"})

#: Words a pattern may flag whatever stands before them.
_SELF_TRIGGERS = frozenset(_NON_STANDARD) | {"lead", "drug"} | _IRREGULAR_PAST | _IRREGULAR_PARTICIPLES
#: Words after which a pattern may flag a word that is not one of :data:`_SELF_TRIGGERS`.
_NEXT_TRIGGERS = _HAVE_AUXILIARY | _DID
_AND = frozenset({"and"})


def _opens_clause(para: Paragraph, index: int) -> bool:
    """Word ``index`` opens a clause after a conjunction ("before it begun"; "had it written" is an object)."""
    return para.joined(index) and para.norm(index - 1) in _CLAUSE_OPENERS


def _bare_after_have(para: Paragraph, index: int) -> str | None:
    """"she had open the door" -> "opened": a bare verb that is no noun, between "had" and its object."""
    word = para.words[index]
    found = lx.tags(word.norm)
    if word.is_capitalised or word.norm in lx.FUNCTION_WORDS or "VB" not in found or found & {"NN", "NNS", "VBD",
                                                                                                "VBN", "VBZ"}:
        return None
    if not para.next_joined(index) or para.norm(index + 1) not in _OBJECT_STARTS:
        return None
    if para.norm(index - 2) == "to":  # "to have open minds" is left to the noun reading
        return None
    lemma = lx.verb_lemma(word.norm)
    fixed = lx.inflect(lemma, "VBN") if lemma else None
    return fixed if fixed and fixed != word.norm else None


def _causative_object_before(para: Paragraph, index: int) -> bool:
    """"want a story (wrote)": want/need/have/get, a determiner, modifiers and a noun right before ``index``."""
    # words first, tags last: only "want/need/have/get ... a/the ..." right before pays for tagging
    if not any(para.norm(governor) in _CAUSATIVES and para.norm(governor + 1) in lx.DETERMINERS
               for governor in range(max(0, index - 5), index - 2)):
        return False
    noun = index - 1
    unknown_noun = para.tag(noun) == "JJ" and not lx.tags(para.norm(noun))  # "a fanfic": the tagger guesses JJ
    if (para.tag(noun) not in {"NN", "NNS"} and not unknown_noun) or not para.joined(noun) or not para.joined(index):
        return False
    determiner = noun - 1
    while determiner > 0 and para.tag(determiner) in {"JJ", "NN"} and para.joined(determiner) \
            and noun - determiner < 4:
        determiner -= 1
    if para.norm(determiner) not in lx.DETERMINERS or not para.joined(determiner):
        return False
    return para.norm(determiner - 1) in _CAUSATIVES


def _lead(para: Paragraph, index: int) -> Match | None:
    """"was lead astray", "had lead the way" -> "led"."""
    if not (para.joined(index) and para.next_joined(index)) or para.norm(index + 1) not in _LEAD_AFTER:
        return None
    before = para.norm(index - 1)
    if before not in lx.BE_FORMS and before not in _HAVE_AUXILIARY:
        return None
    if before in lx.BE_FORMS and para.norm(index + 1) not in {"to", "on", "by", "away", "astray", "out", "into",
                                                              "back", "through", "down", "off", "inside", "around"}:
        return None  # "the pipe was lead", "the problem is lead the..." (is + object) is not a passive
    word = para.words[index]
    return para.match(word.start, word.end, "verb-form", Category.GRAMMAR,
                      "The past and participle of “lead” is “led”.", "led")


def _dragged(para: Paragraph, index: int) -> bool:
    """"and drug her down the road": "drug" with an object, in a paragraph narrated in the past."""
    if not (para.joined(index) and para.next_joined(index)) or para.norm(index + 1) not in {
            "him", "her", "them", "me", "us", "it", "his", "their", "my"}:
        return False
    before = para.norm(index - 1)
    if before not in {"and", "he", "she", "they", "i", "we"} and para.tag(index - 1) != "NNP":
        return False
    return any(tag == "VBD" for i, tag in enumerate(para.tags) if i != index)


EXAMPLES = Examples(
    wrong=(
        "If you want a song [wrote->written] about you, ask her.",
        "I need a drabble [wrote->written] by Friday.",
        "Had the twins [ate->eaten] already?",
        "He had been [lead->led] astray by a stranger.",
        "Someone had [lead->led] the horses away.",
        "The storm was over before it [begun->began].",
        "She had [open->opened] the window before bed.",
        "He grabbed her wrist and [drug->dragged] her out of the room.",
        "Mira [sigh->sighed] and closed the book.",
        "She didn't [went->go] home that night.",
        "Did he [knew->know] about it?",
        "They did not [wanted->want] to leave.",
        "He was about to [took->take] the last biscuit.",
        "She had not [went->gone] far.",
        "You could not [went->go] alone.",
        "She knew she would [acted->have acted] the same.",
        "He could [went->have gone] with them.",
        "I will [called->call] you in the morning.",
        "They would never [agreed->have agreed] to it.",
        "She couldn't [believed->have believed] him.",
        "It would [been->have been] easier.",
        "He doesn't [likes->like] tea.",
        "You can [swam->swim] across if the tide is low.",
    ),
    clean=(
        "The pipes were lead.",
        "He had lead poisoning as a child.",
        "They lead the way every morning.",
        "She had open wounds on her arms.",
        "I'd open the door if I could.",
        "They drug him every night, the nurse says.",
        "It was the drug her doctor gave her.",
        "The story she wrote about him was sad.",
        "Before it began, we left.",
        "She didn't used to care.",
        "He went to the shed to saw the logs.",
        "Did you hear that?",
        "What did interested parties say?",
        "What she did made it worse.",
        "It did not matter.",
        "The road to ruin was short.",
        "If only I had it written down.",
        "She would have acted the same.",
        "She'd acted as if nothing had happened.",
        "You could've asked me first.",
        "Why would armed guards stand there?",
        "Should concerned parents worry?",
        "The will stated that the house was hers.",
        "She pushed with all her might.",
        "His iron will kept him going.",
        "Don't kids love snow?",
        "He said she could, tired as she was.",
        "She would rather die than ask.",
    ),
)
