//! Tests for `ArxivId`: real spellings, rejects, serde and properties.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use hf_papers::{ArxivId, ArxivIdErrorKind};
use proptest::prelude::*;

fn id(s: &str) -> ArxivId {
    match ArxivId::parse(s) {
        Ok(id) => id,
        Err(e) => panic!("{s:?} should parse: {e}"),
    }
}

fn hash_of(id: &ArxivId) -> u64 {
    let mut h = DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// Ids that appear as `paper.id` in real Daily Papers captures, from 2023 to
/// 2026, and in arXiv/HF links of a trending-page capture.
const CORPUS_IDS: &[&str] = &[
    "1910.03771",
    "2006.15704",
    "2302.13971",
    "2309.06180",
    "2310.10688",
    "2401.13923",
    "2403.05812",
    "2403.06098",
    "2403.13043",
    "2404.02258",
    "2406.14833",
    "2407.21783",
    "2408.00118",
    "2409.18747",
    "2411.09012",
    "2412.20138",
    "2501.07730",
    "2502.06608",
    "2503.01493",
    "2503.11647",
    "2505.23473",
    "2506.03690",
    "2506.08012",
    "2509.24002",
    "2512.06776",
    "2601.16211",
    "2602.00095",
    "2603.02133",
    "2605.00623",
    "2606.00467",
    "2606.28661",
    "2607.04690",
    "2607.28618",
];

#[test]
fn corpus_ids_are_canonical() {
    for &s in CORPUS_IDS {
        let parsed = id(s);
        assert_eq!(parsed.to_string(), s);
        assert_eq!(parsed.version(), None);
        assert!(!parsed.is_old_style());
        for spelling in [
            format!("https://huggingface.co/papers/{s}"),
            format!("https://huggingface.co/papers/{s}#community"),
            format!("/papers/{s}"),
            format!("https://arxiv.org/abs/{s}"),
            format!("https://arxiv.org/pdf/{s}"),
            format!("arXiv:{s}"),
        ] {
            assert_eq!(id(&spelling), parsed, "{spelling}");
        }
    }
}

#[test]
fn real_spellings_normalize() {
    let table: &[(&str, &str)] = &[
        // bare
        ("2503.02130", "2503.02130"),
        ("1412.6980", "1412.6980"),
        ("0704.0001", "0704.0001"),
        ("1501.00001", "1501.00001"),
        ("2509.24002", "2509.24002"),
        // prefixes and whitespace
        ("arXiv:2503.02130", "2503.02130"),
        ("arxiv:2503.02130", "2503.02130"),
        ("ARXIV:2503.02130", "2503.02130"),
        ("arXiv: 2503.02130", "2503.02130"),
        ("  2503.02130\n", "2503.02130"),
        ("\t arXiv:1412.6980v9 \r\n", "1412.6980v9"),
        ("\u{a0}2503.02130\u{a0}", "2503.02130"),
        // versions
        ("2503.02130v2", "2503.02130v2"),
        ("2503.02130v1", "2503.02130v1"),
        ("1412.6980v10", "1412.6980v10"),
        ("arXiv:2407.21783v3", "2407.21783v3"),
        // arxiv.org URLs
        ("https://arxiv.org/abs/2509.24002", "2509.24002"),
        ("https://arxiv.org/pdf/2509.24002", "2509.24002"),
        ("https://arxiv.org/pdf/2509.24002v1", "2509.24002v1"),
        ("https://arxiv.org/pdf/2509.24002v1.pdf", "2509.24002v1"),
        ("https://arxiv.org/pdf/2509.24002.pdf", "2509.24002"),
        ("https://arxiv.org/html/2503.02130v2", "2503.02130v2"),
        ("https://arxiv.org/html/2503.02130v2/", "2503.02130v2"),
        ("https://arxiv.org/html/2503.02130v2#S3", "2503.02130v2"),
        ("http://arxiv.org/abs/1412.6980", "1412.6980"),
        ("https://www.arxiv.org/abs/1412.6980", "1412.6980"),
        ("http://export.arxiv.org/abs/2407.21783", "2407.21783"),
        ("export.arxiv.org/pdf/2407.21783v1.pdf", "2407.21783v1"),
        ("arxiv.org/abs/2407.21783", "2407.21783"),
        ("www.arxiv.org/abs/2407.21783/", "2407.21783"),
        ("HTTPS://ArXiv.org/abs/2407.21783", "2407.21783"),
        (
            "https://arxiv.org/abs/2503.02130?context=cs.CL",
            "2503.02130",
        ),
        ("https://arxiv.org/pdf/2503.02130v2#page=3", "2503.02130v2"),
        // huggingface.co URLs
        ("https://huggingface.co/papers/2509.24002", "2509.24002"),
        (
            "https://huggingface.co/papers/2509.24002#community",
            "2509.24002",
        ),
        ("https://huggingface.co/papers/2509.24002/", "2509.24002"),
        (
            "https://huggingface.co/papers/2509.24002?utm_source=x",
            "2509.24002",
        ),
        ("http://www.huggingface.co/papers/2509.24002", "2509.24002"),
        ("huggingface.co/papers/2509.24002", "2509.24002"),
        ("https://hf.co/papers/2509.24002", "2509.24002"),
        ("/papers/2509.24002", "2509.24002"),
        ("/papers/2509.24002#community", "2509.24002"),
        ("papers/2509.24002", "2509.24002"),
        // old style
        ("hep-th/9901001", "hep-th/9901001"),
        ("math.GT/0309136", "math/0309136"),
        ("math.gt/0309136", "math/0309136"),
        ("math.AG/0001001v2", "math/0001001v2"),
        ("cond-mat/0102536", "cond-mat/0102536"),
        ("q-bio/0401001", "q-bio/0401001"),
        ("physics/9403001", "physics/9403001"),
        ("solv-int/9901001v1", "solv-int/9901001v1"),
        ("arXiv:hep-th/9901001v3", "hep-th/9901001v3"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/abs/math.GT/0309136v2", "math/0309136v2"),
        (
            "https://arxiv.org/pdf/cond-mat/0102536v1.pdf",
            "cond-mat/0102536v1",
        ),
        ("hep-ph/9108001", "hep-ph/9108001"),
        ("cs/0703001", "cs/0703001"),
    ];
    for &(input, expected) in table {
        let parsed = id(input);
        assert_eq!(parsed.to_string(), expected, "input {input:?}");
        assert_eq!(id(expected), parsed, "canonical {expected:?} of {input:?}");
    }
}

#[test]
fn rejects_have_the_expected_kind() {
    use ArxivIdErrorKind as K;
    let long = "1".repeat(257);
    let long_url = format!("https://arxiv.org/abs/2503.02130?{}", "x".repeat(230));
    let table: Vec<(&str, K)> = vec![
        ("", K::Empty),
        ("   \n\t", K::Empty),
        (&long, K::TooLong),
        (&long_url, K::TooLong),
        // the truncated id seen in the wild, and its kin
        (
            "2503.0213",
            K::BadNumberLength {
                expected: 5,
                found: 4,
            },
        ),
        (
            "2503.021300",
            K::BadNumberLength {
                expected: 5,
                found: 6,
            },
        ),
        (
            "1412.69801",
            K::BadNumberLength {
                expected: 4,
                found: 5,
            },
        ),
        (
            "1412.698",
            K::BadNumberLength {
                expected: 4,
                found: 3,
            },
        ),
        (
            "1501.0001",
            K::BadNumberLength {
                expected: 5,
                found: 4,
            },
        ),
        (
            "arXiv:2503.0213v2",
            K::BadNumberLength {
                expected: 5,
                found: 4,
            },
        ),
        (
            "https://huggingface.co/papers/2503.0213",
            K::BadNumberLength {
                expected: 5,
                found: 4,
            },
        ),
        (
            "hep-th/990100",
            K::BadNumberLength {
                expected: 7,
                found: 6,
            },
        ),
        (
            "hep-th/99010011",
            K::BadNumberLength {
                expected: 7,
                found: 8,
            },
        ),
        // months and years
        ("2513.02130", K::BadMonth { month: 13 }),
        ("2500.02130", K::BadMonth { month: 0 }),
        ("hep-th/9913001", K::BadMonth { month: 13 }),
        ("hep-th/9900001", K::BadMonth { month: 0 }),
        ("0703.1234", K::BeforeNewStyle),
        ("0001.0001", K::BeforeNewStyle),
        ("hep-th/0801001", K::BadYear),
        ("hep-th/9001001", K::BadYear),
        // zero numbers
        ("2503.00000", K::ZeroNumber),
        ("1001.0000", K::ZeroNumber),
        ("hep-th/9901000", K::ZeroNumber),
        // versions
        ("2503.02130v", K::BadVersion),
        ("2503.02130v0", K::BadVersion),
        ("2503.02130v01", K::BadVersion),
        ("2503.02130v4294967296", K::BadVersion),
        ("2503.02130v2v3", K::BadVersion),
        ("2503.02130vx", K::BadVersion),
        ("hep-th/9901001v", K::BadVersion),
        // archives
        ("hep_th/9901001", K::BadArchive),
        ("HEP-TH/9901001", K::BadArchive),
        ("h/9901001", K::BadArchive),
        ("abcdefghijklmnopq/9901001", K::BadArchive),
        ("-hep/9901001", K::BadArchive),
        ("hep2/9901001", K::BadArchive),
        ("math.G2/0309136", K::BadArchive),
        ("math./0309136", K::BadArchive),
        ("math.GT.x/0309136", K::BadArchive),
        // URLs of other pages or sites
        ("https://example.com/abs/2503.02130", K::UnrecognizedUrl),
        ("https://arxiv.org/list/cs.AI/recent", K::UnrecognizedUrl),
        ("https://arxiv.org/", K::UnrecognizedUrl),
        (
            "https://huggingface.co/models/2503.02130",
            K::UnrecognizedUrl,
        ),
        ("https://huggingface.co/", K::UnrecognizedUrl),
        (
            "https://arxiv.org.evil.example/abs/2503.02130",
            K::UnrecognizedUrl,
        ),
        // not ids at all
        ("hello", K::NotAnId),
        ("2503", K::NotAnId),
        ("2503.", K::NotAnId),
        (".02130", K::NotAnId),
        ("25030.2130", K::NotAnId),
        ("250.302130", K::NotAnId),
        ("2503.02130 extra", K::NotAnId),
        ("2503 02130", K::NotAnId),
        ("2503,02130", K::NotAnId),
        ("+2503.02130", K::NotAnId),
        ("2503.02130.pdf", K::NotAnId),
        ("２５０３.０２１３０", K::NotAnId),
        ("2503.0213\u{663}", K::NotAnId),
        ("#community", K::NotAnId),
        ("papers/", K::NotAnId),
        ("hep-th/", K::NotAnId),
        ("hep-th/abc", K::NotAnId),
        ("hep-th/9901001/x", K::NotAnId),
    ];
    for (input, expected) in table {
        match ArxivId::parse(input) {
            Ok(id) => panic!("{input:?} should be rejected, parsed as {id}"),
            Err(e) => assert_eq!(e.kind(), &expected, "input {input:?}: {e}"),
        }
    }
}

#[test]
fn error_messages() {
    let err = ArxivId::parse("2503.0213").expect_err("should be rejected");
    assert_eq!(
        err.to_string(),
        r#"invalid arXiv id "2503.0213": number has 4 digits, ids from 2015 have 5"#
    );
    assert_eq!(err.input(), "2503.0213");
    assert_eq!(
        ArxivId::parse("1412.69801")
            .expect_err("should be rejected")
            .to_string(),
        r#"invalid arXiv id "1412.69801": number has 5 digits, ids before 2015 have 4"#
    );
    let inputs = [
        "",
        "x",
        "2513.02130",
        "0612.1234",
        "hep-th/8001001",
        "hep-th/99",
        "2503.00000",
        "2503.02130v0",
        "hep_th/9901001",
        "https://example.com/",
    ];
    for input in inputs {
        let msg = ArxivId::parse(input)
            .expect_err("should be rejected")
            .to_string();
        let reason = msg.rsplit(": ").next().unwrap_or_default();
        assert!(msg.starts_with("invalid arXiv id \""), "{msg}");
        assert!(!msg.ends_with('.'), "{msg}");
        assert!(
            reason.chars().next().is_some_and(|c| !c.is_uppercase()),
            "{msg}"
        );
    }
}

#[test]
fn error_input_is_truncated() {
    let long = format!("{}é", "é".repeat(300));
    let err = ArxivId::parse(&long).expect_err("should be rejected");
    assert_eq!(err.kind(), &ArxivIdErrorKind::TooLong);
    assert_eq!(err.input().chars().count(), 64);
    assert!(err.input().ends_with('…'));

    let exactly_64 = "a".repeat(64);
    let err = ArxivId::parse(&exactly_64).expect_err("should be rejected");
    assert_eq!(err.input(), exactly_64);

    let sixty_five = "b".repeat(65);
    let err = ArxivId::parse(&sixty_five).expect_err("should be rejected");
    assert_eq!(err.input().chars().count(), 64);
    assert!(err.to_string().len() < 200);
}

#[test]
fn accessors() {
    let new = id("arXiv:2503.02130v2");
    assert_eq!(new.version(), Some(2));
    assert_eq!(new.without_version(), id("2503.02130"));
    assert_eq!(new.without_version().version(), None);
    assert!(!new.is_old_style());
    assert_eq!(new.archive(), None);
    assert_eq!((new.year(), new.month()), (2025, 3));
    assert_eq!(new.abs_url(), "https://arxiv.org/abs/2503.02130v2");
    assert_eq!(new.pdf_url(), "https://arxiv.org/pdf/2503.02130v2");
    assert_eq!(new.hf_url(), "https://huggingface.co/papers/2503.02130");

    let adam = id("1412.6980");
    assert_eq!(
        (adam.year(), adam.month(), adam.version()),
        (2014, 12, None)
    );
    assert_eq!(adam.abs_url(), "https://arxiv.org/abs/1412.6980");
    assert_eq!(id("0704.0001").year(), 2007);

    let old = id("math.GT/0309136v1");
    assert!(old.is_old_style());
    assert_eq!(old.archive(), Some("math"));
    assert_eq!((old.year(), old.month(), old.version()), (2003, 9, Some(1)));
    assert_eq!(old.abs_url(), "https://arxiv.org/abs/math/0309136v1");
    assert_eq!(old.pdf_url(), "https://arxiv.org/pdf/math/0309136v1");
    assert_eq!(old.hf_url(), "https://huggingface.co/papers/math/0309136");
    assert_eq!(id("hep-th/9901001").year(), 1999);
    assert_eq!(id("cs/0703001").year(), 2007);
    assert_eq!(id("hep-ph/9108001").month(), 8);

    // Each value's URLs parse back to it.
    for v in [new, adam, old] {
        assert_eq!(id(&v.abs_url()), v);
        assert_eq!(id(&v.pdf_url()), v);
        assert_eq!(id(&v.hf_url()), v.without_version());
    }
}

#[test]
fn from_str_matches_parse() {
    let a: ArxivId = "https://arxiv.org/abs/2503.02130"
        .parse()
        .expect("should succeed");
    assert_eq!(a, id("2503.02130"));
    let e = "2503.0213"
        .parse::<ArxivId>()
        .expect_err("should be rejected");
    assert_eq!(
        e,
        ArxivId::parse("2503.0213").expect_err("should be rejected")
    );
}

#[test]
fn serde_round_trip() {
    let v = id("arXiv:2503.02130v2");
    assert_eq!(
        serde_json::to_string(&v).expect("should succeed"),
        r#""2503.02130v2""#
    );
    let back: ArxivId = serde_json::from_str(r#""2503.02130v2""#).expect("should succeed");
    assert_eq!(back, v);
    let from_url: ArxivId =
        serde_json::from_str(r#""https://huggingface.co/papers/2503.02130#community""#)
            .expect("should succeed");
    assert_eq!(from_url, v.without_version());
    let old: ArxivId = serde_json::from_str(r#""math.GT/0309136""#).expect("should succeed");
    assert_eq!(
        serde_json::to_string(&old).expect("should succeed"),
        r#""math/0309136""#
    );

    let list: Vec<ArxivId> =
        serde_json::from_str(r#"["1412.6980","2503.02130v1"]"#).expect("should succeed");
    assert_eq!(list, vec![id("1412.6980"), id("2503.02130v1")]);

    let err = serde_json::from_str::<ArxivId>(r#""2503.0213""#).expect_err("should be rejected");
    assert!(
        err.to_string()
            .contains("number has 4 digits, ids from 2015 have 5"),
        "{err}"
    );
    // Never a number.
    assert!(serde_json::from_str::<ArxivId>("2503.0213").is_err());
    assert!(serde_json::from_str::<ArxivId>("null").is_err());
}

#[test]
fn ordering_is_chronological() {
    let sorted = [
        "astro-ph/0001001",
        "hep-th/9901001",
        "hep-th/9901001v1",
        "hep-th/9901002",
        "hep-th/0001001",
        "math/0309136",
        "0704.0001",
        "0704.0002",
        "1412.6980",
        "1412.6980v1",
        "1412.6980v2",
        "1412.6980v10",
        "1501.00001",
        "2503.02130",
        "2503.02130v1",
        "2503.02130v2",
        "2503.10000",
        "2504.00001",
    ];
    let ids: Vec<ArxivId> = sorted.iter().map(|s| id(s)).collect();
    let mut shuffled = ids.clone();
    shuffled.reverse();
    shuffled.sort();
    assert_eq!(shuffled, ids);
    for pair in ids.windows(2) {
        assert!(pair[0] < pair[1], "{} < {}", pair[0], pair[1]);
    }
    // The subject class is dropped, so these are the same id.
    assert_eq!(id("math.GT/0309136"), id("math/0309136"));
    assert_eq!(
        hash_of(&id("math.GT/0309136")),
        hash_of(&id("math/0309136"))
    );
    assert_ne!(id("2503.02130"), id("2503.02130v1"));
}

// ---------------------------------------------------------------- properties

/// A valid new-style id, as its canonical string.
fn new_style() -> impl Strategy<Value = String> {
    (7u16..=99, 1u16..=12, any::<u32>(), version())
        .prop_filter("new style starts at 0704", |(yy, mm, _, _)| {
            yy * 100 + mm >= 704
        })
        .prop_map(|(yy, mm, n, v)| {
            let yymm = yy * 100 + mm;
            let (width, modulus) = if yymm <= 1412 { (4, 9999) } else { (5, 99999) };
            let number = n % modulus + 1;
            format!("{yymm:04}.{number:0width$}{v}")
        })
}

/// A version suffix, often absent.
fn version() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        1 => (1u32..=12).prop_map(|v| format!("v{v}")),
        1 => (1u32..).prop_map(|v| format!("v{v}")),
    ]
}

/// A valid old-style id: (spelling with an optional subject class, canonical).
fn old_style() -> impl Strategy<Value = (String, String)> {
    let archive = prop_oneof![
        prop::sample::select(vec![
            "hep-th", "hep-ph", "hep-ex", "hep-lat", "math", "cond-mat", "q-bio", "physics",
            "astro-ph", "gr-qc", "quant-ph", "nlin", "cs", "solv-int", "chao-dyn", "math-ph",
        ])
        .prop_map(str::to_owned),
        // "papers/..." reads as a site-relative HF link, not an archive.
        "[a-z][a-z-]{0,14}[a-z]".prop_filter("not papers", |a| a != "papers"),
    ];
    let class = prop::option::of("[A-Za-z]{1,4}");
    let year = prop_oneof![91u16..=99, 0u16..=7];
    (archive, class, year, 1u16..=12, 1u16..=999, version())
        .prop_filter("not a host name", |(archive, class, ..)| {
            // `arxiv.org/...`, `hf.co/...` and `huggingface.co/...` read as URLs.
            let host = class
                .as_ref()
                .map(|c| format!("{archive}.{c}").to_ascii_lowercase());
            !matches!(
                host.as_deref(),
                Some("arxiv.org" | "hf.co" | "huggingface.co")
            )
        })
        .prop_map(|(archive, class, yy, mm, nnn, v)| {
            let tail = format!("{yy:02}{mm:02}{nnn:03}{v}");
            let spelled = match class {
                Some(c) => format!("{archive}.{c}/{tail}"),
                None => format!("{archive}/{tail}"),
            };
            (spelled, format!("{archive}/{tail}"))
        })
}

/// Any valid id: (a spelling, its canonical string).
fn any_valid() -> impl Strategy<Value = (String, String)> {
    prop_oneof![new_style().prop_map(|s| (s.clone(), s)), old_style()]
}

/// Ids from a small space, so that equal pairs come up often.
fn small_id() -> impl Strategy<Value = ArxivId> {
    let new = (
        prop::sample::select(vec!["0704", "1412", "1501", "2503"]),
        1u32..=3,
        prop::option::of(1u32..=2),
    )
        .prop_map(|(yymm, n, v)| {
            let width = if yymm <= "1412" { 4 } else { 5 };
            let v = v.map(|v| format!("v{v}")).unwrap_or_default();
            format!("{yymm}.{n:0width$}{v}")
        });
    let old = (
        prop::sample::select(vec!["hep-th", "math", "math.GT"]),
        prop::sample::select(vec!["99", "00", "07"]),
        1u32..=2,
        prop::option::of(1u32..=2),
    )
        .prop_map(|(a, yy, n, v)| {
            let v = v.map(|v| format!("v{v}")).unwrap_or_default();
            format!("{a}/{yy}01{n:03}{v}")
        });
    prop_oneof![new, old].prop_map(|s| id(&s))
}

/// The spellings users meet, wrapped around a canonical id.
fn decorations(canonical: &str) -> Vec<String> {
    vec![
        format!("arXiv:{canonical}"),
        format!("arxiv:{canonical}"),
        format!("ARXIV:{canonical}"),
        format!("  {canonical}\t\n"),
        format!("https://arxiv.org/abs/{canonical}"),
        format!("http://arxiv.org/abs/{canonical}/"),
        format!("https://www.arxiv.org/pdf/{canonical}"),
        format!("https://arxiv.org/pdf/{canonical}.pdf"),
        format!("export.arxiv.org/abs/{canonical}?context=cs"),
        format!("arxiv.org/html/{canonical}/"),
        format!("https://huggingface.co/papers/{canonical}"),
        format!("https://huggingface.co/papers/{canonical}#community"),
        format!("/papers/{canonical}?q=1#community"),
        format!("papers/{canonical}"),
        format!(" https://arxiv.org/abs/{canonical}#abstract "),
    ]
}

/// Parses, then checks the display round trip and fixed point.
fn check_round_trip(parsed: &ArxivId) -> Result<(), TestCaseError> {
    let shown = parsed.to_string();
    let again = ArxivId::parse(&shown);
    prop_assert_eq!(again.as_ref().ok(), Some(parsed), "{}", shown);
    let shown_again = again.map(|a| a.to_string()).unwrap_or_default();
    prop_assert_eq!(shown_again, shown);
    Ok(())
}

proptest! {
    #[test]
    fn valid_ids_round_trip_and_decorations_agree((spelled, canonical) in any_valid()) {
        let parsed = match ArxivId::parse(&spelled) {
            Ok(parsed) => parsed,
            Err(e) => return Err(TestCaseError::fail(format!("{spelled}: {e}"))),
        };
        prop_assert_eq!(parsed.to_string(), canonical.clone());
        check_round_trip(&parsed)?;
        for spelling in decorations(&spelled).into_iter().chain(decorations(&canonical)) {
            prop_assert_eq!(ArxivId::parse(&spelling).ok(), Some(parsed.clone()), "{}", spelling);
        }
        let bare = parsed.without_version();
        prop_assert_eq!(ArxivId::parse(&parsed.hf_url()).ok(), Some(bare.clone()));
        prop_assert_eq!(parsed.hf_url(), format!("https://huggingface.co/papers/{bare}"));
        prop_assert_eq!(ArxivId::parse(&parsed.abs_url()).ok(), Some(parsed.clone()));
        prop_assert_eq!(ArxivId::parse(&parsed.pdf_url()).ok(), Some(parsed.clone()));
        prop_assert!(bare <= parsed);
    }

    /// Bare digits-dot-digits ids take a shortcut; with a space around them they go the
    /// general way. Both must give the same id or the same error.
    #[test]
    fn bare_new_style_ids_read_as_the_general_way_does(s in "[0-9]{4}[.][0-9]{4,5}") {
        let short = ArxivId::parse(&s);
        let general = ArxivId::parse(&format!(" {s}"));
        prop_assert_eq!(short.as_ref().ok(), general.as_ref().ok());
        prop_assert_eq!(short.err().map(|e| e.kind().clone()), general.err().map(|e| e.kind().clone()));
    }

    #[test]
    fn no_panic_on_any_string(s in any::<String>()) {
        if let Ok(parsed) = ArxivId::parse(&s) {
            check_round_trip(&parsed)?;
        }
    }

    #[test]
    fn no_panic_on_id_like_strings(s in "[0-9a-zA-Z./:#?v -]{0,40}") {
        if let Ok(parsed) = ArxivId::parse(&s) {
            check_round_trip(&parsed)?;
        }
    }

    #[test]
    fn no_panic_on_mangled_ids((spelled, _) in any_valid(), cut in any::<prop::sample::Index>(),
                               junk in "\\PC{0,3}") {
        // Cut a valid id anywhere (possibly inside a multi-byte char of the
        // junk) and splice junk in: must never panic.
        let mixed = format!("{spelled}{junk}{spelled}");
        let bytes = mixed.as_bytes();
        let at = cut.index(bytes.len() + 1);
        let head = String::from_utf8_lossy(&bytes[..at]).into_owned();
        for s in [head.clone(), format!("{head}{junk}"), format!("https://arxiv.org/abs/{head}")] {
            if let Ok(parsed) = ArxivId::parse(&s) {
                check_round_trip(&parsed)?;
            }
        }
    }

    #[test]
    fn ordering_is_consistent_with_eq(a in small_id(), b in small_id(), c in small_id()) {
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        if a == b {
            prop_assert_eq!(hash_of(&a), hash_of(&b));
            prop_assert_eq!(a.to_string(), b.to_string());
        }
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        if a.is_old_style() != b.is_old_style() {
            prop_assert_eq!(a < b, a.is_old_style());
        }
    }

    #[test]
    fn new_style_order_is_chronological(x in new_style(), y in new_style()) {
        let (a, b) = (id(&x), id(&y));
        let key = |v: &ArxivId| {
            let s = v.without_version().to_string();
            let (yymm, number) = s.split_once('.').unwrap_or_default();
            (
                yymm.parse::<u32>().unwrap_or_default(),
                number.parse::<u32>().unwrap_or_default(),
                v.version(),
            )
        };
        prop_assert_eq!(a.cmp(&b), key(&a).cmp(&key(&b)));
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
    }

    #[test]
    fn display_is_a_fixed_point((spelled, _) in any_valid()) {
        let once = id(&spelled).to_string();
        let twice = id(&once).to_string();
        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(id(&twice).to_string(), once);
    }
}
