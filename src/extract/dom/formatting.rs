//! The list of active formatting elements (`<b>`, `<a>`, ...) of the tree builder model:
//! the elements it reopens after their parent closed ([`Builder::reconstruct`]) and the
//! adoption agency that runs on their end tags.

use super::builder::{BASE_DEPTH, Builder, Ns, Open, Point};
use super::elements::{Name, element, kinds};
use super::tokens::Attr;

#[derive(Debug)]
struct Formatting {
    serial: u64,
    name: Name,
    /// Decoded-free raw attributes, sorted, first of duplicates kept: for the "Noah's Ark"
    /// rule, which compares elements by name and attributes.
    attrs: Vec<(String, String)>,
    on_stack: bool,
    live: bool,
}

#[derive(Debug)]
enum Entry {
    Marker,
    Element(Formatting),
}

/// The list of active formatting elements. Entries are never moved, only killed (and dropped
/// from the end), so that an open element can point at its entry by index.
#[derive(Debug)]
pub(super) struct ActiveFormatting {
    entries: Vec<Entry>,
    /// Indices of the markers, in order.
    markers: Vec<usize>,
    /// For each run of entries between markers: how many live entries are off the stack.
    off: Vec<usize>,
}

impl ActiveFormatting {
    pub(super) fn new() -> Self {
        ActiveFormatting {
            entries: Vec::new(),
            markers: Vec::new(),
            off: vec![0],
        }
    }

    fn last_marker_end(&self) -> usize {
        self.markers.last().map_or(0, |m| m + 1)
    }

    fn segment(&self, index: usize) -> usize {
        self.markers.partition_point(|&m| m < index)
    }

    fn get(&mut self, (index, serial): (usize, u64)) -> Option<&mut Formatting> {
        match self.entries.get_mut(index) {
            Some(Entry::Element(f)) if f.serial == serial && f.live => Some(f),
            _ => None,
        }
    }

    pub(super) fn set_on_stack(&mut self, at: (usize, u64), on: bool) {
        let segment = self.segment(at.0);
        if let Some(f) = self.get(at) {
            if f.on_stack != on {
                f.on_stack = on;
                if on {
                    self.off[segment] = self.off[segment].saturating_sub(1);
                } else {
                    self.off[segment] += 1;
                }
            }
        }
    }

    fn kill(&mut self, at: (usize, u64)) {
        let segment = self.segment(at.0);
        if let Some(f) = self.get(at) {
            f.live = false;
            if !f.on_stack {
                self.off[segment] = self.off[segment].saturating_sub(1);
            }
        }
        while matches!(self.entries.last(), Some(Entry::Element(f)) if !f.live) {
            self.entries.pop();
        }
    }

    pub(super) fn push_marker(&mut self) {
        self.markers.push(self.entries.len());
        self.entries.push(Entry::Marker);
        self.off.push(0);
    }

    pub(super) fn clear_to_marker(&mut self) {
        match self.markers.pop() {
            Some(m) => {
                self.entries.truncate(m);
                self.off.pop();
            }
            None => {
                self.entries.clear();
                self.off = vec![0];
            }
        }
    }

    /// Appends an element, first dropping the earliest of three identical ones.
    pub(super) fn push(&mut self, serial: u64, name: Name, raw_attrs: &[Attr<'_>]) -> (usize, u64) {
        let mut attrs: Vec<(String, String)> = Vec::with_capacity(raw_attrs.len());
        for attr in raw_attrs {
            let n = attr.name.to_ascii_lowercase();
            if !attrs.iter().any(|(seen, _)| *seen == n) {
                attrs.push((n, attr.value.to_owned()));
            }
        }
        attrs.sort();
        let start = self.last_marker_end();
        let same: Vec<usize> = (start..self.entries.len())
            .filter(|&i| {
                matches!(&self.entries[i], Entry::Element(f)
                    if f.live && f.name == name && f.attrs == attrs)
            })
            .collect();
        // (Nested `if`s: let chains need a newer compiler than the crate's rust-version.)
        if same.len() >= 3 {
            if let Entry::Element(f) = &self.entries[same[0]] {
                let at = (same[0], f.serial);
                self.kill(at);
            }
        }
        let index = self.entries.len();
        self.entries.push(Entry::Element(Formatting {
            serial,
            name,
            attrs,
            on_stack: true,
            live: true,
        }));
        (index, serial)
    }

    /// The last live element after the last marker with this name.
    pub(super) fn find(&self, name: &str) -> Option<(usize, u64, bool)> {
        let start = self.last_marker_end();
        (start..self.entries.len())
            .rev()
            .find_map(|i| match &self.entries[i] {
                Entry::Element(f) if f.live && f.name == name => Some((i, f.serial, f.on_stack)),
                _ => None,
            })
    }
}

impl Builder {
    /// Reopens the formatting elements that were closed by their parent's end tag (the tree
    /// builder does this before text and most start tags). All of them, not only the last
    /// run the tree builder reopens: more depth, never less.
    pub(super) fn reconstruct(&mut self) {
        if self.active.off.last().copied().unwrap_or(0) == 0 {
            return;
        }
        let start = self.active.last_marker_end();
        for index in start..self.active.entries.len() {
            let (serial, name) = match &self.active.entries[index] {
                Entry::Element(f) if f.live && !f.on_stack => (f.serial, f.name.clone()),
                _ => continue,
            };
            self.active.set_on_stack((index, serial), true);
            let kinds = kinds(&name);
            self.push(Open {
                entry: Some((index, serial)),
                ..Open::new(name, kinds, Ns::Html, Point::None)
            });
        }
    }

    /// The adoption agency, as html5ever runs it: close the formatting element, or, when a
    /// special element (the "furthest block") is open inside it, take it out of the stack
    /// and reopen a copy inside that block, and try again (at most eight times).
    pub(super) fn formatting_end_tag(&mut self, name: &str) {
        if let Some(top) = self.stack.last() {
            if top.is(name)
                && top.entry.is_none_or(|at| {
                    self.active.entries.get(at.0).is_none_or(
                        |e| !matches!(e, Entry::Element(f) if f.serial == at.1 && f.live),
                    )
                })
            {
                self.truncate(self.stack.len() - 1);
                return;
            }
        }
        for _ in 0..8 {
            let Some((index, serial, on_stack)) = self.active.find(name) else {
                self.any_other_end_tag(name);
                return;
            };
            if !on_stack {
                self.active.kill((index, serial));
                return;
            }
            let at = (index, serial);
            let Some(fe) = self.stack.iter().rposition(|o| o.entry == Some(at)) else {
                self.active.kill(at);
                return;
            };
            if self.stack[fe + 1..].iter().any(Open::scope_boundary) {
                // Not in scope: ignored.
                return;
            }
            let Some(offset) = self.stack[fe + 1..].iter().position(Open::special) else {
                self.truncate(fe);
                self.active.kill(at);
                return;
            };
            let block = fe + 1 + offset;
            // The formatting element and the plain elements between it and the block leave
            // the stack (ghosts keep their depth); formatting ones stay, as their copies do.
            for i in fe..block {
                let keep = i != fe && self.stack[i].entry.is_some();
                if !keep && !self.stack[i].ghost {
                    let open = std::mem::replace(&mut self.stack[i], Open::ghost());
                    self.forget(&open);
                }
            }
            self.active.kill(at);
            let serial = self.next_serial;
            self.next_serial += 1;
            let (kept, kinds) = element(name);
            let entry = self.active.push(serial, kept.clone(), &[]);
            let open = Open {
                entry: Some(entry),
                ..Open::new(kept, kinds, Ns::Html, Point::None)
            };
            self.count_open(&open);
            self.stack.insert(block + 1, open);
            self.note_depth(BASE_DEPTH + self.stack.len());
        }
    }

    /// Takes the element of a formatting entry out of the stack (leaving a ghost where
    /// elements opened inside it are still open) and drops the entry.
    pub(super) fn remove_formatting(&mut self, at: (usize, u64)) {
        if let Some(i) = self.stack.iter().rposition(|o| o.entry == Some(at)) {
            if i + 1 == self.stack.len() {
                self.truncate(i);
            } else {
                let open = std::mem::replace(&mut self.stack[i], Open::ghost());
                self.forget(&open);
            }
        }
        self.active.kill(at);
    }
}
