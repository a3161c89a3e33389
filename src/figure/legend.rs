//! The figure's legend in SVG: the heat scale as four swatches labelled
//! with the values each level stands for in this grid (where the screen
//! shows the shading glyphs `░▒▓█`), then every mark and note of
//! [`key::legend`] with the screen's words.

use std::fmt::Write as _;

use super::Figure;
use super::layout::{BODY, Layout, MARGIN, SMALL, SWATCH_W};
use super::svg::{ACCENT, DIM, EMPTY, INK, WARN, text};
use super::text::{hex, width};
use crate::matrix::key::{self, Tone};
use crate::snapshot::Rgb;

fn tone(t: Tone) -> Rgb {
    match t {
        Tone::Scale => DIM,
        Tone::Accent => ACCENT,
        Tone::Warn => WARN,
    }
}

/// Draws the legend: the scale's swatches with the values each stands
/// for, then the marks and notes of [`key::legend`], in the rows the
/// layout gave them.
pub(super) fn draw(fig: &Figure<'_>, l: &Layout, o: &mut String) {
    let m = &fig.matrix;
    let items = key::legend(m, fig.sel.cross_cutting());
    let y = l.scale_y;
    let _ = writeln!(o, "<g class=\"legend\">");
    // a swatch per level that holds values, labelled with them
    let mut x = MARGIN;
    for (i, range) in key::scale_ranges(m).iter().enumerate() {
        let Some((lo, hi)) = *range else { continue };
        let level = i + 1;
        let label = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        let w = SWATCH_W.max(width(&label, SMALL + 1, true) + 12);
        let fill = key::heat_fill(level).unwrap_or(EMPTY);
        let _ = writeln!(
            o,
            "<g class=\"swatch\" data-level=\"{level}\"><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"24\" fill=\"{}\"/>",
            hex(fill)
        );
        let attrs = " font-weight=\"bold\" text-anchor=\"middle\"";
        let ink = key::heat_ink(level);
        text(o, x + w / 2, y + 17, SMALL + 1, ink, attrs, &label);
        o.push_str("</g>\n");
        x += w;
    }
    if let Some(scale) = items.iter().find(|i| i.tone == Tone::Scale) {
        let what = if m.max == 0 {
            format!("{} per cell: none in this view", scale.text)
        } else {
            format!("{} per cell", scale.text)
        };
        text(o, x + 10, y + 17, BODY, INK, "", &what);
    }
    for (ry, row) in &l.legend {
        for &(x, i) in row {
            let Some(item) = items.get(i) else { continue };
            let kx = x;
            let tx = x + width(&item.key, BODY, true) + 6;
            let _ = writeln!(o, "<g class=\"legend-item\">");
            text(
                o,
                kx,
                ry + 16,
                BODY,
                tone(item.tone),
                " font-weight=\"bold\"",
                &item.key,
            );
            text(o, tx, ry + 16, BODY, INK, "", &item.text);
            o.push_str("</g>\n");
        }
    }
    o.push_str("</g>\n");
}
