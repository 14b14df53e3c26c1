from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Turn two-factor sign-in off for someone who has lost their authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        if not deleted:
            raise CommandError(f"{username} does not use two-factor sign-in.")
        self.stdout.write(f"Two-factor sign-in is off for {username}: they sign in with their password alone.")
