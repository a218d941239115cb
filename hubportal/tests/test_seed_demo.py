"""manage.py seed_demo: the demo content, made through the same services as members, hubs and the
agency use, so that every change in it has its reason in the history, as real changes do. (What
each app's demo holds is tested in its own tests, test_demo.py.)"""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.translation import gettext
from simple_history.models import registered_models

from hubs.models import Hub
from members.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_to_run_in_production(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")

    assert not Hub.objects.exists()


def test_seed_demo_loads_the_network_and_an_agency_login_once_and_mails_nobody(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert mail.outbox == []  # its people are made up

    assert Hub.objects.count() == 12
    agency = User.objects.get(email="agentur@example.org")
    assert agency.is_staff
    assert agency.check_password("hubportal-demo")


def test_every_change_the_demo_makes_has_its_reason_in_the_history(settings, admin_client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())

    histories = {model._meta.label: model.history.model for model in registered_models.values()}
    without_reason = {
        label: history.objects.filter(history_change_reason__isnull=True).count()
        for label, history in histories.items()
    }
    with_reason = sum(
        history.objects.exclude(history_change_reason=None).count() for history in histories.values()
    )

    assert with_reason > 200
    assert without_reason == dict.fromkeys(histories, 0)
    activity_log = admin_client.get(reverse("admin:activity")).content.decode()
    assert gettext("Event published") in activity_log
    assert gettext("Change without a recorded reason") not in activity_log
