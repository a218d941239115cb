from django.utils import timezone

from .models import EventSeries


def registrations_changed(sender, instance, **kwargs):
    """post_save and post_delete of Registration, whatever made them (a service, the admin's
    inline, an account's deletion): the event's counts follow."""
    instance.event.count_registrations()


def series_date_changed(sender, instance, **kwargs):
    """post_save and post_delete of Event: a date of a series changed, so did the series' entry in
    the calendars (events.calendar), whose version reads the series' `updated`."""
    if instance.series_id:
        EventSeries.objects.filter(pk=instance.series_id).update(updated=timezone.now())
