//! Lines and markdown links: splitting, reference definitions, link segments.

use super::*;

pub(super) fn split_lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// Reference definitions, when the capture kept them: markdown `[12]: https://...` and a text
/// browser's `  12. https://...` list.
pub(super) fn reference_definitions<'a>(lines: &[&'a str]) -> HashMap<&'a str, &'a str> {
    let mut refs = HashMap::new();
    for line in lines {
        if let Some((key, url)) = reference_definition(line.trim()) {
            refs.entry(key).or_insert(url);
        }
    }
    refs
}

pub(super) fn reference_definition(s: &str) -> Option<(&str, &str)> {
    if let Some(rest) = s.strip_prefix('[') {
        let (key, url) = rest.split_once("]:")?;
        let url = url.split_whitespace().next()?;
        return (!key.is_empty() && !key.contains(['[', ']']) && is_link_url(url))
            .then_some((key, url));
    }
    let (number, url) = s.split_once(". ")?;
    let url = url.trim();
    (!number.is_empty()
        && number.len() <= 6
        && number.bytes().all(|b| b.is_ascii_digit())
        && is_link_url(url)
        && !url.contains(char::is_whitespace))
    .then_some((number, url))
}

pub(super) fn is_link_url(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with('/')
}

/// A link's target as written: a URL, or a reference number to resolve.
#[derive(Clone, Copy, Debug)]
pub(super) enum Target<'a> {
    Url(&'a str),
    Ref(&'a str),
}

impl<'a> Target<'a> {
    pub(super) fn resolve(self, refs: &HashMap<&'a str, &'a str>) -> Option<&'a str> {
        match self {
            Target::Url(url) => Some(url.split_whitespace().next().unwrap_or(url)),
            Target::Ref(key) => refs.get(key.trim()).copied(),
        }
    }
}

/// A piece of a markdown line.
#[derive(Debug)]
pub(super) enum Seg<'a> {
    Plain(&'a str),
    /// `[text](url)` or `[text][ref]`.
    Link {
        text: &'a str,
        target: Target<'a>,
    },
    /// `[text]` with no target: an image placeholder such as `[图片：无替代文本]`.
    Bracket,
    /// `![alt](src)`.
    Image,
}

/// Splits a line into plain text, links and bracketed text, matching nested brackets.
pub(super) fn segments(s: &str) -> Vec<Seg<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    if !s.contains('[') {
        out.push(Seg::Plain(s));
        return out;
    }
    let partner = bracket_partners(b);
    let (mut i, mut plain_start) = (0, 0);
    while i < b.len() {
        if b[i] != b'[' || partner[i] == usize::MAX {
            i += 1;
            continue;
        }
        let j = partner[i];
        let image = i > 0 && b[i - 1] == b'!';
        let plain_end = if image { i - 1 } else { i };
        if plain_end > plain_start {
            out.push(Seg::Plain(&s[plain_start..plain_end]));
        }
        let text = &s[i + 1..j];
        let mut end = j + 1;
        let mut target = None;
        if b.get(j + 1) == Some(&b'(') {
            if let Some(k) = paren_close(b, j + 1) {
                target = Some(Target::Url(s[j + 2..k].trim()));
                end = k + 1;
            }
        } else if b.get(j + 1) == Some(&b'[') && partner[j + 1] != usize::MAX {
            let k = partner[j + 1];
            target = Some(Target::Ref(&s[j + 2..k]));
            end = k + 1;
        }
        out.push(match (image, target) {
            (true, _) => Seg::Image,
            (false, Some(target)) => Seg::Link { text, target },
            (false, None) => Seg::Bracket,
        });
        i = end;
        plain_start = end;
    }
    if plain_start < b.len() {
        out.push(Seg::Plain(&s[plain_start..]));
    }
    out
}

/// For each `[`, the index of its matching `]` (`usize::MAX` when unmatched).
pub(super) fn bracket_partners(b: &[u8]) -> Vec<usize> {
    let mut partner = vec![usize::MAX; b.len()];
    let mut stack = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'[' => stack.push(i),
            b']' => {
                if let Some(open) = stack.pop() {
                    partner[open] = i;
                }
            }
            _ => {}
        }
    }
    partner
}

/// The `)` closing the `(` at `open`, allowing nested parentheses.
pub(super) fn paren_close(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the line starts with a `[` that the line does not close: a multi-line block.
pub(super) fn opens_block(s: &str) -> bool {
    if !s.starts_with('[') {
        return false;
    }
    let mut depth = 0usize;
    for c in s.bytes() {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Where a line closes an open block: its first unmatched `]`, followed by nothing, a
/// `(url)` or a `[ref]` that ends the line. Returns the text before the `]` and the target.
pub(super) fn block_close(s: &str) -> Option<(&str, Option<Target<'_>>)> {
    let mut depth = 0usize;
    for (i, c) in s.bytes().enumerate() {
        match c {
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b']' => {
                let rest = s[i + 1..].trim();
                let target = if rest.is_empty() {
                    None
                } else if rest.len() >= 2 && rest.starts_with('(') && rest.ends_with(')') {
                    Some(Target::Url(rest[1..rest.len() - 1].trim()))
                } else if rest.len() >= 2 && rest.starts_with('[') && rest.ends_with(']') {
                    Some(Target::Ref(&rest[1..rest.len() - 1]))
                } else {
                    return None;
                };
                return Some((&s[..i], target));
            }
            _ => {}
        }
    }
    None
}

/// The text of an `### ` heading line (exactly three `#`).
pub(super) fn heading_text(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("###")?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix([' ', '\t'])
}
