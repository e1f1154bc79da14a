//! Mapping the wire structs into the public model, normalizing every value and recording a
//! warning for every value that could not be used.

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use crate::model::{
    Author, Comment, Highlight, HighlightKind, LinkedRepos, Organization, Paper, User,
};
use crate::normalize::{
    absolute_url, clean_text, count_from_f64, count_from_i64, is_absolute_url, parse_timestamp,
    trim,
};
use crate::wire::lenient::{Field, JsonKind, Num};
use crate::wire::paper::{
    WireAuthor, WireHighlight, WireLinkedRepo, WireOrganization, WirePaper, WireUser,
};
use crate::wire::paper_page::WireComment;
use crate::{ArxivId, ParseOptions, Warning, WarningKind};

/// Collects warnings while mapping one source.
pub(crate) struct Mapper<'w> {
    pub warnings: &'w mut Vec<Warning>,
    /// The entry being mapped, for the warnings' `entry`.
    entry: Option<usize>,
    /// Longer string values are read as missing ([`ParseOptions::max_field_bytes`]).
    max_field_bytes: usize,
}

/// A JSON path under construction: built into a string only when a warning needs it.
#[derive(Clone, Copy)]
pub(crate) struct At<'p> {
    parent: Option<&'p At<'p>>,
    key: &'p str,
    index: Option<usize>,
}

impl<'p> At<'p> {
    pub(crate) fn root(key: &'p str) -> At<'p> {
        At {
            parent: None,
            key,
            index: None,
        }
    }

    pub(crate) fn key(&'p self, key: &'p str) -> At<'p> {
        At {
            parent: Some(self),
            key,
            index: None,
        }
    }

    pub(crate) fn index(&'p self, index: usize) -> At<'p> {
        At {
            parent: Some(self),
            key: "",
            index: Some(index),
        }
    }

    fn render(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.render(out);
        }
        match self.index {
            Some(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
            None if self.key.is_empty() => {}
            None => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(self.key);
            }
        }
    }

    pub(crate) fn to_path(self) -> String {
        let mut s = String::new();
        self.render(&mut s);
        s
    }
}

pub(crate) fn article(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Array | JsonKind::Object => "an",
        _ => "a",
    }
}

impl<'w> Mapper<'w> {
    /// A mapper with the default limits.
    pub(crate) fn new(warnings: &'w mut Vec<Warning>) -> Self {
        Self::with_options(warnings, &ParseOptions::default())
    }

    pub(crate) fn with_options(warnings: &'w mut Vec<Warning>, options: &ParseOptions) -> Self {
        Mapper {
            warnings,
            entry: None,
            max_field_bytes: options.max_field_bytes,
        }
    }

    /// A string value over the field-length limit is read as missing, with a warning.
    fn within_limit<'s>(&mut self, s: &'s str, at: At<'_>) -> Option<&'s str> {
        if s.len() <= self.max_field_bytes {
            return Some(s);
        }
        self.warn(
            WarningKind::FieldTooLong,
            at,
            format!(
                "a string of {} bytes, over the limit of {}; read as missing",
                s.len(),
                self.max_field_bytes
            ),
        );
        None
    }

    pub(crate) fn warn(&mut self, kind: WarningKind, at: At<'_>, message: String) {
        self.warnings
            .push(Warning::new(kind, self.entry, at.to_path(), message));
    }

    fn wrong_type(&mut self, at: At<'_>, expected: &str, found: JsonKind) {
        self.warn(
            WarningKind::WrongType,
            at,
            format!(
                "expected {expected}, found {} {}; read as missing",
                article(found),
                found.name()
            ),
        );
    }

    /// Warns about a value of the wrong type in a field that is not otherwise read.
    fn check_type<T>(&mut self, field: &Field<T>, at: At<'_>, expected: &str) {
        if let Field::Invalid(kind) = field {
            self.wrong_type(at, expected, *kind);
        }
    }

    /// A string field as given (trimmed), for ids, handles and links. Always inlined: it runs
    /// for nearly every field of every paper, most of them absent.
    #[inline(always)]
    fn raw<'a>(&mut self, field: &'a Field<Cow<'_, str>>, at: At<'_>) -> Option<&'a str> {
        match field {
            Field::Value(s) => self.within_limit(s, at).map(trim).filter(|s| !s.is_empty()),
            Field::Invalid(kind) => {
                self.wrong_type(at, "a string", *kind);
                None
            }
            Field::Absent | Field::Null => None,
        }
    }

    fn owned(&mut self, field: &Field<Cow<'_, str>>, at: At<'_>) -> Option<String> {
        self.raw(field, at).map(str::to_owned)
    }

    /// A text field through [`clean_text`]: titles, abstracts, names.
    fn text(&mut self, field: &Field<Cow<'_, str>>, at: At<'_>) -> Option<String> {
        match field {
            Field::Value(s) => {
                let cleaned = clean_text(self.within_limit(s, at)?);
                (!cleaned.is_empty()).then(|| cleaned.into_owned())
            }
            other => self.raw(other, at).map(str::to_owned),
        }
    }

    pub(crate) fn count(&mut self, field: &Field<Num>, at: At<'_>) -> Option<u32> {
        let result = match field {
            Field::Value(Num::Unsigned(n)) => u32::try_from(*n).map_err(|_| "is too large"),
            Field::Value(Num::Signed(n)) => count_from_i64(*n).map_err(|_| "is not a count"),
            Field::Value(Num::Float(n)) => count_from_f64(*n).map_err(|_| "is not a count"),
            Field::Invalid(kind) => {
                self.wrong_type(at, "a number", *kind);
                return None;
            }
            Field::Absent | Field::Null => return None,
        };
        match result {
            Ok(n) => Some(n),
            Err(why) => {
                let shown = match field {
                    Field::Value(Num::Unsigned(n)) => n.to_string(),
                    Field::Value(Num::Signed(n)) => n.to_string(),
                    Field::Value(Num::Float(n)) => n.to_string(),
                    _ => String::new(),
                };
                self.warn(
                    WarningKind::InvalidValue,
                    at,
                    format!("{shown} {why}; read as missing"),
                );
                None
            }
        }
    }

    pub(crate) fn flag(&mut self, field: &Field<bool>, at: At<'_>) -> Option<bool> {
        match field {
            Field::Value(b) => Some(*b),
            Field::Invalid(kind) => {
                self.wrong_type(at, "a boolean", *kind);
                None
            }
            Field::Absent | Field::Null => None,
        }
    }

    /// Inlined: most of the timestamp fields it is asked for are absent.
    #[inline(always)]
    fn timestamp(&mut self, field: &Field<Cow<'_, str>>, at: At<'_>) -> Option<DateTime<Utc>> {
        let raw = self.raw(field, at)?;
        self.timestamp_of(raw, at)
    }

    fn timestamp_of(&mut self, raw: &str, at: At<'_>) -> Option<DateTime<Utc>> {
        let parsed = parse_timestamp(raw);
        if parsed.is_none() {
            let shown: String = raw.chars().take(40).collect();
            self.warn(
                WarningKind::InvalidValue,
                at,
                format!("{shown:?} is not a timestamp; read as missing"),
            );
        }
        parsed
    }

    fn url(&mut self, field: &Field<Cow<'_, str>>, at: At<'_>) -> Option<String> {
        let raw = self.raw(field, at)?;
        let url = absolute_url(raw);
        if url.is_none() {
            self.not_a_url(raw, at);
        }
        url
    }

    /// Checks a link field as [`Mapper::url`] does, with the same warning, for a value that
    /// is not kept: the URL is not built.
    fn check_url(&mut self, field: &Field<Cow<'_, str>>, at: At<'_>) {
        match self.raw(field, at) {
            Some(raw) if !is_absolute_url(raw) => self.not_a_url(raw, at),
            _ => {}
        }
    }

    fn not_a_url(&mut self, raw: &str, at: At<'_>) {
        let shown: String = raw.chars().take(40).collect();
        self.warn(
            WarningKind::InvalidValue,
            at,
            format!("{shown:?} is not a URL; read as missing"),
        );
    }

    /// A list whose elements are each mapped; bad elements are warned about and skipped.
    pub(crate) fn list<T, U>(
        &mut self,
        field: &Field<Vec<Field<T>>>,
        at: At<'_>,
        expected: &str,
        mut item: impl FnMut(&mut Self, &T, At<'_>) -> Option<U>,
    ) -> Option<Vec<U>> {
        match field {
            Field::Value(items) => {
                // Sized once: collecting from a filter would grow it step by step.
                let mut mapped = Vec::with_capacity(items.len());
                for (i, element) in items.iter().enumerate() {
                    let at = at.index(i);
                    match element {
                        Field::Value(v) => mapped.extend(item(self, v, at)),
                        Field::Invalid(kind) => self.wrong_type(at, expected, *kind),
                        Field::Absent | Field::Null => {}
                    }
                }
                Some(mapped)
            }
            Field::Invalid(kind) => {
                self.wrong_type(at, "an array", *kind);
                None
            }
            Field::Absent | Field::Null => None,
        }
    }

    pub(crate) fn object<'f, T>(&mut self, field: &'f Field<T>, at: At<'_>) -> Option<&'f T> {
        match field {
            Field::Value(v) => Some(v),
            Field::Invalid(kind) => {
                self.wrong_type(at, "an object", *kind);
                None
            }
            Field::Absent | Field::Null => None,
        }
    }

    pub(crate) fn user(&mut self, user: &WireUser<'_>, at: At<'_>) -> User {
        let id = match self.owned(&user.underscore_id, at.key("_id")) {
            Some(id) => Some(id),
            None => self.owned(&user.id, at.key("id")),
        };
        // The username is under `user` in some objects and `name` in others.
        let username = match self.owned(&user.user, at.key("user")) {
            Some(name) => Some(name),
            None => self.owned(&user.name, at.key("name")),
        };
        User {
            id,
            username,
            fullname: self.text(&user.fullname, at.key("fullname")),
            avatar_url: self.url(&user.avatar_url, at.key("avatarUrl")),
            kind: self.owned(&user.kind, at.key("type")),
            is_pro: self.flag(&user.is_pro, at.key("isPro")),
            is_hf: self.flag(&user.is_hf, at.key("isHf")),
            is_hf_admin: self.flag(&user.is_hf_admin, at.key("isHfAdmin")),
            is_mod: self.flag(&user.is_mod, at.key("isMod")),
            follower_count: self.count(&user.follower_count, at.key("followerCount")),
        }
    }

    /// Completes `first` with what `second` adds when both describe the same account (the
    /// same username, else the same id), as `merge_user(first, self.user(second, at))`
    /// would, with the same warnings, but without building the values `first` already has:
    /// a listing entry names its submitter twice.
    fn complete_user(&mut self, first: &mut User, second: &WireUser<'_>, at: At<'_>) {
        let id = match self.raw(&second.underscore_id, at.key("_id")) {
            Some(id) => Some(id),
            None => self.raw(&second.id, at.key("id")),
        };
        let username = match self.raw(&second.user, at.key("user")) {
            Some(name) => Some(name),
            None => self.raw(&second.name, at.key("name")),
        };
        let same = match (first.username.as_deref(), username) {
            (Some(a), Some(b)) => a == b,
            _ => first.id.is_some() && first.id.as_deref() == id,
        };
        if same && first.id.is_none() {
            first.id = id.map(str::to_owned);
        }
        if same && first.username.is_none() {
            first.username = username.map(str::to_owned);
        }
        // `raw` checks a field exactly as `text` and `owned` do, without building a value.
        if same && first.fullname.is_none() {
            first.fullname = self.text(&second.fullname, at.key("fullname"));
        } else {
            self.raw(&second.fullname, at.key("fullname"));
        }
        if same && first.avatar_url.is_none() {
            first.avatar_url = self.url(&second.avatar_url, at.key("avatarUrl"));
        } else {
            self.check_url(&second.avatar_url, at.key("avatarUrl"));
        }
        if same && first.kind.is_none() {
            first.kind = self.owned(&second.kind, at.key("type"));
        } else {
            self.raw(&second.kind, at.key("type"));
        }
        // Flags and counts build nothing: read as `user` reads them, kept where missing.
        let is_pro = self.flag(&second.is_pro, at.key("isPro"));
        let is_hf = self.flag(&second.is_hf, at.key("isHf"));
        let is_hf_admin = self.flag(&second.is_hf_admin, at.key("isHfAdmin"));
        let is_mod = self.flag(&second.is_mod, at.key("isMod"));
        let follower_count = self.count(&second.follower_count, at.key("followerCount"));
        if same {
            first.is_pro = first.is_pro.or(is_pro);
            first.is_hf = first.is_hf.or(is_hf);
            first.is_hf_admin = first.is_hf_admin.or(is_hf_admin);
            first.is_mod = first.is_mod.or(is_mod);
            first.follower_count = first.follower_count.or(follower_count);
        }
    }

    pub(crate) fn organization(&mut self, org: &WireOrganization<'_>, at: At<'_>) -> Organization {
        Organization {
            id: self.owned(&org.id, at.key("_id")),
            name: self.owned(&org.name, at.key("name")),
            fullname: self.text(&org.fullname, at.key("fullname")),
            avatar_url: self.url(&org.avatar, at.key("avatar")),
        }
    }

    /// Completes `first` with what `second` adds unless their names differ, as
    /// `merge_organization(first, self.organization(second, at))` would, with the same
    /// warnings, without building the values `first` already has.
    fn complete_organization(
        &mut self,
        first: &mut Organization,
        second: &WireOrganization<'_>,
        at: At<'_>,
    ) {
        let id = self.raw(&second.id, at.key("_id"));
        let name = self.raw(&second.name, at.key("name"));
        let same = match (first.name.as_deref(), name) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if same && first.id.is_none() {
            first.id = id.map(str::to_owned);
        }
        if same && first.name.is_none() {
            first.name = name.map(str::to_owned);
        }
        // `raw` checks a field exactly as `text` does, without building a value.
        if same && first.fullname.is_none() {
            first.fullname = self.text(&second.fullname, at.key("fullname"));
        } else {
            self.raw(&second.fullname, at.key("fullname"));
        }
        if same && first.avatar_url.is_none() {
            first.avatar_url = self.url(&second.avatar, at.key("avatar"));
        } else {
            self.check_url(&second.avatar, at.key("avatar"));
        }
    }

    fn author(&mut self, author: &WireAuthor<'_>, at: At<'_>) -> Option<Author> {
        let user = self
            .object(&author.user, at.key("user"))
            .map(|u| self.user(u, at.key("user")));
        let name = self
            .text(&author.name, at.key("name"))
            .or_else(|| user.as_ref().and_then(|u| u.fullname.clone()));
        let Some(name) = name else {
            self.warn(
                WarningKind::InvalidValue,
                at,
                "author without a name; left out".to_owned(),
            );
            return None;
        };
        Some(Author {
            name,
            id: self.owned(&author.id, at.key("_id")),
            hidden: self.flag(&author.hidden, at.key("hidden")),
            user,
            claim_status: self
                .raw(&author.status, at.key("status"))
                .map(|s| s.parse().unwrap_or_else(|never| match never {})),
            claim_status_changed_at: self.timestamp(
                &author.status_last_changed_at,
                at.key("statusLastChangedAt"),
            ),
        })
    }

    pub(crate) fn comment(&mut self, c: &WireComment<'_>, at: At<'_>) -> Comment {
        let data_at = at.key("data");
        let data = self.object(&c.data, data_at);
        let latest_at = data_at.key("latest");
        let latest = data.and_then(|d| self.object(&d.latest, latest_at));
        // The text is kept as written: its line breaks are part of it.
        let verbatim = |m: &mut Self, f: &Field<Cow<'_, str>>, at: At<'_>| match f {
            Field::Value(s) => m.within_limit(s, at).map(str::to_owned),
            other => m.owned(other, at),
        };
        Comment {
            id: self.owned(&c.id, at.key("id")),
            author: self
                .object(&c.author, at.key("author"))
                .map(|u| self.user(u, at.key("author"))),
            created_at: self.timestamp(&c.created_at, at.key("createdAt")),
            updated_at: latest
                .and_then(|l| self.timestamp(&l.updated_at, latest_at.key("updatedAt"))),
            text: latest.and_then(|l| verbatim(self, &l.raw, latest_at.key("raw"))),
            html: latest.and_then(|l| verbatim(self, &l.html, latest_at.key("html"))),
            edited: data.and_then(|d| self.flag(&d.edited, data_at.key("edited"))),
            num_edits: data.and_then(|d| self.count(&d.num_edits, data_at.key("numEdits"))),
            hidden: data.and_then(|d| self.flag(&d.hidden, data_at.key("hidden"))),
            hidden_by: data.and_then(|d| self.owned(&d.hidden_by, data_at.key("hiddenBy"))),
            hidden_reason: data
                .and_then(|d| self.owned(&d.hidden_reason, data_at.key("hiddenReason"))),
            language: data
                .and_then(|d| {
                    self.object(&d.identified_language, data_at.key("identifiedLanguage"))
                })
                .and_then(|l| {
                    self.owned(
                        &l.language,
                        data_at.key("identifiedLanguage").key("language"),
                    )
                }),
        }
    }

    fn highlight(&mut self, h: &WireHighlight<'_>, at: At<'_>) -> Option<Highlight> {
        let kind = match self.raw(&h.kind, at.key("type")) {
            Some("highlight") => HighlightKind::Highlight,
            _ => HighlightKind::Text,
        };
        // Spaces between runs are significant: keep the text as given.
        let text = match &h.text {
            Field::Value(s) => self.within_limit(s, at.key("text"))?.to_owned(),
            other => self.owned(other, at.key("text"))?,
        };
        Some(Highlight { kind, text })
    }

    fn linked_ids(
        &mut self,
        field: &Field<Vec<Field<WireLinkedRepo<'_>>>>,
        at: At<'_>,
    ) -> Option<Vec<String>> {
        self.list(field, at, "an object", |m, repo, at| {
            m.owned(&repo.id, at.key("id"))
        })
    }

    /// Maps one entry: a listing entry (outer object with a nested `paper`) or a flat paper.
    ///
    /// Returns `None`, with a warning, only when the entry has no usable id.
    pub(crate) fn paper(
        &mut self,
        entry: &WirePaper<'_>,
        index: Option<usize>,
        at: At<'_>,
    ) -> Option<Paper> {
        self.entry = index;
        let nested_at = at.key("paper");
        let nested = self.object(&entry.paper, nested_at).map(|b| &**b);
        // `p` is the paper object; `outer` the listing entry around it, if any.
        let (p, p_at, outer) = match nested {
            Some(inner) => (inner, nested_at, Some(entry)),
            None => (entry, at, None),
        };

        let id_at = p_at.key("id");
        let id = match self.id(&p.id) {
            Ok(id) => id,
            Err(why) => {
                self.warn(
                    WarningKind::EntryDropped,
                    id_at,
                    format!("entry dropped: {why}"),
                );
                self.entry = None;
                return None;
            }
        };

        let mut paper = Paper::new(id);
        // Fields both objects may carry: the paper's own first, then the entry's.
        paper.title = self.text(&p.title, p_at.key("title"));
        paper.summary = self.text(&p.summary, p_at.key("summary"));
        if let Some(o) = outer {
            // The entry repeats them: used when the paper lacks them, checked in any case.
            if paper.title.is_none() {
                paper.title = self.text(&o.title, at.key("title"));
            } else {
                self.check_type(&o.title, at.key("title"), "a string");
            }
            if paper.summary.is_none() {
                paper.summary = self.text(&o.summary, at.key("summary"));
            } else {
                self.check_type(&o.summary, at.key("summary"), "a string");
            }
        }
        paper.authors = self.list(&p.authors, p_at.key("authors"), "an object", |m, a, at| {
            m.author(a, at)
        });
        paper.upvotes = self.count(&p.upvotes, p_at.key("upvotes"));
        paper.published_at = self.timestamp(&p.published_at, p_at.key("publishedAt"));
        paper.submitted_on_daily_at =
            self.timestamp(&p.submitted_on_daily_at, p_at.key("submittedOnDailyAt"));
        paper.listed_on = paper.submitted_on_daily_at.map(|t| t.date_naive());

        // The submitter: the entry's `submittedBy`, completed by the paper's
        // `submittedOnDailyBy` (a flat paper may carry either).
        let submitters = [
            match outer {
                Some(o) => (&o.submitted_by, at.key("submittedBy")),
                None => (&p.submitted_by, p_at.key("submittedBy")),
            },
            (&p.submitted_on_daily_by, p_at.key("submittedOnDailyBy")),
        ];
        for (field, field_at) in submitters {
            if let Some(wire) = self.object(field, field_at) {
                match &mut paper.submitted_by {
                    None => paper.submitted_by = Some(self.user(wire, field_at)),
                    Some(first) => self.complete_user(first, wire, field_at),
                }
            }
        }

        let orgs = [
            outer.map(|o| (&o.organization, at.key("organization"))),
            Some((&p.organization, p_at.key("organization"))),
        ];
        for (field, field_at) in orgs.into_iter().flatten() {
            if let Some(wire) = self.object(field, field_at) {
                match &mut paper.organization {
                    None => paper.organization = Some(self.organization(wire, field_at)),
                    Some(first) => self.complete_organization(first, wire, field_at),
                }
            }
        }

        paper.github_repo = self.owned(&p.github_repo, p_at.key("githubRepo"));
        paper.github_repo_added_by =
            self.owned(&p.github_repo_added_by, p_at.key("githubRepoAddedBy"));
        paper.github_stars = self.count(&p.github_stars, p_at.key("githubStars"));
        paper.project_page = self.owned(&p.project_page, p_at.key("projectPage"));
        paper.ai_summary = self.text(&p.ai_summary, p_at.key("ai_summary"));
        paper.ai_keywords = self.list(
            &p.ai_keywords,
            p_at.key("ai_keywords"),
            "a string",
            |_, k, _| {
                let cleaned = clean_text(k);
                (!cleaned.is_empty()).then(|| cleaned.into_owned())
            },
        );
        paper.ai_summary_model = self.owned(&p.ai_summary_model, p_at.key("ai_summary_model"));
        paper.discussion_id = self.owned(&p.discussion_id, p_at.key("discussionId"));
        paper.withdrawn_at = self.timestamp(&p.withdrawn_at, p_at.key("withdrawnAt"));

        // Fields of the entry (or of a flat paper).
        let e = outer.unwrap_or(p);
        let e_at = if outer.is_some() { at } else { p_at };
        paper.num_comments = self.count(&e.num_comments, e_at.key("numComments"));
        if outer.is_some() {
            paper.entry_published_at = self.timestamp(&e.published_at, at.key("publishedAt"));
        }
        paper.thumbnail = self.url(&e.thumbnail, e_at.key("thumbnail"));
        if paper.thumbnail.is_none() && outer.is_some() {
            paper.thumbnail = self.url(&p.thumbnail, p_at.key("thumbnail"));
        }
        paper.is_author_participating = self.flag(
            &e.is_author_participating,
            e_at.key("isAuthorParticipating"),
        );
        paper.upvoted = self.flag(&e.upvoted, e_at.key("upvoted"));
        paper.highlighted_title = self.list(
            &e.highlighted_title,
            e_at.key("highlightedTitle"),
            "an object",
            |m, h, at| m.highlight(h, at),
        );
        paper.highlighted_summary = self.list(
            &e.highlighted_summary,
            e_at.key("highlightedSummary"),
            "an object",
            |m, h, at| m.highlight(h, at),
        );
        paper.media_urls = self.media_urls(outer.map(|o| (o, at)), (p, p_at));
        paper.linked = self.linked(p, p_at);

        self.entry = None;
        Some(paper)
    }

    fn id(&mut self, field: &Field<Cow<'_, str>>) -> Result<ArxivId, String> {
        match field {
            Field::Value(raw) => raw.parse::<ArxivId>().map_err(|e| e.to_string()),
            Field::Invalid(kind) => Err(format!(
                "the id is {} {}, not a string",
                article(*kind),
                kind.name()
            )),
            Field::Absent | Field::Null => Err("it has no id".to_owned()),
        }
    }

    /// Every media URL of the entry and the paper (`mediaUrls`, and 2024's `mediaUrl`), in
    /// order, without repeats.
    fn media_urls(
        &mut self,
        outer: Option<(&WirePaper<'_>, At<'_>)>,
        paper: (&WirePaper<'_>, At<'_>),
    ) -> Option<Vec<String>> {
        let mut all: Option<Vec<String>> = None;
        let sources = outer.into_iter().chain(std::iter::once(paper));
        for (obj, at) in sources {
            let list = self.list(
                &obj.media_urls,
                at.key("mediaUrls"),
                "a string",
                |m, u, at| m.url(&Field::Value(u.clone()), at),
            );
            let single = self.url(&obj.media_url, at.key("mediaUrl"));
            for url in list.into_iter().flatten().chain(single) {
                let urls = all.get_or_insert_with(Vec::new);
                if !urls.contains(&url) {
                    urls.push(url);
                }
            }
            if obj.media_urls.is_present() && all.is_none() {
                all = Some(Vec::new()); // an empty list is still a list
            }
        }
        all
    }

    fn linked(&mut self, p: &WirePaper<'_>, at: At<'_>) -> Option<LinkedRepos> {
        let linked = LinkedRepos {
            models: self.linked_ids(&p.linked_models, at.key("linkedModels")),
            datasets: self.linked_ids(&p.linked_datasets, at.key("linkedDatasets")),
            spaces: self.linked_ids(&p.linked_spaces, at.key("linkedSpaces")),
            num_models: self.count(&p.num_total_models, at.key("numTotalModels")),
            num_datasets: self.count(&p.num_total_datasets, at.key("numTotalDatasets")),
            num_spaces: self.count(&p.num_total_spaces, at.key("numTotalSpaces")),
        };
        (linked != LinkedRepos::default()).then_some(linked)
    }
}

/// Fills what `first` lacks from `second`, when both describe the same account: the rule
/// [`Mapper::complete_user`] follows, kept as its oracle.
#[cfg(test)]
fn merge_user(mut first: User, second: User) -> User {
    let same = match (&first.username, &second.username) {
        (Some(a), Some(b)) => a == b,
        _ => first.id.is_some() && first.id == second.id,
    };
    if !same {
        return first;
    }
    macro_rules! fill {
        ($($f:ident),+) => {$( if first.$f.is_none() { first.$f = second.$f; } )+};
    }
    fill!(
        id,
        username,
        fullname,
        avatar_url,
        kind,
        is_pro,
        is_hf,
        is_hf_admin,
        is_mod,
        follower_count
    );
    first
}

/// The rule [`Mapper::complete_organization`] follows, kept as its oracle.
#[cfg(test)]
fn merge_organization(mut first: Organization, second: Organization) -> Organization {
    if first.name.is_some() && second.name.is_some() && first.name != second.name {
        return first;
    }
    macro_rules! fill {
        ($($f:ident),+) => {$( if first.$f.is_none() { first.$f = second.$f; } )+};
    }
    fill!(id, name, fullname, avatar_url);
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `complete_user` gives what mapping the second user in full and merging gives, with the
    /// same warnings in the same order.
    #[test]
    fn completing_a_user_equals_merging_a_mapped_one() {
        let users = [
            r#"{"_id": "a1", "user": "ada", "fullname": "Ada", "avatarUrl": "/avatars/a.svg", "type": "user", "isPro": true}"#,
            r#"{"_id": "a1", "name": "ada", "fullname": "Ada L.", "isPro": false, "followerCount": 3, "isHf": true}"#,
            r#"{"id": "a1", "fullname": 5, "avatarUrl": "javascript:x", "type": [], "isMod": "yes"}"#,
            r#"{"user": "bob", "_id": "b2", "fullname": "Bob", "avatarUrl": "https://x.y/b.png", "followerCount": -1}"#,
            r#"{"name": "ada", "avatarUrl": 7, "isHfAdmin": true, "type": "org"}"#,
            r#"{}"#,
        ];
        let at = At::root("submittedBy");
        for first in users {
            for second in users {
                let first: WireUser<'_> = serde_json::from_str(first).expect("json");
                let second: WireUser<'_> = serde_json::from_str(second).expect("json");
                let (mut merged_warnings, mut completed_warnings) = (Vec::new(), Vec::new());
                let merged = {
                    let mut m = Mapper::new(&mut merged_warnings);
                    let a = m.user(&first, at);
                    let b = m.user(&second, at);
                    merge_user(a, b)
                };
                let completed = {
                    let mut m = Mapper::new(&mut completed_warnings);
                    let mut a = m.user(&first, at);
                    m.complete_user(&mut a, &second, at);
                    a
                };
                assert_eq!(completed, merged);
                assert_eq!(completed_warnings, merged_warnings);
            }
        }
    }

    /// The same for organizations, which merge unless both have names and they differ.
    #[test]
    fn completing_an_organization_equals_merging_a_mapped_one() {
        let orgs = [
            r#"{"_id": "o1", "name": "lab", "fullname": "A Lab", "avatar": "/a.png"}"#,
            r#"{"_id": "o2", "name": "lab", "fullname": "The Lab"}"#,
            r#"{"name": "other", "avatar": "https://x.y/o.png"}"#,
            r#"{"_id": 3, "fullname": ["x"], "avatar": "javascript:x"}"#,
            r#"{}"#,
        ];
        let at = At::root("organization");
        for first in orgs {
            for second in orgs {
                let first: WireOrganization<'_> = serde_json::from_str(first).expect("json");
                let second: WireOrganization<'_> = serde_json::from_str(second).expect("json");
                let (mut merged_warnings, mut completed_warnings) = (Vec::new(), Vec::new());
                let merged = {
                    let mut m = Mapper::new(&mut merged_warnings);
                    let a = m.organization(&first, at);
                    let b = m.organization(&second, at);
                    merge_organization(a, b)
                };
                let completed = {
                    let mut m = Mapper::new(&mut completed_warnings);
                    let mut a = m.organization(&first, at);
                    m.complete_organization(&mut a, &second, at);
                    a
                };
                assert_eq!(completed, merged);
                assert_eq!(completed_warnings, merged_warnings);
            }
        }
    }
}
