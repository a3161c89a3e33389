//! Small text helpers for drawing: display widths, clipping with `…`,
//! highlighting matched characters, and fitting a line of items to a width
//! by dropping whole items.
//!
//! Every string that is shortened on screen goes through [`clip`], so a cut
//! is always marked with `…`; every line of separate items (the header, the
//! hint bar, a legend) goes through [`fit_items`], which drops the least
//! important items whole instead of cutting one mid-phrase.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Clips `s` to at most `width` columns, ending with `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    // measured only as far as needed: a huge title costs what a short one does
    let mut probe = (4 * width + 64).min(s.len());
    while !s.is_char_boundary(probe) {
        probe -= 1;
    }
    let head = &s[..probe];
    let fits = if head.len() == s.len() {
        self::width(s) <= width
    } else {
        self::width(head) <= width && self::width(s) <= width
    };
    if fits {
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
    let w = self::width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Right-aligns `s` in `width` columns (clipping it when longer).
pub fn right(s: &str, width: usize) -> String {
    let out = clip(s, width);
    let pad = width.saturating_sub(self::width(&out));
    format!("{}{out}", " ".repeat(pad))
}

/// Spans of `text` with the characters at `marks` (char indices, sorted)
/// in `hi`, the rest in `base`.
pub fn highlighted(text: &str, marks: &[usize], base: Style, hi: Style) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_hi = false;
    for (i, c) in text.chars().enumerate() {
        let h = marks.binary_search(&i).is_ok();
        if h != run_hi && !run.is_empty() {
            out.push(Span::styled(
                std::mem::take(&mut run),
                if run_hi { hi } else { base },
            ));
        }
        run_hi = h;
        run.push(c);
    }
    if !run.is_empty() {
        out.push(Span::styled(run, if run_hi { hi } else { base }));
    }
    out
}

/// One item of a line that may be dropped as a whole.
#[derive(Debug, Clone)]
pub struct Item {
    /// Higher is kept longer; ties drop the later item first.
    pub priority: u8,
    /// The item's text, styled.
    pub spans: Vec<Span<'static>>,
}

impl Item {
    /// An item of one styled span.
    pub fn new(priority: u8, text: impl Into<String>, style: Style) -> Item {
        Item {
            priority,
            spans: vec![Span::styled(text.into(), style)],
        }
    }
    /// An item of several spans.
    pub fn spans(priority: u8, spans: Vec<Span<'static>>) -> Item {
        Item { priority, spans }
    }
    fn width(&self) -> usize {
        self.spans.iter().map(|s| width(&s.content)).sum()
    }
}

/// The items, in order, that fit in `width` columns with `sep` between
/// them: the least important are dropped whole until the rest fit. An item
/// that cannot fit even alone is clipped with `…` (only ever the first).
pub fn fit_items(items: &[Item], sep: Span<'static>, width: usize) -> Line<'static> {
    let sep_w = self::width(&sep.content);
    let mut keep: Vec<bool> = vec![true; items.len()];
    let total = |keep: &[bool]| -> usize {
        let ws: Vec<usize> = items
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(i, _)| i.width())
            .collect();
        ws.iter().sum::<usize>() + sep_w * ws.len().saturating_sub(1)
    };
    while total(&keep) > width && keep.iter().filter(|k| **k).count() > 1 {
        // the lowest priority, the latest among equals
        let drop = (0..items.len())
            .filter(|&i| keep[i])
            .min_by_key(|&i| (items[i].priority, std::cmp::Reverse(i)));
        match drop {
            Some(i) => keep[i] = false,
            None => break,
        }
    }
    // put back what still fits, most important first (a long item dropped
    // may leave room for shorter, less important ones)
    let mut order: Vec<usize> = (0..items.len()).filter(|&i| !keep[i]).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(items[i].priority), i));
    for i in order {
        keep[i] = true;
        if total(&keep) > width {
            keep[i] = false;
        }
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (item, _) in items.iter().zip(&keep).filter(|(_, k)| **k) {
        if !spans.is_empty() {
            spans.push(sep.clone());
            used += sep_w;
        }
        for s in &item.spans {
            let room = width.saturating_sub(used);
            let w = self::width(&s.content);
            if w <= room {
                spans.push(s.clone());
                used += w;
            } else {
                // only an item too long to fit even alone gets here
                if room >= 2 {
                    spans.push(Span::styled(clip(&s.content, room), s.style));
                } else if spans.len() == 1 {
                    spans.clear();
                }
                return Line::from(spans);
            }
        }
    }
    Line::from(spans)
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
        assert_eq!(right("7", 3), "  7");
    }

    fn text(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn items_are_dropped_whole_lowest_priority_first() {
        let items = [
            Item::new(9, "sdgmap", Style::new()),
            Item::new(1, "17 SDGs", Style::new()),
            Item::new(5, "a long title", Style::new()),
            Item::new(1, "60 activities", Style::new()),
        ];
        let sep = Span::raw(" · ");
        assert_eq!(
            text(&fit_items(&items, sep.clone(), 80)),
            "sdgmap · 17 SDGs · a long title · 60 activities"
        );
        assert_eq!(
            text(&fit_items(&items, sep.clone(), 40)),
            "sdgmap · 17 SDGs · a long title"
        );
        assert_eq!(
            text(&fit_items(&items, sep.clone(), 25)),
            "sdgmap · a long title"
        );
        assert_eq!(text(&fit_items(&items, sep.clone(), 4)), "sdg…");
        assert!(fit_items(&items, sep, 1).spans.is_empty());
    }
}
