"""Alembic environment: always run programmatically (sync.server.db.migrate passes the connection)."""

from alembic import context

from sync.server.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through sync.server.db.migrate()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
