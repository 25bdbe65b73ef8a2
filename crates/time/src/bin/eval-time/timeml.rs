//! Reads TimeML documents (TempEval-3 style: the document creation time in `<DCT>`, inline `<TIMEX3>` tags in
//! `<TEXT>`, optional `<s>` sentences) into the documents MEANTIME gives, so both are scored alike.

use std::path::Path;

use chronicle_model::Span;

use crate::meantime::{attr, parse_files, unescape, Doc, Gold};

/// Loads every `*.tml` document in `dir`, in path order.
pub fn load(dir: &Path) -> std::io::Result<Vec<Doc>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?.map(|entry| entry.map(|e| e.path())).collect::<Result<_, _>>()?;
    files.retain(|f| f.extension().is_some_and(|e| e == "tml"));
    parse_files(files, parse)
}

/// Rebuilds a TimeML document: the text of `<TEXT>` without its tags (each `<s>` a line), its TIMEX3s as gold and
/// the DCT's value.
pub fn parse(name: String, xml: &str) -> Doc {
    let dct = xml
        .split_once("<DCT>")
        .and_then(|(_, rest)| attr(rest.split_once("<TIMEX3")?.1, "value"))
        .and_then(|v| v.get(..10)?.parse().ok());
    let body = xml.split_once("<TEXT>").map_or("", |(_, rest)| rest.split_once("</TEXT>").map_or(rest, |(b, _)| b));
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut sentence_start = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<TIMEX3") && !tag.ends_with("/>") {
            // A TIMEX3 that covers no text (an anchor for a temporal function) is no expression to find.
            open = Some((text.len(), tag));
        } else if tag == "</TIMEX3>" {
            if let Some((start, head)) = open.take() {
                let attribute = |n: &str| attr(head, n).unwrap_or_default().to_string();
                let span = Span::new(start, text.len());
                gold.push(Gold { span, kind: attribute("type"), value: attribute("value"), creation: false });
            }
        } else if tag.starts_with("<s ") || tag == "<s>" {
            sentence_start = Some(text.len());
        } else if tag == "</s>" {
            if let Some(start) = sentence_start.take() {
                sentences.push(Span::new(start, text.len()));
            }
            text.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(&unescape(rest));
    if sentences.is_empty() {
        sentences = split_sentences(&text);
    }
    let annotated = text.len();
    Doc { name, text, sentences, dct, gold, annotated }
}

/// Sentences of a text that marks none, as a pipeline's splitter would give them: lines, cut after `.`, `!` or `?`
/// (and a closing quote) before a space and a capital or an opening quote, unless the `.` ends a short capitalised
/// abbreviation ("Mr.", "Sen.", "U.S.").
fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let push = |out: &mut Vec<Span>, from: usize, to: usize| {
        if !text[from..to].trim().is_empty() {
            out.push(Span::new(from, to));
        }
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c == '\n' {
            push(&mut out, start, i);
            start = i + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut after = k + 1;
        while chars.get(after).is_some_and(|&(_, q)| matches!(q, '"' | '\'' | '”' | '’')) {
            after += 1;
        }
        let spaced = chars.get(after).is_some_and(|&(_, s)| s == ' ');
        let opens = chars.get(after + 1).is_some_and(|&(_, n)| n.is_uppercase() || matches!(n, '"' | '“' | '\''));
        let word = text[..i].rsplit(|ch: char| !ch.is_alphabetic()).next().unwrap_or("");
        let abbreviation = c == '.' && word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase);
        if spaced && opens && !abbreviation {
            let end = chars.get(after).map_or(text.len(), |&(e, _)| e);
            push(&mut out, start, end);
            start = end + 1;
        }
    }
    push(&mut out, start.min(text.len()), text.len());
    out
}
