//! The text of the matrix's pieces: a cell, a total, a row name, a column
//! header, and the line that says the focused cell in words.
//!
//! A cell is its value right-aligned, then one mark slot (`•` whole goal,
//! `~` partial, `?` disputed, `*` also disputed, or the `--compare`
//! change), with the shading glyph in front when there is room. Every cell
//! starts with a glyph or a space and ends with a mark or a space, so two
//! numbers are never glued together.

use ratatui::style::{Modifier, Style};

use super::model::Matrix as Screen;
use crate::matrix::{Column, Mark, Matrix, cell_content, column_goal, key};
use crate::snapshot::{LineId, Snapshot};
use crate::tui::compare::change_mark;
use crate::tui::ctx::Ctx;
use crate::tui::text::{clip, right, width};
use crate::tui::theme::SHADES;

/// The Matrix screen and the context it is drawn in.
type St<'a> = (&'a Screen, &'a Ctx);

/// The mark of a cell: its link kind or `*` beside a disputed link; where
/// it has none, the change since `--compare` (a changed cell is drawn
/// reversed too, so a change never hides the link's status).
fn mark(st: St, r: usize, c: usize) -> Option<char> {
    key::cell_mark(&st.0.grid, r, c).or_else(|| change(st, r, c).map(change_mark))
}

fn change(st: St, r: usize, c: usize) -> Option<crate::diff::ChangeKind> {
    let (g, ctx) = (&st.0.grid, st.1);
    let cmp = ctx.compare.as_ref()?;
    match g.columns.get(c) {
        Some(Column::Sdg(n)) => g
            .rows
            .get(r)
            .and_then(|&row| cmp.cell_change(&ctx.snap, row, *n)),
        _ => None,
    }
}

/// The text and style of cell (r, c), `cw` wide.
pub fn cell(st: St, r: usize, c: usize, cw: usize, glyphs: bool) -> (String, Style) {
    let (screen, ctx) = st;
    let g = &screen.grid;
    let t = &ctx.theme;
    let v = g.value(r, c);
    let m = g.mark(r, c);
    let mk = mark(st, r, c);
    let level = g.shade(v);
    let value = (v > 0).then(|| v.to_string());
    let body = match (&value, mk) {
        (None, None) => center("·", cw),
        (None, Some(ch)) => center(&ch.to_string(), cw),
        (Some(num), _) => {
            let mark = mk.unwrap_or(' ');
            let digits = num.len().max(2);
            let core = if glyphs {
                format!("{}{}{mark}", SHADES[level], right(num, digits))
            } else {
                format!("{}{mark}", right(num, digits))
            };
            if glyphs && width(&core) + 1 < cw {
                center(&core, cw)
            } else {
                right(&core, cw)
            }
        }
    };
    let mut style = t.heat[level];
    if v == 0 {
        style = match (mk, m) {
            (None, _) => t.dim,
            (_, Mark::Disputed) => t.warn,
            _ => t.accent,
        };
    }
    if change(st, r, c).is_some() {
        style = style.add_modifier(Modifier::BOLD | Modifier::REVERSED);
    }
    if r == screen.row && c == screen.col {
        style = t.selected;
    } else if r == screen.row || c == screen.col {
        style = style.patch(t.crosshair);
    } else if ctx.presenting {
        style = t.dim; // spotlight
    }
    (body, style)
}

/// A row's Σ: distinct targets (or activities), and `+N•` for goals the row
/// links as a whole.
pub fn row_total(g: &Matrix, r: usize) -> String {
    key::row_total(g, r)
}

/// A column's Σ, `cw` wide: distinct targets (or activities), with `+N•`
/// for rows linking the goal as a whole where every column has room for
/// it (`long`), else the number alone (the `•` cells above show them).
/// Centred under wide cells (whose values are centred), right-aligned
/// under narrow ones.
pub fn column_total(g: &Matrix, c: usize, cw: usize, long: bool, centred: bool) -> String {
    let t = g.column_totals.get(c).copied().unwrap_or(0);
    let text = match g.column_goals.get(c).copied().unwrap_or(0) {
        n if n > 0 && long => key::column_total(g, c),
        _ if centred => t.to_string(),
        _ => format!("{t} "),
    };
    if centred {
        center(&text, cw)
    } else {
        right(&text, cw)
    }
}

/// Whether every column's `+N•` total fits in `cw` with a space before it.
pub fn long_totals(g: &Matrix, cw: usize) -> bool {
    (0..g.columns.len()).all(|c| {
        let t = g.column_totals.get(c).copied().unwrap_or(0);
        match g.column_goals.get(c).copied().unwrap_or(0) {
            0 => true,
            n => width(&format!("{t}+{n}•")) < cw,
        }
    })
}

/// `C2 Infrastructure`, `C7 E-health`: a row's full name.
pub fn row_name(s: &Snapshot, row: LineId) -> String {
    key::row_name(s, row)
}

/// A row's name for a column `w` wide (a space on each side included).
pub fn row_label(s: &Snapshot, row: LineId, w: usize) -> String {
    let name = clip(&row_name(s, row), w.saturating_sub(2));
    format!(" {name:<w$}", w = w.saturating_sub(1))
}

/// A column's header.
pub fn col_label(s: &Snapshot, c: Column) -> String {
    key::column_label(s, c)
}

/// `s` centred in `w` columns (clipped when longer).
pub fn center(s: &str, w: usize) -> String {
    let len = width(s);
    if len >= w {
        return clip(s, w);
    }
    let left = (w - len) / 2;
    format!("{}{s}{}", " ".repeat(left), " ".repeat(w - len - left))
}

/// "C2 × SDG 9 — 3 targets: 9.1, 9.a, 9.c — 6 activities (+5
/// cross-cutting)": the focused cell in words, read from the same
/// [`cell_content`] as its number and drill-down (counting indicators,
/// "4 indicators: 9.1.1, 9.1.2, 9.a.1, 9.c.1" leads).
pub fn describe(m: &Screen, ctx: &Ctx) -> String {
    let g = &m.grid;
    let s = &ctx.snap;
    let (Some(&row), Some(&col)) = (g.rows.get(m.row), g.columns.get(m.col)) else {
        return String::new();
    };
    let goal = column_goal(s, col);
    let line = &s.line(row).id;
    let head = match col {
        Column::Sdg(n) => format!("{line} × SDG {n}"),
        Column::Goal(n) => format!("{line} × SDG {n} as a whole"),
        Column::Target(t) => format!("{line} × target {}", s.target(t).code),
    };
    let cell = cell_content(s, ctx.sel(), row, col);
    let mut parts = vec![head];
    if cell.links.is_empty() {
        let outside = s.index().links_at(row, goal).len();
        parts.push(match col {
            Column::Sdg(_) if outside > 0 => {
                format!("no Matrix link in this view ({outside} outside it)")
            }
            _ => "no Matrix link".into(),
        });
    }
    if cell.whole_goal {
        parts.push("whole goal".into());
    }
    // counting indicators, they come first: they are the cell's number
    if m.metric == crate::matrix::Metric::Indicators && !cell.indicators.is_empty() {
        let is: Vec<&str> = cell
            .indicators
            .iter()
            .map(|&i| s.indicator(i).code.as_str())
            .collect();
        let n = is.len();
        parts.push(format!(
            "{n} indicator{}: {}",
            if n == 1 { "" } else { "s" },
            is.join(", ")
        ));
    }
    if !cell.targets.is_empty() && !matches!(col, Column::Target(_)) {
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
        if status == crate::snapshot::LinkStatus::Confirmed {
            continue;
        }
        let mut p = format!("{} link", crate::view::status_name(status));
        if status == crate::snapshot::LinkStatus::Disputed && !cell.disputed_targets.is_empty() {
            let ts: Vec<&str> = cell
                .disputed_targets
                .iter()
                .map(|&t| s.target(t).code.as_str())
                .collect();
            p.push_str(&format!(" (not counted: {})", ts.join(", ")));
        }
        parts.push(p);
    }
    if let Some(cmp) = &ctx.compare
        && let Some(k) = cmp.cell_change(s, row, goal)
    {
        parts.push(format!(
            "{} since {}",
            format!("{k:?}").to_lowercase(),
            cmp.name
        ));
    }
    let acts = cell.activities.len();
    let mut a = format!("{acts} activit{}", if acts == 1 { "y" } else { "ies" });
    if !cell.cross_cutting.is_empty() {
        a.push_str(&format!(" (+{} cross-cutting)", cell.cross_cutting.len()));
    }
    parts.push(a);
    parts.join(" — ")
}
