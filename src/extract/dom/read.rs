//! Reading a built tree: selectors, text, counts, links to papers and handles, image and
//! canonical URLs. No scraper type leaves this crate.

use std::borrow::Cow;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::tokens::is_space;
use crate::ArxivId;
use crate::normalize::{absolute_url, clean_text, parse_count};

/// A selector built once.
pub(crate) fn selector(css: &'static str) -> Selector {
    Selector::parse(css).expect("the crate's own selectors are valid CSS")
}

pub(crate) static ANCHORS: LazyLock<Selector> = LazyLock::new(|| selector("a[href]"));
pub(crate) static IMAGES: LazyLock<Selector> = LazyLock::new(|| selector("img"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
static OG_URL: LazyLock<Selector> = LazyLock::new(|| selector("meta[property][content]"));

/// Reading an element's attribute by name: scraper's `Element::attr` interns the name as an
/// atom (a hash and a table lookup) on every call, and the readers ask for thousands of
/// attributes per page; this compares the names as they are stored.
pub(crate) trait ReadAttr<'a> {
    /// The value of the attribute `name` (lowercase, without a namespace), as
    /// `Element::attr` gives it.
    fn read_attr(&self, name: &str) -> Option<&'a str>;
}

impl<'a> ReadAttr<'a> for ElementRef<'a> {
    fn read_attr(&self, name: &str) -> Option<&'a str> {
        // `Element::attr` matches the whole qualified name: no prefix, no namespace.
        for (qualified, value) in &self.value().attrs {
            if qualified.prefix.is_none() && qualified.ns.is_empty() && &*qualified.local == name {
                return Some(value);
            }
        }
        None
    }
}

/// Every element of the document, in the order `doc.select("*")` gives them (the tree's
/// creation order, elements still attached), without matching a selector against each: the
/// readers that look for a label walk them all several times.
pub(crate) fn all_elements(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    doc.tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.parent().is_some())
}

/// The document's elements with one of these (lowercase) names, in `doc.select` order: a
/// type selector without the matching machinery, for the passes over a whole page.
pub(crate) fn elements_named<'a>(
    doc: &'a Html,
    names: &'static [&'static str],
) -> impl Iterator<Item = ElementRef<'a>> {
    all_elements(doc).filter(move |e| names.contains(&e.value().name()))
}

/// The document's links (`a[href]`), in `doc.select` order.
pub(crate) fn anchors(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    elements_named(doc, &["a"]).filter(|a| a.read_attr("href").is_some())
}

/// All the text under `el`, with whitespace collapsed and entities decoded (`clean_text`).
pub(crate) fn text(el: ElementRef<'_>) -> String {
    let raw: String = el.text().collect();
    clean_text(&raw).into_owned()
}

/// The text of `el`'s own text children (not of its child elements), cleaned.
///
/// Readers ask it of every element while they look for a label, so it borrows from the tree
/// when it can: a single text child is trimmed before it is cleaned, as a pretty-printed page
/// wraps every text in a line break and indentation that would make `clean_text` copy it
/// (`clean_text` trims those anyway).
pub(crate) fn own_text(el: ElementRef<'_>) -> Cow<'_, str> {
    let mut texts = el.children().filter_map(|n| match n.value() {
        Node::Text(t) => Some(&**t),
        _ => None,
    });
    // Most elements have one text child or none: no copy to join them.
    let Some(first) = texts.next() else {
        return Cow::Borrowed("");
    };
    match texts.next() {
        None => clean_text(first.trim_matches(|c| u8::try_from(c).is_ok_and(is_space))),
        Some(second) => {
            let mut raw = String::from(first);
            raw.push_str(second);
            raw.extend(texts);
            Cow::Owned(clean_text(&raw).into_owned())
        }
    }
}

/// A count shown as text (`1,056`, `-` for zero, `1.2k`).
pub(crate) fn count(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    parse_count(t)
}

/// Whether `el` has no child elements.
pub(crate) fn is_leaf(el: ElementRef<'_>) -> bool {
    el.child_elements().next().is_none()
}

/// The element's ancestors, nearest first.
pub(crate) fn ancestors<'a>(el: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    el.ancestors().filter_map(ElementRef::wrap)
}

/// Whether `el` is inside `outer` (or is it).
pub(crate) fn within(el: ElementRef<'_>, outer: ElementRef<'_>) -> bool {
    el.id() == outer.id() || ancestors(el).any(|a| a.id() == outer.id())
}

/// The path of a link to this site, without the host: `/papers/2607.01234#community` for
/// both `/papers/...` and `https://huggingface.co/papers/...`. `None` for other sites.
pub(crate) fn site_path(href: &str) -> Option<&str> {
    let href = href.trim();
    for host in [
        "https://huggingface.co",
        "http://huggingface.co",
        "//huggingface.co",
    ] {
        if let Some(rest) = href.strip_prefix(host) {
            return Some(if rest.is_empty() { "/" } else { rest }).filter(|r| r.starts_with('/'));
        }
    }
    href.starts_with('/')
        .then_some(href)
        .filter(|h| !h.starts_with("//"))
}

/// The paper a link points to: `/papers/<id>` (any fragment or query), on this site only.
pub(crate) fn paper_link(href: &str) -> Option<ArxivId> {
    let path = site_path(href)?;
    let rest = path.strip_prefix("/papers/")?;
    let id = rest.split(['#', '?']).next()?;
    if id.is_empty() || id.contains('/') {
        return None;
    }
    ArxivId::parse(id).ok().map(|id| id.without_version())
}

/// The handle a one-segment link names (`/lumen-sparse-lab` → `lumen-sparse-lab`), for
/// links to users and organizations; site sections (`/papers`, `/login`, ...) are not handles.
pub(crate) fn handle_link(href: &str) -> Option<&str> {
    const SECTIONS: [&str; 16] = [
        "papers",
        "login",
        "join",
        "models",
        "datasets",
        "spaces",
        "collections",
        "docs",
        "pricing",
        "settings",
        "blog",
        "posts",
        "enterprise",
        "learn",
        "search",
        "api",
    ];
    let path = site_path(href)?;
    let handle = path.strip_prefix('/')?;
    let ok = !handle.is_empty()
        && !SECTIONS.contains(&handle)
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    ok.then_some(handle)
}

/// An image's address as an absolute URL (`src`, or a lazy loader's `data-src`).
pub(crate) fn image_url(img: ElementRef<'_>) -> Option<String> {
    img.read_attr("src")
        .filter(|s| !s.trim().is_empty() && !s.trim_start().starts_with("data:"))
        .or_else(|| img.read_attr("data-src"))
        .and_then(absolute_url)
}

/// The page's canonical URL (`<link rel="canonical">`), else its `og:url`.
pub(crate) fn canonical_or_og_url(doc: &Html) -> Option<String> {
    let canonical = doc.select(&CANONICAL).find(|l| {
        l.read_attr("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("canonical"))
        })
    });
    canonical
        .and_then(|l| l.read_attr("href"))
        .or_else(|| {
            doc.select(&OG_URL)
                .find(|m| m.read_attr("property") == Some("og:url"))
                .and_then(|m| m.read_attr("content"))
        })
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_elements_are_those_of_the_star_selector() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let star = selector("*");
        for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("html") {
                continue;
            }
            let doc = Html::parse_document(&std::fs::read_to_string(&path).expect("utf-8"));
            let ids = |it: &mut dyn Iterator<Item = ElementRef<'_>>| {
                it.map(|e| e.id()).collect::<Vec<_>>()
            };
            assert_eq!(
                ids(&mut all_elements(&doc)),
                ids(&mut doc.select(&star)),
                "{}",
                path.display()
            );
        }
        // The whole-page passes: the same elements as their selectors.
        let page = "<h1>t</h1><svg><a href=x>s</a></svg><a>no</a><A HREF=y>b</A><h4 id=c>h</h4>";
        let doc = Html::parse_document(page);
        let same = |css: &'static str, ours: Vec<ElementRef<'_>>| {
            assert!(
                ours.iter()
                    .map(|e| e.id())
                    .eq(doc.select(&selector(css)).map(|e| e.id())),
                "{css}"
            );
        };
        same("a[href]", anchors(&doc).collect());
        same(
            "h1, h2, h3, h4",
            elements_named(&doc, &["h1", "h2", "h3", "h4"]).collect(),
        );
        same(
            "[id]",
            all_elements(&doc)
                .filter(|e| e.read_attr("id").is_some())
                .collect(),
        );
        // Foster parenting and the adoption agency move nodes: still the same order.
        let soup = "<table><b>x<tr><td>y</b></table><p><i>a<div>b</i>c</div>";
        let doc = Html::parse_document(soup);
        assert!(
            all_elements(&doc)
                .map(|e| e.id())
                .eq(doc.select(&star).map(|e| e.id()))
        );
    }

    #[test]
    fn links() {
        let id = |s: &str| paper_link(s).map(|i| i.to_string());
        assert_eq!(id("/papers/2607.01234").as_deref(), Some("2607.01234"));
        assert_eq!(
            id("/papers/2607.01234#community").as_deref(),
            Some("2607.01234")
        );
        assert_eq!(
            id("https://huggingface.co/papers/2607.01234v2").as_deref(),
            Some("2607.01234")
        );
        assert_eq!(id("/papers/date/2026-07-02"), None);
        assert_eq!(id("/papers?date=2026-07-02"), None);
        assert_eq!(id("https://arxiv.org/abs/2607.01234"), None);
        assert_eq!(handle_link("/lumen-sparse-lab"), Some("lumen-sparse-lab"));
        assert_eq!(
            handle_link("https://huggingface.co/NorthfieldAI"),
            Some("NorthfieldAI")
        );
        assert_eq!(handle_link("/papers"), None);
        assert_eq!(handle_link("/login?next=%2Fpapers"), None);
        assert_eq!(handle_link("/papers/2607.01234"), None);
        assert_eq!(handle_link("https://github.com/x"), None);
    }
}
