//! Closed word lists of English news writing: titles, organisation and place words, connectors.

use std::sync::LazyLock;

use crate::fasthash::FastHashSet;

/// A set of lower-case ASCII words given as one whitespace-separated list, and the length of its longest word.
struct Words(LazyLock<(FastHashSet<&'static str>, usize)>);

macro_rules! words {
    ($list:expr) => {
        Words(LazyLock::new(|| {
            let words: FastHashSet<&str> = $list.split_whitespace().collect();
            let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
            (words, longest)
        }))
    };
}

/// Longer than every word of the lists.
const LONGEST: usize = 24;

impl Words {
    /// Whether `word`, lower-cased and without a final dot, is in the list.
    fn contains(&self, word: &str) -> bool {
        let (words, longest) = &*self.0;
        let word = word.trim_end_matches('.');
        if !word.is_ascii() {
            return if word.chars().any(char::is_uppercase) {
                words.contains(word.to_lowercase().as_str())
            } else {
                words.contains(word)
            };
        }
        let mut buffer = [0u8; LONGEST];
        let Some(lower) = buffer.get_mut(..word.len()).filter(|l| l.len() <= *longest) else { return false };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| words.contains(w))
    }
}

static TITLES: Words = words!(
    "president mr mrs ms miss dr prof professor sir dame lord lady king queen prince princess emir sheikh sheik
     sultan pope cardinal bishop rabbi imam ayatollah minister premier chancellor senator sen rep representative
     congressman congresswoman governor gov mayor judge justice general gen lt col colonel major maj capt captain
     commander admiral adm sgt sergeant officer secretary ambassador spokesman spokeswoman spokesperson chairman
     chairwoman chair ceo cfo chief director leader speaker deputy vice prime foreign defense defence interior
     finance economy envoy coach saint st father brother sister agent detective inspector crown supreme former
     acting dear undersecretary sheriff marshal marshall trooper superintendent commissioner chancellor pastor
     reverend rev president-elect"
);

static ORGANIZATION_TAILS: Words = words!(
    "ministry party agency council news corp corporation inc ltd plc llc co company group bank university college
     school institute association committee commission federation foundation union court army police forces front
     league movement organization organisation department office authority board bureau service services times
     post journal herald tribune gazette press television tv radio network airlines airways motors industries
     holdings systems technologies labs fund trust club brigade brigades guard assembly parliament senate congress
     cabinet government exchange reserve hospital church administration commission"
);

static ORGANIZATION_HEADS: Words = words!(
    "ministry university bank department office council committee court federation institute league party union
     church commission agency association board"
);

static PLACE_TAILS: Words = words!(
    "ocean sea river lake mountains mountain hills island islands valley bay strait straits peninsula desert coast
     canal province county governorate district region street avenue road square airport bridge heights plain basin
     gulf"
);

static PLACE_HEADS: Words = words!("lake mount gulf cape port fort isle strait");

static CONNECTORS: Words =
    words!("al el bin ibn bint abu da de del della di du dos das van von der den la le ben of for and the y");

static CALENDAR: Words = words!(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august
     september october november december utc gmt est edt cet cest pst pdt bst"
);

/// The words of the title, organisation-word, place-word and calendar lists, each with its list's number (1 to 4).
pub fn listed_words() -> impl Iterator<Item = (u8, &'static str)> {
    let lists = [&TITLES, &ORGANIZATION_TAILS, &PLACE_TAILS, &CALENDAR];
    lists.into_iter().zip(1..).flat_map(|(list, number)| list.0 .0.iter().map(move |w| (number, *w)))
}

/// Words that introduce a person's name and are not part of it ("President", "Mr.", "Foreign Minister").
pub fn is_title(word: &str) -> bool {
    TITLES.contains(word)
}

/// Last words that make an unknown name an organisation ("Defence Ministry", "Baath Party", "BTN News").
pub fn is_organization_tail(word: &str) -> bool {
    ORGANIZATION_TAILS.contains(word)
}

/// Whether a word ends like a surname of many languages ("Mammedov", "Kowalski", "Davutoglu", "Petrescu").
pub fn has_surname_ending(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ov", "ova", "ev", "eva", "sky", "ski", "ska", "enko", "yan", "ian", "oglu", "escu", "vich", "vic", "wicz",
        "stein", "berg", "sson", "poulos", "shvili", "dze", "uk", "chuk",
    ];
    let word = word.to_lowercase();
    word.chars().count() > 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// First words that make an unknown name an organisation ("Ministry of Defence", "University of Chicago").
pub fn is_organization_head(word: &str) -> bool {
    ORGANIZATION_HEADS.contains(word)
}

/// Last words that make an unknown name a place ("Atlantic Ocean", "Idlib Province").
pub fn is_place_tail(word: &str) -> bool {
    PLACE_TAILS.contains(word)
}

/// First words that make an unknown name a place ("Lake Chad", "Mount Hermon", "Gulf of Aden").
pub fn is_place_head(word: &str) -> bool {
    PLACE_HEADS.contains(word)
}

/// Lower-case words that may join the capitalised words of one name ("al", "bin", "de", "of").
pub fn is_connector(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && CONNECTORS.contains(word)
}

/// Connectors that join two names rather than make one ("Russia and Turkey").
pub fn is_conjunction(word: &str) -> bool {
    matches!(word, "and" | "y")
}

/// Lower-case words after which an unknown name is a place ("in Idlib", "near Aleppo").
pub fn is_place_preposition(word: &str) -> bool {
    matches!(word, "in" | "near" | "outside")
}

/// Names of days and months and time zones: capitalised, but times rather than names.
pub fn is_calendar_word(word: &str) -> bool {
    CALENDAR.contains(word)
}

/// Articles and determiners that start a sentence but never a name.
pub fn is_determiner(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "a" | "an" | "this" | "that" | "these" | "those")
}

/// Offices whose holder a phrase like "the Turkish president" names, as written in the KB's offices file.
pub const OFFICES: &[&str] = &[
    "president",
    "prime minister",
    "foreign minister",
    "secretary of state",
    "supreme leader",
    "crown prince",
    "chancellor",
    "king",
    "emir",
    "leader",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_ignore_case_and_final_dots() {
        assert!(is_title("President") && is_title("Mr.") && is_title("mr") && !is_title("Putin"));
        assert!(is_organization_tail("Ministry") && !is_organization_tail("Moscow"));
        assert!(is_calendar_word("GMT") && is_calendar_word("Wednesday") && !is_calendar_word("May"));
        assert!(is_connector("al") && !is_connector("Al") && !is_connector("Assad"));
        assert!(is_title("President-Elect") && is_title("UNDERSECRETARY") && !is_title("Präsident"));
        let lists =
            [&TITLES, &ORGANIZATION_TAILS, &ORGANIZATION_HEADS, &PLACE_TAILS, &PLACE_HEADS, &CONNECTORS, &CALENDAR];
        assert!(lists.iter().flat_map(|l| l.0 .0.iter()).all(|w| w.is_ascii() && w.len() < LONGEST));
    }
}
