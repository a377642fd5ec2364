"""The lexicon's inflections: the prebuilt table first, regular spelling rules for what it leaves out."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ficdesk.checking import lexicon as lx


@pytest.mark.parametrize(("lemma", "tag", "form"), [
    ("grimoire", "NNS", "grimoires"), ("fox", "NNS", "foxes"), ("wish", "VBZ", "wishes"),
    ("pony", "NNS", "ponies"), ("replay", "VBZ", "replays"), ("ally", "VBD", "allied"),
    ("glare", "VBN", "glared"), ("pout", "VBD", "pouted"), ("untie", "VBG", "untying"),
    ("smile", "VBG", "smiling"), ("agree", "VBG", "agreeing"), ("protect", "VB", "protect"),
])
def test_regular_forms(lemma: str, tag: str, form: str) -> None:
    assert lx.regular_form(lemma, tag) == form


def test_regular_form_has_no_answer_for_other_tags_or_non_words() -> None:
    assert lx.regular_form("walk", "VBP") is None
    assert lx.regular_form("walk", "JJR") is None
    assert lx.regular_form("x-ray", "NNS") is None


def test_table_forms_win_over_the_rules() -> None:
    assert lx.inflect("wolf", "NNS") == "wolves"
    assert lx.inflect("run", "VBD") == "ran"
    assert lx.inflect("elfmage", "NNS") == "elfmages"  # not in any list: the rules answer


def test_checking_ordinary_prose_never_loads_lemminflect() -> None:
    """lemminflect (with numpy) costs over half a second to load; only the build tool needs it."""
    script = ("import sys\nfrom ficdesk.checking import Checker\n"
              "Checker().check('The mages had ran home. Their flatmates dont know, and the wolfs was gone.')\n"
              "print('lemminflect' in sys.modules, 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["False", "False"]
