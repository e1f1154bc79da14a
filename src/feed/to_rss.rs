//! RSS 2.0, written with the rss crate.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rss::extension::dublincore::DublinCoreExtension;
use rss::extension::{Extension, ExtensionMap};
use rss::{Category, Channel, Guid, Item};

use super::{Entry, Feed, xml_text};

const ATOM_NAMESPACE: &str = "http://www.w3.org/2005/Atom";

pub(super) fn write<W: Write>(feed: &Feed<'_>, mut writer: W) -> io::Result<()> {
    let options = feed.options;
    let mut channel = Channel {
        title: xml_text(&options.title),
        link: xml_text(&options.home_page),
        description: xml_text(&options.description),
        last_build_date: Some(feed.updated.to_rfc2822()),
        generator: Some(format!("hf-papers {}", env!("CARGO_PKG_VERSION"))),
        items: feed.entries.iter().map(item).collect(),
        ..Channel::default()
    };
    channel
        .namespaces
        .insert("atom".to_owned(), ATOM_NAMESPACE.to_owned());
    if let Some(href) = &options.self_link {
        channel.extensions = atom_link(href, "self", "application/rss+xml");
    }
    // Into memory first, so that the writer's own errors reach the caller unchanged.
    let mut xml = channel
        .pretty_write_to(Vec::new(), b' ', 2)
        .map_err(io::Error::other)?;
    xml.push(b'\n');
    writer.write_all(&xml)?;
    writer.flush()
}

fn item(e: &Entry<'_>) -> Item {
    let paper = e.paper;
    let creators: Vec<String> = e.authors.iter().map(|(name, _)| xml_text(name)).collect();
    Item {
        title: Some(xml_text(&e.title)),
        link: Some(e.id.clone()),
        description: paper.summary.as_deref().map(xml_text),
        guid: Some(Guid {
            value: e.id.clone(),
            permalink: true,
        }),
        pub_date: e.published.map(|at| at.to_rfc2822()),
        comments: Some(format!("{}#community", e.id)),
        categories: paper
            .ai_keywords
            .iter()
            .flatten()
            .map(|keyword| Category {
                name: xml_text(keyword),
                domain: None,
            })
            .collect(),
        dublin_core_ext: (!creators.is_empty()).then(|| DublinCoreExtension {
            creators,
            ..DublinCoreExtension::default()
        }),
        extensions: atom_link(&e.arxiv_url, "related", "text/html"),
        ..Item::default()
    }
}

/// An `<atom:link>` element as an extension map (the rss crate's own Atom extension would
/// pull in atom_syndication's builder macros).
fn atom_link(href: &str, rel: &str, mime_type: &str) -> ExtensionMap {
    let attrs = BTreeMap::from([
        ("href".to_owned(), xml_text(href)),
        ("rel".to_owned(), rel.to_owned()),
        ("type".to_owned(), mime_type.to_owned()),
    ]);
    let link = Extension {
        name: "atom:link".to_owned(),
        value: None,
        attrs,
        children: BTreeMap::new(),
    };
    let by_name = BTreeMap::from([("link".to_owned(), vec![link])]);
    BTreeMap::from([("atom".to_owned(), by_name)])
}
