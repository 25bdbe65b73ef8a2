//! Analyses an article: language, sentences, entities, time expressions, quotes and numeric claims.
//!
//! Analysis never fails: any text, even empty, gives an [`Analysis`] whose spans all point into the article's
//! text and lie inside its body.
//!
//! ```
//! use chronicle_analyze::Analyzer;
//! use chronicle_model::{Article, Span};
//!
//! let text = "Putin met Assad in Moscow on Wednesday.".to_string();
//! let article = Article {
//!     id: "a".into(), url: None, title: None, published: "2023-03-16".parse().ok(), source: None, author: None,
//!     language: None, body: vec![Span::new(0, text.len())], text,
//! };
//! let analysis = Analyzer::new().analyze(&article);
//! assert_eq!(analysis.times[0].value, "2023-03-15");
//! ```

pub mod claims;
pub mod language;
pub mod quotes;
pub mod sentences;

use chronicle_entities::Recognizer;
use chronicle_model::{Analysis, AnalyzedArticle, Article, Mention};

/// Runs every analysis on articles. Build once (it loads the knowledge base) and share across threads.
pub struct Analyzer {
    recognizer: Recognizer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer { recognizer: Recognizer::new() }
    }

    /// Analyses one article's body. The publication date anchors time expressions; an undated article is
    /// anchored on the date its own text suggests.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let text = article.text.as_str();
        let sentences = sentences::split(text, &article.body);
        let dct = article.published.or_else(|| chronicle_time::estimate_dct(text, &sentences).and_then(|e| e.best));
        let language = article.language.clone().or_else(|| language::detect_body(text, &article.body));
        let times = chronicle_time::tag(text, &sentences, dct);
        let entities = self.recognizer.recognize(text, &sentences, dct);
        let quotes = quotes::find(text, &article.body, &sentences, &entities);
        let claims = claims::find(text, &sentences);
        let mut analysis = Analysis { dct, language, sentences, entities, times, quotes, claims };
        sort_by_start(&mut analysis);
        analysis
    }
}

/// Orders every list of the analysis by span start, as the model promises.
fn sort_by_start(a: &mut Analysis) {
    a.entities.sort_by_key(|m| m.span);
    a.times.sort_by_key(|t| t.span);
    a.quotes.sort_by_key(|q| q.span);
    a.claims.sort_by_key(|c| c.span);
}
/// Makes entity ids canonical across a batch of analysed articles (name variants, surnames of known people),
/// and keeps quote speakers in step with their mentions.
pub fn unify_entities(articles: &mut [AnalyzedArticle]) {
    let mut mentions: Vec<&mut Vec<Mention>> = articles.iter_mut().map(|a| &mut a.analysis.entities).collect();
    chronicle_entities::unify(&mut mentions);
    for article in articles.iter_mut() {
        let analysis = &mut article.analysis;
        for quote in &mut analysis.quotes {
            let Some(span) = quote.speaker_span else { continue };
            if let Some(m) = analysis.entities.iter().find(|m| m.span == span) {
                quote.speaker = Some(m.id.clone());
                quote.speaker_name = Some(m.name.clone());
            }
        }
    }
}
