import os
import subprocess
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import pytest

from institute.settings.base import cache_config, env_bool, env_list


def run_settings(module, **env):
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("institute.settings.production")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "SECRET_KEY is not set: production settings refuse to start without one."
    ]


def test_production_starts_with_a_secret_key():
    assert run_settings("institute.settings.production", SECRET_KEY="x" * 50).returncode == 0


def test_site_runs_in_london_time_and_british_english():
    assert (settings.TIME_ZONE, settings.LANGUAGE_CODE, settings.USE_TZ) == ("Europe/London", "en-gb", True)


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.cache.backends.filebased.FileBasedCache"),
        ("redis://127.0.0.1:6379/1", "institute.cache.ResilientRedisCache"),
        ("rediss://cache.example.com:6380/0", "institute.cache.ResilientRedisCache"),
    ],
)
def test_cache_url(url, backend):
    assert cache_config(url)["BACKEND"] == backend


def test_unknown_cache_url_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_config("memcached://127.0.0.1:11211")


def test_environment_helpers(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("HOSTS", "a.example, b.example ,")
    assert env_bool("FLAG", False) is True
    assert env_bool("MISSING", True) is True
    assert env_list("HOSTS", []) == ["a.example", "b.example"]
