"""an index on chapter (story_id, position): the next position and a story's reading order without a scan

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_chapter_story_position", "chapter", ["story_id", "position"])


def downgrade() -> None:
    op.drop_index("ix_chapter_story_position", table_name="chapter")
