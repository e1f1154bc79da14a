//! The blob reader against decoding the references, then serde_json.

use super::reader::first_special_in_words;
use super::*;
use crate::wire::listing::WireListing;
use crate::wire::paper_page::WirePaperContent;
use proptest::prelude::*;
use serde_json::Value;

/// What the reader must agree with: decode the references, then serde_json.
fn slow(raw: &str) -> Option<Value> {
    serde_json::from_str(&entities::decode(raw)).ok()
}

fn fast(raw: &str) -> Option<Value> {
    value_from_attribute(raw, 127)
}

/// JSON written into a double-quoted attribute as the site writes it.
fn attribute(json: &str) -> String {
    json.replace('&', "&amp;").replace('"', "&quot;")
}

#[test]
fn reads_what_the_site_writes() {
    let raw = attribute(
        r#"{"id":"2607.01234","title":"A \"Quoted\" & <Odd> Title\n","n":[1,-2,0,true,false,null],"e":{},"l":[],"u":"\u00e9\ud83d\ude00 caf\u00e9"}"#,
    );
    assert_eq!(fast(&raw), slow(&raw));
    assert!(fast(&raw).is_some());
    // Literal quotes (a single-quoted attribute), spaces between tokens, other
    // references inside strings.
    for raw in [
        r#"{"a": "b", "c" : [ 1 , 2 ] }"#,
        "{&quot;a&quot;:&quot;it&#39;s &lt;b&gt; &eacute; &amp;quot;&quot;}",
        r#"{"a":"AT&T &c; &amp"}"#,
    ] {
        assert_eq!(fast(raw), slow(raw), "{raw}");
        assert!(fast(raw).is_some(), "{raw}");
    }
}

#[test]
fn gives_up_on_what_it_does_not_read() {
    for raw in [
        "",
        "{",
        r#"{"a":1,}"#,
        r#"[1,]"#,
        r#"{"a":1.5e3}"#,
        r#"{"a":0.12345678901234567890123}"#,
        r#"{"a":12345678901234567.5}"#,
        r#"{"a":1.}"#,
        r#"{"a":01}"#,
        r#"{"a":-}"#,
        r#"{"a":"\x"}"#,
        r#"{"a":"\ud800"}"#,
        r#"{"a":"\udc00"}"#,
        "{\"a\":\"line\nbreak\"}",
        "{&#34;a&#34;:1}",
        "{&quot;a&quot;:&quot;&#34;&quot;}",
        "{&quot;a&quot;:&quot;&#92;n&quot;}",
        "{&quot;a&quot;:&quot;&#10;&quot;}",
        r#"{"a":1} x"#,
        r#"{"a":1}{}"#,
        r#"{1:2}"#,
        "[[[[1]]]]",
    ] {
        let read = value_from_attribute(raw, 3);
        assert_eq!(read, None, "{raw}");
    }
    // Floats are read when only skipped (an unknown key of a wire struct).
    let wire: Option<WireListing<'_>> = from_attribute(r#"{"score":1.5e-3,"dateString":"x"}"#, 8);
    assert!(wire.is_some());
}

#[test]
fn reads_short_fractions_as_serde_json_does() {
    for raw in [
        "12.0",
        "-0.0",
        "0.75",
        "-3.25",
        "0.1",
        "123456.789",
        "9007199254740.992",
    ] {
        let read = fast(raw);
        assert!(read.is_some(), "{raw}");
        assert_eq!(read, slow(raw), "{raw}");
        assert_eq!(
            read.and_then(|v| v.as_f64()).map(f64::to_bits),
            raw.parse::<f64>().ok().map(f64::to_bits)
        );
    }
}

/// The wire structs of every fixture and (with `HF_PAPERS_CORPUS`) every real page's
/// blob come out of both readers the same, and the fast one does read them.
#[test]
fn every_page_blob_reads_the_same_both_ways() {
    let mut pages = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
    if let Some(corpus) = std::env::var_os("HF_PAPERS_CORPUS") {
        dirs.push(std::path::PathBuf::from(corpus).join("html"));
    }
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).expect("readable directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "html") {
                pages.push((path.clone(), std::fs::read_to_string(&path).expect("page")));
            }
        }
    }
    let mut read = 0;
    for (path, page) in &pages {
        let scan = crate::extract::html_scan::scan(page);
        for hydrater in &scan.hydraters {
            let Some(props) = hydrater.props else {
                continue;
            };
            let decoded = entities::decode(props.value);
            let (fast, slow) = match hydrater.target.as_str() {
                "DailyPapers" => both_readings(
                    from_attribute::<WireListing<'_>>(props.value, json::SERDE_JSON_DEPTH),
                    &decoded,
                ),
                "PaperContent" => both_readings(
                    from_attribute::<WirePaperContent<'_>>(props.value, json::SERDE_JSON_DEPTH),
                    &decoded,
                ),
                _ => continue,
            };
            let slow = slow.ok();
            if slow.is_some() {
                read += 1;
            }
            assert_eq!(fast, slow, "{}", path.display());
        }
    }
    assert!(read >= 10, "only {read} blobs read");
}

/// JSON values with the characters that matter here in their strings and keys.
fn json_value(floats: bool) -> impl Strategy<Value = Value> {
    let text = "[a-z\"\\\\&<>'/;#é😀\u{1}\n ]{0,12}";
    let float = if floats { 1 } else { 0 };
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => text.prop_map(Value::String),
        float => any::<f64>().prop_map(Value::from),
        float => (any::<i32>(), 0u32..25).prop_map(|(n, k)| Value::from(f64::from(n) / 10f64.powi(k as i32))),
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Ways to write a JSON text into an attribute, all decoding back to it.
fn written(json: &str, style: u8) -> String {
    match style % 4 {
        0 => attribute(json),
        // Also `<`, `>` and `'` as references, the way some serializers do.
        1 => attribute(json)
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\'', "&#39;"),
        // Numeric references for the quotes inside strings' escapes only.
        2 => attribute(json).replace("\\&quot;", "\\&#34;"),
        // A single-quoted attribute: quotes stay literal.
        _ => json.replace('&', "&amp;").replace('\'', "&#39;"),
    }
}

/// Keys of the wire structs (and one of none), so that generated objects land in their
/// fields, with values of every JSON type, repeated keys among them.
const WIRE_KEYS: &[&str] = &[
    "dailyPapers",
    "dateString",
    "query",
    "paper",
    "id",
    "title",
    "summary",
    "authors",
    "_id",
    "name",
    "hidden",
    "user",
    "upvotes",
    "numComments",
    "submittedBy",
    "fullname",
    "isPro",
    "ai_keywords",
    "organization",
    "comments",
    "upvoters",
    "author",
    "data",
    "other",
];

/// JSON text shaped like the wire structs' input: objects with their keys (repeated or not),
/// values of any type in any field.
fn wire_json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (any::<i32>(), 0u32..4)
            .prop_map(|(n, k)| (f64::from(n) / 10f64.powi(k as i32)).to_string()),
        "[a-z\"\\\\&é😀 ]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(","))),
            wire_object(inner),
        ]
    })
}

fn wire_object(values: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WIRE_KEYS), values), 0..7).prop_map(|entries| {
        let entries: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("\"{k}\":{v}"))
            .collect();
        format!("{{{}}}", entries.join(","))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The wire structs read straight from the tokens are what serde_json reads into them,
    /// whatever type each field holds; read whenever serde_json reads them, but for a
    /// fraction the reader cannot read exactly.
    #[test]
    fn wire_structs_agree_with_serde_json(json in wire_object(wire_json()), style in any::<u8>()) {
        let raw = written(&json, style);
        let decoded = entities::decode(&raw);
        for (fast, slow) in [
            both_readings(from_attribute::<WireListing<'_>>(&raw, 127), &decoded),
            both_readings(from_attribute::<WirePaperContent<'_>>(&raw, 127), &decoded),
        ] {
            let slow = slow.ok();
            if fast.is_some() {
                prop_assert_eq!(&fast, &slow);
            }
            if slow.is_some() && !json.contains('.') && style % 4 != 2 {
                prop_assert!(fast.is_some(), "not read: {}", raw);
            }
        }
    }

    /// Whatever the writing, the reader gives serde_json's value, and reads every
    /// value without floats or control characters itself.
    #[test]
    fn agrees_with_decoding_then_serde_json(value in json_value(false), style in any::<u8>(), pretty in any::<bool>()) {
        let json = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        let raw = written(&json, style);
        let read = fast(&raw);
        if read.is_some() {
            prop_assert_eq!(&read, &slow(&raw));
        }
        let plain = !json.bytes().any(|b| b < 0x20 && !(pretty && b == b'\n'));
        if plain && style % 4 != 2 {
            prop_assert_eq!(read, Some(value));
        }
    }

    /// The word-at-a-time search finds what `memchr3` finds, or says to look further
    /// only when its first 16 bytes (as many whole words as there are) hold none.
    #[test]
    fn word_search_finds_what_memchr3_finds(
        bytes in prop::collection::vec(prop::sample::select(b"\"&\\a\x00\x80\xff%'\x7f\x01".to_vec()), 0..40),
    ) {
        let expected = memchr::memchr3(b'"', b'&', b'\\', &bytes);
        match first_special_in_words(&bytes) {
            Some(found) => prop_assert_eq!(Some(found), expected),
            None => {
                let searched = bytes.len().min(16) / 8 * 8;
                prop_assert!(expected.is_none_or(|at| at >= searched));
            }
        }
    }

    /// Floats: read only as serde_json reads them.
    #[test]
    fn floats_agree(value in json_value(true)) {
        let raw = attribute(&serde_json::to_string(&value).unwrap());
        let read = fast(&raw);
        if read.is_some() {
            prop_assert_eq!(read, slow(&raw));
        }
    }

    /// Damaged input: never a value serde_json would not give.
    #[test]
    fn never_reads_what_serde_json_refuses(
        value in json_value(true),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..12), 1..4),
    ) {
        let mut raw = attribute(&serde_json::to_string(&value).unwrap()).into_bytes();
        const PIECES: [&[u8]; 12] = [
            b"&quot;", b"\\", b",", b"]", b"}", b":", b"&", b"&#34;", b"1.0", b"-", b"\x01", b"",
        ];
        for (at, piece) in edits {
            let at = at.index(raw.len() + 1);
            if piece == 11 {
                if at < raw.len() {
                    raw.remove(at);
                }
            } else {
                raw.splice(at..at, PIECES[piece].iter().copied());
            }
        }
        let Ok(raw) = String::from_utf8(raw) else { return Ok(()) };
        let read = fast(&raw);
        if read.is_some() {
            prop_assert_eq!(read, slow(&raw));
        }
    }
}
