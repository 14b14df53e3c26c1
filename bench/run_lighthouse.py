"""`make lighthouse`: Lighthouse's mobile audit of four pages served by `make serve` on the bench database.

Writes each page's HTML and JSON reports to bench/results/lighthouse/ (git-ignored: large, and redone
every run) and the scores to bench/results/lighthouse.json. Exits 1 when a page misses a target.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from bench.database import BENCH_DIR, REPO_DIR, RESULTS_DIR, ensure_database, use_bench_data
from bench.pages import bench_pages
from bench.server import serving

PAGES = ("home", "forum", "publication", "event")
LIGHTHOUSE = BENCH_DIR / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORTS_DIR = RESULTS_DIR / "lighthouse"
# The machine has no internet: Chromium's own background connections (updates, sync, safe browsing
# lists) stay off, so nothing waits on them.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MIN_SCORES = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_LCP_SECONDS = 2.0
# Audits with a pass mark; the others are manual checks, information, or did not apply to the page.
SCORED_AUDIT_MODES = {"binary", "numeric", "metricSavings"}


def audit(url, name):
    """Runs Lighthouse on `url`; returns its result (the JSON report)."""
    output = REPORTS_DIR / name
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or shutil.which("chromium")}
    subprocess.run(  # noqa: S603 (the pinned Lighthouse in bench/lighthouse/)
        [
            LIGHTHOUSE,
            url,
            "--output=html",
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        env=environment,
        check=True,
    )
    return json.loads(output.with_name(f"{name}.report.json").read_text())


def summarize(name, path, result):
    """Scores out of 100, LCP, the targets missed, and the audits that cost points in each category."""
    scores = {
        category: None
        if result["categories"][category]["score"] is None
        else round(result["categories"][category]["score"] * 100)
        for category in CATEGORIES
    }
    lcp_seconds = result["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    missed = [
        f"{category} {score} < {MIN_SCORES[category]}"
        for category, score in scores.items()
        if score is None or score < MIN_SCORES[category]
    ]
    if lcp_seconds > MAX_LCP_SECONDS:
        missed.append(f"LCP {lcp_seconds:.2f} s > {MAX_LCP_SECONDS} s")
    return {
        "page": name,
        "path": path,
        "scores": scores,
        "lcp_s": round(lcp_seconds, 2),
        "missed": missed,
        "failing_audits": {category: failing_audits(result, category) for category in CATEGORIES},
    }


def failing_audits(result, category):
    """The category's audits that did not get full marks, as "id: what it found".

    Besides those that count towards the score, for performance that is the diagnostics and savings
    that point at the cause (uses-long-cache-ttl, modern-image-formats, …).
    """
    failing = []
    for reference in result["categories"][category]["auditRefs"]:
        found = result["audits"][reference["id"]]
        if found["scoreDisplayMode"] in SCORED_AUDIT_MODES and found["score"] < 1:
            detail = found.get("displayValue") or found["title"]
            failing.append(f"{reference['id']}: {detail}")
    return failing


def print_summary(pages):
    print(f"\n{'page':<12} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'LCP s':>6}  path")
    for page in pages:
        scores = [page["scores"][category] for category in CATEGORIES]
        cells = " ".join(f"{'–' if score is None else score:>5}" for score in scores)
        print(f"{page['page']:<12} {cells} {page['lcp_s']:>6.2f}  {page['path']}")
    # What cost the points, where a page missed a score target.
    for page in pages:
        for category, audits in page["failing_audits"].items():
            if page["scores"][category] is None or page["scores"][category] < MIN_SCORES[category]:
                for found in audits:
                    print(f"  {page['page']}, {category}: {found}")


def main():
    # A plain `kill` stops it as Ctrl-C does: through the `finally` that stops the server.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    began = time.monotonic()
    use_bench_data()
    ensure_database()
    paths = dict(bench_pages())
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    started_at = datetime.now(UTC)
    pages, versions = [], set()
    with serving(log_name="serve-lighthouse") as server:
        for name in PAGES:
            print(f"Lighthouse: {name} {paths[name]}", flush=True)
            result = audit(server.base_url + paths[name], name)
            pages.append(summarize(name, paths[name], result))
            versions.add(result["lighthouseVersion"])
    summary = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "lighthouse": ", ".join(sorted(versions)),
        "targets": {**MIN_SCORES, "max_lcp_s": MAX_LCP_SECONDS},
        "pages": pages,
    }
    (RESULTS_DIR / "lighthouse.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print_summary(pages)
    print(f"\nReports: {REPORTS_DIR.relative_to(REPO_DIR)}/<page>.report.html. Took {time.monotonic() - began:.0f} s.")
    missed = [(page["page"], reason) for page in pages for reason in page["missed"]]
    for name, reason in missed:
        print(f"MISSED  {name}: {reason}")
    if missed:
        sys.exit(1)
    print("Every page met the targets.")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted; the server it started is stopped.")
