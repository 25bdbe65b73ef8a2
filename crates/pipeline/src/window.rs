//! Cuts the time-ordered stream of stored articles into windows: a block of new articles, read together with the
//! recent articles before it, so that derivation holds a bounded number of articles in memory, never the corpus.
//! A corpus of up to one block is one window, read whole.

use chronicle_model::{AnalyzedArticle, Date};

/// New articles in a block.
pub const BLOCK: usize = 2000;
/// Days before a block whose articles it is read with: events active in them can still grow.
pub const CONTEXT_DAYS: i64 = 30;
/// Context articles a block is read with at most, however many are published in those days.
pub const MAX_CONTEXT: usize = 2000;

/// A block of new articles after the context articles that precede them.
pub struct Window {
    pub articles: Vec<AnalyzedArticle>,
    /// Index of the first new article: `articles[..new_from]` is the context.
    pub new_from: usize,
}

impl Window {
    pub fn context(&self) -> &[AnalyzedArticle] {
        &self.articles[..self.new_from]
    }

    pub fn new_articles(&self) -> &[AnalyzedArticle] {
        &self.articles[self.new_from..]
    }
}

/// Builds windows from articles given in time order (dated by publication, else by the analysis's estimate;
/// undated last).
pub struct Windows {
    context: Vec<AnalyzedArticle>,
    block: Vec<AnalyzedArticle>,
    /// New articles in a block.
    size: usize,
}

impl Windows {
    /// Windows of `size` new articles (at least one).
    pub fn new(size: usize) -> Self {
        Windows { context: Vec::new(), block: Vec::new(), size: size.max(1) }
    }

    /// Adds the next article; returns the finished window when the block is full.
    pub fn push(&mut self, item: AnalyzedArticle) -> Option<Window> {
        let window = (self.block.len() >= self.size).then(|| self.take());
        self.block.push(item);
        window
    }

    /// The last window, if any article is left.
    pub fn finish(&mut self) -> Option<Window> {
        (!self.block.is_empty()).then(|| self.take())
    }

    /// Takes the recent articles of a window as the next block's context.
    pub fn keep_context(&mut self, window: &Window) {
        let last = window.articles.iter().rev().find_map(date);
        let recent = |item: &&AnalyzedArticle| match (date(item), last) {
            (Some(d), Some(last)) => days(d, last) <= CONTEXT_DAYS,
            _ => true,
        };
        let recent: Vec<&AnalyzedArticle> = window.articles.iter().filter(recent).collect();
        let excess = recent.len().saturating_sub(MAX_CONTEXT);
        self.context = recent[excess..].iter().map(|&item| item.clone()).collect();
    }

    fn take(&mut self) -> Window {
        let mut articles = std::mem::take(&mut self.context);
        let new_from = articles.len();
        articles.append(&mut self.block);
        Window { articles, new_from }
    }
}

fn date(item: &AnalyzedArticle) -> Option<Date> {
    item.article.published.or(item.analysis.dct)
}

fn days(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}
