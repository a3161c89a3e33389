//! The list of everything related to a record, grouped by kind — where
//! drill-down continues. Drawn from the core (`related_in`) and shared by
//! the list screens' details pane and the drill view; the record's own card
//! is in `cards`. Rows matching the last search have their matched
//! characters underlined.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use crate::entity::EntityRef;
use crate::related::Group;
use crate::tui::ctx::Ctx;
use crate::tui::layout::{Cursor, Hit};
use crate::tui::matching;
use crate::tui::text::{clip, width};

/// The width of the key column of a group's rows (line ids, link labels),
/// from the data: the longest key plus a space.
fn key_width(ctx: &Ctx, items: &[EntityRef]) -> usize {
    let s = &ctx.snap;
    items
        .iter()
        .map(|e| match *e {
            EntityRef::Line(l) => width(&s.line(l).id),
            EntityRef::Link(_) | EntityRef::Cell(..) => width(&short_label(ctx, *e)),
            EntityRef::Target(t) => width(&s.target(t).code),
            EntityRef::Indicator(i) => width(&s.indicator(i).code),
            EntityRef::Country(c) => width(&s.country(c).code),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
        + 1
}

/// The year column of an activity row: two spaces and four digits.
const YEAR_W: usize = 6;

/// One row of a related list, `width` columns, its key column `key_w` wide.
pub fn related_item(ctx: &Ctx, e: EntityRef, width: usize, key_w: usize) -> Line<'static> {
    let s = &ctx.snap;
    let t = &ctx.theme;
    // the key keeps at most three fifths of the row, and a space after it
    let key_w = key_w.min(width * 3 / 5).max(2);
    let key = |k: &str| format!("{:<w$}", clip(k, key_w - 1), w = key_w);
    let rest = width.saturating_sub(key_w);
    match e {
        EntityRef::Sdg(n) => {
            let g = s.sdg(n);
            let name = g.map(|g| g.short_name.clone()).unwrap_or_default();
            Line::from(vec![
                Span::styled(format!(" {n:>2} "), g.map_or(t.title, |g| t.goal(g.color))),
                Span::styled(format!(" {}", clip(&name, width.saturating_sub(5))), t.base),
            ])
        }
        EntityRef::Target(tg) => {
            let mut spans = vec![Span::styled(key(&s.target(tg).code), t.accent)];
            spans.extend(matching::spans(
                ctx,
                e,
                &clip(&s.target(tg).text, rest),
                t.base,
            ));
            Line::from(spans)
        }
        EntityRef::Line(l) => {
            let mut spans = vec![Span::styled(key(&s.line(l).id), t.accent)];
            spans.extend(matching::spans(
                ctx,
                e,
                &clip(&s.line(l).title, rest),
                t.base,
            ));
            Line::from(spans)
        }
        EntityRef::Indicator(i) => {
            let mut spans = vec![Span::styled(key(&s.indicator(i).code), t.accent)];
            spans.extend(matching::spans(
                ctx,
                e,
                &clip(&s.indicator(i).name, rest),
                t.base,
            ));
            Line::from(spans)
        }
        EntityRef::Country(c) => {
            let mut spans = vec![Span::styled(key(&s.country(c).code), t.accent)];
            spans.extend(matching::spans(
                ctx,
                e,
                &clip(&s.country(c).name, rest),
                t.base,
            ));
            Line::from(spans)
        }
        EntityRef::Link(_) | EntityRef::Cell(..) => {
            let label = short_label(ctx, e);
            let style = if label.ends_with('?') {
                t.warn
            } else {
                t.accent
            };
            Line::from(vec![
                Span::styled(key(&label), style),
                Span::styled(clip(&e.title(s), rest), t.dim),
            ])
        }
        EntityRef::Activity(a) => {
            // the year is a column of its own at the right, dim, apart from
            // the title (`Mision TIC 2022` is a title, not a year)
            let act = s.activity(a);
            // (an undated activity's title takes the year's columns too)
            let year = act.year().map(|y| y.to_string());
            let year_w = if width >= 24 && year.is_some() {
                YEAR_W
            } else {
                0
            };
            let year = year.unwrap_or_default();
            let room = width.saturating_sub(year_w);
            let title = clip(act.title(), room);
            let pad = room.saturating_sub(width_of(&title));
            let mut spans = matching::spans(ctx, e, &title, t.base);
            if year_w > 0 {
                spans.push(Span::raw(" ".repeat(pad)));
                spans.push(Span::styled(format!("{year:>w$}", w = year_w), t.dim));
            }
            Line::from(spans)
        }
    }
}

/// `C7-e-health × 3` (with ` ?` for a disputed link): a link or cell in a
/// list's key column.
fn short_label(ctx: &Ctx, e: EntityRef) -> String {
    let s = &ctx.snap;
    match e {
        EntityRef::Link(k) => {
            let link = s.link(k);
            let q = if link.status == crate::snapshot::LinkStatus::Disputed {
                " ?"
            } else {
                ""
            };
            format!("{} × {}{q}", s.line(link.action_line).id, link.sdg)
        }
        EntityRef::Cell(l, n) => format!("{} × {n}", s.line(l).id),
        other => other.label(s),
    }
}

fn width_of(s: &str) -> usize {
    width(s)
}

/// Draws grouped related records with a cursor; headings are not
/// selectable. While `focused`, the rows that fit are stored in `page`.
#[allow(clippy::too_many_arguments)] // the pane's parts, each needed
pub fn render_related(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    groups: &[Group],
    cursor: &Cursor,
    focused: bool,
    title: &str,
    page: &std::cell::Cell<usize>,
) {
    let t = &ctx.theme;
    let total: usize = groups.iter().map(|g| g.items.len()).sum();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            super::card::pane_title(title, Some(total), area.width),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let width = inner.width as usize;
    // Rows are group headings (None) or item numbers; only the visible
    // window is turned into styled lines, so a goal with 100k activities
    // costs no more to draw than one with ten.
    let mut rows: Vec<(Option<usize>, usize)> = Vec::with_capacity(total + groups.len());
    let mut n = 0;
    for (gi, g) in groups.iter().enumerate() {
        rows.push((None, gi));
        rows.extend((n..n + g.items.len()).map(|i| (Some(i), gi)));
        n += g.items.len();
    }
    let flat: Vec<(usize, EntityRef)> = groups
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| g.items.iter().map(move |&e| (gi, e)))
        .collect();
    let want = cursor.pos.min(total.saturating_sub(1));
    let sel_row = (total > 0).then(|| want + flat.get(want).map_or(0, |&(gi, _)| gi + 1));
    // Scroll so the selection (and its group heading, when it fits) stays in view.
    let height = inner.height as usize;
    let offset = match sel_row {
        Some(r) => {
            let c = Cursor {
                pos: r,
                offset: cursor.offset.clone(),
            };
            let mut off = c.scroll(height, rows.len());
            // a group's first record at the top brings its heading with it
            if off == r && r > 0 && rows[r - 1].0.is_none() && height > 1 {
                off = r - 1;
            }
            cursor.offset.set(off);
            off
        }
        None => 0,
    };
    if focused {
        page.set(height);
    }
    for (i, (r, _)) in rows.iter().enumerate().skip(offset).take(height) {
        if let Some(n) = r {
            ctx.layout
                .push_hit(super::row_rect(inner, i - offset), Hit::RelatedRow(*n));
        }
    }
    if let (Some(r), true) = (sel_row, focused) {
        ctx.layout
            .cursor
            .set(Some((inner.x, inner.y + (r - offset) as u16)));
    }
    let highlight: Style = if focused { t.selected } else { t.selected_dim };
    let key_ws: Vec<usize> = groups.iter().map(|g| key_width(ctx, &g.items)).collect();
    let items: Vec<ListItem> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|&(r, gi)| match r {
            None => ListItem::new(Line::styled(
                {
                    let g = &groups[gi];
                    let count = format!(" ({})", g.items.len());
                    let room = width.saturating_sub(1 + width_of(&count));
                    format!("{}{count}", clip(&g.heading(), room))
                },
                t.title,
            )),
            Some(i) => ListItem::new(related_item(
                ctx,
                flat[i].1,
                width.saturating_sub(1),
                key_ws[flat[i].0],
            )),
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(highlight)
        .highlight_symbol("▌");
    let mut state = ListState::default().with_selected(sel_row.and_then(|r| r.checked_sub(offset)));
    frame.render_stateful_widget(list, area, &mut state);
    // the marks count records, as the title does: a group heading scrolled
    // out of view hides no record
    let (above, shown) = items_in_view(&rows, offset, height);
    super::list::scroll_marks(frame, area, ctx, above, shown, total);
}

/// How many records lie above the `height` rows shown from `offset` and how
/// many are shown, of `rows` (group headings are `None` and not counted).
fn items_in_view(rows: &[(Option<usize>, usize)], offset: usize, height: usize) -> (usize, usize) {
    let records = |r: &[(Option<usize>, usize)]| r.iter().filter(|(i, _)| i.is_some()).count();
    let offset = offset.min(rows.len());
    let end = offset.saturating_add(height).min(rows.len());
    (records(&rows[..offset]), records(&rows[offset..end]))
}

#[cfg(test)]
mod tests {
    use super::items_in_view;

    #[test]
    fn marks_count_records_not_headings() {
        // [H a b] [H c d e] [H f]: 6 records under 3 headings
        let rows: Vec<(Option<usize>, usize)> = vec![
            (None, 0),
            (Some(0), 0),
            (Some(1), 0),
            (None, 1),
            (Some(2), 1),
            (Some(3), 1),
            (Some(4), 1),
            (None, 2),
            (Some(5), 2),
        ];
        // the first 4 rows show a, b (and two headings): 4 records below
        assert_eq!(items_in_view(&rows, 0, 4), (0, 2));
        // rows 3..7 show c, d, e: a and b above, f below
        let (above, shown) = items_in_view(&rows, 3, 4);
        assert_eq!((above, shown), (2, 3));
        assert_eq!(6 - above - shown, 1);
        // every row shown
        assert_eq!(items_in_view(&rows, 0, 20), (0, 6));
        assert_eq!(items_in_view(&rows, 0, 0), (0, 0));
    }
}
