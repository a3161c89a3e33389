//! What drawing learns about the screen, and the cursors that scroll.
//!
//! Rendering is a function of the state, but a list only knows how many
//! rows fit once it is drawn. The few facts drawing learns — scroll
//! offsets, page heights, click regions, where the screen-reader cursor
//! goes — are kept in `Cell`s, so `draw` takes `&self` and the next
//! `update` can use them (paging, mouse hits). Nothing here knows about
//! any screen in particular.

use std::cell::{Cell, RefCell};

use ratatui::layout::Rect;

use crate::tour::Screen;

/// Which pane of a screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The screen's main list or grid.
    #[default]
    Main,
    /// The related-records list.
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
    /// A cursor at `pos`, scrolled to the top.
    pub fn at(pos: usize) -> Cursor {
        Cursor {
            pos,
            offset: Cell::new(0),
        }
    }
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
    /// The first row to show of a list of `len` rows in `height` rows, so
    /// that the cursor is visible and no row is left empty below the list
    /// while rows above it are hidden (after a resize, too); remembered.
    pub fn scroll(&self, height: usize, len: usize) -> usize {
        let height = height.max(1);
        let mut off = self.offset.get();
        if self.pos < off {
            off = self.pos;
        } else if self.pos >= off + height {
            off = self.pos + 1 - height;
        }
        off = off.min(len.saturating_sub(height));
        self.offset.set(off);
        off
    }
}

/// A card that can take the keys and scroll: its offset, and what the last
/// frame learned about it.
#[derive(Debug, Default, Clone)]
pub struct CardView {
    /// Lines scrolled (back to 0 whenever the record changes).
    pub scroll: usize,
    /// Whether the card was drawn in the last frame (so `Tab` can focus it).
    pub shown: Cell<bool>,
    /// Lines of the card that fit on screen, last frame.
    pub page: Cell<usize>,
    /// The card's largest scroll offset, last frame.
    pub max: Cell<usize>,
}

impl CardView {
    /// Scrolls by `delta` lines, within what the last frame showed.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta).min(self.max.get());
    }
    /// A page of the card (at least one line).
    pub fn page(&self) -> usize {
        self.page.get().max(1)
    }
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

/// One scrolling list or card drawn in the last frame: its area, first
/// shown row, rows shown and rows in all (for the screen check).
pub type Mark = (Rect, usize, usize, usize);

/// Layout facts learned while drawing a frame (for paging and mouse hits).
#[derive(Debug, Default)]
pub struct Layout {
    /// Clickable regions and what a click there selects.
    pub hits: RefCell<Vec<(Rect, Hit)>>,
    /// Where the screen-reader cursor goes.
    pub cursor: Cell<Option<(u16, u16)>>,
    /// The Activities table's title width and the table's width, last frame.
    pub title_share: Cell<(usize, usize)>,
    /// Every scrolling list drawn in the last frame.
    pub marks: RefCell<Vec<Mark>>,
}

impl Layout {
    /// Forgets the last frame (called before drawing a new one).
    pub fn clear(&self) {
        self.hits.borrow_mut().clear();
        self.cursor.set(None);
        self.marks.borrow_mut().clear();
    }
    /// What a click at (x, y) selects (the region drawn last wins).
    pub fn hit(&self, x: u16, y: u16) -> Option<Hit> {
        self.hits
            .borrow()
            .iter()
            .rev()
            .find(|(r, _)| x >= r.x && x < r.right() && y >= r.y && y < r.bottom())
            .map(|(_, h)| *h)
    }
    /// Records a click region.
    pub fn push_hit(&self, area: Rect, hit: Hit) {
        self.hits.borrow_mut().push((area, hit));
    }
    /// Records a scrolling list or card.
    pub fn push_mark(&self, mark: Mark) {
        self.marks.borrow_mut().push(mark);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_keeps_the_cursor_in_view_and_wastes_no_rows() {
        let mut c = Cursor::default();
        c.step(21, 30);
        // 10 rows high: the cursor is the last row shown
        assert_eq!(c.scroll(10, 30), 12);
        // taller: the same offset would leave rows empty below the list
        assert_eq!(c.scroll(40, 30), 0);
        assert_eq!(c.scroll(25, 30), 0);
        c.step(-21, 30);
        assert_eq!(c.scroll(5, 30), 0);
        // an empty list
        assert_eq!(Cursor::default().scroll(5, 0), 0);
    }
}
