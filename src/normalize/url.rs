/// The site's origin: relative links on its pages resolve against it.
pub const SITE: &str = "https://huggingface.co";

/// Makes a link from the site absolute.
///
/// Absolute `http(s)` URLs are kept as they are; site-relative ones (`/avatars/x.svg`) and
/// protocol-relative ones (`//cdn...`) are resolved against `https://huggingface.co/`; an
/// empty string gives `None`, and so does anything that is not a valid `http(s)` URL once
/// resolved (`javascript:`, `data:`).
///
/// ```
/// use hf_papers::absolute_url;
/// assert_eq!(absolute_url("/avatars/a1.svg").as_deref(), Some("https://huggingface.co/avatars/a1.svg"));
/// assert_eq!(absolute_url("https://cdn.example/x.png").as_deref(), Some("https://cdn.example/x.png"));
/// assert_eq!(absolute_url("  ").as_deref(), None);
/// ```
pub fn absolute_url(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let lower_scheme = link.get(..8).map(str::to_ascii_lowercase);
    let is_absolute = match lower_scheme.as_deref() {
        Some(p) => p == "https://" || p.starts_with("http://"),
        None => link.to_ascii_lowercase().starts_with("http://"),
    };
    // The common cases need no URL parser.
    if is_absolute && !link.contains(char::is_whitespace) {
        return Some(link.to_owned());
    }
    if link.starts_with('/') && !link.starts_with("//") && !link.contains(char::is_whitespace) {
        return Some(format!("{SITE}{link}"));
    }
    let base = url::Url::parse("https://huggingface.co/").ok()?;
    // Only web links: `javascript:`, `data:` and the like are not avatars or media.
    base.join(link)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_other_schemes() {
        assert_eq!(absolute_url("javascript:alert(1)"), None);
        assert_eq!(absolute_url("a:"), None);
    }

    #[test]
    fn resolves() {
        assert_eq!(
            absolute_url("//cdn-avatars.huggingface.co/a.png").as_deref(),
            Some("https://cdn-avatars.huggingface.co/a.png")
        );
        assert_eq!(
            absolute_url("avatars/a.svg").as_deref(),
            Some("https://huggingface.co/avatars/a.svg")
        );
        assert_eq!(
            absolute_url("HTTP://example.com/a").as_deref(),
            Some("HTTP://example.com/a")
        );
    }
}
