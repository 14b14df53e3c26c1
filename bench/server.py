"""`make serve` on the bench database, started in a session of its own so it can be stopped whole."""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from bench.database import DATA_DIR, REPO_DIR

CLOCK_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
# `make serve` first runs `make setup` (migrate, demo content) and collectstatic.
START_TIMEOUT = 600
STOP_TIMEOUT = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_status(port, path):
    """The status of a GET of `path`, with no redirect followed: a page that redirects is not measured."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Server:
    """The running `make serve`: where it listens, and what its gunicorn processes have cost in CPU."""

    def __init__(self, process, port):
        self.process = process
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"

    def gunicorn_cpu_seconds(self):
        """CPU time (user and system) of gunicorn's master and workers so far, workers that have exited included.

        A worker's time moves into the master's cutime/cstime when the master reaps it, so nothing is
        counted twice. The shell, make and the task worker beside them are left out.
        """
        ticks = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:  # it has exited since the listing
                continue
            # See proc(5): the command name is in brackets and may hold spaces; the fields after it are numbered
            # from 3. The name is the script's, "gunicorn", in the master and its forked workers alike.
            name, rest = stat[stat.index("(") + 1 :].rsplit(")", 1)
            fields = rest.split()
            session, utime, stime, cutime, cstime = int(fields[3]), *map(int, fields[11:15])
            if session == self.process.pid and name.startswith("gunicorn"):
                ticks += utime + stime + cutime + cstime
        return ticks / CLOCK_TICKS_PER_SECOND

    def wait_until_idle(self, timeout=180):
        """Until gunicorn stops using CPU: requests a load test left queued must not count against the next.

        A request wrk gave up on at the end of its run is still served to the end (an uncached search
        under load takes seconds), and gunicorn logs it with status 500 since nobody reads it.
        """
        deadline = time.monotonic() + timeout
        before = self.gunicorn_cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.25)
            now = self.gunicorn_cpu_seconds()
            if now - before <= 1 / CLOCK_TICKS_PER_SECOND:
                return
            before = now
        print(f"    gunicorn was still busy after {timeout} s: measuring anyway", flush=True)


@contextmanager
def serving(log_name, page_cache=True):
    """`make serve SETTINGS=bench.settings` on a free port, logging to bench/.data/<log_name>.log; yields a Server.

    Stops it, the task worker and gunicorn's workers, whatever happens in the `with` block (Ctrl-C included).
    PAGE_CACHE=false turns the full-page cache off.
    """
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key != "PAGE_CACHE"}
    if not page_cache:
        environment["PAGE_CACHE"] = "false"
    # Each server starts with an empty cache, so a pass never reads what the one before it stored.
    shutil.rmtree(DATA_DIR / "cache", ignore_errors=True)
    log_path = DATA_DIR / f"{log_name}.log"
    command = [shutil.which("make"), "--no-print-directory", "serve", "SETTINGS=bench.settings", f"PORT={port}"]
    print(f"Starting `make {' '.join(command[3:])}` (log: {log_path.relative_to(REPO_DIR)})", flush=True)
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603 (the project's own Makefile)
            command,
            cwd=REPO_DIR,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_healthy(process, port, log_path)
            yield Server(process, port)
        finally:
            stop(process)


def wait_until_healthy(process, port, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`make serve` exited with status {process.returncode}; see {log_path}")
        try:
            if get_status(port, "/healthz/") == 200:
                return
        except OSError:  # not listening yet
            pass
        time.sleep(0.5)
    raise RuntimeError(f"The server did not answer /healthz/ within {START_TIMEOUT} s; see {log_path}")


def stop(process):
    """Ctrl-C to make, its shell, the task worker and gunicorn (the session's process group); then SIGKILL."""
    group = process.pid
    with suppress(ProcessLookupError):  # every process of the group has exited already
        os.killpg(group, signal.SIGINT)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and group_alive(process):
        time.sleep(0.2)
    with suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    process.wait()


def group_alive(process):
    """Whether any process of the server's group is left (make itself is reaped here, the others by init)."""
    process.poll()
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True
