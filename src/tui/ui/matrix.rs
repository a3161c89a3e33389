//! The Matrix screen: Action Line rows × SDG columns as a heatmap.
//!
//! Each cell shows a shading glyph (` ░▒▓█`), its value and a link mark, so
//! it reads in mono; colour (viridis) adds to it. The focused cell's row and
//! column are highlighted as a crosshair, and the line under the grid says
//! the cell in words. With room to spare, the cell's details fill the rest.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::details::card_lines;
use super::text::{clip, fit};
use crate::matrix::{Column, Mark, Metric, cell_content, column_goal};
use crate::tui::lifecycle;
use crate::tui::state::{Hit, State};
use crate::tui::theme::SHADES;

/// Draws the matrix screen.
pub fn render_matrix(frame: &mut Frame, area: Rect, st: &State) {
    let g = &st.grid;
    let t = &st.theme;
    let s = &st.snap;
    let (nr, nc) = (g.rows.len(), g.columns.len());
    if nr == 0 || nc == 0 {
        let msg = Paragraph::new("No Matrix rows or goals in the current view.").style(t.dim);
        frame.render_widget(msg, area);
        return;
    }
    let total_w: u16 = 4;
    let digits = g.max.max(1).to_string().len() as u16;
    let cw: u16 = match st.zoom {
        Some(_) => g
            .columns
            .iter()
            .map(|c| col_label(st, *c).chars().count() as u16 + 1)
            .max()
            .unwrap_or(3),
        None => digits + 2,
    }
    .max(3);
    let room = area.width.saturating_sub(1 + total_w);
    let label_w = room.saturating_sub(nc as u16 * cw).clamp(7, 24);
    let cw = ((room.saturating_sub(label_w)) / nc as u16).clamp(cw, 8);
    // rows that fit: header + rows + totals + description (+ legend)
    let avail = area.height.saturating_sub(3) as usize;
    let visible = nr.min(avail.max(1));
    let offset = if st.mrow >= visible {
        st.mrow + 1 - visible
    } else {
        0
    };
    let first_col = {
        let fit_cols = ((area.width.saturating_sub(label_w + total_w + 1)) / cw).max(1) as usize;
        if st.mcol >= fit_cols {
            st.mcol + 1 - fit_cols
        } else {
            0
        }
    };
    let fit_cols = (((area.width.saturating_sub(label_w + total_w + 1)) / cw).max(1) as usize)
        .min(nc - first_col);
    st.layout.page.set(visible);

    let x0 = area.x + label_w + 1;
    let mut y = area.y;
    // column headers
    let mut head = vec![Span::styled(
        fit(&format!(" {}", st.metric.name()), label_w as usize + 1),
        t.dim,
    )];
    for c in first_col..first_col + fit_cols {
        let label = col_label(st, g.columns[c]);
        let goal = col_goal(st, g.columns[c]);
        let mut style = s.sdg(goal).map_or(t.title, |sdg| t.goal(sdg.color));
        if c == st.mcol {
            style = t.selected;
        }
        head.push(Span::styled(center(&label, cw as usize), style));
    }
    head.push(Span::styled(format!("{:>4}", "Σ"), t.dim));
    frame.render_widget(Paragraph::new(Line::from(head)), Rect { height: 1, ..area });
    y += 1;

    let mut hits = st.layout.hits.borrow_mut();
    for r in offset..offset + visible {
        let line = s.line(g.rows[r]);
        let label_style = if r == st.mrow {
            t.selected
        } else if st.presenter.on {
            t.dim // spotlight: only the focused row and column stay lit
        } else {
            t.title
        };
        let label = format!(
            " {}",
            row_label(&line.id, &line.short_name, label_w as usize)
        );
        let mut spans = vec![
            Span::styled(fit(&label, label_w as usize), label_style),
            Span::raw(" "),
        ];
        for c in first_col..first_col + fit_cols {
            let (text, style) = cell(st, r, c, cw as usize);
            let x = x0 + ((c - first_col) as u16) * cw;
            hits.push((
                Rect {
                    x,
                    y,
                    width: cw,
                    height: 1,
                },
                Hit::Cell(r, c),
            ));
            if r == st.mrow && c == st.mcol {
                st.layout.cursor.set(Some((x, y)));
            }
            spans.push(Span::styled(text, style));
        }
        spans.push(Span::styled(format!("{:>4}", g.row_totals[r]), t.dim));
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                x: area.x,
                y,
                width: area.width,
                height: 1,
            },
        );
        y += 1;
    }
    // column totals
    let mut tot = vec![Span::styled(fit(" Σ", label_w as usize + 1), t.dim)];
    for c in first_col..first_col + fit_cols {
        tot.push(Span::styled(
            format!("{:>w$} ", g.column_totals[c], w = cw as usize - 1),
            t.dim,
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(tot)),
        Rect {
            x: area.x,
            y,
            width: area.width,
            height: 1,
        },
    );
    y += 1;
    drop(hits);

    let rest = Rect {
        x: area.x,
        y,
        width: area.width,
        height: area.bottom().saturating_sub(y),
    };
    render_below(frame, rest, st);
}

/// The cell description, legend and (with room) the cell's details.
fn render_below(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    if area.height == 0 {
        return;
    }
    let desc = Line::from(Span::styled(format!(" {}", describe(st)), t.title));
    frame.render_widget(Paragraph::new(desc), Rect { height: 1, ..area });
    if area.height < 2 {
        return;
    }
    let legend = Line::from(vec![
        Span::styled(" ░▒▓█", t.dim),
        Span::styled(format!(" {}  ", st.metric.name()), t.dim),
        Span::styled("•", t.accent),
        Span::styled(" whole goal  ", t.dim),
        Span::styled("~", t.accent),
        Span::styled(" partial  ", t.dim),
        Span::styled("?", t.warn),
        Span::styled(" disputed  ", t.dim),
        Span::styled("*", t.warn),
        Span::styled(" also disputed", t.dim),
    ]);
    let legend = match &st.compare {
        Some(c) => {
            let mut l = legend;
            l.spans.push(Span::styled(
                format!("   + − ± changed since {}", c.name),
                t.warn,
            ));
            l
        }
        None => legend,
    };
    frame.render_widget(
        Paragraph::new(legend),
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
    );
    if area.height < 6 {
        return;
    }
    if let Some(e) = st.selected() {
        let body = Rect {
            y: area.y + 2,
            height: area.height - 2,
            ..area
        };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(t.border)
            .title(Span::styled(" cell details (Enter to drill in) ", t.dim));
        let lines = card_lines(st, e, body.width.saturating_sub(2) as usize);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            body,
        );
    }
}

/// "C2 × SDG 9 — 3 targets: 9.1, 9.a, 9.c — 4 activities": the cell in
/// words, read from the same [`cell_content`] as its number and drill-down.
pub fn describe(st: &State) -> String {
    let g = &st.grid;
    let s = &st.snap;
    let (Some(&row), Some(&col)) = (g.rows.get(st.mrow), g.columns.get(st.mcol)) else {
        return String::new();
    };
    let goal = column_goal(s, col);
    let line = &s.line(row).id;
    let head = match col {
        Column::Sdg(n) => format!("{line} × SDG {n}"),
        Column::Goal(n) => format!("{line} × SDG {n} as a whole"),
        Column::Target(t) => format!("{line} × target {}", s.target(t).code),
    };
    let cell = cell_content(s, &st.sel, row, col);
    let mut parts = vec![head];
    if cell.links.is_empty() {
        let hidden = s.index().links_at(row, goal).len();
        parts.push(if hidden > 0 && !matches!(col, Column::Target(_)) {
            format!("no Matrix link in this view ({hidden} outside it)")
        } else {
            "no Matrix link".into()
        });
    }
    if cell.whole_goal {
        parts.push("whole goal".into());
    }
    if !cell.targets.is_empty() {
        let ts: Vec<&str> = cell
            .targets
            .iter()
            .map(|&t| s.target(t).code.as_str())
            .collect();
        let n = ts.len();
        parts.push(format!(
            "{n} target{}: {}",
            if n == 1 { "" } else { "s" },
            ts.join(", ")
        ));
    }
    for &k in &cell.links {
        let status = s.link(k).status;
        if status != crate::snapshot::LinkStatus::Confirmed {
            let what = if status == crate::snapshot::LinkStatus::Disputed
                && !cell.disputed_targets.is_empty()
            {
                let ts: Vec<&str> = cell
                    .disputed_targets
                    .iter()
                    .map(|&t| s.target(t).code.as_str())
                    .collect();
                format!(" (not counted: {})", ts.join(", "))
            } else {
                String::new()
            };
            parts.push(format!("{} link{what}", crate::view::status_name(status)));
        }
    }
    if let Some(k) = lifecycle::cell_change(st, row, goal) {
        let name = st.compare.as_ref().map_or("", |c| c.name.as_str());
        parts.push(format!("{} since {name}", format!("{k:?}").to_lowercase()));
    }
    let acts = cell.activities.len();
    let mut a = format!("{acts} activit{}", if acts == 1 { "y" } else { "ies" });
    if !cell.cross_cutting.is_empty() {
        a.push_str(&format!(" (+{} cross-cutting)", cell.cross_cutting.len()));
    }
    parts.push(a);
    parts.join(" — ")
}

fn cell(st: &State, r: usize, c: usize, cw: usize) -> (String, Style) {
    let g = &st.grid;
    let t = &st.theme;
    let v = g.value(r, c);
    let mark = g.mark(r, c);
    let level = g.shade(v);
    let mark_ch = match mark {
        Mark::None => ' ',
        Mark::Confirmed => ' ',
        Mark::GoalLevel => '•',
        Mark::Partial => '~',
        Mark::Disputed => '?',
    };
    let mark_ch = if mark_ch == ' ' && g.has_disputed(r, c) && mark != Mark::Disputed {
        '*'
    } else {
        mark_ch
    };
    // --compare: the cell's change since the older snapshot takes the mark's place
    let change = match g.columns.get(c) {
        Some(Column::Sdg(n)) => g
            .rows
            .get(r)
            .and_then(|&row| lifecycle::cell_change(st, row, *n)),
        _ => None,
    };
    let mark_ch = change.map_or(mark_ch, lifecycle::change_mark);
    let body = if v == 0 && mark == Mark::None && change.is_none() {
        center("·", cw)
    } else if v == 0 && (mark == Mark::None || st.metric == Metric::Targets) {
        // no value to show: the mark alone (a link, or a change since --compare)
        center(&mark_ch.to_string(), cw)
    } else {
        let num = v.to_string();
        // glyph, value and mark kept together: right-aligned in narrow
        // cells, centred in wide ones (so columns read as columns)
        let digits = 2.max(num.len());
        let inner = cw.saturating_sub(2);
        let body = format!(
            "{}{:>w$}{}",
            SHADES[level],
            clip(&num, inner),
            mark_ch,
            w = digits.min(inner)
        );
        if cw > digits + 3 {
            center(&body, cw)
        } else {
            format!("{}{:>inner$}{}", SHADES[level], clip(&num, inner), mark_ch)
        }
    };
    let mut style = t.heat[level];
    if v == 0 {
        style = if mark == Mark::None { t.dim } else { t.accent };
        if mark == Mark::Disputed {
            style = t.warn;
        }
    }
    if change.is_some() {
        style =
            style.add_modifier(ratatui::style::Modifier::BOLD | ratatui::style::Modifier::REVERSED);
    }
    if r == st.mrow && c == st.mcol {
        style = t.selected;
    } else if r == st.mrow || c == st.mcol {
        style = style.patch(t.crosshair);
    } else if st.presenter.on {
        style = t.dim; // spotlight
    }
    (body, style)
}

fn col_goal(st: &State, c: Column) -> u8 {
    column_goal(&st.snap, c)
}

fn col_label(st: &State, c: Column) -> String {
    match c {
        Column::Sdg(n) => n.to_string(),
        Column::Goal(_) => "•".to_string(),
        Column::Target(t) => st.snap.target(t).code.clone(),
    }
}

/// `C2 Infrastructure`, or the sub-line's short name for C7 sub-lines.
fn row_label(id: &str, short: &str, width: usize) -> String {
    let label = match id.strip_prefix("C7-") {
        Some(sub) if width < 14 => sub.to_string(),
        Some(_) => format!("C7 {short}"),
        None => format!("{id} {short}"),
    };
    clip(&label, width.saturating_sub(1))
}

fn center(s: &str, w: usize) -> String {
    let len = s.chars().count();
    if len >= w {
        return clip(s, w);
    }
    let left = (w - len) / 2;
    format!("{}{s}{}", " ".repeat(left), " ".repeat(w - len - left))
}
