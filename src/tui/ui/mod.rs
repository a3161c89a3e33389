//! Drawing helpers shared by the components: cards and their sections,
//! lists and trees, the related-records pane, boxes over the screen, and
//! the frame's chrome.
//!
//! Each component draws itself with these; nothing here owns state or
//! knows which component it draws for — everything comes in as arguments
//! and the shared [`Ctx`](super::ctx::Ctx), and what drawing learns (click
//! regions, scroll offsets) goes into the context's layout cells.

pub mod card;
pub mod cards;
pub mod chrome;
pub mod list;
pub mod popup;
pub mod related;
pub mod tree;

use ratatui::layout::Rect;

/// The one-line strip of `area` at row `k` (counted from its top).
pub fn row_rect(area: Rect, k: usize) -> Rect {
    Rect {
        y: area.y + k as u16,
        height: 1,
        ..area
    }
}
