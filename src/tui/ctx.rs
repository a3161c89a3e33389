//! The context every component is handed: what the screens share.
//!
//! The snapshot, the current view's filters and selection, the navigation
//! history, the theme, the `--compare` diff, the last search, the status
//! line and what drawing learned about the layout. Components read it;
//! during `update` they get it read-only and propose changes to it as
//! [`Effect`](super::effect::Effect)s, which only the app applies — so a
//! change of view reaches every screen, and no component can change what
//! another one owns. Drawing gets it read-only too (the layout facts are
//! `Cell`s).

use std::rc::Rc;

use super::compare::Compare;
use super::filters::Filters;
use super::history::{History, Location};
use super::layout::Layout;
use super::theme::Theme;
use crate::entity::EntityRef;
use crate::related::Group;
use crate::search::{Query, haystack, lower};
use crate::selection::Selection;
use crate::snapshot::Snapshot;
use crate::tour::Screen;

/// The last finder search, for `n`/`N` and for highlighting matches.
#[derive(Debug, Clone)]
pub struct Search {
    /// The query as typed.
    pub text: String,
    /// The query, parsed.
    pub query: Query,
}

impl Search {
    /// A search for `text`.
    pub fn new(text: &str) -> Search {
        Search {
            text: text.to_string(),
            query: Query::parse(text),
        }
    }
    /// Whether `e` is a match worth stepping to: the query matches its
    /// text closely (see [`Query::matches_closely`]), so letters strewn
    /// across a long summary do not count (the finder still lists such a
    /// record, ranked low).
    pub fn hits(&self, snap: &Snapshot, e: EntityRef, buf: &mut String) -> bool {
        buf.clear();
        haystack(snap, e, buf);
        self.query.matches_closely(&lower(buf))
    }
}

/// What the components share.
#[derive(Debug)]
pub struct Ctx {
    /// The loaded snapshot.
    pub snap: Snapshot,
    /// Where it came from, for the header.
    pub source: String,
    /// Colours and styles.
    pub theme: Theme,
    /// The current view's filters and selection.
    pub filters: Filters,
    /// Where the user has been.
    pub history: History,
    /// The older snapshot the matrix is compared with (`--compare`).
    pub compare: Option<Compare>,
    /// Layout learned while drawing.
    pub layout: Layout,
    /// A one-line message for the status bar.
    pub status: Option<String>,
    /// Presenter mode is on (the projector look: spotlight, no chrome).
    pub presenting: bool,
    /// The last finder search.
    pub search: Option<Search>,
}

impl Ctx {
    /// A context on `snap` with no filters, at the Matrix.
    pub fn new(snap: Snapshot, theme: Theme, source: String) -> Ctx {
        Ctx {
            filters: Filters::new(&snap),
            snap,
            source,
            theme,
            history: History::new(Location {
                screen: Screen::Matrix,
                trail: Vec::new(),
            }),
            compare: None,
            layout: Layout::default(),
            status: None,
            presenting: false,
            search: None,
        }
    }

    /// What the current view lets through.
    pub fn sel(&self) -> &Selection {
        &self.filters.sel
    }

    /// The related groups of `e` under the view.
    pub fn related_to(&self, e: EntityRef) -> Rc<Vec<Group>> {
        self.filters.related_to(&self.snap, e)
    }

    /// The related records of `e` as one flat list (group order kept).
    pub fn related_flat(&self, e: EntityRef) -> Vec<EntityRef> {
        self.related_to(e)
            .iter()
            .flat_map(|g| g.items.iter().copied())
            .collect()
    }
}
