//! The current view's filters, shared by every screen: the chips, the
//! selection they make, and the related records under it.
//!
//! A chip is one active filter, on or off; the view is the chips that are
//! on. A switched-off chip stays listed and is written into view strings as
//! `~term`, so bookmarks and copied views keep it. Only the app changes the
//! chips ([`Filters::set`]); components propose new chips as an effect and
//! read the result.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::entity::EntityRef;
use crate::related::Group;
use crate::search::Corpus;
use crate::selection::Selection;
use crate::snapshot::Snapshot;
use crate::view::chips::merge;
use crate::view::{View, apply_with};

/// One active filter, on or off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// The filter as a one-facet (or one-term) view.
    pub view: View,
    /// Whether it applies.
    pub on: bool,
}

/// The view made of the chips that are on.
pub fn effective(chips: &[Chip]) -> View {
    merge(chips.iter().filter(|c| c.on).map(|c| &c.view))
}

/// The chips of a view: its filters, on, then its `~` terms, off.
pub fn chips_of(view: &View) -> Vec<Chip> {
    let mut chips: Vec<Chip> = crate::view::chips::split(view)
        .into_iter()
        .map(|view| Chip { view, on: true })
        .collect();
    for text in &view.off {
        if let Ok(v) = crate::view::parse(text)
            && !chips.iter().any(|c| c.view == v)
        {
            chips.push(Chip { view: v, on: false });
        }
    }
    chips
}

/// How many groups of related records are remembered.
const MEMO: usize = 4;

/// The filters and what they select.
#[derive(Debug)]
pub struct Filters {
    /// The active filters (the view is the chips that are on).
    pub chips: Vec<Chip>,
    /// What the view lets through.
    pub sel: Selection,
    corpus: Arc<Corpus>,
    memo: RefCell<Vec<(EntityRef, Rc<Vec<Group>>)>>,
}

impl Filters {
    /// No filters on `snap`.
    pub fn new(snap: &Snapshot) -> Filters {
        Filters {
            chips: Vec::new(),
            sel: Selection::all(snap),
            corpus: Arc::new(Corpus::new(snap)),
            memo: RefCell::default(),
        }
    }

    /// Searchable text of every record, shared with the finder's worker.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// The view the chips that are on make.
    pub fn effective(&self) -> View {
        effective(&self.chips)
    }

    /// The filters as a view string would carry them: the chips that are
    /// on, and the switched-off ones as `~` terms.
    pub fn view(&self) -> View {
        let mut v = self.effective();
        v.off = self
            .chips
            .iter()
            .filter(|c| !c.on)
            .map(|c| c.view.to_string())
            .collect();
        v
    }

    /// Replaces the chips and applies the view they make.
    pub fn set(&mut self, snap: &Snapshot, chips: Vec<Chip>) {
        self.chips = chips;
        self.sel = apply_with(snap, &self.effective(), &self.corpus);
        self.memo.borrow_mut().clear();
    }

    /// Starts over on a new snapshot, keeping the chips.
    pub fn rebuild(&mut self, snap: &Snapshot) {
        self.corpus = Arc::new(Corpus::new(snap));
        let chips = std::mem::take(&mut self.chips);
        self.set(snap, chips);
    }

    /// The related groups of `e`, narrowed to the selection. Memoized (a few
    /// entries), so drawing a frame never recomputes a large relation twice.
    pub fn related_to(&self, snap: &Snapshot, e: EntityRef) -> Rc<Vec<Group>> {
        if let Some((_, g)) = self.memo.borrow().iter().find(|(k, _)| *k == e) {
            return Rc::clone(g);
        }
        let groups = Rc::new(crate::related::related_in(snap, &self.sel, e));
        let mut memo = self.memo.borrow_mut();
        if memo.len() >= MEMO {
            memo.remove(0);
        }
        memo.push((e, Rc::clone(&groups)));
        groups
    }
}
