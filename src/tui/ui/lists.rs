//! The SDG, Action Line and Activity screens: a list or table on the left,
//! the selected record's details and related records on the right.
//!
//! The right pane follows the left one (linked panes): move to SDG 4 and
//! its targets, links and activities are what the details pane lists.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, List, ListItem, ListState, Paragraph, Row, Table, TableState, Wrap,
};

use super::details::{card_lines, render_related};
use super::text::clip;
use crate::entity::EntityRef;
use crate::tui::state::{Cursor, Hit, Pane, Screen, SortKey, State};

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
        Screen::Activities => render_table(frame, left, st, focused),
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
    let lines = card_lines(st, e, area.width.saturating_sub(2) as usize);
    let card_h = (lines.len() as u16 + 2)
        .min(area.height / 2)
        .max(3.min(area.height));
    let [card, rel] =
        Layout::vertical([Constraint::Length(card_h), Constraint::Min(0)]).areas(area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            format!(" {} ", clip(&e.label(&st.snap), 40)),
            t.dim,
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        card,
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

fn tree_line(st: &State, e: EntityRef, width: usize) -> Line<'static> {
    let s = &st.snap;
    let t = &st.theme;
    let ix = s.index();
    match e {
        EntityRef::Sdg(n) => {
            let Some(g) = s.sdg(n) else {
                return Line::default();
            };
            let open = if st.sdg_open.contains(&n) {
                "▾"
            } else {
                "▸"
            };
            let counts = format!(
                " {}t {}L {}a",
                g.targets.len(),
                ix.links_of_sdg(n).len(),
                ix.activities_of_sdg(n).len()
            );
            let name_w = width.saturating_sub(7 + counts.len());
            Line::from(vec![
                Span::styled(format!("{open} "), t.dim),
                Span::styled(format!(" {n:>2} "), t.goal(g.color)),
                Span::styled(
                    format!(
                        " {:<name_w$}",
                        clip(&g.short_name, name_w.saturating_sub(1))
                    ),
                    t.base,
                ),
                Span::styled(counts, t.dim),
            ])
        }
        EntityRef::Target(tg) => {
            let target = s.target(tg);
            Line::from(vec![
                Span::styled(format!("    {:<6}", target.code), t.accent),
                Span::styled(clip(&target.text, width.saturating_sub(10)), t.base),
            ])
        }
        EntityRef::Line(l) => {
            let line = s.line(l);
            let (indent, open) = match (line.parent, line.children.is_empty()) {
                (Some(_), _) => ("    ", ""),
                (None, false) => (
                    "",
                    if st.line_open.contains(&l.0) {
                        "▾ "
                    } else {
                        "▸ "
                    },
                ),
                (None, true) => ("", "  "),
            };
            let id = line.id.strip_prefix("C7-").unwrap_or(&line.id).to_string();
            let lead = line.facilitators.first().cloned().unwrap_or_default();
            let name_w =
                width.saturating_sub(indent.len() + open.chars().count() + 12 + lead.len() + 1);
            Line::from(vec![
                Span::styled(format!("{indent}{open}"), t.dim),
                Span::styled(format!("{id:<12}"), t.accent),
                Span::styled(
                    format!("{:<name_w$}", clip(&line.short_name, name_w)),
                    t.base,
                ),
                Span::styled(format!(" {lead}"), t.dim),
            ])
        }
        _ => Line::default(),
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
            format!(" {title} ({}) ", items.len()),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let height = inner.height as usize;
    let offset = cursor.scroll(height);
    if focused {
        st.layout.page.set(height);
    }
    let width = inner.width.saturating_sub(1) as usize;
    let rows: Vec<ListItem> = items
        .iter()
        .skip(offset)
        .take(height)
        .map(|&e| ListItem::new(tree_line(st, e, width)))
        .collect();
    register_rows(st, inner, offset, items.len(), cursor.pos, focused);
    let list = List::new(rows)
        .block(block)
        .highlight_style(if focused { t.selected } else { t.selected_dim })
        .highlight_symbol("▌");
    let mut state = ListState::default()
        .with_selected(cursor.pos.checked_sub(offset).filter(|_| !items.is_empty()));
    frame.render_stateful_widget(list, area, &mut state);
}

fn register_rows(st: &State, inner: Rect, offset: usize, len: usize, pos: usize, focused: bool) {
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

fn render_table(frame: &mut Frame, area: Rect, st: &State, focused: bool) {
    let t = &st.theme;
    let s = &st.snap;
    let arrow = if st.sort_desc { "▼" } else { "▲" };
    let head = |name: &str, key: SortKey| {
        if st.sort == key {
            format!("{name}{arrow}")
        } else {
            name.to_string()
        }
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            format!(" Activities ({}) — s sort ", st.act_order.len()),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let height = inner.height.saturating_sub(1) as usize;
    let offset = st.act_cursor.scroll(height);
    if focused {
        st.layout.page.set(height);
    }
    let rows: Vec<Row> = st
        .act_order
        .iter()
        .skip(offset)
        .take(height)
        .map(|&a| {
            let act = s.activity(a);
            let chips: Vec<Span> = act
                .sdgs()
                .iter()
                .flat_map(|n| {
                    [
                        Span::styled(
                            format!("{n:>2}"),
                            s.sdg(n).map_or(t.title, |g| t.goal(g.color)),
                        ),
                        Span::raw(" "),
                    ]
                })
                .collect();
            Row::new(vec![
                // (cut well past any column: a huge title costs no more)
                Cell::from(clip(act.title(), 512)),
                Cell::from(Span::styled(act.lead().unwrap_or_default(), t.dim)),
                Cell::from(Span::styled(
                    act.year().map(|y| y.to_string()).unwrap_or_default(),
                    t.dim,
                )),
                Cell::from(Span::styled(act.sector().unwrap_or_default(), t.dim)),
                Cell::from(Line::from(chips)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        head("Title", SortKey::Title),
        head("Lead", SortKey::Lead),
        head("Year", SortKey::Year),
        head("Sector", SortKey::Sector),
        head("SDGs", SortKey::Sdgs),
    ])
    .style(t.title);
    // the SDG column is as wide as the most chips on a visible row, so a
    // chip is never cut into a different number
    let chips_w = st
        .act_order
        .iter()
        .skip(offset)
        .take(height)
        .map(|&a| s.activity(a).sdgs().len() as u16 * 3)
        .max()
        .unwrap_or(4)
        .clamp(4, 51);
    let widths = [
        Constraint::Fill(3),
        Constraint::Length(8),
        Constraint::Length(5),
        Constraint::Length(6),
        Constraint::Length(chips_w),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(if focused { t.selected } else { t.selected_dim })
        .highlight_symbol("▌");
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    register_rows(
        st,
        body,
        offset,
        st.act_order.len(),
        st.act_cursor.pos,
        focused,
    );
    let selected = st
        .act_cursor
        .pos
        .checked_sub(offset)
        .filter(|_| !st.act_order.is_empty());
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}
