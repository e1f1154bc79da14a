//! The public API's promises that the compiler can check: every public type is owned,
//! `Send + Sync`, and the model types serialize both ways.

use hf_papers::*;
use serde::{Serialize, de::DeserializeOwned};

fn send_sync<T: Send + Sync + 'static>() {}
fn model<
    T: Send + Sync + Clone + std::fmt::Debug + PartialEq + Serialize + DeserializeOwned + 'static,
>() {
}

#[test]
fn public_types_are_send_and_sync() {
    model::<Listing>();
    model::<Paper>();
    model::<PaperPage>();
    model::<Author>();
    model::<User>();
    model::<Organization>();
    model::<Comment>();
    model::<Coverage>();
    model::<UnidentifiedPaper>();
    model::<Highlight>();
    model::<HighlightKind>();
    model::<LinkedRepos>();
    model::<Period>();
    model::<Week>();
    model::<Month>();
    model::<Source>();
    model::<ClaimStatus>();
    model::<ArxivId>();
    model::<Warning>();
    model::<WarningKind>();
    model::<Document>();
    send_sync::<Error>();
    send_sync::<Stage>();
    send_sync::<ArxivIdError>();
    send_sync::<ArxivIdErrorKind>();
    send_sync::<CountError>();
    send_sync::<PeriodParseError>();
    send_sync::<ParseOptions>();
    send_sync::<InputKind>();
    send_sync::<urls::DailyPapersRequest>();
    send_sync::<urls::Sort>();
}

#[test]
fn errors_are_std_errors_with_lowercase_messages() {
    fn std_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    let err = parse("not a page").expect_err("refused");
    std_error(&err);
    let message = err.to_string();
    assert!(message.starts_with(|c: char| c.is_lowercase()), "{message}");
    assert!(!message.ends_with('.'), "{message}");
    let id_err = "2503.0213".parse::<ArxivId>().expect_err("truncated");
    std_error(&id_err);
    assert!(!id_err.to_string().ends_with('.'));
}

/// `detect` names the kind of every fixture the way `parse` reads it.
#[test]
fn detect_agrees_with_parse_on_every_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let path = entry.path();
        if path.is_dir() || path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("utf-8");
        let kind = detect(&text);
        match parse(&text) {
            Ok(Document::Listing(_)) => assert!(
                matches!(
                    kind,
                    Some(
                        InputKind::ListingHtml
                            | InputKind::ListingJson
                            | InputKind::ListingObjectJson
                            | InputKind::TextCapture
                    )
                ),
                "{}: {kind:?}",
                path.display()
            ),
            Ok(Document::Paper(_)) => assert!(
                matches!(kind, Some(InputKind::PaperHtml | InputKind::PaperJson)),
                "{}: {kind:?}",
                path.display()
            ),
            Ok(_) => {}
            Err(_) => assert!(
                !matches!(kind, Some(InputKind::ListingJson | InputKind::PaperJson)),
                "{}: {kind:?}",
                path.display()
            ),
        }
        checked += 1;
    }
    assert!(checked > 20);
}
