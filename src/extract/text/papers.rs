//! Papers: grouping the tokens into papers with their card metadata.

use super::*;

/// What the site renders above a title, held for the next paper.
#[derive(Debug, Default)]
pub(super) struct Head {
    pub(super) submitted_by: Option<String>,
    pub(super) upvotes: Option<u32>,
    pub(super) id: Option<ArxivId>,
    /// After "Submitted by": the next one-word line is the username.
    pub(super) await_username: bool,
    /// After the submitter (plain text): a bare count is the upvotes.
    pub(super) await_count: bool,
    /// After the upvotes (plain text): the next line is the title, even one like `0`.
    pub(super) await_title: bool,
}

/// A paper being read.
#[derive(Debug, Default)]
pub(super) struct Card {
    pub(super) ordinal: usize,
    pub(super) title: String,
    pub(super) summary: Vec<String>,
    pub(super) id: Option<ArxivId>,
    pub(super) other_id: Option<ArxivId>,
    pub(super) upvotes: Option<u32>,
    pub(super) num_authors: Option<u32>,
    pub(super) org: Option<Org>,
    pub(super) submitted_by: Option<String>,
    pub(super) github_repo: Option<String>,
    pub(super) github_stars: Option<u32>,
    pub(super) published: Option<NaiveDate>,
    /// A metadata line was read: the abstract is over.
    pub(super) meta: bool,
    /// An item of the next paper was read: nothing more is this paper's text.
    pub(super) closed: bool,
    /// After the "Upvote" button: the next count is the upvotes.
    pub(super) await_upvotes: bool,
}

/// A finished paper, held until the next one to merge a repeat.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) id: Option<ArxivId>,
    pub(super) title: String,
    pub(super) summary: Option<String>,
    pub(super) upvotes: Option<u32>,
    pub(super) num_authors: Option<u32>,
    pub(super) org: Option<Org>,
    pub(super) submitted_by: Option<String>,
    pub(super) github_repo: Option<String>,
    pub(super) github_stars: Option<u32>,
    pub(super) published: Option<NaiveDate>,
}

impl Entry {
    pub(super) fn same_paper(&self, other: &Entry) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a.without_version() == b.without_version(),
            (None, None) => self.title == other.title && self.summary == other.summary,
            _ => false,
        }
    }

    /// Fills what this copy lacks from a repeat of the same paper.
    pub(super) fn merge(&mut self, other: Entry) {
        fn fill<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        fill(&mut self.summary, other.summary);
        fill(&mut self.upvotes, other.upvotes);
        fill(&mut self.num_authors, other.num_authors);
        fill(&mut self.org, other.org);
        fill(&mut self.submitted_by, other.submitted_by);
        fill(&mut self.github_repo, other.github_repo);
        fill(&mut self.github_stars, other.github_stars);
        fill(&mut self.published, other.published);
    }
}

pub(super) struct Reader<'o> {
    pub(super) source: Source,
    pub(super) reference: Option<NaiveDate>,
    pub(super) options: &'o ParseOptions,
    pub(super) warnings: Vec<Warning>,
    pub(super) papers: Vec<Paper>,
    pub(super) unidentified: Vec<UnidentifiedPaper>,
    pub(super) held: Option<Entry>,
    /// Papers seen in the capture, repeats included: the warnings' entry index.
    pub(super) cards: usize,
}

impl Reader<'_> {
    pub(super) fn new_card(&mut self, title: String, id: Option<ArxivId>, head: Head) -> Card {
        let card = Card {
            ordinal: self.cards,
            title,
            id,
            other_id: head.id,
            upvotes: head.upvotes,
            submitted_by: head.submitted_by,
            ..Card::default()
        };
        self.cards += 1;
        card
    }

    pub(super) fn warn(&mut self, entry: Option<usize>, line: usize, message: String) {
        self.warnings.push(Warning::new(
            WarningKind::InvalidValue,
            entry,
            format!("line {line}"),
            message,
        ));
    }

    /// A count read as shown, or a warning.
    pub(super) fn count(
        &mut self,
        text: &str,
        what: &str,
        card: Option<usize>,
        line: usize,
    ) -> Option<u32> {
        let count = parse_count(text);
        if count.is_none() {
            self.warn(
                card,
                line,
                format!("{what} {text:?} is not a count; read as missing"),
            );
        }
        count
    }

    /// Applies a metadata item to the current paper. Returns whether it was one.
    pub(super) fn apply_meta(&mut self, card: &mut Card, item: &Item, line: usize) -> bool {
        let entry = Some(card.ordinal);
        match item {
            Item::Upvote { count, id } => {
                card.meta = true;
                if card.other_id.is_none() {
                    card.other_id.clone_from(id);
                }
                match count {
                    Some(text) => {
                        if card.upvotes.is_none() {
                            card.upvotes = self.count(text, "upvote count", entry, line);
                        }
                    }
                    None => card.await_upvotes = true,
                }
            }
            Item::Authors(text) => {
                card.meta = true;
                if card.num_authors.is_none() {
                    card.num_authors = self.count(text, "author count", entry, line);
                }
            }
            Item::Date {
                org, text, valid, ..
            } => {
                card.meta = true;
                if let Some(org) = org {
                    if card.org.is_none() {
                        card.org = Some(org.clone());
                    }
                }
                if !valid {
                    self.warn(
                        entry,
                        line,
                        format!("date {text:?} cannot be read; read as missing"),
                    );
                } else if card.published.is_none() {
                    card.published = read_date(text, self.reference);
                }
            }
            Item::Org(org) => {
                card.meta = true;
                if card.org.is_none() {
                    card.org = Some(org.clone());
                }
            }
            Item::Github { repo, stars, id } => {
                card.meta = true;
                if card.github_repo.is_none() {
                    card.github_repo.clone_from(repo);
                }
                if let Some(stars) = stars {
                    if card.github_stars.is_none() {
                        card.github_stars = self.count(stars, "GitHub star count", entry, line);
                    }
                }
                if card.other_id.is_none() {
                    card.other_id.clone_from(id);
                }
            }
            Item::Arxiv(id) => {
                if card.other_id.is_none() {
                    card.other_id = Some(id.clone());
                }
            }
            _ => return false,
        }
        true
    }

    /// Reads a markdown capture: papers anchored on their `### ` headings.
    pub(super) fn read_markdown(&mut self, tokens: &[Token]) -> Result<(), Error> {
        let mut head = Head::default();
        let mut card: Option<Card> = None;
        let mut in_paragraph = false;
        for token in tokens {
            let item = &token.item;
            if matches!(item, Item::Terminal) {
                break;
            }
            if let Item::Heading { title, id } = item {
                if let Some(done) = card.take() {
                    self.finish(done)?;
                }
                card = Some(self.new_card(title.clone(), id.clone(), std::mem::take(&mut head)));
                in_paragraph = false;
                continue;
            }
            let count = match item {
                Item::Count { text, .. } => Some(text.as_str()),
                Item::Dash => Some("-"),
                _ => None,
            };
            if let (Some(c), Some(text)) = (card.as_mut(), count) {
                if c.await_upvotes {
                    c.await_upvotes = false;
                    c.upvotes = self.count(text, "upvote count", Some(c.ordinal), token.line);
                    continue;
                }
            }
            // Above a title: the submitter, a thumbnail, a search result's upvote box.
            if self.read_head(&mut head, item) {
                if let Some(c) = card.as_mut() {
                    c.closed = true;
                }
                in_paragraph = false;
                continue;
            }
            let Some(c) = card.as_mut() else {
                continue; // the page header
            };
            let open = !c.meta && !c.closed;
            match item {
                Item::Text(t) if open => {
                    c.summary.push(t.clone());
                    in_paragraph = true;
                    continue;
                }
                Item::BlockText { text, id } if open => {
                    c.summary.push(text.clone());
                    if c.other_id.is_none() {
                        c.other_id.clone_from(id);
                    }
                    in_paragraph = false;
                    continue;
                }
                // A line inside an abstract that happens to look like a count or a date.
                Item::Count { text, boxed: false } if open && in_paragraph => {
                    c.summary.push(text.clone());
                    continue;
                }
                Item::Date {
                    text,
                    strong: false,
                    org: None,
                    ..
                } if open && in_paragraph => {
                    c.summary.push(text.clone());
                    continue;
                }
                other => {
                    let _ = self.apply_meta(c, other, token.line);
                }
            }
            in_paragraph = false;
        }
        if let Some(done) = card.take() {
            self.finish(done)?;
        }
        Ok(())
    }

    /// Reads an item the site renders above a title into `head`. Returns whether it was one.
    pub(super) fn read_head(&mut self, head: &mut Head, item: &Item) -> bool {
        match item {
            Item::SubmittedBy(user) => {
                *head = Head {
                    id: head.id.take(),
                    upvotes: head.upvotes.take(),
                    submitted_by: user.clone(),
                    await_username: user.is_none(),
                    await_count: user.is_some(),
                    await_title: false,
                };
                true
            }
            Item::Text(t) if head.await_username => {
                head.await_username = false;
                match username(t) {
                    Some(user) => {
                        head.submitted_by = Some(user.to_owned());
                        head.await_count = true;
                        true
                    }
                    None => false,
                }
            }
            Item::Thumbnail(id) => {
                head.id = Some(id.clone());
                true
            }
            Item::Count { text, boxed: true } => {
                head.upvotes = parse_count(text);
                true
            }
            Item::Blank | Item::Chrome { .. } | Item::Dash => false,
            _ => {
                head.await_username = false;
                false
            }
        }
    }

    /// Reads a plain-text capture from `start`: each paper is a title line, then (usually) its
    /// abstract line, with the card's other lines around them.
    pub(super) fn read_plain(&mut self, tokens: &[Token], start: usize) -> Result<(), Error> {
        let mut head = Head::default();
        let mut card: Option<Card> = None;
        let significant: Vec<usize> = (start..tokens.len())
            .filter(|&i| !matches!(tokens[i].item, Item::Blank | Item::Chrome { .. }))
            .collect();
        for (k, &i) in significant.iter().enumerate() {
            let token = &tokens[i];
            let item = &token.item;
            if matches!(item, Item::Terminal) {
                break;
            }
            let next_is_meta = significant.get(k + 1).is_some_and(|&n| {
                matches!(
                    tokens[n].item,
                    Item::Count { .. }
                        | Item::Authors(_)
                        | Item::Date { .. }
                        | Item::Github { .. }
                        | Item::Upvote { .. }
                        | Item::Arxiv(_)
                )
            });
            let count = match item {
                Item::Count { text, .. } => Some(text.as_str()),
                Item::Dash => Some("-"),
                _ => None,
            };
            if let Some(text) = count {
                if head.await_count {
                    head.await_count = false;
                    head.await_title = true;
                    head.upvotes = self.count(text, "upvote count", Some(self.cards), token.line);
                    continue;
                }
            }
            if self.read_head(&mut head, item) {
                if let Some(c) = card.as_mut() {
                    c.closed = true;
                }
                continue;
            }
            head.await_count = false;
            let await_title = std::mem::take(&mut head.await_title);
            let text = match item {
                Item::Text(t) => Some(t.as_str()),
                Item::BlockText { text, .. } => Some(text.as_str()),
                Item::Count { text, .. } if await_title => Some(text.as_str()),
                _ => None,
            };
            if let Some(t) = text {
                let role = match card.as_ref() {
                    Some(c) if !c.closed && !await_title => {
                        if c.summary.is_empty() && !c.meta && is_prose(t) {
                            Role::Summary
                        } else if c.org.is_none() && next_is_meta && t.chars().count() < 100 {
                            Role::Org
                        } else {
                            Role::Title
                        }
                    }
                    _ => Role::Title,
                };
                match role {
                    Role::Summary => {
                        if let Some(c) = card.as_mut() {
                            c.summary.push(t.to_owned());
                        }
                    }
                    Role::Org => {
                        if let Some(c) = card.as_mut() {
                            c.org = Some(plain_org(t));
                            c.meta = true;
                        }
                    }
                    Role::Title => {
                        if let Some(done) = card.take() {
                            self.finish_plain(done)?;
                        }
                        card = Some(self.new_card(t.to_owned(), None, std::mem::take(&mut head)));
                    }
                }
                continue;
            }
            let Some(c) = card.as_mut() else {
                continue;
            };
            if let Some(text) = count {
                if c.await_upvotes {
                    c.await_upvotes = false;
                    c.upvotes = self.count(text, "upvote count", Some(c.ordinal), token.line);
                }
                // Other bare counts (GitHub stars, comments shown by icon only) say nothing.
                continue;
            }
            let _ = self.apply_meta(c, item, token.line);
        }
        if let Some(done) = card.take() {
            self.finish_plain(done)?;
        }
        Ok(())
    }

    /// A plain-text card is a paper only if something besides its title was read: a lone
    /// line is page chrome.
    pub(super) fn finish_plain(&mut self, card: Card) -> Result<(), Error> {
        let has_more = !card.summary.is_empty()
            || card.meta
            || card.upvotes.is_some()
            || card.submitted_by.is_some()
            || card.other_id.is_some();
        if has_more {
            self.finish(card)?;
        }
        Ok(())
    }

    pub(super) fn finish(&mut self, card: Card) -> Result<(), Error> {
        let title = clean_text(&card.title).into_owned();
        if title.is_empty() {
            return Ok(());
        }
        let summary = clean_text(&card.summary.join("\n")).into_owned();
        let entry = Entry {
            id: card.id.or(card.other_id),
            title,
            summary: (!summary.is_empty()).then_some(summary),
            upvotes: card.upvotes,
            num_authors: card.num_authors,
            org: card.org,
            submitted_by: card.submitted_by,
            github_repo: card.github_repo,
            github_stars: card.github_stars,
            published: card.published,
        };
        match &mut self.held {
            Some(held) if held.same_paper(&entry) => {
                held.merge(entry);
                Ok(())
            }
            _ => {
                self.flush()?;
                self.held = Some(entry);
                Ok(())
            }
        }
    }

    /// Moves the held paper into the listing.
    pub(super) fn flush(&mut self) -> Result<(), Error> {
        let Some(entry) = self.held.take() else {
            return Ok(());
        };
        let total = self.papers.len() + self.unidentified.len() + 1;
        if total > self.options.max_papers {
            return Err(Error::LimitExceeded {
                stage: READ,
                what: "papers in one listing",
                limit: self.options.max_papers,
                actual: total,
            });
        }
        match entry.id.clone() {
            Some(id) => self.papers.push(self.paper(id, entry)),
            None => self.unidentified.push(self.unidentified_paper(entry)),
        }
        Ok(())
    }

    pub(super) fn paper(&self, id: ArxivId, e: Entry) -> Paper {
        let mut fields = vec!["id", "title"];
        let mut paper = Paper::new(id);
        paper.title = Some(e.title);
        if e.summary.is_some() {
            fields.push("summary");
        }
        paper.summary = e.summary;
        if e.num_authors.is_some() {
            fields.push("num_authors");
        }
        paper.num_authors = e.num_authors;
        if e.upvotes.is_some() {
            fields.push("upvotes");
        }
        paper.upvotes = e.upvotes;
        paper.published_at = e.published.map(|d| d.and_time(NaiveTime::MIN).and_utc());
        if paper.published_at.is_some() {
            fields.push("published_at");
        }
        paper.submitted_by = e.submitted_by.map(|username| User {
            username: Some(username),
            ..User::default()
        });
        if paper.submitted_by.is_some() {
            fields.push("submitted_by");
        }
        paper.organization = e.org.map(|org| Organization {
            name: org.name,
            fullname: Some(org.fullname),
            ..Organization::default()
        });
        if paper.organization.is_some() {
            fields.push("organization");
        }
        if e.github_repo.is_some() {
            fields.push("github_repo");
        }
        paper.github_repo = e.github_repo;
        if e.github_stars.is_some() {
            fields.push("github_stars");
        }
        paper.github_stars = e.github_stars;
        paper.coverage = Some(Coverage::new(self.source, &fields));
        paper
    }

    pub(super) fn unidentified_paper(&self, e: Entry) -> UnidentifiedPaper {
        let mut fields = vec!["title"];
        let present = [
            ("summary", e.summary.is_some()),
            ("num_authors", e.num_authors.is_some()),
            ("upvotes", e.upvotes.is_some()),
            ("published_on", e.published.is_some()),
            ("submitted_by", e.submitted_by.is_some()),
            ("organization", e.org.is_some()),
            ("github_repo", e.github_repo.is_some()),
            ("github_stars", e.github_stars.is_some()),
        ];
        fields.extend(present.iter().filter(|(_, p)| *p).map(|(f, _)| *f));
        let mut paper = UnidentifiedPaper::new(e.title, Coverage::new(self.source, &fields));
        paper.summary = e.summary;
        paper.upvotes = e.upvotes;
        paper.num_authors = e.num_authors;
        paper.organization = e.org.map(|o| o.fullname);
        paper.submitted_by = e.submitted_by;
        paper.github_repo = e.github_repo;
        paper.github_stars = e.github_stars;
        paper.published_on = e.published;
        paper
    }
}

/// What a text line of a plain-text capture is.
pub(super) enum Role {
    Title,
    Summary,
    Org,
}
