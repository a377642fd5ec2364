"""story metadata and chapter notes get versions, so a stale update is refused

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("story") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("chapter") as batch:
        batch.add_column(sa.Column("notes_version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("chapter") as batch:
        batch.drop_column("notes_version")
    with op.batch_alter_table("story") as batch:
        batch.drop_column("version")
