"""A hub's own calendar (iCalendar), imported into the hub's moderation queue.

A scheduled task (events.tasks.import_calendar_feed, started by `import_calendar_feeds`) fetches
each active feed: http and https only, with a timeout and a size limit, and in production only
from public addresses. The address checked is the address connected to, so that a second DNS
answer cannot lead elsewhere; redirects are checked the same way.

Each coming event of the feed (a repeating one as its dates, up to a year ahead, read with
recurring-ical-events) is found again by its UID (and, for a date of a repeating event, the
date): a new one becomes an event of the hub awaiting review, a changed one is changed and
reviewed again, an unchanged one is left alone. Nothing is published by the import, and
nothing is imported twice. Events cancelled in the feed are not imported; events that were
imported before and are cancelled in the feed stay for the moderators to cancel.
"""

import hashlib
import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import icalendar
import recurring_ical_events
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import record
from core.slugs import unique_slug

from .models import DESCRIPTION_MAX_LENGTH, CalendarFeed, Event

AHEAD = timedelta(days=365)
REDIRECTS = 3
USER_AGENT = "hubportal calendar import (+https://www.de-hub.de)"


class FeedError(Exception):
    """The feed could not be read; the message is for the hub's managers."""


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0

    def __str__(self):
        return ngettext(
            "%(count)s event read: %(created)s new, %(changed)s changed, %(skipped)s not importable.",
            "%(count)s events read: %(created)s new, %(changed)s changed, %(skipped)s not importable.",
            self.created + self.changed + self.unchanged + self.skipped,
        ) % {
            "count": self.created + self.changed + self.unchanged + self.skipped,
            "created": self.created,
            "changed": self.changed,
            "skipped": self.skipped,
        }


def import_feed(feed: CalendarFeed) -> ImportResult:
    """Fetch `feed` and bring its coming events into the hub's queue; record how it went."""
    try:
        result = take_events(feed, read_events(fetch(feed.url)))
    except FeedError as error:
        CalendarFeed.objects.filter(pk=feed.pk).update(
            last_checked=timezone.now(), last_result=str(error)[:300], last_failed=True
        )
        raise
    CalendarFeed.objects.filter(pk=feed.pk).update(
        last_checked=timezone.now(), last_result=str(result)[:300], last_failed=False
    )
    return result


# Fetching


def fetch(url: str) -> bytes:
    """The body of `url`, following up to REDIRECTS redirects, each address checked anew."""
    deadline = time.monotonic() + settings.CALENDAR_IMPORT_TIMEOUT_SECONDS
    for _redirect in range(REDIRECTS + 1):
        response = get(url, deadline=deadline)
        if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
            url = urljoin(url, response.getheader("Location"))
            continue
        if response.status != 200:
            raise FeedError(
                _("The calendar's server answered with status %(status)s.") % {"status": response.status}
            )
        return read_limited(response, deadline=deadline)
    raise FeedError(_("The calendar's address redirects too often."))


def get(url: str, *, deadline: float) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(_("Only calendars at http or https addresses can be imported."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FeedError(_("The calendar's address is not valid.")) from error
    address = allowed_address(parts.hostname, port)
    timeout = max(deadline - time.monotonic(), 0.1)
    connection_class = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address=address, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*"})
        return connection.getresponse()
    except (OSError, http.client.HTTPException) as error:
        raise FeedError(
            _("The calendar could not be fetched: %(reason)s.") % {"reason": reason(error)}
        ) from error


def allowed_address(host: str, port: int) -> str:
    """The address to connect to for `host`: one of its addresses, all of them public unless
    CALENDAR_IMPORT_PRIVATE_ADDRESSES (development) allows private ones."""
    try:
        found = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError) as error:
        raise FeedError(_("The calendar's host name is unknown.")) from error
    if not settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES:
        for address in found:
            try:
                public = ipaddress.ip_address(address).is_global
            except ValueError:
                public = False
            if not public:
                raise FeedError(_("The calendar's address is not a public one."))
    return sorted(found)[0]


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address checked (allowed_address), whatever DNS answers later."""

    def __init__(self, host, port, *, address, **options):
        super().__init__(host, port, **options)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, *, address, **options):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, context=self.tls, **options)
        self.address = address

    def connect(self):
        plain = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(plain, server_hostname=self.host)


def read_limited(response, *, deadline: float) -> bytes:
    """The body, refused when larger than CALENDAR_IMPORT_MAX_BYTES or slower than the timeout."""
    limit = settings.CALENDAR_IMPORT_MAX_BYTES
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FeedError(too_large())
    chunks, size = [], 0
    try:
        while chunk := response.read(64 * 1024):
            size += len(chunk)
            if size > limit:
                raise FeedError(too_large())
            if time.monotonic() > deadline:
                raise FeedError(_("The calendar took too long to arrive."))
            chunks.append(chunk)
    except (OSError, http.client.HTTPException) as error:
        raise FeedError(
            _("The calendar could not be fetched: %(reason)s.") % {"reason": reason(error)}
        ) from error
    return b"".join(chunks)


def too_large() -> str:
    return _("The calendar is larger than %(megabytes)s MB.") % {
        "megabytes": round(settings.CALENDAR_IMPORT_MAX_BYTES / 1_000_000, 1)
    }


def reason(error: Exception) -> str:
    if isinstance(error, TimeoutError | socket.timeout):
        return _("no answer in time")
    return error.__class__.__name__


# Reading


@dataclass
class Entry:
    key: str
    title: str
    description: str
    start: datetime
    end: datetime
    location: str
    url: str


def read_events(content: bytes) -> list[Entry]:
    """The feed's coming events, dates of repeating ones included, earliest first, at most
    CALENDAR_IMPORT_MAX_EVENTS."""
    try:
        calendar = icalendar.Calendar.from_ical(content)
        repeating = {
            str(component.get("UID"))
            for component in calendar.walk("VEVENT")
            if "RRULE" in component or "RDATE" in component or "RECURRENCE-ID" in component
        }
        now = timezone.now()
        found = recurring_ical_events.of(calendar).between(now, now + AHEAD)
    except Exception as error:  # the parsers raise many kinds on what is not a calendar
        raise FeedError(_("The address does not lead to a calendar in iCalendar format.")) from error
    entries = []
    for component in found:
        if str(component.get("STATUS", "")).upper() == "CANCELLED" or not component.get("UID"):
            continue
        start, end = times(component)
        if start is None or end <= now:
            continue
        uid = str(component["UID"])
        if uid in repeating and component.get("RECURRENCE-ID"):
            uid = f"{uid}#{as_utc(component['RECURRENCE-ID'].dt).strftime('%Y%m%dT%H%M%SZ')}"
        entries.append(
            Entry(
                key=uid[:300],
                title=text(component, "SUMMARY")[:200],
                description=text(component, "DESCRIPTION")[:DESCRIPTION_MAX_LENGTH],
                start=start,
                end=end,
                location=text(component, "LOCATION")[:300],
                url=web_address(text(component, "URL")),
            )
        )
    entries.sort(key=lambda entry: entry.start)
    return entries[: settings.CALENDAR_IMPORT_MAX_EVENTS]


def times(component) -> tuple[datetime | None, datetime | None]:
    """Start and end, aware; a whole day from midnight to midnight in Germany."""
    if "DTSTART" not in component:
        return None, None
    start = as_aware(component["DTSTART"].dt)
    if "DTEND" in component:
        end = as_aware(component["DTEND"].dt)
    elif "DURATION" in component:
        end = start + component["DURATION"].dt
    else:
        end = start + (
            timedelta(days=1) if not isinstance(component["DTSTART"].dt, datetime) else timedelta(hours=1)
        )
    return start, max(end, start + timedelta(minutes=1))


def as_aware(value) -> datetime:
    if not isinstance(value, datetime):  # a date: the day in Germany
        return timezone.make_aware(datetime.combine(value, datetime.min.time()))
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def as_utc(value: datetime | date) -> datetime:
    return as_aware(value).astimezone(UTC)


def text(component, name: str) -> str:
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def web_address(value: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value[:200]


# Taking the events into the queue


def event_fields(entry: Entry, feed: CalendarFeed) -> dict:
    """What an entry says of the event, as the event's fields. Where the entry lacks what an
    event needs, the moderators complete it: a place "to be announced", no registration."""
    title = entry.title or _("Event of the hub's calendar")
    return {
        f"title_{feed.language}": title,
        f"description_{feed.language}": entry.description or title,
        "start": entry.start,
        "end": entry.end,
        "address": entry.location or ("" if entry.url else _("To be announced")),
        "format": Event.Format.ON_SITE if entry.location or not entry.url else Event.Format.ONLINE,
        "online_url": "" if entry.location else entry.url,
        "registration_mode": Event.RegistrationMode.EXTERNAL if entry.url else Event.RegistrationMode.NONE,
        "registration_url": entry.url,
    }


def fingerprint(fields: dict) -> str:
    shown = sorted((name, str(value)) for name, value in fields.items())
    return hashlib.sha256(repr(shown).encode()).hexdigest()


@transaction.atomic
def take_events(feed: CalendarFeed, entries: list[Entry]) -> ImportResult:
    """New entries become events awaiting review; changed ones are changed and reviewed again."""
    result = ImportResult()
    known = {event.source_key: event for event in Event.objects.select_for_update().filter(source_feed=feed)}
    for entry in entries:
        fields = event_fields(entry, feed)
        seen = fingerprint(fields)
        event = known.get(entry.key)
        if event is not None and event.source_fingerprint == seen:
            result.unchanged += 1
            continue
        if event is None:
            event = Event(
                hub=feed.hub,
                source_feed=feed,
                source_key=entry.key,
                event_type=Event.Type.OTHER,
                language=feed.language,
            )
            action = "event.imported"
        elif event.is_cancelled:
            result.unchanged += 1  # cancelled here: the feed's changes do not bring it back
            continue
        else:
            action = "event.reimported"
            event.revision += 1
        for name, value in fields.items():
            setattr(event, name, value)
        event.source_fingerprint = seen
        event.status = Event.Status.SUBMITTED
        if not event.slug:
            event.slug = unique_slug(Event, event.title, fallback="event", length=70)
        try:
            event.full_clean(exclude=["start"] if action == "event.reimported" else None)
        except ValidationError:
            result.skipped += 1
            continue
        record(event, action=action, by=None)
        known[entry.key] = event
        if action == "event.imported":
            result.created += 1
        else:
            result.changed += 1
    return result
