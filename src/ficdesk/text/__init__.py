"""Small text utilities shared by the core packages (no Qt, no database)."""
