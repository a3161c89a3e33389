//! The Activities table: title, lead, year, sector and SDG chips, sized from
//! the rows on screen.
//!
//! The title is the column people read, so it always keeps at least half
//! the table; the SDG chips compress (`1–17`, `3 9 +4`) and the other
//! columns give way, sector first, then year, then lead, before the title
//! is cut. Every cut ends in `…`, and the sort order is in the pane title,
//! so it is never lost with a dropped column.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};

use super::model::{Activities, SortKey};
use crate::entity::EntityRef;
use crate::snapshot::{ActivityId, Snapshot};
use crate::tui::ctx::Ctx;
use crate::tui::matching;
use crate::tui::text::{clip, width};
use crate::tui::theme::Theme;
use crate::tui::ui::card::pane_title;
use crate::tui::ui::list::{register_rows, scroll_marks};

/// The columns after the title, in the order they give way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Sector,
    Year,
    Lead,
    Sdgs,
}

/// The widest the SDG chips get.
const CHIPS_MAX: usize = 14;

/// The SDG chips of `a` in at most `budget` columns: `1–17` for every goal,
/// else the numbers, with `+N` for those that do not fit.
pub fn chips(s: &Snapshot, t: &Theme, a: ActivityId, budget: usize) -> Vec<Span<'static>> {
    let goals: Vec<u8> = s.activity(a).sdgs().iter().collect();
    let style = |n: u8| s.sdg(n).map_or(t.title, |g| t.goal(g.color));
    if goals.is_empty() {
        return vec![Span::styled("—", t.dim)];
    }
    if s.is_cross_cutting(a) {
        return vec![Span::styled("1–17", t.accent)];
    }
    let mut out = Vec::new();
    let mut used = 0;
    for (i, &n) in goals.iter().enumerate() {
        let num = n.to_string();
        let left = goals.len() - i - 1;
        let more = if left > 0 {
            format!(" +{left}").len()
        } else {
            0
        };
        let need = num.len() + usize::from(i > 0);
        if used + need + more > budget && i > 0 {
            out.push(Span::styled(format!(" +{}", goals.len() - i), t.dim));
            return out;
        }
        if i > 0 {
            out.push(Span::raw(" "));
        }
        out.push(Span::styled(num, style(n)));
        used += need;
    }
    out
}

fn chips_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// Draws the table of `a`.
pub fn render_table(frame: &mut Frame, area: Rect, ctx: &Ctx, a: &Activities, focused: bool) {
    let t = &ctx.theme;
    let s = &ctx.snap;
    let arrow = if a.desc { "▼" } else { "▲" };
    let by = a.sort.name();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            pane_title(
                &format!("Activities · by {by} {arrow} · s sort"),
                Some(a.order.len()),
                area.width,
            ),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let height = inner.height.saturating_sub(1) as usize;
    let offset = a.cursor.scroll(height, a.order.len());
    if focused {
        a.panes.page.set(height);
    }
    let visible: Vec<ActivityId> = a.order.iter().skip(offset).take(height).copied().collect();

    // natural widths of the columns on screen
    let lead_w = visible
        .iter()
        .map(|&a| width(s.activity(a).lead().unwrap_or_default()))
        .max()
        .unwrap_or(0)
        .clamp(4, 24);
    let sector_w = visible
        .iter()
        .map(|&a| width(s.activity(a).sector().unwrap_or_default()))
        .max()
        .unwrap_or(0)
        .clamp(6, 10);
    let chips_w = visible
        .iter()
        .map(|&a| chips_width(&chips(s, t, a, CHIPS_MAX)))
        .max()
        .unwrap_or(4)
        .clamp(4, CHIPS_MAX);
    // a column is never narrower than its header (with the sort arrow)
    let head = |name: &str, key: SortKey| width(name) + usize::from(a.sort == key);
    let lead_w = lead_w.max(head("Lead", SortKey::Lead));
    let sector_w = sector_w.max(head("Sector", SortKey::Sector));
    let chips_w = chips_w.max(head("SDGs", SortKey::Sdgs));
    let year_w = head("Year", SortKey::Year);
    let total = inner.width.saturating_sub(1) as usize; // the highlight column
    let mut cols = vec![
        (Col::Lead, lead_w),
        (Col::Year, year_w),
        (Col::Sector, sector_w),
        (Col::Sdgs, chips_w),
    ];
    let title_min = (total / 2).max(20.min(total));
    let used = |cols: &[(Col, usize)]| cols.iter().map(|(_, w)| w + 1).sum::<usize>();
    // give way: shrink the lead, then drop sector, year, lead, chips
    while total.saturating_sub(used(&cols)) < title_min && !cols.is_empty() {
        if let Some(l) = cols.iter_mut().find(|(c, w)| *c == Col::Lead && *w > 8) {
            l.1 = 8;
            continue;
        }
        let drop = [Col::Sector, Col::Year, Col::Lead, Col::Sdgs]
            .into_iter()
            .find(|d| cols.iter().any(|(c, _)| c == d));
        match drop {
            Some(d) => cols.retain(|(c, _)| *c != d),
            None => break,
        }
    }
    let title_w = total.saturating_sub(used(&cols));
    let head_of = |c: Col| match c {
        Col::Lead => "Lead",
        Col::Year => "Year",
        Col::Sector => "Sector",
        Col::Sdgs => "SDGs",
    };
    // the sorted column's header carries the arrow too, when it is shown
    let sorted = |name: &str, key: SortKey| {
        if a.sort == key {
            format!("{name}{arrow}")
        } else {
            name.to_string()
        }
    };
    let key_of = |c: Col| match c {
        Col::Lead => SortKey::Lead,
        Col::Year => SortKey::Year,
        Col::Sector => SortKey::Sector,
        Col::Sdgs => SortKey::Sdgs,
    };
    let mut header = vec![Cell::from(sorted("Title", SortKey::Title))];
    header.extend(
        cols.iter()
            .map(|&(c, w)| Cell::from(clip(&sorted(head_of(c), key_of(c)), w))),
    );
    let rows: Vec<Row> = visible
        .iter()
        .map(|&id| {
            let act = s.activity(id);
            let title = clip(act.title(), title_w);
            let title = matching::spans(ctx, EntityRef::Activity(id), &title, t.base);
            let mut cells = vec![Cell::from(Line::from(title))];
            for &(c, w) in &cols {
                cells.push(match c {
                    Col::Lead => {
                        Cell::from(Span::styled(clip(act.lead().unwrap_or_default(), w), t.dim))
                    }
                    Col::Year => Cell::from(Span::styled(
                        act.year().map(|y| y.to_string()).unwrap_or_default(),
                        t.dim,
                    )),
                    Col::Sector => Cell::from(Span::styled(
                        clip(act.sector().unwrap_or_default(), w),
                        t.dim,
                    )),
                    Col::Sdgs => Cell::from(Line::from(chips(s, t, id, w))),
                });
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Length(title_w as u16)];
    widths.extend(cols.iter().map(|&(_, w)| Constraint::Length(w as u16)));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(t.title))
        .block(block)
        .column_spacing(1)
        .row_highlight_style(if focused { t.selected } else { t.selected_dim })
        .highlight_symbol("▌");
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    register_rows(ctx, body, offset, a.order.len(), a.cursor.pos, focused);
    let selected = a
        .cursor
        .pos
        .checked_sub(offset)
        .filter(|_| !a.order.is_empty());
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
    scroll_marks(frame, area, ctx, offset, height, a.order.len());
    ctx.layout.title_share.set((title_w, total));
}
