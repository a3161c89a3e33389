//! The drill-down view: one focused record, everything related to it, and
//! a preview of the related record under the cursor.
//!
//! `Enter` on a related record focuses it in turn (SDG 9 → 9.c → C2 → an
//! activity …); the breadcrumb above records the path.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::details::{card_lines, render_related};
use super::text::clip;
use crate::tui::state::State;

/// Draws the drill view of the last crumb.
pub fn render_drill(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let Some(crumb) = st.trail.last() else { return };
    let e = crumb.entity;
    let lines = card_lines(st, e, area.width.saturating_sub(2) as usize);
    let card_h = (lines.len() as u16 + 2)
        .min(area.height * 2 / 5)
        .max(3.min(area.height));
    let [card, below] =
        Layout::vertical([Constraint::Length(card_h), Constraint::Min(0)]).areas(area);
    let title = format!(" {} ", clip(&e.label(&st.snap), 60));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .title(Span::styled(title, t.accent));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        card,
    );
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
        true,
        "related — Enter to open, Esc back",
    );
    let flat: Vec<_> = groups
        .iter()
        .flat_map(|g| g.items.iter().copied())
        .collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(" preview ", t.dim));
    match flat.get(crumb.cursor.pos) {
        Some(&sel) => {
            let lines = card_lines(st, sel, preview.width.saturating_sub(2) as usize);
            frame.render_widget(
                Paragraph::new(lines)
                    .block(block)
                    .wrap(Wrap { trim: false }),
                preview,
            );
        }
        None => frame.render_widget(
            Paragraph::new("Nothing related.").style(t.dim).block(block),
            preview,
        ),
    }
}
