//! Makes entity ids canonical across documents.

use std::collections::BTreeMap;

use chronicle_model::{EntityKind, Mention};

use crate::kb::KnowledgeBase;
use crate::normalize::{name_tokens, skeleton};

/// One entity as the documents name it.
struct Entity {
    kind: EntityKind,
    name: String,
    tokens: Vec<String>,
    mentions: usize,
    known: bool,
}

/// Disjoint sets over entity indices; a set holds at most one entity of the knowledge base.
struct Sets {
    parent: Vec<usize>,
    /// Per root: whether the set holds an entity of the knowledge base.
    known: Vec<bool>,
}

impl Sets {
    fn new(entities: &[Entity]) -> Self {
        Sets { parent: (0..entities.len()).collect(), known: entities.iter().map(|e| e.known).collect() }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of `a` and `b`, unless both hold an entity of the knowledge base.
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a == b || self.known[a] && self.known[b] {
            return;
        }
        let (root, child) = (a.min(b), a.max(b));
        self.parent[child] = root;
        self.known[root] |= self.known[child];
    }
}

/// Makes entity ids canonical across documents: merges non-KB entities whose names are variants of each other
/// (particles al-/al/el-, diacritics, transliteration), and surname-only entities into the unique full-name entity.
pub fn unify(documents: &mut [&mut Vec<Mention>]) {
    let kb = KnowledgeBase::shared();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for mention in documents.iter().flat_map(|d| d.iter()) {
        let index = *ids.entry(mention.id.clone()).or_insert_with(|| {
            entities.push(Entity {
                kind: mention.kind,
                name: mention.name.clone(),
                tokens: name_tokens(&mention.name),
                mentions: 0,
                known: kb.contains_id(&mention.id),
            });
            entities.len() - 1
        });
        entities[index].mentions += 1;
    }
    let mut sets = Sets::new(&entities);
    merge_variants(&entities, &mut sets);
    merge_surnames(&entities, &mut sets);

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..entities.len() {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    let index_ids: Vec<&String> = {
        let mut v: Vec<(&usize, &String)> = ids.iter().map(|(id, i)| (i, id)).collect();
        v.sort();
        v.into_iter().map(|(_, id)| id).collect()
    };
    let mut canonical: BTreeMap<String, (String, String, EntityKind)> = BTreeMap::new();
    for members in groups.values() {
        let Some(&chosen) = members.iter().max_by_key(|&&i| {
            let e = &entities[i];
            (e.known, e.kind == EntityKind::Person, e.tokens.len(), e.mentions, std::cmp::Reverse(index_ids[i]))
        }) else {
            continue;
        };
        let kind = if members.iter().any(|&i| entities[i].kind == EntityKind::Person) {
            EntityKind::Person
        } else {
            entities[chosen].kind
        };
        for &i in members {
            canonical.insert(index_ids[i].clone(), (index_ids[chosen].clone(), entities[chosen].name.clone(), kind));
        }
    }
    for mention in documents.iter_mut().flat_map(|d| d.iter_mut()) {
        if let Some((id, name, kind)) = canonical.get(&mention.id) {
            mention.id.clone_from(id);
            mention.name.clone_from(name);
            mention.kind = *kind;
        }
    }
}

/// Entities of one kind whose names spell the same words ("Dmitri Peskov", "Dmitry Peskov"): the same consonant
/// skeletons and at most two letters apart in each word ("Mohammed", "Muhammad"; not "Hassan", "Hussein"). A name
/// of one word must match exactly. Entities of the knowledge base never merge with each other.
fn merge_variants(entities: &[Entity], sets: &mut Sets) {
    let mut by_signature: BTreeMap<(EntityKind, Vec<String>), Vec<usize>> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        let signature =
            if e.tokens.len() == 1 { e.tokens.clone() } else { e.tokens.iter().map(|t| skeleton(t)).collect() };
        if !signature.is_empty() {
            by_signature.entry((e.kind, signature)).or_default().push(i);
        }
    }
    for members in by_signature.values() {
        for (n, &i) in members.iter().enumerate() {
            let close = members[..n]
                .iter()
                .copied()
                .find(|&j| entities[i].tokens.iter().zip(&entities[j].tokens).all(|(a, b)| edit_distance(a, b) <= 2));
            if let Some(j) = close {
                sets.join(i, j);
            }
        }
    }
}

/// Levenshtein distance between two short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// A one-word person (or unclassified) entity outside the knowledge base is the person whose full name ends
/// with it, when exactly one such person is named.
fn merge_surnames(entities: &[Entity], sets: &mut Sets) {
    let mut full_names: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Person && e.tokens.len() >= 2 {
            if let Some(last) = e.tokens.last() {
                full_names.entry(last.as_str()).or_default().push(i);
            }
        }
    }
    for (i, e) in entities.iter().enumerate() {
        let single = e.tokens.len() == 1 && matches!(e.kind, EntityKind::Person | EntityKind::Other);
        if !single || e.known {
            continue;
        }
        let Some(people) = e.tokens.first().and_then(|t| full_names.get(t.as_str())) else { continue };
        let mut roots: Vec<usize> = people.iter().map(|&p| sets.root(p)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [person] = roots[..] {
            sets.join(i, person);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::Span;

    fn mention(id: &str, name: &str, kind: EntityKind) -> Mention {
        Mention { span: Span::new(0, name.len()), kind, id: id.to_string(), name: name.to_string() }
    }

    fn ids(documents: &[Vec<Mention>]) -> Vec<Vec<String>> {
        documents.iter().map(|d| d.iter().map(|m| m.id.clone()).collect()).collect()
    }

    #[test]
    fn merges_transliterations_and_surnames_into_one_entity() {
        let mut a = vec![mention("chr:dmitri-karamazov", "Dmitri Karamazov", EntityKind::Person)];
        let mut b = vec![
            mention("chr:dmitry-karamazov", "Dmitry Karamazov", EntityKind::Person),
            mention("chr:dmitry-karamazov", "Dmitry Karamazov", EntityKind::Person),
        ];
        let mut c = vec![mention("chr:karamazov", "Karamazov", EntityKind::Other)];
        unify(&mut [&mut a, &mut b, &mut c]);
        let all: Vec<&Mention> = a.iter().chain(&b).chain(&c).collect();
        assert!(all.iter().all(|m| m.id == "chr:dmitry-karamazov" && m.name == "Dmitry Karamazov"));
        assert!(all.iter().all(|m| m.kind == EntityKind::Person));
    }

    #[test]
    fn unknown_variants_join_the_knowledge_base_entity() {
        let mut a = vec![mention("chr:bashar-assad", "Bashar al-Assad", EntityKind::Person)];
        let mut b = vec![mention("chr:basher-assad", "Basher Assad", EntityKind::Person)];
        unify(&mut [&mut a, &mut b]);
        assert_eq!(b[0].id, "chr:bashar-assad");
        assert_eq!(b[0].name, "Bashar al-Assad");
    }

    #[test]
    fn different_names_with_one_skeleton_stay_apart() {
        let mut a = vec![mention("chr:ali-hassan", "Ali Hassan", EntityKind::Person)];
        let mut b = vec![mention("chr:ali-hussein", "Ali Hussein", EntityKind::Person)];
        unify(&mut [&mut a, &mut b]);
        assert_eq!(ids(&[a, b]), [vec!["chr:ali-hassan"], vec!["chr:ali-hussein"]]);
        assert_eq!(edit_distance("mohammed", "muhammad"), 2);
    }

    #[test]
    fn keeps_apart_what_is_ambiguous_or_known() {
        let mut a = vec![
            mention("chr:anna-varga", "Anna Varga", EntityKind::Person),
            mention("chr:peter-varga", "Peter Varga", EntityKind::Person),
        ];
        let mut b =
            vec![mention("chr:varga", "Varga", EntityKind::Person), mention("iso:TR", "Turkey", EntityKind::Place)];
        let mut c = vec![mention("iso:TM", "Turkmenistan", EntityKind::Place)];
        unify(&mut [&mut a, &mut b, &mut c]);
        assert_eq!(
            ids(&[a, b, c]),
            [vec!["chr:anna-varga", "chr:peter-varga"], vec!["chr:varga", "iso:TR"], vec!["iso:TM"]]
        );
    }
}
