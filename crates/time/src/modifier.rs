//! The TIMEX3 `mod` of an expression: the part of a period ("late December" → `END`) or the bound of a quantity
//! ("about three hours" → `APPROX`, "more than two years" → `MORE_THAN`) that its opening words give.

use crate::lang::{Index, Word};
use crate::token::{Kind, Token};

/// The `mod` given by the first of `toks` (an expression's tokens) that the lexicon lists, looking past "the", "very"
/// and a leading preposition ("at least").
pub fn modifier(text: &str, toks: &[Token], index: &Index) -> Option<&'static str> {
    for t in toks {
        if let Some(m) = index.modifier(&text[t.start..t.end]) {
            return Some(m);
        }
        if !matches!(t.kind, Kind::Word(Some(Word::The | Word::YearPreposition | Word::Intensifier))) {
            return None;
        }
    }
    None
}
