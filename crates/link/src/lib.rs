//! Links events into stories and draws a sourced timeline from dated facts.

mod stories;
mod text;
mod timeline;

pub use stories::{link_stories, link_stories_with_threshold, STORY_THRESHOLD};
pub use timeline::timeline;
