use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers; empty if it does not fit `text` or splits a character.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The items of `sorted` (ordered by span start) that lie within this span, found by binary search.
    pub fn select<T>(self, sorted: &[T], span_of: impl Fn(&T) -> Span) -> impl Iterator<Item = &T> {
        let from = sorted.partition_point(|t| span_of(t).start < self.start);
        let to = from + sorted[from..].partition_point(|t| span_of(t).start < self.end);
        sorted[from..to].iter().filter(move |t| span_of(t).end <= self.end)
    }

    /// Whether this span overlaps one of `sorted` (ordered by start, not overlapping each other).
    pub fn overlaps_any(self, sorted: &[Span]) -> bool {
        let first_ending_after = sorted.partition_point(|s| s.end <= self.start);
        sorted.get(first_ending_after).is_some_and(|s| s.overlaps(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_finds_the_spans_inside() {
        let spans = [Span::new(0, 3), Span::new(4, 8), Span::new(6, 12), Span::new(12, 15)];
        let inside: Vec<Span> = Span::new(4, 12).select(&spans, |s| *s).copied().collect();
        assert_eq!(inside, [Span::new(4, 8), Span::new(6, 12)]);
        assert_eq!(Span::new(20, 30).select(&spans, |s| *s).count(), 0);
    }

    #[test]
    fn overlaps_any_uses_sorted_spans() {
        let body = [Span::new(0, 3), Span::new(10, 20)];
        assert!(Span::new(2, 5).overlaps_any(&body));
        assert!(Span::new(15, 16).overlaps_any(&body));
        assert!(!Span::new(3, 10).overlaps_any(&body));
        assert!(!Span::new(25, 30).overlaps_any(&body));
    }
}
