"""Structured logs: one JSON object a line on stdout, each carrying the id of the request it
belongs to, and one line for every request (see RequestLog)."""

import contextvars
import json
import logging
import re
import time
import uuid

from django.utils.functional import empty

request_id = contextvars.ContextVar("request_id", default=None)

# nginx sets X-Request-ID ($request_id); anything else that looks like an id is kept too.
REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

requests = logging.getLogger("hubportal.requests")


class RequestIdFilter(logging.Filter):
    """Give every record the id of the request being served (None outside requests)."""

    def filter(self, record):
        # Django logs 4xx and 5xx responses after the middleware, with the request attached.
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id.get() or getattr(getattr(record, "request", None), "id", None)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(
            (key, value)
            for key, value in vars(record).items()
            if key not in STANDARD_ATTRIBUTES and not key.startswith("_") and key != "request"
        )
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestLog:
    """One log line a request: method, path, status, duration, user id and request id. The id
    comes from the proxy (X-Request-ID) or is made here, and is sent back in the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            requests.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user_id(request),
                    "request_id": request.id,
                },
            )
            return response
        finally:
            request_id.reset(token)


def user_id(request):
    """The logged-in user's id, if this request looked the user up anyway (no extra query)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None
