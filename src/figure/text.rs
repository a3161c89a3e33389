//! Text for markup: escaping, and the width estimates that lay it out.
//!
//! Every string from a snapshot goes through [`esc`] before it is written
//! into SVG or HTML, so a title holding `<`, `&` or quotes stays text.
//! Widths are estimated from character counts (a figure cannot measure the
//! fonts of the machine that will show it), generously enough that text
//! fits in the common sans-serif fonts; [`wrap`] breaks long text into
//! lines by the same estimate.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

/// `s` with `&`, `<`, `>`, `"` and `'` as entities, safe in XML/HTML text
/// and in quoted attribute values. Characters XML 1.0 forbids (C0
/// controls but tab and line breaks, U+FFFE, U+FFFF) become U+FFFD.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// An RGB colour as `#rrggbb`.
pub fn hex(c: crate::snapshot::Rgb) -> String {
    let mut s = String::with_capacity(7);
    let _ = write!(s, "#{:02x}{:02x}{:02x}", c.0, c.1, c.2); // a String never fails
    s
}

/// Estimated width in pixels of `s` set at `size` px in a sans-serif font
/// (bold text is about a tenth wider; `bold` allows for it).
pub fn width(s: &str, size: u32, bold: bool) -> u32 {
    let cols: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    let per = if bold { 0.66 } else { 0.6 };
    (cols as f64 * f64::from(size) * per).ceil() as u32
}

/// `s` broken at spaces into lines no wider than `max` px at `size` px; a
/// word longer than a line stands alone on its line.
pub fn wrap(s: &str, size: u32, max: u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if line.is_empty() {
            line.push_str(word);
            continue;
        }
        let candidate_w =
            width(&line, size, false) + width(" ", size, false) + width(word, size, false);
        if candidate_w > max {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(
            esc(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{1}b\u{fffe}"), "a\u{fffd}b\u{fffd}");
        assert_eq!(esc("plain — text"), "plain — text");
    }

    #[test]
    fn wraps_within_the_width() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap(text, 10, 80);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for l in &lines {
            assert!(width(l, 10, false) <= 80 || !l.contains(' '), "{l}");
        }
        assert_eq!(wrap("", 10, 80), Vec::<String>::new());
        assert_eq!(
            wrap("supercalifragilistic", 10, 20),
            ["supercalifragilistic"]
        );
    }

    #[test]
    fn hex_is_lowercase_rrggbb() {
        assert_eq!(hex(crate::snapshot::Rgb(253, 231, 37)), "#fde725");
    }
}
