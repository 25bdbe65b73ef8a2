//! The stretches of text that time expressions may not cross: the given sentences, and the lines of any text
//! between them.

use chronicle_model::Span;

/// Byte ranges of `text` in order: each valid sentence, and each line of the text outside the sentences.
/// Sentences that do not fit the text, split a character or overlap an earlier one are cut back or dropped.
pub fn segments(text: &str, sentences: &[Span]) -> Vec<(usize, usize)> {
    let mut spans: Vec<Span> = sentences
        .iter()
        .copied()
        .filter(|s| s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end))
        .collect();
    spans.sort();
    let mut out = Vec::new();
    let mut pos = 0;
    for s in spans {
        let start = s.start.max(pos);
        if start >= s.end {
            continue;
        }
        lines(text, pos, start, &mut out);
        out.push((start, s.end));
        pos = s.end;
    }
    lines(text, pos, text.len(), &mut out);
    out
}

fn lines(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let mut from = start;
    let ends = text[start..end].match_indices('\n').map(|(i, _)| start + i).chain([end]);
    for to in ends {
        if from < to && !text[from..to].trim().is_empty() {
            out.push((from, to));
        }
        from = to + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_gaps_and_skips_bad_spans() {
        let text = "Title\nFirst one. Second ü.";
        let sentences = [Span::new(6, 16), Span::new(17, 27), Span::new(3, 100), Span::new(25, 26)];
        let got = segments(text, &sentences);
        assert_eq!(got, [(0, 5), (6, 16), (17, 27)]);
    }
}
