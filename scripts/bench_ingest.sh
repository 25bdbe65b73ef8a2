#!/usr/bin/env bash
# Ingest throughput: articles/s for a fresh ingest of a JSONL corpus, median of N runs, release build.
# Usage: scripts/bench_ingest.sh [CORPUS.jsonl] [RUNS]   (default: ../shared/data/ecbplus-dev/articles.jsonl, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/data/ecbplus-dev/articles.jsonl}"
runs="${2:-5}"
cargo build --release --quiet -p chronicle-cli
bin="${CARGO_TARGET_DIR:-target}/release/chronicle"
articles=$(grep -c . "$corpus")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
times=()
for i in $(seq "$runs"); do
  rm -f "$tmp"/bench.db*
  start=$(date +%s.%N)
  "$bin" --db "$tmp/bench.db" ingest "$corpus" > /dev/null
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf '| corpus | articles | runs | median s | articles/s |\n|---|---|---|---|---|\n'
printf '| %s | %d | %d | %.3f | %.0f |\n' "$(basename "$corpus")" "$articles" "$runs" "$median" \
  "$(awk -v n="$articles" -v t="$median" 'BEGIN {print n / t}')"
