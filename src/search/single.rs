//! The matcher's score of a one-character fuzzy term, without calling it
//! per text.
//!
//! For a pattern of one character the skim matcher's table has one row: an
//! occurrence scores a constant plus the bonus the character before it earns
//! (a word start, a separator, the very start of the text, …), and the text
//! scores its best occurrence. So the scores are asked of the matcher
//! itself, once per query — the score of the character at the start of a
//! text, and after each ASCII character — and a text is then scored by
//! looking up the character before each occurrence. A query of one letter
//! matches nearly every record; this turns a hundred thousand matcher calls
//! into one byte search each. Whatever the table cannot tell (a non-ASCII
//! character before an occurrence, a text the matcher would cut to a window)
//! is left to the matcher. Tests check the table against the matcher on
//! generated texts.

use super::score::{MAX_WINDOW_BYTES, fuzzy};

/// A one-character fuzzy term's scores, learned from the matcher.
#[derive(Debug, Clone)]
pub(super) struct Single {
    byte: u8,
    /// Score of an occurrence at the very start of a text.
    start: i64,
    /// Score of an occurrence after ASCII byte `d`, at index `d`.
    after: [i64; 128],
}

impl Single {
    /// The table for `term` when it is one ASCII character.
    pub(super) fn new(term: &str) -> Option<Single> {
        let &[byte] = term.as_bytes() else {
            return None;
        };
        if !byte.is_ascii() {
            return None;
        }
        let score = |text: &[u8]| {
            let text = std::str::from_utf8(text).ok()?;
            fuzzy(text, term, false).map(|(s, _)| s)
        };
        let start = score(&[byte])?;
        let mut after = [0i64; 128];
        for d in (0u8..128).filter(|&d| d != byte) {
            after[d as usize] = score(&[d, byte])?;
        }
        // After itself: the text `x c c` scores the better of its two
        // occurrences. With `x` the character scoring least, that is the
        // score after `c` when it is higher; when it is not, an occurrence
        // after `c` never beats the one before it (which scores at least
        // as much as after `x`), so the lower bound serves as well.
        let least = (0u8..128)
            .filter(|&d| d != byte)
            .min_by_key(|&d| after[d as usize])?;
        after[byte as usize] = score(&[least, byte, byte])?;
        Some(Single { byte, start, after })
    }

    /// The matcher's score of `hay` for the term (`hay` contains it), or
    /// `None` when the table cannot tell and the matcher must be asked.
    pub(super) fn score(&self, hay: &str) -> Option<i64> {
        let h = hay.as_bytes();
        // the matcher scores a window of a longer text
        if h.len() > MAX_WINDOW_BYTES {
            return None;
        }
        let mut best: Option<i64> = None;
        for i in memchr::memchr_iter(self.byte, h) {
            let s = match i.checked_sub(1) {
                None => self.start,
                Some(p) => *self.after.get(h[p] as usize)?,
            };
            best = Some(best.map_or(s, |b| b.max(s)));
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_ascii_character_gets_a_table() {
        assert!(Single::new("s").is_some());
        assert!(Single::new("-").is_some());
        assert!(Single::new("st").is_none());
        assert!(Single::new("é").is_none());
        assert!(Single::new("").is_none());
    }

    #[test]
    fn what_the_table_cannot_tell_is_left_to_the_matcher() {
        let t = Single::new("s").expect("table");
        assert_eq!(t.score("ésa"), None, "non-ASCII before the s");
        assert_eq!(t.score(&("x".repeat(MAX_WINDOW_BYTES) + "s")), None);
        assert_eq!(t.score("abc"), None, "no occurrence");
        assert_eq!(t.score("s"), fuzzy("s", "s", false).map(|x| x.0));
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(4000))]
        #[test]
        fn the_table_scores_as_the_matcher(
            hay in "[sSa-e \\-./_(\n0-9é\u{0}\t:;|'\"A-C]{1,40}",
            c in "[sa \\-.0A\n_]",
        ) {
            let Some(t) = Single::new(&c) else {
                return Err(proptest::test_runner::TestCaseError::fail("no table"));
            };
            let want = fuzzy(&hay, &c, false).map(|x| x.0);
            if let Some(got) = t.score(&hay) {
                proptest::prop_assert_eq!(Some(got), want, "{:?} in {:?}", c, hay);
            } else {
                // the table declines only for a non-ASCII neighbour or no match
                proptest::prop_assert!(!hay.is_ascii() || want.is_none(), "{:?} in {:?}", c, hay);
            }
        }
    }
}
