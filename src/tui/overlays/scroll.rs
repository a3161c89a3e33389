//! Text overlays (help, suggestions, messages): one centred, bordered box
//! that scrolls, and one scroll rule — the movement keys move a line, a
//! page, to the top or to the bottom, never past the last line — the same
//! in every overlay that shows text to read.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::ui::card::{self, Row, Shown};

/// The fewest columns left beside a text overlay (both sides together);
/// with less, the overlay takes the whole width.
const MIN_MARGINS: u16 = 10;

/// Draws `rows` wrapped in a box at most `width` columns wide, centred in
/// `area` (the whole width when the margins would be thinner than
/// `MIN_MARGINS`), bordered and titled in `style`, from line `scroll`.
pub fn draw_box(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    rows: &[Row],
    (width, scroll): (u16, usize),
    (title, style): (String, Style),
) -> Shown {
    // a margin too thin to read what lies under it only shows fragments of
    // the screen: then the box takes the whole width
    let w = if width.saturating_add(MIN_MARGINS) > area.width {
        area.width
    } else {
        width
    };
    let lines = card::wrap(rows, w.saturating_sub(2) as usize);
    let h = (lines.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let r = Rect {
        x: area.x + area.width.saturating_sub(w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .style(ctx.theme.base)
        .title(Span::styled(title, style));
    card::render(
        frame,
        r,
        block,
        lines,
        scroll,
        ctx.theme.accent,
        &ctx.layout,
    )
}

/// How far a text overlay is scrolled, and what the last frame showed of
/// it (its largest scroll and the lines in view), which bound the next move.
#[derive(Debug, Clone)]
pub struct Scroll {
    /// Lines scrolled.
    pub at: usize,
    max: Cell<usize>,
    page: Cell<usize>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            at: 0,
            max: Cell::new(usize::MAX),
            page: Cell::new(10),
        }
    }
}

impl Scroll {
    /// The keys of a text overlay: `closes` close it, the movement keys
    /// scroll it, anything else does nothing.
    pub fn update(&mut self, action: Action, closes: &[Action]) -> Vec<Effect> {
        if closes.contains(&action) {
            return vec![Effect::Close];
        }
        if let Some(at) = scrolled(action, self.at, self.max.get(), self.page.get()) {
            self.at = at;
        }
        Vec::new()
    }

    /// Notes what a frame showed: the text's length and the lines in view
    /// (`page`: how far a page key moves).
    pub fn drawn(&self, shown: &Shown, page: usize) {
        self.max.set(shown.total.saturating_sub(shown.height));
        self.page.set(page);
    }
}

/// What closes help and the suggestions overlay.
pub const CLOSES: &[Action] = &[
    Action::Back,
    Action::Quit,
    Action::ToggleHelp,
    Action::Cancel,
];

/// The scroll after `action` from `at`, where `max` is the largest scroll
/// and `page` the lines in view; `None` when `action` does not scroll.
pub fn scrolled(action: Action, at: usize, max: usize, page: usize) -> Option<usize> {
    let page = page.max(1) as isize;
    let by = |d: isize| at.saturating_add_signed(d).min(max);
    Some(match action {
        Action::Down | Action::ScrollDown => by(1),
        Action::Up | Action::ScrollUp => by(-1),
        Action::PageDown | Action::HalfPageDown => by(page),
        Action::PageUp | Action::HalfPageUp => by(-page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_pages_stay_within_the_text() {
        assert_eq!(scrolled(Action::Down, 0, 10, 5), Some(1));
        assert_eq!(scrolled(Action::Down, 10, 10, 5), Some(10));
        assert_eq!(scrolled(Action::Up, 0, 10, 5), Some(0));
        assert_eq!(scrolled(Action::PageDown, 8, 10, 5), Some(10));
        assert_eq!(scrolled(Action::PageUp, 3, 10, 5), Some(0));
        assert_eq!(
            scrolled(Action::PageDown, 0, 10, 0),
            Some(1),
            "a page is a line at least"
        );
        assert_eq!(scrolled(Action::Top, 7, 10, 5), Some(0));
        assert_eq!(scrolled(Action::Bottom, 0, 10, 5), Some(10));
    }

    #[test]
    fn other_actions_do_not_scroll() {
        assert_eq!(scrolled(Action::DrillIn, 3, 10, 5), None);
        assert_eq!(scrolled(Action::Back, 3, 10, 5), None);
    }
}
