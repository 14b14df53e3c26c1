"""Two app servers on one database and one Redis: what an editor publishes through one, the other
serves at once, its page cache included."""

import re
import shutil
import subprocess
import sys
from http import HTTPStatus

import pytest
import redis
import requests

from tests.helpers import free_port
from tests.servers import BASE_DIR, running_server, served_copy_of_test_database

# The servers run on a copy of the test database: pytest-django makes one only for a run whose tests ask for it.
pytestmark = pytest.mark.django_db

PASSWORD = "a long demo password"  # noqa: S105  (a test account)
SITE = f"""
from django.contrib.auth import get_user_model
from institute.models import HomePage, StandardPage
get_user_model().objects.create_superuser("editor", "editor@productivity.example", {PASSWORD!r})
page = StandardPage(title="About us", slug="who-we-are")
HomePage.objects.get().add_child(instance=page)
page.title = "About the institute"
page.save_revision()  # a draft for the editor to publish
print(page.pk)
"""
SERVED_SETTINGS = """\
import os
from institute.settings.base import cache_config
from institute.settings.test import *  # noqa: F403

CACHES = {"default": cache_config(os.environ["CACHE_URL"])}
"""


@pytest.fixture(scope="module")
def shared_redis(tmp_path_factory):
    """A Redis server of the test's own, so that nothing else's keys are in it."""
    port = free_port()
    server = subprocess.Popen(
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        cwd=tmp_path_factory.mktemp("redis"),
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if server.poll() is not None:
                pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0", client
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def two_instances(django_db_setup, django_db_blocker, tmp_path_factory, shared_redis):
    redis_url, _ = shared_redis
    settings_dir = tmp_path_factory.mktemp("two_instances")
    (settings_dir / "served_settings.py").write_text(SERVED_SETTINGS)
    with django_db_blocker.unblock(), served_copy_of_test_database() as database_url:
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": f"{settings_dir}:{BASE_DIR}",
            "DJANGO_SETTINGS_MODULE": "served_settings",
            "DATABASE_URL": database_url,
            "CACHE_URL": redis_url,
        }
        made = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", SITE], cwd=BASE_DIR, env=env, capture_output=True, text=True
        )
        assert made.returncode == 0, made.stderr
        page_id = int(made.stdout.split()[-1])
        first_env = {**env, "BIND": f"127.0.0.1:{free_port()}"}
        second_env = {**env, "BIND": f"127.0.0.1:{free_port()}"}
        with (
            running_server(first_env, settings_dir / "first.log") as first,
            running_server(second_env, settings_dir / "second.log") as second,
        ):
            yield first, second, page_id


def csrf_token(session, url):
    page = session.get(url, timeout=10)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def publish_through(server, page_id):
    editor = requests.Session()
    token = csrf_token(editor, f"{server}/admin/login/")
    signed_in = editor.post(
        f"{server}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": "editor", "password": PASSWORD},
        timeout=10,
    )
    assert signed_in.url == f"{server}/admin/", "the editor could not sign in"
    publish = f"{server}/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    token = csrf_token(editor, publish)
    published = editor.post(publish, data={"csrfmiddlewaretoken": token}, allow_redirects=False, timeout=10)
    assert published.status_code == HTTPStatus.FOUND


def test_a_page_published_through_one_instance_is_served_by_the_other_at_once(two_instances, shared_redis):
    first, second, page_id = two_instances
    _, redis_client = shared_redis
    assert "About us" in requests.get(f"{second}/who-we-are/", timeout=10).text
    assert "About us" in requests.get(f"{first}/who-we-are/", timeout=10).text
    kept_pages = [key for key in redis_client.scan_iter() if b":page:" in key]
    assert kept_pages, "the servers keep pages in the shared Redis"

    publish_through(first, page_id)

    assert "About the institute" in requests.get(f"{second}/who-we-are/", timeout=10).text
    assert "About the institute" in requests.get(f"{first}/who-we-are/", timeout=10).text
