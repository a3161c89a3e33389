//! Navigation history: where the user has been, for `[` and `]`.
//!
//! A place is a screen and a drill-down trail of stable record references.
//! The app records the place after every action that moved it (going back
//! in history does not record), and a new place after going back drops the
//! places ahead, as in a browser.

use crate::entity::EntityRef;
use crate::tour::Screen;

/// A place in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The screen.
    pub screen: Screen,
    /// The drill-down trail.
    pub trail: Vec<EntityRef>,
}

/// The places visited and the position among them.
#[derive(Debug, Clone)]
pub struct History {
    entries: Vec<Location>,
    pos: usize,
}

impl History {
    /// A history that starts at `start`.
    pub fn new(start: Location) -> History {
        History {
            entries: vec![start],
            pos: 0,
        }
    }
    /// The place at the current position.
    pub fn current(&self) -> Option<&Location> {
        self.entries.get(self.pos)
    }
    /// Records `loc` as the newest place, dropping any places ahead; a
    /// place equal to the current one is not recorded twice.
    pub fn record(&mut self, loc: Location) {
        if self.current() == Some(&loc) {
            return;
        }
        self.entries.truncate(self.pos + 1);
        self.entries.push(loc);
        self.pos = self.entries.len() - 1;
    }
    /// Moves `dir` places back (negative) or forward; `None` at either end.
    pub fn travel(&mut self, dir: isize) -> Option<Location> {
        let pos = self
            .pos
            .checked_add_signed(dir)
            .filter(|&p| p < self.entries.len())?;
        self.pos = pos;
        self.entries.get(pos).cloned()
    }
    /// Forgets everything but `loc` (after a reload).
    pub fn reset(&mut self, loc: Location) {
        *self = History::new(loc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(screen: Screen) -> Location {
        Location {
            screen,
            trail: Vec::new(),
        }
    }

    #[test]
    fn back_forward_and_a_new_place_drops_what_was_ahead() {
        let mut h = History::new(at(Screen::Matrix));
        h.record(at(Screen::Sdgs));
        h.record(at(Screen::Sdgs));
        h.record(at(Screen::Lines));
        assert_eq!(h.travel(-1), Some(at(Screen::Sdgs)));
        assert_eq!(h.travel(-1), Some(at(Screen::Matrix)));
        assert_eq!(h.travel(-1), None);
        h.record(at(Screen::Activities));
        assert_eq!(h.travel(1), None);
        assert_eq!(h.travel(-1), Some(at(Screen::Matrix)));
    }
}
