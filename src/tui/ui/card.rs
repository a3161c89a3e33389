//! Cards: a record's facts as rows that wrap well and never vanish.
//!
//! A card is a list of [`Row`]s — paragraphs, `key  value` fields and blank
//! lines. [`wrap`] lays them out for a width: text wraps at word
//! boundaries, a field's value continues under the value column (not at
//! column 0), and a word longer than the width is broken. [`render`] draws
//! the wrapped lines in a block from a scroll offset and, whenever lines lie
//! outside the area, says so on the block's border (`↑ 3 above`,
//! `↓ 4 more`), so no pane ever drops content silently.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthChar;

use crate::tui::layout::Layout;
use crate::tui::text::width as text_width;

/// Width of the key column of a field.
pub const KEY_W: usize = 13;

/// One row of a card, before wrapping.
#[derive(Debug, Clone)]
pub enum Row {
    /// A paragraph or heading: wraps from column 0.
    Text(Vec<Span<'static>>),
    /// `key  value`: the value wraps under the value column.
    Field {
        /// The key, in the key column.
        key: String,
        /// Its style.
        key_style: Style,
        /// The value.
        value: Vec<Span<'static>>,
    },
    /// An empty line.
    Blank,
}

impl Row {
    /// A paragraph of one styled text.
    pub fn text(s: impl Into<String>, style: Style) -> Row {
        Row::Text(vec![Span::styled(shown(s.into()), style)])
    }
    /// A field with a plain value.
    pub fn field(key: &str, key_style: Style, value: impl Into<String>, style: Style) -> Row {
        Row::Field {
            key: key.to_string(),
            key_style,
            value: vec![Span::styled(shown(value.into()), style)],
        }
    }
}

/// The most of one text a card shows: far more than a screenful, little
/// enough that a huge field costs a frame no more than a long one.
const SHOWN_BYTES: usize = 16 * 1024;

/// `s`, or its first [`SHOWN_BYTES`] and a note of how much is not shown.
fn shown(mut s: String) -> String {
    if s.len() > SHOWN_BYTES {
        let mut end = SHOWN_BYTES;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let rest = s.len() - end;
        s.truncate(end);
        s.push_str(&format!("… ({rest} more bytes not shown)"));
    }
    s
}

/// The lines of `rows` laid out for `width` columns.
pub fn wrap(rows: &[Row], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut out = Vec::new();
    for row in rows {
        match row {
            Row::Blank => out.push(Line::default()),
            Row::Text(spans) => out.extend(wrap_spans(spans, width, Vec::new(), Vec::new())),
            Row::Field {
                key,
                key_style,
                value,
            } => {
                // on a very narrow card the value goes under the key
                if width < KEY_W + 12 {
                    out.extend(wrap_spans(
                        &[Span::styled(key.clone(), *key_style)],
                        width,
                        Vec::new(),
                        Vec::new(),
                    ));
                    let pad = vec![Span::raw("  ")];
                    out.extend(wrap_spans(value, width, pad.clone(), pad));
                } else {
                    let rest = vec![Span::raw(" ".repeat(KEY_W))];
                    // a key too long for its column gets a line of its own,
                    // so it is never glued to the value
                    let first = if text_width(key) < KEY_W {
                        vec![Span::styled(format!("{:<w$}", key, w = KEY_W), *key_style)]
                    } else {
                        out.extend(wrap_spans(
                            &[Span::styled(key.clone(), *key_style)],
                            width,
                            Vec::new(),
                            Vec::new(),
                        ));
                        rest.clone()
                    };
                    out.extend(wrap_spans(value, width, first, rest));
                }
            }
        }
    }
    out
}

/// Greedy word wrap of styled spans; `first` starts the first line and
/// `rest` every following one (a hanging indent).
fn wrap_spans(
    spans: &[Span<'static>],
    width: usize,
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
) -> Vec<Line<'static>> {
    let indent = |p: &[Span<'static>]| p.iter().map(|s| width_of(s)).sum::<usize>();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = first.clone();
    let mut used = indent(&first);
    let mut at_start = true;
    let newline = |cur: &mut Vec<Span<'static>>, used: &mut usize, lines: &mut Vec<_>| {
        while cur.len() > rest.len().max(1)
            && cur.last().is_some_and(|s| s.content.trim().is_empty())
        {
            cur.pop();
        }
        lines.push(Line::from(std::mem::take(cur)));
        *cur = rest.clone();
        *used = indent(&rest);
    };
    for span in spans {
        for word in words(&span.content) {
            let w = text_width(word);
            let blank = word.trim().is_empty();
            // a line break in the text is kept (SCHEMA.md: paragraph text
            // keeps its lines); two make an empty line
            if blank && word.contains('\n') {
                for _ in 0..word.matches('\n').count() {
                    newline(&mut cur, &mut used, &mut lines);
                }
                at_start = true;
                continue;
            }
            if blank && at_start {
                continue;
            }
            if used + w > width && !at_start {
                if blank {
                    newline(&mut cur, &mut used, &mut lines);
                    at_start = true;
                    continue;
                }
                newline(&mut cur, &mut used, &mut lines);
            }
            // a word wider than a whole line is broken
            let mut word = word.to_string();
            while used + text_width(&word) > width && width > used {
                let (head, tail) = split_at_width(&word, width - used);
                if head.is_empty() {
                    break;
                }
                cur.push(Span::styled(head, span.style));
                newline(&mut cur, &mut used, &mut lines);
                word = tail;
            }
            if !word.is_empty() {
                used += text_width(&word);
                cur.push(Span::styled(word, span.style));
                at_start = false;
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(Line::from(cur));
    }
    lines
}

fn width_of(s: &Span) -> usize {
    text_width(&s.content)
}

/// Words and the whitespace runs between them (a run holding a line break
/// ends the line).
fn words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in s.char_indices() {
        let is_space = c.is_whitespace();
        match space {
            Some(sp) if sp != is_space => {
                out.push(&s[start..i]);
                start = i;
            }
            _ => {}
        }
        space = Some(is_space);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn split_at_width(s: &str, w: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            return (s[..i].to_string(), s[i..].to_string());
        }
        used += cw;
    }
    (s.to_string(), String::new())
}

/// What [`render`] showed: the offset it used and how many lines there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// First line drawn (the requested offset, clamped).
    pub offset: usize,
    /// Lines in the card.
    pub total: usize,
    /// Lines that fit in the area.
    pub height: usize,
}

/// Draws `lines` in `block` (bordered all round) from line `offset`,
/// marking what lies above and below the area on its top and bottom
/// border. `marker` styles the marks; the card is recorded in the layout
/// (area, offset, lines shown, lines) for the screen check.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    block: Block<'static>,
    lines: Vec<Line<'static>>,
    offset: usize,
    marker: Style,
    layout: &Layout,
) -> Shown {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let total = lines.len();
    let height = inner.height as usize;
    let fits = total <= height;
    let offset = if fits {
        0
    } else {
        offset.min(total.saturating_sub(height))
    };
    let shown: Vec<Line<'static>> = lines.into_iter().skip(offset).take(height).collect();
    layout.push_mark((area, offset, height, total));
    frame.render_widget(Paragraph::new(shown), inner);
    if !fits {
        let below = total - offset - height.min(total - offset);
        if offset > 0 {
            mark(
                frame,
                area.x,
                area.y,
                area.width,
                &format!(" ↑ {offset} above "),
                marker,
            );
        }
        if below > 0 {
            let text = format!(" ↓ {below} more ");
            mark(frame, area.x, area.bottom() - 1, area.width, &text, marker);
        }
    }
    Shown {
        offset,
        total,
        height,
    }
}

/// Writes `text` right-aligned on row `y` of the strip at `x`, `w` wide.
fn mark(frame: &mut Frame, x: u16, y: u16, w: u16, text: &str, style: Style) {
    let tw = text_width(text) as u16;
    if tw + 2 > w {
        return;
    }
    let rect = Rect {
        x: x + w - tw - 1,
        y,
        width: tw,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(text.to_string(), style)), rect);
}

/// ` name (n) ` for a pane `width` wide: the name is clipped with `…`, the
/// count never is.
pub fn pane_title(name: &str, count: Option<usize>, width: u16) -> String {
    let count = count.map(|n| format!(" ({n})")).unwrap_or_default();
    let room = (width as usize).saturating_sub(4 + width_str(&count));
    format!(" {}{count} ", crate::tui::text::clip(name, room))
}

fn width_str(s: &str) -> usize {
    text_width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn field_values_wrap_under_the_value_column() {
        let rows = [Row::field(
            "indicator",
            Style::new(),
            "9.c.1 Proportion of population covered by a mobile network, by technology",
            Style::new(),
        )];
        let lines = text(&wrap(&rows, 40));
        assert_eq!(lines[0], "indicator    9.c.1 Proportion of");
        assert_eq!(lines[1], "             population covered by a");
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| l.starts_with(&" ".repeat(KEY_W)))
        );
        assert!(lines.iter().all(|l| text_width(l) <= 40), "{lines:?}");
    }

    #[test]
    fn a_long_key_gets_its_own_line() {
        let rows = [Row::field(
            "C7-e-agriculture × 12",
            Style::new(),
            "Rural",
            Style::new(),
        )];
        let lines = text(&wrap(&rows, 40));
        assert_eq!(lines, ["C7-e-agriculture × 12", "             Rural"]);
    }

    #[test]
    fn text_wraps_at_words_and_breaks_long_words() {
        let rows = [Row::text("a bb ccc dddddddddddd", Style::new())];
        assert_eq!(text(&wrap(&rows, 6)), ["a bb", "ccc", "dddddd", "dddddd"]);
    }

    #[test]
    fn titles_keep_their_counts() {
        assert_eq!(pane_title("Activities", Some(46), 40), " Activities (46) ");
        assert_eq!(pane_title("Activities", Some(46), 14), " Acti… (46) ");
    }
}
