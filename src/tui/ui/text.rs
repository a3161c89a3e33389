//! Small text helpers for drawing: clipping to a width.

use unicode_width::UnicodeWidthChar;

/// Clips `s` to at most `width` columns, ending with `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    // measured only as far as the width: a huge title costs what a short one does
    let mut total = 0;
    for c in s.chars() {
        total += c.width().unwrap_or(0);
        if total > width {
            break;
        }
    }
    if total <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width - 1 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// Pads or clips `s` to exactly `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = clip(s, width);
    let w: usize = out.chars().map(|c| c.width().unwrap_or(0)).sum();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abcd", 4), "abcd");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(clip("", 0), "");
    }
}
