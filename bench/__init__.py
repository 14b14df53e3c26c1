"""`make bench` (throughput and CPU cost of the site's pages under wrk) and `make lighthouse`.

Both serve a database of their own (bench/.data/, built once by `load_demo_content --scale`) through
`make serve`, so they measure the production stack and never touch the checkout's db.sqlite3.
"""
