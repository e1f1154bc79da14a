//! Properties every successful parse must have, shared by the targets.
// Each target uses only some of these.
#![allow(dead_code)]

use hf_papers::{ArxivId, Document, Listing, PaperPage};

/// Ids print and parse back; the record survives a JSON round trip.
pub fn check_listing(listing: &Listing) {
    for paper in &listing.papers {
        let again: ArxivId = paper
            .id
            .to_string()
            .parse()
            .expect("an id's display parses");
        assert_eq!(again, paper.id);
        assert!(paper.url.starts_with("https://huggingface.co/papers/"));
    }
    let json = serde_json::to_string(listing).expect("serializes");
    let back: Listing = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(&back, listing);
}

pub fn check_page(page: &PaperPage) {
    let again: ArxivId = page
        .paper
        .id
        .to_string()
        .parse()
        .expect("an id's display parses");
    assert_eq!(again, page.paper.id);
    let json = serde_json::to_string(page).expect("serializes");
    let back: PaperPage = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(&back, page);
}

pub fn check_document(document: &Document) {
    match document {
        Document::Listing(listing) => check_listing(listing),
        Document::Paper(page) => check_page(page),
        _ => {}
    }
}
