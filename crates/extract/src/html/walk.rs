//! One iterative pass over the parsed page: the text blocks ("chunks") in reading order and, for every element
//! kept, its place in the tree and how much text and link text it holds.

use ego_tree::iter::Edge;
use scraper::{node::Element, Html, Node};

use crate::furniture::is_furniture_name;

/// Elements dropped with everything inside them: code, media, form controls and page chrome. (Not `form`: some
/// sites wrap the whole page in one.)
const DROPPED_TAGS: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "figcaption",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "option",
    "nav",
    "header",
    "footer",
    "aside",
    "menu",
    "dialog",
];

/// ARIA roles of page chrome.
const DROPPED_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu"];

/// Elements that start a new block of text; everything else is inline.
const BLOCK_TAGS: &[&str] = &[
    "html",
    "body",
    "main",
    "article",
    "section",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "figure",
    "caption",
    "address",
    "center",
    "details",
    "summary",
    "hr",
    "br",
    "hgroup",
];

/// Elements never dropped for their class or id: the page itself and its declared main content.
const PROTECTED_TAGS: &[&str] = &["html", "body", "main", "article"];

/// What kind of block a chunk of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Heading,
    ListItem,
    Other,
}

/// A run of text from one block element, whitespace collapsed.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// The block element it belongs to (an index into [`Page::elements`]).
    pub element: usize,
    pub kind: BlockKind,
    pub text: String,
    /// Bytes of the text inside links.
    pub link_bytes: usize,
}

/// An element kept by the walk.
#[derive(Debug, Clone)]
pub(crate) struct ElementInfo<'a> {
    pub parent: Option<usize>,
    /// The last element inside it (pre-order index): the element's subtree is `index..=last`.
    pub last: usize,
    pub tag: &'a str,
    pub class: &'a str,
    pub id: &'a str,
    /// Whether the class or id names a furniture box (share bar, related list, comments…).
    pub furniture: bool,
    /// Bytes of text inside it, and of that inside links.
    pub text_bytes: usize,
    pub link_bytes: usize,
}

/// The chunks and elements of a page.
#[derive(Debug, Default)]
pub(crate) struct Page<'a> {
    pub elements: Vec<ElementInfo<'a>>,
    pub chunks: Vec<Chunk>,
}

impl<'a> Page<'a> {
    /// The page without the text of furniture boxes: elements whose class or id names furniture, unless they
    /// hold most of the page's text (a wrapper such as `<div class="page has-sidebar">` holds the article too).
    pub(crate) fn without_furniture_boxes(mut self) -> Page<'a> {
        let prose = |info: &ElementInfo| info.text_bytes - info.link_bytes.min(info.text_bytes);
        let page_prose = self.elements.first().map_or(0, prose);
        let mut excluded = vec![false; self.elements.len()];
        for (index, info) in self.elements.iter().enumerate() {
            let inherited = info.parent.is_some_and(|parent| excluded[parent]);
            excluded[index] = inherited || (info.furniture && prose(info) * 2 < page_prose);
        }
        self.chunks.retain(|chunk| !excluded[chunk.element]);
        for info in &mut self.elements {
            (info.text_bytes, info.link_bytes) = (0, 0);
        }
        for chunk in &self.chunks {
            let info = &mut self.elements[chunk.element];
            info.text_bytes += chunk.text.len();
            info.link_bytes += chunk.link_bytes;
        }
        for index in (0..self.elements.len()).rev() {
            if let Some(parent) = self.elements[index].parent {
                let (text_bytes, link_bytes) = (self.elements[index].text_bytes, self.elements[index].link_bytes);
                self.elements[parent].text_bytes += text_bytes;
                self.elements[parent].link_bytes += link_bytes;
            }
        }
        self
    }
}

/// The state of the walk: open elements, the block receiving text, and the text gathered so far.
struct Walker<'a> {
    page: Page<'a>,
    open: Vec<usize>,
    blocks: Vec<usize>,
    buffer: String,
    buffer_link_bytes: usize,
    pending_space: bool,
    link_depth: usize,
    pre_depth: usize,
}

/// Walks the page, dropping chrome by tag, role and hidden state.
pub(crate) fn walk(html: &Html) -> Page<'_> {
    let mut walker = Walker {
        page: Page::default(),
        open: Vec::new(),
        blocks: Vec::new(),
        buffer: String::new(),
        buffer_link_bytes: 0,
        pending_space: false,
        link_depth: 0,
        pre_depth: 0,
    };
    let mut skipping = None;
    for edge in html.tree.root().traverse() {
        match (edge, skipping) {
            (Edge::Close(node), Some(id)) if node.id() == id => skipping = None,
            (_, Some(_)) => {}
            (Edge::Open(node), None) => match node.value() {
                Node::Element(element) => {
                    let attributes = Attributes::of(element);
                    if attributes.hidden || DROPPED_TAGS.contains(&element.name()) {
                        skipping = Some(node.id());
                    } else {
                        walker.open_element(element.name(), &attributes);
                    }
                }
                Node::Text(text) => walker.text(text),
                _ => {}
            },
            (Edge::Close(node), None) => {
                if let Node::Element(element) = node.value() {
                    walker.close_element(element.name());
                }
            }
        }
    }
    walker.flush();
    walker.page
}

/// The attributes the walk reads, found in one pass over the element's attributes.
#[derive(Default)]
struct Attributes<'a> {
    class: &'a str,
    id: &'a str,
    hidden: bool,
}

impl<'a> Attributes<'a> {
    fn of(element: &'a Element) -> Self {
        let mut attributes = Attributes::default();
        for (name, value) in element.attrs() {
            match name {
                "class" => attributes.class = value,
                "id" => attributes.id = value,
                "hidden" => attributes.hidden = true,
                "aria-hidden" => attributes.hidden |= value.trim() == "true",
                "style" => attributes.hidden |= style_hides(value),
                "role" => attributes.hidden |= DROPPED_ROLES.contains(&value.trim()),
                _ => {}
            }
        }
        attributes
    }
}

/// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
fn style_hides(style: &str) -> bool {
    style.split(';').filter_map(|declaration| declaration.split_once(':')).any(|(property, value)| {
        let (property, value) = (property.trim(), value.trim());
        (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (property.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

impl<'a> Walker<'a> {
    fn open_element(&mut self, tag: &'a str, attributes: &Attributes<'a>) {
        let index = self.page.elements.len();
        let (class, id) = (attributes.class, attributes.id);
        let furniture = !PROTECTED_TAGS.contains(&tag) && (is_furniture_name(class) || is_furniture_name(id));
        self.page.elements.push(ElementInfo {
            parent: self.open.last().copied(),
            last: index,
            tag,
            class,
            id,
            furniture,
            text_bytes: 0,
            link_bytes: 0,
        });
        self.open.push(index);
        match tag {
            "a" => self.link_depth += 1,
            "pre" => self.pre_depth += 1,
            _ => {}
        }
        if BLOCK_TAGS.contains(&tag) {
            self.flush();
            self.blocks.push(index);
        } else if matches!(tag, "td" | "th") {
            self.pending_space = true;
        }
    }

    fn close_element(&mut self, tag: &str) {
        if BLOCK_TAGS.contains(&tag) {
            self.flush();
            self.blocks.pop();
        }
        match tag {
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            _ => {}
        }
        let Some(index) = self.open.pop() else { return };
        let last = self.page.elements.len() - 1;
        let (text_bytes, link_bytes) = {
            let info = &mut self.page.elements[index];
            info.last = last;
            (info.text_bytes, info.link_bytes)
        };
        if let Some(&parent) = self.open.last() {
            self.page.elements[parent].text_bytes += text_bytes;
            self.page.elements[parent].link_bytes += link_bytes;
        }
    }

    fn text(&mut self, text: &str) {
        let before = self.buffer.len();
        if self.pre_depth > 0 {
            self.buffer.push_str(text);
        } else {
            let mut separate = self.pending_space || text.starts_with(char::is_whitespace);
            let mut any_word = false;
            for word in text.split_whitespace() {
                if separate && !self.buffer.is_empty() {
                    self.buffer.push(' ');
                }
                self.buffer.push_str(word);
                separate = true;
                any_word = true;
            }
            self.pending_space = if any_word { text.ends_with(char::is_whitespace) } else { separate };
        }
        let added = self.buffer.len() - before;
        if self.link_depth > 0 {
            self.buffer_link_bytes += added;
        }
        if let Some(&index) = self.open.last() {
            self.page.elements[index].text_bytes += added;
            if self.link_depth > 0 {
                self.page.elements[index].link_bytes += added;
            }
        }
    }

    /// Ends the current chunk, if it holds any text.
    fn flush(&mut self) {
        self.pending_space = false;
        let text = std::mem::take(&mut self.buffer);
        let link_bytes = std::mem::take(&mut self.buffer_link_bytes);
        let text = if self.pre_depth > 0 { text.trim_matches('\n').to_string() } else { text };
        let Some(&element) = self.blocks.last() else { return };
        if text.trim().is_empty() {
            return;
        }
        let kind = match self.page.elements[element].tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            "li" | "dd" | "dt" => BlockKind::ListItem,
            _ => BlockKind::Other,
        };
        let link_bytes = link_bytes.min(text.len());
        self.page.chunks.push(Chunk { element, kind, text, link_bytes });
    }
}
