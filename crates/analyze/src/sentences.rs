//! Sentence boundaries inside body paragraphs.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by white space and
//! a character that can start a sentence, unless the word before the stop is a known abbreviation or an initial.
//! A paragraph break always ends a sentence.

use chronicle_model::Span;

/// Abbreviations after which a full stop does not end a sentence (compared without the stop, case-sensitive).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Cmdr", "Adm", "Gov",
    "Sen", "Rep", "Rev", "Hon", "Pres", "Amb", "Insp", "Supt", "No", "Nos", "Vol", "vs", "etc", "approx", "Inc",
    "Corp", "Ltd", "Co", "Bros", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun", "U.S", "U.K", "U.N", "E.U", "D.C", "a.m", "p.m", "e.g", "i.e",
    "Ave", "Blvd", "Rd", "Mt", "Ft", "ca", "cf", "al",
];

/// Splits each paragraph of `body` into sentences, trimmed of surrounding white space. Empty paragraphs give
/// nothing.
pub fn split(text: &str, body: &[Span]) -> Vec<Span> {
    let mut sentences = Vec::new();
    for paragraph in body {
        for line in lines(text, *paragraph) {
            split_paragraph(text, line, &mut sentences);
        }
    }
    sentences
}

/// The non-blank lines of a paragraph span: a line break inside a body span still separates paragraphs when the
/// next line is blank, and single line breaks are kept inside a sentence.
fn lines(text: &str, paragraph: Span) -> Vec<Span> {
    let slice = paragraph.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in slice.match_indices("\n\n") {
        out.push(Span::new(paragraph.start + start, paragraph.start + i));
        start = i + 2;
    }
    out.push(Span::new(paragraph.start + start, paragraph.start + slice.len()));
    out
}

fn split_paragraph(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    let slice = paragraph.slice(text);
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let end = after_closers(slice, i + 1);
            if let Some(next) = next_sentence_start(slice, end) {
                if b != b'.' || !is_abbreviation(&slice[start..i]) {
                    push_trimmed(paragraph.start, &slice[start..end], start, out);
                    start = next;
                    i = next;
                    continue;
                }
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(paragraph.start, &slice[start..], start, out);
}

/// The byte index just past any closing quotes or brackets that follow a stop at `from`.
fn after_closers(s: &str, from: usize) -> usize {
    let mut end = from;
    for c in s[from..].chars() {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Where the next sentence starts, if the text after `from` is white space followed by a sentence start.
fn next_sentence_start(s: &str, from: usize) -> Option<usize> {
    let rest = &s[from..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return None; // no white space: "3.5", "U.S.-led", "…”"
    }
    let first = trimmed.chars().next()?;
    let starts = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '•' | '-' | '—');
    starts.then_some(from + rest.len() - trimmed.len())
}

/// Whether the text before a full stop ends with an abbreviation or a single-letter initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“').next().unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "George W. Bush"
    }
    ABBREVIATIONS.contains(&word)
}

fn push_trimmed(base: usize, piece: &str, offset: usize, out: &mut Vec<Span>) {
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = base + offset + lead;
        out.push(Span::new(start, start + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &[Span::new(0, text.len())]).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_at_stops_followed_by_a_capital() {
        assert_eq!(sentences("He came. She left! Why? Yes."), ["He came.", "She left!", "Why?", "Yes."]);
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        assert_eq!(
            sentences("Mr. Putin met George W. Bush in the U.S. capital on Jan. 5. They talked."),
            ["Mr. Putin met George W. Bush in the U.S. capital on Jan. 5.", "They talked."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "“We are in constant contact.” Putin said. “Thank you,” he added.";
        assert_eq!(sentences(text), ["“We are in constant contact.”", "Putin said.", "“Thank you,” he added."]);
    }

    #[test]
    fn numbers_and_blank_lines() {
        assert_eq!(sentences("It grew 3.5 percent.\n\nNext paragraph"), ["It grew 3.5 percent.", "Next paragraph"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "  Intro line. Second one.  ";
        let spans = split(text, &[Span::new(0, text.len())]);
        assert_eq!(spans, [Span::new(2, 13), Span::new(14, 25)]);
    }
}
