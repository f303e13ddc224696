"""The central office service: registry, clearances and the sync API (FastAPI over SQLite or PostgreSQL)."""
