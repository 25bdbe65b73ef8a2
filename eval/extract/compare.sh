#!/bin/sh
# Compares Chronicle's main-text extraction with trafilatura (from PyPI) on the article-extraction benchmark's
# development pages and on the multilingual fixture pages: one table of F1, precision, recall, pages/s and share of
# pages dated, medians over PASSES passes (default 5), each tool timed inside one process after start-up.
#
# Usage: eval/extract/compare.sh [AEB_DIR] [PASSES]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
aeb=${1:-$repo/../shared/data/aeb-dev}
passes=${2:-5}
venv=$repo/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "trafilatura==2.3.1" lxml_html_clean
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$venv/bin/python" "$repo/eval/extract/trafilatura_run.py" "$aeb" "$repo/crates/extract/tests/fixtures" "$passes" "$out"
cd "$repo"
cargo run --quiet --release -p chronicle-extract --example eval-extract -- "$aeb" --passes "$passes" --compare "$out"
