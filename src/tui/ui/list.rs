//! Drawing a scrolling list: a tree of records in a bordered pane, the
//! click regions of its rows, and the `↑ 3 above · ↓ 4 more` marks that say
//! what it hides — shared by every screen that lists records.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::entity::EntityRef;
use crate::tui::ctx::Ctx;
use crate::tui::layout::{Cursor, Hit};

/// The title of a tree pane: `SDGs (17) · 8 targets open` — the count of
/// the kind it names (its top-level records), then what is open under
/// them (`what` in the singular), which the scroll marks count as rows
/// too; what is open is
/// dropped before the name is cut.
pub fn tree_title(name: &str, count: usize, open_counts: &[(usize, &str)], width: u16) -> String {
    let open: Vec<String> = open_counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    let plain = super::card::pane_title(name, Some(count), width);
    if open.is_empty() {
        return plain;
    }
    let full = format!("{plain}· {} open ", open.join(", "));
    let rows: usize = open_counts.iter().map(|(n, _)| n).sum();
    let short = format!("{plain}· +{rows} open ");
    let fits = |s: &str| crate::tui::text::width(s) + 2 <= width as usize;
    if fits(&full) {
        full
    } else if fits(&short) {
        short
    } else {
        plain
    }
}

/// A tree list (SDGs with their targets, Action Lines with their
/// sub-lines) in a bordered pane titled `title` (see [`tree_title`]);
/// `open` says whether an item is expanded. While `focused`, the rows that
/// fit are stored in `page`.
#[allow(clippy::too_many_arguments)] // the pane's parts, each needed
pub fn render_tree(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    items: &[EntityRef],
    cursor: &Cursor,
    focused: bool,
    title: &str,
    open: &dyn Fn(EntityRef) -> bool,
    page: &Cell<usize>,
) {
    let t = &ctx.theme;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            title.to_string(),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let height = inner.height as usize;
    let offset = cursor.scroll(height, items.len());
    if focused {
        page.set(height);
    }
    let width = inner.width.saturating_sub(1) as usize;
    let shown: Vec<EntityRef> = items.iter().skip(offset).take(height).copied().collect();
    let rows: Vec<ListItem> = super::tree::tree_lines(ctx, &shown, width, open)
        .into_iter()
        .map(ListItem::new)
        .collect();
    register_rows(ctx, inner, offset, items.len(), cursor.pos, focused);
    let list = List::new(rows)
        .block(block)
        .highlight_style(if focused { t.selected } else { t.selected_dim })
        .highlight_symbol("▌");
    let mut state = ListState::default()
        .with_selected(cursor.pos.checked_sub(offset).filter(|_| !items.is_empty()));
    frame.render_stateful_widget(list, area, &mut state);
    scroll_marks(frame, area, ctx, offset, height, items.len());
}

/// Records the click regions of a list's visible rows and, when focused,
/// parks the screen-reader cursor on the selected one.
pub fn register_rows(ctx: &Ctx, inner: Rect, offset: usize, len: usize, pos: usize, focused: bool) {
    for i in offset..len.min(offset + inner.height as usize) {
        ctx.layout
            .push_hit(super::row_rect(inner, i - offset), Hit::MainRow(i));
    }
    if focused && pos >= offset && pos < offset + inner.height as usize {
        ctx.layout
            .cursor
            .set(Some((inner.x, inner.y + (pos - offset) as u16)));
    }
}

/// Marks on a bordered list's bottom border how many rows lie above and
/// below the `height` rows shown from `offset`, out of `len`, and records
/// the list for the screen check. A list whose title counts records but
/// whose rows include headings passes records: records above, records
/// shown, records in all.
pub fn scroll_marks(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    offset: usize,
    height: usize,
    len: usize,
) {
    let below = len.saturating_sub(offset + height);
    let text = match (offset, below) {
        (0, 0) => String::new(),
        (0, b) => format!(" ↓ {b} more "),
        (a, 0) => format!(" ↑ {a} above "),
        (a, b) => format!(" ↑ {a} · ↓ {b} more "),
    };
    let w = crate::tui::text::width(&text) as u16;
    if !text.is_empty() && w + 2 <= area.width && area.height >= 2 {
        frame.render_widget(
            Paragraph::new(Span::styled(text, ctx.theme.accent)),
            Rect {
                x: area.x + area.width - w - 1,
                y: area.bottom() - 1,
                width: w,
                height: 1,
            },
        );
    }
    ctx.layout.push_mark((area, offset, height, len));
}

#[cfg(test)]
mod tests {
    use super::tree_title;

    #[test]
    fn a_tree_title_counts_its_kind_and_says_what_is_open() {
        let sdgs = [(8, "target"), (0, "indicator")];
        assert_eq!(
            tree_title("SDGs", 17, &sdgs, 60),
            " SDGs (17) · 8 targets open "
        );
        let one = [(1, "sub-line")];
        assert_eq!(
            tree_title("Action Lines", 1, &one, 60),
            " Action Lines (1) · 1 sub-line open "
        );
        // narrower: the rows open in one number, then only the count
        let lines = [(8, "sub-line")];
        assert_eq!(
            tree_title("Action Lines", 11, &lines, 36),
            " Action Lines (11) · +8 open "
        );
        assert_eq!(
            tree_title("Action Lines", 11, &lines, 24),
            " Action Lines (11) "
        );
        assert_eq!(tree_title("SDGs", 17, &[(0, "target")], 60), " SDGs (17) ");
    }
}
