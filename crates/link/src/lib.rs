//! Links events into stories, draws a sourced timeline from dated facts, and finds where sources disagree.

mod figures;
mod stories;
mod text;
mod timeline;

pub use figures::disagreements;
pub use stories::{link_stories, link_stories_with_threshold, themes, Theme, STORY_THRESHOLD};
pub use timeline::{timeline, Timeline};
