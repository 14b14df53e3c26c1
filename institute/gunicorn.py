"""gunicorn settings for `make serve` and production: `gunicorn -c python:institute.gunicorn institute.asgi`.

The asyncio ASGI worker reads every request whole before Django runs, and writes responses out
without holding a thread, so slow or stalled clients cost a socket each, not a worker. Each worker
holds up to `worker_connections` such sockets.
"""

import os

worker_class = "asgi"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_connections = 1000
bind = os.environ.get("BIND", "127.0.0.1:8000")
# A request that has not finished in this time is a bug or an attack; the worker is restarted.
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-"
# The control socket would be shared by every instance on the machine: not needed here.
control_socket_disable = True
