//! The knowledge base shipped in `data/kb/`: entities with their names, dated offices and word lists.

use std::sync::OnceLock;

use chronicle_model::{Date, EntityKind};

use crate::fasthash::{FastHashMap, FastHashSet};
use crate::lexicon;
use crate::normalize::{key, PARTICLES};
use crate::tokens::Token;

const ENTITIES: &str = include_str!("../../../data/kb/entities.tsv");
const OFFICES: &str = include_str!("../../../data/kb/offices.tsv");
const FIRST_NAMES: &str = include_str!("../../../data/kb/first_names.txt");
const COMMON_WORDS: &str = include_str!("../../../data/kb/common_words.txt");

/// Names longer than this many tokens are not looked up.
pub const MAX_NAME_TOKENS: usize = 8;

/// One entity of the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEntity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// ISO 3166 alpha-2 code of the entity's country (of a person, a place, a group or an organisation).
    pub country: Option<String>,
    /// Dated roles (offices, government posts): from, to; `None` on an open side.
    roles: Vec<(Option<Date>, Option<Date>)>,
}

/// A name of an entity, as the lookup table holds it.
#[derive(Debug, Clone, Copy)]
pub struct NameEntry {
    pub entity: u32,
    /// Written in capitals only ("US", "WHO"): matches only text without lower-case letters.
    pub acronym: bool,
}

/// A dated office and its holder.
#[derive(Debug, Clone)]
struct Office {
    country: String,
    office: String,
    entity: u32,
    from: Date,
    to: Option<Date>,
}

/// The loaded knowledge base.
#[derive(Debug)]
pub struct KnowledgeBase {
    entities: Vec<KbEntity>,
    names: FastHashMap<String, NameEntry>,
    ids: FastHashMap<String, u32>,
    offices: Vec<Office>,
    first_names: FastHashSet<String>,
    common_words: FastHashSet<String>,
    /// Every word of every name's lookup key.
    name_words: FastHashSet<String>,
    /// The word list of a lower-case word, the first of titles, organisation words, place words, calendar words,
    /// first names and common words (1 to 6).
    word_lists: FastHashMap<String, u8>,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Roles written `country/sector/from/to`, comma-separated; undated ones are left out.
fn parse_roles(field: &str) -> Vec<(Option<Date>, Option<Date>)> {
    field
        .split(',')
        .filter_map(|role| {
            let mut parts = role.split('/').skip(2);
            let from = parts.next()?.parse::<Date>().ok();
            let to = parts.next()?.parse::<Date>().ok();
            (from.is_some() || to.is_some()).then_some((from, to))
        })
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (1..=6).contains(&letters) && !name.chars().any(char::is_lowercase)
}

impl KnowledgeBase {
    /// The knowledge base of this process, loaded on first use.
    pub fn shared() -> &'static KnowledgeBase {
        static SHARED: OnceLock<KnowledgeBase> = OnceLock::new();
        SHARED.get_or_init(KnowledgeBase::load)
    }

    /// Parses the embedded data files. Earlier entities win names they share with later ones.
    fn load() -> Self {
        let mut kb = KnowledgeBase {
            entities: Vec::new(),
            names: FastHashMap::default(),
            ids: FastHashMap::default(),
            offices: Vec::new(),
            first_names: data_lines(FIRST_NAMES).map(str::to_lowercase).collect(),
            common_words: data_lines(COMMON_WORDS).map(str::to_lowercase).collect(),
            name_words: FastHashSet::default(),
            word_lists: FastHashMap::default(),
        };
        let first_names = kb.first_names.iter().map(|w| (5, w.clone()));
        let common_words = kb.common_words.iter().map(|w| (6, w.clone()));
        let listed = lexicon::listed_words().map(|(n, w)| (n, w.to_string())).chain(first_names).chain(common_words);
        let mut listed: Vec<(u8, String)> = listed.collect();
        listed.sort_unstable();
        for (number, word) in listed {
            kb.word_lists.entry(word).or_insert(number);
        }
        for line in data_lines(ENTITIES) {
            let cells: Vec<&str> = line.split('\t').collect();
            let (Some(id), Some(kind), Some(name)) =
                (cells.first(), cells.get(1).and_then(|k| EntityKind::parse(k)), cells.get(2))
            else {
                continue;
            };
            let index = kb.entities.len() as u32;
            let country = cells.get(3).filter(|c| **c != "-" && !c.is_empty()).map(|c| c.to_string());
            let roles = cells.get(5).map(|r| parse_roles(r)).unwrap_or_default();
            kb.entities.push(KbEntity { id: id.to_string(), kind, name: name.to_string(), country, roles });
            kb.ids.entry(id.to_string()).or_insert(index);
            let aliases = cells.get(4).map(|a| a.split('|')).into_iter().flatten();
            for alias in std::iter::once(*name).chain(aliases) {
                let name_key = key(alias);
                if !name_key.is_empty() {
                    kb.name_words.extend(name_key.split(' ').map(str::to_string));
                    kb.names.entry(name_key).or_insert(NameEntry { entity: index, acronym: is_acronym(alias) });
                }
            }
        }
        for line in data_lines(OFFICES) {
            let cells: Vec<&str> = line.split('\t').collect();
            let (Some(country), Some(office), Some(id), Some(from)) =
                (cells.first(), cells.get(1), cells.get(2), cells.get(3))
            else {
                continue;
            };
            let (Some(&entity), Ok(from)) = (kb.ids.get(*id), from.parse::<Date>()) else { continue };
            let to = cells.get(4).and_then(|t| t.parse::<Date>().ok());
            kb.offices.push(Office { country: country.to_string(), office: office.to_string(), entity, from, to });
        }
        kb
    }

    /// The entity named by a lookup key.
    pub fn lookup(&self, name_key: &str) -> Option<NameEntry> {
        self.names.get(name_key).copied()
    }

    /// How far a name that starts at `tokens[start]` may run, at most to `last`: up to the first ASCII word, set
    /// apart by separators, that no name's key contains (such a word would be a word of the name's key).
    pub fn name_end_bound(&self, text: &str, tokens: &[Token], start: usize, last: usize) -> usize {
        let separator = |c: char| c.is_ascii() && !c.is_ascii_alphanumeric() && c != '\'' && c != '.';
        let gap = |t: usize| text.get(tokens[t - 1].end..tokens[t].start).unwrap_or("");
        (start..last)
            .find(|&t| {
                let apart_before = t == start || gap(t).ends_with(separator);
                let apart_after = t + 1 == tokens.len() || gap(t + 1).starts_with(separator);
                apart_before && apart_after && self.foreign_word(tokens[t].text(text))
            })
            .unwrap_or(last)
    }

    /// Whether an ASCII word, as a name's key writes it, is a word of no name's key (particles aside).
    fn foreign_word(&self, word: &str) -> bool {
        let mut buffer = [0u8; 32];
        let mut length = 0;
        for b in word.bytes().filter(|&b| b != b'\'' && b != b'.') {
            let (Some(slot), true) = (buffer.get_mut(length), b.is_ascii_alphanumeric()) else { return false };
            *slot = b.to_ascii_lowercase();
            length += 1;
        }
        let word = std::str::from_utf8(&buffer[..length]).unwrap_or("");
        !word.is_empty() && !PARTICLES.contains(&word) && !self.name_words.contains(word)
    }

    pub fn entity(&self, index: u32) -> &KbEntity {
        &self.entities[index as usize]
    }

    /// The entity with this id.
    pub fn by_id(&self, id: &str) -> Option<&KbEntity> {
        self.ids.get(id).map(|&i| self.entity(i))
    }

    /// Whether `id` is an entity of the knowledge base.
    pub fn contains_id(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// Whether the entity held a dated role on `date`; without a date, whether a role it took up is still open
    /// (the knowledge base's roles end around 2015: an open-ended latest role counts as still held).
    pub fn holds_role(&self, index: u32, date: Option<Date>) -> bool {
        self.entity(index).roles.iter().any(|&(from, to)| match date {
            Some(d) => from.is_none_or(|f| f <= d) && to.is_none_or(|t| d < t),
            None => from.is_some() && to.is_none(),
        })
    }

    /// The first word list that holds a lower-case word (final dots aside): 1 titles, 2 organisation words, 3 place
    /// words, 4 days, months and time zones, 5 first names, 6 common words; 0 none.
    pub fn word_list(&self, word: &str) -> u8 {
        self.word_lists.get(word.trim_end_matches('.')).copied().unwrap_or(0)
    }

    /// Whether a lower-case word is a known first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Whether a lower-case word is a common English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains(word)
    }

    /// Who held `office` of `country` on `date`; with several holders (or no date), the latest to take it up.
    pub fn office_holder(&self, country: &str, office: &str, date: Option<Date>) -> Option<u32> {
        self.offices
            .iter()
            .filter(|o| o.country == country && o.office == office)
            .filter(|o| date.is_none_or(|d| o.from <= d && o.to.is_none_or(|t| d < t)))
            .max_by_key(|o| o.from)
            .map(|o| o.entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_countries_people_places_and_offices() {
        let kb = KnowledgeBase::shared();
        let find = |name: &str| kb.lookup(&key(name)).map(|e| kb.entity(e.entity).clone());
        assert_eq!(find("Türkiye").map(|e| e.id), Some("iso:TR".to_string()));
        assert_eq!(find("Turkey").map(|e| e.id), Some("iso:TR".to_string()));
        assert_eq!(find("Russian Federation").map(|e| e.id), Some("iso:RU".to_string()));
        assert_eq!(find("Moscow").map(|e| (e.id, e.kind)), Some(("geo:524901".to_string(), EntityKind::Place)));
        assert_eq!(find("Bashar al Assad").map(|e| e.name), Some("Bashar al-Assad".to_string()));
        assert_eq!(find("Kremlin").map(|e| (e.id, e.country)), Some(("chr:kremlin".into(), Some("RU".into()))));
        assert!(kb.lookup("us").is_some_and(|e| e.acronym));
        let on = |d: &str| d.parse::<Date>().ok();
        let holder = |country: &str, date: Option<Date>| {
            kb.office_holder(country, "president", date).map(|e| kb.entity(e).name.clone())
        };
        assert_eq!(holder("TR", on("2023-03-15")).as_deref(), Some("Recep Tayyip Erdogan"));
        assert_eq!(holder("TR", on("2010-01-01")).as_deref(), Some("Abdullah Gul"));
        assert_eq!(holder("SY", on("2023-03-15")).as_deref(), Some("Bashar al-Assad"));
        assert_eq!(holder("SY", on("1990-01-01")).as_deref(), Some("Hafez al-Assad"));
        assert_eq!(holder("US", None).as_deref(), Some("Donald Trump"));
        assert!(kb.is_first_name("vladimir"));
        let ford = kb.lookup("ford").map(|e| e.entity);
        assert!(ford.is_some_and(|f| !kb.holds_role(f, on("2023-03-15")) && kb.holds_role(f, on("1975-01-01"))));
        let putin = kb.lookup("putin").map(|e| e.entity);
        assert!(putin.is_some_and(|p| kb.holds_role(p, on("2023-03-15")) && kb.holds_role(p, None)));
        assert!(kb.is_common_word("the"));
        assert_eq!((kb.word_list("president"), kb.word_list("vladimir"), kb.word_list("zzyzx")), (1, 5, 0));
    }

    #[test]
    fn names_do_not_run_past_words_no_name_has() {
        let kb = KnowledgeBase::shared();
        let text = "Bashar al-Assad qxqv Qwzxv Putin, Zqzqx's Syria, Zqzqx-Bank";
        let tokens = crate::tokens::tokenize(text, 0, text.len());
        let bound = |start: usize| kb.name_end_bound(text, &tokens, start, tokens.len());
        assert_eq!(bound(0), 3, "'qxqv' is in no name; the particle 'al' is in any");
        assert_eq!(bound(4), 4, "'Qwzxv' is in no name");
        assert_eq!(bound(5), 8, "the first 'Zqzqx' is joined to its possessive, the second stands apart");
    }
}
