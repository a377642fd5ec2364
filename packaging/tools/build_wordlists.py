"""Build FicDesk's spelling word lists from the SCOWL-based Debian lists.

Run on a machine with the ``wbritish-large`` and ``wamerican-large`` packages installed::

    python packaging/tools/build_wordlists.py

It writes ``resources/wordlists/en-GB.txt.gz`` and ``en-US.txt.gz`` (one word per line, sorted), so the
app needs neither apt nor a network at run time. Each list is the SCOWL "large" list of its variety plus
every word form in lemminflect's lexicon that is not specific to the *other* variety, plus the hand-written
``extra-en.txt`` (fandom and informal words). British English also accepts Oxford ``-ize`` forms whose
``-ise`` twin is British. Possessive entries (``word's``) are left out: the checker strips ``'s`` itself.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

import lemminflect

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "wordlists"
DICT = Path("/usr/share/dict")
_IZE = re.compile(r"iz(e|es|ed|ing|er|ers|ation|ations|able)$")
#: American -> British spelling patterns ("color" -> "colour"); reversed for British -> American.
_US_TO_GB = [("or", "our"), ("er", "re"), ("ered", "red"), ("ering", "ring"), ("iz", "is"), ("yz", "ys"),
             ("l", "ll"), ("og", "ogue"), ("e", "ae"), ("e", "oe"), ("ense", "ence"), ("ment", "ement"),
             ("ay", "ey"), ("ow", "ough"), ("o", "ou"), ("ck", "que"), ("am", "amme")]


def variants(word: str, pairs: list[tuple[str, str]]) -> set[str]:
    """Spellings of ``word`` with one pattern swapped, at one place or everywhere."""
    found = set()
    for old, new in pairs:
        start = word.find(old)
        while start != -1:
            found.add(word[:start] + new + word[start + len(old):])
            start = word.find(old, start + 1)
        found.add(word.replace(old, new))
    found.discard(word)
    return found


def variety_specific(words: set[str], other: set[str], pairs: list[tuple[str, str]]) -> set[str]:
    """Words of one variety with a counterpart only the other variety has ("color" / "colour")."""
    return {word for word in words if variants(word, pairs) & other}


def read_list(path: Path) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.endswith("'s"):
            words.add(word)
    return words


def lemminflect_forms() -> set[str]:
    lexicon = Path(lemminflect.__file__).parent / "resources" / "lemma_lu.csv.gz"
    forms = set()
    with gzip.open(lexicon, "rt", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            word = row[0]
            if word.isalpha() and word.isascii():
                forms.add(word)
    return forms


def write(name: str, words: set[str]) -> None:
    path = OUT / name
    data = "\n".join(sorted(words)) + "\n"
    # mtime=0 keeps the file byte-identical between runs.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(data.encode("utf-8"))
    print(f"{path.relative_to(ROOT)}: {len(words)} words")


def main() -> int:
    british = read_list(DICT / "british-english-large")
    american = read_list(DICT / "american-english-large")
    extra = read_list(OUT / "extra-en.txt")
    forms = lemminflect_forms()
    us_only = american - british
    gb_only = british - american
    oxford = {word for word in us_only if _IZE.search(word) and _IZE.sub(lambda m: "is" + m.group(1), word) in british}
    # Words one list lacks but that are not a variety's spelling ("whiskey", "whilst") are accepted by both.
    american_spellings = variety_specific(us_only, gb_only, _US_TO_GB) - oxford
    british_spellings = variety_specific(gb_only, us_only, [(new, old) for old, new in _US_TO_GB])
    everything = british | american | extra | forms
    write("en-GB.txt.gz", everything - american_spellings)
    write("en-US.txt.gz", everything - british_spellings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
