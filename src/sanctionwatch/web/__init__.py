"""The analyst's web UI, server-rendered with Jinja2 under ``/ui``; ``api.create_app`` mounts it.

Pages work without JavaScript; source text is always escaped (see ``web.templating``).
"""

from sanctionwatch.web.app import STATIC_DIR, open_routers, render_error, routers

__all__ = ["STATIC_DIR", "open_routers", "render_error", "routers"]
