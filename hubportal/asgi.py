"""ASGI entry point for production servers such as uvicorn."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hubportal.settings.base")

application = get_asgi_application()
