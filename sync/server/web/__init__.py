"""The central office's web interface for staff (issue 8): server-rendered pages over office.CentralOffice (commands, queries).

Mounted under ``/web`` by sync.server.app.create_app. No JavaScript; every rule stays in CentralOffice.
"""

from sync.server.web.pages import PREFIX, build_router

__all__ = ["PREFIX", "build_router"]
