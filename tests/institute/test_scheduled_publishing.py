"""Scheduled publishing and expiry run by themselves: `manage.py publish_scheduled_every`, which
`make serve` starts beside the task worker."""

import datetime
import signal
import subprocess
import sys
import time

from django.core.management import call_command
from django.utils import timezone

import pytest

from institute.models import StandardPage
from tests.factories import StandardPageFactory
from tests.servers import BASE_DIR, served_copy_of_test_database

pytestmark = pytest.mark.django_db

SCHEDULE_A_PAGE = """
import datetime
from django.utils import timezone
from institute.models import HomePage, StandardPage
page = StandardPage(title="Results day", slug="results-day", live=False)
HomePage.objects.get().add_child(instance=page)
page.go_live_at = timezone.now() + datetime.timedelta(seconds=6)
page.save_revision(approved_go_live_at=page.go_live_at)
"""
IS_IT_LIVE = "from institute.models import StandardPage; print(StandardPage.objects.get(slug='results-day').live)"


def test_a_run_publishes_what_is_due_and_unpublishes_what_has_expired(home_page):
    due = StandardPageFactory(parent=home_page, slug="due", live=False)
    due.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    due.save_revision(approved_go_live_at=due.go_live_at)
    expired = StandardPageFactory(parent=home_page, slug="expired")
    StandardPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

    call_command("publish_scheduled_every", once=True, stdout=None)

    assert StandardPage.objects.get(slug="due").live
    assert not StandardPage.objects.get(slug="expired").live


@pytest.fixture(scope="module")
def site_in_another_process(django_db_setup, django_db_blocker):
    """The environment of a process on a copy of the test database, made before any test's transaction."""
    with django_db_blocker.unblock(), served_copy_of_test_database() as database_url:
        yield {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(BASE_DIR),
            "DJANGO_SETTINGS_MODULE": "institute.settings.test",
            "DATABASE_URL": database_url,
        }


def test_it_runs_every_interval_until_stopped(site_in_another_process, tmp_path):
    def manage(*args):
        command = [sys.executable, "manage.py", *args]
        return subprocess.run(command, cwd=BASE_DIR, env=site_in_another_process, capture_output=True, text=True)

    assert manage("shell", "-c", SCHEDULE_A_PAGE).returncode == 0
    scheduler = subprocess.Popen(
        [sys.executable, "manage.py", "publish_scheduled_every", "--interval", "0.5"],
        cwd=BASE_DIR,
        env=site_in_another_process,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "scheduler.log").open("w"),
    )
    try:
        time.sleep(9)  # the page becomes due 6 s after it was scheduled: runs after the first publish it
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=10) == 0, (tmp_path / "scheduler.log").read_text()
    finally:
        scheduler.kill()
    assert manage("shell", "-c", IS_IT_LIVE).stdout.split()[-1] == "True"
