"""Settings for the test suite: the real database from DATABASE_URL, fast hashing, no secrets."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("DEBUG", "false")

from hubportal.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run where they are queued, so that tests see their mails in mail.outbox.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Uploads of each worker of the suite (pytest-xdist) apart, removed when it ends.
MEDIA_ROOT = BASE_DIR / ".test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
# The test client and the live server for browser tests speak plain HTTP, from one address.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = None
PORTAL_URL = "https://digital-hubs.example.org"
# Pages are made afresh in tests; hubportal/tests/test_page_cache.py switches the cache on.
PAGE_CACHE_SECONDS = 0
# Serve static files straight from static/ (no collectstatic before the tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
