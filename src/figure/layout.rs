//! Where everything of a figure goes: the title block, the column headers,
//! the grid with its Σ column and row, the legend and the sources.
//!
//! Sizes come from the data (the longest row name, the widest value or
//! total, the goal names) through the width estimates of [`super::text`],
//! in whole pixels so the output is the same on every machine. The grid
//! sets the figure's width; the text blocks wrap to it.

use super::Figure;
use super::text::{width, wrap};
use crate::matrix::{Column, key};

/// Space around the figure and between its blocks.
pub const MARGIN: u32 = 24;
/// Font sizes: heading, title lines, row labels and values, small print.
pub const HEADING: u32 = 20;
/// Size of the view and snapshot lines.
pub const SUBTITLE: u32 = 13;
/// Size of row labels, values and legend text.
pub const BODY: u32 = 13;
/// Size of totals, goal names and the sources.
pub const SMALL: u32 = 11;
/// Height of a grid row.
pub const CELL_H: u32 = 28;
/// Height of the goal-colour chips over the columns.
pub const CHIP_H: u32 = 30;
/// Height of a zoom's goal banner.
pub const BANNER_H: u32 = 26;
/// Width of a heat-scale swatch in the legend.
pub const SWATCH_W: u32 = 48;

/// A line of text and the y of its baseline.
pub type Placed = (u32, String);

/// A legend entry placed in its row: x of its key, index into the legend.
pub type LegendSlot = (u32, usize);

/// The geometry of one figure.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Figure width.
    pub width: u32,
    /// Figure height.
    pub height: u32,
    /// The heading's lines.
    pub heading: Vec<Placed>,
    /// The view line.
    pub view: Placed,
    /// The snapshot line(s).
    pub snapshot: Vec<Placed>,
    /// Baseline of the rotated goal names (unzoomed), their longest width.
    pub names: Option<(u32, u32)>,
    /// Top of a zoom's goal banner.
    pub banner: Option<u32>,
    /// Top of the column chips.
    pub chips_y: u32,
    /// Width of a cell.
    pub cell_w: u32,
    /// Width of the Σ column.
    pub sum_w: u32,
    /// Left edge of the cells.
    pub gx: u32,
    /// Top of the first row.
    pub gy: u32,
    /// Top of the Σ row under the grid.
    pub totals_y: u32,
    /// Top of the legend's scale row.
    pub scale_y: u32,
    /// The legend's other entries, by row: the row's top and its slots.
    pub legend: Vec<(u32, Vec<LegendSlot>)>,
    /// The sources block.
    pub sources: Vec<Placed>,
}

/// Width of a legend entry (its key, a gap, its text).
pub fn legend_item_w(item: &key::LegendItem) -> u32 {
    width(&item.key, BODY, true) + 6 + width(&item.text, BODY, false)
}

/// The snapshot line's text.
pub fn snapshot_text(fig: &Figure<'_>) -> String {
    let meta = fig.s.meta();
    format!("Snapshot: {}, {}", meta.title, meta.snapshot_date)
}

/// The sources line's text.
pub fn sources_text(fig: &Figure<'_>) -> String {
    let titles: Vec<String> = fig
        .sources()
        .into_iter()
        .map(|id| fig.s.source(id).title.clone())
        .collect();
    if titles.is_empty() {
        "Sources: none cited in this view.".to_string()
    } else {
        format!("Sources: {}.", titles.join("; "))
    }
}

/// Lays out `fig`.
pub fn layout(fig: &Figure<'_>) -> Layout {
    let s = fig.s;
    let m = &fig.matrix;
    let nc = m.columns.len() as u32;
    let nr = m.rows.len() as u32;
    let label_w = m
        .rows
        .iter()
        .map(|&r| width(&key::row_name(s, r), BODY, false))
        .chain([width(m.metric.name(), SMALL, false)])
        .max()
        .unwrap_or(0)
        + 16;
    let widest_value = width(&m.max.to_string(), BODY, true) + 18;
    let widest_head = m
        .columns
        .iter()
        .map(|&c| width(&key::column_label(s, c), BODY, true) + 10)
        .max()
        .unwrap_or(0);
    let widest_total = (0..m.columns.len())
        .map(|c| width(&key::column_total(m, c), SMALL, false) + 8)
        .max()
        .unwrap_or(0);
    let cell_w = 44.max(widest_value).max(widest_head).max(widest_total);
    let sum_w = (0..m.rows.len())
        .map(|r| width(&key::row_total(m, r), SMALL, false))
        .max()
        .unwrap_or(0)
        .max(width("Σ", BODY, true))
        + 24;
    let gx = MARGIN + label_w;
    let grid_right = gx + nc * cell_w + sum_w;

    // goal names over the chips, rotated 45°: how far up and right they reach
    let zoomed = fig.zoom.is_some();
    let name_w = |c: &Column| match c {
        Column::Sdg(n) => s.sdg(*n).map_or(0, |g| width(&g.short_name, SMALL, false)),
        _ => 0,
    };
    let names_w = m.columns.iter().map(name_w).max().unwrap_or(0);
    let reach = |w: u32| (f64::from(w) * std::f64::consts::FRAC_1_SQRT_2).ceil() as u32;
    let names_right = m
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| gx + i as u32 * cell_w + cell_w / 2 + reach(name_w(c)) + 4)
        .max()
        .unwrap_or(0);
    let width = (grid_right.max(names_right) + MARGIN).max(720);
    let text_w = width - 2 * MARGIN;

    let mut y = MARGIN;
    let mut heading = Vec::new();
    for line in wrap(&fig.heading(), HEADING + 2, text_w) {
        y += HEADING + 6;
        heading.push((y, line));
    }
    y += SUBTITLE + 8;
    let view = (y, format!("View: {}", fig.view_text()));
    let mut snapshot = Vec::new();
    for line in wrap(&snapshot_text(fig), SUBTITLE, text_w) {
        y += SUBTITLE + 6;
        snapshot.push((y, line));
    }
    y += 18;

    let (names, banner) = if zoomed {
        let b = y;
        y += BANNER_H + 4;
        (None, Some(b))
    } else if names_w > 0 {
        y += reach(names_w) + 4;
        (Some((y, names_w)), None)
    } else {
        (None, None)
    };
    let chips_y = y;
    y += CHIP_H + 2;
    let gy = y;
    y += nr * CELL_H;
    let totals_y = y;
    y += CELL_H + 18;

    let scale_y = y;
    y += 24 + 10;
    let mut legend: Vec<(u32, Vec<LegendSlot>)> = Vec::new();
    let mut row: Vec<LegendSlot> = Vec::new();
    let mut x = MARGIN;
    for (i, item) in key::legend(m, fig.sel.cross_cutting()).iter().enumerate() {
        if item.tone == key::Tone::Scale {
            continue;
        }
        let w = legend_item_w(item);
        if !row.is_empty() && x + w > MARGIN + text_w {
            legend.push((y, std::mem::take(&mut row)));
            y += 22;
            x = MARGIN;
        }
        row.push((x, i));
        x += w + 16;
    }
    if !row.is_empty() {
        legend.push((y, row));
        y += 22;
    }
    y += 8;
    let mut sources = Vec::new();
    for line in wrap(&sources_text(fig), SMALL, text_w) {
        y += SMALL + 5;
        sources.push((y, line));
    }
    let height = y + MARGIN;
    Layout {
        width,
        height,
        heading,
        view,
        snapshot,
        names,
        banner,
        chips_y,
        cell_w,
        sum_w,
        gx,
        gy,
        totals_y,
        scale_y,
        legend,
        sources,
    }
}
