"""The shared cache (Redis) with an outage plan: the portal keeps answering when Redis is down.

Rate limits, sessions and cached pages live in Redis. When it cannot be reached, each
operation falls back to a cache in this process, so that rate limits still hold per worker
and no request fails; Redis is tried again after a few seconds, and the outage is logged as
an error at most once a minute.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_AFTER = 10  # seconds without trying Redis after a failure
LOG_EVERY = 60  # seconds between error messages during an outage
# Give up on Redis fast, without redis-py's retries: a page must not wait for it.
CONNECTION_OPTIONS = {
    "socket_connect_timeout": 0.25,
    "socket_timeout": 0.5,
    "retry": Retry(NoBackoff(), retries=0),
}


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._fallback = LocMemCache(f"fallback-{id(self)}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._redis_down_until = 0.0
        self._last_logged = 0.0

    def _run(self, operation, *args, **kwargs):
        if time.monotonic() >= self._redis_down_until:
            try:
                return getattr(super(), operation)(*args, **kwargs)
            except (RedisError, OSError):
                self._note_outage()
        return getattr(self._fallback, operation)(*args, **kwargs)

    def _note_outage(self):
        now = time.monotonic()
        self._redis_down_until = now + RETRY_AFTER
        if now - self._last_logged >= LOG_EVERY:
            self._last_logged = now
            logger.error("Redis cannot be reached; caching in this process until it is back", exc_info=True)

    def is_reachable(self) -> bool:
        """Whether Redis itself answers (for the health check; operations fall back regardless)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except (RedisError, OSError):
            return False


def falling_back(operation: str):
    """The cache operation `operation`, on Redis while it answers, in this process otherwise."""

    def run(self, *args, **kwargs):
        return self._run(operation, *args, **kwargs)

    run.__name__ = operation
    return run


# Every operation of Django's cache API that RedisCache implements itself.
for _operation in [
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
]:
    setattr(ResilientRedisCache, _operation, falling_back(_operation))
