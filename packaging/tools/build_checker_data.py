"""Build ``resources/wordlists/checker-en.dat``: every word list and frequency the checker loads, in one file.

The checker reads this file in one go at start-up (a few tens of milliseconds) instead of decompressing and
splitting three gzip files (about a second). Run it after changing any of its inputs::

    python packaging/tools/build_checker_data.py          # write the file
    python packaging/tools/build_checker_data.py --check  # exit 1 when the file is out of date (the tests do this)

Inputs (the sources stay in the repository): ``en-GB.txt.gz`` and ``en-US.txt.gz`` (``build_wordlists.py``),
``informal-en.txt`` (hand-written: interjections, fandom words, informal spellings accepted in both varieties)
and ``frequency-en.txt.gz`` (``build_wordfreq.py``).

Format (UTF-8, uncompressed): sections separated by a NUL character. Section 0 is the header line
``ficdesk-checker-data 6``. Section 1 holds every word either variety accepts, grouped by frequency: one line per
Zipf value times ten (most frequent first), the value, then its words space-separated and sorted; words rarer than
the frequency file's floor are on the last line, under the value 15 (the checker's ``RARE``). Section 2 lists the
en-GB-only words and section 3 the en-US-only ones, space-separated. One split per line fills a single dict that is
both the frequency table and the word set. Section 4 is the part-of-speech table the grammar rules use, computed
with lemminflect (so lemminflect, half a second to load, is never needed at run time for a lower-case word): every
lower-case word of the lists and of lemminflect's own lemma lookup whose answers differ from those of a word
lemminflect does not know. It is three blocks separated by an RS character (U+001E), one line per word in the same
order in each, so the checker fills its dicts with ``zip`` at C speed: the words; their tags, comma-separated; and
``verb-lemma TAB NNS TAB VBZ TAB VBP TAB VBD TAB VBN`` ("" not computed, "-" computed as none).

Section 5 groups the lower-case words with a doubled letter by their skeleton (doubled letters single); spelling
suggestions use it for slips of doubling ("comittee"). Section 6 groups the words of Zipf frequency 3.0 or more
(``spelling_suggest.COMMON``) by their sound key (``spelling_suggest.sound_key``: "tongue" -> "tng"), for
sound-alike suggestions ("tounge"). Both are two blocks separated by an RS character: the keys, one a line, then
each key's words, space-separated, a line, so the checker fills a dict with ``zip`` in a few milliseconds.

``--check`` compares every section but 4 (section 4 takes about a minute to compute).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDLISTS = ROOT / "resources" / "wordlists"
OUT = WORDLISTS / "checker-en.dat"
HEADER = "ficdesk-checker-data 6"
RARE = 15
_DOUBLES = re.compile(r"(.)\1+")


def _gz_words(name: str) -> set[str]:
    with gzip.open(WORDLISTS / name, "rt", encoding="utf-8") as handle:
        return set(handle.read().split())


def _informal() -> set[str]:
    words = set()
    for line in (WORDLISTS / "informal-en.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        words.update(line.split())
    return words


def lemminflect_words() -> set[str]:
    """Every lower-case word lemminflect's lemma lookup knows (its lemma table and overrides).

    lemminflect lowers a word before looking it up, so for a lower-case word outside these its answers are fixed:
    no lemmas, hence no tags but the "-ly" adverb guess and no verb lemma. Putting all of them in the table lets the
    checker answer every lower-case word without loading lemminflect (half a second).
    """
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    known = set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict())
    return {word for word in known if word == word.lower()}


def morphology(words: set[str]) -> str:
    """Section 4: the prebuilt tag table (see the module docstring)."""
    from ficdesk.checking import lexicon as lx

    names, tag_lines, rest = [], [], []
    candidates = {word for word in words if word == word.lower()} | lemminflect_words()
    for word in sorted(candidates):
        tags = lx.lemminflect_tags(word)
        lemma = lx.lemminflect_verb_lemma(word)
        if tags == lx.unlisted_tags(word) and lemma is None:
            continue  # the checker's answer for a word outside the table is this one
        forms = ["", "", "", "", ""]
        if "NN" in tags:
            forms[0] = lx.lemminflect_inflect(word, "NNS") or "-"
        if "VB" in tags:
            for position, tag in enumerate(lx.TABLE_FORMS[1:], start=1):
                forms[position] = lx.lemminflect_inflect(word, tag) or "-"
        names.append(word)
        tag_lines.append(",".join(sorted(tags)))
        rest.append("\t".join([lemma or "-", *forms]))
    return "\x1e".join(["\n".join(names), "\n".join(tag_lines), "\n".join(rest)])


def build(with_morphology: bool = True) -> str:
    british, american = _gz_words("en-GB.txt.gz"), _gz_words("en-US.txt.gz")
    informal = _informal()
    british |= informal
    american |= informal
    both = british & american
    everything = british | american
    lines, listed = [], set()
    with gzip.open(WORDLISTS / "frequency-en.txt.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            value, *words = line.split()
            if int(value) <= RARE:
                raise SystemExit(f"frequency bucket {value} is not above the rare bucket {RARE}")
            kept = sorted(word for word in words if word in everything)
            listed.update(kept)
            if kept:
                lines.append(" ".join([value, *kept]))
    lines.append(" ".join([str(RARE), *sorted(everything - listed)]))
    sections = [HEADER, "\n".join(lines), " ".join(sorted(british - both)), " ".join(sorted(american - both))]
    sections.append(morphology(everything) if with_morphology else "")
    sections.append(doubled(everything))
    sections.append(sound_alikes(lines))
    return "\0".join(sections)


def doubled(words: set[str]) -> str:
    """Section 5: lower-case words with a doubled letter, by skeleton."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word.islower():
            skeleton = _DOUBLES.sub(r"\1", word)
            if skeleton != word:
                groups.setdefault(skeleton, []).append(word)
    return _blocks(groups)


def sound_alikes(frequency_lines: list[str]) -> str:
    """Section 6: the words at least as common as ``spelling_suggest.COMMON``, by their sound key."""
    from ficdesk.checking.spelling_suggest import COMMON, sound_key

    floor = round(COMMON * 10)
    groups: dict[str, list[str]] = {}
    for line in frequency_lines:
        value, *words = line.split(" ")
        if int(value) >= floor:
            for word in words:
                groups.setdefault(sound_key(word), []).append(word)
    return _blocks(groups)


def _blocks(groups: dict[str, list[str]]) -> str:
    """Keys, one a line, then an RS character (U+001E), then each key's words (sorted, space-separated) a line."""
    keys = sorted(groups)
    return "\n".join(keys) + "\x1e" + "\n".join(" ".join(sorted(groups[key])) for key in keys)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        sections = current.split("\0")
        expected = build(with_morphology=False).split("\0")
        if len(sections) != len(expected) or sections[:4] + sections[5:] != expected[:4] + expected[5:]:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python packaging/tools/build_checker_data.py")
            return 1
        return 0
    data = build()
    OUT.write_text(data, encoding="utf-8", newline="\n")
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
