//! Page chrome: the lines of the page around the papers.

/// Lines of the page around the papers: navigation, banner, tabs, footer.
pub(super) const CHROME: &[&str] = &[
    "About",
    "Blog",
    "Buckets",
    "Buckets new",
    "Collections",
    "Community",
    "Company",
    "Daily",
    "Daily Papers",
    "Datasets",
    "Discord",
    "Docs",
    "Enterprise",
    "Enterprise Support",
    "Forum",
    "GitHub",
    "Hugging Face",
    "Hugging Face PRO",
    "Hugging Face's logo",
    "HuggingChat",
    "Inference Endpoints",
    "Inference Providers",
    "Jobs",
    "Languages",
    "Learn",
    "Load more",
    "Log In",
    "Models",
    "Monthly",
    "Next",
    "Organizations",
    "Posts",
    "Previous",
    "Pricing",
    "Privacy",
    "Search",
    "Sign Up",
    "Solutions",
    "Spaces",
    "Storage Buckets",
    "Subscribe",
    "System theme",
    "TOS",
    "Tasks",
    "Team & Enterprise",
    "Trending Papers",
    "View arXiv page",
    "Website",
    "Weekly",
    "arXiv Page",
    "new",
];

/// Chrome of the page header, after which a plain-text capture's papers start.
pub(super) const HEADER_CHROME: &[&str] = &[
    "Daily",
    "Daily Papers",
    "Monthly",
    "Subscribe",
    "Trending Papers",
    "Weekly",
    "new",
];

pub(super) fn is_chrome(s: &str) -> bool {
    CHROME.contains(&s) || is_banner(s) || is_byline(s)
}

pub(super) fn is_header_chrome(s: &str) -> bool {
    HEADER_CHROME.contains(&s) || is_banner(s) || is_byline(s)
}

pub(super) fn is_banner(s: &str) -> bool {
    s.starts_with("Get trending papers in your email inbox")
}

/// "by AK and the research community", in any of its renderings.
pub(super) fn is_byline(s: &str) -> bool {
    s.starts_with("by") && s.ends_with("and the research community")
}

/// Headers that capture tools write above the page text.
pub(super) fn is_capture_header(s: &str) -> bool {
    let s = s.trim_start_matches(['-', '*', ' ']);
    [
        "URL:",
        "Title:",
        "Captured",
        "Page Title:",
        "Source HTML:",
        "Source SHA256:",
        "Source URL:",
        "Generated from:",
        "Extraction:",
    ]
    .iter()
    .any(|p| s.starts_with(p))
}

/// A line reduced to what page marks are compared with: no heading hashes, bold, bullets or
/// "Page Title:" label.
pub(super) fn mark_text(s: &str) -> &str {
    let s = strip_bullet(s.trim_start_matches('#').trim());
    let s = ["**Page Title:**", "Page Title:", "**Title:**", "Title:"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    s.trim().trim_matches('*').trim()
}

/// The page's own lines, which say this is a papers page.
pub(super) fn is_page_mark(mark: &str) -> bool {
    mark == "Daily Papers"
        || mark == "Trending Papers"
        || mark.starts_with("Daily Papers - Hugging Face")
        || mark.starts_with("Trending Papers - Hugging Face")
        || is_banner(mark)
        || is_byline(mark)
}

pub(super) fn strip_bullet(s: &str) -> &str {
    for prefix in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    s
}

/// Strips a leading middle dot (the separator before a card's date or author count).
pub(super) fn strip_dot(s: &str) -> (&str, bool) {
    match s.strip_prefix('·') {
        Some(rest) => (rest.trim_start(), true),
        None => (s, false),
    }
}
