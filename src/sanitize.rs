//! Making text from data safe to put on a terminal.
//!
//! A snapshot is data from outside: a title could carry an escape sequence
//! that recolours the terminal, a bidi override that reorders what the user
//! reads, or a zero-width character that hides a difference. Every string is
//! passed through here once, when the snapshot is validated, so the model
//! only ever holds display-safe text and no drawing or printing path can
//! forget to clean it. Offending characters are made *visible* (Unicode
//! control pictures or `<U+XXXX>`), never silently dropped.

use std::borrow::Cow;

/// Whether line breaks survive sanitizing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One-line text (ids, titles, names): a line break becomes `␊`.
    Single,
    /// Paragraph text (summaries, rationales): `\n` is kept.
    Multi,
}

/// True for characters that must not reach a terminal as they are.
fn is_unsafe(c: char, lines: Lines) -> bool {
    match c {
        '\n' => lines == Lines::Single,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // bidi embeddings, overrides and isolates, and the implicit marks
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => {
            true
        }
        // zero-width characters and the byte-order mark
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{180e}' => true,
        _ => false,
    }
}

/// The visible stand-in for an unsafe character.
fn placeholder(c: char, out: &mut String) {
    match c {
        '\t' => out.push(' '),
        // C0 controls have dedicated "control picture" glyphs at U+2400.
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
    }
}

/// Returns `s` with every unsafe character replaced by a visible placeholder;
/// borrows when there is nothing to replace (the common case).
pub fn sanitize(s: &str, lines: Lines) -> Cow<'_, str> {
    let Some(first) = s.char_indices().find(|&(_, c)| is_unsafe(c, lines)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        if is_unsafe(c, lines) {
            placeholder(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text made safe for a terminal without changing what it means: every
/// unsafe character (inside a string: JSON's own syntax is ASCII) is written
/// as its `\uXXXX` escape, which a JSON reader reads back as the same
/// character. serde_json escapes control characters itself, but not bidi
/// overrides or zero-width characters.
pub fn json(s: &str) -> Cow<'_, str> {
    let Some(first) = s.char_indices().find(|&(_, c)| is_unsafe(c, Lines::Multi)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        if is_unsafe(c, Lines::Multi) && c != '\t' {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Sanitizes an owned string in place; returns true when anything changed.
pub fn sanitize_in_place(s: &mut String, lines: Lines) -> bool {
    match sanitize(s, lines) {
        Cow::Borrowed(_) => false,
        Cow::Owned(clean) => {
            *s = clean;
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize("Zero hunger – ñ 東京", Lines::Single),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb", Lines::Single), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{7f}", Lines::Single), "x\u{2421}");
        assert_eq!(sanitize("csi\u{9b}2J", Lines::Single), "csi<U+009B>2J");
    }

    #[test]
    fn bidi_and_zero_width_become_visible() {
        assert_eq!(sanitize("ab\u{202e}cd", Lines::Single), "ab<U+202E>cd");
        assert_eq!(sanitize("a\u{200b}b", Lines::Single), "a<U+200B>b");
        assert_eq!(sanitize("\u{feff}x", Lines::Single), "<U+FEFF>x");
    }

    #[test]
    fn newlines_depend_on_mode() {
        assert_eq!(sanitize("a\nb", Lines::Multi), "a\nb");
        assert_eq!(sanitize("a\nb", Lines::Single), "a\u{240a}b");
        assert_eq!(sanitize("a\tb", Lines::Multi), "a b");
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let text = serde_json::to_string(&"a\u{202e}b\u{1b}c\u{200b}").expect("json");
        let safe = json(&text);
        assert_eq!(safe, r#""a\u202eb\u001bc\u200b""#);
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, "a\u{202e}b\u{1b}c\u{200b}");
    }

    proptest::proptest! {
        #[test]
        fn output_has_no_unsafe_chars(s in ".*") {
            let out = sanitize(&s, Lines::Single);
            proptest::prop_assert!(!out.chars().any(|c| is_unsafe(c, Lines::Single)));
        }
    }
}
