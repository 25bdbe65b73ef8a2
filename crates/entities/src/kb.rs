//! The knowledge base shipped in `data/kb/`: entities with their names, dated offices and word lists.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chronicle_model::{Date, EntityKind};

use crate::normalize::key;

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
    names: HashMap<String, NameEntry>,
    ids: HashMap<String, u32>,
    offices: Vec<Office>,
    first_names: HashSet<String>,
    common_words: HashSet<String>,
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
            names: HashMap::new(),
            ids: HashMap::new(),
            offices: Vec::new(),
            first_names: data_lines(FIRST_NAMES).map(str::to_lowercase).collect(),
            common_words: data_lines(COMMON_WORDS).map(str::to_lowercase).collect(),
        };
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
    }
}
