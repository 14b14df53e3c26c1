"""The demo sign-in password: $DEMO_ADMIN_PASSWORD, or one generated once and kept in a git-ignored file."""

import os
import secrets

from django.conf import settings

PASSWORD_FILE = settings.BASE_DIR / ".demo-admin-password"


def demo_password():
    from_environment = os.environ.get("DEMO_ADMIN_PASSWORD")
    if from_environment:
        return from_environment
    if PASSWORD_FILE.exists():
        return PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    PASSWORD_FILE.touch(mode=0o600)
    PASSWORD_FILE.write_text(password + "\n")
    return password
