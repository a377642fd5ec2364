"""Build ``resources/tagger/perceptron-en.bin``: the part-of-speech model of :mod:`ficdesk.checking.tagger`.

The weights are Matthew Honnibal's averaged-perceptron English tagger (MIT licence, trained on the Penn Treebank
Wall Street Journal sections) as shipped in the ``textblob-aptagger`` 0.2.0 wheel. Build-time tool only: the
package is not a dependency of FicDesk, and the pickle is read here, once, never at run time::

    pip download --no-deps --dest /tmp/aptag 'textblob-aptagger==0.2.0'
    python packaging/tools/build_tagger.py /tmp/aptag/textblob_aptagger-0.2.0-py2.py3-none-any.whl

Weights whose magnitude is below :data:`PRUNE` are dropped and the rest are rounded to 1/:data:`SCALE`; features
left with no weight go. The output is byte-identical between runs.

Format (version 3, uncompressed, so the checker reads it with one read and no decompression or JSON parsing; the
wheel's zip compresses it to about half a megabyte). The first line is ASCII: ``ficdesk-perceptron 3``, the
weights' scale (:data:`SCALE`), then the size in bytes of each of the nine sections that follow it,
space-separated, ending in a line feed. The sections follow back to back; text sections are UTF-8 lines
separated by line feeds (none after the last).

A feature name (``i-1 tag+i word NN the``) is split at its last space into its head (``i-1 tag+i word NN``) and its
value (``the``); ``bias`` is the head ``bias`` with the value "". The checker keeps one dict per head, value ->
feature, whose keys are the strings of one shared vocabulary: some 15,600 strings hashed once instead of 51,000
names (about 5 ms of every load).

1. The class (tag) names, sorted: a class's index is its line number from 0.
2. The tag dictionary's words (sorted), and 3. their tags, a line each in the same order (words whose tag is
   certain skip the model).
4. The vocabulary: every distinct feature value, sorted.
5. The heads, sorted, a line each: the head, a TAB, how many features it has. The features are numbered from 0
   head after head, by value within a head.
6. Each feature's value as its line number in section 4, little-endian uint16.
7. The start of each feature's weights among all weights, then the end of the last, as little-endian uint32
   (features + 1 numbers): feature i has the weights from start i up to start i + 1.
8. One byte per weight: its class index. 9. The weights times :data:`SCALE`, little-endian int16.
"""

from __future__ import annotations

import pickle
import sys
import zipfile
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "tagger" / "perceptron-en.bin"
PICKLE = "textblob_aptagger/trontagger-0.1.0.pickle"
#: Weights below this magnitude change almost no decision (measured in tests/checking/test_tagger.py).
PRUNE = 1.0
SCALE = 100


MAGIC = "ficdesk-perceptron 3"


def split_name(name: str) -> tuple[str, str]:
    """A feature name's head and value (see the module docstring)."""
    head, _, value = name.rpartition(" ")
    return (head, value) if head else (name, "")


def convert(weights: dict[str, dict[str, float]], tagdict: dict[str, str], classes: set[str],
            prune: float = PRUNE) -> bytes:
    """The model file's bytes from the pickle's three parts."""
    ordered = sorted(classes)
    position = {name: index for index, name in enumerate(ordered)}
    kept_by_feature: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for feature, scores in weights.items():
        kept = sorted((position[tag], round(weight * SCALE)) for tag, weight in scores.items()
                      if abs(weight) >= prune and round(weight * SCALE))
        if kept:
            kept_by_feature[split_name(feature)] = kept
    features = sorted(kept_by_feature)
    vocabulary = sorted({value for _, value in features})
    if len(vocabulary) > 1 << 16:
        raise ValueError(f"{len(vocabulary)} feature values do not fit uint16")
    value_ids = {value: index for index, value in enumerate(vocabulary)}
    heads: dict[str, int] = {}
    ids = array("H")
    offsets = array("I", [0])
    class_ids = bytearray()
    values = array("h")
    for head, value in features:
        heads[head] = heads.get(head, 0) + 1
        ids.append(value_ids[value])
        for tag_index, weight in kept_by_feature[head, value]:
            class_ids.append(tag_index)
            values.append(weight)
        offsets.append(len(class_ids))
    words = sorted(tagdict)
    for line in [*ordered, *words, *tagdict.values(), *vocabulary, *heads]:
        if "\n" in line or "\t" in line:
            raise ValueError(f"a name with a line break or TAB: {line!r}")
    if sys.byteorder != "little":
        for numbers in (ids, offsets, values):
            numbers.byteswap()
    sections = [_text(ordered), _text(words), _text([tagdict[word] for word in words]), _text(vocabulary),
                _text([f"{head}\t{count}" for head, count in heads.items()]), ids.tobytes(), offsets.tobytes(),
                bytes(class_ids), values.tobytes()]
    header = " ".join([MAGIC, str(SCALE), *(str(len(section)) for section in sections)]) + "\n"
    return header.encode("ascii") + b"".join(sections)


def _text(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: build_tagger.py textblob_aptagger-0.2.0-py2.py3-none-any.whl", file=sys.stderr)
        return 2
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        # Trusted input: the pinned upstream wheel, read once at build time.
        weights, tagdict, classes = pickle.loads(wheel.read(PICKLE), encoding="latin1")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(convert(weights, tagdict, classes))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
