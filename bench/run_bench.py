"""`make bench`: requests per second, latency and server CPU per request of the site's pages under wrk.

Two passes over the same pages, each on a fresh `make serve` of the bench database: cold, with the
full-page cache off (PAGE_CACHE=false), and warm, with it on and each page requested once before it
is measured. Every page is compared with the floor, a view that only returns "Hello, world." through
the same gunicorn and middleware. Writes bench/results/latest.json (and a dated copy) and the table
in README.md's Performance section. Exits 0 whenever the bench ran, targets met or not.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from bench.database import BENCH_DIR, REPO_DIR, RESULTS_DIR, SCALE, ensure_database, use_bench_data
from bench.pages import FLOOR_PATH, bench_pages
from bench.server import get_status, serving

DURATION = int(os.environ.get("BENCH_DURATION", "5"))
THREADS = 2
CONNECTIONS = 8
# A worker's request still running when wrk stops has used CPU in the run without being counted. With
# fewer requests finished than this, that skews CPU per request too far: the request alone tells it.
MIN_REQUESTS_FOR_CPU = 10
WRK = shutil.which("wrk")
WRK_SCRIPT = BENCH_DIR / "wrk_summary.lua"
# The targets: a cached page serves at least this share of the floor's requests per second; an
# uncached one costs at most this many times the floor's CPU per request; nothing fails.
MIN_CACHED_SHARE_OF_FLOOR_RPS = 0.5
MAX_UNCACHED_CPU_OVER_FLOOR = 20
README = REPO_DIR / "README.md"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def run_wrk(url, duration=DURATION):
    """wrk's summary (wrk_summary.lua): requests, errors and latency percentiles in microseconds."""
    command = [WRK, f"--threads={THREADS}", f"--connections={CONNECTIONS}", f"--duration={duration}s"]
    # As long as gunicorn lets a request take: a slow uncached page is measured, not counted as a timeout.
    command += ["--timeout=30s", f"--script={WRK_SCRIPT}", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    return json.loads(next(line for line in output.splitlines() if line.startswith("{")))


def measure(server, path):
    """One request alone on the idle server, then wrk's run; what each cost gunicorn in CPU."""
    server.wait_until_idle()
    cpu_before, started = server.gunicorn_cpu_seconds(), time.monotonic()
    status = get_status(server.port, path)  # with the page cache on, this request stores the page
    alone_ms = (time.monotonic() - started) * 1000
    alone_cpu_ms = (server.gunicorn_cpu_seconds() - cpu_before) * 1000
    cpu_before = server.gunicorn_cpu_seconds()
    summary = run_wrk(server.base_url + path)
    cpu_seconds = server.gunicorn_cpu_seconds() - cpu_before
    requests = summary["requests"]
    return {
        "status": status,
        "alone_ms": alone_ms,
        "alone_cpu_ms": alone_cpu_ms,
        "requests": requests,
        "rps": requests / (summary["duration_us"] / 1e6),
        "p50_ms": summary["p50_us"] / 1000 if requests else None,
        "p99_ms": summary["p99_us"] / 1000 if requests else None,
        "socket_errors": sum(summary[kind] for kind in ("connect_errors", "read_errors", "write_errors", "timeouts")),
        "http_errors": summary["http_errors"],
        "cpu_ms_per_request": cpu_seconds * 1000 / requests if requests >= MIN_REQUESTS_FOR_CPU else alone_cpu_ms,
        "cpu_measured": "under load" if requests >= MIN_REQUESTS_FOR_CPU else "alone",
    }


def run_pass(pages, page_cache):
    """Each page's measurements on one server, with the ratios to the floor's."""
    name = "warm" if page_cache else "cold"
    print(f"\n{name.capitalize()} pass: full-page cache {'on' if page_cache else 'off'}", flush=True)
    with serving(log_name=f"serve-{name}", page_cache=page_cache) as server:
        # Each worker loads the URLconf and the like on its first request: not part of what the floor costs.
        run_wrk(server.base_url + FLOOR_PATH, duration=1)
        results = {}
        for page, path in pages:
            print(f"  {page:<22} {path}", flush=True)
            results[page] = measure(server, path)
    floor = results["floor"]
    for result in results.values():
        result["rps_floor_over_rps"] = floor["rps"] / result["rps"] if result["rps"] else None
        floor_cpu = floor["cpu_ms_per_request"]
        result["cpu_over_cpu_floor"] = result["cpu_ms_per_request"] / floor_cpu if floor_cpu else None
    return results


def errors(result):
    return result["socket_errors"] + result["http_errors"] + (result["status"] != 200)


def check_targets(rows):
    """One line per target and page: what was measured and whether it met the target."""
    checks = []
    for row in rows:
        warm, cold = row["warm"], row["cold"]
        if row["page"] != "floor":
            share = 1 / warm["rps_floor_over_rps"] if warm["rps_floor_over_rps"] else 0
            checks.append(
                {
                    "target": f"cached req/s >= {MIN_CACHED_SHARE_OF_FLOOR_RPS:.0%} of the floor's",
                    "path": row["path"],
                    "value": f"{share:.0%}",
                    "met": share >= MIN_CACHED_SHARE_OF_FLOOR_RPS,
                }
            )
            cpu_ratio = cold["cpu_over_cpu_floor"]
            checks.append(
                {
                    "target": f"uncached CPU per request <= {MAX_UNCACHED_CPU_OVER_FLOOR} x the floor's",
                    "path": row["path"],
                    "value": f"{cpu_ratio:.1f} x" if cpu_ratio is not None else "not measured",
                    "met": cpu_ratio is not None and cpu_ratio <= MAX_UNCACHED_CPU_OVER_FLOOR,
                }
            )
        failed = errors(warm) + errors(cold)
        checks.append({"target": "no errors", "path": row["path"], "value": str(failed), "met": failed == 0})
    return checks


def number(value, digits=0):
    return "–" if value is None else f"{value:,.{digits}f}"


COLUMNS = (
    "cached req/s",
    "% of floor",
    "cached p50/p99 ms",
    "uncached req/s",
    "uncached p50/p99 ms",
    "uncached alone ms",
    "CPU ms/request",
    "× floor CPU",
    "errors",
)


FOOTNOTE = (
    "alone: one request on the idle server, before wrk's run. "
    f"*: fewer than {MIN_REQUESTS_FOR_CPU} requests finished within wrk's run, so the CPU is that of the request alone."
)


def cells(row):
    """A page's figures under COLUMNS: throughput cached, cost uncached."""
    warm, cold = row["warm"], row["cold"]
    share = 100 / warm["rps_floor_over_rps"] if warm["rps_floor_over_rps"] else None
    return [
        number(warm["rps"]),
        number(share),
        f"{number(warm['p50_ms'], 1)} / {number(warm['p99_ms'], 1)}",
        number(cold["rps"]),
        f"{number(cold['p50_ms'], 1)} / {number(cold['p99_ms'], 1)}",
        number(cold["alone_ms"]),
        number(cold["cpu_ms_per_request"], 1) + ("*" if cold["cpu_measured"] == "alone" else ""),
        number(cold["cpu_over_cpu_floor"], 1),
        str(errors(warm) + errors(cold)),
    ]


def console_table(rows):
    widths = [len(column) + 2 for column in COLUMNS]
    lines = [f"{'page':<22}" + "".join(f"{column:>{width}}" for column, width in zip(COLUMNS, widths, strict=True))]
    for row in rows:
        lines.append(
            f"{row['page']:<22}" + "".join(f"{cell:>{width}}" for cell, width in zip(cells(row), widths, strict=True))
        )
    return "\n".join([*lines, FOOTNOTE])


def shorten(path, length=40):
    return path if len(path) <= length else path[: length - 1] + "…"


def markdown_table(report):
    lines = [
        f"Last run {report['started_at'][:16].replace('T', ' ')} UTC on commit {report['commit']}: demo content at "
        f"scale {report['scale']}, wrk {report['duration_s']} s per page ({report['threads']} threads, "
        f"{report['connections']} connections), load average {report['load_average']['start'][0]:.1f} "
        f"on {report['cpus']} cores at the start.",
        "",
        "| page | " + " | ".join(COLUMNS) + " |",
        "| --- |" + " ---: |" * len(COLUMNS),
    ]
    lines += [f"| {row['page']} `{shorten(row['path'])}` | " + " | ".join(cells(row)) + " |" for row in report["pages"]]
    return "\n".join([*lines, "", FOOTNOTE])


def update_readme(report):
    text = README.read_text()
    if README_START not in text or README_END not in text:
        print(f"README.md has no {README_START} … {README_END} markers: its table is left as it is.")
        return
    before, rest = text.split(README_START, 1)
    after = rest.split(README_END, 1)[1]
    README.write_text(f"{before}{README_START}\n{markdown_table(report)}\n{README_END}{after}")


def git_commit():
    """The checked-out commit, with "-dirty" when the files differ from it; None outside a git checkout."""
    git = shutil.which("git")
    if not git:
        return None
    head = subprocess.run([git, "rev-parse", "--short", "HEAD"], cwd=REPO_DIR, capture_output=True, text=True)  # noqa: S603
    if head.returncode:
        return None
    changed = subprocess.run([git, "diff", "--quiet", "HEAD"], cwd=REPO_DIR).returncode  # noqa: S603
    return head.stdout.strip() + ("-dirty" if changed else "")


def main():
    if not WRK:
        sys.exit("make bench needs wrk: run `make wrk` as root, or: sudo apt-get install wrk")
    # A plain `kill` stops the bench as Ctrl-C does: through the `finally` that stops the server.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    began = time.monotonic()
    use_bench_data()
    ensure_database()
    pages = bench_pages()
    started_at = datetime.now(UTC)
    load_at_start = os.getloadavg()
    cold = run_pass(pages, page_cache=False)
    warm = run_pass(pages, page_cache=True)
    rows = [{"page": page, "path": path, "cold": cold[page], "warm": warm[page]} for page, path in pages]
    targets = check_targets(rows)
    report = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - began),
        "commit": git_commit(),
        "scale": SCALE,
        "duration_s": DURATION,
        "threads": THREADS,
        "connections": CONNECTIONS,
        "web_workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "cpus": os.cpu_count(),
        "load_average": {"start": load_at_start, "end": os.getloadavg()},
        "pages": rows,
        "targets": targets,
        "all_targets_met": all(check["met"] for check in targets),
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    result_json = json.dumps(report, indent=2) + "\n"
    dated = RESULTS_DIR / f"bench-{started_at:%Y%m%dT%H%M%SZ}.json"
    dated.write_text(result_json)
    (RESULTS_DIR / "latest.json").write_text(result_json)
    update_readme(report)

    print(f"\n{console_table(rows)}\n")
    print(f"Load average {load_at_start[0]:.1f} at the start, {report['load_average']['end'][0]:.1f} at the end.")
    missed = [check for check in targets if not check["met"]]
    print(f"Targets: {len(targets) - len(missed)} of {len(targets)} met.")
    for check in missed:
        print(f"  MISSED  {check['target']}: {check['path']} ({check['value']})")
    print(f"Results: {dated.relative_to(REPO_DIR)}, bench/results/latest.json, README.md (Performance).")
    print(f"The bench took {report['seconds']} s.")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted; the server it started is stopped.")
