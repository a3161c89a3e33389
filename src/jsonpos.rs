//! Turning a position in JSON text into what a person reads: serde_json
//! reports lines and *byte* columns; people count characters, and want the
//! offending line with a caret under the spot. Shared by every loader that
//! reads JSON a person may have edited (snapshots, tours), so a fix to how
//! positions are shown is made once.

/// The text of 1-based line `line` (without its line break), found without
/// splitting the whole document.
pub(crate) fn nth_line(text: &str, line: usize) -> Option<&str> {
    let mut start = 0;
    for _ in 1..line {
        start += text.get(start..)?.find('\n')? + 1;
    }
    let rest = text.get(start..)?;
    let end = rest.find('\n').unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches('\r'))
}

/// serde_json counts columns in bytes; people count characters.
pub(crate) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(src) = nth_line(text, line) else {
        return byte_column;
    };
    let mut end = byte_column.saturating_sub(1).min(src.len());
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    src[..end].chars().count() + 1
}

/// The offending line (clipped to a window around the column) with a caret.
/// Only the window is examined, so a 200 MB one-line file costs no more.
pub(crate) fn excerpt(text: &str, line: usize, column: usize) -> String {
    let Some(src) = nth_line(text, line) else {
        return String::new();
    };
    let col = column.saturating_sub(1);
    let start = col.saturating_sub(60);
    let window: Vec<char> = src.chars().skip(start).take(col - start + 40).collect();
    let caret_at = (col - start).min(window.len());
    let shown: String = window.iter().collect();
    let shown = crate::sanitize::sanitize(&shown, crate::sanitize::Lines::Single);
    let prefix = if start > 0 { "…" } else { "" };
    let gutter = format!("{line} | ");
    let caret_pad = " ".repeat(gutter.len() + prefix.chars().count() + caret_at);
    format!("{gutter}{prefix}{shown}\n{caret_pad}^")
}

pub(crate) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

pub(crate) fn line_col_at(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let last = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[last..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_of_a_prefix() {
        assert_eq!(line_col_at(b""), (1, 1));
        assert_eq!(line_col_at(b"ab\ncd"), (2, 3));
    }

    #[test]
    fn excerpt_points_at_the_column() {
        let ex = excerpt("{\n  \"a\": x\n}", 2, 8);
        assert_eq!(ex, "2 |   \"a\": x\n           ^");
    }
}
