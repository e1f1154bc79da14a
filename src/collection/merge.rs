//! The field-by-field merge of a paper seen in several sources (rules in the module docs).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::{Coverage, Organization, Paper, UnidentifiedPaper, User};

/// What the merge remembers of a paper's sources, beside the merged record.
#[derive(Clone, Debug, Default)]
pub(super) struct MergeState {
    /// The newest list date of any source merged so far.
    newest: Option<NaiveDate>,
    /// The fields whose current value came from a degraded source.
    degraded: BTreeSet<&'static str>,
    /// Whether any complete source (blob, API) contributed.
    any_complete: bool,
}

/// The merged record of a paper seen once, and what the merge remembers of it.
pub(super) fn first_paper(paper: &Paper, date: Option<NaiveDate>) -> (Paper, MergeState) {
    let mut merged = Paper::new(paper.id.without_version());
    let mut state = MergeState::default();
    merge_paper(&mut merged, &mut state, paper, date);
    (merged, state)
}

/// Merges `new`, read from a source whose list date is `date`, into `cur`.
pub(super) fn merge_paper(
    cur: &mut Paper,
    state: &mut MergeState,
    new: &Paper,
    date: Option<NaiveDate>,
) {
    let newer = !matches!((date, state.newest), (Some(a), Some(b)) if a < b);
    let complete = new.coverage.is_none();
    let mut merger = Merger {
        state,
        newer,
        complete,
    };

    // An exhaustive destructuring: a field added to `Paper` fails to compile here until
    // the merge says how to treat it, so that no field is silently dropped.
    let Paper {
        id: _,
        url: _,
        title,
        summary,
        authors,
        num_authors,
        upvotes,
        num_comments,
        listed_on,
        submitted_on_daily_at,
        published_at,
        entry_published_at,
        submitted_by,
        organization,
        github_repo,
        github_repo_added_by,
        github_stars,
        project_page,
        ai_summary,
        ai_keywords,
        ai_summary_model,
        thumbnail,
        media_urls,
        discussion_id,
        withdrawn_at,
        is_author_participating,
        upvoted,
        highlighted_title,
        highlighted_summary,
        linked,
        coverage,
    } = new;

    merger.field("title", &mut cur.title, title);
    merger.field("summary", &mut cur.summary, summary);
    merger.field("authors", &mut cur.authors, authors);
    merger.field("num_authors", &mut cur.num_authors, num_authors);
    merger.field("listed_on", &mut cur.listed_on, listed_on);
    merger.field(
        "submitted_on_daily_at",
        &mut cur.submitted_on_daily_at,
        submitted_on_daily_at,
    );
    merger.field("published_at", &mut cur.published_at, published_at);
    merger.field(
        "entry_published_at",
        &mut cur.entry_published_at,
        entry_published_at,
    );
    merger.nested(
        "submitted_by",
        &mut cur.submitted_by,
        submitted_by,
        fill_user,
    );
    merger.nested(
        "organization",
        &mut cur.organization,
        organization,
        fill_organization,
    );
    merger.field("github_repo", &mut cur.github_repo, github_repo);
    merger.field(
        "github_repo_added_by",
        &mut cur.github_repo_added_by,
        github_repo_added_by,
    );
    merger.field("project_page", &mut cur.project_page, project_page);
    merger.field("ai_summary", &mut cur.ai_summary, ai_summary);
    merger.field("ai_keywords", &mut cur.ai_keywords, ai_keywords);
    merger.field(
        "ai_summary_model",
        &mut cur.ai_summary_model,
        ai_summary_model,
    );
    merger.field("thumbnail", &mut cur.thumbnail, thumbnail);
    merger.field("media_urls", &mut cur.media_urls, media_urls);
    merger.field("discussion_id", &mut cur.discussion_id, discussion_id);
    merger.field("withdrawn_at", &mut cur.withdrawn_at, withdrawn_at);
    merger.field(
        "highlighted_title",
        &mut cur.highlighted_title,
        highlighted_title,
    );
    merger.field(
        "highlighted_summary",
        &mut cur.highlighted_summary,
        highlighted_summary,
    );
    merger.field("linked", &mut cur.linked, linked);

    merger.count(&mut cur.upvotes, upvotes);
    merger.count(&mut cur.num_comments, num_comments);
    merger.count(&mut cur.github_stars, github_stars);
    merger.count(&mut cur.upvoted, upvoted);
    merger.count(&mut cur.is_author_participating, is_author_participating);

    // A complete author list makes a degraded source's author count redundant.
    if cur.authors.is_some() && !state.degraded.contains("authors") {
        cur.num_authors = None;
        state.degraded.remove("num_authors");
    }

    // Coverage: `None` once complete data contributed, else the union of what the degraded
    // sources carried.
    state.any_complete |= complete;
    cur.coverage = if state.any_complete {
        None
    } else {
        let mut fields = cur.coverage.take().map(|c| c.fields).unwrap_or_default();
        let source = coverage.as_ref().map(|c| c.source);
        for field in coverage.iter().flat_map(|c| &c.fields) {
            if !fields.contains(field) {
                fields.push(field.clone());
            }
        }
        source.map(|source| Coverage { source, fields })
    };

    if let Some(date) = date {
        state.newest = Some(state.newest.map_or(date, |newest| newest.max(date)));
    }
}

/// Applies the merge rules for one source.
struct Merger<'s> {
    state: &'s mut MergeState,
    /// Whether the incoming source is newer than the paper's newest so far.
    newer: bool,
    /// Whether the incoming source is complete data.
    complete: bool,
}

impl Merger<'_> {
    /// Whether the incoming value of a descriptive field replaces the current one.
    fn wins(&self, name: &'static str, cur_known: bool) -> bool {
        if !cur_known {
            return true;
        }
        let cur_complete = !self.state.degraded.contains(name);
        match (self.complete, cur_complete) {
            (true, false) => true,
            (false, true) => false,
            _ => self.newer,
        }
    }

    fn took(&mut self, name: &'static str) {
        if self.complete {
            self.state.degraded.remove(name);
        } else {
            self.state.degraded.insert(name);
        }
    }

    /// A descriptive field: rules 1 to 3.
    fn field<T: Clone>(&mut self, name: &'static str, cur: &mut Option<T>, new: &Option<T>) {
        if let Some(value) = new {
            if self.wins(name, cur.is_some()) {
                *cur = Some(value.clone());
                self.took(name);
            }
        }
    }

    /// A descriptive field whose value is a record: the winner's gaps are filled from the
    /// loser when both describe the same thing (rule 5).
    fn nested<T: Clone>(
        &mut self,
        name: &'static str,
        cur: &mut Option<T>,
        new: &Option<T>,
        fill: fn(&mut T, &T),
    ) {
        let Some(value) = new else { return };
        match cur {
            Some(old) if !self.wins(name, true) => fill(old, value),
            Some(old) => {
                let mut winner = value.clone();
                fill(&mut winner, old);
                *old = winner;
                self.took(name);
            }
            None => {
                *cur = Some(value.clone());
                self.took(name);
            }
        }
    }

    /// A count: rule 4.
    fn count<T: Copy>(&mut self, cur: &mut Option<T>, new: &Option<T>) {
        if let Some(value) = new {
            if cur.is_none() || self.newer {
                *cur = Some(*value);
            }
        }
    }
}

/// Fills `None` into `Some` from `other`, field by field.
fn fill<T: Clone>(into: &mut Option<T>, other: &Option<T>) {
    if into.is_none() {
        into.clone_from(other);
    }
}

fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b)
}

fn fill_user(into: &mut User, other: &User) {
    let same_account = same(&into.id, &other.id)
        || matches!((&into.username, &other.username),
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
    if !same_account {
        return;
    }
    let User {
        id,
        username,
        fullname,
        avatar_url,
        kind,
        is_pro,
        is_hf,
        is_hf_admin,
        is_mod,
        follower_count,
    } = other;
    fill(&mut into.id, id);
    fill(&mut into.username, username);
    fill(&mut into.fullname, fullname);
    fill(&mut into.avatar_url, avatar_url);
    fill(&mut into.kind, kind);
    fill(&mut into.is_pro, is_pro);
    fill(&mut into.is_hf, is_hf);
    fill(&mut into.is_hf_admin, is_hf_admin);
    fill(&mut into.is_mod, is_mod);
    fill(&mut into.follower_count, follower_count);
}

fn fill_organization(into: &mut Organization, other: &Organization) {
    let same_org = same(&into.id, &other.id)
        || same(&into.name, &other.name)
        || same(&into.fullname, &other.fullname);
    if !same_org {
        return;
    }
    let Organization {
        id,
        name,
        fullname,
        avatar_url,
    } = other;
    fill(&mut into.id, id);
    fill(&mut into.name, name);
    fill(&mut into.fullname, fullname);
    fill(&mut into.avatar_url, avatar_url);
}

/// The key unidentified papers are deduplicated by: the title in lower case with runs of
/// whitespace collapsed.
pub(super) fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Merges a later sighting of an unidentified paper: gaps are filled, counts follow the
/// later source, coverage is the union.
pub(super) fn merge_unidentified(cur: &mut UnidentifiedPaper, new: &UnidentifiedPaper) {
    let UnidentifiedPaper {
        title: _,
        summary,
        upvotes,
        num_authors,
        organization,
        submitted_by,
        github_repo,
        github_stars,
        published_on,
        coverage,
    } = new;
    fill(&mut cur.summary, summary);
    fill(&mut cur.num_authors, num_authors);
    fill(&mut cur.organization, organization);
    fill(&mut cur.submitted_by, submitted_by);
    fill(&mut cur.github_repo, github_repo);
    fill(&mut cur.published_on, published_on);
    if upvotes.is_some() {
        cur.upvotes = *upvotes;
    }
    if github_stars.is_some() {
        cur.github_stars = *github_stars;
    }
    for field in &coverage.fields {
        if !cur.coverage.has(field) {
            cur.coverage.fields.push(field.clone());
        }
    }
    cur.coverage.source = coverage.source;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn paper(id: &str) -> Paper {
        Paper::new(id.parse().unwrap())
    }

    fn degraded(mut p: Paper, fields: &[&str]) -> Paper {
        p.coverage = Some(Coverage::new(Source::Markdown, fields));
        p
    }

    fn date(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn complete_title_beats_degraded_in_either_order() {
        let mut blob = paper("2607.01234");
        blob.title = Some("Sparse Lanterns: $O(n)$".into());
        let mut text = degraded(paper("2607.01234"), &["id", "title"]);
        text.title = Some("Sparse Lanterns: O(n)".into());

        for order in [[&blob, &text], [&text, &blob]] {
            let (mut cur, mut state) = first_paper(order[0], None);
            merge_paper(&mut cur, &mut state, order[1], None);
            assert_eq!(cur.title, blob.title);
            assert_eq!(cur.coverage, None);
        }
    }

    #[test]
    fn degraded_fills_gaps_and_counts_follow_the_newest() {
        let mut blob = paper("2607.01234");
        blob.upvotes = Some(12);
        let mut text = degraded(paper("2607.01234"), &["id", "upvotes", "github_stars"]);
        text.upvotes = Some(40);
        text.github_stars = Some(1100);
        let (mut cur, mut state) = first_paper(&blob, date("2026-07-02"));
        merge_paper(&mut cur, &mut state, &text, date("2026-07-02"));
        assert_eq!(cur.upvotes, Some(40));
        assert_eq!(cur.github_stars, Some(1100));
    }

    #[test]
    fn an_older_list_does_not_replace_newer_counts() {
        let mut later = paper("2607.01234");
        later.upvotes = Some(50);
        let mut earlier = paper("2607.01234");
        earlier.upvotes = Some(3);
        earlier.num_comments = Some(1);
        let (mut cur, mut state) = first_paper(&later, date("2026-07-09"));
        merge_paper(&mut cur, &mut state, &earlier, date("2026-07-02"));
        assert_eq!(cur.upvotes, Some(50));
        assert_eq!(cur.num_comments, Some(1)); // a gap is filled whatever its age
    }

    #[test]
    fn coverage_is_the_union_until_complete_data_comes() {
        let mut a = degraded(paper("2607.01234"), &["id", "title"]);
        a.title = Some("A".into());
        let mut b = degraded(paper("2607.01234"), &["id", "upvotes"]);
        b.upvotes = Some(1);
        let (mut cur, mut state) = first_paper(&a, None);
        merge_paper(&mut cur, &mut state, &b, None);
        let coverage = cur.coverage.clone().unwrap();
        assert!(coverage.has("title") && coverage.has("upvotes"));
        merge_paper(&mut cur, &mut state, &paper("2607.01234"), None);
        assert_eq!(cur.coverage, None);
        assert_eq!(cur.title.as_deref(), Some("A"));
    }

    #[test]
    fn submitter_gaps_are_filled_from_the_same_account() {
        let mut blob = paper("2607.01234");
        blob.submitted_by = Some(User {
            username: Some("ada".into()),
            fullname: Some("Ada Example".into()),
            ..User::default()
        });
        let mut api = paper("2607.01234");
        api.submitted_by = Some(User {
            username: Some("ada".into()),
            avatar_url: Some("https://huggingface.co/avatars/a.svg".into()),
            ..User::default()
        });
        let (mut cur, mut state) = first_paper(&blob, None);
        merge_paper(&mut cur, &mut state, &api, None);
        let user = cur.submitted_by.unwrap();
        assert_eq!(user.fullname.as_deref(), Some("Ada Example"));
        assert!(user.avatar_url.is_some());
    }

    #[test]
    fn title_key_ignores_case_and_spacing() {
        assert_eq!(
            title_key("  Sparse\n  LANTERNS "),
            title_key("sparse lanterns")
        );
    }
}
