//! The model of html5ever's tree builder: its stack of open elements, with the element
//! categories it goes by, the insertion modes (tables, selects, templates, the head,
//! framesets), the form element pointer, and the start and end tags that open and close
//! elements. The list of active formatting elements is in [`formatting`](super::formatting).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use std::borrow::Cow;

use super::elements::{HEADINGS, Kinds, Name, RAW_TEXT, element, kinds};
use super::formatting::ActiveFormatting;
use super::tokens::{Attr, Content};

/// What the tree builder does with a table part's start tag.
enum TablePart {
    Ignore,
    Insert,
}

/// The insertion mode a `template` element's content is read in, set by its first start
/// tag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TemplateMode {
    Fresh,
    Body,
    Table,
    TableBody,
    Row,
    ColumnGroup,
}

/// The `html` and `body` elements the tree builder always creates.
pub(super) const BASE_DEPTH: usize = 2;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Ns {
    Html,
    Svg,
    MathMl,
}

/// How the tree builder treats content inside a foreign element.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Point {
    None,
    /// An HTML integration point: start tags and text are read as HTML.
    Html,
    /// A MathML text integration point (`mi`, `mo`, ...).
    MathText,
    /// `annotation-xml` that is not an HTML integration point: only `<svg>` is read as HTML.
    AnnotationXml,
}

#[derive(Debug)]
pub(super) struct Open {
    pub(super) name: Name,
    /// The categories of `name` (HTML ones, looked at only for HTML elements).
    pub(super) kinds: Kinds,
    pub(super) ns: Ns,
    pub(super) point: Point,
    /// The element's entry in the list of active formatting elements: index and serial.
    pub(super) entry: Option<(usize, u64)>,
    /// A `form` the tree builder took out of the stack while elements opened inside it
    /// were still open: it is no longer open, but it still adds to their depth until they
    /// close.
    pub(super) ghost: bool,
    /// For a `template`: the mode its content is read in.
    pub(super) template_mode: TemplateMode,

    /// A `select` opened in a table mode, where table tags close it.
    pub(super) select_in_table: bool,
    /// For a `form` the form element pointer points to: its number.
    pub(super) form: Option<u64>,
}

impl Open {
    /// An element as the tree builder opens it, before any of the later settings.
    pub(super) fn new(name: Name, kinds: Kinds, ns: Ns, point: Point) -> Open {
        Open {
            name,
            kinds,
            ns,
            point,
            entry: None,
            ghost: false,
            template_mode: TemplateMode::Fresh,
            select_in_table: false,
            form: None,
        }
    }

    pub(super) fn ghost() -> Open {
        Open {
            name: Cow::Borrowed(""),
            kinds: Kinds::default(),
            ns: Ns::Html,
            point: Point::None,
            entry: None,
            ghost: true,
            template_mode: TemplateMode::Fresh,
            select_in_table: false,
            form: None,
        }
    }

    pub(super) fn is(&self, name: &str) -> bool {
        self.ns == Ns::Html && !self.ghost && self.name == name
    }

    pub(super) fn special(&self) -> bool {
        !self.ghost && self.ns == Ns::Html && self.kinds.has(Kinds::SPECIAL)
    }

    pub(super) fn scope_boundary(&self) -> bool {
        if self.ghost {
            return false;
        }
        match self.ns {
            Ns::Html => self.kinds.has(Kinds::SCOPE),
            _ => self.foreign_boundary(),
        }
    }

    fn foreign_boundary(&self) -> bool {
        match self.ns {
            Ns::Html => false,
            Ns::MathMl => self.kinds.has(Kinds::MATHML_TEXT_POINT),
            Ns::Svg => matches!(&*self.name, "foreignobject" | "desc" | "title"),
        }
    }
}

/// FNV-1a: tag names are a few bytes, looked up several times per tag, where SipHash costs
/// more than the rest of the step. It resists no crafted collisions, but it need not: the
/// maps hold only the names of open elements (a name leaves when its count reaches zero),
/// at most the depth limit of them, so a collision costs at most what walking the bounded
/// stack costs.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type NameCounts = HashMap<Name, usize, BuildHasherDefault<Fnv>>;

/// One element named `name` more (a known name is kept without a copy).
fn increment(counts: &mut NameCounts, name: &Name) {
    match counts.get_mut(&**name) {
        Some(n) => *n += 1,
        None => {
            counts.insert(name.clone(), 1);
        }
    }
}

/// One element named `name` fewer; a name none is left of leaves the map.
fn decrement(counts: &mut NameCounts, name: &str) {
    if let Some(n) = counts.get_mut(name) {
        if *n <= 1 {
            counts.remove(name);
        } else {
            *n -= 1;
        }
    }
}

pub(super) struct Builder {
    pub(super) stack: Vec<Open>,
    /// How many open elements have each name: HTML ones, and all of them. They let the
    /// common cases skip walking the stack.
    pub(super) html_names: NameCounts,
    pub(super) all_names: NameCounts,
    pub(super) active: ActiveFormatting,
    /// html5ever's form element pointer: set by a `<form>` outside templates, it makes the
    /// tree builder ignore further `<form>` start tags until a `</form>`.
    form_pointer: Option<u64>,
    /// Whether the body has begun: before it (in the head), end tags other than a few are
    /// ignored.
    body_started: bool,
    /// Whether a `<frameset>` replaced the body: then only framesets and frames count.
    frameset_mode: bool,
    /// html5ever's "frameset-ok" flag: while it is set, a `<frameset>` in the body throws
    /// the body away and takes its place.
    frameset_ok: bool,
    pub(super) next_serial: u64,
    pub(super) max: usize,
    limit: usize,
}

impl Builder {
    pub(super) fn new(limit: usize) -> Self {
        Builder {
            stack: Vec::new(),
            html_names: NameCounts::default(),
            all_names: NameCounts::default(),
            active: ActiveFormatting::new(),
            form_pointer: None,
            body_started: false,
            frameset_mode: false,
            frameset_ok: true,
            next_serial: 0,
            max: BASE_DEPTH,
            limit,
        }
    }

    pub(super) fn exceeded(&self) -> bool {
        self.max > self.limit
    }

    pub(super) fn note_depth(&mut self, depth: usize) {
        self.max = self.max.max(depth);
    }

    pub(super) fn push(&mut self, open: Open) {
        self.count_open(&open);
        self.stack.push(open);
        self.note_depth(BASE_DEPTH + self.stack.len());
    }

    /// Counts an element about to enter the stack in the name maps.
    pub(super) fn count_open(&mut self, open: &Open) {
        if open.ns == Ns::Html {
            increment(&mut self.html_names, &open.name);
        }
        increment(&mut self.all_names, &open.name);
    }

    /// Pushes an element the tree builder adds by itself (`tbody` around a row, ...).
    fn push_implied(&mut self, name: &'static str) {
        let open = Open::new(Cow::Borrowed(name), kinds(name), Ns::Html, Point::None);
        self.push(open);
    }

    fn has_html(&self, name: &str) -> bool {
        self.html_names.get(name).is_some_and(|&n| n > 0)
    }

    fn has_foreign(&self, name: &str) -> bool {
        self.all_names.get(name).copied().unwrap_or(0)
            > self.html_names.get(name).copied().unwrap_or(0)
    }

    pub(super) fn forget(&mut self, open: &Open) {
        if open.ghost {
            return;
        }
        if open.ns == Ns::Html {
            decrement(&mut self.html_names, &open.name);
        }
        decrement(&mut self.all_names, &open.name);
        if let Some(at) = open.entry {
            self.active.set_on_stack(at, false);
        }
        // Markers are cleared only where the tree builder clears them (a cell, a caption,
        // an object or a template closed on purpose), not whenever their element is popped.
    }

    /// Pops the elements from the top down to `index`, included.
    pub(super) fn truncate(&mut self, index: usize) {
        while self.stack.len() > index {
            if let Some(open) = self.stack.pop() {
                self.forget(&open);
            }
        }
        // A ghost closes with the last element opened inside it.
        while self.stack.last().is_some_and(|top| top.ghost) {
            self.stack.pop();
        }
    }

    /// In a column group, anything but `col` (and templates, spaces, `</colgroup>`) closes
    /// the group first.
    fn leave_column_group(&mut self) {
        if self.stack.last().is_some_and(|t| t.is("colgroup")) {
            self.truncate(self.stack.len() - 1);
        }
    }

    /// Closes the raw-text element (`<script>`, `<title>`, ...) on top.
    pub(super) fn close_raw_text(&mut self) {
        if !self.stack.is_empty() {
            self.truncate(self.stack.len() - 1);
        }
    }

    /// Whether the current node is SVG or MathML (where CDATA sections exist).
    pub(super) fn in_foreign_element(&self) -> bool {
        self.stack.last().is_some_and(|top| top.ns != Ns::Html)
    }

    /// Whether a start tag named `name` is read by the rules for foreign content.
    fn foreign_rules_for(&self, name: &str) -> bool {
        match self.stack.last() {
            None => false,
            Some(top) if top.ns == Ns::Html => false,
            Some(top) => match top.point {
                Point::None => true,
                Point::Html => false,
                Point::MathText => matches!(name, "mglyph" | "malignmark"),
                Point::AnnotationXml => name != "svg",
            },
        }
    }

    /// Text (`blank` when it is all whitespace): the tree builder reopens formatting elements
    /// before it, as html5ever does, except in SVG and MathML, in a select, and for spaces
    /// between table parts.
    pub(super) fn text(&mut self, blank: bool) {
        if self.frameset_mode {
            return;
        }
        let html_rules = match self.stack.last() {
            None => true,
            Some(top) => top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText),
        };
        let in_select = self.in_select();
        if !(blank || (html_rules && in_select)) {
            self.frameset_ok = false;
        }
        if !blank {
            self.leave_column_group();
        }
        if !html_rules || in_select {
            return;
        }
        if !blank && !self.has_html("template") {
            self.body_started = true;
        }
        let table_text = self.stack.last().is_some_and(|top| {
            // As html5ever has it: not in a template's content, even in a table mode.
            ["table", "tbody", "tfoot", "thead", "tr", "colgroup"]
                .iter()
                .any(|n| top.is(n))
        });
        if blank && table_text {
            return;
        }
        self.reconstruct();
    }

    /// A start tag, with its name as [`element`] gives it.
    pub(super) fn start_tag(
        &mut self,
        kept: Name,
        kinds: Kinds,
        attrs: &[Attr<'_>],
        self_closing: bool,
    ) -> Content {
        let name: &str = &kept;
        if self.foreign_rules_for(name) {
            let breakout = kinds.has(Kinds::BREAKOUT)
                || (name == "font"
                    && attrs.iter().any(|attr| {
                        ["color", "face", "size"]
                            .iter()
                            .any(|a| attr.name.eq_ignore_ascii_case(a))
                    }));
            if !breakout {
                let ns = self.stack.last().map_or(Ns::Html, |top| top.ns);
                self.insert_foreign(kept, kinds, ns, self_closing);
                return Content::Markup;
            }
            while let Some(top) = self.stack.last() {
                if top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText) {
                    break;
                }
                self.truncate(self.stack.len() - 1);
            }
        }
        self.html_start_tag(kept, kinds, attrs, self_closing)
    }

    fn insert_foreign(&mut self, name: Name, kinds: Kinds, ns: Ns, self_closing: bool) {
        if self_closing {
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return;
        }
        let point = match ns {
            Ns::Svg if matches!(&*name, "foreignobject" | "desc" | "title") => Point::Html,
            Ns::MathMl if kinds.has(Kinds::MATHML_TEXT_POINT) => Point::MathText,
            // scraper's tree sink never makes `annotation-xml` an HTML integration point,
            // whatever its `encoding`.
            Ns::MathMl if name == "annotation-xml" => Point::AnnotationXml,
            _ => Point::None,
        };
        self.push(Open::new(name, kinds, ns, point));
    }

    fn html_start_tag(
        &mut self,
        kept: Name,
        kinds: Kinds,
        attrs: &[Attr<'_>],
        self_closing: bool,
    ) -> Content {
        let name: &str = &kept;
        if !matches!(name, "col" | "template") {
            self.leave_column_group();
        }
        if self.frameset_mode {
            match name {
                "frameset" if self.stack.last().is_some_and(|t| t.is("frameset")) => {
                    self.push_implied("frameset");
                }
                "frame" => self.note_depth(BASE_DEPTH + self.stack.len() + 1),
                "noframes" => {
                    self.push_implied("noframes");
                    return Content::RawText("noframes");
                }
                _ => {}
            }
            return Content::Markup;
        }
        if !kinds.has(Kinds::HEAD_CONTENT) && !self.has_html("template") {
            self.body_started = true;
        }
        if self.in_select() {
            // Inside a `<select>` the tree builder ignores most start tags, and some close
            // the select first.
            let leaves_select = matches!(name, "input" | "keygen" | "textarea")
                || (matches!(
                    name,
                    "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                ) && self.select_in_table());
            match name {
                "option" | "optgroup" | "hr" => {
                    // Close an open option (and, but for `option`, optgroup), then insert.
                    while self
                        .stack
                        .last()
                        .is_some_and(|t| t.is("option") || (name != "option" && t.is("optgroup")))
                    {
                        self.truncate(self.stack.len() - 1);
                    }
                    if name == "hr" {
                        self.note_depth(BASE_DEPTH + self.stack.len() + 1);
                    } else {
                        self.push(Open::new(kept.clone(), kinds, Ns::Html, Point::None));
                    }
                    return Content::Markup;
                }
                "select" => {
                    self.close_select();
                    return Content::Markup;
                }
                "script" | "template" => {}
                _ if leaves_select => self.close_select(),
                _ => return Content::Markup,
            }
        }
        if name == "table" {
            match self.table_context() {
                None | Some((_, "td" | "th" | "caption")) => {}
                Some((i, "template")) => match self.stack[i].template_mode {
                    TemplateMode::Fresh | TemplateMode::Body => {}
                    // A table mode with no table in table scope ignores it.
                    _ => return Content::Markup,
                },
                // In a table, a table start tag closes that table first (or is ignored).
                Some(_) => match self.find_in_table_scope("table") {
                    Some(i) => self.truncate(i),
                    None => return Content::Markup,
                },
            }
        }
        if name == "form" && self.form_pointer.is_some() && !self.has_html("template") {
            return Content::Markup;
        }
        if name == "form" && self.in_table_proper() {
            // In a table (not a cell), a form is ignored inside a template or while another
            // is open, and otherwise opened and closed at once.
            if !self.has_html("template") && self.form_pointer.is_none() {
                // It is no longer open, so nothing can close it: a number nothing has.
                self.form_pointer = Some(u64::MAX);
                self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            }
            return Content::Markup;
        }
        if kinds.has(Kinds::TABLE_PART) {
            if let TablePart::Ignore = self.open_table_part(name) {
                return Content::Markup;
            }
        } else if let Some(top) = self.stack.last_mut() {
            if top.is("template") {
                match top.template_mode {
                    // The first other start tag puts the template in the body's mode.
                    TemplateMode::Fresh if !kinds.has(Kinds::HEAD_TAG) => {
                        top.template_mode = TemplateMode::Body;
                    }
                    // A column group's mode ignores everything but `col` and `template`.
                    TemplateMode::ColumnGroup if name != "template" => return Content::Markup,
                    _ => {}
                }
            }
        }
        if name == "frameset" {
            let replaces_body = if !self.body_started && !self.has_html("template") {
                true
            } else {
                self.frameset_ok && self.body_started
            };
            if replaces_body {
                self.truncate(0);
                self.frameset_mode = true;
                self.push_implied("frameset");
            }
            return Content::Markup;
        }
        if name == "body" && !self.has_html("template") {
            self.frameset_ok = false;
        }
        // The tree builder creates these once and merges later copies into them.
        if matches!(name, "html" | "head" | "body" | "frameset") {
            return Content::Markup;
        }
        match name {
            "li" => self.close_list_item(&["li"]),
            "dd" | "dt" => self.close_list_item(&["dd", "dt"]),
            _ => {}
        }
        if kinds.has(Kinds::CLOSES_P) {
            self.close_p();
        }
        match name {
            // A heading closes a heading left open just before it.
            _ if kinds.has(Kinds::HEADING)
                && self
                    .stack
                    .last()
                    .is_some_and(|top| top.ns == Ns::Html && top.kinds.has(Kinds::HEADING)) =>
            {
                self.truncate(self.stack.len() - 1);
            }
            "option" | "optgroup" if self.stack.last().is_some_and(|top| top.is("option")) => {
                self.truncate(self.stack.len() - 1);
            }
            "button" => {
                if let Some(i) = self.find_in_scope(|o| o.is("button"), &[]) {
                    self.truncate(i);
                }
            }
            "a" => {
                // A new link first closes the open one (the "misnested a" rule).
                if let Some((index, serial, _)) = self.active.find("a") {
                    self.formatting_end_tag("a");
                    self.remove_formatting((index, serial));
                }
            }
            "nobr" => {
                self.reconstruct();
                if self.find_in_scope(|o| o.is("nobr"), &[]).is_some() {
                    self.formatting_end_tag("nobr");
                }
            }
            "rb" | "rtc" | "rp" | "rt" if self.find_in_scope(|o| o.is("ruby"), &[]).is_some() => {
                const IMPLIED_END: [&str; 10] = [
                    "dd", "dt", "li", "option", "optgroup", "p", "rb", "rp", "rt", "rtc",
                ];
                while self.stack.last().is_some_and(|t| {
                    IMPLIED_END
                        .iter()
                        .any(|n| t.is(n) && !(matches!(name, "rp" | "rt") && *n == "rtc"))
                }) {
                    self.truncate(self.stack.len() - 1);
                }
            }
            _ => {}
        }
        if kinds.has(Kinds::CLEARS_FRAMESET_OK) {
            let hidden_input = name == "input"
                && attrs
                    .iter()
                    .find(|a| a.name.eq_ignore_ascii_case("type"))
                    .is_some_and(|a| {
                        crate::extract::entities::decode(a.value).eq_ignore_ascii_case("hidden")
                    });
            if !hidden_input {
                self.frameset_ok = false;
            }
        }
        let reopens = !kinds.has(Kinds::NO_RECONSTRUCT) && !kinds.has(Kinds::CLOSES_P);
        if reopens || name == "xmp" {
            self.reconstruct();
        }
        match name {
            "svg" => {
                self.insert_foreign(kept.clone(), kinds, Ns::Svg, self_closing);
                return Content::Markup;
            }
            "math" => {
                self.insert_foreign(kept.clone(), kinds, Ns::MathMl, self_closing);
                return Content::Markup;
            }
            _ => {}
        }
        // `<div/>` opens a div: only void elements ignore the self-closing flag safely.
        if kinds.has(Kinds::VOID) {
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return Content::Markup;
        }
        let serial = self.next_serial;
        self.next_serial += 1;
        let entry = kinds
            .has(Kinds::FORMATTING)
            .then(|| self.active.push(serial, kept.clone(), attrs));
        let marker = kinds.has(Kinds::MARKER);
        let form = (name == "form" && !self.has_html("template")).then_some(serial);
        if form.is_some() {
            self.form_pointer = form;
        }
        let select_in_table = name == "select" && self.in_table_mode();
        self.push(Open {
            entry,
            select_in_table,
            form,
            ..Open::new(kept.clone(), kinds, Ns::Html, Point::None)
        });
        if marker {
            self.active.push_marker();
        }
        if name == "plaintext" {
            return Content::Plaintext;
        }
        let raw_text = kinds
            .has(Kinds::RAW_TEXT)
            .then(|| RAW_TEXT.iter().find(|raw| **raw == name))
            .flatten();
        match raw_text {
            // Inside a `<select>` the tree builder ignores most tags, raw-text ones
            // included, and then the tokenizer reads their content as markup.
            Some(_) if !matches!(name, "script" | "textarea") && self.in_select() => {
                Content::Markup
            }
            Some(raw) => Content::RawText(raw),
            None => Content::Markup,
        }
    }

    /// The table element whose insertion mode the tree builder is in: the nearest open
    /// `table`, `tbody`, `thead`, `tfoot`, `tr`, `td`, `th`, `caption`, `colgroup` or
    /// `template`, with its index. `None` when there is none: the body's rules apply.
    fn table_context(&self) -> Option<(usize, &'static str)> {
        const PARTS: [&str; 10] = [
            "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "template",
        ];
        if !PARTS.iter().any(|n| self.has_html(n)) {
            return None;
        }
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.ns != Ns::Html || node.ghost {
                continue;
            }
            if let Some(part) = PARTS.iter().find(|p| **p == node.name) {
                return Some((i, part));
            }
        }
        None
    }

    /// Whether the tree builder is in the "in table", "in table body" or "in row" mode.
    fn in_table_proper(&self) -> bool {
        match self.table_context() {
            Some((i, "template")) => matches!(
                self.stack[i].template_mode,
                TemplateMode::Table | TemplateMode::TableBody | TemplateMode::Row
            ),
            Some((_, c)) => matches!(c, "table" | "tbody" | "thead" | "tfoot" | "tr"),
            None => false,
        }
    }

    /// Whether the tree builder is in one of the table modes (where a `select` is "in
    /// select in table").
    fn in_table_mode(&self) -> bool {
        match self.table_context() {
            None => false,
            Some((i, "template")) => matches!(
                self.stack[i].template_mode,
                TemplateMode::Table | TemplateMode::TableBody | TemplateMode::Row
            ),
            Some((_, "colgroup")) => false,
            Some(_) => true,
        }
    }

    /// Whether the innermost open `select` was opened in a table mode.
    fn select_in_table(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|o| o.is("select"))
            .is_some_and(|o| o.select_in_table)
    }

    /// After a template closes, html5ever resets the insertion mode: if the nearest element
    /// that sets it is a `select`, whether it is "in table" now depends on its ancestors
    /// (a `table` before any `template`), not on the mode it was opened in.
    fn reset_select_mode(&mut self) {
        const MODE_SETTERS: [&str; 12] = [
            "select", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup", "table",
            "template", "frameset",
        ];
        let Some(i) = self
            .stack
            .iter()
            .rposition(|o| MODE_SETTERS.iter().any(|n| o.is(n)))
        else {
            return;
        };
        if !self.stack[i].is("select") {
            return;
        }
        let in_table = self.stack[..i]
            .iter()
            .rev()
            .find(|o| o.is("template") || o.is("table"))
            .is_some_and(|o| o.is("table"));
        self.stack[i].select_in_table = in_table;
    }

    /// Closes the innermost open `select`.
    fn close_select(&mut self) {
        if let Some(i) = self.stack.iter().rposition(|o| o.is("select")) {
            self.truncate(i);
        }
    }

    /// Whether the nearest open `select` or `template` is a `select`.
    fn in_select(&self) -> bool {
        if !self.has_html("select") {
            return false;
        }
        for node in self.stack.iter().rev() {
            if node.is("template") {
                return false;
            }
            if node.is("select") {
                return true;
            }
        }
        false
    }

    /// Closes an open `<p>` in button scope.
    fn close_p(&mut self) {
        if !self.has_html("p") {
            return;
        }
        if let Some(i) = self.find_in_scope(|o| o.is("p"), &["button"]) {
            self.truncate(i);
        }
    }

    /// Before `<li>` (or `<dd>`/`<dt>`): closes the open one, unless a special element other
    /// than `address`, `div` or `p` comes first.
    fn close_list_item(&mut self, names: &[&str]) {
        if !names.iter().any(|n| self.has_html(n)) {
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.ns == Ns::Html && names.contains(&&*node.name) {
                self.truncate(i);
                return;
            }
            if node.special()
                && !(node.ns == Ns::Html && matches!(&*node.name, "address" | "div" | "p"))
            {
                return;
            }
        }
    }

    /// A table part's start tag (`td`, `tr`, `tbody`, `caption`, `col`, ...): the tree
    /// builder closes the open cell, row or section it ends, adds the parents it lacks, or
    /// ignores it, according to the table element it is in.
    fn open_table_part(&mut self, name: &str) -> TablePart {
        loop {
            let Some((index, context)) = self.table_context() else {
                // No table or template: the body ignores table parts.
                return TablePart::Ignore;
            };
            // Inside a template, the template's own mode stands for the table element.
            let context = if context == "template" {
                let top = index + 1 == self.stack.len();
                let mode = self.stack[index].template_mode;
                match (mode, name) {
                    (TemplateMode::Fresh, _) => {
                        self.stack[index].template_mode = match name {
                            "col" => TemplateMode::ColumnGroup,
                            "tr" => TemplateMode::TableBody,
                            "td" | "th" => TemplateMode::Row,
                            _ => TemplateMode::Table,
                        };
                        debug_assert!(top);
                        return TablePart::Insert;
                    }
                    (TemplateMode::Body, _) => return TablePart::Ignore,
                    (TemplateMode::Table, _) => "table",
                    (TemplateMode::TableBody, "tr" | "td" | "th") => "tbody",
                    (TemplateMode::Row, "td" | "th") => "tr",
                    (TemplateMode::ColumnGroup, "col") => "colgroup",
                    // No such section, row or column group in table scope.
                    _ => return TablePart::Ignore,
                }
            } else {
                context
            };
            match (context, name) {
                ("td" | "th" | "caption", _) => {
                    // Close the cell (or caption), then read the tag again.
                    self.truncate(index);
                    self.active.clear_to_marker();
                }
                ("tr", "td" | "th") => {
                    self.truncate(index + 1);
                    return TablePart::Insert;
                }
                ("tr", _) => self.truncate(index),
                ("tbody" | "thead" | "tfoot", "tr") => {
                    self.truncate(index + 1);
                    return TablePart::Insert;
                }
                ("tbody" | "thead" | "tfoot", "td" | "th") => {
                    self.truncate(index + 1);
                    self.push_implied("tr");
                    return TablePart::Insert;
                }
                ("tbody" | "thead" | "tfoot", _) => self.truncate(index),
                ("colgroup", "col") => return TablePart::Insert,
                ("colgroup", _) => self.truncate(index),
                (_, "tr") => {
                    self.truncate(index + 1);
                    self.push_implied("tbody");
                    return TablePart::Insert;
                }
                (_, "td" | "th") => {
                    self.truncate(index + 1);
                    self.push_implied("tbody");
                    self.push_implied("tr");
                    return TablePart::Insert;
                }
                (_, "col") => {
                    self.truncate(index + 1);
                    self.push_implied("colgroup");
                    return TablePart::Insert;
                }
                _ => {
                    self.truncate(index + 1);
                    return TablePart::Insert;
                }
            }
        }
    }

    /// The index of the topmost `name` element in table scope (bounded by `table`,
    /// `template` and `html` only).
    fn find_in_table_scope(&self, name: &str) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.is(name) {
                return Some(i);
            }
            if node.is("table") || node.is("template") {
                return None;
            }
        }
        None
    }

    /// The index of the topmost element matching `target` that is in scope: reached from the
    /// top without crossing a scope boundary (or one of `extra`).
    fn find_in_scope(&self, target: impl Fn(&Open) -> bool, extra: &[&str]) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if target(node) {
                return Some(i);
            }
            if node.scope_boundary() || (node.ns == Ns::Html && extra.contains(&&*node.name)) {
                return None;
            }
        }
        None
    }

    pub(super) fn end_tag(&mut self, name: &str) {
        if self.frameset_mode {
            if name == "frameset" && self.stack.last().is_some_and(|t| t.is("frameset")) {
                self.truncate(self.stack.len() - 1);
            }
            return;
        }
        if !self.body_started && !self.has_html("template") {
            if !matches!(name, "br" | "body" | "html") {
                // The head ignores end tags (but `</template>`, which has nothing to close).
                return;
            }
            // These begin the body.
            self.body_started = true;
        }
        // Right inside a template that has no content yet (html5ever's "in template" mode,
        // also after a template nested in it closed), every end tag but `</template>` is
        // ignored: a formatting element's `</i>` there leaves its entry in the list of active
        // formatting elements, to be reopened later.
        let fresh_template = self
            .stack
            .last()
            .is_some_and(|t| t.is("template") && t.template_mode == TemplateMode::Fresh);
        if fresh_template && name != "template" {
            return;
        }
        if name == "br" {
            // `</br>` is read as `<br>`.
            let (br, kinds) = element("br");
            self.start_tag(br, kinds, &[], false);
            return;
        }
        if self.in_foreign_element() {
            if name == "p" {
                while let Some(top) = self.stack.last() {
                    if top.ns == Ns::Html || matches!(top.point, Point::Html | Point::MathText) {
                        break;
                    }
                    self.truncate(self.stack.len() - 1);
                }
                self.html_end_tag(name);
                return;
            }
            if !self.has_foreign(name) {
                // The walk down the foreign elements would reach an HTML one.
                self.html_end_tag(name);
                return;
            }
            for i in (0..self.stack.len()).rev() {
                let node = &self.stack[i];
                if node.ns == Ns::Html {
                    self.html_end_tag(name);
                    return;
                }
                if node.name == name {
                    self.truncate(i);
                    return;
                }
            }
            return;
        }
        self.html_end_tag(name);
    }

    fn html_end_tag(&mut self, name: &str) {
        if !matches!(name, "colgroup" | "col" | "template") {
            self.leave_column_group();
        }
        let kinds = kinds(name);
        if self.in_select() {
            match name {
                "option" | "optgroup" if self.stack.last().is_some_and(|t| t.is(name)) => {
                    self.truncate(self.stack.len() - 1);
                }
                "select" => self.close_select(),
                "template" => {}
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                    if self.select_in_table() && self.find_in_table_scope(name).is_some() =>
                {
                    self.close_select();
                    self.html_end_tag(name);
                }
                _ => {}
            }
            if name != "template" {
                return;
            }
        }
        if name == "p" && !self.has_html("p") {
            // The tree builder opens an empty `<p>` and closes it.
            self.note_depth(BASE_DEPTH + self.stack.len() + 1);
            return;
        }
        if name == "form" {
            self.form_end_tag();
            return;
        }
        let heading = kinds.has(Kinds::HEADING);
        let present = if heading {
            HEADINGS.iter().any(|h| self.has_html(h))
        } else {
            self.has_html(name)
        };
        // An end tag for an element that is not open is ignored, except that of a formatting
        // element, which may still have an entry in the list of active formatting elements.
        let table_tag = matches!(
            name,
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup"
        );
        if !present && !kinds.has(Kinds::FORMATTING) && !table_tag {
            return;
        }
        if kinds.has(Kinds::TABLE_PART) && self.table_context().is_none() {
            return;
        }
        match name {
            "html" | "body" | "head" | "frameset" => {}
            "p" => match self.find_in_scope(|o| o.is("p"), &["button"]) {
                Some(i) => self.truncate(i),
                // The tree builder opens an empty `<p>` and closes it.
                None => self.note_depth(BASE_DEPTH + self.stack.len() + 1),
            },
            "li" => {
                if let Some(i) = self.find_in_scope(|o| o.is("li"), &["ol", "ul"]) {
                    self.truncate(i);
                }
            }
            _ if heading => {
                let heading = |o: &Open| o.ns == Ns::Html && o.kinds.has(Kinds::HEADING);
                if let Some(i) = self.find_in_scope(heading, &[]) {
                    self.truncate(i);
                }
            }
            "template" => {
                // Not a scope check: the innermost template closes, with all inside it.
                if let Some(i) = self.stack.iter().rposition(|o| o.is("template")) {
                    self.truncate(i);
                    self.active.clear_to_marker();
                    self.reset_select_mode();
                }
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                self.table_end_tag(name)
            }
            _ if kinds.has(Kinds::FORMATTING) => self.formatting_end_tag(name),
            _ if kinds.has(Kinds::SCOPED_END) => {
                if let Some(i) = self.find_in_scope(|o| o.is(name), &[]) {
                    self.truncate(i);
                    if matches!(name, "applet" | "marquee" | "object") {
                        self.active.clear_to_marker();
                    }
                }
            }
            _ => self.any_other_end_tag(name),
        }
    }

    fn form_end_tag(&mut self) {
        if self.has_html("template") {
            if let Some(i) = self.find_in_scope(|o| o.is("form"), &[]) {
                self.truncate(i);
            }
            return;
        }
        // The element the form element pointer points to, if it is open and in scope; the
        // end tag clears the pointer either way.
        let Some(pointer) = self.form_pointer.take() else {
            return;
        };
        let Some(i) = self.find_in_scope(|o| o.is("form") && o.form == Some(pointer), &[]) else {
            return;
        };
        // The tree builder takes the form element out of the stack alone, but what was
        // opened inside it stays its descendant.
        // "Generate implied end tags" first.
        const IMPLIED_END: [&str; 10] = [
            "dd", "dt", "li", "option", "optgroup", "p", "rb", "rp", "rt", "rtc",
        ];
        while self.stack.len() > i + 1
            && self
                .stack
                .last()
                .is_some_and(|t| IMPLIED_END.iter().any(|n| t.is(n)))
        {
            self.truncate(self.stack.len() - 1);
        }
        if i + 1 == self.stack.len() {
            self.truncate(i);
            return;
        }
        let open = std::mem::replace(&mut self.stack[i], Open::ghost());
        self.forget(&open);
    }

    /// End tags of table elements, by the mode the nearest table element sets: a cell or
    /// caption closes first (which also clears the formatting elements opened in it), a row
    /// or section closes on the way to an outer end tag; inside a template (with no table
    /// of its own) or in the body they are ignored.
    fn table_end_tag(&mut self, name: &str) {
        for _ in 0..6 {
            let Some((index, context)) = self.table_context() else {
                return;
            };
            match (context, name) {
                ("caption", "caption") => {
                    self.truncate(index);
                    self.active.clear_to_marker();
                    return;
                }
                ("caption", "table") => {
                    self.truncate(index);
                    self.active.clear_to_marker();
                }
                ("td" | "th", "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table") => {
                    if self.find_in_table_scope(name).is_none() {
                        return;
                    }
                    self.truncate(index);
                    self.active.clear_to_marker();
                    if matches!(name, "td" | "th") {
                        return;
                    }
                }
                ("tr", "tr") => {
                    self.truncate(index);
                    return;
                }
                ("tr", "table") => self.truncate(index),
                ("tr", "tbody" | "thead" | "tfoot") => {
                    if self.find_in_table_scope(name).is_none() {
                        return;
                    }
                    self.truncate(index);
                }
                ("tbody" | "thead" | "tfoot", "tbody" | "thead" | "tfoot") => {
                    if let Some(i) = self.find_in_table_scope(name) {
                        self.truncate(i);
                    }
                    return;
                }
                ("tbody" | "thead" | "tfoot", "table") => self.truncate(index),
                ("table", "table") => {
                    self.truncate(index);
                    return;
                }
                ("colgroup", "colgroup") => {
                    if self.stack.last().is_some_and(|t| t.is("colgroup")) {
                        self.truncate(self.stack.len() - 1);
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    pub(super) fn any_other_end_tag(&mut self, name: &str) {
        if !self.has_html(name) {
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let node = &self.stack[i];
            if node.is(name) {
                self.truncate(i);
                return;
            }
            if node.special() {
                return;
            }
        }
    }
}
