"""What the commands that run something every interval (publish_scheduled_every, check_links_every) share."""

import signal
import threading


def stopped_by_signals():
    """An Event that SIGTERM or SIGINT sets (a service manager, `make serve` stopping): waiting on it between
    runs ends the wait at once, and a run is never stopped half done."""
    stopped = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopped.set())
    return stopped
