//! The digest: a plain-text report for people. Stories first, then events with their summaries and sources, then
//! the timeline. Every summary sentence and timeline line ends with the articles it comes from.

use std::collections::BTreeMap;
use std::fmt::Write;

use chronicle_model::{AnalyzedArticle, Disagreement, Event, Story, TimelineEntry};

/// Everything the digest shows.
pub struct Digest<'a> {
    pub articles: &'a [AnalyzedArticle],
    pub events: &'a [Event],
    pub stories: &'a [Story],
    pub timeline: &'a [TimelineEntry],
    /// Figures that differ between an event's sources.
    pub disagreements: &'a [Disagreement],
}

impl Digest<'_> {
    /// Renders the digest as text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = self.write(&mut out);
        out
    }

    /// Renders one event with its summary and sources.
    pub fn render_event(&self, event: &Event) -> String {
        let mut out = String::new();
        let _ = self.write_event(&mut out, event);
        out
    }

    fn write(&self, out: &mut String) -> std::fmt::Result {
        writeln!(out, "CHRONICLE DIGEST")?;
        writeln!(
            out,
            "{} articles, {} events, {} stories, {} timeline entries",
            self.articles.len(),
            self.events.len(),
            self.stories.len(),
            self.timeline.len()
        )?;
        let events: BTreeMap<&str, &Event> = self.events.iter().map(|e| (e.id.as_str(), e)).collect();

        heading(out, "STORIES")?;
        for story in self.stories {
            writeln!(out, "{}  [{}]", story.title, story.id)?;
            for event in story.events.iter().filter_map(|id| events.get(id.as_str())) {
                writeln!(out, "  {}  {}  [{}]", date_or_undated(event), event.title, event.id)?;
            }
            writeln!(out)?;
        }

        heading(out, "EVENTS")?;
        for event in self.events {
            self.write_event(out, event)?;
        }

        heading(out, "TIMELINE")?;
        for entry in self.timeline {
            writeln!(out, "{:<10}  {}  [{}]", entry.date, entry.text, entry.articles.join(", "))?;
        }
        Ok(())
    }

    fn write_event(&self, out: &mut String, event: &Event) -> std::fmt::Result {
        writeln!(out, "{}  {}", date_or_undated(event), event.title)?;
        writeln!(out, "  id: {}", event.id)?;
        writeln!(out, "  sources: {} articles, {} independent", event.articles.len(), event.independent_sources)?;
        if !event.entities.is_empty() {
            let names: Vec<&str> = event.entities.iter().take(8).map(|e| e.name.as_str()).collect();
            writeln!(out, "  who and where: {}", names.join(", "))?;
        }
        for sentence in &event.summary {
            writeln!(out, "  - {}  [{}]", sentence.text, sentence.articles.join(", "))?;
        }
        for d in self.disagreements.iter().filter(|d| d.event == event.id) {
            let figures: Vec<String> = d
                .figures
                .iter()
                .map(|f| {
                    let mut sources: Vec<&str> = f.citations.iter().map(|c| c.article.as_str()).collect();
                    sources.dedup();
                    format!("\"{}\" [{}]", f.text, sources.join(", "))
                })
                .collect();
            writeln!(out, "  ! sources differ on {} {}: {}", d.subject, d.measure, figures.join(" vs "))?;
        }
        for id in &event.articles {
            if let Some(a) = self.articles.iter().find(|a| &a.article.id == id) {
                let date = a.article.published.map_or_else(|| "undated".to_string(), |d| d.to_string());
                let title = a.article.title.as_deref().unwrap_or("(untitled)");
                writeln!(out, "    {id}  {date}  {title}")?;
            }
        }
        writeln!(out)
    }
}

fn heading(out: &mut String, title: &str) -> std::fmt::Result {
    writeln!(out, "\n{title}\n{}", "=".repeat(title.len()))
}

fn date_or_undated(event: &Event) -> String {
    event.date.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Citation, Figure, Span, SummarySentence};

    #[test]
    fn digest_lists_stories_events_and_timeline_in_order() {
        let event = Event {
            id: "ev-1".into(),
            title: "Putin hosts Assad".into(),
            date: "2023-03-15".parse().ok(),
            articles: vec!["a".into(), "b".into()],
            independent_sources: 1,
            entities: vec![],
            summary: vec![SummarySentence {
                text: "Putin and Assad began talks.".into(),
                articles: vec!["a".into(), "b".into()],
                citations: vec![Citation { article: "a".into(), span: Span::new(0, 5) }],
            }],
            story: Some("st-1".into()),
        };
        let story = Story { id: "st-1".into(), title: "Syria–Russia".into(), events: vec!["ev-1".into()] };
        let timeline = [TimelineEntry {
            date: "2011".into(),
            text: "War began.".into(),
            articles: vec!["a".into()],
            citations: vec![],
        }];
        let figure = |text: &str, low: f64, article: &str| Figure {
            text: text.into(),
            low,
            high: None,
            citations: vec![Citation { article: article.into(), span: Span::new(0, 1) }],
        };
        let disagreements = [Disagreement {
            event: "ev-1".into(),
            subject: "earthquake".into(),
            measure: "killed".into(),
            figures: vec![figure("tens of thousands", 10_000.0, "a"), figure("more than 50,000", 50_000.0, "b")],
        }];
        let digest = Digest {
            articles: &[],
            events: &[event],
            stories: &[story],
            timeline: &timeline,
            disagreements: &disagreements,
        };
        let text = digest.render();
        let stories = text.find("STORIES").unwrap();
        let events = text.find("EVENTS").unwrap();
        let timeline = text.find("TIMELINE").unwrap();
        assert!(stories < events && events < timeline);
        assert!(text.contains("2023-03-15  Putin hosts Assad  [ev-1]"));
        assert!(text.contains("- Putin and Assad began talks.  [a, b]"));
        assert!(text.contains("2011        War began.  [a]"));
        assert!(text
            .contains(r#"! sources differ on earthquake killed: "tens of thousands" [a] vs "more than 50,000" [b]"#));
    }
}
