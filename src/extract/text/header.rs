//! The page header: what the capture says about the list (period, date line, query).

use super::*;

/// What the lines above the papers say about the page.
#[derive(Debug, Default)]
pub(super) struct Header {
    /// `Some(query)` when a `/papers?q=` URL names the page (`None` inside: no query text).
    pub(super) search: Option<Option<String>>,
    pub(super) trending: bool,
    pub(super) daily: bool,
    /// The capture's own timestamp (`Captured (UTC): 2026-06-29T16:31:22Z`).
    pub(super) captured: Option<NaiveDate>,
    /// A day named by a `/papers/date/YYYY-MM-DD` or `?date=` URL.
    pub(super) url_date: Option<NaiveDate>,
}

impl Header {
    pub(super) fn period(&self, date_text: Option<&str>, reference: Option<NaiveDate>) -> Period {
        if let Some(query) = &self.search {
            return Period::Search {
                query: query.clone(),
            };
        }
        if self.trending {
            return Period::Trending;
        }
        if self.daily {
            if let Some(date) = date_text.and_then(|d| read_date(d, reference)) {
                return Period::Day { date };
            }
        }
        Period::Unspecified
    }
}

pub(super) fn read_header(lines: &[&str]) -> Header {
    let mut header = Header::default();
    for line in lines {
        let s = line.trim();
        if s.is_empty() {
            continue;
        }
        let mark = mark_text(s);
        if mark == "Trending Papers" || mark.starts_with("Trending Papers - Hugging Face") {
            header.trending = true;
        }
        if mark == "Daily Papers" || mark.starts_with("Daily Papers - Hugging Face") {
            header.daily = true;
        }
        if header.captured.is_none() && s.contains("Captured") {
            header.captured = first_iso_date(s);
        }
        for word in s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '`'))
        {
            if word.starts_with("http://") || word.starts_with("https://") {
                header.read_url(word);
            }
        }
    }
    header
}

impl Header {
    pub(super) fn read_url(&mut self, url: &str) {
        let Ok(parsed) = url::Url::parse(url) else {
            return;
        };
        if !matches!(
            parsed.host_str(),
            Some("huggingface.co" | "hf.co" | "www.huggingface.co")
        ) {
            return;
        }
        let path = parsed.path().trim_end_matches('/');
        if path == "/papers/trending" {
            self.trending = true;
        }
        if let Some(day) = path.strip_prefix("/papers/date/") {
            self.url_date = self
                .url_date
                .or_else(|| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
        }
        if path == "/papers" {
            for (key, value) in parsed.query_pairs() {
                match key.as_ref() {
                    "q" if self.search.is_none() => {
                        let q = clean_text(&value).into_owned();
                        self.search = Some((!q.is_empty()).then_some(q));
                    }
                    "date" => {
                        self.url_date = self
                            .url_date
                            .or_else(|| NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok());
                    }
                    _ => {}
                }
            }
        }
    }
}

pub(super) fn first_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        if shape && (i == 0 || !b[i - 1].is_ascii_digit()) {
            NaiveDate::parse_from_str(std::str::from_utf8(w).ok()?, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

/// Where a plain-text capture's header ends: its last header line (banner, title, tabs, the
/// date line after them) before the first abstract.
pub(super) fn text_header_end(tokens: &[Token]) -> Option<usize> {
    let mut end = None;
    let mut after_header = false;
    for (i, token) in tokens.iter().enumerate() {
        match &token.item {
            Item::Blank | Item::Dash | Item::Chrome { header: false } => {}
            Item::Chrome { header: true } => {
                end = Some(i);
                after_header = true;
            }
            Item::Date {
                org: None,
                strong: false,
                valid: true,
                ..
            } if after_header => {
                end = Some(i);
                after_header = false;
            }
            Item::Text(t) if is_prose(t) => break,
            Item::BlockText { .. } => break,
            _ => after_header = false,
        }
    }
    end
}

/// The page's date line (`Mar 14`): the first bare date right after the header's lines.
pub(super) fn page_date(tokens: &[Token]) -> Option<String> {
    let mut after_header = false;
    for token in tokens {
        match &token.item {
            Item::Blank | Item::Dash | Item::Chrome { header: false } => {}
            Item::Chrome { header: true } => after_header = true,
            Item::Date {
                org: None,
                text,
                strong: false,
                valid: true,
            } if after_header => return Some(text.clone()),
            _ => after_header = false,
        }
    }
    None
}

pub(super) fn is_prose(t: &str) -> bool {
    t.chars().count() >= PROSE_CHARS || t.ends_with('.') || t.contains(". ")
}
