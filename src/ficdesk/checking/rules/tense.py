"""Tense consistency: a present-tense verb slipped into a past-tense story, or the reverse.

"He opened the door and sees the rain" -> "saw". The document's narrative tense is judged over the whole text
(:mod:`ficdesk.checking.tense`, part of the document's :class:`~ficdesk.checking.engine.TextStyle`); without a
clear tense nothing is flagged. Precision comes first, so a verb is flagged only when all of these hold:

* it is narration: outside quotation marks and ``*italic*`` thoughts, not in an author's note;
* it is joined by "and" to a verb of the story's tense whose subject ("he", "she" or a name) opens the sentence
  ("He opened the door and sees the rain."); in a past-tense story a present verb may also have such a subject
  itself ("She grabs the bag and ran."), while in a present-tense story a past verb there may be an earlier event
  ("He forgot his keys and he laughs.");
* it is not a state ("love", "know", "want" ...) and the sentence has no verb of thinking, saying or reading;
* every other finite verb of the sentence's narration is in the story's tense, and there is at least one;
* the sentence has no sign of a timeless or shifted clause: general truths and habits ("always", "every"),
  conditions ("if", "unless"), reported or embedded clauses ("that", "what", "how" ...), and, in a present-tense
  story, time markers that make a past verb right ("yesterday", "ago", "used to", "last", "before", "once").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.tense import PAST, PRESENT, narration
from ficdesk.checking.tokens import Paragraph

_RULE = "tense-shift"
_SENTENCE_END = re.compile(r"[.!?…;:\"“”‘’()\[\]—–]")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"he", "she"})
#: Words that make a sentence timeless, conditional, reported or otherwise free to mix tenses.
_ANY_TENSE = frozenset({
    "always", "usually", "often", "sometimes", "never", "ever", "every", "whenever", "generally", "normally",
    "typically", "if", "unless", "whether", "though", "although", "that", "what", "how", "why", "where", "who",
    "which", "whom", "whose", "because", "since", "until", "till", "as", "like", "than", "known", "still", "now",
    "today", "tonight", "anymore", "nowadays", "i", "you", "we", "me", "my", "your", "our", "us",
})
#: In a present-tense story, words that make a past verb right.
_PAST_MARKERS = frozenset({
    "yesterday", "ago", "used", "last", "before", "once", "had", "earlier", "previously", "then", "when", "after",
    "already", "was", "were", "did", "former", "formerly", "back", "remembers", "remember", "recalls",
    "remembered", "recalled",
})
#: Verbs of thinking, speaking and reading: a sentence with one may hold an unquoted thought or a quoted text
#: ("Draco looks tired, he thought"; "The sign says no entry").
_REPORTING = frozenset({
    "think", "know", "wonder", "realise", "realize", "say", "tell", "ask", "whisper", "murmur", "mutter", "reply",
    "decide", "suppose", "guess", "believe", "remember", "recall", "imagine", "hope", "wish", "figure", "reckon",
    "suspect", "explain", "write", "read", "learn", "hear", "notice", "mean", "promise", "swear", "admit",
})
#: States rather than events: in the present they often state a truth that still holds ("she hates waiting").
_STATIVE = frozenset({
    "love", "hate", "like", "dislike", "know", "mean", "want", "need", "seem", "believe", "prefer", "own", "belong",
    "deserve", "matter", "exist", "contain", "include", "depend", "understand", "resemble", "cost", "weigh",
    "consist", "lack", "owe", "possess", "appear", "tend", "live", "work", "remain", "fit", "suit", "concern",
})
#: Verbs left alone: auxiliaries and "be", whose tense a reader's ear may prefer either way.
_SKIP = frozenset({"is", "are", "am", "was", "were", "has", "have", "had", "does", "do", "did", "'s", "'re", "'m",
                   "'ve", "'d"})
#: Author's notes, summaries and headings: the author speaks there, in any tense.
#: What a slipped present verb in a past-tense story looks like, found at C speed before anything else.
_PAST_SHAPE = re.compile(r"\b(?:and|then|[Hh]e|[Ss]he|[A-Z][a-z]+) +[a-z]+s\b")
_NOTE = re.compile(r"(?i)^\W*(a/n|an:|author'?s? ?notes?|notes?:|disclaimer|edit:|ps\b|p\.s\.|summary|chapter"
                   r"|prologue|epilogue|warnings?:|rating:|pairings?:)")
_JOINERS = frozenset({"and", "then"})
#: Words that may open a sentence before its subject.
_OPENERS = frozenset({"then", "and", "but", "so", "finally", "suddenly", "slowly", "quickly", "quietly"})


@rule(_RULE, Category.STYLE, "Tense consistency")
def tense_shift(para: Paragraph, env: Env) -> Iterator[Match]:
    tense = env.tense
    if tense not in (PAST, PRESENT) or len(para.words) < 4 or _NOTE.match(para.text):
        return
    if tense == PRESENT and not para.vocabulary & _JOINERS:
        return  # in a present-tense story only a verb joined by "and" / "then" is looked at
    if tense == PAST and not _PAST_SHAPE.search(para.text):
        return  # no "-s" word after "and", "then", "he", "she" or a capitalised word: nothing to look at
    placed = _placed_verbs(para, tense)
    if not placed:
        return
    text = narration(para.text)
    if text.isspace():
        return
    for start, end in _sentences(para, text, placed):
        yield from _sentence(para, start, end, text, tense, placed)


@lru_cache(maxsize=65_536)
def _slip_shaped(norm: str, tense: str) -> bool:
    """Whether ``norm`` has the form of a verb slipped into the other tense (before its place is looked at)."""
    if norm in _SKIP:
        return False
    if tense == PAST:
        return norm.endswith("s") and len(norm) > 3 and lx.is_verb_form(norm, "VBZ")
    return lx.is_verb_form(norm, "VBD")


def _placed_verbs(para: Paragraph, tense: str) -> list[int]:
    """Indices of the words that may be a slipped verb: its form, after "and"/"then" or a possible subject.

    Found from the paragraph's vocabulary, so a paragraph without one costs no walk over its words; the sentence
    tests of :func:`_candidate_words` narrow these down.
    """
    if tense == PAST:
        shaped = {norm for norm in para.vocabulary if norm.endswith("s") and _slip_shaped(norm, PAST)}
    else:
        shaped = {norm for norm in para.vocabulary if _slip_shaped(norm, PRESENT)}
    placed = []
    for index in para.indices(shaped):
        before = para.norm(index - 1)
        if (before in _JOINERS and para.joined(index)) or (tense == PAST and index > 0 and (
                before in _SUBJECTS or para.words[index - 1].is_capitalised)):
            placed.append(index)
    return placed


def _sentences(para: Paragraph, text: str, placed: list[int]) -> Iterator[tuple[int, int]]:
    """Ranges of word indices of the stretches of narration between sentence marks that hold a ``placed`` word.

    A stretch ends at a word blanked in ``text`` (speech or thoughts, see :func:`narration`) and before a word
    with a sentence mark in the gap before it.
    """
    words = para.words
    end = 0
    for index in placed:
        if index < end or text[words[index].start] == " ":
            continue  # in the stretch already given, or blanked
        start = index
        while start > 0 and not _stretch_starts(para, text, start):
            start -= 1
        end = index + 1
        while end < len(words) and not _stretch_starts(para, text, end):
            end += 1
        yield start, end


def _stretch_starts(para: Paragraph, text: str, index: int) -> bool:
    """Whether a stretch of narration ends before word ``index`` (``index`` > 0)."""
    words = para.words
    return (text[words[index].start] == " " or text[words[index - 1].start] == " "
            or _SENTENCE_END.search(para.text, words[index - 1].end, words[index].start) is not None)


def _sentence(para: Paragraph, start: int, end: int, text: str, tense: str, placed: list[int]) -> Iterator[Match]:
    words = para.words[start:end]
    if len(words) < 4 or (tense == PRESENT and "," in text[words[0].start:words[-1].end]):
        return
    norms = {word.norm for word in words}
    if norms & _ANY_TENSE or (tense == PRESENT and norms & _PAST_MARKERS):
        return
    candidates = _candidate_words(para, start, end, tense, placed)
    if not candidates:
        return
    tags = para.tags
    finite = [index for index in range(start, end) if tags[index] in _FINITE_TAGS]
    wrong = [index for index in finite if _wrong_tense(tags[index], tense)]
    right = [index for index in finite if not _wrong_tense(tags[index], tense)]
    if len(wrong) != 1 or not right or any(tags[index] == "MD" for index in finite):
        return
    index = wrong[0]
    if index not in candidates or not _subject_ok(para, start, index, right, tense):
        return
    if any(lx.verb_lemma(para.norm(other)) in _REPORTING for other in finite):
        return
    word = para.words[index]
    lemma = lx.verb_lemma(word.norm)
    if lemma is None or lemma in _STATIVE:
        return
    fix = lx.inflect(lemma, "VBD" if tense == PAST else "VBZ")
    if fix is None:
        return
    told = "past" if tense == PAST else "present"
    yield para.match(word.start, word.end, _RULE, Category.STYLE,
                     f"The story is told in the {told} tense; this verb is in the other tense.",
                     para.cased(fix, word.text))


def _wrong_tense(tag: str, tense: str) -> bool:
    return (tag in _PRESENT_TAGS) if tense == PAST else tag == "VBD"


def _candidate_words(para: Paragraph, start: int, end: int, tense: str, placed: list[int]) -> set[int]:
    """The ``placed`` words of the sentence that may be the slipped verb, found without the tagger.

    Joined by "and"/"then" to what comes before, or (past tense) right after the subject that opens the sentence.
    """
    found = set()
    opening = start + 1 if para.norm(start) in _OPENERS else start
    for index in placed:
        if not start < index < end:
            continue
        before = para.norm(index - 1)
        coordinated = before in _JOINERS and para.joined(index)
        if not coordinated and not (tense == PAST and index - 1 == opening and
                                    (before in _SUBJECTS or para.words[index - 1].is_capitalised)):
            continue
        found.add(index)
    return found


def _subject_ok(para: Paragraph, start: int, index: int, right: list[int], tense: str) -> bool:
    """The verb's subject is "he", "she" or a name opening the sentence, or it is joined by "and" to a right verb."""
    if para.norm(start) in _OPENERS:
        start += 1
    before = index - 1
    if tense == PAST and before == start and _subject(para, before):  # a past verb may be an earlier event
        return any(other > index for other in right)
    if para.norm(before) in _JOINERS and para.joined(index):
        if para.norm(before) == "then" and para.norm(before - 1) == "and":
            before -= 1
        earlier = [other for other in right if other < before]
        return bool(earlier) and earlier[0] - 1 == start and _subject(para, start) and \
            "," not in para.gap_after(before)
    return False


def _subject(para: Paragraph, index: int) -> bool:
    word = para.words[index]
    return word.norm in _SUBJECTS or (word.is_capitalised and para.tag(index) == "NNP")


#: Narration the examples share: enough of it for the story's tense to be judged (see ``ficdesk.checking.tense``).
_PAST_STORY = ("Mara checked the locks twice. She listened at the door. She heard nothing. She pulled on her coat "
               "and she picked up the lamp. She waited a little longer. She counted to ten and she breathed out.\n")
_PRESENT_STORY = ("Rin waits by the window. She counts the cars. She hums under her breath. She pulls her knees up "
                  "and she rests her chin on them. She yawns. She blinks and she rubs her eyes.\n")

EXAMPLES = Examples(
    wrong=(
        _PAST_STORY + "Then she opened the door and [sees->saw] the rain. The street was empty. She walked out into "
        "the dark. She shivered and she hurried on.",
        _PAST_STORY + "Tobias hated the dark. He [grabs->grabbed] his bag and stepped onto the step. He counted the "
        "stairs. He walked down them slowly and he reached the street.",
        _PRESENT_STORY + "She picks up her phone and [stared->stares] at the screen. Nothing comes. She sets it down. "
        "She turns back to the glass and she watches the lights.",
    ),
    clean=(
        _PAST_STORY + "\"It rains every day here,\" she muttered. She knew that the river floods in spring. She "
        "opened the door and stepped out. She walked on and she hummed.",
        _PRESENT_STORY + "Yesterday she waited too, and nobody came. She picks up her phone and stares at the screen. "
        "She sets it down. She sighs and she turns away.",
        _PAST_STORY + "*He always does this,* she thought, and sighed. She stepped onto the platform. She walked to "
        "the stairs and she climbed them.",
        _PAST_STORY + "She walked on and she sat down. She looked up and she smiled.\nA/N: Mara sees the rain in "
        "the next chapter and finds the key.",
    ),
)
