//! Scrolling a text overlay (help, suggestions, messages): the movement keys
//! move a line, a page, to the top or to the bottom, never past the last
//! line — the same keys in every overlay that shows text to read.

use crate::tui::action::Action;

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
