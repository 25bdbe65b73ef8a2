//! Reads MEANTIME CAT XML documents and scores `chronicle_time::tag` on them.

use std::path::{Path, PathBuf};

use chronicle_model::{Date, Span, TimeType};

/// A MEANTIME document rebuilt as text: tokens joined by spaces, sentences by line breaks.
pub struct Doc {
    pub name: String,
    pub text: String,
    pub sentences: Vec<Span>,
    pub dct: Option<Date>,
    pub gold: Vec<Gold>,
    /// End of the annotated part: MEANTIME annotates the title and the first sentences only.
    pub annotated: usize,
}

pub struct Gold {
    pub span: Span,
    pub kind: String,
    pub value: String,
    /// The document's own date line (functionInDocument CREATION_TIME).
    pub creation: bool,
}

/// Counts for strict, relaxed and value scores.
#[derive(Default)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub type_ok: usize,
}

impl Score {
    pub fn strict_p(&self) -> f64 {
        ratio(self.strict, self.system)
    }
    pub fn strict_r(&self) -> f64 {
        ratio(self.strict, self.gold)
    }
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_p(), self.strict_r())
    }
    pub fn relaxed_p(&self) -> f64 {
        ratio(self.relaxed, self.system)
    }
    pub fn relaxed_r(&self) -> f64 {
        ratio(self.relaxed, self.gold)
    }
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_p(), self.relaxed_r())
    }
    pub fn value_p(&self) -> f64 {
        ratio(self.value, self.system)
    }
    pub fn value_r(&self) -> f64 {
        ratio(self.value, self.gold)
    }
    pub fn value_f1(&self) -> f64 {
        f1(self.value_p(), self.value_r())
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Matches each gold timex to the first unused system timex that overlaps it. With `datelines` false, the date
/// lines (gold CREATION_TIME timexes) and whatever the system finds on them are left out.
pub fn evaluate(docs: &[Doc], datelines: bool, errors: bool) -> Score {
    let mut s = Score::default();
    for doc in docs {
        let gold: Vec<&Gold> = doc.gold.iter().filter(|g| datelines || !g.creation).collect();
        let mut system = chronicle_time::tag(&doc.text, &doc.sentences, doc.dct);
        system.retain(|t| t.span.end <= doc.annotated);
        system.retain(|t| datelines || !doc.gold.iter().any(|g| g.creation && g.span.overlaps(t.span)));
        s.gold += gold.len();
        s.system += system.len();
        let mut used = vec![false; system.len()];
        for g in gold {
            let found = system.iter().enumerate().find(|(i, t)| !used[*i] && t.span.overlaps(g.span));
            let Some((i, t)) = found else {
                if errors {
                    println!("MISS  {} {:?} {} {}", doc.name, g.span.slice(&doc.text), g.kind, g.value);
                }
                continue;
            };
            used[i] = true;
            s.relaxed += 1;
            s.strict += usize::from(t.span == g.span);
            s.value += usize::from(t.value == g.value);
            s.type_ok += usize::from(type_name(t.kind) == g.kind);
            if errors && (t.value != g.value || t.span != g.span) {
                let sentence = doc.sentences.iter().find(|s| s.contains(g.span)).map_or("", |s| s.slice(&doc.text));
                println!(
                    "DIFF  {} {:?} {} {}  vs system {:?} {:?} {}\n      in: {sentence}",
                    doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                    g.span.slice(&doc.text),
                    g.kind,
                    g.value,
                    t.span.slice(&doc.text),
                    t.kind,
                    t.value
                );
            }
        }
        if errors {
            for (t, _) in system.iter().zip(&used).filter(|(_, u)| !**u) {
                println!("FALSE {} {:?} {:?} {}", doc.name, t.span.slice(&doc.text), t.kind, t.value);
            }
        }
    }
    s
}

fn type_name(kind: TimeType) -> &'static str {
    match kind {
        TimeType::Date => "DATE",
        TimeType::Time => "TIME",
        TimeType::Duration => "DURATION",
        TimeType::Set => "SET",
    }
}

/// Loads every `corpus_*/*.xml` document under `dir`, in path order.
pub fn load(dir: &Path) -> std::io::Result<Vec<Doc>> {
    let mut files = Vec::new();
    for corpus in std::fs::read_dir(dir)? {
        let corpus = corpus?.path();
        if corpus.is_dir() {
            for file in std::fs::read_dir(&corpus)? {
                let file = file?.path();
                if file.extension().is_some_and(|e| e == "xml") {
                    files.push(file);
                }
            }
        }
    }
    parse_files(files, parse)
}

/// Reads `files` in path order and parses each, named by its file stem.
pub fn parse_files(mut files: Vec<PathBuf>, parse: fn(String, &str) -> Doc) -> std::io::Result<Vec<Doc>> {
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let xml = std::fs::read_to_string(&file)?;
        let name = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        docs.push(parse(name, &xml));
    }
    Ok(docs)
}

/// Rebuilds a CAT XML document: its text from the tokens, its gold TIMEX3s (those anchored to tokens) and its DCT
/// (the CREATION_TIME timex, else the first full date in the text).
fn parse(name: String, xml: &str) -> Doc {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut token_spans: Vec<(u32, Span)> = Vec::new();
    let mut sentence_start = 0;
    let mut current_sentence = None;
    for element in elements(xml, "token") {
        let (Some(id), Some(sentence)) = (attr(element, "t_id"), attr(element, "sentence")) else { continue };
        let Some(id) = id.parse().ok() else { continue };
        let word = unescape(element.split_once('>').map_or("", |(_, rest)| rest.trim_end_matches("</token>")));
        if current_sentence != Some(sentence) {
            if current_sentence.is_some() {
                sentences.push(Span::new(sentence_start, text.len()));
                text.push('\n');
            }
            sentence_start = text.len();
            current_sentence = Some(sentence);
        } else {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&word);
        token_spans.push((id, Span::new(start, text.len())));
    }
    if current_sentence.is_some() {
        sentences.push(Span::new(sentence_start, text.len()));
    }
    let sentence_of = |token_start: usize| sentences.iter().position(|s| s.end >= token_start).unwrap_or(0);
    token_spans.sort_by_key(|(id, _)| *id);
    let span_of = |id: u32| token_spans.binary_search_by_key(&id, |(i, _)| *i).ok().map(|i| token_spans[i].1);
    let mut gold: Vec<Gold> = Vec::new();
    let mut dct = None;
    for element in elements(xml, "TIMEX3") {
        let value = attr(element, "value").unwrap_or_default().to_string();
        let creation = attr(element, "functionInDocument") == Some("CREATION_TIME");
        if creation {
            dct = value.parse().ok().or(dct);
        }
        let anchors: Vec<Span> = element
            .split("<token_anchor")
            .skip(1)
            .filter_map(|a| attr(a, "t_id")?.parse().ok())
            .filter_map(span_of)
            .collect();
        let (Some(first), Some(last)) = (anchors.iter().map(|s| s.start).min(), anchors.iter().map(|s| s.end).max())
        else {
            continue;
        };
        let span = Span::new(first, last);
        if gold.iter().any(|g| g.span == span) {
            continue;
        }
        gold.push(Gold { span, kind: attr(element, "type").unwrap_or_default().to_string(), value, creation });
    }
    gold.sort_by_key(|g| g.span);
    let last_annotated = xml
        .split("<token_anchor")
        .skip(1)
        .filter_map(|a| span_of(attr(a, "t_id")?.parse().ok()?))
        .map(|s| sentence_of(s.start))
        .max();
    let annotated = last_annotated.and_then(|i| sentences.get(i)).map_or(0, |s| s.end);
    if dct.is_none() {
        // No usable creation time: take the first full date in the text, as a pipeline reading the dateline would.
        let found = chronicle_time::tag(&text, &sentences, None);
        dct = found.iter().find_map(|t| t.value.parse().ok());
    }
    Doc { name, text, sentences, dct, gold, annotated }
}

/// The elements named `tag`, each from its `<tag` to its end (`</tag>` or `/>`).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i..];
        let head_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let end = if rest[..head_end].ends_with("/>") {
            head_end
        } else {
            rest.find(&close).map_or(rest.len(), |e| e + close.len())
        };
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

/// The value of attribute `name` in the first tag of `element`.
pub fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let head = &element[..element.find('>').unwrap_or(element.len())];
    let key = format!(" {name}=\"");
    let start = head.find(&key)? + key.len();
    let len = head[start..].find('"')?;
    Some(&head[start..start + len])
}

pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// How `estimate_dct` does on the documents, with their dateline (the sentence holding the DCT) blanked out or kept.
#[derive(Default)]
pub struct EstimateScore {
    /// Documents with a DCT.
    pub dated: usize,
    /// Documents `estimate_dct` gave an estimate for.
    pub estimated: usize,
    /// Estimates whose range holds the DCT.
    pub honest: usize,
    /// Estimates with a best guess.
    pub best: usize,
    pub within_day: usize,
    pub within_week: usize,
    pub within_month: usize,
}

pub fn estimate(docs: &[Doc], blank: bool, errors: bool) -> EstimateScore {
    let mut e = EstimateScore::default();
    for doc in docs {
        let Some(dct) = doc.dct else { continue };
        e.dated += 1;
        // Blank out the dateline: the first sentence that is nothing but a date.
        let dateline = doc.sentences.iter().find(|s| {
            let found = chronicle_time::tag(s.slice(&doc.text), &[], None);
            found.len() == 1 && found[0].span.len() == s.len()
        });
        let mut text = doc.text.clone();
        if let Some(s) = dateline.filter(|_| blank) {
            text.replace_range(s.start..s.end, &" ".repeat(s.len()));
        }
        let Some(guess) = chronicle_time::estimate_dct(&text, &doc.sentences) else { continue };
        e.estimated += 1;
        if errors {
            println!("DCT   {} {dct} estimated {guess:?}", doc.name);
        }
        e.honest += usize::from(guess.earliest <= dct && guess.latest.is_none_or(|l| dct <= l));
        let days = guess.best.and_then(|b| b.until(dct).ok()).map(|s| s.get_days().abs());
        e.best += usize::from(days.is_some());
        e.within_day += usize::from(days.is_some_and(|d| d <= 1));
        e.within_week += usize::from(days.is_some_and(|d| d <= 7));
        e.within_month += usize::from(days.is_some_and(|d| d <= 31));
    }
    e
}
