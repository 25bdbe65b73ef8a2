//! Makes the names of one document consistent: kinds of unknown names, surnames to full names.

use std::collections::{BTreeMap, HashSet};

use chronicle_model::{Date, EntityKind, Mention, Span};

use crate::kb::KnowledgeBase;
use crate::lexicon;
use crate::normalize::{key, name_tokens, slug};

/// What the words before an unknown name say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    None,
    /// A title or a first name came first ("President", "Mr.", "Mary").
    Title,
    /// A place preposition came first ("in", "near").
    Preposition,
    /// Its first or last word names an organisation ("Bank of …", "… Airlines").
    OrganizationName,
    /// Its first or last word names a place ("Lake …", "… Ocean").
    PlaceName,
}

/// A name found in the text, before it becomes a [`Mention`].
#[derive(Debug, Clone)]
pub struct Candidate {
    pub span: Span,
    /// The knowledge-base entity, when the name is known.
    pub entity: Option<u32>,
    hint: Hint,
    /// The kind the statistical tagger gives the name, when it finds it.
    tagged: Option<EntityKind>,
    kind: EntityKind,
    id: String,
    name: String,
}

impl Candidate {
    /// A name of the knowledge base's entity `entity`.
    pub fn known(span: Span, entity: u32, hint: Hint) -> Self {
        Candidate { entity: Some(entity), ..Candidate::unknown(span, hint) }
    }

    /// A name the knowledge base does not know.
    pub fn unknown(span: Span, hint: Hint) -> Self {
        Candidate {
            span,
            entity: None,
            hint,
            tagged: None,
            kind: EntityKind::Other,
            id: String::new(),
            name: String::new(),
        }
    }
}

/// The kind of an unknown name, from its words and what came before it: a title, a first name or a surname
/// ending make a person. Names that are neither people nor places are most often organisations; names with
/// digits are products, models or other things.
fn guess_kind(kb: &KnowledgeBase, surface: &str, hint: Hint, tagged: Option<EntityKind>) -> EntityKind {
    let words: Vec<&str> = surface.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let first = words.first().copied().unwrap_or("");
    let last = words.last().copied().unwrap_or("");
    let organization_word = lexicon::is_organization_tail(last) || lexicon::is_organization_head(first);
    let first_name = words.len() >= 2
        && !organization_word
        && (words.iter().any(|w| kb.is_first_name(&deunicode::deunicode(w).to_lowercase()))
            || lexicon::has_surname_ending(last));
    if let Some(kind) = tagged.filter(|_| matches!(hint, Hint::None | Hint::Preposition)) {
        return kind;
    }
    match hint {
        Hint::Title if !organization_word => EntityKind::Person,
        Hint::OrganizationName => EntityKind::Organization,
        Hint::PlaceName => EntityKind::Place,
        _ if first_name => EntityKind::Person,
        _ if words.len() >= 2 && (lexicon::is_organization_tail(last) || lexicon::is_organization_head(first)) => {
            EntityKind::Organization
        }
        _ if surface.chars().any(|c| c.is_ascii_digit()) => EntityKind::Other,
        Hint::Preposition => EntityKind::Place,
        _ => EntityKind::Organization,
    }
}

/// Combines the rules' candidates with the tagger's names.
/// - Known names keep their entity and kind, except a gazetteer city the tagger reads as an organisation or a
///   person ("Toyota" the company), and a known name alone inside a longer tagged name ("Garuda Indonesia", but not
///   "Putin-Assad"), which becomes part of it and lends it its entity when of the same kind ("Apple Inc.").
/// - An unknown name of the rules stays only when a title or a name word typed it ("Kasimo Bank") and the tagger
///   sees no other name there, or only the part of it after a name word ("Lake | Varnoo").
/// - The tagger's other names are added, linked when the knowledge base knows them whole, save a common word
///   first in a sentence ("Later").
pub fn combine(kb: &KnowledgeBase, text: &str, candidates: &mut Vec<Candidate>, tagged: &[(Span, EntityKind)]) {
    let is_city = |e: u32| kb.entity(e).kind == EntityKind::Place && kb.entity(e).id.starts_with("geo:");
    let within = |outer: Span, inner: Span| outer.start <= inner.start && inner.end <= outer.end && outer != inner;
    let known: Vec<Span> = candidates.iter().filter(|c| c.entity.is_some()).map(|c| c.span).collect();
    let wrapping: Vec<Span> =
        tagged.iter().map(|(s, _)| *s).filter(|&s| known.iter().filter(|&&k| within(s, k)).count() == 1).collect();
    let mut inner: Vec<(Span, u32)> = Vec::new();
    candidates.retain_mut(|c| {
        let overlapping = tagged.iter().find(|(s, _)| s.overlaps(c.span));
        let Some(entity) = c.entity else {
            c.tagged = overlapping.map(|(_, k)| *k);
            let named = matches!(c.hint, Hint::OrganizationName | Hint::PlaceName);
            let typed = named || c.hint == Hint::Title;
            let inside = |s: &Span| c.span.start <= s.start && s.end <= c.span.end;
            return typed && overlapping.is_none_or(|(s, _)| *s == c.span || named && inside(s));
        };
        let retyped = is_city(entity)
            && tagged.iter().any(|(s, k)| *s == c.span && matches!(k, EntityKind::Organization | EntityKind::Person));
        let outer = tagged.iter().find(|(s, _)| within(*s, c.span) && wrapping.contains(s));
        if let Some((span, _)) = outer.filter(|(_, k)| *k == kb.entity(entity).kind) {
            inner.push((*span, entity));
        }
        !retyped && outer.is_none()
    });
    let mut found = Vec::new();
    for &(span, kind) in tagged.iter().filter(|(s, _)| !candidates.iter().any(|c| c.span.overlaps(*s))) {
        let surface = span.slice(text);
        let before = text.get(..span.start).unwrap_or("").trim_end_matches([' ', '\t', '\r']);
        let first_in_sentence = before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', '"', '“', '‘']);
        if first_in_sentence && !surface.contains(' ') && kb.is_common_word(&surface.to_lowercase()) {
            continue;
        }
        let whole = kb.lookup(&key(surface)).map(|n| n.entity).filter(|&e| !is_city(e) || kind == EntityKind::Place);
        let entity = whole.or_else(|| inner.iter().find(|(s, _)| *s == span).map(|(_, e)| *e));
        let candidate = match entity {
            Some(entity) => Candidate::known(span, entity, Hint::None),
            None => Candidate::unknown(span, Hint::None),
        };
        found.push(Candidate { tagged: Some(kind), ..candidate });
    }
    candidates.extend(found);
}

/// Gives every candidate its kind, id and name, consistently across the document.
pub fn make_consistent(kb: &KnowledgeBase, text: &str, candidates: &mut [Candidate], dct: Option<Date>) {
    check_surnames(kb, text, candidates, dct);
    for candidate in candidates.iter_mut() {
        let surface = candidate.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" ");
        match candidate.entity.map(|e| kb.entity(e)) {
            Some(entity) => {
                candidate.kind = entity.kind;
                candidate.id = entity.id.clone();
                candidate.name = entity.name.clone();
            }
            None => {
                candidate.kind = guess_kind(kb, &surface, candidate.hint, candidate.tagged);
                candidate.id = format!("chr:{}", slug(&surface));
                candidate.name = surface;
            }
        }
    }
    surnames_make_persons(kb, text, candidates);
    unify_kinds(candidates);
    link_surnames(text, candidates);
}

/// A surname alone names a known person only when the document names them in full, a title introduces it, or
/// the person held a role on `dct` ("Putin" in 2023 is Vladimir Putin; "Ford" is not Gerald Ford).
fn check_surnames(kb: &KnowledgeBase, text: &str, candidates: &mut [Candidate], dct: Option<Date>) {
    let named_in_full: HashSet<u32> =
        candidates.iter().filter(|c| name_tokens(c.span.slice(text)).len() >= 2).filter_map(|c| c.entity).collect();
    for candidate in candidates.iter_mut() {
        let Some(entity) = candidate.entity.filter(|&e| kb.entity(e).kind == EntityKind::Person) else { continue };
        let surname_only = name_tokens(candidate.span.slice(text)).len() == 1;
        let supported = named_in_full.contains(&entity) || candidate.hint == Hint::Title || kb.holds_role(entity, dct);
        if surname_only && !supported {
            candidate.entity = None;
        }
    }
}

/// An unknown name whose last word also stands alone elsewhere ("Dmitry Peskov" … "Peskov") is a person, unless
/// its first word does too ("Airbus A380" … "Airbus"), it starts with a common word ("New GM") or a word is not
/// written like a name (digits, capitals only).
fn surnames_make_persons(kb: &KnowledgeBase, text: &str, candidates: &mut [Candidate]) {
    let singles: HashSet<String> = candidates
        .iter()
        .map(|c| name_tokens(c.span.slice(text)))
        .filter(|t| t.len() == 1)
        .map(|mut t| t.remove(0))
        .collect();
    for candidate in candidates.iter_mut().filter(|c| c.entity.is_none() && c.hint == Hint::None) {
        let tokens = name_tokens(&candidate.name);
        let alphabetic = tokens.iter().all(|t| t.chars().all(|c| c.is_ascii_alphabetic()));
        let words: Vec<&str> = candidate.name.split_whitespace().collect();
        let name_like = words.iter().all(|w| w.chars().skip(1).any(char::is_lowercase))
            && words.first().is_some_and(|w| !kb.is_common_word(&w.to_lowercase()))
            && words.last().is_some_and(|w| !lexicon::is_organization_tail(w) && !lexicon::is_place_tail(w));
        if let [first, .., last] = &tokens[..] {
            if alphabetic && name_like && singles.contains(last) && !singles.contains(first) {
                candidate.kind = EntityKind::Person;
            }
        }
    }
}

/// Every mention of one unknown name gets the same kind: the most frequent, person on a tie, other last.
fn unify_kinds(candidates: &mut [Candidate]) {
    let mut kinds: BTreeMap<String, BTreeMap<EntityKind, usize>> = BTreeMap::new();
    let with_evidence: HashSet<&str> =
        candidates.iter().filter(|c| c.hint != Hint::Preposition).map(|c| c.id.as_str()).collect();
    for candidate in candidates.iter().filter(|c| c.entity.is_none()) {
        if candidate.hint == Hint::Preposition && with_evidence.contains(candidate.id.as_str()) {
            continue;
        }
        *kinds.entry(candidate.id.clone()).or_default().entry(candidate.kind).or_default() += 1;
    }
    for candidate in candidates.iter_mut().filter(|c| c.entity.is_none()) {
        let Some(counts) = kinds.get(&candidate.id) else { continue };
        candidate.kind = counts
            .iter()
            .max_by_key(|(k, n)| (**k != EntityKind::Other, **n, **k == EntityKind::Person, std::cmp::Reverse(**k)))
            .map_or(EntityKind::Other, |(k, _)| *k);
    }
}

/// A person named in full in the document.
struct FullName {
    start: usize,
    surname: String,
    id: String,
    name: String,
}

/// A one-word name that is the surname of a person named in full in the document is that person: the nearest
/// full name before it, else the first after it. A name already linked to one of them keeps its link.
fn link_surnames(text: &str, candidates: &mut [Candidate]) {
    let persons: Vec<FullName> = candidates
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .filter_map(|c| {
            let tokens = name_tokens(&c.name);
            let surname = tokens.last().filter(|_| tokens.len() >= 2)?.clone();
            Some(FullName { start: c.span.start, surname, id: c.id.clone(), name: c.name.clone() })
        })
        .collect();
    for candidate in candidates.iter_mut() {
        let linkable = candidate.entity.is_none()
            || candidate.kind == EntityKind::Person
            || candidate.kind == EntityKind::Place && !candidate.id.starts_with("iso:");
        let tokens = name_tokens(candidate.span.slice(text));
        let [word] = &tokens[..] else { continue };
        let same: Vec<&FullName> = persons.iter().filter(|p| &p.surname == word).collect();
        if !linkable || same.iter().any(|p| p.id == candidate.id) {
            continue;
        }
        let before = same.iter().filter(|p| p.start < candidate.span.start).max_by_key(|p| p.start);
        if let Some(person) = before.or_else(|| same.iter().min_by_key(|p| p.start)) {
            candidate.kind = EntityKind::Person;
            candidate.id.clone_from(&person.id);
            candidate.name.clone_from(&person.name);
        }
    }
}

/// The mentions of the candidates, in text order, overlaps resolved in favour of the earlier, longer one.
pub fn mentions(candidates: Vec<Candidate>) -> Vec<Mention> {
    let mut candidates: Vec<Candidate> = candidates.into_iter().filter(|c| c.id.len() > 4).collect();
    candidates.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut mentions: Vec<Mention> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if mentions.last().is_some_and(|m| m.span.end > c.span.start) {
            continue;
        }
        mentions.push(Mention { span: c.span, kind: c.kind, id: c.id, name: c.name });
    }
    mentions
}
