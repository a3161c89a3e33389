//! Drawing the Matrix screen: Action Line rows × SDG columns as a heatmap.
//!
//! Each cell shows its value and a link mark (and, with room, a shading
//! glyph), so it reads in mono; colour (viridis) adds to it. The focused
//! cell's row and column are highlighted as a crosshair, and the line under
//! the grid says the cell in words. Where the terminal is too small for
//! everything, [`layout`](super::layout) decides what gives way, and
//! whatever is hidden is marked (`‹3`, `›4`, `↓ 5`). With room to spare,
//! the cell's card fills the rest.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::cells::{
    self, center, col_label, column_total, describe, row_label, row_name, row_total,
};
use super::layout;
use super::model::Matrix;
use crate::matrix::column_goal;
use crate::matrix::key::Tone;
use crate::tui::ctx::Ctx;
use crate::tui::layout::{Hit, Pane};
use crate::tui::text::{Item, clip, fit, fit_items, width};

/// Draws the matrix screen of `m`.
pub fn render_matrix(frame: &mut Frame, area: Rect, m: &Matrix, ctx: &Ctx) {
    let st = (m, ctx);
    let g = &m.grid;
    let t = &ctx.theme;
    let s = &ctx.snap;
    let (nr, nc) = (g.rows.len(), g.columns.len());
    if nr == 0 || nc == 0 {
        let msg = Paragraph::new("No Matrix rows or goals in the current view.").style(t.dim);
        frame.render_widget(msg, area);
        return;
    }
    // the presenter's heading already says the cell in words
    let below = if ctx.presenting { 1 } else { 2 };
    let label_full = g
        .rows
        .iter()
        .map(|&r| width(&row_name(s, r)))
        .max()
        .unwrap_or(8);
    let grid = layout::layout(layout::Input {
        width: area.width as usize,
        height: area.height as usize,
        rows: nr,
        cols: nc,
        label_full: label_full + 1,
        label_min: 10.min(label_full + 1),
        head_w: g
            .columns
            .iter()
            .map(|&c| width(&col_label(s, c)))
            .max()
            .unwrap_or(1),
        value_w: g.max.max(1).to_string().len(),
        sum_w: (0..nr).map(|r| width(&row_total(g, r))).max().unwrap_or(1),
        below,
        cursor: (m.row, m.col),
    });
    let (first_col, n_cols) = grid.cols;
    let (first_row, n_rows) = grid.rows;
    let cw = grid.cell_w;
    m.page.set(n_rows);
    let line_at = |y: u16| Rect {
        x: area.x,
        y,
        width: area.width,
        height: 1,
    };

    // column headers, with marks for columns out of view
    let mut y = area.y;
    // the metric's name, or its one word where the name would be cut
    let name = if width(m.metric.name()) + 2 <= grid.label_w {
        m.metric.name()
    } else {
        m.metric.key()
    };
    let head_label = if first_col > 0 {
        format!("‹{first_col} {name}")
    } else {
        name.to_string()
    };
    let mut head = vec![Span::styled(
        fit(&format!(" {head_label}"), grid.label_w),
        t.dim,
    )];
    for c in first_col..first_col + n_cols {
        let goal = column_goal(s, g.columns[c]);
        let style = if c == m.col {
            t.selected
        } else {
            s.sdg(goal).map_or(t.title, |sdg| t.goal(sdg.color))
        };
        head.push(Span::styled(center(&col_label(s, g.columns[c]), cw), style));
    }
    let hidden_right = nc - first_col - n_cols;
    if grid.more_w > 0 {
        let more = if hidden_right > 0 {
            format!("›{hidden_right}")
        } else {
            String::new()
        };
        head.push(Span::styled(fit(&more, grid.more_w), t.accent));
    }
    head.push(Span::styled(format!("{:>w$}", "Σ", w = grid.sum_w), t.dim));
    frame.render_widget(Paragraph::new(Line::from(head)), line_at(y));
    y += 1;

    for r in first_row..first_row + n_rows {
        let row = g.rows[r];
        let label_style = if r == m.row {
            t.selected
        } else if ctx.presenting {
            t.dim // spotlight: only the focused row and column stay lit
        } else {
            t.title
        };
        let mut spans = vec![Span::styled(row_label(s, row, grid.label_w), label_style)];
        for c in first_col..first_col + n_cols {
            let (text, style) = cells::cell(st, r, c, cw, grid.glyphs);
            let x = area.x + (grid.label_w + (c - first_col) * cw) as u16;
            ctx.layout.push_hit(
                Rect {
                    x,
                    y,
                    width: cw as u16,
                    height: 1,
                },
                Hit::Cell(r, c),
            );
            if r == m.row && c == m.col {
                ctx.layout.cursor.set(Some((x, y)));
            }
            spans.push(Span::styled(text, style));
        }
        if grid.more_w > 0 {
            spans.push(Span::raw(" ".repeat(grid.more_w)));
        }
        spans.push(Span::styled(
            format!("{:>w$}", row_total(g, r), w = grid.sum_w),
            t.dim,
        ));
        frame.render_widget(Paragraph::new(Line::from(spans)), line_at(y));
        y += 1;
    }

    // column totals, with marks for rows out of view
    let above = first_row;
    let under = nr - first_row - n_rows;
    let mut sum_label = String::from(" Σ");
    if above > 0 {
        sum_label.push_str(&format!(" ↑{above}"));
    }
    if under > 0 {
        sum_label.push_str(&format!(" ↓{under} more"));
    }
    let mut tot = vec![Span::styled(
        fit(&sum_label, grid.label_w),
        if above + under > 0 { t.accent } else { t.dim },
    )];
    let long = cells::long_totals(g, cw);
    for c in first_col..first_col + n_cols {
        tot.push(Span::styled(
            column_total(g, c, cw, long, grid.glyphs),
            t.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(tot)), line_at(y));
    y += 1;

    let rest = Rect {
        x: area.x,
        y,
        width: area.width,
        height: area.bottom().saturating_sub(y),
    };
    render_below(frame, rest, m, ctx, (grid.legend, grid.glyphs));
}

/// The cell line, the legend and (with room) the cell's card.
fn render_below(
    frame: &mut Frame,
    area: Rect,
    m: &Matrix,
    ctx: &Ctx,
    (legend, glyphs): (bool, bool),
) {
    let t = &ctx.theme;
    let w = area.width as usize;
    let mut y = area.y;
    if !ctx.presenting && area.height > 0 {
        let desc = clip(&format!(" {}", describe(m, ctx)), w);
        frame.render_widget(
            Paragraph::new(Line::styled(desc, t.title)),
            Rect { height: 1, ..area },
        );
        y += 1;
    }
    if legend && y < area.bottom() {
        frame.render_widget(
            Paragraph::new(legend_line(m, ctx, w, glyphs)),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        y += 1;
    }
    let body = Rect {
        y,
        height: area.bottom().saturating_sub(y),
        ..area
    };
    if body.height >= 5
        && !ctx.presenting
        && let Some(e) = m.cell(ctx)
    {
        crate::tui::ui::cards::render_card(
            frame,
            body,
            ctx,
            e,
            &card_title(m, ctx),
            Some(&m.card),
            m.pane == Pane::Card,
        );
    }
}

/// The cell card's title: zoomed into a goal, the card (and `Enter`) is the
/// whole cell, not the target column the cursor is on, and says so.
fn card_title(m: &Matrix, ctx: &Ctx) -> String {
    match m.zoom {
        Some(n) => {
            let row = m
                .grid
                .rows
                .get(m.row)
                .map(|&l| ctx.snap.line(l).id.as_str());
            format!(
                "the whole {} × SDG {n} cell, all its targets — Enter to drill in",
                row.unwrap_or("")
            )
        }
        None => "cell details — Enter to drill in, Tab to scroll".into(),
    }
}

/// What the glyphs and marks mean, the least needed parts dropped first.
fn legend_line(m: &Matrix, ctx: &Ctx, width: usize, glyphs: bool) -> Line<'static> {
    let t = &ctx.theme;
    let g = &m.grid;
    let key = |k: &str, kst, what: &str| {
        Item::spans(
            0,
            vec![
                Span::styled(k.to_string(), kst),
                Span::styled(format!(" {what}"), t.dim),
            ],
        )
    };
    let mut items: Vec<Item> = crate::matrix::key::legend(g, ctx.sel().cross_cutting())
        .into_iter()
        .map(|mut i| {
            // no shading glyphs drawn (a narrow grid): the numbers are the key
            if i.tone == Tone::Scale && !glyphs {
                i.key = "n".into();
            }
            let kst = match i.tone {
                Tone::Scale => t.dim,
                Tone::Accent => t.accent,
                Tone::Warn => t.warn,
            };
            let mut item = key(&i.key, kst, &i.text);
            item.priority = i.priority;
            item
        })
        .collect();
    if let Some(c) = &ctx.compare {
        let mut i = Item::new(
            8,
            format!("+ − ± or reversed: changed since {}", c.name),
            t.warn,
        );
        i.priority = 8;
        items.push(i);
    }
    let mut line = fit_items(&items, Span::raw("  "), width.saturating_sub(1));
    line.spans.insert(0, Span::raw(" "));
    line
}
