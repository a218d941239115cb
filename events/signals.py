def registrations_changed(sender, instance, **kwargs):
    """post_save and post_delete of Registration, whatever made them (a service, the admin's
    inline, an account's deletion): the event's counts follow."""
    instance.event.count_registrations()
