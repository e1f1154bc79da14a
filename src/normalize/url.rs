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
    match resolve(link)? {
        Resolved::AsIs(link) => Some(link.to_owned()),
        Resolved::OnSite(path) => {
            let mut url = String::with_capacity(SITE.len() + path.len());
            url.push_str(SITE);
            url.push_str(path);
            Some(url)
        }
        Resolved::Joined(url) => Some(url),
    }
}

/// Whether [`absolute_url`] makes a URL of `link`, without building it in the common cases:
/// for a value that is checked but not kept.
pub(crate) fn is_absolute_url(link: &str) -> bool {
    resolve(link).is_some()
}

/// What [`absolute_url`] makes of a link, built only where a URL parser had to resolve it.
enum Resolved<'a> {
    /// An absolute `http(s)` URL, kept as it is.
    AsIs(&'a str),
    /// A path on the site, to go after [`SITE`].
    OnSite(&'a str),
    /// Anything else, resolved by the URL parser.
    Joined(String),
}

fn resolve(link: &str) -> Option<Resolved<'_>> {
    let link = super::trim(link);
    if link.is_empty() {
        return None;
    }
    let starts_with = |prefix: &str| {
        link.as_bytes()
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    // The common cases need no URL parser.
    let is_absolute = starts_with("https://") || starts_with("http://");
    if is_absolute && !has_whitespace(link) {
        return Some(Resolved::AsIs(link));
    }
    if link.starts_with('/') && !link.starts_with("//") && !has_whitespace(link) {
        return Some(Resolved::OnSite(link));
    }
    let base = url::Url::parse("https://huggingface.co/").ok()?;
    // Only web links: `javascript:`, `data:` and the like are not avatars or media.
    base.join(link)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(|u| Resolved::Joined(String::from(u)))
}

/// Whether `s` holds a whitespace character; the byte test settles the common case (every
/// whitespace character is a control byte, a space or not ASCII).
fn has_whitespace(s: &str) -> bool {
    // Bytes from `!` to DEL are safe: shifted down by `!`, they are the ones below 0x5F. The
    // largest shifted byte, a loop without an early exit, is vectorized.
    let highest = s.bytes().fold(0, |high, b| high.max(b.wrapping_sub(b'!')));
    highest >= 0x5F && s.contains(char::is_whitespace)
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

    proptest::proptest! {
        /// The check without building says what building says.
        #[test]
        fn is_absolute_url_agrees_with_absolute_url(
            link in "(https?://|/|//|javascript:|HTTP://| )?[a-z/. :%\\u{a0}\t-]{0,16}",
        ) {
            proptest::prop_assert_eq!(is_absolute_url(&link), absolute_url(&link).is_some());
        }
    }
}
