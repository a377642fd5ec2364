"""canon v2: an extracted entity can be from another work, named only in passing ("mentioned")

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("canon_entity") as batch:
        batch.add_column(sa.Column("mentioned", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("canon_entity") as batch:
        batch.drop_column("mentioned")
