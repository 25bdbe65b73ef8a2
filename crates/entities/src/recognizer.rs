//! Finds the names of one document: capitalised word sequences, split and linked by knowledge-base lookup.

use std::borrow::Cow;

use chronicle_model::{Date, EntityKind, Mention, Span};

use crate::document::{self, Candidate, Hint};
use crate::fasthash::FastHashSet;
use crate::features::{lowercase, Casing};
use crate::kb::{KnowledgeBase, NameEntry, MAX_NAME_TOKENS};
use crate::lexicon;
use crate::normalize::key;
use crate::tagger::Tagger;
use crate::tokens::{tokenize, Token};

/// Named-entity recogniser and linker over the shipped knowledge base; build once, share across threads (Sync).
#[derive(Debug)]
pub struct Recognizer {
    kb: &'static KnowledgeBase,
    tagger: &'static Tagger,
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::new()
    }
}

/// Lower-case function words that an extraction glitch can glue to the end of a name of two or more words
/// ("Vladimir Putinat").
const GLUED_WORDS: [&str; 5] = ["at", "in", "on", "to", "of"];

/// What the whole document says about its words.
#[derive(Default)]
struct Evidence<'a> {
    /// Words written in lower case somewhere: a capitalised one at a sentence start is a common word.
    lower: FastHashSet<Cow<'a, str>>,
    /// Capitalised words seen inside running text (not first in a sentence, not in a headline).
    trusted: FastHashSet<&'a str>,
    /// Pairs of capitalised words seen together inside running text ("General Motors").
    trusted_pairs: FastHashSet<(&'a str, &'a str)>,
}

/// A line of one sentence, how it is written, and whether it is a Title Case or upper-case headline.
pub(crate) struct Line {
    pub tokens: Vec<Token>,
    pub casing: Casing,
    headline: bool,
}

/// Whether a word is written with a capital, as names are (day and month names aside).
fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && !lexicon::is_calendar_word(word)
}

fn has_lowercase(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

impl Recognizer {
    /// Loads the knowledge base embedded in the binary (include_bytes! of data/kb files; loads in well under 1 s).
    pub fn new() -> Self {
        Recognizer { kb: KnowledgeBase::shared(), tagger: Tagger::shipped() }
    }

    /// A recogniser whose statistical tagger is `tagger` rather than the shipped one (for evaluating retrained
    /// weights).
    pub fn with_tagger(tagger: &'static Tagger) -> Self {
        Recognizer { kb: KnowledgeBase::shared(), tagger }
    }

    /// The knowledge-base id of the entity a name (as a whole) names, if the knowledge base knows it.
    pub fn known_id(&self, name: &str) -> Option<&'static str> {
        self.kb.lookup(&key(name)).map(|entry| self.kb.entity(entry.entity).id.as_str())
    }

    /// The ISO 3166 alpha-2 code of the country a knowledge-base entity belongs to: a place's country, a
    /// person's, an institution's ("chr:kremlin" → "RU", for metonymy), a nationality's ("chr:syrian" → "SY").
    pub fn country(&self, id: &str) -> Option<&'static str> {
        self.kb.by_id(id).and_then(|e| e.country.as_deref())
    }

    /// Mentions in `text` (byte spans), each with kind, canonical entity id and canonical name, made canonical
    /// within the document (surname → full name, "President Putin" → Vladimir Putin, "the Turkish president" → the
    /// office holder on `dct` when the KB's dated roles say so). `sentences` are sentence byte spans.
    pub fn recognize(&self, text: &str, sentences: &[Span], dct: Option<Date>) -> Vec<Mention> {
        let lines = lines(text, sentences);
        let evidence = evidence(text, &lines);
        let mut candidates = Vec::new();
        for line in &lines {
            let first = candidates.len();
            for run in runs(text, &line.tokens) {
                self.segment(text, line, run, &evidence, &mut candidates);
            }
            self.resolve_offices(text, line, &mut candidates[first..], dct);
        }
        document::combine(self.kb, text, &mut candidates, &self.tagger.names(self.kb, text, &lines));
        document::make_consistent(self.kb, text, &mut candidates, dct);
        document::mentions(candidates)
    }

    /// Splits one run of capitalised words into names: a whole organisation or place name ("Singapore Airlines",
    /// "Russian Foreign Ministry", "Atlantic Ocean"), else the pieces between titles ("Superior Court | Judge |
    /// James Bodiford"), a title making the next piece a person's name.
    fn segment(&self, text: &str, line: &Line, run: (usize, usize), evidence: &Evidence, out: &mut Vec<Candidate>) {
        let all = &line.tokens[run.0..run.1];
        let mut start = 0;
        while start < all.len() && !self.can_start(text, line, &all[start..], &all[start], evidence) {
            start += 1;
        }
        let tokens = &all[start..];
        if tokens.is_empty() {
            return;
        }
        if let Some(hint) = self.whole_name(text, tokens, line.headline) {
            out.push(Candidate::unknown(Span::new(tokens[0].start, tokens[tokens.len() - 1].end), hint));
            return;
        }
        let before = run.0.checked_sub(1).map(|i| line.tokens[i].text(text)).filter(|w| !is_capitalised(w));
        let mut hint = before.filter(|w| lexicon::is_place_preposition(w)).map_or(Hint::None, |_| Hint::Preposition);
        let mut piece = 0;
        for i in 0..=tokens.len() {
            let title = tokens.get(i).is_some_and(|t| {
                lexicon::is_title(t.text(text))
                    && self.longest_match(text, tokens, i, line.headline).is_none_or(|m| m.0 == i + 1)
            });
            if i == tokens.len() || title {
                if piece < i {
                    self.segment_piece(text, line, &tokens[piece..i], hint, evidence, out);
                }
                hint = Hint::Title;
                piece = i + 1;
            }
        }
    }

    /// Splits a piece of a run without titles into names: a whole organisation or place name, else
    /// knowledge-base names (longest first), people introduced by a first name, and unknown names in between.
    fn segment_piece(
        &self,
        text: &str,
        line: &Line,
        tokens: &[Token],
        hint: Hint,
        evidence: &Evidence,
        out: &mut Vec<Candidate>,
    ) {
        if let Some(whole) = self.whole_name(text, tokens, line.headline) {
            out.push(Candidate::unknown(Span::new(tokens[0].start, tokens[tokens.len() - 1].end), whole));
            return;
        }
        let mut hint = hint;
        let mut pending: Option<usize> = None;
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            let word = token.text(text);
            let found = self.longest_match(text, tokens, i, line.headline).filter(|&(end, _, entry)| {
                let surname = end == i + 1 && self.kb.entity(entry.entity).kind == EntityKind::Person;
                !(line.headline && surname && !evidence.trusted.contains(word))
            });
            if pending.is_none() {
                if let Some(end) = self.first_name_start(text, tokens, i, found.map(|f| f.2)) {
                    out.push(Candidate::unknown(Span::new(token.start, tokens[end - 1].end), Hint::Title));
                    hint = Hint::None;
                    i = end;
                    continue;
                }
            }
            if let Some((end, end_byte, entry)) = found {
                let is_person = self.kb.entity(entry.entity).kind == EntityKind::Person;
                if pending.is_none() || !is_person {
                    self.flush(text, tokens, &mut pending, i, hint, out);
                    out.push(Candidate::known(Span::new(token.start, end_byte), entry.entity, hint));
                    hint = Hint::None;
                }
                i = end;
                if pending.is_some() {
                    self.flush(text, tokens, &mut pending, end, hint, out);
                    hint = Hint::None;
                }
                continue;
            }
            let lower = !is_capitalised(word);
            if lower && lexicon::is_conjunction(word) {
                self.flush(text, tokens, &mut pending, i, hint, out);
                hint = Hint::None;
                i += 1;
                continue;
            }
            let rejected = pending.is_none() && !self.can_start(text, line, &tokens[i..], &token, evidence)
                || line.headline && !lower && !evidence.trusted.contains(word);
            if rejected {
                self.flush(text, tokens, &mut pending, i, hint, out);
            } else {
                pending.get_or_insert(i);
            }
            i += 1;
        }
        self.flush(text, tokens, &mut pending, tokens.len(), hint, out);
    }

    /// Whether `token`, the first of `rest`, may start a name: a known name does; a determiner, a lower-case word
    /// or a common word first in a sentence does not.
    fn can_start(&self, text: &str, line: &Line, rest: &[Token], token: &Token, evidence: &Evidence) -> bool {
        let word = token.text(text);
        if self.longest_match(text, rest, 0, line.headline).is_some() {
            return true;
        }
        let next = rest.get(1).map(|n| n.text(text));
        let trusted_pair = next.is_some_and(|n| evidence.trusted_pairs.contains(&(word, n)));
        is_capitalised(word)
            && !lexicon::is_determiner(word)
            && (!line.headline || evidence.trusted.contains(word))
            && !(token.initial && !trusted_pair && !self.acceptable_initial(word, rest.len() > 1, evidence))
    }

    /// The kind of a whole run that names one organisation or place by its first or last word, when the
    /// knowledge base does not know it.
    fn whole_name(&self, text: &str, tokens: &[Token], headline: bool) -> Option<Hint> {
        let (first, last) = (tokens.first()?.text(text), tokens.last()?.text(text));
        if tokens.len() < 2 || self.longest_match(text, tokens, 0, headline).is_some_and(|m| m.0 == tokens.len()) {
            return None;
        }
        let before_conjunction = tokens.iter().position(|t| lexicon::is_conjunction(t.text(text)));
        if before_conjunction.is_some_and(|c| self.longest_match(text, tokens, 0, headline).is_some_and(|m| m.0 == c)) {
            return None;
        }
        let has_of = tokens.iter().any(|t| t.text(text) == "of");
        if lexicon::is_organization_tail(last) || has_of && lexicon::is_organization_head(first) {
            Some(Hint::OrganizationName)
        } else if lexicon::is_place_tail(last) || lexicon::is_place_head(first) {
            Some(Hint::PlaceName)
        } else {
            None
        }
    }

    /// A person's name that starts with a first name at `tokens[start]` and runs to the next title, conjunction
    /// or country: its end. A longer knowledge-base name, or a country, group or organisation, wins over it.
    fn first_name_start(&self, text: &str, tokens: &[Token], start: usize, known: Option<NameEntry>) -> Option<usize> {
        let word = tokens[start].text(text);
        let next = tokens.get(start + 1).map(|t| t.text(text))?;
        let blocks = |entry: NameEntry| {
            let e = self.kb.entity(entry.entity);
            !matches!(e.kind, EntityKind::Place | EntityKind::Other) || e.id.starts_with("iso:")
        };
        let known_longer = self.longest_match(text, tokens, start, false).is_some_and(|m| m.0 > start + 1);
        if !self.kb.is_first_name(&word.to_lowercase())
            || !is_capitalised(next)
            || lexicon::is_title(next)
            || known_longer
            || known.is_some_and(blocks)
        {
            return None;
        }
        let mut end = start + 1;
        while end < tokens.len() {
            let word = tokens[end].text(text);
            let stops = lexicon::is_title(word)
                || self.longest_match(text, tokens, end, false).is_some_and(|m| blocks(m.2) || m.0 > end + 1);
            if is_capitalised(word) && !stops {
                end += 1;
            } else if !is_capitalised(word) && !lexicon::is_conjunction(word) && end + 1 < tokens.len() {
                end += 2;
            } else {
                break;
            }
        }
        Some(end)
    }

    /// Ends the unknown name `tokens[start..end]`, trailing connectors dropped.
    fn flush(
        &self,
        text: &str,
        tokens: &[Token],
        pending: &mut Option<usize>,
        end: usize,
        hint: Hint,
        out: &mut Vec<Candidate>,
    ) {
        let Some(start) = pending.take() else { return };
        let mut end = end;
        while end > start && !is_capitalised(tokens[end - 1].text(text)) {
            end -= 1;
        }
        if end <= start {
            return;
        }
        let first = tokens[start].text(text);
        let common = self.kb.is_common_word(&first.to_lowercase()) && has_lowercase(first);
        let generic = lexicon::is_organization_tail(first) || lexicon::is_place_tail(first) || lexicon::is_title(first);
        if end - start == 1 && (common || generic || first.chars().count() < 2) {
            return;
        }
        out.push(Candidate::unknown(Span::new(tokens[start].start, tokens[end - 1].end), hint));
    }

    /// Whether a capitalised word first in a sentence may start a name.
    fn acceptable_initial(&self, word: &str, more_follow: bool, evidence: &Evidence) -> bool {
        let lower = lowercase(word);
        if self.kb.is_common_word(&lower) || evidence.lower.contains(lower.as_ref()) {
            return false;
        }
        more_follow || evidence.trusted.contains(word)
    }

    /// The longest knowledge-base name starting at `tokens[start]`: end token, end byte and entry.
    fn longest_match(
        &self,
        text: &str,
        tokens: &[Token],
        start: usize,
        headline: bool,
    ) -> Option<(usize, usize, NameEntry)> {
        let last = tokens.len().min(start + MAX_NAME_TOKENS);
        let bound = self.kb.name_end_bound(text, tokens, start, last);
        for end in (start + 1..=last.min(bound + 1)).rev() {
            let final_word = tokens[end - 1].text(text);
            if !is_capitalised(final_word) {
                continue;
            }
            let mut end_byte = tokens[end - 1].end;
            // Past the bound, only a name with a glued word cut off its last word can match.
            let mut found = if end <= bound { self.lookup(text, tokens, start, end_byte) } else { None };
            if found.is_none() && end - start >= 2 {
                if let Some(glued) =
                    GLUED_WORDS.iter().find(|g| final_word.len() > g.len() + 2 && final_word.ends_with(*g))
                {
                    end_byte -= glued.len();
                    found = self.lookup(text, tokens, start, end_byte);
                }
            }
            let Some(entry) = found else { continue };
            let surface = &text[tokens[start].start..end_byte];
            if entry.acronym && has_lowercase(surface) {
                continue;
            }
            let single_common = end == start + 1 && self.kb.is_common_word(&surface.to_lowercase());
            if single_common && has_lowercase(surface) && (tokens[start].initial || headline) {
                continue;
            }
            return Some((end, end_byte, entry));
        }
        None
    }

    fn lookup(&self, text: &str, tokens: &[Token], start: usize, end_byte: usize) -> Option<NameEntry> {
        text.get(tokens[start].start..end_byte).and_then(|surface| self.kb.lookup(&key(surface)))
    }

    /// "the Turkish president", "Syria's president": a country or nationality followed by an office and no name
    /// names the office holder on `dct`.
    fn resolve_offices(&self, text: &str, line: &Line, candidates: &mut [Candidate], dct: Option<Date>) {
        for candidate in candidates.iter_mut() {
            let Some(entity) = candidate.entity.map(|e| self.kb.entity(e)) else { continue };
            let Some(country) = entity
                .country
                .as_deref()
                .filter(|_| matches!(entity.kind, EntityKind::Group) || entity.id.starts_with("iso:"))
            else {
                continue;
            };
            let Some(following) = following_words(text, line, candidate.span.end) else { continue };
            for office in lexicon::OFFICES {
                let words: Vec<&str> = office.split(' ').collect();
                let said = following.len() >= words.len()
                    && words.iter().zip(following).all(|(w, t)| t.text(text).eq_ignore_ascii_case(w));
                if !said {
                    continue;
                }
                let named = following.get(words.len()).is_some_and(|t| t.joined && is_capitalised(t.text(text)));
                if let Some(holder) = self.kb.office_holder(country, office, dct).filter(|_| !named) {
                    let end = following[words.len() - 1].end;
                    *candidate = Candidate::known(Span::new(candidate.span.start, end), holder, Hint::Title);
                }
                break;
            }
        }
    }
}

/// The words of `line` after byte `end`, when only a possessive and spaces come between.
fn following_words<'a>(text: &str, line: &'a Line, end: usize) -> Option<&'a [Token]> {
    let next = line.tokens.partition_point(|t| t.start < end);
    let gap = text.get(end..line.tokens.get(next)?.start)?;
    let gap = gap.trim_start_matches(['\'', '’']).trim_start_matches('s');
    gap.chars().all(|c| c == ' ').then(|| &line.tokens[next..])
}

/// The lines of every sentence (the whole text when there are none), with their words.
pub(crate) fn lines(text: &str, sentences: &[Span]) -> Vec<Line> {
    let whole = [Span::new(0, text.len())];
    let spans = if sentences.is_empty() { &whole[..] } else { sentences };
    let mut lines = Vec::new();
    for span in spans {
        if text.get(span.start..span.end).is_none() {
            continue;
        }
        let mut tokens: Vec<Token> = Vec::new();
        for token in tokenize(text, span.start, span.end) {
            let breaks = tokens.last().is_some_and(|p| text[p.end..token.start].contains('\n'));
            if breaks {
                lines.push(line(text, std::mem::take(&mut tokens)));
            }
            tokens.push(token);
        }
        if !tokens.is_empty() {
            lines.push(line(text, tokens));
        }
    }
    lines
}

/// A line is a headline when its long words are all capitalised (Title Case) or it is in capitals, and it does
/// not end like a sentence, with a full stop.
fn line(text: &str, tokens: Vec<Token>) -> Line {
    let long: Vec<&str> = tokens.iter().map(|t| t.text(text)).filter(|w| w.chars().count() >= 4).collect();
    let all_caps = tokens.len() >= 2 && tokens.iter().all(|t| !has_lowercase(t.text(text)));
    let title_case = long.len() >= 3 && long.iter().all(|w| is_capitalised(w));
    let rest = tokens.last().and_then(|t| text.get(t.end..)).unwrap_or("");
    let sentence = rest.trim_start_matches([' ', '"', '\'', '”', '’', ')']).starts_with('.');
    let casing = if all_caps {
        Casing::Capitals
    } else if title_case && !sentence {
        Casing::TitleCase
    } else {
        Casing::Text
    };
    Line { tokens, casing, headline: (all_caps || title_case) && !sentence }
}

fn evidence<'a>(text: &'a str, lines: &[Line]) -> Evidence<'a> {
    let mut evidence = Evidence::default();
    for line in lines {
        for (i, token) in line.tokens.iter().enumerate() {
            let word = token.text(text);
            let next = line.tokens.get(i + 1).filter(|n| n.joined).map(|n| n.text(text));
            if let Some(next) = next.filter(|n| is_capitalised(n) && is_capitalised(word) && !token.initial) {
                if !line.headline {
                    evidence.trusted_pairs.insert((word, next));
                }
            }
            if !is_capitalised(word) {
                if word.starts_with(char::is_lowercase) {
                    evidence.lower.insert(lowercase(word));
                }
            } else if !token.initial && !line.headline {
                evidence.trusted.insert(word);
            }
        }
    }
    evidence
}

/// Runs of words that can form names: capitalised words, joined by spaces or hyphens, with lower-case connectors
/// ("al", "bin", "of") between them. Returned as token index ranges.
fn runs(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_capitalised(tokens[i].text(text)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && tokens[end].joined {
            let word = tokens[end].text(text);
            if is_capitalised(word) {
                end += 1;
            } else if lexicon::is_connector(word)
                && tokens.get(end + 1).is_some_and(|n| n.joined && is_capitalised(n.text(text)))
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    runs
}
