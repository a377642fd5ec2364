"""Subject-verb agreement: "he never get" -> "gets", "the tears that rolls down" -> "roll", "he have" -> "has".

With tags (:attr:`Paragraph.tags`): names the tagger reads as proper nouns count as subjects without canon
("Natasha rarely smile"); two names joined by "and" take a plural verb ("Mulder and Scully was waiting"); a
singular noun before "that"/"who" takes a singular one ("the only thing that have"); so does "every one of the
files" / "each of them".
"""

from __future__ import annotations

from collections.abc import Iterator

from ficdesk.checking import lexicon as lx
from ficdesk.checking.env import Env
from ficdesk.checking.examples import Examples
from ficdesk.checking.grammar import MANDATIVE_VERBS, followed_by_verb, in_dialogue, possessive_for_subject
from ficdesk.checking.model import Category, Match
from ficdesk.checking.registry import rule
from ficdesk.checking.speech import inside_quote, quotes
from ficdesk.checking.tokens import Paragraph, Word

_ADVERBS = frozenset({"never", "always", "often", "still", "just", "also", "really", "sometimes", "usually",
                      "only", "even", "then", "barely", "hardly", "rarely", "seldom", "finally", "suddenly",
                      "simply", "actually", "probably", "certainly", "definitely", "nearly", "almost",
                      "already", "immediately", "quietly", "slowly", "gently", "softly", "quickly", "now",
                      "instantly", "frequently", "occasionally", "constantly", "truly", "ever", "once"})
#: Verbs that look like a bare infinitive after a subject for good reasons ("he need not", "he better").
_NOT_AGREEMENT = frozenset({"need", "dare", "better", "like", "please", "ought", "used", "rather", "best", "be",
                            "let", "lest", "bet", "say", "mean", "thank", "beg", "wish", "pray", "whatever"})
#: "let him go", "made her stay": a following bare infinitive is right. Also inverted questions.
_CAUSATIVE = frozenset({"let", "lets", "make", "makes", "made", "help", "helps", "helped", "watch", "watched",
                        "see", "saw", "hear", "heard", "have", "had", "has", "bid", "lest", "that", "if"})
_VERB_TAGS = frozenset({"VB", "VBP"})
_OTHER_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBG", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
_PLURAL_DETERMINERS = frozenset({"the", "these", "those", "his", "her", "my", "your", "their", "our", "its",
                                 "all", "some", "many", "few", "several", "both"})


#: Words a finding may start at: a subject pronoun, a relative pronoun.
_TRIGGERS = frozenset({"he", "she", "it", "that", "who", "which", "they", "we"})
#: Plural subject pronouns ("you" is left out: it is an object as often, "than you is", "one of you is").
_PLURAL_PRONOUNS = frozenset({"they", "we"})
_AND = frozenset({"and"})
_OF = frozenset({"of"})


@rule("agreement", Category.GRAMMAR, "subject-verb agreement")
def agreement(para: Paragraph, env: Env) -> Iterator[Match]:
    for index in _candidates(para, env):
        word = para.words[index]
        found: Match | None = None
        if word.norm in {"he", "she", "it"} or (word.norm in env.canon and word.is_capitalised):
            found = _third_person(para, word, env)
        elif word.norm in _PLURAL_PRONOUNS:
            found = _plural_pronoun(para, word)
        elif word.norm in {"that", "who", "which"}:
            found = _plural_relative(para, word) or _singular_relative(para, word)
        elif word.norm == "and":
            found = _coordinated(para, word, env)
        elif word.norm == "of":
            found = _each_of(para, word)
        elif word.is_capitalised and _untracked_name(para, word, env):
            found = _third_person(para, word, env)
            if found is not None and para.tag(index) != "NNP":
                found = None  # the tagger last: only a would-be finding pays for tagging the paragraph
        if found is not None:
            yield found


def _candidates(para: Paragraph, env: Env) -> list[int]:
    """Indices of the words :func:`agreement` may find something at, in order.

    Found from the paragraph's vocabulary rather than by a walk over its words: the pronouns, relative pronouns
    and canon names, the words before an adverb (where :func:`_untracked_name` may find a name without canon),
    "and" before a capitalised word (:func:`_coordinated`) and "of" when "one" or "each" is in the paragraph
    (:func:`_each_of`).
    """
    vocabulary = para.vocabulary
    words = para.words
    found = set(para.indices((vocabulary & _TRIGGERS) | vocabulary.intersection(env.canon)))
    adverbs = {norm for norm in vocabulary if norm.endswith("ly")} | (vocabulary & _ADVERBS)
    found.update(index - 1 for index in para.indices(adverbs) if index > 0)
    last = len(words) - 1
    found.update(index for index in para.indices(_AND) if index < last and words[index + 1].is_capitalised)
    if "one" in vocabulary or "each" in vocabulary:
        found.update(para.indices(_OF))
    return sorted(found)


def _bare_verb(norm: str) -> bool:
    if norm in lx.FUNCTION_WORDS or norm in _NOT_AGREEMENT:
        return False
    found = lx.tags(norm)
    return bool(found & _VERB_TAGS) and not found & _OTHER_TAGS


def _third_person(para: Paragraph, word: Word, env: Env) -> Match | None:
    index = word.index
    if index == 0 and not word.is_capitalised:
        return None  # a line that starts in lower case goes on from a hard-wrapped line ("made\nit look")
    if para.joined(index) and para.norm(index - 1) in {"and", "or", "nor"}:
        return None  # "Stark and Yinsen secretly build": the subject is the whole coordination
    if para.joined(index):
        before = para.norm(index - 1)
        if before in lx.AUXILIARIES or before in _CAUSATIVE or before in MANDATIVE_VERBS:
            return None  # "did he know", "let him go", "demanded he leave"
        if word.norm == "it" and before not in lx.CONJUNCTIONS - {"that", "than", "as"}:
            return None  # "it" after a verb is its object: "watch it burn"
    position = index + 1
    adverbs = 0
    while para.joined(position) if position < len(para.words) else False:
        norm = para.norm(position)
        if norm in _ADVERBS or (norm.endswith("ly") and lx.only(norm, {"RB"})):
            position += 1
            adverbs += 1
            continue
        break
    if position >= len(para.words) or not para.joined(position):
        return None
    if word.norm not in {"he", "she", "it"} and adverbs == 0:
        return None  # "Jack look out!" may be a call; with "never" between it is a statement
    verb = para.words[position]
    if verb.norm == "have" and word.norm in {"he", "she", "it"} and not verb.is_capitalised:
        if para.joined(index) and para.norm(index - 1) in {"if", "lest", "that", "whether"}:
            return None  # "if he have" is an old subjunctive; "insisted that he have" a mandative one
        return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                          f"After “{word.text}” the verb is “has”.", "has")
    if verb.norm == "don't" and word.norm in {"he", "she", "it"} and not in_dialogue(para, verb.start):
        # "she don't care" in narration; in speech it is the character's voice
        return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                          f"After “{word.text}” the verb is “doesn't”.", para.styled("doesn't", verb.text))
    if verb.is_capitalised or not _bare_verb(verb.norm):
        return None
    if verb.norm in {"sort", "kind"} and para.norm(position + 1) == "of":
        return None  # "It sort of crept up on us": an adverb
    if adverbs == 0 and (possessive_for_subject(para, index) or followed_by_verb(para, position)):
        return None  # "He voice was", "drew he sword": a noun after "he" written for "his"
    lemma = lx.verb_lemma(verb.norm) or verb.norm
    fixed = lx.inflect(lemma, "VBZ")
    if not fixed or fixed == verb.norm:
        return None
    past = lx.inflect(lemma, "VBD") if _narrated_in_past(para, position) else None
    if past and past != verb.norm:
        # "A tom had bitten her. She bleed.": the paragraph tells the past, so the past tense is likelier
        return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                          f"After “{word.text}” the verb needs its past “{past}” (or “{fixed}”).", past, fixed)
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"After “{word.text}” the verb takes an s: “{fixed}”.", fixed)


_QUOTES = frozenset("\"“”")


def _narrated_in_past(para: Paragraph, skip: int) -> bool:
    """Whether word ``skip`` is narration in a paragraph whose narration is past: past verbs, no present ones."""
    past = present = 0
    inside = False
    for index in range(len(para.words)):
        for char in para.gap_before(index):
            if char in _QUOTES:
                inside = char == "“" or (char == '"' and not inside)
        if index == skip and inside:
            return False  # speech keeps its own tense: "He never listen to me," she said.
        if inside or index == skip:
            continue
        tag = para.tag(index)
        if tag == "VBD":
            past += 1
        elif tag in {"VBZ", "VBP"} and "'" not in para.norm(index):
            present += 1
    return past > 0 and present == 0


def _plural_relative(para: Paragraph, word: Word) -> Match | None:
    index = word.index
    if not (para.joined(index) and para.next_joined(index)):
        return None
    noun = para.words[index - 1]
    if noun.is_capitalised or noun.norm in lx.FUNCTION_WORDS or not lx.is_plural_noun(noun.norm):
        return None
    position = index - 2
    while position >= 0 and para.joined(position + 1) and lx.is_adjective(para.norm(position)) \
            and para.norm(position) not in lx.FUNCTION_WORDS:
        position -= 1
    if position < 0 or para.norm(position) not in _PLURAL_DETERMINERS or not para.joined(position + 1):
        return None
    if para.norm(position - 1) == "of" and para.norm(position - 2) == "one":
        return None  # "one of the things that makes"
    verb = para.words[index + 1]
    found = lx.tags(verb.norm)
    if "VBZ" not in found or found & {"NN", "VBD", "VBN"} or verb.norm in lx.AUXILIARIES:
        return None
    lemma = lx.verb_lemma(verb.norm)
    fixed = lx.inflect(lemma, "VBP") if lemma else None
    if not fixed or fixed == verb.norm:
        return None
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"“{noun.text}” is plural: the verb is “{fixed}”.", fixed)


def _plural_pronoun(para: Paragraph, word: Word) -> Match | None:
    """"they was" -> "were", "we has" -> "have": "they" or "we" before a singular form of be, have or do.

    Not in quoted speech, where "we was robbed" is the character's voice.
    """
    index = word.index
    if not para.next_joined(index):
        return None
    verb = para.words[index + 1]
    fixed = PLURAL_FIX.get(verb.norm)
    if fixed is None or inside_quote(quotes(para.text), word.start, len(para.text)):
        return None
    if para.joined(index) and para.norm(index - 1) in {"the", "a", "an", "royal"}:
        return None  # the word itself: "a 'we' is ...", "the royal we is ..."
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"After “{word.text}” the verb is “{fixed}”.", para.styled(para.cased(fixed, verb.text),
                                                                                 verb.text))


#: A plural verb and its singular, and the reverse (also used by :mod:`.agreement_phrases`).
SINGULAR_FIX = {"have": "has", "are": "is", "were": "was", "don't": "doesn't", "do": "does", "aren't": "isn't",
                 "weren't": "wasn't", "haven't": "hasn't"}
PLURAL_FIX = {"was": "were", "is": "are", "has": "have", "wasn't": "weren't", "isn't": "aren't",
               "hasn't": "haven't", "does": "do", "doesn't": "don't"}
#: Singular nouns that stand for several people or things and may take a plural verb in British English.
_COLLECTIVE = frozenset({"family", "team", "staff", "police", "crew", "couple", "group", "people", "number",
                         "majority", "minority", "kind", "sort", "type", "lot", "bunch", "pair", "rest", "band",
                         "class", "crowd", "audience", "government", "council", "committee", "company", "army",
                         "squad", "gang", "public", "clan", "pack", "jury", "herd", "flock", "half",
                         "percent", "series", "variety", "range", "host", "handful", "total", "none", "remainder"})
_SINGULAR_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "every", "each", "one", "another", "any",
                                   "no"})
#: Words before a coordination that show it opens its clause ("When Jack and Ianto was ...").
_OPENERS = lx.CONJUNCTIONS | frozenset({"then", "now", "suddenly", "finally", "soon", "later"})


def _untracked_name(para: Paragraph, word: Word, env: Env) -> bool:
    """A capitalised word that is no common word ("Natasha", not "Will" or "Hope"), before an adverb and a verb.

    It is a name only if the tagger reads it as one (``NNP``), which :func:`agreement` asks last.
    """
    index = word.index
    if not para.next_joined(index) or not (para.norm(index + 1) in _ADVERBS or para.norm(index + 1).endswith("ly")):
        return False  # without canon a name needs an adverb before its verb ("Natasha rarely smile"), see below
    position = index + 1
    while para.next_joined(position) and (para.norm(position) in _ADVERBS or para.norm(position).endswith("ly")):
        position += 1
    if not _bare_verb(para.norm(position)):
        return False  # checked before tagging: "Jack slowly turned" has no bare verb to fix
    if word.norm in lx.FUNCTION_WORDS or word.text.isupper() or word.norm.endswith("s") or "'" in word.norm:
        return False
    return not (env.lexicon.knows(word.norm) or (para.joined(index) and para.norm(index - 1) in lx.DETERMINERS))


def _singular_relative(para: Paragraph, word: Word) -> Match | None:
    """"the only thing that have been" -> "has": a singular count noun, its determiner, a plural-only verb."""
    index = word.index
    if not (para.joined(index) and para.next_joined(index)):
        return None
    verb = para.words[index + 1]
    noun = para.words[index - 1]
    if noun.is_capitalised or noun.norm in _COLLECTIVE or noun.norm in lx.FUNCTION_WORDS \
            or noun.norm.endswith(("s", "ae", "i")) or not lx.tags(noun.norm) & {"NN"}:
        return None  # words first: the tagger runs only after a singular common noun
    fixed = SINGULAR_FIX.get(verb.norm)
    if fixed is None and _bare_verb(verb.norm) and (lx.tags(verb.norm) <= {"VB", "VBP"}
                                                    or para.tag(index + 1) in {"VBP", "VB"}):
        lemma = lx.verb_lemma(verb.norm)
        fixed = lx.inflect(lemma, "VBZ") if lemma else None  # "any pairing that involve" -> "involves"
    if fixed is None or para.tag(index - 1) != "NN":
        return None
    position = index - 2
    while position >= 0 and para.joined(position + 1) and (para.tag(position) in {"JJ", "JJS", "RB"}
                                                            or para.norm(position) == "only"):
        position -= 1
    if position < 0 or para.norm(position) not in _SINGULAR_DETERMINERS or not para.joined(position + 1):
        return None
    if para.norm(position - 1) == "of":
        return None  # "one of the only things", "the rest of the team that are"
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"“{noun.text}” is singular: the verb is “{fixed}”.", para.styled(fixed, verb.text))


def _each_of(para: Paragraph, word: Word) -> Match | None:
    """"every one of the files have" -> "has", "each of them were" -> "was"."""
    index = word.index
    before = para.norm(index - 1)
    if not para.joined(index) or before not in {"one", "each"}:
        return None
    if before == "one" and para.norm(index - 2) not in {"every", "each"}:
        return None  # "one of the boys have" is usually meant as "one of the boys who have"
    position = index + 1
    if para.norm(position) in {"them", "us", "you"}:
        position += 1
    else:
        while position < len(para.words) and para.joined(position) and position - index <= 4 \
                and para.tag(position) in {"DT", "PRP$", "JJ", "CD"}:
            position += 1
        if para.tag(position) != "NNS" or not para.joined(position):
            return None
        position += 1
    if position >= len(para.words) or not para.joined(position):
        return None
    verb = para.words[position]
    fixed = SINGULAR_FIX.get(verb.norm)
    if fixed is None:
        return None
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"After “{para.words[index - 1].text} of” the verb is singular: “{fixed}”.",
                      para.styled(fixed, verb.text))


def _name_run(para: Paragraph, index: int, step: int) -> int:
    """The last index of the run of capitalised names from ``index`` going ``step`` (-1 or +1)."""
    position = index
    while True:
        following = position + step
        word = para.word(following)
        if word is None or not word.is_capitalised or para.tag(following) != "NNP" \
                or not para.joined(max(position, following)):
            return position
        position = following


def _is_name(para: Paragraph, index: int, env: Env) -> bool:
    """A name: read as one by the tagger, or a capitalised word that is no English word ("Ilse"), or "I"."""
    word = para.word(index)
    if word is None or not word.is_capitalised or "'" in word.norm or word.norm in lx.FUNCTION_WORDS:
        return word is not None and word.text == "I"
    return para.tag(index) == "NNP" or not env.lexicon.knows(word.norm)


def _named_subject(para: Paragraph, index: int) -> bool:
    """"A girl named Mira and her brother look": the first name closes a clause-opening "a ... named"."""
    before = index - 1
    if not para.joined(index) or para.norm(before) not in {"named", "called"}:
        return False
    start = before - 1
    while start > 0 and para.joined(start + 1) and before - start < 4 and para.tag(start) in {"JJ", "NN"}:
        start -= 1
    return para.norm(start) in {"a", "an", "the"} and para.sentence_start(start) and para.joined(start + 1)


def _coordinated(para: Paragraph, word: Word, env: Env) -> Match | None:
    """"Mulder and Scully was waiting" -> "were": two names joined by "and" as the subject of a singular verb."""
    index = word.index
    if not (para.joined(index) and para.next_joined(index)):
        return None
    position = index + 1
    while position < len(para.words) and para.words[position].is_capitalised:
        position += 1
    after = para.norm(position)
    if after not in PLURAL_FIX and not (after.endswith("s") and "VBZ" in lx.tags(after)):
        return None  # checked before tagging: most "A and B" are followed by no singular verb
    if not _is_name(para, index - 1, env) or not _is_name(para, index + 1, env):
        return None
    first = _name_run(para, index - 1, -1) if para.tag(index - 1) == "NNP" else index - 1
    last = _name_run(para, index + 1, +1) if para.tag(index + 1) == "NNP" else index + 1
    # not after a comma: "between Cloud, Tifa and Aerith is" continues a list
    opens = para.sentence_start(first) or (para.joined(first) and para.norm(first - 1) in _OPENERS) \
        or _named_subject(para, first)
    if not opens or not para.next_joined(last):
        return None
    verb = para.words[last + 1]
    fixed = PLURAL_FIX.get(verb.norm)
    if fixed is None and para.tag(last + 1) == "VBZ" and (
            not lx.tags(verb.norm) & {"NN", "NNS"}
            or (para.next_joined(last + 1) and para.tag(last + 2) in {"IN", "DT", "PRP", "PRP$", "RB", "RP",
                                                                      "TO"})):
        lemma = lx.verb_lemma(verb.norm)
        fixed = lx.inflect(lemma, "VBP") if lemma else None
    elif fixed is not None and not (para.next_joined(last + 1)
                                    and para.tag(last + 2) in {"VBG", "VBN", "RB", "IN", "JJ", "TO"}):
        return None  # "Tom and Jerry is a cartoon": a title or a firm is one thing
    if not fixed or fixed == verb.norm:
        return None
    return para.match(verb.start, verb.end, "agreement", Category.GRAMMAR,
                      f"Two people joined by “and” take a plural verb: “{fixed}”.", para.styled(fixed, verb.text))


EXAMPLES = Examples(
    wrong=(
        "He never [listen->listens] to me.",
        "Kestrel and Thorne [was->were] waiting by the gate.",
        "A boy named Tam and Kestrel [looks->look] at the map.",
        "A wolf had caught her. She [bleed->bled] into the snow.",
        "Every one of the letters [have->has] been burned.",
        "She waited. \"He never [listen->listens] to me,\" she said.",
        "Kestrel and Thorne [looks->look] up from the map.",
        "She [don't->doesn't] care what they think.",
        "They [was->were] late for the feast.",
        "By noon we [wasn't->weren't] sure of anything.",
        "They [has->have] a plan.",
        "What they [was->were] doing, she could not tell.",
    ),
    clean=(
        "He never listens to me.",
        "A boy named Tam and his dog were asleep.",
        "Tom and Jerry is a cartoon.",
        "Let him go.",
        "It sort of crept up on us.",
        '"She don\'t care," he said.',
        "Why don't they ask?",
        "Did she? Don't ask me.",
        '"We was robbed," the old man said.',
        "'They was here,' she whispered.",
        "A thank you was all he got.",
        "One of you is lying.",
        "The royal we is not for you.",
        "Were they late? They were.",
    ),
)
