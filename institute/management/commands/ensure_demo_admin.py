from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail import hooks

from institute.demo.accounts import PASSWORD_FILE, demo_password

USERNAME = "admin"
# Apps list their demo accounts (username, what it may do) through this hook; they share the password.
SIGN_INS_HOOK = "demo_sign_ins"


class Command(BaseCommand):
    help = "Make sure the superuser `admin` exists, then print where to sign in and with what."

    def add_arguments(self, parser):
        parser.add_argument("--site-url", default="http://127.0.0.1:8000", help="Where the site is served.")

    def handle(self, *args, site_url, **options):
        password = demo_password()
        user = get_user_model().objects.filter(username=USERNAME).first()
        if user is None:
            get_user_model().objects.create_superuser(USERNAME, "admin@productivity.example", password)
        elif not user.check_password(password):
            # Not a password: what is printed in its place.
            password = "(changed in the admin since; the demo password no longer applies)"  # noqa: S105  # nosec B105
        site_url = site_url.rstrip("/")
        lines = [
            "",
            f"  Site:     {site_url}/",
            f"  Admin:    {site_url}/admin/",
            f"  Sign in:  {USERNAME} / {password}",
            f"            (password from $DEMO_ADMIN_PASSWORD, else kept in {PASSWORD_FILE.name})",
        ]
        other_accounts = self.other_demo_accounts()
        if other_accounts:
            lines += ["", "  Also, with the same password:"]
            lines += [f"    {username:<36} {what}" for username, what in other_accounts]
        self.stdout.write("\n".join([*lines, ""]))

    def other_demo_accounts(self):
        existing = set(get_user_model().objects.values_list("username", flat=True))
        return [
            (username, what)
            for list_sign_ins in hooks.get_hooks(SIGN_INS_HOOK)
            for username, what in list_sign_ins()
            if username in existing
        ]
