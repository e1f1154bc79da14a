//! Property tests: the model survives a serde round trip, the normalizers keep their laws,
//! and no input (arbitrary, or a fixture cut and spliced) makes a parser panic.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use hf_papers::{
    ArxivId, Author, ClaimStatus, Document, Listing, Month, Organization, Paper, PaperPage, Period,
    User, Week, clean_text, parse, parse_count,
};
use proptest::option;
use proptest::prelude::*;

fn arxiv_id() -> impl Strategy<Value = ArxivId> {
    (8u16..=30, 1u16..=12, 1u32..=99_999).prop_map(|(yy, mm, n)| {
        let yymm = yy * 100 + mm;
        let id = if yymm < 1501 {
            format!("{yymm:04}.{:04}", n % 9_999 + 1)
        } else {
            format!("{yymm:04}.{n:05}")
        };
        id.parse().expect("generated ids are valid")
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z0-9 $\\\\{}:,.()-]{0,60}", any::<String>(),]
}

fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (1_600_000_000i64..1_900_000_000, 0u32..1000).prop_map(|(secs, millis)| {
        Utc.timestamp_opt(secs, millis * 1_000_000)
            .single()
            .expect("in range")
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    timestamp().prop_map(|t| t.date_naive())
}

fn user() -> impl Strategy<Value = User> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(any::<bool>()),
        option::of(any::<u32>()),
    )
        .prop_map(|(id, username, avatar, pro, followers)| {
            let mut u = User::default();
            u.id = id;
            u.username = username;
            u.avatar_url = avatar;
            u.is_pro = pro;
            u.follower_count = followers;
            u
        })
}

fn claim_status() -> impl Strategy<Value = ClaimStatus> {
    prop_oneof![
        Just(ClaimStatus::ClaimedVerified),
        Just(ClaimStatus::AdminAssigned),
        "[a-z_]{1,12}".prop_map(|s| s.parse().expect("infallible")),
    ]
}

fn author() -> impl Strategy<Value = Author> {
    (
        text(),
        option::of(any::<bool>()),
        option::of(user()),
        option::of(claim_status()),
        option::of(timestamp()),
    )
        .prop_map(|(name, hidden, user, status, changed)| {
            let mut a = Author::default();
            a.name = name;
            a.hidden = hidden;
            a.user = user;
            a.claim_status = status;
            a.claim_status_changed_at = changed;
            a
        })
}

prop_compose! {
    fn paper()(
        id in arxiv_id(),
        title in option::of(text()),
        summary in option::of(text()),
        authors in option::of(prop::collection::vec(author(), 0..4)),
        counts in (option::of(any::<u32>()), option::of(any::<u32>()), option::of(any::<u32>())),
        dates in (option::of(timestamp()), option::of(timestamp()), option::of(timestamp())),
        submitter in option::of(user()),
        org in option::of((option::of(text()), option::of(text()))),
        keywords in option::of(prop::collection::vec(text(), 0..3)),
        media in option::of(prop::collection::vec(text(), 0..3)),
        flags in (option::of(any::<bool>()), option::of(any::<bool>())),
    ) -> Paper {
        let mut p = Paper::new(id);
        p.title = title;
        p.summary = summary;
        p.authors = authors;
        (p.upvotes, p.num_comments, p.github_stars) = counts;
        (p.submitted_on_daily_at, p.published_at, p.entry_published_at) = dates;
        p.listed_on = p.submitted_on_daily_at.map(|t| t.date_naive());
        p.submitted_by = submitter;
        p.organization = org.map(|(name, fullname)| {
            let mut o = Organization::default();
            o.name = name;
            o.fullname = fullname;
            o
        });
        p.ai_keywords = keywords;
        p.media_urls = media;
        (p.is_author_participating, p.upvoted) = flags;
        p
    }
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        date().prop_map(|date| Period::Day { date }),
        date().prop_map(|d| Period::Week {
            week: Week::containing(d)
        }),
        date().prop_map(|d| Period::Month {
            month: Month::containing(d)
        }),
        Just(Period::Trending),
        option::of(text()).prop_map(|query| Period::Search { query }),
        Just(Period::Unspecified),
    ]
}

/// Fixtures to mutate: every page and response in `fixtures/`.
fn fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures/ exists").flatten() {
        let path = entry.path();
        let is_fixture = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("html" | "json" | "txt" | "md")
        ) && path.file_name().and_then(|n| n.to_str()) != Some("README.md");
        if is_fixture {
            out.push(std::fs::read_to_string(&path).expect("fixture is UTF-8"));
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no fixtures found");
    out
}

/// The largest char boundary at or below `at`.
fn floor(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #[test]
    fn paper_serde_round_trip(p in paper()) {
        let json = serde_json::to_string(&p).expect("serializes");
        let back: Paper = serde_json::from_str(&json).expect("deserializes");
        prop_assert_eq!(back, p);
    }

    #[test]
    fn listing_serde_round_trip(period in period(), papers in prop::collection::vec(paper(), 0..3)) {
        let mut listing = Listing::from_api_json("[]").expect("empty listing");
        listing.period = period;
        listing.papers = papers;
        let json = serde_json::to_string(&listing).expect("serializes");
        let back: Listing = serde_json::from_str(&json).expect("deserializes");
        prop_assert_eq!(back, listing);
    }

    #[test]
    fn clean_text_is_idempotent(s in text()) {
        let once = clean_text(&s).into_owned();
        prop_assert_eq!(clean_text(&once), once.as_str());
        prop_assert_eq!(once.trim(), once.as_str());
        prop_assert!(!once.contains("  "));
    }

    #[test]
    fn parse_count_agrees_with_plain_and_grouped_digits(n in any::<u32>()) {
        prop_assert_eq!(parse_count(&n.to_string()), Some(n));
        let digits = n.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        prop_assert_eq!(parse_count(&grouped), Some(n));
    }

    #[test]
    fn week_and_month_round_trip(d in date()) {
        let w = Week::containing(d);
        prop_assert_eq!(w.to_string().parse::<Week>().expect("parses"), w);
        prop_assert!(w.first_day() <= d && d <= w.last_day());
        let m = Month::containing(d);
        prop_assert_eq!(m.to_string().parse::<Month>().expect("parses"), m);
        prop_assert!(m.first_day() <= d && d <= m.last_day());
    }

    #[test]
    fn no_panic_on_arbitrary_input(s in any::<String>()) {
        let _ = parse(&s);
        let _ = Listing::from_html(&s);
        let _ = Listing::from_api_json(&s);
        let _ = PaperPage::from_api_json(&s);
        let _ = PaperPage::from_html(&s);
    }

    #[test]
    fn no_panic_on_papers_shaped_noise(s in r#"[\[\]{}":,0-9a-zA-Z&;<>=' ]{0,200}"#) {
        let _ = parse(&s);
        let wrapped = format!(r#"<div data-target="DailyPapers" data-props="{s}"></div>"#);
        let _ = parse(&wrapped);
        let json = format!(r#"[{{"paper": {{"id": "2607.01234", "title": {s}}}}}]"#);
        let _ = parse(&json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Cuts, splices and stray tokens in real-shaped fixtures: never a panic, and a parse
    /// that succeeds returns papers with valid ids.
    #[test]
    fn no_panic_on_mutated_fixtures(
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        len in 0usize..64,
        token in prop_oneof![
            Just(""), Just("\""), Just("&quot;"), Just("&amp;"), Just("<"), Just(">"), Just("{"),
            Just("}"), Just("["), Just("]"), Just(","), Just("null"), Just("-1"), Just("1e999"),
            Just("<!--"), Just("<script>"), Just("'"), Just("\u{feff}"), Just("\0"),
        ],
    ) {
        let all = fixtures();
        let page = &all[which.index(all.len())];
        let start = floor(page, cut.index(page.len() + 1));
        let end = floor(page, start + len);
        let spliced = format!("{}{}{}", &page[..start], token, &page[end..]);
        let truncated = &page[..start];
        for input in [spliced.as_str(), truncated] {
            if let Ok(doc) = parse(input) {
                let papers: Vec<&Paper> = match &doc {
                    Document::Listing(l) => l.papers.iter().collect(),
                    Document::Paper(p) => vec![&p.paper],
                    _ => Vec::new(),
                };
                for p in papers {
                    prop_assert_eq!(p.id.to_string().parse::<ArxivId>().expect("valid id"), p.id.clone());
                }
            }
        }
    }
}

/// Where each top-level entry of a JSON array ends, and its paper id.
fn entry_ends(json: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let Some(open) = json.find('[') else {
        return out;
    };
    let mut pos = open + 1;
    loop {
        while json[pos..].starts_with([' ', '\n', '\r', '\t', ',']) {
            pos += 1;
        }
        let mut stream =
            serde_json::Deserializer::from_str(&json[pos..]).into_iter::<serde_json::Value>();
        let Some(Ok(value)) = stream.next() else {
            return out;
        };
        pos += stream.byte_offset();
        let id = value["paper"]["id"]
            .as_str()
            .or(value["id"].as_str())
            .unwrap_or_default();
        out.push((pos, id.to_owned()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Damage after an entry never costs it: a cut or splice in an API response keeps every
    /// entry that ends before the damage (lenient mode).
    #[test]
    fn undamaged_api_entries_still_come_out(
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        token in prop_oneof![Just(""), Just("\""), Just("{"), Just("]"), Just(","), Just("}"), Just("x")],
    ) {
        let names = ["api-daily-2024-03.json", "api-daily-2024-08.json", "api-daily-2025-06.json",
            "api-daily-2026.json", "api-search-2024-flat.json", "api-search-2025-wrapped.json"];
        let name = names[which.index(names.len())];
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
        let json = std::fs::read_to_string(path).expect("fixture");
        let at = floor(&json, cut.index(json.len()));
        let damaged = format!("{}{token}", &json[..at]);
        let intact: Vec<String> = entry_ends(&json)
            .into_iter()
            .filter(|(end, _)| *end <= at)
            .map(|(_, id)| id)
            .collect();
        match Listing::from_api_json(&damaged) {
            Ok(listing) => {
                let ids: Vec<String> = listing.papers.iter().map(|p| p.id.to_string()).collect();
                for id in &intact {
                    prop_assert!(ids.contains(id), "{name} cut at {at}: {id} lost");
                }
            }
            Err(err) => prop_assert!(intact.is_empty(), "{name} cut at {at}: {err} with {} intact entries", intact.len()),
        }
    }
}
