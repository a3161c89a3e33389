//! The filter bar's facet panel: every facet the panel offers, and the
//! values of the chosen one with the number of records each would keep
//! under the other filters, scrolled to the cursor and marked when some
//! do not fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::tui::ctx::Ctx;
use crate::tui::text::{clip, width};
use crate::view::facets::{FacetValue, PANEL};

/// The facet panel in `panel`: the facets on the left (number `facet`
/// marked), `values` with their counts on the right (number `value_cursor`
/// selected while the panel is `focused`).
pub fn draw(
    frame: &mut Frame,
    panel: Rect,
    ctx: &Ctx,
    values: &[FacetValue],
    (facet, value_cursor): (usize, usize),
    focused: bool,
) {
    let t = &ctx.theme;
    let [keys, list_rect] =
        Layout::horizontal([Constraint::Length(12), Constraint::Min(0)]).areas(panel);
    // the facets scroll to keep the chosen one in view on a short panel,
    // whose last line then says how many are above and below
    let kh = if PANEL.len() > keys.height as usize {
        (keys.height as usize).saturating_sub(1)
    } else {
        keys.height as usize
    };
    let key_offset = (facet + 1).saturating_sub(kh);
    let mut key_lines: Vec<Line> = PANEL
        .iter()
        .enumerate()
        .skip(key_offset)
        .take(kh)
        .map(|(i, k)| {
            let style = if i == facet {
                if focused { t.selected } else { t.accent }
            } else {
                t.dim
            };
            // the chosen facet is marked without colour too, and a rule
            // keeps its name apart from the values beside it
            let mark = if i == facet { "▸" } else { " " };
            Line::from(vec![
                Span::styled(format!("{mark}{:<10}", k.name()), style),
                Span::styled("│", t.dim),
            ])
        })
        .collect();
    if kh < PANEL.len() {
        let below = PANEL.len().saturating_sub(key_offset + kh);
        let mark = match (key_offset, below) {
            (0, b) => format!(" ↓ {b} more"),
            (a, 0) => format!(" ↑ {a} more"),
            (a, b) => format!(" ↑{a} ↓{b}"),
        };
        key_lines.push(Line::styled(format!("{:<11}│", mark), t.dim));
    }
    frame.render_widget(Paragraph::new(key_lines), keys);
    // when the values do not all fit, the last line says how many more
    let all = values.len();
    let vh = if all > list_rect.height as usize {
        (list_rect.height as usize).saturating_sub(1)
    } else {
        list_rect.height as usize
    };
    let offset = (value_cursor + 1).saturating_sub(vh);
    let items: Vec<ListItem> = values
        .iter()
        .skip(offset)
        .take(vh)
        .map(|v| {
            let mark = if v.selected { "[x]" } else { "[ ]" };
            let label = if v.label.is_empty() {
                String::new()
            } else {
                format!(" {}", v.label)
            };
            let style = if v.count == 0 { t.dim } else { t.base };
            // the count is never cut: the label gives way
            let count = format!(" ({})", v.count);
            let room = (list_rect.width as usize).saturating_sub(6 + width(&count));
            ListItem::new(Line::from(vec![
                Span::styled(format!(" {mark} "), t.accent),
                Span::styled(clip(&format!("{}{label}", v.value), room), style),
                Span::styled(count, style),
            ]))
        })
        .collect();
    let list = List::new(items).highlight_style(if focused { t.selected } else { t.base });
    let mut state = ListState::default().with_selected(focused.then_some(value_cursor - offset));
    let list_area = Rect {
        height: vh as u16,
        ..list_rect
    };
    frame.render_stateful_widget(list, list_area, &mut state);
    if vh < all {
        let below = all - offset - vh.min(all - offset);
        let text = match (offset, below) {
            (0, b) => format!("  ↓ {b} more"),
            (a, 0) => format!("  ↑ {a} above"),
            (a, b) => format!("  ↑ {a} · ↓ {b} more"),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, t.accent)),
            Rect {
                y: list_rect.bottom() - 1,
                height: 1,
                ..list_rect
            },
        );
    }
    ctx.layout.push_mark((list_rect, offset, vh, all));
}
