//! Word tokens of a sentence, with what separates each from the one before.

/// A word: letters and digits, with inner apostrophes ("O'Brien") and the dots of initialisms ("U.S.").
/// A possessive "'s" is not part of the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// First word of a sentence, a line or a quotation: its capital says nothing about it being a name.
    pub initial: bool,
    /// Only spaces or a single hyphen separate it from the previous word, so both can belong to one name.
    pub joined: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What follows the apostrophe of a possessive or a contraction ("Assad's", "I'm", "don't").
const CLITICS: [&str; 7] = ["s", "m", "re", "ve", "ll", "d", "t"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The end of the word that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut segment = 0;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() {
            segment += 1;
            end = start + offset + c.len_utf8();
        } else if is_apostrophe(c) && next.is_some_and(char::is_alphanumeric) && segment > 0 {
            let rest = &text[start + offset + c.len_utf8()..];
            let suffix_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
            if CLITICS.contains(&rest[..suffix_len].to_lowercase().as_str()) {
                break;
            }
            segment = 0;
        } else if c == '.' && segment == 1 && text[start..start + offset].chars().all(|c| c.is_uppercase() || c == '.')
        {
            // An initialism: "U.S.", "U.N.".
            end = start + offset + 1;
            segment = 0;
            if !next.is_some_and(char::is_alphabetic) {
                break;
            }
        } else {
            break;
        }
    }
    end
}

/// The length of a possessive "'s" at the start of `rest`, else 0.
fn possessive_len(rest: &str) -> usize {
    let mut chars = rest.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(a), Some('s' | 'S'), next) if is_apostrophe(a) && !next.is_some_and(char::is_alphanumeric) => {
            a.len_utf8() + 1
        }
        _ => 0,
    }
}

/// Whether the gap between two words lets them belong to one name.
fn joinable(previous: &str, gap: &str) -> bool {
    let abbreviation = previous.chars().count() == 1 || previous.len() <= 4 && crate::lexicon::is_title(previous);
    let gap =
        if gap.starts_with('.') && abbreviation && previous.starts_with(char::is_uppercase) { &gap[1..] } else { gap };
    gap == "-" || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Whether a gap ends a sentence-like unit: a line break, a colon, an opening quote, a bullet.
fn starts_unit(gap: &str) -> bool {
    gap.chars().any(|c| matches!(c, '\n' | '\r' | ':' | '“' | '"' | '‘' | '•' | '|' | '(' | '—'))
}

/// The words of `text[start..end]`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut position = start;
    let mut gap_start = start;
    while position < end {
        let Some(c) = text.get(position..end).and_then(|s| s.chars().next()) else { break };
        if !c.is_alphanumeric() {
            position += c.len_utf8();
            continue;
        }
        let word_end = word_end(text, position).min(end).max(position + c.len_utf8());
        let gap = &text[gap_start..position];
        let previous = tokens.last().map(|t| t.text(text)).unwrap_or("");
        let first = tokens.is_empty();
        tokens.push(Token {
            start: position,
            end: word_end,
            initial: first || starts_unit(gap) || gap.contains(['.', '!', '?']) && !joinable(previous, gap),
            joined: !first && joinable(previous, gap),
        });
        position = word_end + possessive_len(&text[word_end..end]);
        gap_start = word_end;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len()).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_possessives_and_hyphens() {
        assert_eq!(
            words("Syria’s Assad meets al-Assad's O'Brien"),
            ["Syria", "Assad", "meets", "al", "Assad", "O'Brien"]
        );
        assert_eq!(words("the U.S. and U.N. said"), ["the", "U.S.", "and", "U.N.", "said"]);
        assert_eq!(words("I'm sure they'll see Dara'a"), ["I", "m", "sure", "they", "ll", "see", "Dara'a"]);
        assert_eq!(words("Syria-Turkey ties"), ["Syria", "Turkey", "ties"]);
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words("— “«»"), Vec::<&str>::new());
    }

    #[test]
    fn marks_joins_and_sentence_starts() {
        let text = "Mr. Putin, Syria-Turkey.\nThe talks: “Now";
        let tokens = tokenize(text, 0, text.len());
        let flags: Vec<(bool, bool)> = tokens.iter().map(|t| (t.initial, t.joined)).collect();
        assert_eq!(
            flags,
            [(true, false), (false, true), (false, false), (false, true), (true, false), (false, true), (true, false)]
        );
    }
}
