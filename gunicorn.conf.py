"""gunicorn in production: sync workers behind nginx (deploy/nginx.conf), sized from the environment.

gunicorn hubportal.wsgi          # reads this file from the working directory
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "sync"
# Two to four workers per core suit sync workers; the default fits a 2-core machine.
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# The application is loaded and warmed up (hubportal.warm) once, in the master, and each worker
# is forked from it ready to serve; a new version of the code needs a restart, not a HUP.
preload_app = True
# Restart workers now and then, so that a slow leak never grows.
max_requests = 20_000
max_requests_jitter = 2_000
# Django logs one structured line per request (hubportal.logging, at INFO); gunicorn logs
# only its own errors.
os.environ.setdefault("LOG_LEVEL", "INFO")
accesslog = None
errorlog = "-"
# Only nginx on this machine talks to gunicorn; it sets X-Forwarded-Proto.
forwarded_allow_ips = "127.0.0.1,::1"
