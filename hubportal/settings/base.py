"""Settings for every environment, read from environment variables (12-factor).

A `.env` file in the project root is read as well; `make run` writes one that
switches on DEBUG for local development.
"""

import os
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from hubportal.database import database_settings, database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY, or DEBUG=true for local development.")
    SECRET_KEY = "development-only-not-secret"  # noqa: S105 - only ever used with DEBUG on

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "hubportal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "django_filters",
    "django_tasks",
    "csp",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    # The audit trail: django-simple-history rather than the admin log, because it records
    # every change with who and when, also those made outside the admin (moderation pages,
    # joining hubs), and keeps the field values, not only a message.
    "simple_history",
    "hubportal.apps.PortalConfig",
    "core",
    "hubs",
    "members",
    "events",
    "pages",
    "partners",
    "desks",
    "introductions",
    "formats",
    "figures",
    "api",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
]

MIDDLEWARE = [
    "hubportal.logging.RequestLog",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hubportal.middleware.SecurityHeaders",
    "csp.middleware.CSPMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.page_cache.NoCookieVaryForEverybody",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "hubportal.middleware.RejectMalformedRequests",
    "core.page_cache.PublicPageCache",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "hubportal.urls"
WSGI_APPLICATION = "hubportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "hubportal.context_processors.page_addresses",
                "hubportal.context_processors.navigation",
                "hubportal.context_processors.language_links",
                "hubportal.context_processors.roles",
            ],
        },
    },
]

FORM_RENDERER = "core.forms.PortalFormRenderer"

# PostgreSQL everywhere: DATABASE_URL names the server (CI, production); without it, the
# embedded development server in .pgdata/ (hubportal/database.py) is started and
# named in the environment, so that every process this one starts finds it too.
if not env.str("DATABASE_URL", default=""):
    os.environ["DATABASE_URL"] = database_url()
DATABASES = {"default": database_settings(os.environ["DATABASE_URL"])}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Keep connections open between requests (a new PostgreSQL connection costs more than most
# pages), checked before reuse so that a restarted database costs no error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"

# Accounts (django-allauth): email and password, verified email, no username.
# Rate limits and enumeration prevention keep allauth's defaults (on).
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "members.adapters.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Digital Hubs] "
ACCOUNT_SESSION_REMEMBER = None  # the visitor chooses "remember me"
ACCOUNT_LOGOUT_ON_GET = False

# Rate limits and sessions need a shared cache in production: CACHE_URL=redis://… An
# unreachable Redis degrades to a cache per process instead of failing requests.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    from core.cache import CONNECTION_OPTIONS

    CACHES["default"]["BACKEND"] = "core.cache.ResilientRedisCache"
    CACHES["default"]["OPTIONS"] = {**CONNECTION_OPTIONS, **CACHES["default"].get("OPTIONS", {})}
# Sessions are read from the cache and written through to the database, which keeps them when
# the cache is emptied or down.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
]
# The portal's catalogue, then formal (Sie) German for allauth's pages, which say du.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-allauth"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# EMAIL_URL, e.g. smtp+tls://user:password@mail.example.org:587; the console in development.
vars().update(env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"))
# Public pages for visitors without a session come from the cache (core.page_cache) for
# at most this many seconds, or until what they show changes.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 300)

# Events posted by members: how many a member who is not yet a trusted organiser may have
# awaiting review at once, and after how many published events an organiser is trusted.
EVENT_PENDING_LIMIT = env.int("EVENT_PENDING_LIMIT", default=2)
EVENT_TRUSTED_AFTER = env.int("EVENT_TRUSTED_AFTER", default=3)

# Websites besides the hubs' own (Hub.embed_origins) that may show the network's coming events in a
# frame (/embed/events/), e.g. the Hub-Agency's, comma-separated origins.
EMBED_ORIGINS = env.list("EMBED_ORIGINS", default=[])

# Hubs' own calendars imported into their moderation queues (events.calendar_import): how long a
# fetch may take, how large a calendar may be, how many of its events are taken per run, and
# whether addresses in private networks and loopback may be fetched (development only: in
# production that would let anyone with a hub reach the servers' own network).
CALENDAR_IMPORT_TIMEOUT_SECONDS = env.int("CALENDAR_IMPORT_TIMEOUT_SECONDS", default=10)
CALENDAR_IMPORT_MAX_BYTES = env.int("CALENDAR_IMPORT_MAX_BYTES", default=2_000_000)
CALENDAR_IMPORT_MAX_EVENTS = env.int("CALENDAR_IMPORT_MAX_EVENTS", default=300)
CALENDAR_IMPORT_PRIVATE_ADDRESSES = env.bool("CALENDAR_IMPORT_PRIVATE_ADDRESSES", default=DEBUG)

# The Start-up Card (desks): how many desk-days a founder may book in a calendar month, how far
# ahead, and after how many days a booking loses the member's name (the counts stay).
DESK_DAYS_PER_MONTH = env.int("DESK_DAYS_PER_MONTH", default=10)
DESK_BOOKING_HORIZON_DAYS = env.int("DESK_BOOKING_HORIZON_DAYS", default=60)
DESK_BOOKING_RETENTION_DAYS = env.int("DESK_BOOKING_RETENTION_DAYS", default=90)

# Introductions (introductions): how many requests a member may have open and make in 30 days,
# after how many days of waiting a step is reminded once and expires, when both sides are asked
# what came of an accepted one, and how long a declined request stays declined.
INTRODUCTION_OPEN_LIMIT = env.int("INTRODUCTION_OPEN_LIMIT", default=5)
INTRODUCTION_MONTHLY_LIMIT = env.int("INTRODUCTION_MONTHLY_LIMIT", default=20)
INTRODUCTION_REMINDER_DAYS = env.int("INTRODUCTION_REMINDER_DAYS", default=7)
INTRODUCTION_EXPIRY_DAYS = env.int("INTRODUCTION_EXPIRY_DAYS", default=14)
INTRODUCTION_OUTCOME_DAYS = env.int("INTRODUCTION_OUTCOME_DAYS", default=30)
INTRODUCTION_PAUSE_AFTER_DECLINE_DAYS = env.int("INTRODUCTION_PAUSE_AFTER_DECLINE_DAYS", default=180)

# The audit trail is read-only: reverting would write an old version back past the services.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Mails, and other work that may be slow or fail, run in the background: `manage.py db_worker`
# takes tasks from the database (django-tasks). A mail the server refuses is tried again
# after these delays (seconds), about a day in all.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL_RETRY_DELAYS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600]
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Digital Hub Portal <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Production is secure with no more than DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL,
# CACHE_URL, EMAIL_URL and PORTAL_URL: HTTPS only (behind the TLS proxy of deploy/nginx.conf,
# which sets X-Forwarded-Proto and X-Real-IP and is the only way in), HSTS for a year,
# cookies only over HTTPS. `manage.py check --deploy --fail-level WARNING` is clean with it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer may ask gunicorn over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# "preload" consents to browsers' built-in HTTPS list (hstspreload.org) for the whole domain.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles, fonts and pictures from the portal
# itself only, no inline code. A template that needs an inline script or style gives it
# nonce="{{ request.csp_nonce }}"; the header then carries that request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
# allauth's rate limits count per visitor: behind the proxy every request comes from it, so
# the visitor's address is read from the header the proxy sets (and overwrites).
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = (
    env.str("TRUSTED_CLIENT_IP_HEADER", default="" if DEBUG else "X-Real-IP") or None
)

# The portal's public address: for links in emails and calendars, and in calendar UIDs.
# In production it defaults to https:// and the first of ALLOWED_HOSTS.
PORTAL_URL = env.str(
    "PORTAL_URL",
    default="http://127.0.0.1:8000" if DEBUG else f"https://{next(iter(ALLOWED_HOSTS), 'localhost')}",
)

# The open data API (api/): read-only JSON for everyone, without sessions; each client address
# may ask API_ANONYMOUS_RATE times (counted in the cache), from any website (CORS, GET only).
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousRate"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": None,  # ?format= filters the events by format
}
API_ANONYMOUS_RATE = env.str("API_ANONYMOUS_RATE", default="120/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": _("Digital Hub Initiative: open data"),
    "DESCRIPTION": _(
        "The public data of the Digital Hub network's portal: hubs, focus themes, events, partner "
        "organisations and news, as the public pages show them. Read-only JSON; texts in German "
        "and English. "
        "Lists come in pages: follow `next` until it is null. Answers carry an ETag (send it back "
        "in If-None-Match for a 304), any website may read them (CORS), and each address may ask "
        "a limited number of times a minute (429 with Retry-After beyond)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    "SERVERS": [{"url": PORTAL_URL}],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.examples.add_to_schema",
        "api.contract.add_to_schema",
    ],
}
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]

# Logs go to stdout: in production one JSON object a line (hubportal.logging), with the
# traceback of every 500; readable lines in development. The web processes log at INFO, a
# line for every request (gunicorn.conf.py sets LOG_LEVEL); commands log warnings and errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hubportal.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "hubportal.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env.str("LOG_FORMAT", default="text" if DEBUG else "json"),
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO" if DEBUG else "WARNING")},
    "loggers": {
        # Everything reaches the root's handler once: no handlers of Django's own.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # The request line records every request and status; runserver's own lines and
        # Django's warnings for 4xx would repeat it.
        "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
        "django.request": {"handlers": [], "level": "WARNING" if DEBUG else "ERROR", "propagate": True},
        # WeasyPrint narrates each step of a PDF at INFO; its warnings are worth a line.
        "weasyprint": {"handlers": [], "level": "WARNING", "propagate": True},
        "fontTools": {"handlers": [], "level": "WARNING", "propagate": True},
    },
}

# Errors to Sentry when SENTRY_DSN is set, without personal data: no user, address, cookies,
# request bodies or local variables.
if SENTRY_DSN := env.str("SENTRY_DSN", default=""):
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
