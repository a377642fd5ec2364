"""English words and their parts of speech, loaded lazily once per process.

Spelling uses the bundled SCOWL-based lists (``resources/wordlists/en-GB.txt.gz`` and ``en-US``, built by
``packaging/tools/build_wordlists.py``), read from the compact ``checker-en.dat`` (:mod:`ficdesk.checking.data`).
Parts of speech come from lemminflect's lexicon, turned into Penn Treebank tags (``NN``, ``NNS``, ``VB``, ``VBZ``
...), plus the closed word classes written out below, which lemminflect does not cover.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import cache, cached_property, lru_cache

from ficdesk.checking.data import CheckerData, checker_data

LANGUAGES = ("en-GB", "en-US")

SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
OBJECT_PRONOUNS = frozenset({"me", "you", "him", "her", "it", "us", "them"})
REFLEXIVES = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves",
                        "themselves", "oneself"})
POSSESSIVE_DETERMINERS = frozenset({"my", "your", "his", "her", "its", "our", "their"})
POSSESSIVE_PRONOUNS = frozenset({"mine", "yours", "his", "hers", "ours", "theirs"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "every", "each",
                         "either", "neither", "another", "such", "what", "which", "whose", "all", "both", "many",
                         "much", "few", "several", "most", "more", "less", "enough"}) | POSSESSIVE_DETERMINERS
PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "amid", "among", "amongst", "around", "as", "at",
    "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down",
    "during", "except", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out",
    "outside", "over", "past", "since", "through", "throughout", "till", "to", "toward", "towards", "under",
    "underneath", "until", "up", "upon", "with", "within", "without", "via",
})
CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while",
                          "whilst", "if", "unless", "when", "whenever", "where", "wherever", "whether", "than",
                          "that", "once", "as"})
BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "isn't", "aren't", "wasn't",
                      "weren't", "ain't"})
AUXILIARIES = frozenset({
    "do", "does", "did", "don't", "doesn't", "didn't", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mightn't",
    "mustn't", "have", "has", "had", "haven't", "hasn't", "hadn't", "needn't", "dare", "ought",
}) | BE_FORMS
#: Words that are never the noun, verb or adjective a rule is looking for, whatever lemminflect says.
FUNCTION_WORDS = (SUBJECT_PRONOUNS | OBJECT_PRONOUNS | REFLEXIVES | POSSESSIVE_PRONOUNS | DETERMINERS
                  | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES
                  | frozenset({"not", "there", "here", "then", "now", "who", "whom", "whose", "why", "how",
                               "very", "too", "also", "just", "only", "even", "still", "never", "always",
                               "often", "nothing", "something", "anything", "everything", "someone",
                               "anyone", "everyone", "nobody", "somebody", "anybody", "everybody", "one",
                               "none", "yes", "no", "oh", "okay", "ok", "please", "like"}))
#: Function words that are not auxiliaries: after a noun they rule out a finite verb ("the kids and").
NON_AUXILIARY_FUNCTION_WORDS = FUNCTION_WORDS - AUXILIARIES
NATIONALITIES = frozenset({
    "afghan", "african", "albanian", "american", "arabic", "argentinian", "armenian", "asian", "australian",
    "austrian", "belgian", "bengali", "bolivian", "brazilian", "british", "bulgarian", "burmese", "cambodian",
    "canadian", "chilean", "chinese", "colombian", "cornish", "croatian", "cuban", "czech", "dutch", "egyptian",
    "english", "estonian", "ethiopian", "european", "filipino", "finnish", "french", "gaelic", "georgian",
    "german", "greek", "haitian", "hawaiian", "hebrew", "hindi", "hungarian", "icelandic", "indian",
    "indonesian", "iranian", "iraqi", "irish", "israeli", "italian", "jamaican", "japanese", "jewish",
    "kenyan", "korean", "latin", "latvian", "lebanese", "lithuanian", "malaysian", "maltese", "mexican",
    "mongolian", "moroccan", "nepalese", "nigerian", "norwegian", "pakistani", "persian", "peruvian",
    "portuguese", "romanian", "russian", "scandinavian", "scottish", "serbian", "slovak", "somali",
    "spanish", "sudanese", "swedish", "swiss", "syrian", "thai", "tibetan", "turkish", "ukrainian",
    "urdu", "venezuelan", "vietnamese", "welsh", "yiddish",
})


class WordSet:
    """A variety's words: the shared set of both varieties' words minus the other variety's own spellings.

    Both lexicons share one set, so loading the second costs nothing.
    """

    __slots__ = ("_all", "_excluded")

    def __init__(self, words: frozenset[str], excluded: frozenset[str]) -> None:
        self._all = words
        self._excluded = excluded

    def __contains__(self, word: object) -> bool:
        return word in self._all and word not in self._excluded

    def among(self, candidates: set[str]) -> set[str]:
        """The words of ``candidates`` in this set (one C-speed intersection instead of a lookup each)."""
        found = candidates & self._all
        return found - self._excluded if found and self._excluded else found

    def __iter__(self) -> Iterator[str]:
        excluded = self._excluded
        return (word for word in self._all if word not in excluded)

    def __len__(self) -> int:
        return len(self._all) - len(self._excluded)


class Lexicon:
    """The spelling word set of one language variety (loaded on first use)."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; FicDesk checks {', '.join(LANGUAGES)}")
        self.language = language
        data = checker_data()
        self.words = WordSet(data.words, data.american if language == "en-GB" else data.british)

    @cached_property
    def lower(self) -> frozenset[str]:
        """Every word in lower case (for shouted words: "NASA" is known, so is "nasa")."""
        return frozenset(word.lower() for word in self.words)

    def knows(self, word: str) -> bool:
        """Whether ``word`` (apostrophes already straight) is spelled right, ignoring sentence capitals."""
        if word in self.words:
            return True
        if word.islower():
            return False
        lower = word.lower()
        # "Colour" at a sentence start, "COLOUR" shouted: accept when the lower-case word exists.
        return lower in self.words or (word.isupper() and lower in self.lower)


_lock = threading.Lock()
_lexicons: dict[str, Lexicon] = {}


def lexicon(language: str) -> Lexicon:
    """The shared :class:`Lexicon` of ``language``; loading is thread-safe and happens once."""
    found = _lexicons.get(language)
    if found is None:
        with _lock:
            found = _lexicons.get(language)
            if found is None:
                found = _lexicons[language] = Lexicon(language)
    return found


@lru_cache(maxsize=200_000)
def tags(word: str) -> frozenset[str]:
    """Penn Treebank tags ``word`` (lower case) can have according to lemminflect; empty when unknown.

    Lower-case words are answered from the prebuilt table in ``checker-en.dat``, which holds every word lemminflect
    knows (:func:`unlisted_tags` answers the rest); lemminflect itself (half a second to load) is only loaded for
    words with capitals.
    """
    found = morphology().tags(word)
    if found is not None:
        return found
    return unlisted_tags(word) if word == word.lower() else lemminflect_tags(word)


def unlisted_tags(word: str) -> frozenset[str]:
    """:func:`lemminflect_tags` of a lower-case word lemminflect does not know (none outside the prebuilt table)."""
    return _ADVERB if word.endswith("ly") and len(word) > 4 else frozenset()


_ADVERB = frozenset({"RB"})


def lemminflect_tags(word: str) -> frozenset[str]:
    """:func:`tags` computed by lemminflect (the build tool's source for the prebuilt table)."""
    from lemminflect import getAllInflections, getAllLemmas  # loaded on first use: numpy and its tables cost 0.15 s

    found: set[str] = set()
    for upos, lemmas in getAllLemmas(word).items():
        for lemma in lemmas:
            inflections = getAllInflections(lemma, upos)
            for tag, forms in inflections.items():
                if word in forms:
                    found.add(tag)
            if upos == "VERB" and "VBN" not in inflections and word in inflections.get("VBD", ()):
                found.add("VBN")  # lemminflect leaves out regular participles: "screwed"
        if upos == "ADV":
            found.add("RB")
        elif upos == "ADJ" and not found & {"JJ", "JJR", "JJS"}:
            found.add("JJ")
    if word.endswith("ly") and not found and len(word) > 4:
        found.add("RB")
    return frozenset(found)


def is_noun(word: str) -> bool:
    return bool(tags(word) & {"NN", "NNS"})


def is_plural_noun(word: str) -> bool:
    """A count noun's plural (``eyes``), not a mass noun that lemminflect also lists as plural (``news``)."""
    found = tags(word)
    return "NNS" in found and "NN" not in found


def is_verb_form(word: str, *tag_names: str) -> bool:
    return bool(tags(word) & set(tag_names))


def is_adjective(word: str) -> bool:
    return bool(tags(word) & {"JJ", "JJR", "JJS"})


def is_adverb(word: str) -> bool:
    return bool(tags(word) & {"RB", "RBR", "RBS"})


def only(word: str, allowed: set[str]) -> bool:
    """Whether every tag ``word`` can have is in ``allowed`` (and it has at least one)."""
    found = tags(word)
    return bool(found) and found <= allowed


@cache
def inflect(lemma: str, tag: str) -> str | None:
    """``lemma`` inflected as ``tag``: the :data:`TABLE_FORMS` of the table's words from it, the rest by rule.

    The rule (:func:`regular_form`) covers what the table leaves out: words lemminflect does not know ("mage",
    "flatmate"), a form of a part of speech the word does not have, and the base form ``VB``. Loading
    lemminflect for these would cost every check process over half a second.
    """
    computed, form = morphology().form(lemma, tag)
    return form if computed else regular_form(lemma, tag)


_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")
_VOWELS = frozenset("aeiou")


def regular_form(lemma: str, tag: str) -> str | None:
    """``lemma`` inflected as ``tag`` by the regular English spelling rules ("mage" -> "mages", "tidy" -> "tidied").

    None for a tag other than a plural noun or a verb form, and for ``VBP`` (the table has it for every verb
    lemminflect knows; lemminflect has none for other words). On 3,000 words of the lists, 240 of the 18,779
    forms the table leaves out differ from lemminflect's own guesses, mostly doubled consonants ("epigrammed")
    that the rules do not try to predict.
    """
    if not lemma.isalpha():
        return None
    consonant_y = len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS
    if tag in ("NNS", "VBZ"):
        if consonant_y:
            return lemma[:-1] + "ies"
        return lemma + ("es" if lemma.endswith(_SIBILANT_ENDS) else "s")
    if tag in ("VBD", "VBN"):
        if consonant_y:
            return lemma[:-1] + "ied"
        return lemma + ("d" if lemma.endswith("e") else "ed")
    if tag == "VBG":
        if lemma.endswith("ie"):
            return lemma[:-2] + "ying"
        return (lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma) + "ing"
    return lemma if tag == "VB" else None


def lemminflect_inflect(lemma: str, tag: str) -> str | None:
    """The first form lemminflect gives for ``lemma`` as ``tag`` (the build tool's source for the table's forms)."""
    from lemminflect import getInflection  # loaded on first use: numpy and its tables cost 0.15 s

    forms = getInflection(lemma, tag)
    return forms[0] if forms else None


@cache
def verb_lemma(word: str) -> str | None:
    computed, lemma = morphology().lemma(word)
    return lemma if computed or word == word.lower() else lemminflect_verb_lemma(word)


def lemminflect_verb_lemma(word: str) -> str | None:
    from lemminflect import getAllLemmas  # loaded on first use: numpy and its tables cost 0.15 s

    lemmas = getAllLemmas(word).get("VERB")
    return lemmas[0] if lemmas else None


#: Inflections the prebuilt table holds for a lemma (when lemminflect has them for its part of speech).
TABLE_FORMS = ("NNS", "VBZ", "VBP", "VBD", "VBN")


class Morphology:
    """The prebuilt tag table: each word's tags, its verb lemma and its inflections as a lemma."""

    def __init__(self, data: CheckerData) -> None:
        self._index = data.tag_index()
        self._data = data

    def tags(self, word: str) -> frozenset[str] | None:
        """The word's tags; None outside the table (see :func:`tags`)."""
        position = self._index.get(word)
        return None if position is None else self._data.tags_at(position)

    def _line(self, word: str) -> str | None:
        """The word's ``verb-lemma TAB NNS TAB VBZ TAB VBP TAB VBD TAB VBN`` line; None outside the table."""
        position = self._index.get(word)
        return None if position is None else self._data.line_at(position)

    def lemma(self, word: str) -> tuple[bool, str | None]:
        """(computed, verb lemma): whether the table has the word's verb lemma, and the lemma (None: none).

        A lower-case word outside the table has none (the table holds every word lemminflect knows).
        """
        more = self._line(word)
        lemma = more.split("\t", 1)[0] if more is not None else ""
        return bool(lemma), None if lemma in ("", "-") else lemma

    def form(self, lemma: str, tag: str) -> tuple[bool, str | None]:
        """(computed, form) of ``lemma`` inflected as ``tag`` (one of :data:`TABLE_FORMS`)."""
        more = self._line(lemma) if tag in TABLE_FORMS else None
        if more is None:
            return False, None
        form = more.split("\t")[1 + TABLE_FORMS.index(tag)]
        return bool(form), None if form in ("", "-") else form


_morphology: Morphology | None = None


def morphology() -> Morphology:
    """The prebuilt tag table of ``checker-en.dat``, parsed on first use (thread-safe).

    Its format is described in ``packaging/tools/build_checker_data.py`` (sections 5-9).
    """
    global _morphology
    if _morphology is None:
        with _lock:
            if _morphology is None:
                _morphology = Morphology(checker_data())
    return _morphology
