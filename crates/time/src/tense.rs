//! The tense of the clause around a time expression, from the nearest cue word.

use crate::lang::{Index, Tense};
use crate::token::{Kind, Token};

/// The tense of the verb group nearest before tokens `first..end`, else of the nearest after them. A verb group is
/// a run of cue words: any future cue makes it future ("has been scheduled", "will be delayed"), else any past cue
/// makes it past ("has announced"), else it is present ("has"). A clause without cues may still be a headline's
/// future; an expression right after a deadline preposition ("until Friday") is to come, and one right after an
/// open deadline preposition ("by Friday") too unless the clause is in the past ("had been infected by Friday").
/// Cue words at the tokens `inside` marks are skipped: "next" in "the next night" tells of the story's days, not
/// of the clause's tense.
pub fn tense_around(
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    index: &Index,
    inside: impl Fn(usize) -> bool,
) -> Option<Tense> {
    let before = first.checked_sub(1).and_then(|i| toks.get(i)).map_or("", |t| &text[t.start..t.end]);
    let listed = |words: &[&str]| words.iter().any(|d| d.eq_ignore_ascii_case(before));
    if listed(index.lexicon.deadlines) {
        return Some(Tense::Future);
    }
    let tense = cued_tense(text, toks, first, end, index, inside);
    if listed(index.lexicon.open_deadlines) && tense != Some(Tense::Past) {
        return Some(Tense::Future);
    }
    tense
}

/// The tense of the nearest verb group (see [`tense_around`]), or the headline future.
fn cued_tense(
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    index: &Index,
    inside: impl Fn(usize) -> bool,
) -> Option<Tense> {
    // A word glued to a number ("11am", "2nd") is no verb.
    let glued_to_number = |i: usize| {
        i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| matches!(p.kind, Kind::Number(..)) && p.end == toks[i].start)
    };
    let word = |i: usize| match toks.get(i)? {
        t if matches!(t.kind, Kind::Word(_)) && !glued_to_number(i) => Some(&text[t.start..t.end]),
        _ => None,
    };
    let cue = |i: usize| index.cue(word(i).filter(|_| !inside(i))?, i.checked_sub(1).and_then(word));
    let nearest = (0..first.min(toks.len()))
        .rev()
        .find(|&i| cue(i).is_some())
        .or_else(|| (end..toks.len()).find(|&i| cue(i).is_some()));
    let Some(nearest) = nearest else { return headline_future(text, toks, index) };
    let group_start = (0..nearest).rev().take_while(|&i| cue(i).is_some()).last().unwrap_or(nearest);
    let group = || (group_start..toks.len()).map_while(cue);
    [Tense::Future, Tense::Past, Tense::Present].into_iter().find(|t| group().any(|g| g == *t))
}

/// `Some(Future)` when the clause has an infinitive before a lower-case word, as headlines state plans.
fn headline_future(text: &str, toks: &[Token], index: &Index) -> Option<Tense> {
    let word = |t: &Token| matches!(t.kind, Kind::Word(_)).then(|| &text[t.start..t.end]);
    let plans = toks.windows(2).any(|w| {
        word(&w[0]).is_some_and(|s| s.eq_ignore_ascii_case(index.lexicon.infinitive))
            && word(&w[1]).is_some_and(|s| s.chars().next().is_some_and(char::is_lowercase))
    });
    plans.then_some(Tense::Future)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn tense_of(text: &str, word: &str) -> Option<Tense> {
        let index = Index::english();
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), index, &mut toks);
        let at = toks.iter().position(|t| &text[t.start..t.end] == word).expect("word in text");
        tense_around(text, &toks, at, at + 1, index, |_| false)
    }

    #[test]
    fn nearest_cue_decides() {
        let s = "The Kremlin said on Tuesday that Putin will hold talks with Assad on Wednesday.";
        assert_eq!(tense_of(s, "Tuesday"), Some(Tense::Past));
        assert_eq!(tense_of(s, "Wednesday"), Some(Tense::Future));
        assert_eq!(tense_of("On Friday, Assad arrived in Moscow.", "Friday"), Some(Tense::Past));
        assert_eq!(tense_of("Talks in Moscow on Friday", "Friday"), None);
        assert_eq!(tense_of("Putin to hold talks with Assad on Wednesday", "Wednesday"), Some(Tense::Future));
        assert_eq!(tense_of("Markets stayed closed until Friday.", "Friday"), Some(Tense::Future));
        assert_eq!(tense_of("The trial is set to begin on Wednesday.", "Wednesday"), Some(Tense::Future));
        assert_eq!(tense_of("Flights were cancelled due to a storm on Monday.", "Monday"), Some(Tense::Past));
        assert_eq!(tense_of("A June hearing has been scheduled.", "June"), Some(Tense::Future));
        assert_eq!(tense_of("Delivery will be delayed until October.", "October"), Some(Tense::Future));
        assert_eq!(tense_of("A bid was made after 11am on Friday.", "Friday"), Some(Tense::Past));
    }
}
