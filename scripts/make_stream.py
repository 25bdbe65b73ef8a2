#!/usr/bin/env python3
"""Builds a realistic news stream (JSONL) for the streaming ingest benchmark, from openly licensed news text.

Sources (read from ../shared/data beside the repository, or --data):
  - ecbplus-dev/articles.jsonl (ECB+, CC BY 3.0)
  - meantime/intra-doc_annotation/*/*.xml (MEANTIME Wikinews, CC BY 4.0; the token text of the CAT XML)
  - semeval2015-t4-timeline/.../*.xml (SemEval-2015 Task 4 Wikinews, CC BY 3.0; documents not already in MEANTIME)

Every source article long enough becomes a base story, padded with background paragraphs from articles of the same
event or topic up to wire length (300-800 words) and dated within 2023-2024 (bases reporting one real-world event
within three days of each other). Each base spawns a family of derived articles:
wire copies (other outlet furniture, a changed word, a dropped sentence), partial reuse (a few of its paragraphs
pasted into another story), rewrites (reordered sentences, rewritten lead and headline) and follow-ups days later
(new lead sentences over old background paragraphs), themselves copied by other outlets. Family sizes are skewed:
a few stories get many articles. Output: one `{"id", "published", "source", "url", "text"}` a line, in
publication order, and beside it `<OUT stem>.gold.tsv`: each article's id, story (the real-world event its base
reports; for partial reuse, that of the story the passage was pasted into) and kind, for scoring the clustering
of the stream. Deterministic for a given seed. Never commit the generated files.

Usage: scripts/make_stream.py [OUT] [--articles N] [--seed S] [--data DIR]
"""

import argparse
import collections
import datetime
import glob
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ElementTree

MIN_BASE_WORDS = 80
MIN_WIRE_WORDS = 300
MAX_WIRE_WORDS = 800
START = datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)
SPAN_DAYS = 730
EVENT_SPREAD_HOURS = 72

OUTLETS = [
    ("Global Wire Service", "globalwire.example"),
    ("Continental Press Agency", "continentalpress.example"),
    ("Metro Newswire", "metronewswire.example"),
    ("The Daily Ledger", "dailyledger.example"),
    ("Evening Courier", "eveningcourier.example"),
    ("Harbor City Times", "harborcitytimes.example"),
    ("The Northern Gazette", "northerngazette.example"),
    ("Valley Tribune", "valleytribune.example"),
    ("The Morning Post-Dispatch", "morningpost.example"),
    ("Capital Observer", "capitalobserver.example"),
    ("Lakeside Herald", "lakesideherald.example"),
    ("World Briefing", "worldbriefing.example"),
    ("Coastal News Network", "coastalnews.example"),
    ("The Independent Record", "independentrecord.example"),
    ("Prairie Examiner", "prairieexaminer.example"),
    ("Summit Daily News", "summitdaily.example"),
]
AGENCIES = OUTLETS[:3]
REPORTERS = [
    "Anna Keller", "David Osei", "Maria Lindqvist", "James Okafor", "Sofia Marquez", "Thomas Brandt",
    "Leila Haddad", "Peter Novak", "Grace Mwangi", "Hiroshi Tanaka", "Claire Dubois", "Rahul Mehta",
]
# Word swaps of the kind copy editors make; whole words, case kept for the first letter.
SWAPS = {
    "said": "stated", "says": "states", "told": "informed", "about": "around", "big": "large", "large": "big",
    "began": "started", "started": "began", "show": "indicate", "shows": "indicates", "help": "assist",
    "buy": "purchase", "bought": "purchased", "need": "require", "needs": "requires", "also": "additionally",
    "however": "though", "later": "subsequently", "announced": "said", "expected": "anticipated",
    "near": "close to", "many": "numerous", "quickly": "rapidly", "killed": "left dead", "injured": "hurt",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TIME_PHRASE = re.compile(
    r"^(?P<head>.+?)\s+(?P<when>(?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?|yesterday|today|last week|this week)(?P<tail>[ ,].*)$"
)
SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”']))\s+(?=[\"“A-Z])")
NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+(?: (?:[A-Z][a-z]+|[A-Z]\.))+)")
FOLLOW_UP_HEADLINES = [
    "{name}: new details emerge", "Update: {name} developments continue", "{name} case takes new turn",
    "What we know now about {name}", "{name}: officials give update",
]
FOLLOW_UP_LEADS = [
    "New details emerged on {weekday} about {name}, {days} days after the first reports.",
    "Officials gave an update on {weekday} on the situation involving {name}.",
    "{name} was back in the news on {weekday}, as questions about the earlier events remained unanswered.",
]
FOLLOW_UP_MORE = [
    "The story has continued to develop in the {days} days since it was first reported.",
    "Several people familiar with the matter said more information was expected in the coming days.",
    "A spokesperson declined to comment on {weekday}, saying that a fuller statement would follow.",
    "Reactions continued to come in on {weekday} from people close to the events.",
]
REWRITE_HEADLINES = ["{headline}", "{headline}, reports say", "{headline}: what we know", "Report: {headline}"]


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=os.path.join(repo, "target", "stream-20000.jsonl"))
    parser.add_argument("--articles", type=int, default=20000, help="articles in the stream (default 20000)")
    parser.add_argument("--seed", type=int, default=20260121, help="random seed (default 20260121)")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(repo), "shared", "data"), help="data folder")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")

    rng = random.Random(args.seed)
    sources = load_sources(args.data)
    if not sources:
        sys.exit(f"no source articles under {args.data}")
    bases = make_bases(sources, rng)
    if args.articles < len(bases):
        bases = rng.sample(bases, args.articles)
    articles = []
    for base, size in zip(bases, family_sizes(len(bases), args.articles, rng)):
        articles.extend(make_family(base, size, bases, rng))
    articles.sort(key=lambda a: (a["published"], a["url"]))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    gold_path = os.path.splitext(args.out)[0] + ".gold.tsv"
    with open(args.out, "w", encoding="utf-8") as out, open(gold_path, "w", encoding="utf-8") as gold:
        gold.write("id\tstory\tkind\n")
        for number, article in enumerate(articles):
            record = {"id": f"stream-{number:05d}", "published": article["published"],
                      "source": article["source"], "url": article["url"], "text": article["text"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            gold.write(f"{record['id']}\t{article['story']}\t{article['kind']}\n")
    print_counts(args.out, sources, bases, articles)


# ---------------------------------------------------------------------------------------------------------------
# Sources


def load_sources(data):
    """All source articles as {"key", "topic", "event", "headline", "paragraphs"}, in a fixed order: `event` is the
    real-world event the source reports (ECB+'s gold event; a Wikinews article is its own event)."""
    sources = []
    ecb = os.path.join(data, "ecbplus-dev")
    topics, events = {}, {}
    with open(os.path.join(ecb, "gold.tsv"), encoding="utf-8") as gold:
        for row in gold.read().splitlines()[1:]:
            doc, event, topic = row.split("\t")
            topics[doc] = "ecb-" + topic
            events[doc] = "ecb-event-" + event
    with open(os.path.join(ecb, "articles.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            paragraphs = unique([p.strip() for p in doc["text"].split("\n") if p.strip()])
            if len(paragraphs) >= 2:
                sources.append({"key": doc["id"], "topic": topics.get(doc["id"], doc["id"]),
                                "event": events.get(doc["id"], doc["id"]),
                                "headline": paragraphs[0], "paragraphs": paragraphs[1:]})
    seen = set()
    wikinews = sorted(glob.glob(os.path.join(data, "meantime", "intra-doc_annotation", "*", "*.xml")))
    wikinews += sorted(glob.glob(os.path.join(data, "semeval2015-t4-timeline", "**", "*_CAT", "*.xml"), recursive=True))
    wikinews += sorted(glob.glob(os.path.join(data, "semeval2015-t4-timeline", "Corpus-trial-data_task4", "*.xml")))
    for path in wikinews:
        root = ElementTree.parse(path).getroot()
        doc_id = root.get("doc_id")
        if doc_id in seen:
            continue
        seen.add(doc_id)
        sentences = cat_sentences(root)
        # Wikinews CAT: sentence 0 is the headline, sentence 1 the date line, then the body.
        if len(sentences) >= 4:
            topic = "wikinews-" + os.path.basename(os.path.dirname(path))
            sources.append({"key": "wikinews-" + doc_id, "topic": topic, "event": "wikinews-" + doc_id,
                            "headline": sentences[0], "paragraphs": group_paragraphs(sentences[2:])})
    return sources


def unique(items):
    seen = set()
    return [x for x in items if not (x in seen or seen.add(x))]


def cat_sentences(root):
    """The sentences of a CAT XML document, detokenised."""
    sentences = collections.defaultdict(list)
    for token in root.iter("token"):
        sentences[int(token.get("sentence"))].append(token.text or "")
    return [detokenize(tokens) for _, tokens in sorted(sentences.items())]


NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "'", "'s", "'re", "'ve", "'ll", "'d",
                   "'m", "n't", "-", "/", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "¥", "#", "-", "/", "`", "“", "‘"}


def detokenize(tokens):
    """Joins Penn-style tokens into text: no space before closing punctuation or after opening, quotes paired."""
    text = []
    glue_next = True
    in_quote = False
    for token in tokens:
        if token in ("``", "''", '"'):
            in_quote = token == "``" or token == '"' and not in_quote
            token, attach, glue_after = '"', not in_quote, in_quote
        else:
            token = "—" if token == "--" else token
            attach, glue_after = token in NO_SPACE_BEFORE, token in NO_SPACE_AFTER or token.endswith("$")
        if text and not glue_next and not attach:
            text.append(" ")
        text.append(token)
        glue_next = glue_after
    return "".join(text)


def group_paragraphs(sentences):
    """Wire paragraphs of one to three sentences (CAT has no paragraph marks), deterministic by position."""
    paragraphs, current = [], []
    for number, sentence in enumerate(sentences):
        current.append(sentence)
        if len(current) >= 1 + (number * 7 + len(sentence)) % 3:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


# ---------------------------------------------------------------------------------------------------------------
# Base stories


def words(paragraphs):
    return sum(len(p.split()) for p in paragraphs)


def make_bases(sources, rng):
    """Base stories: sources long enough, padded with background from the same event (else the same topic) and
    trimmed to wire length. Sources reporting the same real-world event are dated within three days of each other,
    as outlets report an event together; each event gets its own day in the stream's span."""
    by_topic = collections.defaultdict(list)
    for source in sources:
        by_topic[source["topic"]].append(source)
    anchors = {}
    bases = []
    for source in sources:
        if words(source["paragraphs"]) < MIN_BASE_WORDS:
            continue
        paragraphs = list(source["paragraphs"])
        donors = [s for s in by_topic[source["topic"]] if s is not source]
        rng.shuffle(donors)
        donors.sort(key=lambda donor: donor["event"] != source["event"])
        for donor in donors:
            if words(paragraphs) >= MIN_WIRE_WORDS:
                break
            paragraphs += [p for p in donor["paragraphs"][1:4] if p not in paragraphs]
        paragraphs = trim(paragraphs, MAX_WIRE_WORDS)
        if source["event"] not in anchors:
            anchors[source["event"]] = START + datetime.timedelta(seconds=rng.randrange(SPAN_DAYS * 86400))
        published = anchors[source["event"]] + datetime.timedelta(seconds=rng.randrange(EVENT_SPREAD_HOURS * 3600))
        outlet = rng.choice(AGENCIES)
        bases.append({"key": source["key"], "event": source["event"], "headline": source["headline"],
                      "paragraphs": paragraphs, "published": published, "outlet": outlet})
    rng.shuffle(bases)
    return bases


def trim(paragraphs, limit):
    kept = []
    for paragraph in paragraphs:
        if kept and words(kept) + len(paragraph.split()) > limit:
            break
        kept.append(paragraph)
    return kept


def family_sizes(count, total, rng):
    """Articles per family (base included), skewed (capped log-normal weights), summing to `total`."""
    mean = total / count
    weights = [min(rng.lognormvariate(0, 0.9), 6.0) for _ in range(count)]
    scale = (total - count) / sum(weights)
    sizes = [1 + int(w * scale) for w in weights]
    order = sorted(range(count), key=lambda i: -weights[i])
    for step in range(total - sum(sizes)):
        sizes[order[step % count]] += 1
    assert sum(sizes) == total and min(sizes) >= 1 and max(sizes) <= 1 + 7 * mean
    return sizes


# ---------------------------------------------------------------------------------------------------------------
# Families of derived articles


KINDS = [("copy", 35), ("rewrite", 20), ("reuse", 15), ("follow-up", 15), ("follow-up copy", 15)]


def make_family(base, size, bases, rng):
    family = [article(base["outlet"], base["published"], base["headline"], base["paragraphs"], "base")]
    follow_ups = []
    kinds, weights = zip(*KINDS)
    for _ in range(size - 1):
        kind = rng.choices(kinds, weights)[0]
        if kind == "follow-up copy" and not follow_ups:
            kind = "follow-up"
        if kind == "copy":
            family.append(wire_copy(family[0], rng, kind))
        elif kind == "follow-up copy":
            family.append(wire_copy(rng.choice(follow_ups), rng, kind))
        elif kind == "rewrite":
            family.append(rewrite(base, rng))
        elif kind == "reuse":
            family.append(partial_reuse(base, rng.choice(bases), rng))
        else:
            follow_ups.append(follow_up(base, rng))
            family.append(follow_ups[-1])
    for member in family:
        member.setdefault("story", base["event"])
    return family


def article(outlet, published, headline, paragraphs, kind):
    name, domain = outlet
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60] or "story"
    url = f"https://{domain}/{published:%Y/%m/%d}/{slug}-{published:%H%M%S}"
    return {"source": name, "url": url, "published": published.strftime("%Y-%m-%dT%H:%M:%SZ"), "kind": kind,
            "headline": headline, "paragraphs": paragraphs, "text": "\n\n".join([headline] + paragraphs),
            "when": published}


def other_outlet(name, rng):
    return rng.choice([o for o in OUTLETS if o[0] != name])


def later(when, rng, min_hours, max_hours):
    return when + datetime.timedelta(seconds=rng.randrange(int(min_hours * 3600), int(max_hours * 3600)))


def wire_copy(original, rng, kind):
    """The same story run by another outlet: its furniture lines, a swapped word, maybe a dropped sentence."""
    outlet = other_outlet(original["source"], rng)
    paragraphs = list(original["paragraphs"])
    paragraphs = swap_words(paragraphs, rng, 1)
    if rng.random() < 0.5:
        paragraphs = drop_sentence(paragraphs, rng)
    agency = original["source"]
    top = rng.choice([["Share", f"{rng.randint(2, 6)} min read"], [f"By {rng.choice(REPORTERS)}"], [],
                      [f"By {rng.choice(REPORTERS)}, {agency}", "Updated"]])
    bottom = rng.choice([[f"(Reporting by {rng.choice(REPORTERS)}; Editing by {rng.choice(REPORTERS)})"],
                         [f"© {original['when'].year} {agency}. All rights reserved."],
                         ["Related coverage", "Sign up for our morning newsletter"], []])
    if len(paragraphs) > 4 and rng.random() < 0.5:
        paragraphs.insert(len(paragraphs) // 2, "Advertisement")
    if rng.random() < 0.4:
        paragraphs[0] = f"({agency}) — {paragraphs[0]}"
    body = top + paragraphs + bottom
    return article(outlet, later(original["when"], rng, 0.2, 30), original["headline"], body, kind)


def swap_words(paragraphs, rng, count):
    paragraphs = list(paragraphs)
    for _ in range(count):
        index = rng.randrange(len(paragraphs))
        candidates = [m for m in re.finditer(r"\b[A-Za-z]+\b", paragraphs[index]) if m.group().lower() in SWAPS]
        if candidates:
            match = rng.choice(candidates)
            word = match.group()
            new = SWAPS[word.lower()]
            new = new[0].upper() + new[1:] if word[0].isupper() else new
            text = paragraphs[index]
            paragraphs[index] = text[:match.start()] + new + text[match.end():]
    return paragraphs


def drop_sentence(paragraphs, rng):
    candidates = [i for i, p in enumerate(paragraphs) if i > 0 and len(SENTENCE_BREAK.split(p)) > 1]
    if not candidates:
        return paragraphs
    index = rng.choice(candidates)
    sentences = SENTENCE_BREAK.split(paragraphs[index])
    del sentences[rng.randrange(len(sentences))]
    return paragraphs[:index] + [" ".join(sentences)] + paragraphs[index + 1:]


def rewrite(base, rng):
    """The story rewritten by another outlet: new headline and lead, sentences and later paragraphs reordered."""
    paragraphs = [reorder_sentences(p, rng) if i > 0 else p for i, p in enumerate(base["paragraphs"])]
    body = paragraphs[2:]
    rng.shuffle(body)
    paragraphs = [rewrite_lead(paragraphs[0], rng)] + paragraphs[1:2] + body
    paragraphs = swap_words(paragraphs, rng, 4)
    headline = rng.choice(REWRITE_HEADLINES).format(headline=base["headline"])
    outlet = other_outlet(base["outlet"][0], rng)
    return article(outlet, later(base["published"], rng, 1, 60), headline, paragraphs, "rewrite")


def reorder_sentences(paragraph, rng):
    sentences = SENTENCE_BREAK.split(paragraph)
    if len(sentences) > 1 and rng.random() < 0.5:
        sentences = sentences[1:] + sentences[:1]
    return " ".join(sentences)


def rewrite_lead(lead, rng):
    """Fronts a time phrase ("X did Y on Friday, ..." → "On Friday, X did Y, ..."), else attributes the lead."""
    match = TIME_PHRASE.match(lead)
    if match and not match.group("head").endswith(("\"", "“")):
        when = match.group("when")
        head = match.group("head")
        head = head[0].lower() + head[1:] if head.split()[0] in ("The", "A", "An") else head
        return f"{when[0].upper()}{when[1:]}, {head}{match.group('tail')}"
    first = lead.split()[0] if lead.split() else ""
    if first in ("The", "A", "An"):
        return f"{rng.choice(['Reports said', 'Officials said', 'It emerged'])} that {lead[0].lower()}{lead[1:]}"
    return lead


def partial_reuse(base, host, rng):
    """Another story that pastes a few of the base's paragraphs (an agency passage) into its own text."""
    if host is base or len(base["paragraphs"]) < 3:
        return wire_copy(article(base["outlet"], base["published"], base["headline"], base["paragraphs"], "base"),
                         rng, "copy")
    start = rng.randrange(1, len(base["paragraphs"]) - 1)
    passage = base["paragraphs"][start:start + rng.randint(2, 3)]
    own = trim(host["paragraphs"], MAX_WIRE_WORDS - words(passage))
    cut = rng.randint(1, max(1, len(own)))
    paragraphs = own[:cut] + passage + own[cut:]
    outlet = other_outlet(base["outlet"][0], rng)
    reused = article(outlet, later(base["published"], rng, 2, 120), host["headline"], paragraphs, "reuse")
    return {**reused, "story": host["event"]}


def follow_up(base, rng):
    """A later story on the same subject: new lead sentences, then some of the old paragraphs as background."""
    when = later(base["published"], rng, 24, 24 * 21)
    days = (when - base["published"]).days
    name = rng.choice(salient_names(base))
    fill = {"name": name, "weekday": WEEKDAYS[when.weekday()], "days": max(days, 1)}
    leads = [rng.choice(FOLLOW_UP_LEADS)] + rng.sample(FOLLOW_UP_MORE, rng.randint(1, 3))
    leads = [lead.format(**fill) for lead in leads]
    background = trim(base["paragraphs"], rng.randint(MIN_WIRE_WORDS, MAX_WIRE_WORDS * 3 // 4))
    headline = rng.choice(FOLLOW_UP_HEADLINES).format(name=name)
    outlet = rng.choice(OUTLETS)
    return article(outlet, when, headline, [" ".join(leads[:2])] + leads[2:] + background, "follow-up")


def salient_names(base):
    """The three most frequent capitalised multi-word names inside sentences (ties: first seen), else the headline."""
    counts = collections.Counter(m.group(1) for p in base["paragraphs"] for m in NAME.finditer(p))
    return [name for name, _ in counts.most_common(3)] or [base["headline"].rstrip(".")]


# ---------------------------------------------------------------------------------------------------------------


def print_counts(out, sources, bases, articles):
    kinds = collections.Counter(a["kind"] for a in articles)
    lengths = sorted(len(a["text"].split()) for a in articles)
    share = sum(MIN_WIRE_WORDS <= n <= MAX_WIRE_WORDS + 60 for n in lengths) / len(lengths)
    print(f"wrote {len(articles)} articles to {out}")
    print(f"sources {len(sources)}, base stories {len(bases)}")
    print("kinds: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    print(f"words: median {lengths[len(lengths) // 2]}, 10% {lengths[len(lengths) // 10]}, "
          f"90% {lengths[len(lengths) * 9 // 10]}, share within {MIN_WIRE_WORDS}-{MAX_WIRE_WORDS + 60}: {share:.0%}")
    print(f"published {articles[0]['published']} to {articles[-1]['published']}")


if __name__ == "__main__":
    main()
