"""The personal dictionary and the findings an author chose to ignore."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, or_, select

from ficdesk.checking.model import IgnoreSet
from ficdesk.errors import FicDeskError
from ficdesk.store.models import IgnoredMatch, UserWord
from ficdesk.store.services.base import Service


@dataclass(frozen=True)
class IgnoredEntry:
    """One thing the author chose to ignore: a whole rule (``scope == "rule"``) or one spot (``"once"``)."""

    id: int
    scope: str
    rule_id: str
    text: str
    context: str


class DictionaryService(Service):
    def add_word(self, word: str, project_id: int | None = None) -> None:
        word = word.strip()
        if not word or any(ch.isspace() for ch in word):
            raise FicDeskError("a dictionary entry is one word")
        with self.db.session() as session:
            exists = session.scalar(select(UserWord.id).where(
                UserWord.word == word,
                UserWord.project_id.is_(None) if project_id is None else UserWord.project_id == project_id,
            ))
            if exists is None:
                session.add(UserWord(word=word, project_id=project_id))

    def remove_word(self, word: str, project_id: int | None = None) -> None:
        with self.db.session() as session:
            session.execute(delete(UserWord).where(
                UserWord.word == word,
                UserWord.project_id.is_(None) if project_id is None else UserWord.project_id == project_id,
            ))

    def words(self, project_id: int | None = None) -> set[str]:
        """Words of the project's dictionary plus the global one."""
        with self.db.session(write=False) as session:
            query = select(UserWord.word).where(
                or_(UserWord.project_id.is_(None), UserWord.project_id == project_id)
            )
            return set(session.scalars(query))

    def ignore_once(self, project_id: int, chapter_id: int | None, rule_id: str, text: str, context: str) -> None:
        with self.db.session() as session:
            session.add(IgnoredMatch(project_id=project_id, chapter_id=chapter_id, scope="once",
                                     rule_id=rule_id, text=text, context=context))

    def ignore_rule(self, project_id: int, rule_id: str) -> None:
        with self.db.session() as session:
            exists = session.scalar(select(IgnoredMatch.id).where(
                IgnoredMatch.project_id == project_id, IgnoredMatch.scope == "rule",
                IgnoredMatch.rule_id == rule_id))
            if exists is None:
                session.add(IgnoredMatch(project_id=project_id, scope="rule", rule_id=rule_id))

    def unignore_rule(self, project_id: int, rule_id: str) -> None:
        with self.db.session() as session:
            session.execute(delete(IgnoredMatch).where(
                IgnoredMatch.project_id == project_id, IgnoredMatch.scope == "rule",
                IgnoredMatch.rule_id == rule_id))

    def ignored_entries(self, project_id: int) -> list[IgnoredEntry]:
        """Every ignored rule and spot of the project, for listing (rules first, then spots by rule)."""
        with self.db.session(write=False) as session:
            rows = session.scalars(select(IgnoredMatch).where(IgnoredMatch.project_id == project_id)).all()
            entries = [IgnoredEntry(row.id, row.scope, row.rule_id, row.text or "", row.context or "")
                       for row in rows]
        return sorted(entries, key=lambda entry: (entry.scope != "rule", entry.rule_id, entry.text))

    def remove_ignored(self, project_id: int, entry_id: int) -> None:
        """Report what entry ``entry_id`` of the project ignored again."""
        with self.db.session() as session:
            session.execute(delete(IgnoredMatch).where(IgnoredMatch.project_id == project_id,
                                                       IgnoredMatch.id == entry_id))

    def ignored(self, project_id: int, chapter_id: int | None = None) -> IgnoreSet:
        with self.db.session(write=False) as session:
            rows = session.scalars(select(IgnoredMatch).where(IgnoredMatch.project_id == project_id)).all()
        rules = frozenset(row.rule_id for row in rows if row.scope == "rule")
        spots = frozenset(
            (row.rule_id, row.text, row.context)
            for row in rows
            if row.scope == "once" and (chapter_id is None or row.chapter_id in (None, chapter_id))
        )
        return IgnoreSet(rules=rules, spots=spots)
