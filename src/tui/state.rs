//! The one owner of the explorer's state.
//!
//! [`State`] holds the snapshot, the current selection, the cursor of every
//! screen, the drill-down trail and history, and what is open on top. Panes
//! own nothing; they draw from `&State`. The only interior mutability is
//! what rendering learns about the layout (scroll offsets, page heights,
//! click targets), kept in `Cell`s so drawing stays a function of `&State`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;

use ratatui::layout::Rect;

use super::filter::{Chip, FilterOverlay};
use super::finder::FinderOverlay;
use super::palette::PaletteOverlay;
use super::theme::Theme;
use crate::entity::EntityRef;
use crate::matrix::{Matrix, Metric};
use crate::related::Group;
use crate::search::{Corpus, Query};
use crate::selection::Selection;
use crate::snapshot::{ActivityId, Snapshot};
use std::sync::Arc;

pub use crate::tour::Screen;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The screen's main list or grid.
    #[default]
    Main,
    /// The related-records list of the details pane.
    Related,
    /// The card of the focused or selected record (it scrolls).
    Card,
}

/// A cursor into a list whose scroll offset is settled while drawing.
#[derive(Debug, Default, Clone)]
pub struct Cursor {
    /// The selected position.
    pub pos: usize,
    /// First visible position (set by rendering).
    pub offset: Cell<usize>,
}

impl Cursor {
    /// Moves by `delta` within `0..len`.
    pub fn step(&mut self, delta: isize, len: usize) {
        self.pos = if len == 0 {
            0
        } else {
            self.pos.saturating_add_signed(delta).min(len - 1)
        };
    }
    /// Keeps the cursor within `0..len`.
    pub fn clamp(&mut self, len: usize) {
        self.pos = self.pos.min(len.saturating_sub(1));
    }
    /// The offset that keeps the cursor visible in `height` rows, remembered.
    pub fn scroll(&self, height: usize) -> usize {
        let height = height.max(1);
        let mut off = self.offset.get();
        if self.pos < off {
            off = self.pos;
        } else if self.pos >= off + height {
            off = self.pos + 1 - height;
        }
        self.offset.set(off);
        off
    }
}

/// One drill-down level: a focused record and the cursor in its related list.
#[derive(Debug, Clone)]
pub struct Crumb {
    /// The focused record.
    pub entity: EntityRef,
    /// Cursor over its related records.
    pub cursor: Cursor,
}

/// A place in the app, for history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The screen.
    pub screen: Screen,
    /// The drill-down trail.
    pub trail: Vec<EntityRef>,
}

/// Activity table columns, in `s` cycling order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By title.
    #[default]
    Title,
    /// By lead.
    Lead,
    /// By year.
    Year,
    /// By sector.
    Sector,
    /// By first SDG.
    Sdgs,
}

impl SortKey {
    /// The next column.
    pub fn next(self) -> Self {
        match self {
            SortKey::Title => SortKey::Lead,
            SortKey::Lead => SortKey::Year,
            SortKey::Year => SortKey::Sector,
            SortKey::Sector => SortKey::Sdgs,
            SortKey::Sdgs => SortKey::Title,
        }
    }
}

/// Something open on top of the screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The key help, scrolled by this many lines.
    Help(usize),
    /// The `/` finder.
    Finder(FinderOverlay),
    /// The `f` filter bar.
    Filter(FilterOverlay),
    /// The `:` command palette.
    Palette(PaletteOverlay),
    /// A one-line question (bookmark name, confirmation …).
    Prompt(super::marks::Prompt),
    /// The `'` bookmark list.
    Marks(super::marks::List),
    /// A message with several lines (e.g. why a reload failed).
    Message {
        /// Heading.
        title: String,
        /// The text.
        lines: Vec<String>,
        /// Lines scrolled.
        scroll: usize,
    },
}

/// Layout facts learned while drawing (for paging and mouse hits).
#[derive(Debug, Default)]
pub struct Layout {
    /// Visible rows of the focused list.
    pub page: Cell<usize>,
    /// Clickable regions and what a click there selects.
    pub hits: RefCell<Vec<(Rect, Hit)>>,
    /// Where the screen-reader cursor goes.
    pub cursor: Cell<Option<(u16, u16)>>,
    /// Whether a card was drawn in the last frame (so `Tab` can focus it).
    pub card_shown: Cell<bool>,
    /// Lines of the card in the last frame that fit on screen.
    pub card_page: Cell<usize>,
    /// The card's largest scroll offset in the last frame.
    pub card_max: Cell<usize>,
    /// The Activities table's title width and the table's width, last frame.
    pub title_share: Cell<(usize, usize)>,
    /// Every scrolling list drawn in the last frame: its area, first shown
    /// row, rows shown and rows in all (for the screen check).
    pub marks: RefCell<Vec<(Rect, usize, usize, usize)>>,
}

/// What a click region selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Row `n` of the main list.
    MainRow(usize),
    /// Row `n` of the related list.
    RelatedRow(usize),
    /// Matrix cell (row, column).
    Cell(usize, usize),
    /// Breadcrumb `n`.
    Crumb(usize),
    /// Screen tab.
    Tab(Screen),
}

/// The whole state of the explorer.
pub struct State {
    /// The loaded snapshot.
    pub snap: Snapshot,
    /// Where it came from, for the header.
    pub source: String,
    /// What the current view lets through (change it with [`State::set_selection`]).
    pub sel: Selection,
    /// Current screen.
    pub screen: Screen,
    /// Focused pane.
    pub pane: Pane,
    /// Matrix cursor row and column.
    pub mrow: usize,
    /// Matrix cursor column.
    pub mcol: usize,
    /// Column to return to when un-zooming.
    pub zoom_return: usize,
    /// Matrix metric.
    pub metric: Metric,
    /// Goal zoomed into, if any.
    pub zoom: Option<u8>,
    /// The computed grid for metric/zoom/selection.
    pub grid: Matrix,
    /// SDG list cursor.
    pub sdg_cursor: Cursor,
    /// Goals expanded into their targets.
    pub sdg_open: BTreeSet<u8>,
    /// Action Line list cursor.
    pub line_cursor: Cursor,
    /// Parent lines expanded into sub-lines.
    pub line_open: BTreeSet<u32>,
    /// Activity table cursor.
    pub act_cursor: Cursor,
    /// Activity sort column.
    pub sort: SortKey,
    /// Descending sort.
    pub sort_desc: bool,
    /// Activities in table order (selected ones only).
    pub act_order: Vec<ActivityId>,
    /// Scroll offset of the card in focus (details, drill-down or cell
    /// card); back to the top whenever the record changes.
    pub card_scroll: usize,
    /// Cursor in the details pane's related list.
    pub rel_cursor: Cursor,
    /// Drill-down trail.
    pub trail: Vec<Crumb>,
    /// Navigation history and position in it.
    pub history: Vec<Location>,
    /// Current position in `history`.
    pub hist_pos: usize,
    /// Overlay on top.
    pub overlay: Option<Overlay>,
    /// Colours and styles.
    pub theme: Theme,
    /// A one-line message for the status bar.
    pub status: Option<String>,
    /// Layout learned while drawing.
    pub layout: Layout,
    /// Set when the app should exit.
    pub quit: bool,
    /// The active filters (the view is the chips that are on).
    pub chips: Vec<Chip>,
    /// Searchable text of every record, shared with the finder's worker.
    pub corpus: Arc<Corpus>,
    /// The last finder query, for `n`/`N`.
    pub last_query: Option<Query>,
    /// The saved bookmarks as last read, with their staleness.
    pub marks: Vec<super::marks::Row>,
    /// Presenter mode and the tour being presented.
    pub presenter: super::present::Presenter,
    /// The older snapshot the matrix is compared with (`--compare`).
    pub compare: Option<super::lifecycle::Compare>,
    /// Recently computed related groups (see [`State::related_to`]).
    related_memo: RefCell<Vec<(EntityRef, Rc<Vec<Group>>)>>,
}

impl State {
    /// A fresh explorer on `snap`: the Matrix, cursor on C1 × SDG 1.
    pub fn new(snap: Snapshot, theme: Theme, source: String) -> Self {
        let sel = Selection::all(&snap);
        let grid = Matrix::compute(&snap, Metric::Targets, None, &sel);
        let corpus = Arc::new(Corpus::new(&snap));
        let mut st = State {
            snap,
            source,
            sel,
            screen: Screen::Matrix,
            pane: Pane::Main,
            card_scroll: 0,
            mrow: 0,
            mcol: 0,
            zoom_return: 0,
            metric: Metric::Targets,
            zoom: None,
            grid,
            sdg_cursor: Cursor::default(),
            sdg_open: BTreeSet::new(),
            line_cursor: Cursor::default(),
            line_open: BTreeSet::new(),
            act_cursor: Cursor::default(),
            sort: SortKey::Title,
            sort_desc: false,
            act_order: Vec::new(),
            rel_cursor: Cursor::default(),
            trail: Vec::new(),
            history: Vec::new(),
            hist_pos: 0,
            overlay: None,
            theme,
            status: None,
            layout: Layout::default(),
            quit: false,
            related_memo: RefCell::default(),
            chips: Vec::new(),
            corpus,
            last_query: None,
            marks: Vec::new(),
            presenter: Default::default(),
            compare: None,
        };
        st.resort();
        st.history.push(st.location());
        st
    }

    /// Recomputes the grid after a change of metric, zoom or selection.
    pub fn regrid(&mut self) {
        // a zoom into a goal the view no longer shows ends
        if self.zoom.is_some_and(|n| !self.sel.sdg(n)) {
            self.zoom = None;
        }
        self.grid = Matrix::compute(&self.snap, self.metric, self.zoom, &self.sel);
        self.mrow = self.mrow.min(self.grid.rows.len().saturating_sub(1));
        self.mcol = self.mcol.min(self.grid.columns.len().saturating_sub(1));
    }

    /// Rebuilds the activity order after a change of sort or selection.
    pub fn resort(&mut self) {
        let s = &self.snap;
        let mut order: Vec<ActivityId> = (0..s.activities().len() as u32)
            .map(ActivityId)
            .filter(|&a| self.sel.activity(a))
            .collect();
        let key = self.sort;
        order.sort_by(|&a, &b| {
            let (x, y) = (s.activity(a), s.activity(b));
            let ord = match key {
                SortKey::Title => x.title().to_lowercase().cmp(&y.title().to_lowercase()),
                SortKey::Lead => x.lead().cmp(&y.lead()),
                SortKey::Year => x.year().cmp(&y.year()),
                SortKey::Sector => x.sector().cmp(&y.sector()),
                SortKey::Sdgs => x.sdgs().cmp(&y.sdgs()),
            };
            ord.then_with(|| x.id().cmp(y.id()))
        });
        if self.sort_desc {
            order.reverse();
        }
        self.act_order = order;
        self.act_cursor.clamp(self.act_order.len());
    }

    /// The items of the SDG tree: goals and the targets of expanded goals.
    pub fn sdg_items(&self) -> Vec<EntityRef> {
        let mut out = Vec::new();
        for g in self.snap.sdgs().iter().filter(|g| self.sel.sdg(g.number)) {
            out.push(EntityRef::Sdg(g.number));
            if self.sdg_open.contains(&g.number) {
                out.extend(
                    g.targets
                        .iter()
                        .filter(|&&t| self.sel.target(t))
                        .map(|&t| EntityRef::Target(t)),
                );
            }
        }
        out
    }

    /// The items of the Action Line tree: top-level lines and expanded sub-lines.
    pub fn line_items(&self) -> Vec<EntityRef> {
        let s = &self.snap;
        let mut out = Vec::new();
        for (i, l) in s.action_lines().iter().enumerate() {
            let id = crate::snapshot::LineId(i as u32);
            if l.parent.is_some()
                || !(self.sel.line(id) || l.children.iter().any(|&c| self.sel.line(c)))
            {
                continue;
            }
            out.push(EntityRef::Line(id));
            if self.line_open.contains(&id.0) {
                out.extend(
                    l.children
                        .iter()
                        .filter(|&&c| self.sel.line(c))
                        .map(|&c| EntityRef::Line(c)),
                );
            }
        }
        out
    }

    /// The record under the cursor of the current screen (or drill level).
    pub fn selected(&self) -> Option<EntityRef> {
        if let Some(c) = self.trail.last() {
            return Some(c.entity);
        }
        match self.screen {
            Screen::Matrix => {
                let row = *self.grid.rows.get(self.mrow)?;
                let col = *self.grid.columns.get(self.mcol)?;
                Some(EntityRef::Cell(
                    row,
                    crate::matrix::column_goal(&self.snap, col),
                ))
            }
            Screen::Sdgs => self.sdg_items().get(self.sdg_cursor.pos).copied(),
            Screen::Lines => self.line_items().get(self.line_cursor.pos).copied(),
            Screen::Activities => self
                .act_order
                .get(self.act_cursor.pos)
                .map(|&a| EntityRef::Activity(a)),
        }
    }

    /// The record whose related list is focusable: the drill focus, or the selection.
    pub fn related_of(&self) -> Option<EntityRef> {
        self.selected()
    }

    /// The related groups of [`Self::related_of`], narrowed to the selection.
    pub fn related_groups(&self) -> Rc<Vec<Group>> {
        match self.related_of() {
            Some(e) => self.related_to(e),
            None => Rc::default(),
        }
    }

    /// The related groups of `e`, narrowed to the selection. Memoized (a few
    /// entries), so drawing a frame never recomputes a large relation twice.
    pub fn related_to(&self, e: EntityRef) -> Rc<Vec<Group>> {
        if let Some((_, g)) = self.related_memo.borrow().iter().find(|(k, _)| *k == e) {
            return Rc::clone(g);
        }
        let groups: Vec<Group> = crate::related::related_in(&self.snap, &self.sel, e);
        let groups = Rc::new(groups);
        let mut memo = self.related_memo.borrow_mut();
        if memo.len() >= 4 {
            memo.remove(0);
        }
        memo.push((e, Rc::clone(&groups)));
        groups
    }

    /// Replaces the selection and recomputes everything drawn from it.
    pub fn set_selection(&mut self, sel: Selection) {
        self.sel = sel;
        self.related_memo.borrow_mut().clear();
        self.regrid();
        self.resort();
        // every cursor stays on something that is still listed
        let (sdgs, lines) = (self.sdg_items().len(), self.line_items().len());
        self.sdg_cursor.clamp(sdgs);
        self.line_cursor.clamp(lines);
        let related = self.related_flat().len();
        self.related_cursor_mut().clamp(related);
        if self.trail.is_empty() {
            self.rel_cursor.clamp(related);
        }
    }

    /// The related records as one flat list (group order kept).
    pub fn related_flat(&self) -> Vec<EntityRef> {
        self.related_groups()
            .iter()
            .flat_map(|g| g.items.iter().copied())
            .collect()
    }

    /// Whether the current selection lets `e` through.
    pub fn selected_entity(&self, e: EntityRef) -> bool {
        crate::related::selected(&self.sel, e)
    }

    /// The cursor of the related list in focus (drill level or details pane).
    pub fn related_cursor(&self) -> &Cursor {
        self.trail.last().map_or(&self.rel_cursor, |c| &c.cursor)
    }

    /// Mutable access to the related-list cursor in focus.
    pub fn related_cursor_mut(&mut self) -> &mut Cursor {
        match self.trail.last_mut() {
            Some(c) => &mut c.cursor,
            None => &mut self.rel_cursor,
        }
    }

    /// Where the user is now.
    pub fn location(&self) -> Location {
        Location {
            screen: self.screen,
            trail: self.trail.iter().map(|c| c.entity).collect(),
        }
    }
}
