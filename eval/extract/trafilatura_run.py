"""Runs trafilatura over the same pages as `eval-extract` and writes what it found, with its timing, as JSON.

Usage: python trafilatura_run.py AEB_DIR FIXTURE_DIR PASSES OUT.json

Pages are read and decoded before the clock starts; each pass times `bare_extraction` (main text and metadata,
comments excluded) over all pages in this one process, so start-up and imports are not counted: wall-clock and CPU
time of this thread.
"""

import gzip
import json
import pathlib
import sys
import time

import trafilatura
from trafilatura.utils import decode_file


def load(paths):
    return [(path.name.split(".")[0], decode_file(path.read_bytes() if path.suffix != ".gz" else gzip.decompress(path.read_bytes()))) for path in paths]


def extract(html):
    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if document is None:
        return "", None
    return document.text or "", document.date


def timed_passes(pages, passes):
    """Wall-clock and CPU seconds of each pass, and the results."""
    seconds, cpu_seconds, results = [], [], {}
    for _ in range(passes):
        started, cpu_started = time.perf_counter(), time.thread_time()
        results = {page_id: extract(html) for page_id, html in pages}
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(time.thread_time() - cpu_started)
    return seconds, cpu_seconds, results


def main():
    aeb, fixtures, passes, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    truth = json.loads((aeb / "ground-truth.json").read_text())
    pages = load(sorted(aeb / "html" / f"{page_id}.html.gz" for page_id in truth))
    fixture_pages = load(sorted(fixtures.glob("*.html")))
    seconds, cpu_seconds, results = timed_passes(pages, passes)
    fixture_seconds, _, _ = timed_passes(fixture_pages, passes)
    report = {
        "version": trafilatura.__version__,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "fixture_pages": len(fixture_pages),
        "fixture_seconds": fixture_seconds,
        "pages": {page_id: {"text": text, "date": date} for page_id, (text, date) in results.items()},
    }
    pathlib.Path(out).write_text(json.dumps(report))


if __name__ == "__main__":
    main()
