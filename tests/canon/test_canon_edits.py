"""The author corrects the canon: every edit through the service (SQLite and PostgreSQL) and the CLI (subprocess).

Each edit must survive a re-import of the same source, a rebuild and a second source.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ficdesk.canon import EntityType
from ficdesk.errors import FicDeskError, NotFoundError
from ficdesk.store import Store, open_store

#: Written for these tests: two brothers who share a surname, a nickname, a short form, a shop.
ARTICLE = (
    "Ser Gregor Marsh is a knight of the Vale. Gregor is played by Tomas Varga. "
    "His younger brother Sandor Marsh, nicknamed \"the Hound\", is played by Niall Quinn. "
    "Sandor Marsh guards the young king in the city of Highmere. "
    "Gregor Marsh burns Sandor's face when they are boys. "
    "Elsie Brandt works at the Highmere Herald. Elsie interviews Gregor Marsh."
)
SECOND = "Gregor Marsh rides to Lowmere. Gregor Marsh meets Elsie Brandt there."


def _project(store: Store) -> int:
    project = store.projects.create("Marsh").id
    store.canon.import_source(project, "marsh.txt", ARTICLE)
    return project


def _by_name(store: Store, project: int) -> dict[str, object]:
    return {e.name: e for e in store.canon.entities(project)}


def test_every_edit_is_kept_across_reimports(store: Store) -> None:
    project = _project(store)
    # the builder keeps the brothers apart; make one wrong entry by hand to have something to split
    store.canon.add_alias(project, "Gregor Marsh", "Big Marsh")
    store.canon.split_alias(project, "Gregor Marsh", "Big Marsh", "character")
    store.canon.add_alias(project, "Elsie Brandt", "Els")
    store.canon.add_alias(project, "Elsie Brandt", "Ellie")
    store.canon.remove_alias(project, "Elsie Brandt", "Ellie")
    store.canon.rename(project, "Niall Quinn", "Niall J. Quinn")
    store.canon.retype(project, "Highmere Herald", EntityType.ORGANISATION)
    store.canon.add_entity(project, "Stranger", "character", aliases=["the Stranger"])
    store.canon.set_canon(project, "Stranger", False)
    store.canon.merge(project, "Tomas Varga", "Big Marsh")
    store.canon.add_entity(project, "Hightower", "place")
    store.canon.delete(project, "Hightower")

    def check() -> None:
        by_name = {e.name: e for e in store.canon.entities(project)}
        elsie = by_name["Elsie Brandt"]
        assert "Els" in elsie.aliases and "Ellie" not in elsie.aliases
        assert store.canon.find(project, "els").name == "Elsie Brandt"
        with pytest.raises(NotFoundError):
            store.canon.find(project, "Ellie")
        assert "Niall J. Quinn" in by_name and "Niall Quinn" in by_name["Niall J. Quinn"].aliases
        assert by_name["Highmere Herald"].type is EntityType.ORGANISATION
        gregor = store.canon.find(project, "Gregor Marsh")
        assert by_name["Stranger"].not_canon and not gregor.not_canon
        assert "Big Marsh" in by_name["Tomas Varga"].aliases and "Big Marsh" not in by_name
        assert "Big Marsh" not in gregor.aliases
        assert "Hightower" not in by_name
        assert gregor is not store.canon.find(project, "Sandor Marsh")

    check()
    store.canon.import_source(project, "marsh.txt", ARTICLE)  # the same source again
    check()
    store.canon.rebuild(project)
    check()
    store.canon.import_source(project, "second.txt", SECOND)
    check()
    store.canon.set_canon(project, "Stranger", True)
    assert not store.canon.find(project, "Stranger").not_canon


def test_split_takes_the_alias_and_its_facts_off(store: Store) -> None:
    project = _project(store)
    store.canon.merge(project, "Gregor Marsh", "Sandor Marsh")  # the mistake the author then undoes
    merged = store.canon.find(project, "Sandor Marsh")
    assert merged.name == store.canon.find(project, "Gregor").name and "Sandor Marsh" in merged.aliases
    sandor = store.canon.split_alias(project, "Gregor Marsh", "Sandor Marsh")
    assert sandor.name == "Sandor Marsh" and sandor.type is EntityType.CHARACTER
    assert sandor.facts and all("Sandor Marsh" in fact.text for fact in sandor.facts)
    assert "Sandor Marsh" not in store.canon.find(project, "Gregor Marsh").aliases
    store.canon.import_source(project, "marsh.txt", ARTICLE)
    assert store.canon.find(project, "Sandor Marsh").name == "Sandor Marsh"
    assert "Gregor Marsh" in store.canon.find(project, "Gregor").aliases


def test_the_edit_dispatcher_and_its_errors(store: Store) -> None:
    project = _project(store)
    assert store.canon.edit(project, "type", "Tomas Varga", "person").type is EntityType.PERSON  # type: ignore[union-attr]
    assert store.canon.edit(project, "add", "Myra", type="episode", aliases=["M."]).aliases == ["M."]  # type: ignore[union-attr]
    assert store.canon.edit(project, "delete", "Myra") is None
    with pytest.raises(FicDeskError, match="unknown canon edit"):
        store.canon.edit(project, "explode", "Gregor Marsh")
    with pytest.raises(FicDeskError, match="'rename' needs a new name"):
        store.canon.edit(project, "rename", "Gregor Marsh", " ")
    with pytest.raises(FicDeskError, match="is not an alias of"):
        store.canon.split_alias(project, "Gregor Marsh", "Sandor Marsh")
    with pytest.raises(FicDeskError, match="is not an alias of"):
        store.canon.remove_alias(project, "Elsie Brandt", "Gregor")
    with pytest.raises(FicDeskError, match="the name of another entity"):
        store.canon.add_alias(project, "Elsie Brandt", "Sandor Marsh")
    with pytest.raises(FicDeskError, match="already a name of"):
        store.canon.add_alias(project, "Elsie Brandt", "elsie brandt")
    with pytest.raises(NotFoundError):
        store.canon.set_canon(project, "Nobody", False)


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("ficdesk", path=str(Path(sys.executable).parent))
    assert exe is not None
    return subprocess.run([exe, *argv], capture_output=True, text=True, check=False, timeout=120)


def test_canon_edit_on_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'edits.sqlite3'}"
    source = tmp_path / "marsh.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    store = open_store(url)
    store.projects.create("Marsh")
    store.close()
    assert _cli("--database", url, "canon", "import", str(source)).returncode == 0

    def edit(*argv: str) -> str:
        result = _cli("--database", url, "canon", "edit", *argv)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert edit("rename", "Niall Quinn", "Niall J. Quinn").startswith("Niall J. Quinn [person] (also: Niall Quinn")
    assert edit("type", "Highmere Herald", "organisation").startswith("Highmere Herald [organisation]")
    assert edit("add", "Stranger", "--type", "character", "--alias", "the Stranger") == \
        "Stranger [character] (also: the Stranger)"
    assert edit("not-canon", "Stranger") == "Stranger [character, not canon] (also: the Stranger)"
    assert "Els" in edit("alias-add", "Elsie Brandt", "Els").split("(also: ")[1]
    assert edit("alias-remove", "Elsie Brandt", "Els").endswith("(also: Elsie)")
    assert edit("merge", "Gregor Marsh", "Sandor Marsh").startswith("Ser Gregor Marsh [character]")
    assert edit("split", "Gregor Marsh", "Sandor Marsh", "--type", "character").startswith("Sandor Marsh [character]")
    assert edit("delete", "Stranger") == "deleted 'Stranger'"
    assert _cli("--database", url, "canon", "import", str(source)).returncode == 0  # re-import keeps the edits
    shown = _cli("--database", url, "canon", "show", "Niall J. Quinn").stdout
    assert shown.startswith("Niall J. Quinn [person]")
    assert _cli("--database", url, "canon", "show", "Stranger").returncode == 1
    shown = _cli("--database", url, "canon", "show", "Sandor Marsh").stdout
    assert shown.startswith("Sandor Marsh [character]")

    for argv, message in [
        (("type", "Gregor Marsh", "spaceship"), "unknown entity type 'spaceship'"),
        (("rename", "Nobody", "Somebody"), "no entity called 'Nobody'"),
        (("split", "Gregor Marsh", "Nobody"), "'Nobody' is not an alias of 'Ser Gregor Marsh'"),
    ]:
        result = _cli("--database", url, "canon", "edit", *argv)
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
