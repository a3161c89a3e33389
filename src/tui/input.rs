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
    /// Characters in `text`, kept so a full prompt refuses a key at once.
    chars: usize,
}

impl LineEdit {
    /// An editor holding `text` with the cursor at its end.
    pub fn new(text: &str) -> Self {
        let chars = text.chars().count();
        LineEdit {
            text: text.to_string(),
            cursor: chars,
            chars,
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
    /// How many characters the text holds.
    pub fn len(&self) -> usize {
        self.chars
    }
    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.chars == 0
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
        self.chars += 1;
    }
    /// Inserts `s` at the cursor as one edit, so it costs one pass however
    /// long it is: line breaks and tabs become spaces, other control
    /// characters are dropped, and no more is taken than keeps the text at
    /// `limit` characters. Returns false when some of `s` did not fit.
    pub fn insert_str(&mut self, s: &str, limit: usize) -> bool {
        let room = limit.saturating_sub(self.chars);
        let mut add = String::new();
        let mut n = 0;
        let mut all = true;
        for c in s.chars() {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if n == room {
                all = false;
                break;
            }
            add.push(c);
            n += 1;
        }
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &add);
        self.cursor += n;
        self.chars += n;
        all
    }
    /// Deletes the character before the cursor; false when there was none.
    pub fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let at = self.byte(self.cursor - 1);
        self.text.remove(at);
        self.cursor -= 1;
        self.chars -= 1;
        true
    }
    /// Empties the text.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.chars = 0;
    }
    /// Applies a text-editing action; whether the text changed.
    pub fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Insert(c) => self.insert(c),
            // the text was changed already, as one edit (a paste)
            Action::Edited => {}
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
        self.cursor = self.cursor.saturating_add_signed(delta).min(self.chars);
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

    #[test]
    fn a_paste_is_one_edit_cut_at_the_limit() {
        let mut e = LineEdit::new("ab");
        e.move_by(-1);
        assert!(e.insert_str("x\ny\u{1b}z", 10));
        assert_eq!((e.text(), e.cursor(), e.len()), ("ax yzb", 5, 6));
        assert!(!e.insert_str(&"é".repeat(1_000_000), 8));
        assert_eq!((e.text(), e.len()), ("ax yzééb", 8));
        assert!(!e.insert_str("q", 8));
    }
}
