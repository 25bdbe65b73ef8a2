//! The tagger's weights laid out for lookup speed: tagging reads the rows of some thirty features a word, mostly
//! from memory, so the table is open-addressed with a feature's key and row in one aligned entry, two entries to a
//! cache line, and a lookup reads one cache line without a branch on what it reads in the common case.

/// The weights of one feature, one per tag, quantised to 16 bits under the tagger's scale.
pub type Row<const TAGS: usize> = [i16; TAGS];

/// A feature (0 marks an empty slot) and its row, aligned so that one entry never straddles two cache lines.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(32))]
struct Entry<const TAGS: usize> {
    feature: u32,
    row: Row<TAGS>,
}

impl<const TAGS: usize> Default for Entry<TAGS> {
    fn default() -> Self {
        Entry { feature: 0, row: [0; TAGS] }
    }
}

/// Two entries in one cache line: a feature's first two slots are read together.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket<const TAGS: usize>([Entry<TAGS>; 2]);

/// The first slot of a feature: the first of the bucket its hash picks among `buckets` (a power of two).
fn first_slot(feature: u32, buckets: usize) -> usize {
    2 * ((feature.wrapping_mul(0x9e37_79b1) as usize) & (buckets - 1))
}

/// Feature → weights. A feature's entry is in the first free slot from the one its hash picks, on without
/// wrapping around (the table grows past its buckets as far as it needs); the last bucket holds an empty entry
/// that stands for every absent feature and the entry of feature 0.
#[derive(Debug)]
pub struct Table<const TAGS: usize> {
    buckets: Vec<Bucket<TAGS>>,
    /// The number of buckets a hash picks from, a power of two.
    picked: usize,
}

impl<const TAGS: usize> Table<TAGS> {
    /// The table of `rows`, which are sorted by feature.
    pub fn new(rows: &[(u32, Row<TAGS>)]) -> Self {
        let picked = ((rows.len() + rows.len() / 2) / 2 + 1).next_power_of_two();
        let mut buckets = vec![Bucket::default(); picked];
        let mut zero = Entry::default();
        for &(feature, row) in rows {
            if feature == 0 {
                zero.row = row;
                continue;
            }
            let mut slot = first_slot(feature, picked);
            loop {
                if slot / 2 == buckets.len() {
                    buckets.push(Bucket::default());
                }
                let entry = &mut buckets[slot / 2].0[slot % 2];
                if entry.feature == 0 {
                    *entry = Entry { feature, row };
                    break;
                }
                slot += 1;
            }
        }
        buckets.push(Bucket([Entry::default(), zero]));
        Table { buckets, picked }
    }

    fn entry(&self, slot: usize) -> &Entry<TAGS> {
        &self.buckets[slot / 2].0[slot % 2]
    }

    /// The entry of a feature (the empty one when it is absent). The bucket's two slots are checked without a
    /// branch on what they hold; probing further is rare.
    pub fn index(&self, feature: u32) -> usize {
        let (absent, zero) = (2 * self.buckets.len() - 2, 2 * self.buckets.len() - 1);
        if feature == 0 {
            return zero;
        }
        let slot = first_slot(feature, self.picked);
        let [a, b] = self.buckets[slot / 2].0.map(|e| e.feature);
        let found = if a == feature {
            slot
        } else if b == feature {
            slot + 1
        } else {
            absent
        };
        if (found == absent) & (a != 0) & (b != 0) {
            let next = (slot + 2..absent).find(|&s| self.entry(s).feature == 0 || self.entry(s).feature == feature);
            return next.filter(|&s| self.entry(s).feature == feature).unwrap_or(absent);
        }
        found
    }

    /// Adds the weights of entry `index` to `scores`.
    pub fn add(&self, index: usize, scores: &mut [i32; TAGS]) {
        if let Some(bucket) = self.buckets.get(index / 2) {
            for (s, &w) in scores.iter_mut().zip(&bucket.0[index % 2].row) {
                *s += i32::from(w);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_feature_and_nothing_else() {
        // Six rows make a table of 8 buckets; five features that all pick its last bucket run past its end.
        let last = |f: &u32| first_slot(*f, 8) == 14;
        let colliding: Vec<u32> = (1..u32::MAX).filter(last).take(5).collect();
        let mut rows: Vec<(u32, Row<3>)> = colliding.iter().map(|&f| (f, [f as i16, -1, 2])).collect();
        rows.push((0, [7, 7, 7]));
        rows.sort_unstable();
        let table = Table::new(&rows);
        let weights = |table: &Table<3>, feature: u32| {
            let mut scores = [0; 3];
            table.add(table.index(feature), &mut scores);
            scores
        };
        for &(feature, row) in &rows {
            assert_eq!(weights(&table, feature), row.map(i32::from), "feature {feature}");
        }
        let absent = (1..u32::MAX).filter(last).nth(5).unwrap_or(1);
        assert_eq!(weights(&table, absent), [0, 0, 0]);
        assert_eq!(weights(&table, 12345), [0, 0, 0]);
        let empty = Table::<3>::new(&[]);
        assert_eq!(weights(&empty, 0), [0, 0, 0]);
        assert_eq!(weights(&empty, absent), [0, 0, 0]);
    }
}
