//! The drill-down view: one focused record, everything related to it, and
//! a preview of the related record under the cursor.
//!
//! `Enter` on a related record focuses it in turn (SDG 9 → 9.c → C2 → an
//! activity …); the breadcrumb above records the path.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::cards::{card_len, render_card};
use super::details::render_related;
use crate::tui::state::{Pane, State};

/// Draws the drill view of the last crumb.
pub fn render_drill(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let Some(crumb) = st.trail.last() else { return };
    let e = crumb.entity;
    let focused = st.pane == Pane::Card;
    let share = if focused { 3 } else { 2 };
    let card_h = (card_len(st, e, area.width) + 2)
        .min(area.height * share / 5)
        .max(3.min(area.height));
    let [card, below] =
        Layout::vertical([Constraint::Length(card_h), Constraint::Min(0)]).areas(area);
    render_card(frame, card, st, e, &e.label(&st.snap), true, focused);
    if below.height < 3 {
        return;
    }
    let [list, preview] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(below);
    let groups = st.related_groups();
    render_related(
        frame,
        list,
        st,
        &groups,
        &crumb.cursor,
        !focused,
        "related — Enter to open, Esc back",
    );
    let flat: Vec<_> = groups
        .iter()
        .flat_map(|g| g.items.iter().copied())
        .collect();
    match flat.get(crumb.cursor.pos) {
        Some(&sel) => render_card(frame, preview, st, sel, "preview", false, false),
        None => frame.render_widget(
            Paragraph::new("Nothing related.").style(t.dim).block(
                Block::new()
                    .borders(Borders::ALL)
                    .border_style(t.border)
                    .title(Span::styled(" preview ", t.dim)),
            ),
            preview,
        ),
    }
}
