"""The bench's own database, uploads and cache folder under bench/.data/ (git-ignored)."""

import os
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
RESULTS_DIR = BENCH_DIR / "results"
# How many times the demo content `make bench` and `make lighthouse` serve.
SCALE = int(os.environ.get("BENCH_SCALE", "100"))


def use_bench_data():
    """Points this process, manage.py and `make serve` started from it at the bench's data, not the checkout's."""
    os.environ.update(
        DATABASE_URL=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        MEDIA_ROOT=str(DATA_DIR / "media"),
        # The checkout's own site caches in .cache/: the same page URLs there show another database.
        CACHE_DIR=str(DATA_DIR / "cache"),
        # manage.py's own default, for the runner's queries; `make serve` sets production settings itself.
        DJANGO_SETTINGS_MODULE="institute.settings.dev",
    )


def ensure_database(scale=SCALE):
    """Migrates the bench database and loads the demo content at `scale`, unless a run already did."""
    built = DATA_DIR / f"built-at-scale-{scale}"
    if built.exists():
        return
    DATA_DIR.mkdir(exist_ok=True)
    print(f"Building the bench database at scale {scale} in {DATA_DIR} (once; later runs reuse it).", flush=True)
    manage = [sys.executable, str(REPO_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], check=True)  # noqa: S603 (our own manage.py)
    subprocess.run([*manage, "load_demo_content", "--scale", str(scale)], check=True)  # noqa: S603
    built.touch()
