//! Atom 1.0, written with atom_syndication.

use std::io::{self, Write};

use atom_syndication::{
    Category, Entry as AtomEntry, Feed as AtomFeed, Generator, Link, Person, Text, WriteConfig,
};

use super::{Entry, Feed, xml_text};

pub(super) fn write<W: Write>(feed: &Feed<'_>, mut writer: W) -> io::Result<()> {
    let options = feed.options;
    let mut atom = AtomFeed {
        title: Text::plain(xml_text(&options.title)),
        id: xml_text(options.feed_id()),
        updated: feed.updated.fixed_offset(),
        subtitle: Some(Text::plain(xml_text(&options.description))),
        authors: vec![Person {
            name: "Hugging Face Daily Papers".to_owned(),
            uri: Some("https://huggingface.co/papers".to_owned()),
            ..Person::default()
        }],
        generator: Some(Generator {
            value: "hf-papers".to_owned(),
            uri: None,
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
        ..AtomFeed::default()
    };
    atom.links
        .push(link(&options.home_page, "alternate", "text/html", None));
    if let Some(href) = &options.self_link {
        atom.links
            .push(link(href, "self", "application/atom+xml", None));
    }
    atom.entries = feed
        .entries
        .iter()
        .map(|e| entry(e, feed.updated))
        .collect();
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    // Into memory first, so that the writer's own errors reach the caller unchanged.
    let mut xml = atom
        .write_with_config(Vec::new(), config)
        .map_err(io::Error::other)?;
    xml.push(b'\n');
    writer.write_all(&xml)?;
    writer.flush()
}

fn entry(e: &Entry<'_>, feed_updated: chrono::DateTime<chrono::Utc>) -> AtomEntry {
    let paper = e.paper;
    AtomEntry {
        title: Text::plain(xml_text(&e.title)),
        id: e.id.clone(),
        updated: e.updated.unwrap_or(feed_updated).fixed_offset(),
        published: e.published.map(|at| at.fixed_offset()),
        authors: e
            .authors
            .iter()
            .map(|(name, uri)| Person {
                name: xml_text(name),
                uri: uri.as_deref().map(xml_text),
                ..Person::default()
            })
            .collect(),
        links: vec![
            link(&e.id, "alternate", "text/html", None),
            link(&e.arxiv_url, "related", "text/html", Some("arXiv")),
        ],
        summary: paper.summary.as_deref().map(|s| Text::plain(xml_text(s))),
        categories: paper
            .ai_keywords
            .iter()
            .flatten()
            .map(|keyword| Category {
                term: xml_text(keyword),
                ..Category::default()
            })
            .collect(),
        ..AtomEntry::default()
    }
}

fn link(href: &str, rel: &str, mime_type: &str, title: Option<&str>) -> Link {
    Link {
        href: xml_text(href),
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        title: title.map(str::to_owned),
        ..Link::default()
    }
}
