"""WSGI entry point for production servers such as gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hubportal.settings.base")

application = get_wsgi_application()

from hubportal.warm import warm_up  # noqa: E402 - needs the settings the application set up

warm_up()
