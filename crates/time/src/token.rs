//! Splits a sentence into word, number and punctuation tokens, each classified once.

use crate::lang::{Index, Word};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A run of letters, with its role in time expressions if it has one.
    Word(Option<Word>),
    /// A run of ASCII digits: its value (saturating) and its number of digits.
    Number(u32, u8),
    /// Any other non-space character.
    Punct(char),
}

/// A token: a byte range into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Tokenises `text[start..end]` into `out` (cleared first). Offsets are into `text`.
pub fn tokenize(text: &str, start: usize, end: usize, index: &Index, out: &mut Vec<Token>) {
    out.clear();
    let Some(segment) = text.get(start..end) else { return };
    let mut chars = segment.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let from = start + i;
        if c.is_alphabetic() {
            let mut to = from + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                to = start + j + d.len_utf8();
                chars.next();
            }
            out.push(Token { start: from, end: to, kind: Kind::Word(index.lookup(&text[from..to])) });
        } else if c.is_ascii_digit() {
            let mut value = c as u32 - '0' as u32;
            let mut digits = 1u8;
            let mut to = from + 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                value = value.saturating_mul(10).saturating_add(d as u32 - '0' as u32);
                digits = digits.saturating_add(1);
                to = start + j + 1;
                chars.next();
            }
            out.push(Token { start: from, end: to, kind: Kind::Number(value, digits) });
        } else if !c.is_whitespace() {
            out.push(Token { start: from, end: from + c.len_utf8(), kind: Kind::Punct(c) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let text = "On 15 March, 2023’s mid-2020 17:00 Türkiye";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), Index::english(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["On", "15", "March", ",", "2023", "’", "s", "mid", "-", "2020", "17", ":", "00", "Türkiye"]);
        assert_eq!(toks[1].kind, Kind::Number(15, 2));
        assert_eq!(toks[2].kind, Kind::Word(Some(Word::AmbiguousMonth(3))));
        assert_eq!(toks[13].kind, Kind::Word(None));
    }
}
