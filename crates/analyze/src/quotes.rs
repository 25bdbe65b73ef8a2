//! Direct quotations and their speakers.
//!
//! A quotation is text between paired quotation marks inside one paragraph. Its speaker is the person (or, failing
//! that, the organisation) named in the attribution around it: after the quote ("…,” Putin told Assad), or before it
//! when a speech verb or a colon introduces it (Peskov told reporters, “…”). A pronoun speaker ("he said") takes
//! the last person named before the quote. Single-word quotes are scare quotes, not quotations.

use chronicle_model::{EntityKind, Mention, Quote, Span};

/// Words that report speech; an attribution must contain one.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adding",
    "asked",
    "asks",
    "stressed",
    "stressing",
    "affirmed",
    "affirming",
    "noted",
    "noting",
    "declared",
    "announced",
    "wrote",
    "writes",
    "quoted",
    "warned",
    "warning",
    "insisted",
    "explained",
    "replied",
    "remarked",
    "stated",
    "stating",
    "urged",
    "claimed",
    "according",
    "statement",
    "tweeted",
    "posted",
    "continued",
    "argued",
    "recalled",
];

const PRONOUNS: &[&str] = &["he", "she", "He", "She"];

/// Quotations found in the body paragraphs of `text`, with speakers taken from `mentions` (both sorted by start).
pub fn find(text: &str, body: &[Span], sentences: &[Span], mentions: &[Mention]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for paragraph in body {
        for quoted in quoted_spans(text, *paragraph) {
            if word_count(quoted.slice(text)) < 2 {
                continue;
            }
            let speaker = attribute(text, quoted, sentences, mentions);
            if speaker.is_none() && word_count(quoted.slice(text)) < 4 {
                continue; // an unattributed short phrase is a scare quote
            }
            quotes.push(Quote {
                span: quoted,
                speaker: speaker.map(|m| m.id.clone()),
                speaker_name: speaker.map(|m| m.name.clone()),
                speaker_span: speaker.map(|m| m.span),
            });
        }
    }
    quotes
}

/// The spans between paired quotation marks (curly pairs, or straight double quotes taken two by two).
fn quoted_spans(text: &str, paragraph: Span) -> Vec<Span> {
    let slice = paragraph.slice(text);
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in slice.char_indices() {
        let at = paragraph.start + i;
        match (open, c) {
            (None, '“' | '"' | '«') => open = Some((at + c.len_utf8(), c)),
            (Some((start, '“')), '”') | (Some((start, '"')), '"') | (Some((start, '«')), '»') => {
                spans.push(trim(text, Span::new(start, at)));
                open = None;
            }
            (Some((_, '“')), '“') => open = Some((at + c.len_utf8(), c)), // an unclosed quote: start again
            _ => {}
        }
    }
    spans.retain(|s| !s.is_empty());
    spans
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let end = span.start + s.trim_end().len();
    Span::new((span.start + lead).min(end), end)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The speaker of `quote`: the attribution after it wins, then the one before it.
fn attribute<'m>(text: &str, quote: Span, sentences: &[Span], mentions: &'m [Mention]) -> Option<&'m Mention> {
    let opening = sentences.get(sentences.partition_point(|s| s.end <= quote.start)).filter(|s| s.start <= quote.start);
    let closing = sentences.get(sentences.partition_point(|s| s.end < quote.end)).filter(|s| s.start < quote.end);
    let after_end = closing.map_or(quote.end, |s| s.end).max(quote.end);
    let before_start = opening.map_or(quote.start, |s| s.start).min(quote.start);
    let after = Span::new(quote.end, after_end);
    let before = Span::new(before_start, quote.start);

    let after_text = after.slice(text);
    if has_speech_verb(after_text) {
        if let Some(m) = first_speaker_in(after, mentions, |a, b| a.span.start.cmp(&b.span.start)) {
            return Some(m);
        }
        if starts_with_pronoun(after_text) {
            return last_person_before(quote.start, mentions, text);
        }
    }
    let before_text = before.slice(text);
    let introduced = has_speech_verb(before_text) || before_text.trim_end().ends_with(':');
    if introduced {
        if let Some(m) = first_speaker_in(before, mentions, |a, b| b.span.start.cmp(&a.span.start)) {
            return Some(m);
        }
        if before_text.split_whitespace().any(|w| PRONOUNS.contains(&w)) {
            return last_person_before(before.start, mentions, text);
        }
    }
    None
}

/// The first person in `region` in the given order, else the first organisation.
fn first_speaker_in(
    region: Span,
    mentions: &[Mention],
    order: impl Fn(&&Mention, &&Mention) -> std::cmp::Ordering,
) -> Option<&Mention> {
    let mut inside: Vec<&Mention> = region.select(mentions, |m| m.span).collect();
    inside.sort_by(&order);
    let of_kind = |kind| inside.iter().copied().find(|m: &&Mention| m.kind == kind);
    of_kind(EntityKind::Person).or_else(|| of_kind(EntityKind::Organization))
}

/// The last person named before `at` and outside any quotation.
fn last_person_before<'m>(at: usize, mentions: &'m [Mention], text: &str) -> Option<&'m Mention> {
    let before = &mentions[..mentions.partition_point(|m| m.span.start < at)];
    before.iter().rfind(|m| m.kind == EntityKind::Person && m.span.end <= at && !inside_quotes(text, m.span))
}

/// Whether a span sits inside curly quotation marks on its line (an odd number of “ before it on the line).
fn inside_quotes(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..span.start];
    before.matches('“').count() > before.matches('”').count()
}

fn has_speech_verb(s: &str) -> bool {
    words(s).any(|w| SPEECH_VERBS.contains(&w))
}

fn starts_with_pronoun(s: &str) -> bool {
    words(s).next().is_some_and(|w| PRONOUNS.contains(&w))
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, name: &str, id: &str, nth: usize) -> Mention {
        let start = text.match_indices(name).nth(nth).expect("name in text").0;
        Mention {
            span: Span::new(start, start + name.len()),
            kind: EntityKind::Person,
            id: id.into(),
            name: name.into(),
        }
    }

    fn speakers(text: &str, mentions: &[Mention]) -> Vec<(String, Option<String>)> {
        let whole = [Span::new(0, text.len())];
        let sentences = crate::sentences::split(text, &whole);
        find(text, &whole, &sentences, mentions)
            .into_iter()
            .map(|q| (q.span.slice(text).to_string(), q.speaker_name))
            .collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        let text = "“Dear Mr President, I am very glad to see you. Thank you,” Putin told Assad at the start.";
        let m = [person(text, "Putin", "p", 0), person(text, "Assad", "a", 0)];
        assert_eq!(
            speakers(text, &m),
            [("Dear Mr President, I am very glad to see you. Thank you,".into(), Some("Putin".into()))]
        );
    }

    #[test]
    fn speaker_before_an_introduced_quote() {
        let text = "Kremlin spokesman Dmitry Peskov told reporters, “At the forefront are bilateral relations.”";
        let m = [person(text, "Dmitry Peskov", "pes", 0)];
        assert_eq!(speakers(text, &m)[0].1.as_deref(), Some("Dmitry Peskov"));
    }

    #[test]
    fn names_inside_the_quote_are_not_speakers() {
        let text = "Erdogan said: “As soon as Bashar al-Assad takes a step, we will respond,” Erdogan said.";
        let m =
            [person(text, "Erdogan", "e", 0), person(text, "Bashar al-Assad", "a", 0), person(text, "Erdogan", "e", 1)];
        assert_eq!(speakers(text, &m)[0].1.as_deref(), Some("Erdogan"));
    }

    #[test]
    fn pronoun_speaker_takes_the_last_person() {
        let text = "Assad arrived on Tuesday. “This visit will pave the way for a new phase,” he said.";
        let m = [person(text, "Assad", "a", 0)];
        assert_eq!(speakers(text, &m)[0].1.as_deref(), Some("Assad"));
    }

    #[test]
    fn scare_quotes_are_not_quotations() {
        let text = "They see a common “enemy” in Kurdish groups, described as “terrorists” by Ankara.";
        assert!(speakers(text, &[]).is_empty());
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        let text = "He said “this never closes. And ” stray ” marks \" here.";
        let _ = speakers(text, &[]);
    }
}
