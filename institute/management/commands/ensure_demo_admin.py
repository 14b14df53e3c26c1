from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from institute.demo.accounts import PASSWORD_FILE, demo_password

USERNAME = "admin"


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
            password = "(changed in the admin since; the demo password no longer applies)"  # noqa: S105
        site_url = site_url.rstrip("/")
        self.stdout.write(
            "\n".join(
                [
                    "",
                    f"  Site:     {site_url}/",
                    f"  Admin:    {site_url}/admin/",
                    f"  Sign in:  {USERNAME} / {password}",
                    f"            (password from $DEMO_ADMIN_PASSWORD, else kept in {PASSWORD_FILE.name})",
                    "",
                ]
            )
        )
