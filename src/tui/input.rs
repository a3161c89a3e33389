//! A one-line text editor for the finder, the filter bar and the palette.
//!
//! Holds text and a cursor counted in characters; edits are the handful a
//! prompt needs (insert, delete back, clear, move). Kept apart so every
//! overlay edits text the same way.

use super::action::Action;

/// Editable text with a cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

impl LineEdit {
    /// An editor holding `text` with the cursor at its end.
    pub fn new(text: &str) -> Self {
        LineEdit {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }
    /// Inserts `c` at the cursor (control characters are ignored).
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }
    /// Deletes the character before the cursor; false when there was none.
    pub fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let at = self.byte(self.cursor - 1);
        self.text.remove(at);
        self.cursor -= 1;
        true
    }
    /// Empties the text.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
    /// Applies a text-editing action; whether the text changed.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Insert(c) => self.insert(c),
            Action::DeleteBack => return self.delete_back(),
            Action::ClearInput => self.clear(),
            Action::CursorLeft => {
                self.move_by(-1);
                return false;
            }
            Action::CursorRight => {
                self.move_by(1);
                return false;
            }
            _ => return false,
        }
        true
    }
    /// Moves the cursor by `delta` characters, clamped.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(self.text.chars().count());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing() {
        let mut e = LineEdit::new("sdg");
        e.insert(':');
        e.insert('9');
        assert_eq!(e.text(), "sdg:9");
        e.move_by(-2);
        e.insert('é');
        assert_eq!(e.text(), "sdgé:9");
        assert!(e.delete_back());
        assert_eq!((e.text(), e.cursor()), ("sdg:9", 3));
        e.insert('\u{1b}');
        assert_eq!(e.text(), "sdg:9");
        e.clear();
        assert!(!e.delete_back());
        e.move_by(5);
        assert_eq!(e.cursor(), 0);
    }
}
