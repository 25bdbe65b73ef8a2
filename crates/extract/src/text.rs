//! Plain text: finds the title and the body paragraphs, leaving site furniture outside the body spans.

use chronicle_model::{Date, Span};

use crate::dates::parse_date;
use crate::furniture::{is_furniture_line, normalise, normalises_to};

/// The longest line taken for a title, in words.
const MAX_TITLE_WORDS: usize = 25;

/// A plain-text article laid out: its title, the date of its first dateline ("Updated: May 24, 2005, 3:23 PM
/// ET"), and its body spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub body: Vec<Span>,
}

/// One line of the text: the byte range of its content without surrounding whitespace.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    furniture: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.span.is_empty()
    }
}

/// Lays out a plain text. Body spans are runs of non-blank, non-furniture lines, split where a line ends a
/// sentence or the next starts a bullet; the title line and its repeats are left out.
pub(crate) fn layout(text: &str) -> Layout {
    let lines = lines(text);
    let title_line = title_line(text, &lines);
    let title = title_line.map(|index| lines[index].span.slice(text).to_string());
    let title_key = title.as_deref().map(normalise);
    let mut body: Vec<Span> = Vec::new();
    let mut previous_kept: Option<&str> = None;
    for line in &lines {
        let content = line.span.slice(text);
        let is_title = title_key.as_deref().is_some_and(|key| normalises_to(content, key));
        if line.is_blank() || line.furniture || is_title {
            previous_kept = None;
            continue;
        }
        match (previous_kept, body.last_mut()) {
            (Some(previous), Some(last)) if !ends_sentence(previous) && !starts_bullet(content) => {
                last.end = line.span.end
            }
            _ => body.push(line.span),
        }
        previous_kept = Some(content);
    }
    let published = lines.iter().filter(|line| line.furniture).find_map(|line| parse_date(line.span.slice(text)));
    Layout { title, published, body }
}

fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_start();
        let content_start = start + raw.len() - content.len();
        let content = content.trim_end();
        let span = Span::new(content_start, content_start + content.len());
        lines.push(Line { span, furniture: !content.is_empty() && is_furniture_line(content) });
        start += raw.len();
    }
    lines
}

/// The title: the first non-blank, non-furniture line if it is short, does not end like a sentence, and is
/// followed by a blank line, a repeat of itself, a furniture line or a longer line that starts a sentence, with
/// body text after it.
fn title_line(text: &str, lines: &[Line]) -> Option<usize> {
    let index = lines.iter().position(|line| !line.is_blank() && !line.furniture)?;
    let content = lines[index].span.slice(text);
    let words = content.split_whitespace().count();
    if words > MAX_TITLE_WORDS || content.ends_with(['.', ',', ';', ':', '…', '-', '–', '—']) || starts_bullet(content)
    {
        return None;
    }
    let next = lines.get(index + 1)?;
    let next_content = next.span.slice(text);
    let key = normalise(content);
    let repeated = normalises_to(next_content, &key);
    let body_follows = next_content.len() > content.len() && next_content.starts_with(starts_sentence);
    let has_body = lines[index + 1..]
        .iter()
        .any(|line| !line.is_blank() && !line.furniture && !normalises_to(line.span.slice(text), &key));
    ((next.is_blank() || repeated || next.furniture || body_follows) && has_body).then_some(index)
}

fn starts_sentence(first: char) -> bool {
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '„' | '«' | '\'' | '‘')
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '“', '\'', '’', ')', ']', '»'])
}

fn starts_bullet(line: &str) -> bool {
    line.starts_with(['•', '·', '-', '–', '—', '*', '▪', '►']) && !line.starts_with("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_may_run_straight_into_the_body_and_a_dateline_dates_it() {
        let text = "Colts Top Jags To Make Playoffs\nPublished on 18th September 2013\nThe Colts will play again.";
        let layout = layout(text);
        assert_eq!(layout.title.as_deref(), Some("Colts Top Jags To Make Playoffs"));
        assert_eq!(layout.published.map(|date| date.to_string()).as_deref(), Some("2013-09-18"));
        assert_eq!(body_texts(text), ["The Colts will play again."]);
        let wrapped = "Putin and Assad met\nin Moscow on Wednesday, the Kremlin said.";
        assert_eq!(super::layout(wrapped).title, None);
    }

    fn body_texts(text: &str) -> Vec<&str> {
        layout(text).body.iter().map(|span| span.slice(text)).collect()
    }

    #[test]
    fn joins_wrapped_lines_and_splits_sentences_and_bullets() {
        let text =
            "Putin and Assad met\nin Moscow on Wednesday.\nThe talks lasted three hours.\n• One point\n• Another";
        assert_eq!(
            body_texts(text),
            [
                "Putin and Assad met\nin Moscow on Wednesday.",
                "The talks lasted three hours.",
                "• One point",
                "• Another"
            ]
        );
    }

    #[test]
    fn a_first_paragraph_is_not_a_title() {
        let text = "BTN News: Putin met Assad at the Kremlin.\n\nThe Kremlin said the meeting took place on Wednesday.";
        assert_eq!(layout(text).title, None);
        assert_eq!(body_texts(text).len(), 2);
        assert_eq!(layout("Just one line").title, None);
    }

    #[test]
    fn leading_furniture_is_skipped_before_the_title() {
        let text = "Zum Inhalt springen\n\nPutin empfängt Assad\n\n3 Min. Lesezeit\nPutin hat Assad empfangen.\nTeilen";
        let layout = layout(text);
        assert_eq!(layout.title.as_deref(), Some("Putin empfängt Assad"));
        assert_eq!(layout.published, None);
        assert_eq!(body_texts(text), ["Putin hat Assad empfangen."]);
    }
}
