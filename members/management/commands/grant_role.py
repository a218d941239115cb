from django.core.management.base import BaseCommand, CommandError

from hubs.models import Hub
from members import services
from members.models import User


class Command(BaseCommand):
    help = (
        "Appoint agency staff or a hub manager, or take the role back with --revoke. "
        "Idempotent. Examples: grant_role anna@example.org agency; "
        "grant_role ben@example.org manager --hub hamburg; grant_role ben@example.org manager --hub hamburg --revoke"
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("role", choices=["agency", "manager"])
        parser.add_argument("--hub", help="The hub's slug, for the manager role.")
        parser.add_argument("--revoke", action="store_true", help="Take the role back.")

    def handle(self, *args, email, role, hub=None, revoke=False, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No account with the email address {email}.")
        if role == "agency":
            if hub:
                raise CommandError("--hub belongs to the manager role.")
            (services.revoke_agency if revoke else services.grant_agency)(user=user)
            self.stdout.write(
                self.style.SUCCESS(f"{email}: agency role {'revoked' if revoke else 'granted'}.")
            )
            return
        if not hub:
            raise CommandError("The manager role needs --hub SLUG.")
        hub_object = Hub.objects.filter(slug=hub).first()
        if hub_object is None:
            raise CommandError(f"No hub with the slug {hub}.")
        if revoke:
            services.revoke_manager(user=user, hub=hub_object)
        else:
            services.grant_manager(user=user, hub=hub_object)
        verb = "revoked" if revoke else "granted"
        self.stdout.write(self.style.SUCCESS(f"{email}: manager of {hub_object.name_de} {verb}."))
