"""canon reference: sources, extracted entities with aliases and facts, author edits and notes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _project_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["project_id"], ["project.id"], name=op.f(f"fk_{table}_project_id_project"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "canon_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _project_fk("canon_source"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canon_source")),
        sa.UniqueConstraint("project_id", "name", name=op.f("uq_canon_source_project_id_name")),
    )
    op.create_index(op.f("ix_canon_source_project_id"), "canon_source", ["project_id"], unique=False)

    op.create_table(
        "canon_entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["canon_source.id"], name=op.f("fk_canon_entity_source_id_canon_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canon_entity")),
    )
    op.create_index(op.f("ix_canon_entity_source_id"), "canon_entity", ["source_id"], unique=False)

    op.create_table(
        "canon_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["canon_entity.id"], name=op.f("fk_canon_alias_entity_id_canon_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canon_alias")),
    )
    op.create_index(op.f("ix_canon_alias_entity_id"), "canon_alias", ["entity_id"], unique=False)

    op.create_table(
        "canon_fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["canon_entity.id"], name=op.f("fk_canon_fact_entity_id_canon_entity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canon_fact")),
    )
    op.create_index(op.f("ix_canon_fact_entity_id"), "canon_fact", ["entity_id"], unique=False)

    op.create_table(
        "canon_edit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=500), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _project_fk("canon_edit"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canon_edit")),
    )
    op.create_index(op.f("ix_canon_edit_project_id"), "canon_edit", ["project_id"], unique=False)

    op.create_table(
        "canon_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _project_fk("canon_note"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canon_note")),
        sa.UniqueConstraint("project_id", "target", name=op.f("uq_canon_note_project_id_target")),
    )
    op.create_index(op.f("ix_canon_note_project_id"), "canon_note", ["project_id"], unique=False)


def downgrade() -> None:
    for table, column in (
        ("canon_note", "project_id"), ("canon_edit", "project_id"), ("canon_fact", "entity_id"),
        ("canon_alias", "entity_id"), ("canon_entity", "source_id"), ("canon_source", "project_id"),
    ):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.drop_table(table)
