//! The figure as SVG: a standalone document, or the same drawing inline in
//! the HTML page (no namespace declaration, focusable cells).
//!
//! Every element that carries meaning is tagged for readers and tests: a
//! cell is `<g class="cell" data-row data-col data-value data-mark>` with a
//! `rect` (its heat fill), a `text class="v"` (its value) and a
//! `text class="mark"` (its mark glyph); a column header is `<g class="head"
//! data-col>` whose `rect` wears the goal's official colour. Colours are
//! attributes, not CSS, so any renderer draws them.

use std::fmt::Write as _;

use super::Figure;
use super::layout::{
    self, BANNER_H, BODY, CELL_H, CHIP_H, HEADING, Layout, MARGIN, SMALL, SUBTITLE,
};
use super::text::{esc, hex, width};
use crate::matrix::key;
use crate::matrix::{Column, column_goal};
use crate::snapshot::Rgb;

/// The font stack: DejaVu Sans where installed (it has every glyph used),
/// then the usual sans-serif fonts.
pub const FONT: &str = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
/// Main text colour.
pub const INK: Rgb = Rgb(30, 32, 38);
/// Secondary text.
pub const DIM: Rgb = Rgb(85, 90, 99);
/// Whole-goal and partial marks on an empty cell (the light theme's accent).
pub const ACCENT: Rgb = Rgb(0, 92, 175);
/// Disputed marks on an empty cell (the light theme's warning colour).
pub const WARN: Rgb = Rgb(170, 60, 0);
/// Fill of a cell with value 0.
pub const EMPTY: Rgb = Rgb(244, 245, 247);
/// The dot of a cell with no link.
pub const NO_LINK: Rgb = Rgb(160, 164, 171);

/// Whether the SVG is a document of its own or sits in the HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A standalone `.svg` file.
    Document,
    /// Inline in the HTML page.
    Inline,
}

/// The standalone SVG document.
pub fn document(fig: &Figure<'_>) -> String {
    let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    draw(fig, &layout::layout(fig), Mode::Document, &mut o);
    o
}

/// The SVG element for the HTML page.
pub fn inline(fig: &Figure<'_>) -> String {
    let mut o = String::new();
    draw(fig, &layout::layout(fig), Mode::Inline, &mut o);
    o
}

/// One `<text>`: `attrs` are extra attributes, `body` is escaped here.
pub(super) fn text(o: &mut String, x: u32, y: u32, size: u32, fill: Rgb, attrs: &str, body: &str) {
    let _ = writeln!(
        o,
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" fill=\"{}\"{attrs}>{}</text>",
        hex(fill),
        esc(body)
    );
}

fn draw(fig: &Figure<'_>, l: &Layout, mode: Mode, o: &mut String) {
    let (w, h) = (l.width, l.height);
    let title = format!("{} — view: {}", fig.heading(), fig.view_text());
    match mode {
        Mode::Document => {
            let _ = writeln!(
                o,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" role=\"img\" aria-labelledby=\"sdgmap-title\">"
            );
        }
        Mode::Inline => {
            let _ = writeln!(
                o,
                "<svg id=\"matrix\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" role=\"group\" aria-labelledby=\"sdgmap-title\">"
            );
        }
    }
    let _ = writeln!(o, "<title id=\"sdgmap-title\">{}</title>", esc(&title));
    let _ = writeln!(
        o,
        "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>"
    );
    titles(fig, l, o);
    let m = &fig.matrix;
    if m.rows.is_empty() || m.columns.is_empty() {
        text(
            o,
            MARGIN,
            l.gy + BODY + 4,
            BODY,
            DIM,
            "",
            "No Matrix rows or goals in the current view.",
        );
    } else {
        headers(fig, l, o);
        cells(fig, l, mode, o);
        totals(fig, l, o);
    }
    super::legend::draw(fig, l, o);
    for (y, line) in &l.sources {
        text(o, MARGIN, *y, SMALL, DIM, " class=\"sources\"", line);
    }
    o.push_str("</svg>\n");
}

fn titles(fig: &Figure<'_>, l: &Layout, o: &mut String) {
    for (y, line) in &l.heading {
        text(
            o,
            MARGIN,
            *y,
            HEADING,
            INK,
            " font-weight=\"bold\" class=\"heading\"",
            line,
        );
    }
    let (y, _) = &l.view;
    let _ = writeln!(
        o,
        "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"{SUBTITLE}\" fill=\"{}\" class=\"view\">View: <tspan font-weight=\"bold\">{}</tspan></text>",
        hex(INK),
        esc(&fig.view_text())
    );
    for (y, line) in &l.snapshot {
        text(o, MARGIN, *y, SUBTITLE, DIM, " class=\"snapshot\"", line);
    }
}

fn headers(fig: &Figure<'_>, l: &Layout, o: &mut String) {
    let s = fig.s;
    let m = &fig.matrix;
    let cw = l.cell_w;
    let nc = m.columns.len() as u32;
    // the metric, in the corner as on screen
    text(
        o,
        MARGIN,
        l.chips_y + CHIP_H - 10,
        SMALL,
        DIM,
        " class=\"corner\"",
        m.metric.name(),
    );
    if let (Some((base, _)), false) = (l.names, m.columns.is_empty()) {
        for (i, &c) in m.columns.iter().enumerate() {
            let Column::Sdg(n) = c else { continue };
            let Some(g) = s.sdg(n) else { continue };
            let x = l.gx + i as u32 * cw + cw / 2 - 4;
            let _ = writeln!(
                o,
                "<text x=\"{x}\" y=\"{base}\" font-size=\"{SMALL}\" fill=\"{}\" transform=\"rotate(-45 {x} {base})\" class=\"goal-name\">{}</text>",
                hex(INK),
                esc(&g.short_name)
            );
        }
    }
    if let (Some(y), Some(g)) = (l.banner, fig.zoom.and_then(|n| s.sdg(n))) {
        let bw = nc * cw - 2;
        let ink = goal_ink(g.color);
        let full = format!("SDG {} {}", g.number, g.short_name);
        let label = if width(&full, BODY, true) + 16 <= bw {
            full
        } else {
            format!("SDG {}", g.number)
        };
        let _ = writeln!(
            o,
            "<g class=\"banner\" data-goal=\"{}\"><rect x=\"{}\" y=\"{y}\" width=\"{bw}\" height=\"{BANNER_H}\" fill=\"{}\"/>",
            g.number,
            l.gx + 1,
            hex(g.color)
        );
        text(
            o,
            l.gx + 9,
            y + BANNER_H - 8,
            BODY,
            ink,
            " font-weight=\"bold\"",
            &label,
        );
        o.push_str("</g>\n");
    }
    for (i, &c) in m.columns.iter().enumerate() {
        let x = l.gx + i as u32 * cw;
        let color = s.sdg(column_goal(s, c)).map_or(DIM, |g| g.color);
        let _ = writeln!(
            o,
            "<g class=\"head\" data-col=\"{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{CHIP_H}\" fill=\"{}\"/>",
            esc(&fig.column_key(c)),
            esc(&column_title(fig, c)),
            x + 1,
            l.chips_y,
            cw - 2,
            hex(color)
        );
        text(
            o,
            x + cw / 2,
            l.chips_y + CHIP_H - 10,
            BODY,
            goal_ink(color),
            " font-weight=\"bold\" text-anchor=\"middle\"",
            &key::column_label(s, c),
        );
        o.push_str("</g>\n");
    }
    text(
        o,
        l.gx + nc * cw + l.sum_w / 2,
        l.chips_y + CHIP_H - 10,
        BODY,
        INK,
        " font-weight=\"bold\" text-anchor=\"middle\"",
        "Σ",
    );
}

/// A column header's tooltip: the goal's title, or the target's text.
fn column_title(fig: &Figure<'_>, c: Column) -> String {
    let s = fig.s;
    match c {
        Column::Sdg(n) | Column::Goal(n) => s.sdg(n).map_or(String::new(), |g| {
            let whole = if matches!(c, Column::Goal(_)) {
                " (links naming the goal as a whole)"
            } else {
                ""
            };
            format!("SDG {n}: {}{whole}", g.title)
        }),
        Column::Target(t) => {
            let t = s.target(t);
            format!("Target {}: {}", t.code, t.text)
        }
    }
}

fn goal_ink(c: Rgb) -> Rgb {
    if key::dark_ink_on(c) {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    }
}

fn cells(fig: &Figure<'_>, l: &Layout, mode: Mode, o: &mut String) {
    let s = fig.s;
    let m = &fig.matrix;
    let cw = l.cell_w;
    for (r, &row) in m.rows.iter().enumerate() {
        let y = l.gy + r as u32 * CELL_H;
        let _ = writeln!(o, "<g class=\"row\" data-row=\"{}\">", esc(&s.line(row).id));
        text(
            o,
            MARGIN,
            y + CELL_H - 9,
            BODY,
            INK,
            " class=\"row-name\"",
            &key::row_name(s, row),
        );
        for (c, &col) in m.columns.iter().enumerate() {
            let x = l.gx + c as u32 * cw;
            let v = m.value(r, c);
            let level = m.shade(v);
            let fill = key::heat_fill(level).unwrap_or(EMPTY);
            let glyph = key::cell_mark(m, r, c);
            let words = fig.cell_words(r, c);
            let _ = write!(
                o,
                "<g class=\"cell\" data-r=\"{r}\" data-c=\"{c}\" data-row=\"{}\" data-col=\"{}\" data-value=\"{v}\" data-level=\"{level}\" data-mark=\"{}\"",
                esc(&s.line(row).id),
                esc(&fig.column_key(col)),
                glyph.map(String::from).unwrap_or_default()
            );
            if mode == Mode::Inline {
                // the page's script moves focus with the arrow keys
                let tab = if r == 0 && c == 0 { 0 } else { -1 };
                let _ = write!(
                    o,
                    " tabindex=\"{tab}\" role=\"button\" aria-label=\"{}\"",
                    esc(&words)
                );
            }
            let _ = writeln!(o, "><title>{}</title>", esc(&words));
            let _ = writeln!(
                o,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                x + 1,
                y + 1,
                cw - 2,
                CELL_H - 2,
                hex(fill)
            );
            let cx = x + cw / 2;
            let base = y + CELL_H - 9;
            let ink = key::heat_ink(level);
            match (v, glyph) {
                (0, None) => text(o, cx, base, BODY, NO_LINK, " text-anchor=\"middle\"", "·"),
                (0, Some(g)) => {
                    let t = if matches!(g, '?' | '*') { WARN } else { ACCENT };
                    let attrs = " font-weight=\"bold\" text-anchor=\"middle\" class=\"mark\"";
                    text(o, cx, base, BODY + 1, t, attrs, &g.to_string());
                }
                (v, g) => {
                    let vx = if g.is_some() { cx - 4 } else { cx };
                    let attrs = " font-weight=\"bold\" text-anchor=\"middle\" class=\"v\"";
                    text(o, vx, base, BODY, ink, attrs, &v.to_string());
                    if let Some(g) = g {
                        let mx = vx + width(&v.to_string(), BODY, true) / 2 + 5;
                        let attrs = " font-weight=\"bold\" text-anchor=\"middle\" class=\"mark\"";
                        text(o, mx, base, BODY, ink, attrs, &g.to_string());
                    }
                }
            }
            o.push_str("</g>\n");
        }
        let sx = l.gx + m.columns.len() as u32 * cw + l.sum_w - 12;
        text(
            o,
            sx,
            y + CELL_H - 9,
            SMALL + 1,
            INK,
            " text-anchor=\"end\" class=\"row-total\"",
            &key::row_total(m, r),
        );
        o.push_str("</g>\n");
    }
}

fn totals(fig: &Figure<'_>, l: &Layout, o: &mut String) {
    let m = &fig.matrix;
    let cw = l.cell_w;
    let y = l.totals_y + CELL_H - 9;
    let _ = writeln!(
        o,
        "<line x1=\"{MARGIN}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
        l.totals_y + 2,
        l.gx + m.columns.len() as u32 * cw + l.sum_w,
        l.totals_y + 2,
        hex(NO_LINK)
    );
    text(
        o,
        l.gx - 10,
        y,
        BODY,
        INK,
        " font-weight=\"bold\" text-anchor=\"end\"",
        "Σ",
    );
    for c in 0..m.columns.len() {
        let x = l.gx + c as u32 * cw + cw / 2;
        let attrs = format!(" text-anchor=\"middle\" class=\"column-total\" data-c=\"{c}\"");
        text(o, x, y, SMALL + 1, INK, &attrs, &key::column_total(m, c));
    }
}
