//! The SDG, Action Line and Activity screens: a list or table on the left,
//! the selected record's details and related records on the right.
//!
//! The right pane follows the left one (linked panes): move to SDG 4 and
//! its targets, links and activities are what the details pane lists.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::cards::{card_len, render_card};
use super::details::render_related;
use crate::entity::EntityRef;
use crate::tui::state::{Cursor, Hit, Pane, Screen, State};

/// Draws a list screen.
pub fn render_list_screen(frame: &mut Frame, area: Rect, st: &State) {
    let left_pct = if st.screen == Screen::Activities {
        55
    } else {
        45
    };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(left_pct),
        Constraint::Percentage(100 - left_pct),
    ])
    .areas(area);
    let focused = st.pane == Pane::Main;
    match st.screen {
        Screen::Sdgs => render_tree(
            frame,
            left,
            st,
            &st.sdg_items(),
            &st.sdg_cursor,
            focused,
            "SDGs",
        ),
        Screen::Lines => render_tree(
            frame,
            left,
            st,
            &st.line_items(),
            &st.line_cursor,
            focused,
            "Action Lines",
        ),
        Screen::Activities => super::table::render_table(frame, left, st, focused),
        Screen::Matrix => {}
    }
    render_details(frame, right, st);
}

/// The right pane: the card of the selection over its related records.
fn render_details(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let Some(e) = st.selected() else {
        frame.render_widget(
            Paragraph::new("Nothing selected.")
                .style(t.dim)
                .block(Block::bordered().border_style(t.border)),
            area,
        );
        return;
    };
    let share = if st.pane == Pane::Card { 2 } else { 1 };
    let card_h = (card_len(st, e, area.width) + 2)
        .min(area.height * share / (share + 1))
        .max(3.min(area.height));
    let [card, rel] =
        Layout::vertical([Constraint::Length(card_h), Constraint::Min(0)]).areas(area);
    render_card(
        frame,
        card,
        st,
        e,
        &e.label(&st.snap),
        true,
        st.pane == Pane::Card,
    );
    if rel.height > 2 {
        let groups = st.related_groups();
        render_related(
            frame,
            rel,
            st,
            &groups,
            &st.rel_cursor,
            st.pane == Pane::Related,
            "related — Tab to focus, Enter to open",
        );
    }
}

fn render_tree(
    frame: &mut Frame,
    area: Rect,
    st: &State,
    items: &[EntityRef],
    cursor: &Cursor,
    focused: bool,
    title: &str,
) {
    let t = &st.theme;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            super::card::pane_title(title, Some(items.len()), area.width),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let height = inner.height as usize;
    let offset = cursor.scroll(height);
    if focused {
        st.layout.page.set(height);
    }
    let width = inner.width.saturating_sub(1) as usize;
    let shown: Vec<EntityRef> = items.iter().skip(offset).take(height).copied().collect();
    let rows: Vec<ListItem> = super::tree::tree_lines(st, &shown, width)
        .into_iter()
        .map(ListItem::new)
        .collect();
    register_rows(st, inner, offset, items.len(), cursor.pos, focused);
    let list = List::new(rows)
        .block(block)
        .highlight_style(if focused { t.selected } else { t.selected_dim })
        .highlight_symbol("▌");
    let mut state = ListState::default()
        .with_selected(cursor.pos.checked_sub(offset).filter(|_| !items.is_empty()));
    frame.render_stateful_widget(list, area, &mut state);
    scroll_marks(frame, area, st, offset, height, items.len());
}

/// Records the click regions of a list's visible rows and, when focused,
/// parks the screen-reader cursor on the selected one.
pub(super) fn register_rows(
    st: &State,
    inner: Rect,
    offset: usize,
    len: usize,
    pos: usize,
    focused: bool,
) {
    let mut hits = st.layout.hits.borrow_mut();
    for i in offset..len.min(offset + inner.height as usize) {
        hits.push((super::row_rect(inner, i - offset), Hit::MainRow(i)));
    }
    if focused && pos >= offset && pos < offset + inner.height as usize {
        st.layout
            .cursor
            .set(Some((inner.x, inner.y + (pos - offset) as u16)));
    }
}

/// Marks on a bordered list's bottom border how many rows lie above and
/// below the `height` rows shown from `offset`, out of `len`, and records
/// the list for the screen check.
pub(super) fn scroll_marks(
    frame: &mut Frame,
    area: Rect,
    st: &State,
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
    let w = super::text::width(&text) as u16;
    if !text.is_empty() && w + 2 <= area.width && area.height >= 2 {
        frame.render_widget(
            Paragraph::new(Span::styled(text, st.theme.accent)),
            Rect {
                x: area.x + area.width - w - 1,
                y: area.bottom() - 1,
                width: w,
                height: 1,
            },
        );
    }
    st.layout
        .marks
        .borrow_mut()
        .push((area, offset, height, len));
}
